import { ResolvedMonitoringSpec } from '../../lib/core/monitoring/monitoring-spec';
import { RECORDS } from '../../lib/core/monitoring/recorded-series';
import { AlertCase, constant, InputSeries, recordedSeries, seriesOf } from './alert-scenarios';

/**
 * KafkaConsumerGroupStalled, written from what it must detect: a declared consumer group whose members are
 * gone while its lag grows, alerting its owning team. Where the environment declares groups (its catalogue),
 * ownership comes from the rendered recording rules; otherwise it is fed as the series another stack's
 * `KafkaConsumerGroupOwners` would record. Both ways: quiet for an undeclared group stopped on purpose, for a
 * declared group with members (KafkaConsumerLag's), and for a declared group without members whose lag is flat.
 */
export function consumerGroupCases(s: ResolvedMonitoringSpec, exporter: Record<string, string>): AlertCase[] {
  if (!s.cluster.kafkaExporter) return [];
  const declared = s.consumerGroups[0] ?? { group: 'invoice-writer', team: 'billing' };
  const recorded = s.consumerGroups.length > 0;
  const ns = s.cluster.namespace;
  const topic = 'orders.order-placed.v1';
  /** Kafka Exporter's series of a group: its members, and its lag on one topic from `lag(m)`. */
  const group = (name: string, members: number, lag: (m: number) => number, minutes: number): InputSeries[] => {
    const length = minutes + 5;
    return [
      seriesOf('kafka_consumergroup_members', exporter, { consumergroup: name }, constant(members, minutes)),
      seriesOf('kafka_consumergroup_lag_sum', exporter, { consumergroup: name, topic }, Array.from({ length: length + 1 }, (_, m) => lag(m)).join(' ')),
    ];
  };
  /** Ownership as another stack's rule would record it (the environment's own rules record their catalogue). */
  const owned = (minutes: number): InputSeries[] =>
    recorded ? [] : [recordedSeries(RECORDS.consumerGroupOwner, { namespace: ns, consumergroup: declared.group, owner_team: declared.team }, constant(1, minutes))];
  const growing = (from: number, perMinute: number) => (m: number) => from + m * perMinute;
  const labels = { consumergroup: declared.group, topic, owner_team: declared.team, team: declared.team };
  const critical = s.thresholds.consumerLagMessages.critical;
  const where = recorded ? 'declared in the catalogue' : 'declared by another stack';

  const stalledWarning = (m: number) => [...group(declared.group, 0, growing(100, 1_000), m), ...owned(m)];
  const stalledCritical = (m: number) => [...group(declared.group, 0, growing(critical + 1, 1_000), m), ...owned(m)];
  return [
    // Lag grows from minute 0; the condition holds from minute 1 (two samples), the warning fires after its 5 minutes.
    { alert: 'KafkaConsumerGroupStalled', description: `warning fires: a group ${where} lost its members and its lag grows`, series: stalledWarning(12), evalMinutes: 7, expected: [{ severity: 'warning', labels }] },
    { alert: 'KafkaConsumerGroupStalled', description: 'warning still pending before its for', series: stalledWarning(12), evalMinutes: 5, expected: [] },
    // Past the critical lag it pages after 2 minutes, before the warning's 5.
    { alert: 'KafkaConsumerGroupStalled', description: 'critical fires: its lag grows past the critical level', series: stalledCritical(12), evalMinutes: 4, expected: [{ severity: 'critical', labels }] },
    { alert: 'KafkaConsumerGroupStalled', description: 'critical still pending before its for', series: stalledCritical(12), evalMinutes: 2, expected: [] },
    {
      alert: 'KafkaConsumerGroupStalled', description: 'stays quiet: an undeclared group stopped on purpose, its lag growing',
      series: [...group('reporting-adhoc', 0, growing(100, 1_000), 12), ...owned(12)], evalMinutes: 8, expected: [],
    },
    {
      alert: 'KafkaConsumerGroupStalled', description: 'stays quiet: the declared group has members (falling behind is KafkaConsumerLag\'s)',
      series: [...group(declared.group, 3, growing(critical + 1, 1_000), 12), ...owned(12)], evalMinutes: 8, expected: [],
    },
    {
      alert: 'KafkaConsumerGroupStalled', description: 'stays quiet: the declared group has no members but nothing new to consume (flat lag)',
      series: [...group(declared.group, 0, () => critical + 1, 12), ...owned(12)], evalMinutes: 8, expected: [],
    },
  ];
}
