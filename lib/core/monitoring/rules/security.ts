import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** Authentication on the brokers' listeners. */

export function authenticationFailures(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c } = x;
  return [
    {
      alert: 'KafkaAuthenticationFailures',
      severity: 'warning',
      // Summed over brokers and network processors: a client retries against every broker it knows.
      expr: `sum by (namespace, listener) (rate(kafka_server_socket_server_metrics_failed_authentication_total{${sel.brokers}}[5m])) > ${t.failedAuthenticationsPerSecond}`,
      for: '10m',
      summary: `Clients keep failing to authenticate to Kafka cluster ${c}`,
      description: `{{ $value | printf "%.2f" }} authentications a second fail on listener {{ $labels.listener }} (threshold ${t.failedAuthenticationsPerSecond}/s): a client with a stale password or an untrusted certificate, or someone guessing.`,
    },
  ];
}
