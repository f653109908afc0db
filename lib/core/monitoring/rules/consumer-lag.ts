import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** Consumer lag of groups that have members (Kafka Exporter). */

export function consumerLag(x: RuleContext): PlatformAlertRule[] {
  const { t } = x;
  return (['warning', 'critical'] as const).map((severity) => ({
    alert: 'KafkaConsumerLag',
    severity,
    expr: `${x.lag} > ${t.consumerLagMessages[severity]} and on (namespace, consumergroup) ${x.withMembers}`,
    // The guide's 10 minutes for the warning; the page (P2, 10-minute budget) after 5.
    for: severity === 'critical' ? '5m' : '10m',
    summary: 'High consumer lag',
    description: `Consumer group {{ $labels.consumergroup }} is {{ $value }} messages behind on topic {{ $labels.topic }} (threshold ${t.consumerLagMessages[severity]}).`,
  }));
}

export function consumerLagCapacity(x: RuleContext): PlatformAlertRule[] {
  const { t } = x;
  return [
    {
      alert: 'KafkaConsumerLagCapacity',
      severity: 'info',
      expr: `${x.lag} > ${t.capacity.consumerLagMessages} and on (namespace, consumergroup) ${x.withMembers}`,
      for: '10m',
      summary: 'Consumer group lag passed its scaling trigger',
      description: `Group {{ $labels.consumergroup }} is {{ $value }} messages behind on {{ $labels.topic }} (trigger ${t.capacity.consumerLagMessages}): scale the consumers.`,
    },
  ];
}
