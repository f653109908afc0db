import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** The platform's scrape targets: a target that fails its scrape blinds the alerts that read it. */

export function metricsTargetDown(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaMetricsTargetDown',
      severity: 'warning',
      expr: `up{${x.sel.anyPlatformJob}} == 0`,
      for: '5m',
      summary: 'A Kafka platform metrics endpoint cannot be scraped',
      description: 'Prometheus cannot scrape {{ $labels.pod }} ({{ $labels.job }}): alerts that need its metrics are blind.',
    },
  ];
}
