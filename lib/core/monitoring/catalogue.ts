/**
 * The one catalogue of metrics the platform exports. Alert rules and dashboard panels may only
 * reference names listed here (a test parses every expression and fails on any other name): this is
 * what stops a silently empty panel or an alert that can never fire.
 *
 * Names follow the library's own JMX exporter rules (`exporter-rules.ts`, the `jmxPrometheusExporter`
 * mode: `...PerSec` counters end in `_total` without `persec`), Kafka Exporter, kubelet/cAdvisor,
 * kube-state-metrics and the Strimzi Cluster Operator.
 */

/** Who exports a metric, which decides the labels it carries. */
export type MetricSource =
  | 'kafka-jmx' // brokers and controllers, through the library's exporter rules
  | 'kafka-exporter'
  | 'mirror-maker-2' // KafkaMirrorMaker2 pods, through the library's exporter rules
  | 'kafka-connect' // KafkaConnect pods, through the library's exporter rules
  | 'strimzi-operator'
  | 'kubelet'
  | 'cadvisor'
  | 'kube-state-metrics'
  | 'prometheus' // synthetic series of the scrape itself
  | 'cruise-control' // Cruise Control, through the library's rule (`kafka_cruisecontrol_<sensor>_<attribute>`);

export type MetricType = 'gauge' | 'counter';

export interface MetricDefinition {
  readonly name: string;
  /**
   * Exported only when an environment opts in (`perPartitionMetrics`); dashboards show panels on it only then,
   * and alerts must not use it.
   */
  readonly optIn?: 'per-partition';
  readonly type: MetricType;
  readonly source: MetricSource;
  /** Labels specific to the metric, beyond the target labels the scrape adds. */
  readonly labels: readonly string[];
  readonly help: string;
}

const m = (source: MetricSource, type: MetricType, name: string, labels: readonly string[], help: string): MetricDefinition => ({
  name,
  type,
  source,
  labels,
  help,
});

/** A per-partition series: exported only with `perPartitionMetrics` (see `KAFKA_PER_PARTITION_JMX_RULES`). */
const perPartition = (d: MetricDefinition): MetricDefinition => ({ ...d, optIn: 'per-partition' });

const QUANTILES = ['quantile'];

/** Every metric the platform's alerts and dashboards may use. */
export const METRICS: readonly MetricDefinition[] = [
  // Brokers and controllers (JMX exporter, the library's rules).
  m('kafka-jmx', 'gauge', 'kafka_server_replicamanager_underreplicatedpartitions', [], 'partitions led by this broker with fewer in-sync replicas than replicas'),
  m('kafka-jmx', 'gauge', 'kafka_server_replicamanager_underminisrpartitioncount', [], 'partitions led by this broker below min.insync.replicas (acks=all producers fail)'),
  m('kafka-jmx', 'gauge', 'kafka_server_replicamanager_atminisrpartitioncount', [], 'partitions led by this broker exactly at min.insync.replicas'),
  m('kafka-jmx', 'gauge', 'kafka_server_replicamanager_partitioncount', [], 'partitions on this broker'),
  m('kafka-jmx', 'gauge', 'kafka_server_replicamanager_leadercount', [], 'partitions this broker leads'),
  m('kafka-jmx', 'counter', 'kafka_server_replicamanager_isrshrinks_total', [], 'ISR shrinks'),
  m('kafka-jmx', 'counter', 'kafka_server_replicamanager_isrexpands_total', [], 'ISR expansions'),
  m('kafka-jmx', 'gauge', 'kafka_controller_kafkacontroller_offlinepartitionscount', [], 'partitions without a leader (reported by the active controller)'),
  m('kafka-jmx', 'gauge', 'kafka_controller_kafkacontroller_activecontrollercount', [], '1 on the active controller'),
  // Controller metadata gauges: every KRaft controller publishes them (aggregate with max, never sum).
  m('kafka-jmx', 'gauge', 'kafka_controller_kafkacontroller_fencedbrokercount', [], 'registered brokers the controller has fenced'),
  m('kafka-jmx', 'gauge', 'kafka_controller_kafkacontroller_activebrokercount', [], 'registered, unfenced brokers'),
  m('kafka-jmx', 'gauge', 'kafka_controller_kafkacontroller_metadataerrorcount', [], 'metadata log processing errors since the node started'),
  m('kafka-jmx', 'counter', 'kafka_controller_controllerstats_uncleanleaderelections_total', [], 'unclean leader elections'),
  perPartition(m('kafka-jmx', 'gauge', 'kafka_cluster_partition_underminisr', ['topic', 'partition'], '1 when the partition is below min ISR')),
  perPartition(m('kafka-jmx', 'gauge', 'kafka_cluster_partition_atminisr', ['topic', 'partition'], '1 when the partition is at min ISR')),
  m('kafka-jmx', 'counter', 'kafka_server_brokertopicmetrics_messagesin_total', ['topic'], 'messages in; the series without topic is the broker total'),
  m('kafka-jmx', 'counter', 'kafka_server_brokertopicmetrics_bytesin_total', ['topic'], 'bytes in'),
  m('kafka-jmx', 'counter', 'kafka_server_brokertopicmetrics_bytesout_total', ['topic'], 'bytes out'),
  m('kafka-jmx', 'counter', 'kafka_server_brokertopicmetrics_totalproducerequests_total', ['topic'], 'produce requests'),
  m('kafka-jmx', 'counter', 'kafka_server_brokertopicmetrics_failedproducerequests_total', ['topic'], 'failed produce requests'),
  m('kafka-jmx', 'counter', 'kafka_server_brokertopicmetrics_totalfetchrequests_total', ['topic'], 'fetch requests'),
  m('kafka-jmx', 'counter', 'kafka_server_brokertopicmetrics_failedfetchrequests_total', ['topic'], 'failed fetch requests'),
  m('kafka-jmx', 'gauge', 'kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', [], 'request handler idle ratio 0..1'),
  m('kafka-jmx', 'gauge', 'kafka_network_socketserver_networkprocessoravgidle_percent', [], 'network processor idle ratio 0..1'),
  m('kafka-jmx', 'gauge', 'kafka_network_requestmetrics_totaltimems', ['request', ...QUANTILES], 'request total time in ms, by quantile'),
  m('kafka-jmx', 'counter', 'kafka_network_requestmetrics_totaltimems_count', ['request'], 'requests timed'),
  perPartition(m('kafka-jmx', 'gauge', 'kafka_log_log_size', ['topic', 'partition'], 'partition size on disk in bytes')),
  m('kafka-jmx', 'gauge', 'kafka_log_logmanager_offlinelogdirectorycount', [], 'log directories offline after an I/O error'),
  m('kafka-jmx', 'gauge', 'kafka_server_kafkaserver_brokerstate', [], 'broker state: 0 not running, 1 starting (catching up with the metadata), 2 recovery (loading its logs, fenced), 3 running, 6 pending controlled shutdown, 7 shutting down'),
  m('kafka-jmx', 'gauge', 'kafka_server_socket_server_metrics_connection_count', ['listener', 'networkProcessor'], 'open connections'),
  m('kafka-jmx', 'counter', 'kafka_server_socket_server_metrics_failed_authentication_total', ['listener', 'networkProcessor'], 'connections that failed authentication (bad credentials, an unknown or expired certificate)'),
  m('kafka-jmx', 'counter', 'kafka_server_socket_server_metrics_successful_authentication_total', ['listener', 'networkProcessor'], 'connections that authenticated'),
  m('kafka-jmx', 'gauge', 'kafka_server_raftmetrics_current_leader', [], 'node id of the KRaft quorum leader'),
  m('kafka-jmx', 'gauge', 'kafka_server_raftmetrics_current_epoch', [], 'KRaft epoch'),
  m('kafka-jmx', 'gauge', 'kafka_server_raftmetrics_high_watermark', [], 'KRaft metadata log high watermark'),
  m('kafka-jmx', 'gauge', 'kafka_server_raftmetrics_commit_latency_avg', [], 'KRaft commit latency in ms'),
  m('kafka-jmx', 'gauge', 'kafka_server_raftmetrics_current_state', ['current_state'], '1 for the node\'s KRaft state (leader, follower, ...)'),
  m('kafka-jmx', 'gauge', 'jvm_memory_used_bytes', ['area'], 'JVM memory used'),
  m('kafka-jmx', 'counter', 'jvm_gc_collection_seconds_sum', ['gc'], 'GC time'),
  m('kafka-jmx', 'counter', 'jvm_gc_collection_seconds_count', ['gc'], 'GC runs'),
  m('kafka-jmx', 'gauge', 'jvm_threads_current', [], 'JVM threads'),
  m('kafka-jmx', 'gauge', 'process_open_fds', [], 'open file descriptors'),

  // Kafka Exporter.
  m('kafka-exporter', 'gauge', 'kafka_consumergroup_lag', ['consumergroup', 'topic', 'partition'], 'messages a group is behind, per partition'),
  m('kafka-exporter', 'gauge', 'kafka_consumergroup_lag_sum', ['consumergroup', 'topic'], 'messages a group is behind, per topic'),
  m('kafka-exporter', 'gauge', 'kafka_consumergroup_current_offset', ['consumergroup', 'topic', 'partition'], 'committed offset'),
  m('kafka-exporter', 'gauge', 'kafka_consumergroup_current_offset_sum', ['consumergroup', 'topic'], 'committed offsets summed per topic'),
  m('kafka-exporter', 'gauge', 'kafka_consumergroup_members', ['consumergroup'], 'group members'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partition_current_offset', ['topic', 'partition'], 'log end offset'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partition_oldest_offset', ['topic', 'partition'], 'log start offset'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partition_replicas', ['topic', 'partition'], 'replicas'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partition_in_sync_replica', ['topic', 'partition'], 'in-sync replicas'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partition_leader', ['topic', 'partition'], 'leader broker id'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partition_leader_is_preferred', ['topic', 'partition'], '1 when the preferred replica leads'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partition_under_replicated_partition', ['topic', 'partition'], '1 when under-replicated'),
  m('kafka-exporter', 'gauge', 'kafka_topic_partitions', ['topic'], 'partitions of the topic'),
  m('kafka-exporter', 'gauge', 'kafka_brokers', [], 'brokers in the cluster metadata'),

  // MirrorMaker 2 (KafkaMirrorMaker2 pods, the library's rules).
  m('mirror-maker-2', 'gauge', 'kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms', ['target', 'topic', 'partition'], 'record age when replicated'),
  m('mirror-maker-2', 'gauge', 'kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms_max', ['target', 'topic', 'partition'], 'max record age when replicated'),
  m('mirror-maker-2', 'gauge', 'kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms', ['source', 'target', 'group', 'topic', 'partition'], 'checkpoint latency'),
  m('mirror-maker-2', 'gauge', 'kafka_consumer_fetch_manager_records_lag', ['clientid', 'topic', 'partition'], 'records the replication consumer is behind'),
  // Connect's own metrics, from MirrorMaker 2 and KafkaConnect pods alike (the same rules in both rule sets).
  m('mirror-maker-2', 'gauge', 'kafka_connect_connector_status', ['connector', 'status'], '1 for the connector\'s current status (MirrorMaker 2 and KafkaConnect pods)'),
  m('mirror-maker-2', 'gauge', 'kafka_connect_worker_connector_failed_task_count', ['connector'], 'failed tasks of a connector (MirrorMaker 2 and KafkaConnect pods)'),

  // KafkaConnect pods (the library's Connect rules).
  m('kafka-connect', 'gauge', 'kafka_connect_connector_task_status', ['connector', 'task', 'status'], '1 for the task\'s current status (running, failed, paused, unassigned, restarting)'),
  m('kafka-connect', 'gauge', 'kafka_connect_worker_connector_count', [], 'connectors on the worker'),
  m('kafka-connect', 'gauge', 'kafka_connect_worker_task_count', [], 'tasks on the worker'),
  m('kafka-connect', 'gauge', 'kafka_connect_task_error_total_record_failures', ['connector', 'task'], 'record processing failures of a task since it started'),

  // Cruise Control (one rule keeps every sensor; these are the ones the dashboards read).
  m('cruise-control', 'gauge', 'kafka_cruisecontrol_anomalydetector_balancedness_score_value', [], 'balancedness of the cluster by the configured goals, 0..100'),
  m('cruise-control', 'gauge', 'kafka_cruisecontrol_loadmonitor_monitored_partitions_percentage_value', [], 'share of partitions with enough load samples, 0..1 (below 0.95 no proposals)'),
  m('cruise-control', 'gauge', 'kafka_cruisecontrol_loadmonitor_valid_windows_value', [], 'load windows with enough samples'),
  m('cruise-control', 'gauge', 'kafka_cruisecontrol_executor_ongoing_execution_non_kafka_assigner_value', [], '1 while a rebalance executes'),

  // Strimzi Cluster Operator.
  m('strimzi-operator', 'gauge', 'strimzi_certificate_expiration_timestamp_ms', ['type', 'cluster', 'resource_namespace'], 'expiry of a CA or certificate, epoch ms'),
  // Strimzi operators (Cluster Operator, and the Topic and User Operators of the Entity Operator) tag
  // reconciliations with the resource's `namespace`; the scrape keeps the target's `namespace` (the
  // operator's pod) and renames the scraped one `exported_namespace`.
  m('strimzi-operator', 'counter', 'strimzi_reconciliations_total', ['kind', 'exported_namespace', 'selector'], 'reconciliations'),
  m('strimzi-operator', 'counter', 'strimzi_reconciliations_failed_total', ['kind', 'exported_namespace', 'selector'], 'failed reconciliations'),
  m('strimzi-operator', 'gauge', 'strimzi_resource_state', ['kind', 'name', 'resource_namespace', 'reason'], '1 when the custom resource is ready, 0 when its last reconciliation failed'),

  // Kubernetes.
  m('kubelet', 'gauge', 'kubelet_volume_stats_used_bytes', ['namespace', 'persistentvolumeclaim'], 'volume bytes used'),
  m('kubelet', 'gauge', 'kubelet_volume_stats_available_bytes', ['namespace', 'persistentvolumeclaim'], 'volume bytes available'),
  m('kubelet', 'gauge', 'kubelet_volume_stats_capacity_bytes', ['namespace', 'persistentvolumeclaim'], 'volume capacity'),
  m('cadvisor', 'counter', 'container_cpu_usage_seconds_total', ['namespace', 'pod', 'container'], 'CPU seconds used'),
  m('cadvisor', 'gauge', 'container_memory_working_set_bytes', ['namespace', 'pod', 'container'], 'working set memory'),
  m('kube-state-metrics', 'gauge', 'kube_pod_container_resource_limits', ['namespace', 'pod', 'container', 'resource', 'unit'], 'container limits'),
  m('kube-state-metrics', 'gauge', 'kube_pod_container_resource_requests', ['namespace', 'pod', 'container', 'resource', 'unit'], 'container requests (the CPU budget of brokers without a CPU limit)'),
  m('kube-state-metrics', 'gauge', 'kube_cronjob_status_last_successful_time', ['namespace', 'cronjob'], 'epoch seconds of the last successful run'),
  m('kube-state-metrics', 'gauge', 'kube_cronjob_created', ['namespace', 'cronjob'], 'epoch seconds the CronJob was created'),
  m('kube-state-metrics', 'gauge', 'kube_cronjob_status_last_schedule_time', ['namespace', 'cronjob'], 'epoch seconds the CronJob last started a run'),
  m('kube-state-metrics', 'gauge', 'kube_job_status_failed', ['namespace', 'job_name'], 'failed pods of a Job'),
  m('kube-state-metrics', 'gauge', 'kube_job_failed', ['namespace', 'job_name', 'condition'], '1 on condition="true" when the Job has finally failed'),
  m('kube-state-metrics', 'gauge', 'kube_job_owner', ['namespace', 'job_name', 'owner_kind', 'owner_name', 'owner_is_controller'], 'owner of a Job (a CronJob for scheduled runs)'),
  m('kube-state-metrics', 'gauge', 'kube_job_status_start_time', ['namespace', 'job_name'], 'epoch seconds the Job started'),
  // Pods: KSM knows pods that have no scrape target (Pending, not yet scheduled, no IP).
  m('kube-state-metrics', 'gauge', 'kube_pod_info', ['namespace', 'pod', 'uid', 'node', 'pod_ip', 'host_ip', 'created_by_kind', 'created_by_name'], '1 for every pod that exists'),
  m('kube-state-metrics', 'gauge', 'kube_pod_status_ready', ['namespace', 'pod', 'uid', 'condition'], '1 on the pod\'s Ready condition value (true, false, unknown)'),
  m('kube-state-metrics', 'gauge', 'kube_pod_created', ['namespace', 'pod', 'uid'], 'epoch seconds the pod was created (a Strimzi roll recreates pods)'),
  m('kube-state-metrics', 'gauge', 'kube_pod_status_phase', ['namespace', 'pod', 'uid', 'phase'], '1 on the pod\'s phase (Pending, Running, Succeeded, Failed, Unknown)'),
  m('kube-state-metrics', 'gauge', 'kube_pod_status_scheduled', ['namespace', 'pod', 'uid', 'condition'], '1 on the PodScheduled condition value (false: no node can take the pod)'),
  // Containers: why a broker is not running, and when its current container started.
  m('kube-state-metrics', 'gauge', 'kube_pod_container_status_running', ['namespace', 'pod', 'uid', 'container'], '1 while the container runs'),
  m('kube-state-metrics', 'gauge', 'kube_pod_container_status_waiting_reason', ['namespace', 'pod', 'uid', 'container', 'reason'], '1 for the reason a container waits (CrashLoopBackOff, ImagePullBackOff, ContainerCreating, ...)'),
  m('kube-state-metrics', 'gauge', 'kube_pod_container_state_started', ['namespace', 'pod', 'uid', 'container'], 'epoch seconds the running container started'),
  m('kube-state-metrics', 'counter', 'kube_pod_container_status_restarts_total', ['namespace', 'pod', 'uid', 'container'], 'restarts of the container in this pod (0 for a pod a roll recreated)'),

  // The scrape itself.
  m('prometheus', 'gauge', 'up', ['job'], '1 when the last scrape of the target succeeded'),
];

const BY_NAME = new Map(METRICS.map((d) => [d.name, d]));

/** The catalogue entry of `name`; throws for a name the platform does not export. */
export function metric(name: string): MetricDefinition {
  const found = BY_NAME.get(name);
  if (!found) throw new Error(`metric "${name}" is not in the platform's metric catalogue`);
  return found;
}

export function isCatalogued(name: string): boolean {
  return BY_NAME.has(name);
}
