import { stringify } from 'yaml';

/**
 * The library's own Prometheus JMX exporter rules (Strimzi `metricsConfig.type: jmxPrometheusExporter`).
 *
 * The exporter renders each MBean attribute as `domain<key=value, ...><>attribute: value` and the
 * first rule whose (anchored) `pattern` matches names the series. The rules are narrow on purpose:
 * one rule per MBean family the catalogue needs, so the names are exactly those of `catalogue.ts`
 * (the standard Strimzi names, so community dashboards keep working) and nothing unbounded is
 * exported by accident. Label values never contain `,` so `[^,]+` keeps captures inside one key.
 */
export interface JmxExporterRule {
  /** Java regular expression, anchored at both ends by the exporter. */
  readonly pattern: string;
  /** Series name; `$n` refers to capture groups. Lower-cased and sanitised by the exporter. */
  readonly name: string;
  readonly type: 'GAUGE' | 'COUNTER' | 'UNTYPED';
  readonly labels?: Readonly<Record<string, string>>;
  /** Fixed value, for attributes whose value is a string (the string becomes a label). */
  readonly value?: number;
  readonly help?: string;
}

const V = '([^,]+)'; // one key's value

/** Rules for brokers and controllers. */
export const KAFKA_JMX_RULES: readonly JmxExporterRule[] = [
  // Idle ratios. Meters report OneMinuteRate (MeanRate is the average since start: useless to alert on).
  { pattern: `kafka.(\\w+)<type=${V}, name=(\\w+)Percent\\w*><>OneMinuteRate`, name: 'kafka_$1_$2_$3_percent', type: 'GAUGE' },
  { pattern: `kafka.(\\w+)<type=${V}, name=(\\w+)Percent\\w*><>Value`, name: 'kafka_$1_$2_$3_percent', type: 'GAUGE' },

  // `...PerSec` meters become counters of their Count, without `persec`: rate() of them is the per-second rate.
  { pattern: `kafka.(\\w+)<type=${V}, name=(\\w+)PerSec\\w*, topic=${V}><>Count`, name: 'kafka_$1_$2_$3_total', type: 'COUNTER', labels: { topic: '$4' } },
  { pattern: `kafka.(\\w+)<type=${V}, name=(\\w+)PerSec\\w*><>Count`, name: 'kafka_$1_$2_$3_total', type: 'COUNTER' },

  // Request timers: percentiles become a quantile label (99thPercentile -> 0.99, 999thPercentile -> 0.999).
  { pattern: `kafka.network<type=RequestMetrics, name=(\\w+)Ms, request=(\\w+)><>(\\d+)thPercentile`, name: 'kafka_network_requestmetrics_$1ms', type: 'GAUGE', labels: { request: '$2', quantile: '0.$3' } },
  // UNTYPED keeps the name as written: the exporter would append `_total` to a COUNTER named `_count`.
  { pattern: `kafka.network<type=RequestMetrics, name=(\\w+)Ms, request=(\\w+)><>Count`, name: 'kafka_network_requestmetrics_$1ms_count', type: 'UNTYPED', labels: { request: '$2' } },

  // Broker and controller gauges without keys (ReplicaManager, KafkaController, LogManager, KafkaServer).
  { pattern: `kafka.(server|controller|log)<type=(ReplicaManager|KafkaController|LogManager|KafkaServer), name=(\\w+)><>Value`, name: 'kafka_$1_$2_$3', type: 'GAUGE' },

  // Connections per listener (a Kafka Metrics MBean; dashes are sanitised to underscores).
  { pattern: `kafka.server<type=(socket-server-metrics), listener=${V}, networkProcessor=${V}><>(connection-count)`, name: 'kafka_server_$1_$4', type: 'GAUGE', labels: { listener: '$2', networkProcessor: '$3' } },
  // Authentications per listener: the socket server's meters keep a cumulative `-total` next to each `-rate`;
  // the totals are counters (rate() of them), the windowed rates are not exported.
  { pattern: `kafka.server<type=(socket-server-metrics), listener=${V}, networkProcessor=${V}><>(failed-authentication-total|successful-authentication-total)`, name: 'kafka_server_$1_$4', type: 'COUNTER', labels: { listener: '$2', networkProcessor: '$3' } },

  // KRaft: the state is a string attribute, exported as a 1 with the state as a label.
  { pattern: `kafka.server<type=raft-metrics><>current-state: (\\w+)`, name: 'kafka_server_raftmetrics_current_state', type: 'GAUGE', value: 1, labels: { current_state: '$1' } },
  { pattern: `kafka.server<type=raft-metrics><>(current-leader|current-epoch|high-watermark|commit-latency-avg)`, name: 'kafka_server_raftmetrics_$1', type: 'GAUGE' },
];

/**
 * Per-partition gauges (Partition: UnderMinIsr/AtMinIsr, Log: Size): one series per partition replica and
 * gauge, so 2,000 topics of 12 partitions make about 100,000 series per broker. Off by default: the default
 * rules keep per-topic traffic (`BrokerTopicMetrics`) and the brokers' under/at-min-ISR counts
 * (`ReplicaManager`), which the alerts use. Opt in per environment (`perPartitionMetrics`) where topic sizes
 * on disk are wanted and the series count is affordable.
 */
export const KAFKA_PER_PARTITION_JMX_RULES: readonly JmxExporterRule[] = [
  { pattern: `kafka.(cluster|log)<type=(Partition|Log), name=(\\w+), topic=${V}, partition=(\\d+)><>Value`, name: 'kafka_$1_$2_$3', type: 'GAUGE', labels: { topic: '$4', partition: '$5' } },
];

/** The broker rules, with the per-partition gauges only when asked for. */
export function kafkaJmxRules(options: { readonly perPartition?: boolean } = {}): readonly JmxExporterRule[] {
  return options.perPartition ? KAFKA_WITH_PER_PARTITION_JMX_RULES : KAFKA_JMX_RULES;
}
const KAFKA_WITH_PER_PARTITION_JMX_RULES: readonly JmxExporterRule[] = [...KAFKA_JMX_RULES, ...KAFKA_PER_PARTITION_JMX_RULES];

/** Rules for KafkaMirrorMaker2 pods (Kafka Connect running the MirrorMaker 2 connectors). */
export const MIRROR_MAKER_2_JMX_RULES: readonly JmxExporterRule[] = [
  { pattern: `kafka.connect.mirror<type=MirrorSourceConnector, target=${V}, topic=${V}, partition=(\\d+)><>(replication-latency-ms|replication-latency-ms-max)`, name: 'kafka_connect_mirror_mirrorsourceconnector_$4', type: 'GAUGE', labels: { target: '$1', topic: '$2', partition: '$3' } },
  { pattern: `kafka.connect.mirror<type=MirrorCheckpointConnector, source=${V}, target=${V}, group=${V}, topic=${V}, partition=(\\d+)><>(checkpoint-latency-ms)`, name: 'kafka_connect_mirror_mirrorcheckpointconnector_$6', type: 'GAUGE', labels: { source: '$1', target: '$2', group: '$3', topic: '$4', partition: '$5' } },
  { pattern: `kafka.consumer<type=consumer-fetch-manager-metrics, client-id=${V}, topic=${V}, partition=(\\d+)><>records-lag`, name: 'kafka_consumer_fetch_manager_records_lag', type: 'GAUGE', labels: { clientid: '$1', topic: '$2', partition: '$3' } },
  { pattern: `kafka.connect<type=connector-metrics, connector=${V}><>status: ([a-z-]+)`, name: 'kafka_connect_connector_status', type: 'GAUGE', value: 1, labels: { connector: '$1', status: '$2' } },
  { pattern: `kafka.connect<type=connect-worker-metrics, connector=${V}><>connector-failed-task-count`, name: 'kafka_connect_worker_connector_failed_task_count', type: 'GAUGE', labels: { connector: '$1' } },
];

/**
 * Rules for KafkaConnect pods: connector and task states (string attributes, exported as a 1 with the state as a
 * label), failed-task counts per connector, and the record errors of each task. Connector and task names are
 * DNS names here, so the JMX sanitizer leaves them unquoted.
 */
export const KAFKA_CONNECT_JMX_RULES: readonly JmxExporterRule[] = [
  { pattern: `kafka.connect<type=connector-metrics, connector=${V}><>status: ([a-z-]+)`, name: 'kafka_connect_connector_status', type: 'GAUGE', value: 1, labels: { connector: '$1', status: '$2' } },
  { pattern: `kafka.connect<type=connector-task-metrics, connector=${V}, task=(\\d+)><>status: ([a-z-]+)`, name: 'kafka_connect_connector_task_status', type: 'GAUGE', value: 1, labels: { connector: '$1', task: '$2', status: '$3' } },
  { pattern: `kafka.connect<type=connect-worker-metrics, connector=${V}><>connector-failed-task-count`, name: 'kafka_connect_worker_connector_failed_task_count', type: 'GAUGE', labels: { connector: '$1' } },
  { pattern: `kafka.connect<type=connect-worker-metrics><>(connector-count|task-count)`, name: 'kafka_connect_worker_$1', type: 'GAUGE' },
  { pattern: `kafka.connect<type=task-error-metrics, connector=${V}, task=(\\d+)><>total-record-failures`, name: 'kafka_connect_task_error_total_record_failures', type: 'GAUGE', labels: { connector: '$1', task: '$2' } },
];

/**
 * Matches the `clientid` of MirrorMaker 2's replication consumers. The client id is
 * `<source>-><target>|<source>-><target>.MirrorSourceConnector-<n>|replication-consumer`; Kafka's JMX
 * sanitizer quotes it (it contains `>` and `|`) and the rule above keeps the quotes, so the label value
 * starts and ends with `"`. The consumer's `topic` label has `.` replaced by `_` (`payments_payment-settled_v1`).
 */
export const MIRROR_MAKER_2_REPLICATION_CLIENT = `clientid=~'"?.+[|]replication-consumer"?'`;

/**
 * Rules for Cruise Control: one rule keeps every sensor (balancedness score, load-monitor coverage, executor
 * state, anomaly counts) under `kafka_cruisecontrol_<group>_<sensor>_<attribute>`; the Operators dashboard
 * reads the catalogued ones, the rest are there for ad-hoc queries.
 */
export const CRUISE_CONTROL_JMX_RULES: readonly JmxExporterRule[] = [
  { pattern: `kafka.cruisecontrol<name=(.+)><>(\\w+)`, name: 'kafka_cruisecontrol_$1_$2', type: 'GAUGE' },
];

/** The exporter configuration document for a rule set. */
export function renderJmxExporterConfig(rules: readonly JmxExporterRule[]): string {
  let text = RENDERED.get(rules);
  if (text === undefined) {
    text = stringify(
      {
        // Names are lower-cased so MBean case never leaks into series names; label names keep their case
        // (`networkProcessor`), as in Strimzi's standard names.
        lowercaseOutputName: true,
        rules: rules.map((r) => ({ ...r, labels: r.labels ? { ...r.labels } : undefined })),
      },
      { lineWidth: 0 },
    );
    RENDERED.set(rules, text);
  }
  return text;
}

/** Rendered documents by rule set (rendered once: every cluster and stack uses the same few rule sets). */
const RENDERED = new WeakMap<readonly JmxExporterRule[], string>();

/** Where the exporter rules live: one ConfigMap per cluster, one key per workload. */
export const METRICS_CONFIG_KEYS = {
  kafka: 'kafka-metrics.yaml',
  mirrorMaker2: 'mirror-maker-2-metrics.yaml',
  kafkaConnect: 'kafka-connect-metrics.yaml',
  cruiseControl: 'cruise-control-metrics.yaml',
} as const;

/** Name of the ConfigMap holding the cluster's exporter rules. */
export function metricsConfigMapName(cluster: string): string {
  return `${cluster}-jmx-exporter-rules`;
}

/** The `metricsConfigMap` of a `KafkaClusterSpec` that uses the library's broker rules. */
export function kafkaMetricsConfigMapRef(cluster: string): { readonly name: string; readonly key: string } {
  return { name: metricsConfigMapName(cluster), key: METRICS_CONFIG_KEYS.kafka };
}

/** The ConfigMap key reference a `KafkaMirrorMaker2` `metricsConfig` uses for the library's MM2 rules. */
export function mirrorMaker2MetricsConfigMapRef(cluster: string): { readonly name: string; readonly key: string } {
  return { name: metricsConfigMapName(cluster), key: METRICS_CONFIG_KEYS.mirrorMaker2 };
}

/** The ConfigMap key reference a `KafkaConnect` `metricsConfig` uses for the library's Connect rules. */
export function kafkaConnectMetricsConfigMapRef(cluster: string): { readonly name: string; readonly key: string } {
  return { name: metricsConfigMapName(cluster), key: METRICS_CONFIG_KEYS.kafkaConnect };
}

/** The ConfigMap key reference for Cruise Control's `metricsConfig`. */
export function cruiseControlMetricsConfigMapRef(cluster: string): { readonly name: string; readonly key: string } {
  return { name: metricsConfigMapName(cluster), key: METRICS_CONFIG_KEYS.cruiseControl };
}
