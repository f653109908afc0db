import { AlertGroup, AlertRule, clusterSelectors, RecordingRule } from '../alert-rules';
import { parseDays } from '../durations';
import type { AlertName } from '../rules/alert-names';
import { ResolvedMonitoringSpec } from '../monitoring-spec';
import { projected, RECORDS } from '../recorded-series';
import { recordLabels, recordSelector } from '../slo/sli-rules';
import { parseDiskTrigger, parsePartitionTrigger, parseRateTrigger, PROJECTION_DAYS, ResolvedCapacityPlanning } from './capacity-spec';

/**
 * Capacity projections as Prometheus rules. Raw series are downsampled first (1-hour averages, recorded
 * every 5 minutes, a handful of series per cluster), and the trends are fitted on those over the history
 * (`predict_linear`/`deriv` over days of them), so no rule scans weeks of raw 30-second samples.
 */

/** Alert names of the capacity projections. */
export const CAPACITY_PROJECTION_ALERTS = ['KafkaDiskUsageProjection', 'KafkaMessageRateProjection', 'KafkaPartitionCountProjection'] as const satisfies readonly AlertName[];

/** `for` of the projection alerts: trends move slowly; the warning is inside P3's hour. */
export const PROJECTION_ALERT_FOR: Readonly<Record<'info' | 'warning', string>> = { info: '1h', warning: '30m' };

const DAY = 86400;
const RECORD_INTERVAL = '5m';

/** The parsed triggers (validation has passed). */
export function capacityTriggers(p: ResolvedCapacityPlanning) {
  return { diskPercent: parseDiskTrigger(p.triggers.diskUsage)!, messagesPerSecond: parseRateTrigger(p.triggers.messageRate)!, partitionsPerBroker: parsePartitionTrigger(p.triggers.partitions)! };
}

const num = (n: number) => String(Number(n.toPrecision(12)));
// Not toLocaleString: loading the ICU formatter costs more than the whole capacity group.
const thousands = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A Go-template lookup of one recorded value for the annotation, formatted by `format` (e.g. `humanize1024`). */
function lookup(series: string, format: string): string {
  return `{{ with query \`${series}\` }}{{ . | first | value | ${format} }}{{ end }}`;
}
const perVolume = (series: string, format: string) =>
  `{{ with printf \`${series}{namespace=%q, persistentvolumeclaim=%q}\` $labels.namespace $labels.persistentvolumeclaim | query }}{{ . | first | value | ${format} }}{{ end }}`;
/** The alert's value (a Unix time) as a date: the day the trend reaches the trigger. */
const DAY_OF_VALUE = '{{ (toTime $value).Format "Monday 2 January 2006" }}';

export function capacityRuleGroups(s: ResolvedMonitoringSpec): AlertGroup[] {
  const p = s.capacityPlanning;
  if (!p) return [];
  const sel = clusterSelectors(s);
  const c = s.cluster.name;
  const brokers = s.cluster.brokerCount;
  const labels = recordLabels(s);
  const rsel = recordSelector(s);
  const t = capacityTriggers(p);
  const h = p.history;
  const horizon = parseDays(p.horizon)! * DAY;

  const disk = `${RECORDS.diskUsedAvg1h}{${rsel}}`;
  const messages = `${RECORDS.messagesAvg1h}{${rsel}}`;
  const partitions = `${RECORDS.partitionsAvg1h}{${rsel}}`;
  const onVolume = 'on (namespace, persistentvolumeclaim)';
  const capacity = `max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes{${sel.dataVolumes}})`;
  // When the trend line from today's value reaches `trigger`: only while growing, only in the future.
  const reaches = (series: string, trigger: string, on = '') => {
    const match = on ? `${on} ` : '';
    return `(time() + (${trigger} - ${match}${series}) / ${match}(deriv(${series}[${h}]) > 0)) > time()`;
  };
  const projections = (series: string, base: string): RecordingRule[] =>
    PROJECTION_DAYS.map((d) => ({ record: projected(base, d), expr: `predict_linear(${series}[${h}], ${d * DAY})`, labels }));

  const history: RecordingRule[] = [
    // Per volume, not per kubelet: `max by` keeps one series when the pod (and its kubelet) moves.
    { record: RECORDS.diskUsedAvg1h, expr: `max by (namespace, persistentvolumeclaim) (avg_over_time(kubelet_volume_stats_used_bytes{${sel.dataVolumes}}[1h]))`, labels },
    // rate() over the hour sums restarted brokers' old and new series correctly.
    { record: RECORDS.messagesAvg1h, expr: `sum(rate(kafka_server_brokertopicmetrics_messagesin_total{${sel.brokers}, topic=""}[1h]))`, labels },
    // One value per broker pod, whatever incarnations (pod IPs) it had within the hour.
    { record: RECORDS.partitionsAvg1h, expr: `sum(max by (namespace, pod) (avg_over_time(kafka_server_replicamanager_partitioncount{${sel.brokers}}[1h])))`, labels },
  ];

  // A new cluster (or a new volume) has no trend yet: a trigger date is recorded only once the averages reach back `minimumHistory`
  // (any sample in the hour that long ago; a short gap then does not count as a young cluster).
  const enoughHistory = (series: string) => `max_over_time(${series}[1h] offset ${p.minimumHistory})`;
  const triggerAt = (series: string, trigger: string, on = '') => `(${reaches(series, trigger, on)}) and ${on || 'on ()'} ${enoughHistory(series)}`;

  const projectionRecords: RecordingRule[] = [
    ...projections(disk, RECORDS.diskUsedAvg1h),
    { record: RECORDS.diskGrowthPerDay, expr: `deriv(${disk}[${h}]) * ${DAY}`, labels },
    { record: RECORDS.diskTriggerTimestamp, expr: triggerAt(disk, `${t.diskPercent / 100} * ${capacity}`, onVolume), labels },
    { record: RECORDS.diskSizeNeeded, expr: `predict_linear(${disk}[${h}], ${horizon}) / ${t.diskPercent / 100}`, labels },
    ...projections(messages, RECORDS.messagesAvg1h),
    { record: RECORDS.messagesGrowthPerDay, expr: `deriv(${messages}[${h}]) * ${DAY}`, labels },
    { record: RECORDS.messagesTriggerTimestamp, expr: triggerAt(messages, num(t.messagesPerSecond)), labels },
    { record: RECORDS.brokersNeededForMessages, expr: `ceil(predict_linear(${messages}[${h}], ${horizon}) / ${num(t.messagesPerSecond / brokers)})`, labels },
    ...projections(partitions, RECORDS.partitionsAvg1h),
    { record: RECORDS.partitionsGrowthPerDay, expr: `deriv(${partitions}[${h}]) * ${DAY}`, labels },
    { record: RECORDS.partitionsTriggerTimestamp, expr: triggerAt(partitions, num(t.partitionsPerBroker * brokers)), labels },
    { record: RECORDS.brokersNeededForPartitions, expr: `ceil(predict_linear(${partitions}[${h}], ${horizon}) / ${num(t.partitionsPerBroker)})`, labels },
  ];

  const withinFor = (severity: 'info' | 'warning') => parseDays(severity === 'info' ? p.horizon : p.urgentHorizon)! * DAY;
  const horizonText = (severity: 'info' | 'warning') => (severity === 'info' ? p.horizon : p.urgentHorizon);
  const severities = ['warning', 'info'] as const;

  const alerts: AlertRule[] = severities.flatMap((severity): AlertRule[] => [
    {
      alert: 'KafkaDiskUsageProjection',
      severity,
      expr: `${RECORDS.diskTriggerTimestamp}{${rsel}} < time() + ${withinFor(severity)}`,
      for: PROJECTION_ALERT_FOR[severity],
      summary: `A data volume of ${c} reaches its ${t.diskPercent} % capacity trigger within ${horizonText(severity)}`,
      description:
        `At the growth of the last ${h} (${perVolume(RECORDS.diskGrowthPerDay, 'humanize1024')}B a day), volume {{ $labels.persistentvolumeclaim }} reaches ${t.diskPercent} % of its size on ${DAY_OF_VALUE}.` +
        ` Add storage before then: a size of at least ${perVolume(RECORDS.diskSizeNeeded, 'humanize1024')}B keeps it under ${t.diskPercent} % for the next ${p.horizon}` +
        ' (raise the pool\'s storage size; Strimzi expands the PVCs in place where the storage class allows it), or shorten retention.',
    },
    {
      alert: 'KafkaMessageRateProjection',
      severity,
      expr: `${RECORDS.messagesTriggerTimestamp}{${rsel}} < time() + ${withinFor(severity)}`,
      for: PROJECTION_ALERT_FOR[severity],
      summary: `The message rate of ${c} reaches its ${thousands(t.messagesPerSecond)}/s trigger within ${horizonText(severity)}`,
      description:
        `${c} receives ${lookup(messages, 'printf "%.0f"')} messages/s (${lookup(`${messages} / ${brokers}`, 'printf "%.0f"')}/s on each of its ${brokers} brokers), growing ${lookup(`${RECORDS.messagesGrowthPerDay}{${rsel}}`, 'printf "%.0f"')}/s a day over the last ${h}:` +
        ` it reaches the ${thousands(t.messagesPerSecond)}/s trigger on ${DAY_OF_VALUE}. Add brokers before then: keeping each at or under the trigger's ${thousands(t.messagesPerSecond / brokers)}/s per broker at the rate projected ${p.horizon} ahead takes` +
        ` ${lookup(`${RECORDS.brokersNeededForMessages}{${rsel}}`, 'printf "%.0f"')} brokers in all (raise the broker pool's replicas; Cruise Control moves partitions to the new brokers).`,
    },
    {
      alert: 'KafkaPartitionCountProjection',
      severity,
      expr: `${RECORDS.partitionsTriggerTimestamp}{${rsel}} < time() + ${withinFor(severity)}`,
      for: PROJECTION_ALERT_FOR[severity],
      summary: `The partition replicas of ${c} reach ${thousands(t.partitionsPerBroker)} per broker within ${horizonText(severity)}`,
      description:
        `${c} holds ${lookup(partitions, 'printf "%.0f"')} partition replicas (${lookup(`${partitions} / ${brokers}`, 'printf "%.0f"')} on each of its ${brokers} brokers), growing ${lookup(`${RECORDS.partitionsGrowthPerDay}{${rsel}}`, 'printf "%.0f"')} a day over the last ${h}:` +
        ` it reaches ${thousands(t.partitionsPerBroker)} per broker on ${DAY_OF_VALUE}. Add brokers before then: ${lookup(`${RECORDS.brokersNeededForPartitions}{${rsel}}`, 'printf "%.0f"')} brokers keep each under ${thousands(t.partitionsPerBroker)} at the count projected ${p.horizon} ahead, or retire topics with many partitions.`,
    },
  ]);

  // One group: the projections read this evaluation's averages (a 5-minute group read from another is as old
  // as the lookback and would sometimes be missed), and the alerts this evaluation's projections.
  return [{ name: `${c}.capacity-planning`, interval: RECORD_INTERVAL, records: [...history, ...projectionRecords], rules: alerts }];
}
