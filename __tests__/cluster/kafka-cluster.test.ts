import 'cdktf/lib/testing/adapters/jest';

import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { NodeTopology } from '../../lib/core/strimzi/kafka';
import { Listener } from '../../lib/core/strimzi/listener';
import { Storage } from '../../lib/core/strimzi/storage';
import { ValidationError } from '../../lib/core/validation';
import { releaseObjects, synthJson, testStack } from '../helpers/synth';

const topology = NodeTopology.dedicated(
  { name: 'controllers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) },
  [{ name: 'brokers', replicas: 3, storage: Storage.persistentClaim({ size: '100Gi' }) }],
);

describe('KafkaCluster', () => {
  test('delivers Kafka and node pools through its own release, kept on removal', () => {
    const stack = testStack();
    new KafkaCluster(stack, 'cluster', { name: 'events', namespace: 'kafka', topology });
    const objects = releaseObjects(synthJson(stack)).get('events-cluster')!;
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Kafka/events', 'KafkaNodePool/brokers', 'KafkaNodePool/controllers']);
    expect(objects.every((o) => o.metadata.annotations?.['helm.sh/resource-policy'] === 'keep')).toBe(true);
  });

  test('exposes what other constructs need', () => {
    const cluster = new KafkaCluster(testStack(), 'cluster', {
      name: 'events',
      namespace: 'kafka',
      topology,
      listeners: [Listener.internalTls(), Listener.external({ type: 'loadbalancer' })],
    });
    expect(cluster.bootstrapServers()).toBe('events-kafka-bootstrap.kafka.svc:9093');
    expect(cluster.bootstrapServers('external')).toBe('events-kafka-external-bootstrap.kafka.svc:9094');
    expect(cluster.clusterCaCertSecret).toBe('events-cluster-ca-cert');
    expect(cluster.clientsCaCertSecret).toBe('events-clients-ca-cert');
    expect([cluster.brokerCount, cluster.defaultReplicationFactor, cluster.minInsyncReplicas]).toEqual([3, 3, 2]);
    expect(cluster.defaultRetentionMs).toBe(168 * 3_600_000);
    // The brokers' retention as rendered, also when config writes it as a string.
    const longer = new KafkaCluster(testStack(), 'cluster', { name: 'events', namespace: 'kafka', topology, config: { 'log.retention.ms': '5184000000' } });
    expect(longer.defaultRetentionMs).toBe(5_184_000_000);
    expect(() => cluster.bootstrapServers('nope')).toThrow(/listenerName = "nope": one of the cluster's listeners: tls, external/);
  });

  test('invalid props fail in the constructor with the construct path and every issue', () => {
    const stack = testStack('my-stack');
    try {
      new KafkaCluster(stack, 'cluster', { name: 'events', namespace: 'kafka', topology, brokerDefaults: { defaultReplicationFactor: 5, minInsyncReplicas: 5 } });
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const message = (e as Error).message;
      expect(message).toContain('my-stack/cluster: brokerDefaults.defaultReplicationFactor = 5: at most the number of brokers (3)');
      expect(message).toContain('my-stack/cluster: brokerDefaults.minInsyncReplicas = 5: below the replication factor (5)');
    }
  });

  test('fromClusterAttributes references a cluster by name and namespace without creating anything', () => {
    const stack = testStack();
    const ref = KafkaCluster.fromClusterAttributes(stack, 'platform', { clusterName: 'kafka-prod', namespace: 'kafka' });
    expect(ref.bootstrapServers()).toBe('kafka-prod-kafka-bootstrap.kafka.svc:9093');
    expect([ref.defaultReplicationFactor, ref.minInsyncReplicas, ref.brokerCount]).toEqual([3, 2, undefined]);
    expect(ref.clusterCaCertSecret).toBe('kafka-prod-cluster-ca-cert');
    expect(ref.dependables).toEqual([]);
    expect(synthJson(stack).resource).toBeUndefined();
    expect(() => KafkaCluster.fromClusterAttributes(stack, 'bad', { clusterName: 'Kafka', namespace: 'kafka' })).toThrow(/bad: clusterName = "Kafka"/);
  });
});

describe('KafkaCluster: what monitoring reads', () => {
  test('an owned cluster exposes pools, controllers, components, CA renewal and its metrics export', () => {
    const cluster = new KafkaCluster(testStack(), 'cluster', {
      name: 'events',
      namespace: 'kafka',
      topology,
      metrics: true,
      cruiseControl: {},
      kafkaExporter: false,
      clientsCa: { renewalDays: 20 },
      maintenanceTimeWindows: ['* * 2-4 ? * SUN'],
    });
    expect(cluster.nodePools).toEqual([
      { name: 'controllers', roles: ['controller'], replicas: 3 },
      { name: 'brokers', roles: ['broker'], replicas: 3 },
    ]);
    expect(cluster.controllerCount).toBe(3);
    expect(cluster.components).toEqual({ cruiseControl: true, kafkaExporter: false, entityOperator: true });
    expect(cluster.certificateRenewalDays).toBe(20);
    expect(cluster.maintenanceTimeWindows).toEqual(['* * 2-4 ? * SUN']);
    expect(cluster.exportsMetrics).toBe(true);
    const spec = cluster.manifests.kafka.spec as { kafka: { metricsConfig: unknown }; cruiseControl: { metricsConfig: unknown } };
    expect(spec.kafka.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'events-jmx-exporter-rules', key: 'kafka-metrics.yaml' } } });
    expect(spec.cruiseControl.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'events-jmx-exporter-rules', key: 'cruise-control-metrics.yaml' } } });
  });

  test('without metrics the cluster exports nothing; metrics with an own ConfigMap is refused', () => {
    const stack = testStack();
    const plain = new KafkaCluster(stack, 'plain', { name: 'events', namespace: 'kafka', topology, cruiseControl: {} });
    expect(plain.exportsMetrics).toBe(false);
    expect((plain.manifests.kafka.spec as { kafka: Record<string, unknown> }).kafka.metricsConfig).toBeUndefined();
    expect(() => new KafkaCluster(stack, 'both', { name: 'other', namespace: 'kafka', topology, metrics: true, metricsConfigMap: { name: 'mine', key: 'k' } })).toThrow(
      /both: metricsConfigMap = \{"name":"mine","key":"k"\}: unset with metrics: true/,
    );
  });

  test('a referenced cluster derives its broker and controller counts from the pools it is given', () => {
    const stack = testStack();
    const ref = KafkaCluster.fromClusterAttributes(stack, 'platform', {
      clusterName: 'kafka-prod',
      namespace: 'kafka',
      nodePools: [{ name: 'controllers', roles: ['controller'], replicas: 3 }, { name: 'brokers', roles: ['broker'], replicas: 6 }],
      components: { cruiseControl: true },
    });
    expect([ref.brokerCount, ref.controllerCount]).toEqual([6, 3]);
    expect(ref.components).toEqual({ cruiseControl: true, kafkaExporter: true, entityOperator: true });
    expect([ref.exportsMetrics, ref.certificateRenewalDays, ref.maintenanceTimeWindows]).toEqual([false, 30, []]);
    expect(() =>
      KafkaCluster.fromClusterAttributes(stack, 'mismatch', { clusterName: 'kafka-prod', namespace: 'kafka', brokerCount: 3, nodePools: [{ name: 'b', roles: ['broker'], replicas: 6 }] }),
    ).toThrow(/mismatch: brokerCount = 3: the replicas of the broker pools \(6\), or unset/);
  });
});

describe('KafkaCluster hardening inputs', () => {
  test('bad throttles, capacities, grace, quotas and a skipped upgrade step fail synth together, each with path, field, value and what is allowed', () => {
    const bad = NodeTopology.dedicated(
      { name: 'controllers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) },
      [{ name: 'brokers', replicas: 3, storage: Storage.persistentClaim({ size: '100Gi' }), terminationGracePeriodSeconds: 29 }],
    );
    let error: unknown;
    try {
      new KafkaCluster(testStack(), 'cluster', {
        name: 'events',
        namespace: 'kafka',
        topology: bad,
        version: '4.2.1',
        metadataVersion: '4.3-IV0',
        cruiseControl: { replicationThrottle: -1, brokerCapacity: { inboundNetwork: 'fast' } },
        quotas: { consumerByteRate: -5 },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message.split('\n')).toEqual([
      '5 invalid inputs',
      '  - test/cluster: metadataVersion = "4.3-IV0": at most 4.2-IV1 for Kafka 4.2.1 (a broker cannot run a newer metadata version): upgrade in two steps, first version (deploy, verify), then metadataVersion in a later change',
      '  - test/cluster: topology.pools[1].terminationGracePeriodSeconds = 29: a whole number from 30 to 3600',
      '  - test/cluster: cruiseControl.replicationThrottle = -1: a whole number of bytes per second above 0, e.g. 52428800 (50 MiB/s); 0 would mean unthrottled',
      '  - test/cluster: cruiseControl.brokerCapacity.inboundNetwork = "fast": a whole number of bytes per second with an optional K, M, G, Ki, Mi or Gi unit, e.g. "125MB/s" or "10000KiB/s"',
      '  - test/cluster: quotas.consumerByteRate = -5: a whole number of bytes per second above 0 (omit it for no limit)',
    ]);
  });
});
