import { buildPodMonitors, TARGET_RELABELINGS } from '../../../lib/core/monitoring/pod-monitors';
import { PrometheusOperatorSchemas } from '../../helpers/prometheus-operator-schemas';
import { targetLabels } from '../../helpers/relabel';
import { spec } from './fixtures';

describe('PodMonitors', () => {
  const schemas = new PrometheusOperatorSchemas();

  test('brokers/controllers, Kafka Exporter, Cruise Control, the Cluster and Entity Operators; MirrorMaker 2 only with replication', () => {
    expect(buildPodMonitors(spec()).map((m) => m.metadata.name)).toEqual(['kafka-prod-kafka', 'kafka-prod-cluster-operator', 'kafka-prod-entity-operator', 'kafka-prod-kafka-exporter', 'kafka-prod-cruise-control']);
    expect(buildPodMonitors(spec({ mirrorMaker2: true })).map((m) => m.metadata.name)).toContain('kafka-prod-mirror-maker-2');
    const bare = spec();
    expect(buildPodMonitors({ ...bare, cluster: { ...bare.cluster, cruiseControl: false, kafkaExporter: false } }).map((m) => m.metadata.name)).toEqual(['kafka-prod-kafka', 'kafka-prod-cluster-operator', 'kafka-prod-entity-operator']);
  });

  test('are valid prometheus-operator PodMonitors carrying the selector labels, on port tcp-prometheus (operators: their own ports)', () => {
    const monitors = buildPodMonitors(spec({ mirrorMaker2: true, prometheusSelectorLabels: { release: 'monitoring' } }));
    expect(monitors.flatMap((m) => schemas.validate(m))).toEqual([]);
    for (const m of monitors) {
      expect(m.metadata.labels).toMatchObject({ release: 'monitoring' });
      const port = (m.spec as { podMetricsEndpoints: { port: string }[] }).podMetricsEndpoints[0].port;
      const own: Record<string, string> = { 'kafka-prod-cluster-operator': 'http', 'kafka-prod-entity-operator': 'healthcheck' };
      expect(port).toBe(own[m.metadata.name] ?? 'tcp-prometheus');
    }
  });

  test('the schema rejects a misspelt field (the check can fail)', () => {
    const m = buildPodMonitors(spec())[0];
    expect(schemas.validate({ ...m, spec: { ...(m.spec as object), podMetricEndpoints: [] } }).join()).toMatch(/additional properties/);
  });

  test('relabelling gives series namespace, pod and the strimzi_io_* labels, and no other pod labels', () => {
    const labels = targetLabels(buildPodMonitors(spec())[0], {
      name: 'kafka-prod-brokers-4',
      namespace: 'kafka',
      container: 'kafka',
      node: 'worker-7',
      labels: { 'strimzi.io/cluster': 'kafka-prod', 'strimzi.io/pool-name': 'brokers', 'strimzi.io/broker-role': 'true', 'app.kubernetes.io/name': 'kafka', 'pod-template-hash': 'x' },
    });
    expect(labels).toEqual({
      namespace: 'kafka', pod: 'kafka-prod-brokers-4', container: 'kafka', endpoint: 'tcp-prometheus', job: 'kafka/kafka-prod-kafka', instance: '10.1.0.1:9404',
      strimzi_io_cluster: 'kafka-prod', strimzi_io_pool_name: 'brokers', strimzi_io_broker_role: 'true',
      kubernetes_pod_name: 'kafka-prod-brokers-4', node_name: 'worker-7', node_ip: '10.0.0.1',
    });
    expect(TARGET_RELABELINGS.length).toBe(4);
  });
});
