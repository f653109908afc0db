import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** The Strimzi-managed CAs (Cluster Operator metrics). */

export function certificateExpiring(x: RuleContext): PlatformAlertRule[] {
  const { t, sel, c } = x;
  return (['warning', 'critical'] as const).map((severity) => ({
    alert: 'KafkaCertificateExpiring',
    severity,
    expr: `(strimzi_certificate_expiration_timestamp_ms{${sel.certificates}} - time() * 1000) / 86400000 < ${t.certificateExpiryDays[severity]}`,
    // The expiry is a timestamp, not a noisy signal: the `for` only rides out an operator restart.
    for: severity === 'critical' ? '5m' : '15m',
    summary: 'A Strimzi-managed certificate expires soon',
    description: `The {{ $labels.type }} certificate of ${c} expires in {{ $value | printf "%.1f" }} days (threshold ${t.certificateExpiryDays[severity]}); renewal only happens inside the maintenance windows.`,
  }));
}
