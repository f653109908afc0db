import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** Message rates per broker and per cluster (the guide's alert and its add-broker trigger). */

export function highThroughput(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  return [
    {
      alert: 'KafkaHighThroughput',
      severity: 'warning',
      // The guide's alert, per broker: a hot broker (skewed partitions) stands out long before the cluster
      // total reaches its capacity trigger. The series without a `topic` label is each broker's total.
      expr: `sum by (namespace, pod) (rate(kafka_server_brokertopicmetrics_messagesin_total{${sel.brokers}, topic=""}[5m])) > ${t.brokerMessagesInPerSecond}`,
      for: '15m',
      summary: 'A Kafka broker receives a high message rate',
      description: `{{ $labels.pod }} receives {{ $value | printf "%.0f" }} messages/s (threshold ${t.brokerMessagesInPerSecond}/s): check partition leadership balance.`,
    },
  ];
}

export function messageRateCapacity(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c } = x;
  return [
    {
      alert: 'KafkaMessageRateCapacity',
      severity: 'info',
      expr: `sum(rate(kafka_server_brokertopicmetrics_messagesin_total{${sel.brokers}, topic=""}[5m])) > ${t.capacity.messagesInPerSecond}`,
      for: '15m',
      summary: `Kafka cluster ${c} is near its planned message rate`,
      description: `${c} receives {{ $value | printf "%.0f" }} messages/s (capacity trigger ${t.capacity.messagesInPerSecond}/s): plan another broker.`,
    },
  ];
}
