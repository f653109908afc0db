/**
 * The one owner of the names of the series the platform's recording rules write: the SLIs of each cluster,
 * the SLOs' error ratios and budgets, and the capacity history and projections. Rules, alerts and dashboards
 * take the names from here, and the PromQL check accepts exactly these next to the metric catalogue, so a
 * panel or alert cannot read a recorded series nobody writes (a test checks both directions).
 *
 * Names follow Prometheus' `level:metric:operations` convention. Every recorded series carries `namespace`
 * and `strimzi_io_cluster` (the cluster's), so the dashboards select them with the same variables as the
 * exporters' series; SLO series add `slo`. The one exception is the consumer-group ownership series, which
 * product teams' stacks record too (`consumer-groups.ts`): it carries Kafka Exporter's `namespace` and
 * `consumergroup`, and `owner_team`.
 */

export interface RecordedSeries {
  /** The name, or for families (one name per window or horizon) a pattern matching every member. */
  readonly name: string | RegExp;
  /** Labels beyond `namespace` and `strimzi_io_cluster`. */
  readonly labels: readonly string[];
  readonly help: string;
}

/** Recorded names, by what records them. */
export const RECORDS = {
  // --- SLIs of the cluster (lib/core/monitoring/slo/sli-rules.ts) ---
  partitionsUnwritable: 'kafka_cluster:partitions_unwritable:ratio',
  produceRequestsFailed: 'kafka_cluster:produce_requests_failed:ratio_rate5m',
  produceP99: 'kafka_cluster:produce_request_p99_ms:max',
  fetchConsumerP99: 'kafka_cluster:fetch_consumer_request_p99_ms:max',
  consumerLagWithMembers: 'kafka_consumergroup:lag_with_members:sum',
  dataVolumeAvailable: 'kafka_cluster:data_volume_available:min_ratio',

  // --- SLOs (lib/core/monitoring/slo/slo-rules.ts) ---
  sloBad: 'kafka_slo:sli_bad:value',
  sloTotal: 'kafka_slo:sli_total:value',
  objective: 'kafka_slo:objective:ratio',
  errorBudget: 'kafka_slo:error_budget:ratio',
  budgetRemaining: 'kafka_slo:error_budget_remaining:ratio',

  // --- capacity (lib/core/monitoring/capacity/capacity-rules.ts) ---
  diskUsedAvg1h: 'kafka_pvc:data_volume_used_bytes:avg1h',
  diskTriggerTimestamp: 'kafka_pvc:data_volume_used_bytes:trigger_timestamp',
  diskGrowthPerDay: 'kafka_pvc:data_volume_used_bytes:growth_per_day',
  diskSizeNeeded: 'kafka_pvc:data_volume_size_needed:bytes',
  messagesAvg1h: 'kafka_cluster:messages_in_per_second:avg1h',
  messagesTriggerTimestamp: 'kafka_cluster:messages_in_per_second:trigger_timestamp',
  messagesGrowthPerDay: 'kafka_cluster:messages_in_per_second:growth_per_day',
  brokersNeededForMessages: 'kafka_cluster:brokers_needed_for_messages:count',
  partitionsAvg1h: 'kafka_cluster:partition_replicas:avg1h',
  partitionsTriggerTimestamp: 'kafka_cluster:partition_replicas:trigger_timestamp',
  partitionsGrowthPerDay: 'kafka_cluster:partition_replicas:growth_per_day',
  brokersNeededForPartitions: 'kafka_cluster:brokers_needed_for_partitions:count',

  // --- the topic backup (lib/core/monitoring/rules/connect.ts) ---
  backupPartitionsWithoutCommit: 'kafka_topic_backup:partitions_without_commit:count',

  // --- declared consumer groups (lib/core/monitoring/consumer-groups.ts, its own PrometheusRule) ---
  consumerGroupOwner: 'kafka_platform:consumergroup_owner:info',
} as const;

/** The error ratio of an SLO over one window, e.g. `kafka_slo:sli_error:ratio_rate1h`. */
export function sloErrorRatio(window: string): string {
  return `kafka_slo:sli_error:ratio_rate${window}`;
}

/** A capacity series projected `days` ahead, e.g. `kafka_pvc:data_volume_used_bytes:projected30d`. */
export function projected(base: string, days: number): string {
  return `${base.replace(/:avg1h$/, '')}:projected${days}d`;
}

const PROJECTED = /^kafka_(?:pvc:data_volume_used_bytes|cluster:messages_in_per_second|cluster:partition_replicas):projected[0-9]+d$/;

/** Every recorded series, with its labels and meaning (documented in docs/slos-and-capacity.md). */
export const RECORDED_SERIES: readonly RecordedSeries[] = [
  { name: RECORDS.partitionsUnwritable, labels: [], help: 'share of partitions not accepting acks=all writes (offline, or under min.insync.replicas) at this evaluation; 1 when no broker answers its scrape' },
  { name: RECORDS.produceRequestsFailed, labels: [], help: 'failed over total produce partition appends of the brokers, 5 minutes (unexpected broker errors, NotEnoughReplicas included)' },
  { name: RECORDS.produceP99, labels: [], help: 'the slowest broker\'s Produce p99 request time in ms (per-broker quantiles cannot be aggregated)' },
  { name: RECORDS.fetchConsumerP99, labels: [], help: 'the slowest broker\'s FetchConsumer p99 request time in ms (includes fetch.max.wait.ms)' },
  { name: RECORDS.consumerLagWithMembers, labels: ['consumergroup'], help: 'lag of a consumer group that has members, summed over its partitions' },
  { name: RECORDS.dataVolumeAvailable, labels: [], help: 'the fullest data volume\'s free share (available over capacity)' },
  { name: RECORDS.sloBad, labels: ['slo'], help: 'bad events at this evaluation (availability: the unwritable share; latency: produce requests/s on brokers over the objective)' },
  { name: RECORDS.sloTotal, labels: ['slo'], help: 'all events at this evaluation (availability: 1; latency: produce requests/s)' },
  { name: /^kafka_slo:sli_error:ratio_rate(?:[0-9]+[smhdw])+$/, labels: ['slo'], help: 'error ratio over the window named in the suffix' },
  { name: RECORDS.objective, labels: ['slo'], help: 'the objective as a ratio, e.g. 0.9999' },
  { name: RECORDS.errorBudget, labels: ['slo'], help: 'the error budget as a ratio, 1 - objective' },
  { name: RECORDS.budgetRemaining, labels: ['slo'], help: 'share of the SLO window\'s error budget left (negative when overspent)' },
  { name: RECORDS.diskUsedAvg1h, labels: ['persistentvolumeclaim'], help: 'bytes used on a data volume, 1-hour average' },
  { name: RECORDS.diskTriggerTimestamp, labels: ['persistentvolumeclaim'], help: 'when the volume\'s trend reaches the disk trigger (epoch seconds; only while growing, and once the history reaches back `minimumHistory`)' },
  { name: RECORDS.diskGrowthPerDay, labels: ['persistentvolumeclaim'], help: 'growth of the volume\'s usage per day over the history' },
  { name: RECORDS.diskSizeNeeded, labels: ['persistentvolumeclaim'], help: 'volume size that keeps the projected usage at the horizon under the trigger' },
  { name: RECORDS.messagesAvg1h, labels: [], help: 'cluster messages in per second, 1-hour average' },
  { name: RECORDS.messagesTriggerTimestamp, labels: [], help: 'when the message-rate trend reaches the trigger (epoch seconds; only while growing, and once the history reaches back `minimumHistory`)' },
  { name: RECORDS.messagesGrowthPerDay, labels: [], help: 'growth of the message rate per day over the history' },
  { name: RECORDS.brokersNeededForMessages, labels: [], help: 'brokers that keep the projected message rate at the horizon within the trigger\'s per-broker share' },
  { name: RECORDS.partitionsAvg1h, labels: [], help: 'partition replicas on all brokers, 1-hour average' },
  { name: RECORDS.partitionsTriggerTimestamp, labels: [], help: 'when the partition trend reaches the per-broker trigger (epoch seconds; only while growing, and once the history reaches back `minimumHistory`)' },
  { name: RECORDS.partitionsGrowthPerDay, labels: [], help: 'growth of the partition replicas per day over the history' },
  { name: RECORDS.brokersNeededForPartitions, labels: [], help: 'brokers that keep the projected partition replicas at the horizon under the per-broker trigger' },
  { name: RECORDS.backupPartitionsWithoutCommit, labels: ['consumergroup', 'topic', 'limit'], help: 'partitions of a backed-up topic whose records waited and whose backup commit did not move for the whole limit (`limit`: warning, two flush intervals + 15 minutes; critical, half the recovery point objective)' },
  { name: RECORDS.consumerGroupOwner, labels: ['consumergroup', 'owner_team'], help: '1 for each declared consumer group Kafka Exporter reports, labelled with its owning team; no strimzi_io_cluster (product teams record it too)' },
  { name: PROJECTED, labels: [], help: 'a capacity series projected the number of days in the suffix ahead (linear trend over the history)' },
];

/** Is `name` a series the platform's recording rules write? */
export function isRecorded(name: string): boolean {
  return RECORDED_SERIES.some((r) => (typeof r.name === 'string' ? r.name === name : r.name.test(name)));
}
