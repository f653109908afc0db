import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** The request path of the brokers: produce latency and the idle ratios of their thread pools. */

const CRITICAL_FOR = { warning: '10m', critical: '5m' } as const;
/** The idle ratios are one-minute rates: a warning after 15 minutes, a page after 5 (P2's budget is 10). */
const IDLE_FOR = { warning: '15m', critical: '5m' } as const;

export function slowProducer(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  // Only Produce: a Fetch request waits up to fetch.max.wait.ms by design, so its time is not latency.
  // The p99 is already smoothed (a reservoir biased to the last 5 minutes): critical pages after 5 minutes.
  return (['warning', 'critical'] as const).map((severity) => ({
    alert: 'KafkaSlowProducer',
    severity,
    expr: `kafka_network_requestmetrics_totaltimems{${sel.brokers}, request="Produce", quantile="0.99"} > ${t.produceLatencyP99Ms[severity]}`,
    for: CRITICAL_FOR[severity],
    summary: 'Kafka produce latency p99 is high',
    description: `p99 of Produce requests on {{ $labels.pod }} is {{ $value }} ms (threshold ${t.produceLatencyP99Ms[severity]} ms).`,
  }));
}

/** The guide lists the request handler idle ratio among its critical metrics; both pools saturate first when a broker is overloaded. */
export function threadPoolsIdleLow(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  return (['warning', 'critical'] as const).flatMap((severity) => [
    {
      alert: 'KafkaRequestHandlerIdleLow' as const,
      severity,
      expr: `kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent{${sel.brokers}} < ${t.requestHandlerIdlePercent[severity] / 100}`,
      for: IDLE_FOR[severity],
      summary: 'Kafka request handler threads are saturated',
      description: `Request handlers of {{ $labels.pod }} are idle {{ $value | humanizePercentage }} of the time (threshold ${t.requestHandlerIdlePercent[severity]}%).`,
    },
    {
      alert: 'KafkaNetworkProcessorIdleLow' as const,
      severity,
      expr: `kafka_network_socketserver_networkprocessoravgidle_percent{${sel.brokers}} < ${t.networkProcessorIdlePercent[severity] / 100}`,
      for: IDLE_FOR[severity],
      summary: 'Kafka network threads are saturated',
      description: `Network processors of {{ $labels.pod }} are idle {{ $value | humanizePercentage }} of the time (threshold ${t.networkProcessorIdlePercent[severity]}%).`,
    },
  ]);
}
