import { CAPACITY_PROJECTION_ALERTS, capacityRuleGroups } from '../../../../lib/core/monitoring/capacity/capacity-rules';
import { spec } from '../fixtures';

describe('capacity projection rules', () => {
  test('none without capacity planning; with it one 5-minute group: 1-hour averages first, then projections, then alerts', () => {
    expect(capacityRuleGroups(spec())).toEqual([]);
    const [g] = capacityRuleGroups(spec({ capacityPlanning: {} }));
    expect([g.name, g.interval]).toEqual(['kafka-prod.capacity-planning', '5m']);
    const records = g.records!.map((r) => r.record);
    expect(records.slice(0, 3)).toEqual(['kafka_pvc:data_volume_used_bytes:avg1h', 'kafka_cluster:messages_in_per_second:avg1h', 'kafka_cluster:partition_replicas:avg1h']);
    for (const base of ['kafka_pvc:data_volume_used_bytes', 'kafka_cluster:messages_in_per_second', 'kafka_cluster:partition_replicas']) {
      expect(records).toEqual(expect.arrayContaining([`${base}:projected30d`, `${base}:projected60d`, `${base}:projected90d`, `${base}:trigger_timestamp`, `${base}:growth_per_day`]));
    }
    expect(g.rules.map((r) => `${r.alert} ${r.severity} ${r.priority ?? ''}`)).toEqual([
      'KafkaDiskUsageProjection warning ', 'KafkaMessageRateProjection warning ', 'KafkaPartitionCountProjection warning ',
      'KafkaDiskUsageProjection info ', 'KafkaMessageRateProjection info ', 'KafkaPartitionCountProjection info ',
    ]);
    expect([...new Set(g.rules.map((r) => r.alert))]).toEqual([...CAPACITY_PROJECTION_ALERTS]);
  });

  test('trends are fitted on the hourly averages over the history, never on raw samples; the averages keep one series per volume and pod', () => {
    const [g] = capacityRuleGroups(spec({ capacityPlanning: { history: '14d', horizon: '14d' } }));
    const expr = (name: string) => g.records!.find((r) => r.record === name)!.expr;
    expect(expr('kafka_pvc:data_volume_used_bytes:avg1h')).toMatch(/^max by \(namespace, persistentvolumeclaim\) \(avg_over_time\(kubelet_volume_stats_used_bytes\{[^}]+\}\[1h\]\)\)$/);
    expect(expr('kafka_cluster:partition_replicas:avg1h')).toContain('sum(max by (namespace, pod) (avg_over_time(kafka_server_replicamanager_partitioncount{');
    expect(expr('kafka_pvc:data_volume_used_bytes:projected90d')).toBe('predict_linear(kafka_pvc:data_volume_used_bytes:avg1h{namespace="kafka", strimzi_io_cluster="kafka-prod"}[14d], 7776000)');
    for (const r of g.records!.slice(3)) expect([r.record, /kubelet_volume_stats_used_bytes|messagesin_total|partitioncount/.test(r.expr)]).toEqual([r.record, false]);
  });

  test('triggers and horizons from configuration: disk share of each volume, the message rate, replicas per broker times the brokers', () => {
    const [g] = capacityRuleGroups(spec({ thresholds: { capacity: { diskUsagePercent: 70, messagesInPerSecond: 60_000 } }, capacityPlanning: { horizon: '21d', urgentHorizon: '3d', triggers: { partitions: '3k/broker' } } }));
    const expr = (name: string) => g.records!.find((r) => r.record === name)!.expr;
    expect(expr('kafka_pvc:data_volume_used_bytes:trigger_timestamp')).toContain('(time() + (0.7 * max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes{');
    expect(expr('kafka_cluster:messages_in_per_second:trigger_timestamp')).toMatch(/^\(\(time\(\) \+ \(60000 - kafka_cluster/);
    expect(expr('kafka_cluster:partition_replicas:trigger_timestamp')).toMatch(/^\(\(time\(\) \+ \(18000 - kafka_cluster/);
    expect(expr('kafka_cluster:brokers_needed_for_messages:count')).toBe('ceil(predict_linear(kafka_cluster:messages_in_per_second:avg1h{namespace="kafka", strimzi_io_cluster="kafka-prod"}[30d], 1814400) / 10000)');
    const alert = (name: string, severity: string) => g.rules.find((r) => r.alert === name && r.severity === severity)!;
    // A trigger date is recorded only once the history reaches back `minimumHistory` (7 d by default).
    expect(expr('kafka_pvc:data_volume_used_bytes:trigger_timestamp')).toMatch(/\) and on \(namespace, persistentvolumeclaim\) max_over_time\(kafka_pvc:data_volume_used_bytes:avg1h\{namespace="kafka", strimzi_io_cluster="kafka-prod"\}\[1h\] offset 7d\)$/);
    expect(expr('kafka_cluster:messages_in_per_second:trigger_timestamp')).toMatch(/\) and on \(\) max_over_time\(kafka_cluster:messages_in_per_second:avg1h\{[^}]*\}\[1h\] offset 7d\)$/);
    expect(alert('KafkaDiskUsageProjection', 'info').expr).toBe('kafka_pvc:data_volume_used_bytes:trigger_timestamp{namespace="kafka", strimzi_io_cluster="kafka-prod"} < time() + 1814400');
    expect(alert('KafkaDiskUsageProjection', 'warning').expr).toMatch(/< time\(\) \+ 259200$/);
    expect([alert('KafkaMessageRateProjection', 'info').for, alert('KafkaMessageRateProjection', 'warning').for]).toEqual(['1h', '30m']);
  });

  test('descriptions say when (the day, from the alert\'s value) and what to add', () => {
    const [g] = capacityRuleGroups(spec({ capacityPlanning: {} }));
    const d = (name: string) => g.rules.find((r) => r.alert === name && r.severity === 'info')!.description;
    expect(d('KafkaDiskUsageProjection')).toContain('reaches 75 % of its size on {{ (toTime $value).Format "Monday 2 January 2006" }}');
    expect(d('KafkaDiskUsageProjection')).toContain('a size of at least {{ with printf `kafka_pvc:data_volume_size_needed:bytes{namespace=%q, persistentvolumeclaim=%q}` $labels.namespace $labels.persistentvolumeclaim | query }}');
    expect(d('KafkaMessageRateProjection')).toContain('on each of its 6 brokers');
    expect(d('KafkaMessageRateProjection')).toContain('the trigger\'s 13,333/s per broker');
    expect(d('KafkaPartitionCountProjection')).toContain('brokers keep each under 4,000');
  });
});
