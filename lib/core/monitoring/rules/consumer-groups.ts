import { CONSUMER_GROUP_OWNER_SERIES, OWNER_TEAM_LABEL } from '../consumer-groups';
import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/**
 * Declared consumer groups whose consumers are gone: no members, lag growing. The lag alerts need members
 * (a group without them stopped on purpose, or is an ad-hoc console consumer), so a declared group whose
 * consumers all died would page nobody. Ownership comes from the catalogue as a series
 * (`consumer-groups.ts`); the alert carries the owner's `team` and routes to it.
 */
export function consumerGroupStalled(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, s } = x;
  if (!s.cluster.kafkaExporter) return [];
  const lag = `kafka_consumergroup_lag_sum{${sel.kafkaExporter}}`;
  const noMembers = `(max by (namespace, consumergroup) (kafka_consumergroup_members{${sel.kafkaExporter}}) == 0)`;
  // One owner per group; a group two stacks both declare goes to one of them rather than breaking the join.
  const owner = `topk by (namespace, consumergroup) (1, ${CONSUMER_GROUP_OWNER_SERIES}{namespace="${s.cluster.namespace}"})`;
  const stalled = (window: string, above: number) =>
    `(max by (namespace, consumergroup, topic) (${lag}) > ${above}` +
    ` and on (namespace, consumergroup, topic) (max by (namespace, consumergroup, topic) (delta(${lag}[${window}])) > 0)` +
    ` and on (namespace, consumergroup) ${noMembers})` +
    ` * on (namespace, consumergroup) group_left (${OWNER_TEAM_LABEL}) ${owner}`;
  const common = {
    alert: 'KafkaConsumerGroupStalled' as const,
    team: `{{ $labels.${OWNER_TEAM_LABEL} }}`,
    summary: 'A declared consumer group has no members while its lag grows',
    description: `Consumer group {{ $labels.consumergroup }} of team {{ $labels.${OWNER_TEAM_LABEL} }} has no members and its lag on {{ $labels.topic }} grows ({{ $value }} messages): its consumers are gone.`,
  };
  return [
    // The lag has grown over 10 minutes without anyone consuming: the consumers are gone, not restarting.
    { ...common, severity: 'warning', expr: stalled('10m', 0), for: '5m' },
    // Past the critical lag it pages (P2, within 10 minutes).
    { ...common, severity: 'critical', expr: stalled('5m', t.consumerLagMessages.critical), for: '2m' },
  ];
}
