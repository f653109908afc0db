import { KubernetesObject, platformLabels } from '../kubernetes';
import { Priority } from './alert-routing';
import { MIRROR_MAKER_2_REPLICATION_CLIENT } from './exporter-rules';
import { DEFAULT_CONTROLLER_COUNT, ResolvedMonitoringSpec } from './monitoring-spec';
import { MONITORING_API_VERSION, podMonitorNames, scrapeJob } from './pod-monitors';
import { buildConnectAlertGroups, cronJobsWithOwnAlert } from './connect-rules';
import { latestCronJobRunFailed } from './cron-job-runs';

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
  /** The guide's incident class. @default by severity: critical P2, warning P3, info P4 */
  readonly priority?: Priority;
}

const PRIORITY_OF_SEVERITY: Record<Severity, Priority> = { critical: 'P2', warning: 'P3', info: 'P4' };

/** The priority an alert is routed with. */
export function alertPriority(rule: Pick<AlertRule, 'severity' | 'priority'>): Priority {
  return rule.priority ?? PRIORITY_OF_SEVERITY[rule.severity];
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
  const poolsWith = (role: 'broker' | 'controller') => s.cluster.nodePools.filter((p) => p.roles.includes(role)).map((p) => p.name).join('|');
  const pods = (poolNames: string) => `namespace="${namespace}", pod=~"${name}-(?:${poolNames})-[0-9]+"`;
  return {
    /** Brokers and controllers (JMX exporter). */
    kafka: job(jobs.kafka),
    brokers: `${job(jobs.kafka)}, strimzi_io_broker_role="true"`,
    controllers: `${job(jobs.kafka)}, strimzi_io_controller_role="true"`,
    /** Pods as kube-state-metrics sees them (it also knows pods without a scrape target, e.g. Pending). */
    brokerPods: pods(poolsWith('broker')),
    controllerPods: pods(poolsWith('controller')),
    /** The Topic and User Operators (Entity Operator pod, in the cluster's namespace). */
    entityOperator: job(jobs.entityOperator),
    /** Cluster Operator targets run in the operator's namespace: match the job only. */
    clusterOperator: `job="${scrapeJob(namespace, jobs.clusterOperator)}"`,
    /** Reconciliation metrics of this namespace's resources from the Cluster Operator and the Entity Operator. */
    operatorReconciliations: `job=~"${scrapeJob(namespace, jobs.clusterOperator)}|${scrapeJob(namespace, jobs.entityOperator)}", exported_namespace="${namespace}"`,
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
    /** kube-state-metrics objects (Jobs, CronJobs) of the cluster's namespace. */
    inNamespace: `namespace="${namespace}"`,
  };
}

const minutes = (n: number) => `${n}m`;

/** Failed Jobs of any CronJob in the namespace (but those with an alert of their own) that started after the CronJob's last success (or it never succeeded). */
function cronJobFailed(ns: string, ownAlert: readonly string[] = []): string {
  return latestCronJobRunFailed(ns, ownAlert.length ? `owner_name!~"${ownAlert.join('|')}"` : '');
}

/** The alert groups of one cluster, from the resolved spec (thresholds included). */
export function buildAlertGroups(s: ResolvedMonitoringSpec): AlertGroup[] {
  const t = s.thresholds;
  const sel = clusterSelectors(s);
  const c = s.cluster.name;
  const diskPercent = `100 * kubelet_volume_stats_used_bytes{${sel.dataVolumes}} / kubelet_volume_stats_capacity_bytes{${sel.dataVolumes}}`;
  const lag = `sum by (namespace, consumergroup, topic) (kafka_consumergroup_lag{${sel.kafkaExporter}})`;
  // A group without members stopped consuming on purpose (or is gone): its lag is nobody's incident.
  const withMembers = `(max by (namespace, consumergroup) (kafka_consumergroup_members{${sel.kafkaExporter}}) > 0)`;

  const brokers = s.cluster.brokerCount;
  const controllers = s.cluster.controllerCount ?? DEFAULT_CONTROLLER_COUNT;
  // A pod kube-state-metrics knows that is not Ready: includes Pending pods, which have no scrape target
  // and no `up` series. Strimzi reports a broker Ready only once it runs (after log recovery, unfenced).
  const notReady = (pods: string) =>
    `(max by (namespace, pod) (kube_pod_info{${pods}}) unless on (namespace, pod) (max by (namespace, pod) (kube_pod_status_ready{${pods}, condition="true"}) == 1))`;
  // Fewer pods than configured exist at all (deleted and not recreated); only judged while kube-state-metrics
  // reports the namespace, so that a missing kube-state-metrics does not look like missing pods.
  const ksmSeesNamespace = `(count(kube_pod_info{namespace="${s.cluster.namespace}"}) > 0)`;
  const missing = (pods: string, expected: number) =>
    `(((count(max by (namespace, pod) (kube_pod_info{${pods}})) or vector(0)) < ${expected}) and on () ${ksmSeesNamespace})`;
  // Pods answering their scrape: the fallback when kube-state-metrics is absent, and a second witness.
  const scraped = (targets: string) => `(count(max by (namespace, pod) (up{${targets}}) == 1) or vector(0))`;
  const withoutKsm = (expr: string) => `(${expr} unless on () ${ksmSeesNamespace})`;
  // A rolling restart is in progress: Strimzi rolls by deleting and recreating pods one at a time, so some
  // broker pod of the cluster was created within the recovery window. Routine symptoms of a restarting
  // broker (its peers' under-replication, ISR shrinks) stay quiet then; controller restarts cause neither.
  const rollInProgress = `((time() - max by (namespace, pod) (kube_pod_created{${sel.brokerPods}})) < ${t.brokerRecoveryMinutes * 60})`;
  const quietWhileRolling = (expr: string) => `(${expr}) unless on () ${rollInProgress}`;
  const brokerPodTrouble = `(${notReady(sel.brokerPods)} or ${missing(sel.brokerPods, brokers)})`;

  const availability: AlertRule[] = [
    {
      alert: 'KafkaBrokerDown',
      severity: 'critical',
      // Per pod, so that a rolling restart (one pod down at a time, each for less than its log recovery)
      // stays quiet while one broker stuck longer pages; a pod that does not exist at all counts too.
      expr: `${notReady(sel.brokerPods)} or ${missing(sel.brokerPods, brokers)} or ${withoutKsm(`${scraped(sel.brokers)} < ${brokers}`)}`,
      for: minutes(t.brokerRecoveryMinutes),
      summary: `A broker of Kafka cluster ${c} is down`,
      description:
        `{{ if $labels.pod }}Broker pod {{ $labels.pod }} has not been ready for ${t.brokerRecoveryMinutes} minutes (longer than log recovery after a restart).` +
        `{{ else }}Only {{ $value }} of ${brokers} broker pods of ${c} exist.{{ end }}`,
    },
    ...(brokers >= 2
      ? [
          {
            alert: 'KafkaMultipleBrokersDown',
            severity: 'critical' as const,
            priority: 'P1' as const,
            // Strimzi restarts one broker at a time: two or more down at once is never routine. Not Ready
            // (kube-state-metrics) or not answering their scrape: either witness is enough.
            expr:
              `((count(max by (namespace, pod) (kube_pod_status_ready{${sel.brokerPods}, condition="true"}) == 1) or vector(0)) < ${brokers - 1} and on () ${ksmSeesNamespace})` +
              ` or ${scraped(sel.brokers)} < ${brokers - 1}`,
            for: '2m',
            summary: `Several brokers of Kafka cluster ${c} are down`,
            description: `Only {{ $value }} of ${brokers} brokers of ${c} are ready: partitions with replicas on the missing brokers are below min.insync.replicas or offline.`,
          },
        ]
      : []),
    {
      alert: 'KafkaControllerDown',
      severity: 'critical',
      // Compares the controllers the cluster spec declares with the pods kube-state-metrics sees: a Pending
      // controller has no scrape target, so counting `up` alone would miss it.
      expr: `${notReady(sel.controllerPods)} or ${missing(sel.controllerPods, controllers)} or ${withoutKsm(`${scraped(sel.controllers)} < ${controllers}`)}`,
      for: minutes(t.controllerRecoveryMinutes),
      summary: `A KRaft controller of Kafka cluster ${c} is down`,
      description:
        `{{ if $labels.pod }}Controller pod {{ $labels.pod }} has not been ready for ${t.controllerRecoveryMinutes} minutes.` +
        `{{ else }}Only {{ $value }} of ${controllers} controller pods of ${c} exist.{{ end }} One more loss stops the metadata quorum.`,
    },
    {
      alert: 'KafkaFencedBrokers',
      severity: 'critical',
      // `up` only says the metrics agent answers. A broker whose pod is ready (so it is not restarting) but
      // that the controllers fenced or never registered cannot lead or replicate. Controller metadata
      // gauges come from every controller: `max`, never `sum`.
      expr:
        `(max(kafka_controller_kafkacontroller_fencedbrokercount{${sel.controllers}}) > 0` +
        ` or (${brokers} - max(kafka_controller_kafkacontroller_activebrokercount{${sel.controllers}})) > 0)` +
        ` unless on () ${brokerPodTrouble}`,
      for: '5m',
      summary: `Brokers of Kafka cluster ${c} are fenced or unregistered`,
      description: `{{ $value }} brokers of ${c} are fenced or missing from the controllers' view although every broker pod is ready.`,
    },
    {
      alert: 'KafkaMetadataErrors',
      severity: 'critical',
      expr: `max by (namespace, pod) (delta(kafka_controller_kafkacontroller_metadataerrorcount{${sel.kafka}}[10m])) > 0`,
      for: '0m',
      summary: 'A Kafka node failed to process the metadata log',
      description: '{{ $labels.pod }} reported metadata log processing errors in the last 10 minutes: its view of the cluster may diverge.',
    },
    {
      alert: 'KafkaNoActiveController',
      severity: 'critical',
      priority: 'P1',
      expr: `(sum(kafka_controller_kafkacontroller_activecontrollercount{${sel.kafka}}) or vector(0)) < 1`,
      for: '1m',
      summary: `Kafka cluster ${c} has no active KRaft controller`,
      description: `No node of ${c} reports itself as the active controller: metadata changes, leader elections and topic changes stop.`,
    },
    {
      alert: 'KafkaMultipleActiveControllers',
      severity: 'critical',
      priority: 'P1',
      expr: `sum(kafka_controller_kafkacontroller_activecontrollercount{${sel.kafka}}) > 1`,
      for: '1m',
      summary: `Kafka cluster ${c} reports more than one active controller`,
      description: `{{ $value }} nodes of ${c} report themselves active controller.`,
    },
    {
      alert: 'KafkaOfflinePartitions',
      severity: 'critical',
      priority: 'P1',
      // Every controller publishes the count: `max`, not `sum` (which multiplies it by the controllers).
      expr: `max(kafka_controller_kafkacontroller_offlinepartitionscount{${sel.controllers}}) > 0`,
      for: '1m',
      summary: `Kafka cluster ${c} has offline partitions`,
      description: `{{ $value }} partitions of ${c} have no leader: they accept no reads and no writes.`,
    },
    {
      alert: 'KafkaUnderMinIsrPartitions',
      severity: 'critical',
      priority: 'P1',
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
      // While a peer restarts and catches up, leaders report under-replication: quiet during a roll.
      expr: quietWhileRolling(`kafka_server_replicamanager_underreplicatedpartitions{${sel.brokers}} > 0`),
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
      expr: `${lag} > ${t.consumerLagMessages[severity]} and on (namespace, consumergroup) ${withMembers}`,
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
    // The guide lists the request handler idle ratio among its critical metrics; both pools saturate first
    // when a broker is overloaded.
    ...(['warning', 'critical'] as const).flatMap((severity) => [
      {
        alert: 'KafkaRequestHandlerIdleLow',
        severity,
        expr: `kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent{${sel.brokers}} < ${t.requestHandlerIdlePercent[severity] / 100}`,
        for: '15m',
        summary: 'Kafka request handler threads are saturated',
        description: `Request handlers of {{ $labels.pod }} are idle {{ $value | humanizePercentage }} of the time (threshold ${t.requestHandlerIdlePercent[severity]}%).`,
      },
      {
        alert: 'KafkaNetworkProcessorIdleLow',
        severity,
        expr: `kafka_network_socketserver_networkprocessoravgidle_percent{${sel.brokers}} < ${t.networkProcessorIdlePercent[severity] / 100}`,
        for: '15m',
        summary: 'Kafka network threads are saturated',
        description: `Network processors of {{ $labels.pod }} are idle {{ $value | humanizePercentage }} of the time (threshold ${t.networkProcessorIdlePercent[severity]}%).`,
      },
    ]),
    {
      alert: 'KafkaIsrShrinks',
      severity: 'warning',
      // A restarting peer shrinks ISRs by design: only sustained shrinking outside a roll is a fault.
      expr: quietWhileRolling(`sum by (namespace, pod) (rate(kafka_server_replicamanager_isrshrinks_total{${sel.brokers}}[5m])) * 60 > ${t.isrShrinksPerMinute}`),
      for: '15m',
      summary: 'In-sync replica sets keep shrinking',
      description: `{{ $labels.pod }} shrinks ISRs {{ $value | printf "%.1f" }} times a minute (threshold ${t.isrShrinksPerMinute}) outside a rolling restart: followers fall behind.`,
    },
  ];

  const operations: AlertRule[] = [
    {
      alert: 'KafkaOperatorReconciliationFailing',
      severity: 'warning',
      // One failure (a conflict, a timeout) is retried; failures in every 15-minute window for 30 minutes are not.
      expr: `sum by (job, kind) (increase(strimzi_reconciliations_failed_total{${sel.operatorReconciliations}}[15m])) > 0`,
      for: '30m',
      summary: 'A Strimzi operator keeps failing to reconcile',
      description: `Reconciliations of {{ $labels.kind }} resources in ${s.cluster.namespace} keep failing ({{ $labels.job }}): changes to them are not applied.`,
    },
    {
      alert: 'KafkaResourceNotReady',
      severity: 'warning',
      // Rebalance templates are never reconciled to Ready: not a fault.
      expr: `strimzi_resource_state{${sel.clusterOperator}, resource_namespace="${s.cluster.namespace}", kind!="KafkaRebalance"} == 0`,
      for: '15m',
      summary: 'A Strimzi custom resource is not ready',
      description: '{{ $labels.kind }} {{ $labels.name }} is not ready (reason {{ $labels.reason }}): the operator could not bring it to its declared state.',
    },
    {
      alert: 'KafkaEntityOperatorDown',
      severity: 'warning',
      // Two targets: the Topic Operator and the User Operator containers.
      expr: `(count(up{${sel.entityOperator}} == 1) or vector(0)) < 2`,
      for: '10m',
      summary: `The Entity Operator of ${c} is down`,
      description: `Only {{ $value }} of the Topic and User Operators of ${c} answer: KafkaTopic and KafkaUser changes are not applied.`,
    },
    {
      alert: 'KafkaCronJobFailed',
      severity: 'warning',
      // The latest run of a CronJob failed: a failed Job that started after the CronJob's last success
      // (failed Jobs stay as history; a later success resolves the alert).
      expr: cronJobFailed(sel.inNamespace, cronJobsWithOwnAlert(s)),
      for: '5m',
      summary: 'A scheduled Kafka job failed',
      description: `Job {{ $labels.job_name }} of CronJob {{ $labels.cronjob }} in ${s.cluster.namespace} failed and no run succeeded since.`,
    },
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
      // The guide's alert, per broker: a hot broker (skewed partitions) stands out long before the cluster
      // total reaches its capacity trigger. The series without a `topic` label is each broker's total.
      expr: `sum by (namespace, pod) (rate(kafka_server_brokertopicmetrics_messagesin_total{${sel.brokers}, topic=""}[5m])) > ${t.brokerMessagesInPerSecond}`,
      for: '15m',
      summary: 'A Kafka broker receives a high message rate',
      description: `{{ $labels.pod }} receives {{ $value | printf "%.0f" }} messages/s (threshold ${t.brokerMessagesInPerSecond}/s): check partition leadership balance.`,
    },
    {
      alert: 'KafkaMessageRateCapacity',
      severity: 'info',
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
      expr: `${lag} > ${t.capacity.consumerLagMessages} and on (namespace, consumergroup) ${withMembers}`,
      for: '10m',
      summary: 'Consumer group lag passed its scaling trigger',
      description: `Group {{ $labels.consumergroup }} is {{ $value }} messages behind on {{ $labels.topic }} (trigger ${t.capacity.consumerLagMessages}): scale the consumers.`,
    },
    {
      alert: 'KafkaCpuNearLimit',
      severity: 'info',
      expr:
        // Brokers run without a CPU limit by default (no CFS throttling): for them the request is the budget.
        `100 * sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{${sel.kafkaContainers}}[5m]))` +
        ` / (sum by (namespace, pod) (kube_pod_container_resource_limits{${sel.kafkaContainers}, resource="cpu"})` +
        ` or sum by (namespace, pod) (kube_pod_container_resource_requests{${sel.kafkaContainers}, resource="cpu"})) > ${t.capacity.cpuPercentOfLimit}`,
      for: '15m',
      summary: 'Kafka pod CPU near its limit (its request where it has no limit)',
      description: `{{ $labels.pod }} uses {{ $value | printf "%.0f" }}% of its CPU limit, or of its CPU request where it has no limit (trigger ${t.capacity.cpuPercentOfLimit}%).`,
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
  groups.push(...buildConnectAlertGroups(s));
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
      // `namespace` is the cluster's on every alert, also cluster-wide aggregates (which keep no labels) and
      // operator metrics (scraped in the operator's namespace): the AlertmanagerConfig only receives alerts
      // of its own namespace.
      labels: { severity: r.severity, priority: alertPriority(r), team: s.team, namespace: s.cluster.namespace },
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
