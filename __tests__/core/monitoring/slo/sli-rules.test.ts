import { sliRuleGroup } from '../../../../lib/core/monitoring/slo/sli-rules';
import { spec } from '../fixtures';

describe('SLI recording rules', () => {
  test('recorded per cluster at the scrape interval, whether or not SLOs are set, labelled with the cluster', () => {
    const g = sliRuleGroup(spec());
    expect([g.name, g.interval, g.rules]).toEqual(['kafka-prod.sli', '30s', []]);
    expect(g.records!.map((r) => r.record)).toEqual([
      'kafka_cluster:partitions_unwritable:ratio', 'kafka_cluster:produce_requests_failed:ratio_rate5m', 'kafka_cluster:produce_request_p99_ms:max',
      'kafka_cluster:fetch_consumer_request_p99_ms:max', 'kafka_cluster:data_volume_available:min_ratio', 'kafka_consumergroup:lag_with_members:sum',
    ]);
    expect(g.records!.every((r) => JSON.stringify(r.labels) === '{"namespace":"kafka","strimzi_io_cluster":"kafka-prod"}')).toBe(true);
    expect(sliRuleGroup(spec({ scrapeInterval: '15s' })).interval).toBe('15s');
  });

  test('availability: offline (max over the controllers) plus under min ISR (summed over the leaders), over led plus offline; no broker answering counts as down', () => {
    const unwritable = sliRuleGroup(spec()).records![0].expr;
    expect(unwritable).toContain('max(kafka_controller_kafkacontroller_offlinepartitionscount{namespace="kafka", job="kafka/kafka-prod-kafka", strimzi_io_controller_role="true"})');
    expect(unwritable).toContain('sum(kafka_server_replicamanager_underminisrpartitioncount{namespace="kafka", job="kafka/kafka-prod-kafka", strimzi_io_broker_role="true"})');
    expect(unwritable).toContain('sum(kafka_server_replicamanager_leadercount{');
    expect(unwritable).toMatch(/ or on \(\) \(vector\(1\) unless on \(\) \(count\(up\{[^}]*strimzi_io_broker_role="true"\} == 1\) > 0\)\)$/);
  });

  test('consumer lag only where Kafka Exporter runs, and only for groups with members', () => {
    const lag = (kafkaExporter: boolean) => sliRuleGroup({ ...spec(), cluster: { ...spec().cluster, kafkaExporter } }).records!.find((r) => r.record === 'kafka_consumergroup:lag_with_members:sum');
    expect(lag(false)).toBeUndefined();
    expect(lag(true)!.expr).toContain('and on (consumergroup) (max by (consumergroup) (kafka_consumergroup_members{namespace="kafka", job="kafka/kafka-prod-kafka-exporter"}) > 0)');
  });
});
