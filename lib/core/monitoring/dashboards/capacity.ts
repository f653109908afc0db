import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { capacityTriggers } from '../capacity/capacity-rules';
import { PROJECTION_DAYS, ResolvedCapacityPlanning } from '../capacity/capacity-spec';
import { parseDays } from '../durations';
import { projected, RECORDS } from '../recorded-series';
import { DashboardComposer } from './composer';
import { RECORDED } from './slo';
import { DATA_VOLUMES } from './selectors';

/**
 * The guide's capacity report as a dashboard: each signal's hourly history, its projections 30, 60 and 90
 * days ahead, when it reaches its scaling trigger and what to add.
 */
export function capacityDashboard(p: ResolvedCapacityPlanning, options: { readonly brokers: number }): Dashboard {
  const t = capacityTriggers(p);
  const beyond = PROJECTION_DAYS.filter((d) => d > parseDays(p.history)!);
  const caveat = `Linear trend of the 1-hour averages over the last ${p.history}.${beyond.length ? ` The ${beyond.join(' and ')}-day projections reach beyond that history: read them as a direction, not a forecast.` : ''}`;
  const capacity = `max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes{${DATA_VOLUMES}})`;
  const usage = (series: string) => `100 * ${series}{${RECORDED}} / on (namespace, persistentvolumeclaim) group_left () ${capacity}`;
  const projections = (base: string, expr: (series: string) => string, legend: string) =>
    PROJECTION_DAYS.map((d) => ({ expr: expr(projected(base, d)), legend: `${legend}in ${d} days` }));
  const plain = (series: string) => `${series}{${RECORDED}}`;
  return new DashboardComposer('kafka-capacity', 'Kafka / Capacity planning', ['kafka', 'strimzi', 'capacity'], 'Disk, message rate and partition trends of one Kafka cluster, projected 30, 60 and 90 days ahead against the scaling triggers.')
    .clusterVariables()
    .row(`Disk usage (trigger ${t.diskPercent} %)`)
    .timeseries({ title: 'Data volume usage, 1-hour averages', unit: 'percent', thresholds: [[t.diskPercent, 'orange']], queries: [{ expr: usage(RECORDS.diskUsedAvg1h), legend: '{{persistentvolumeclaim}}' }] })
    .table({ title: 'Projected usage', description: caveat, unit: 'percent', queries: projections(RECORDS.diskUsedAvg1h, usage, '{{persistentvolumeclaim}} ') })
    .table({ title: `Day a volume reaches ${t.diskPercent} %`, description: 'Only volumes that grow. Where a date shows, grow the volume or shorten retention before it.', unit: 'dateTimeAsIso', queries: [{ expr: `${plain(RECORDS.diskTriggerTimestamp)} * 1000`, legend: '{{persistentvolumeclaim}}' }] })
    .table({ title: `Volume size that stays under ${t.diskPercent} % for ${p.horizon}`, unit: 'bytes', queries: [{ expr: plain(RECORDS.diskSizeNeeded), legend: '{{persistentvolumeclaim}}' }] })
    .row(`Message rate (trigger ${t.messagesPerSecond}/s)`)
    .timeseries({ title: 'Messages in per second, 1-hour averages', unit: 'short', thresholds: [[t.messagesPerSecond, 'orange']], queries: [{ expr: plain(RECORDS.messagesAvg1h), legend: 'messages/s' }, { expr: `vector(${t.messagesPerSecond})`, legend: 'trigger' }] })
    .stat({ width: 4, title: 'Projected message rate', description: caveat, unit: 'short', queries: projections(RECORDS.messagesAvg1h, plain, '') })
    .stat({ width: 4, title: `Day the rate reaches ${t.messagesPerSecond}/s`, description: 'Empty while the rate does not grow.', unit: 'dateTimeAsIso', queries: [{ expr: `${plain(RECORDS.messagesTriggerTimestamp)} * 1000`, legend: 'trigger reached' }] })
    .stat({ width: 4, title: `Brokers needed ${p.horizon} ahead`, description: `Each broker at or under ${Math.round(t.messagesPerSecond / options.brokers)}/s, the trigger's share of the ${options.brokers} brokers today.`, unit: 'none', queries: [{ expr: plain(RECORDS.brokersNeededForMessages), legend: 'brokers' }] })
    .row(`Partitions (trigger ${t.partitionsPerBroker} replicas per broker)`)
    .timeseries({ title: 'Partition replicas, 1-hour averages', unit: 'short', queries: [{ expr: plain(RECORDS.partitionsAvg1h), legend: 'replicas' }, { expr: `vector(${t.partitionsPerBroker * options.brokers})`, legend: 'trigger at today\'s brokers' }] })
    .stat({ width: 4, title: 'Projected partition replicas', description: caveat, unit: 'short', queries: projections(RECORDS.partitionsAvg1h, plain, '') })
    .stat({ width: 4, title: `Day replicas reach ${t.partitionsPerBroker} per broker`, description: 'Empty while the count does not grow.', unit: 'dateTimeAsIso', queries: [{ expr: `${plain(RECORDS.partitionsTriggerTimestamp)} * 1000`, legend: 'trigger reached' }] })
    .stat({ width: 4, title: `Brokers needed ${p.horizon} ahead (partitions)`, unit: 'none', queries: [{ expr: plain(RECORDS.brokersNeededForPartitions), legend: 'brokers' }] })
    .build();
}
