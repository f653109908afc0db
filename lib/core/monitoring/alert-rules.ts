import { KubernetesObject, platformLabels } from '../kubernetes';
import { MIRROR_MAKER_2_REPLICATION_CLIENT } from './exporter-rules';
import { ResolvedMonitoringSpec } from './monitoring-spec';
import { MONITORING_API_VERSION, podMonitorNames, scrapeJob } from './pod-monitors';

/** Alertmanager severities the platform uses. */
export type Severity = 'critical' | 'warning' | 'info';

/** One alerting rule, before rendering. */
export interface AlertRule {
  readonly alert: string;
  readonly severity: Severity;
  readonly expr: string;
  /** Prometheus duration the condition must hold, e.g. `5m`. */
  readonly for: string;
  readonly summary: string;
  readonly description: string;
}

/** A named group of rules (one `groups[]` entry of the PrometheusRule). */
export interface AlertGroup {
  readonly name: string;
  readonly rules: readonly AlertRule[];
}

/** Page name of an alert's runbook: `KafkaBrokerDown` -> `kafka-broker-down`. */
export function runbookSlug(alert: string): string {
  return alert.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

export function runbookUrl(base: string, alert: string): string {
  return `${base}/${runbookSlug(alert)}.md`;
}

/** Label matchers for the cluster's series, following the PodMonitors' relabelling. */
export function clusterSelectors(s: ResolvedMonitoringSpec) {
  const { name, namespace } = s.cluster;
  const jobs = podMonitorNames(name);
  const job = (pm: string) => `namespace="${namespace}", job="${scrapeJob(namespace, pm)}"`;
  const pools = s.cluster.nodePools.map((p) => p.name).join('|');
  return {
    /** Brokers and controllers (JMX exporter). */
    kafka: job(jobs.kafka),
    brokers: `${job(jobs.kafka)}, strimzi_io_broker_role="true"`,
    kafkaExporter: job(jobs.kafkaExporter),
    mirrorMaker2: job(jobs.mirrorMaker2),
    /** Every platform scrape job of this cluster. */
    anyPlatformJob: `job=~"${namespace}/${name}-.+"`,
    /** Data volumes of every pool: `data-<cluster>-<pool>-<id>` or, with JBOD, `data-<volume>-<cluster>-<pool>-<id>`. */
    dataVolumes: `namespace="${namespace}", persistentvolumeclaim=~"data-(?:[0-9]+-)?${name}-(?:${pools})-[0-9]+"`,
    /** The Kafka container of every pool's pods (cAdvisor and kube-state-metrics labels). */
    kafkaContainers: `namespace="${namespace}", pod=~"${name}-(?:${pools})-[0-9]+", container="kafka"`,
    /** The Cluster Operator's certificate metrics of this cluster. */
    certificates: `cluster="${name}", resource_namespace="${namespace}"`,
    cronJob: (cronJob: string) => `namespace="${namespace}", cronjob="${cronJob}"`,
  };
}

const minutes = (n: number) => `${n}m`;

/** The alert groups of one cluster, from the resolved spec (thresholds included). */
export function buildAlertGroups(s: ResolvedMonitoringSpec): AlertGroup[] {
  const t = s.thresholds;
  const sel = clusterSelectors(s);
  const c = s.cluster.name;
  const diskPercent = `100 * kubelet_volume_stats_used_bytes{${sel.dataVolumes}} / kubelet_volume_stats_capacity_bytes{${sel.dataVolumes}}`;
  const lag = `sum by (namespace, consumergroup, topic) (kafka_consumergroup_lag{${sel.kafkaExporter}})`;

  const availability: AlertRule[] = [
    {
      alert: 'KafkaBrokerDown',
      severity: 'critical',
      // Counting healthy targets also catches a broker whose pod is gone (no target, so no `up == 0`).
      expr: `(count(up{${sel.brokers}} == 1) or vector(0)) < ${s.cluster.brokerCount}`,
      for: '2m',
      summary: `Kafka cluster ${c} has fewer brokers up than configured`,
      description: `{{ $value }} of ${s.cluster.brokerCount} brokers of ${c} answer their metrics scrape.`,
    },
    {
      alert: 'KafkaNoActiveController',
      severity: 'critical',
      expr: `(sum(kafka_controller_kafkacontroller_activecontrollercount{${sel.kafka}}) or vector(0)) < 1`,
      for: '1m',
      summary: `Kafka cluster ${c} has no active KRaft controller`,
      description: `No node of ${c} reports itself as the active controller: metadata changes, leader elections and topic changes stop.`,
    },
    {
      alert: 'KafkaMultipleActiveControllers',
      severity: 'critical',
      expr: `sum(kafka_controller_kafkacontroller_activecontrollercount{${sel.kafka}}) > 1`,
      for: '1m',
      summary: `Kafka cluster ${c} reports more than one active controller`,
      description: `{{ $value }} nodes of ${c} report themselves active controller.`,
    },
    {
      alert: 'KafkaOfflinePartitions',
      severity: 'critical',
      expr: `sum(kafka_controller_kafkacontroller_offlinepartitionscount{${sel.kafka}}) > 0`,
      for: '1m',
      summary: `Kafka cluster ${c} has offline partitions`,
      description: `{{ $value }} partitions of ${c} have no leader: they accept no reads and no writes.`,
    },
    {
      alert: 'KafkaUnderMinIsrPartitions',
      severity: 'critical',
      expr: `kafka_server_replicamanager_underminisrpartitioncount{${sel.brokers}} > 0`,
      for: '1m',
      summary: 'Partitions below min.insync.replicas',
      description: '{{ $value }} partitions led by {{ $labels.pod }} are below min.insync.replicas: producers with acks=all get NotEnoughReplicas errors.',
    },
    {
      alert: 'KafkaOfflineLogDirectory',
      severity: 'critical',
      expr: `kafka_log_logmanager_offlinelogdirectorycount{${sel.brokers}} > 0`,
      for: '1m',
      summary: 'A broker has an offline log directory',
      description: '{{ $value }} log directories of {{ $labels.pod }} are offline after I/O errors; its partitions there moved or went offline.',
    },
    {
      alert: 'KafkaMetricsTargetDown',
      severity: 'warning',
      expr: `up{${sel.anyPlatformJob}} == 0`,
      for: '5m',
      summary: 'A Kafka platform metrics endpoint cannot be scraped',
      description: 'Prometheus cannot scrape {{ $labels.pod }} ({{ $labels.job }}): alerts that need its metrics are blind.',
    },
  ];

  const slo: AlertRule[] = [
    ...(['warning', 'critical'] as const).map((severity) => ({
      alert: 'KafkaUnderReplicatedPartitions',
      severity,
      expr: `kafka_server_replicamanager_underreplicatedpartitions{${sel.brokers}} > 0`,
      for: minutes(t.underReplicatedMinutes[severity]),
      summary: 'Kafka has under-replicated partitions',
      description: `{{ $value }} partitions led by {{ $labels.pod }} have been under-replicated for ${t.underReplicatedMinutes[severity]} minutes.`,
    })),
    // Only Produce: a Fetch request waits up to fetch.max.wait.ms by design, so its time is not latency.
    ...(['warning', 'critical'] as const).map((severity) => ({
      alert: 'KafkaSlowProducer',
      severity,
      expr: `kafka_network_requestmetrics_totaltimems{${sel.brokers}, request="Produce", quantile="0.99"} > ${t.produceLatencyP99Ms[severity]}`,
      for: '10m',
      summary: 'Kafka produce latency p99 is high',
      description: `p99 of Produce requests on {{ $labels.pod }} is {{ $value }} ms (threshold ${t.produceLatencyP99Ms[severity]} ms).`,
    })),
    ...(['warning', 'critical'] as const).map((severity) => ({
      alert: 'KafkaConsumerLag',
      severity,
      expr: `${lag} > ${t.consumerLagMessages[severity]}`,
      for: '10m',
      summary: 'High consumer lag',
      description: `Consumer group {{ $labels.consumergroup }} is {{ $value }} messages behind on topic {{ $labels.topic }} (threshold ${t.consumerLagMessages[severity]}).`,
    })),
    ...(['warning', 'critical'] as const).map((severity) => ({
      alert: 'KafkaDiskSpaceHigh',
      severity,
      expr: `${diskPercent} > ${t.diskUsagePercent[severity]}`,
      for: '15m',
      summary: 'Kafka data volume is filling up',
      description: `Volume {{ $labels.persistentvolumeclaim }} is {{ $value | printf "%.1f" }}% full (threshold ${t.diskUsagePercent[severity]}%).`,
    })),
  ];

  const operations: AlertRule[] = [
    ...(['warning', 'critical'] as const).map((severity) => ({
      alert: 'KafkaCertificateExpiring',
      severity,
      expr: `(strimzi_certificate_expiration_timestamp_ms{${sel.certificates}} - time() * 1000) / 86400000 < ${t.certificateExpiryDays[severity]}`,
      for: '15m',
      summary: 'A Strimzi-managed certificate expires soon',
      description: `The {{ $labels.type }} certificate of ${c} expires in {{ $value | printf "%.1f" }} days (threshold ${t.certificateExpiryDays[severity]}); renewal only happens inside the maintenance windows.`,
    })),
    // One rule over every CronJob (each with its own age limit); the alert carries the `cronjob` label.
    ...(s.backupCronJobs.length === 0
      ? []
      : [
          {
            alert: 'KafkaBackupOverdue',
            severity: 'warning' as const,
            expr: s.backupCronJobs
              .map((job) => {
                const cj = sel.cronJob(job.name);
                const seconds = job.maxAgeHours * 3600;
                // Second branch: a CronJob older than its limit that never succeeded has no last-success series.
                return (
                  `(time() - kube_cronjob_status_last_successful_time{${cj}} > ${seconds})` +
                  ` or ((time() - kube_cronjob_created{${cj}} > ${seconds}) unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{${cj}})`
                );
              })
              .join(' or '),
            for: '15m',
            summary: 'A Kafka backup CronJob has no recent success',
            description: `CronJob {{ $labels.cronjob }} has not completed successfully within its limit (${s.backupCronJobs.map((j) => `${j.name}: ${j.maxAgeHours} h`).join(', ')}).`,
          },
        ]),
  ];

  const capacity: AlertRule[] = [
    {
      alert: 'KafkaHighThroughput',
      severity: 'warning',
      // The series without a `topic` label is each broker's total.
      expr: `sum(rate(kafka_server_brokertopicmetrics_messagesin_total{${sel.brokers}, topic=""}[5m])) > ${t.capacity.messagesInPerSecond}`,
      for: '15m',
      summary: `Kafka cluster ${c} is near its planned message rate`,
      description: `${c} receives {{ $value | printf "%.0f" }} messages/s (capacity trigger ${t.capacity.messagesInPerSecond}/s): plan another broker.`,
    },
    {
      alert: 'KafkaDiskUsageCapacity',
      severity: 'info',
      expr: `${diskPercent} > ${t.capacity.diskUsagePercent}`,
      for: '30m',
      summary: 'Kafka data volume passed its capacity trigger',
      description: `Volume {{ $labels.persistentvolumeclaim }} is {{ $value | printf "%.1f" }}% full (trigger ${t.capacity.diskUsagePercent}%): grow the volume or shorten retention.`,
    },
    {
      alert: 'KafkaConsumerLagCapacity',
      severity: 'info',
      expr: `${lag} > ${t.capacity.consumerLagMessages}`,
      for: '10m',
      summary: 'Consumer group lag passed its scaling trigger',
      description: `Group {{ $labels.consumergroup }} is {{ $value }} messages behind on {{ $labels.topic }} (trigger ${t.capacity.consumerLagMessages}): scale the consumers.`,
    },
    {
      alert: 'KafkaCpuNearLimit',
      severity: 'info',
      expr:
        `100 * sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{${sel.kafkaContainers}}[5m]))` +
        ` / sum by (namespace, pod) (kube_pod_container_resource_limits{${sel.kafkaContainers}, resource="cpu"}) > ${t.capacity.cpuPercentOfLimit}`,
      for: '15m',
      summary: 'Kafka pod CPU near its limit',
      description: `{{ $labels.pod }} uses {{ $value | printf "%.0f" }}% of its CPU limit (trigger ${t.capacity.cpuPercentOfLimit}%).`,
    },
    {
      alert: 'KafkaMemoryNearLimit',
      severity: 'info',
      expr:
        `100 * sum by (namespace, pod) (container_memory_working_set_bytes{${sel.kafkaContainers}})` +
        ` / sum by (namespace, pod) (kube_pod_container_resource_limits{${sel.kafkaContainers}, resource="memory"}) > ${t.capacity.memoryPercentOfLimit}`,
      for: '15m',
      summary: 'Kafka pod memory near its limit',
      description: `{{ $labels.pod }} working set is {{ $value | printf "%.0f" }}% of its memory limit (trigger ${t.capacity.memoryPercentOfLimit}%).`,
    },
    {
      alert: 'KafkaDiskFullForecast',
      severity: 'warning',
      expr: `predict_linear(kubelet_volume_stats_available_bytes{${sel.dataVolumes}}[6h], ${t.diskFullForecastHours * 3600}) < 0`,
      for: '1h',
      summary: 'Kafka data volume will be full soon',
      description: `At the growth of the last 6 hours, {{ $labels.persistentvolumeclaim }} is full within ${t.diskFullForecastHours} hours.`,
    },
  ];

  const groups: AlertGroup[] = [
    { name: `${c}.availability`, rules: availability },
    { name: `${c}.slo`, rules: slo },
    { name: `${c}.operations`, rules: operations },
    { name: `${c}.capacity`, rules: capacity },
  ];

  if (s.mirrorMaker2) groups.push({ name: `${c}.replication`, rules: replicationRules(s) });
  if (s.drCaCheckCronJob) groups.push({ name: `${c}.disaster-recovery`, rules: [drCaRule(s, s.drCaCheckCronJob)] });
  return groups;
}

/**
 * MirrorMaker 2 (disaster-recovery replication): workers gone, lag, slow checkpoints, failed connectors.
 * Lag series are per partition and per worker; `max` per partition first keeps a partition that moved
 * between workers (old series still in the lookback) from counting twice.
 */
function replicationRules(s: ResolvedMonitoringSpec): AlertRule[] {
  const t = s.thresholds;
  const sel = clusterSelectors(s);
  return [
    {
      alert: 'KafkaMirrorMaker2Down',
      severity: 'critical',
      // Without metrics (or pods) there is no `up` series at all, so count healthy targets instead.
      expr: `(count(up{${sel.mirrorMaker2}} == 1) or vector(0)) < 1`,
      for: '10m',
      summary: 'No MirrorMaker 2 worker is running and scraped',
      description: `No MirrorMaker 2 pod in namespace ${s.cluster.namespace} answers its metrics scrape: replication to the DR cluster has stopped or is unobserved.`,
    },
    {
      alert: 'KafkaMirrorMaker2ReplicationLag',
      severity: 'warning',
      expr: `sum by (namespace, topic) (max by (namespace, topic, partition) (kafka_consumer_fetch_manager_records_lag{${sel.mirrorMaker2}, ${MIRROR_MAKER_2_REPLICATION_CLIENT}})) > ${t.mirrorMaker2LagMessages}`,
      for: '10m',
      summary: 'MirrorMaker 2 replication is behind',
      description: `Replication is {{ $value }} records behind on topic {{ $labels.topic }} (dots shown as "_"; threshold ${t.mirrorMaker2LagMessages}).`,
    },
    {
      alert: 'KafkaMirrorMaker2CheckpointLatency',
      severity: 'warning',
      expr: `max by (namespace, group) (kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms{${sel.mirrorMaker2}}) > ${t.mirrorMaker2CheckpointLatencySeconds * 1000}`,
      for: '10m',
      summary: 'MirrorMaker 2 checkpoints reach the DR cluster late',
      description: `Checkpoints of group {{ $labels.group }} take {{ $value | printf "%.0f" }} ms to reach the target (threshold ${t.mirrorMaker2CheckpointLatencySeconds} s): its translated offsets on the DR cluster are older than the recovery point.`,
    },
    {
      alert: 'KafkaMirrorMaker2ConnectorFailed',
      severity: 'critical',
      expr: `(kafka_connect_connector_status{${sel.mirrorMaker2}, status="failed"} == 1) or (kafka_connect_worker_connector_failed_task_count{${sel.mirrorMaker2}} > 0)`,
      for: '5m',
      summary: 'A MirrorMaker 2 connector or task failed',
      description: 'Connector {{ $labels.connector }} on {{ $labels.pod }} has failed: replication has stopped.',
    },
  ];
}

/**
 * The copy of the DR cluster's CA is checked by a CronJob (`ca-check.sh`) that fails when the copy expires
 * within its warning period or no longer verifies the DR brokers. The alert fires when the latest run did
 * not succeed: started after the last success, or never succeeded at all.
 */
function drCaRule(s: ResolvedMonitoringSpec, cronJob: string): AlertRule {
  const cj = clusterSelectors(s).cronJob(cronJob);
  return {
    alert: 'KafkaDrCaCopyStale',
    severity: 'warning',
    expr:
      `(kube_cronjob_status_last_schedule_time{${cj}} > kube_cronjob_status_last_successful_time{${cj}})` +
      ` or (kube_cronjob_status_last_schedule_time{${cj}} unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{${cj}})`,
    // Longer than a run takes, so a run in progress does not count as failed.
    for: '30m',
    summary: 'The copy of the DR cluster CA is expiring or outdated',
    description: `The latest run of CronJob ${cronJob} failed: the DR CA copy MirrorMaker 2 trusts expires soon or no longer verifies the DR brokers. Redeploy this stack after the DR CA renewal.`,
  };
}

/** Every rule, flattened. */
export function allAlertRules(groups: readonly AlertGroup[]): AlertRule[] {
  return groups.flatMap((g) => g.rules);
}

/** The rule groups as Prometheus renders them (labels and annotations added). */
export function renderRuleGroups(s: ResolvedMonitoringSpec, groups: readonly AlertGroup[]) {
  return groups.map((g) => ({
    name: g.name,
    rules: g.rules.map((r) => ({
      alert: r.alert,
      expr: r.expr,
      for: r.for,
      labels: { severity: r.severity, team: s.team },
      annotations: { summary: r.summary, description: r.description, runbook_url: runbookUrl(s.runbookBaseUrl, r.alert) },
    })),
  }));
}

/** The PrometheusRule carrying every alert of the cluster. */
export function buildPrometheusRule(s: ResolvedMonitoringSpec, groups: readonly AlertGroup[]): KubernetesObject {
  return {
    apiVersion: MONITORING_API_VERSION,
    kind: 'PrometheusRule',
    metadata: {
      name: `${s.cluster.name}-alerts`,
      namespace: s.cluster.namespace,
      labels: platformLabels('monitoring', { ...s.prometheusSelectorLabels }),
    },
    spec: { groups: renderRuleGroups(s, groups) },
  };
}
