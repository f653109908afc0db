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
    for: '15m',
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
      expr: `predict_linear(kubelet_volume_stats_available_bytes{${sel.dataVolumes}}[6h], ${t.diskFullForecastHours * 3600}) < 0`,
      for: '1h',
      summary: 'Kafka data volume will be full soon',
      description: `At the growth of the last 6 hours, {{ $labels.persistentvolumeclaim }} is full within ${t.diskFullForecastHours} hours.`,
    },
  ];
}
