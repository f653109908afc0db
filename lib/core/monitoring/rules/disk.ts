import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** The brokers' data volumes: offline log directories, usage, the capacity trigger and the fill forecast. */

export function offlineLogDirectory(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaOfflineLogDirectory',
      severity: 'critical',
      expr: `kafka_log_logmanager_offlinelogdirectorycount{${x.sel.brokers}} > 0`,
      for: '1m',
      summary: 'A broker has an offline log directory',
      description: '{{ $value }} log directories of {{ $labels.pod }} are offline after I/O errors; its partitions there moved or went offline.',
    },
  ];
}

export function diskSpaceHigh(x: RuleContext): PlatformAlertRule[] {
  const { t } = x;
  return (['warning', 'critical'] as const).map((severity) => ({
    alert: 'KafkaDiskSpaceHigh',
    severity,
    expr: `${x.diskPercent} > ${t.diskUsagePercent[severity]}`,
    // The guide's 15 minutes for the warning; the page (P2, 10-minute budget) after 5: disks fill steadily,
    // the `for` only spans a retention cleanup.
    for: severity === 'critical' ? '5m' : '15m',
    summary: 'Kafka data volume is filling up',
    description: `Volume {{ $labels.persistentvolumeclaim }} is {{ $value | printf "%.1f" }}% full (threshold ${t.diskUsagePercent[severity]}%).`,
  }));
}

export function diskUsageCapacity(x: RuleContext): PlatformAlertRule[] {
  const { t } = x;
  return [
    {
      alert: 'KafkaDiskUsageCapacity',
      severity: 'info',
      expr: `${x.diskPercent} > ${t.capacity.diskUsagePercent}`,
      for: '30m',
      summary: 'Kafka data volume passed its capacity trigger',
      description: `Volume {{ $labels.persistentvolumeclaim }} is {{ $value | printf "%.1f" }}% full (trigger ${t.capacity.diskUsagePercent}%): grow the volume or shorten retention.`,
    },
  ];
}

export function diskFullForecast(x: RuleContext): PlatformAlertRule[] {
  const { t, sel } = x;
  return [
    {
      alert: 'KafkaDiskFullForecast',
      severity: 'warning',
      // A forecast 96 hours ahead needs a response within a day (P4), not within 2 hours; its 6-hour
      // regression makes it page hours after growth starts, which only P4's budget allows.
      priority: 'P4',
      expr: `predict_linear(kubelet_volume_stats_available_bytes{${sel.dataVolumes}}[6h], ${t.diskFullForecastHours * 3600}) < 0`,
      for: '1h',
      summary: 'Kafka data volume will be full soon',
      description: `At the growth of the last 6 hours, {{ $labels.persistentvolumeclaim }} is full within ${t.diskFullForecastHours} hours.`,
    },
  ];
}
