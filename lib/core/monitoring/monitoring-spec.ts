import { DNS_LABEL_RULE, isDnsLabel, isLabelKey, isLabelValue, LABEL_KEY_RULE, LABEL_VALUE_RULE } from '../names';
import { DEFAULT_BACKUP_MAX_AGE_HOURS, watchedBackupCronJobs } from '../operations/backup-schedules';
import { maintenanceWindowGapDays } from '../strimzi/quartz';
import { DEFAULT_CA_RENEWAL_DAYS } from '../strimzi/kafka';
import { Validator } from '../validation';
import { AlertRoutingConfig, PRIORITIES, validateAlertRouting } from './alert-routing';
import { DeclaredConsumerGroup, validateDeclaredConsumerGroups } from './consumer-groups';
import { longestForMinutes } from './page-timing';
import { AlertThresholds, resolveThresholds, ResolvedThresholds, validateThresholds } from './thresholds';
import { CapacityPlanningSpec, resolveCapacityPlanning, ResolvedCapacityPlanning } from './capacity/capacity-spec';
import { validateCapacityPlanning } from './capacity/capacity-validation';
import { parseDuration } from './durations';
import { ResolvedSlo, resolveSlos, SloSpec } from './slo/slo-spec';
import { validateSlos } from './slo/slo-validation';

/** What monitoring needs to know about a cluster (a subset of the cluster spec). */
export interface MonitoredCluster {
  readonly name: string;
  readonly namespace: string;
  /** Node pools: their names make the PVC and pod selectors exact (no prefix matches of other clusters). */
  readonly nodePools: readonly { readonly name: string; readonly roles: readonly ('controller' | 'broker')[] }[];
  readonly brokerCount: number;
  /** KRaft controllers (replicas of the pools with the controller role). @default 3 */
  readonly controllerCount?: number;
  /** The smaller `renewalDays` of the cluster and clients CAs. @default 30 */
  readonly certificateRenewalDays?: number;
  /** The cluster's `maintenanceTimeWindows` (Quartz cron, UTC): CA renewals wait for them. @default - none */
  readonly maintenanceTimeWindows?: readonly string[];
  /** Cruise Control is deployed (it gets a PodMonitor). */
  readonly cruiseControl: boolean;
  /** Kafka Exporter is deployed (consumer lag comes from it). */
  readonly kafkaExporter: boolean;
}

/** A CronJob whose last success is watched. */
export interface WatchedCronJob {
  /** CronJob name in the cluster's namespace. */
  readonly name: string;
  /** Hours after which a missing success alerts. @default 26 (a daily job plus slack) */
  readonly maxAgeHours?: number;
}

/** A sink connector whose committed offsets are the recovery point of a backup (the topic backup). */
export interface WatchedBackupConnector {
  /** Connector name. */
  readonly connector: string;
  /** Its consumer group (`connect-<connector>`). */
  readonly consumerGroup: string;
  /** Minutes between the connector's flushes to object storage (it commits offsets only after a flush). */
  readonly flushIntervalMinutes: number;
  /** The recovery point objective in hours: the newest backed-up record may be at most this old. */
  readonly recoveryPointHours: number;
}

/** A restore drill CronJob whose latest run must succeed. */
export interface WatchedRestoreDrill {
  readonly cronJob: string;
  /** Hours after which a drill without a success is overdue (its schedule's longest gap plus the run allowance). */
  readonly maxAgeHours: number;
}

/** Inputs of the platform's monitoring for one cluster. */
export interface KafkaMonitoringSpec {
  readonly cluster: MonitoredCluster;
  /** Value of the `team` label of every alert (Alertmanager routes on it). */
  readonly team: string;
  /** Base URL of the runbooks; each alert links `<base>/<alert-name-in-kebab-case>.md`. */
  readonly runbookBaseUrl: string;
  /**
   * Labels that make a kube-prometheus-stack Prometheus select the PodMonitors and PrometheusRules.
   * @default { release: 'kube-prometheus-stack' }
   */
  readonly prometheusSelectorLabels?: Readonly<Record<string, string>>;
  readonly thresholds?: AlertThresholds;
  /** MirrorMaker 2 replication runs in the cluster's namespace: monitor and alert on it. @default false */
  readonly mirrorMaker2?: boolean;
  /**
   * Backup CronJobs that must succeed regularly, each with its own limit (`backupOverdueHours` of its schedule).
   * @default `<cluster>-metadata-backup` (8 hours) and `<cluster>-volume-snapshot` (170 hours), the limits of their default schedules
   */
  readonly backupCronJobs?: readonly WatchedCronJob[];
  /**
   * Routing of the alerts by priority to the environment's receivers (an AlertmanagerConfig in the cluster's
   * namespace). @default - no AlertmanagerConfig (alerts reach the Alertmanager's default route)
   */
  readonly alertRouting?: AlertRoutingConfig;
  /**
   * CronJob that checks the copy of the DR cluster's CA MirrorMaker 2 trusts (`DisasterRecoveryLink`);
   * its failing runs raise `KafkaDrCaCopyStale`. @default - none
   */
  readonly drCaCheckCronJob?: string;
  /** Namespace of the Strimzi Cluster Operator (certificate expiry metrics come from it). @default 'strimzi-system' */
  readonly operatorNamespace?: string;
  /**
   * KafkaConnect clusters of the namespace (their names), exporting metrics through the library's Connect rules:
   * a PodMonitor, and alerts on workers down, failed connectors and failed tasks. @default []
   */
  readonly kafkaConnect?: readonly string[];
  /** Backup sink connectors whose recovery point is watched (`KafkaTopicBackupBehind`). @default [] */
  readonly topicBackups?: readonly WatchedBackupConnector[];
  /** Restore drills whose latest run must succeed (`KafkaRestoreDrillFailed`). @default [] */
  readonly restoreDrills?: readonly WatchedRestoreDrill[];
  /** Scrape interval of the PodMonitors. @default '30s' */
  readonly scrapeInterval?: string;
  /** Grafana folder of the dashboards (sidecar annotation `grafana_folder`). @default 'Kafka' */
  readonly dashboardFolder?: string;
  /**
   * Service level objectives with error budgets and burn-rate alerts, and an SLO dashboard (`GUIDE_SLOS` are
   * the operations guide's). The SLIs are recorded whether or not SLOs are set.
   * @default - none
   */
  readonly slos?: readonly SloSpec[];
  /** Capacity projections 30, 60 and 90 days ahead, their alerts and the capacity dashboard. @default - none */
  readonly capacityPlanning?: CapacityPlanningSpec;
  /**
   * How long the Prometheus that evaluates the rules keeps data (its `retention`, e.g. `'15d'`). SLO windows
   * and the capacity history must fit in it, or budgets and trends silently cover less.
   * @default - not known: not checked (set it, or the stack sets it when it installs kube-prometheus-stack)
   */
  readonly prometheusRetention?: string;
  /**
   * Consumer groups the catalogue declares, with their owning teams (`KafkaTopology.consumerGroups`): a
   * declared group whose members are gone while its lag grows raises KafkaConsumerGroupStalled for its team.
   * Groups declared in other stacks (a product team's `KafkaConsumerGroupOwners`) alert the same way.
   * @default [] - only groups declared elsewhere alert
   */
  readonly consumerGroups?: readonly DeclaredConsumerGroup[];
}

/** The spec with every default applied. */
export interface ResolvedMonitoringSpec {
  readonly cluster: MonitoredCluster;
  readonly team: string;
  readonly runbookBaseUrl: string;
  readonly prometheusSelectorLabels: Readonly<Record<string, string>>;
  readonly thresholds: ResolvedThresholds;
  readonly mirrorMaker2: boolean;
  readonly backupCronJobs: readonly Required<WatchedCronJob>[];
  readonly alertRouting?: AlertRoutingConfig;
  readonly drCaCheckCronJob?: string;
  readonly operatorNamespace: string;
  readonly kafkaConnect: readonly string[];
  readonly topicBackups: readonly WatchedBackupConnector[];
  readonly restoreDrills: readonly WatchedRestoreDrill[];
  readonly scrapeInterval: string;
  readonly dashboardFolder: string;
  readonly slos: readonly ResolvedSlo[];
  readonly capacityPlanning?: ResolvedCapacityPlanning;
  readonly prometheusRetention?: string;
  readonly consumerGroups: readonly DeclaredConsumerGroup[];
}

export const DEFAULT_CONTROLLER_COUNT = 3;

/** kube-prometheus-stack's Prometheus selects PodMonitors and PrometheusRules by its release name. */
export const DEFAULT_PROMETHEUS_SELECTOR_LABELS: Readonly<Record<string, string>> = { release: 'kube-prometheus-stack' };

/** The CronJob names the operations constructs use for the cluster's backups, with the limits of their default schedules. */
export function defaultBackupCronJobs(cluster: string): WatchedCronJob[] {
  return watchedBackupCronJobs(cluster, { metadataBackup: {}, volumeSnapshots: {} });
}

export function resolveMonitoringSpec(spec: KafkaMonitoringSpec): ResolvedMonitoringSpec {
  const thresholds = resolveThresholds(spec.thresholds);
  return {
    cluster: spec.cluster,
    team: spec.team,
    runbookBaseUrl: spec.runbookBaseUrl.replace(/\/+$/, ''),
    prometheusSelectorLabels: spec.prometheusSelectorLabels ?? DEFAULT_PROMETHEUS_SELECTOR_LABELS,
    thresholds,
    mirrorMaker2: spec.mirrorMaker2 ?? false,
    backupCronJobs: (spec.backupCronJobs ?? defaultBackupCronJobs(spec.cluster.name)).map((c) => ({
      name: c.name,
      maxAgeHours: c.maxAgeHours ?? DEFAULT_BACKUP_MAX_AGE_HOURS,
    })),
    alertRouting: spec.alertRouting,
    drCaCheckCronJob: spec.drCaCheckCronJob,
    operatorNamespace: spec.operatorNamespace ?? 'strimzi-system',
    kafkaConnect: spec.kafkaConnect ?? [],
    topicBackups: spec.topicBackups ?? [],
    restoreDrills: spec.restoreDrills ?? [],
    scrapeInterval: spec.scrapeInterval ?? '30s',
    dashboardFolder: spec.dashboardFolder ?? 'Kafka',
    slos: resolveSlos(spec.slos),
    capacityPlanning: resolveCapacityPlanning(spec.capacityPlanning, thresholds.capacity),
    prometheusRetention: spec.prometheusRetention,
    consumerGroups: spec.consumerGroups ?? [],
  };
}

const PROMETHEUS_DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;

/** Checks the resolved spec; every problem is recorded on `v`. */
export function validateMonitoringSpec(v: Validator, s: ResolvedMonitoringSpec): void {
  v.check(s.team.length > 0 && isLabelValue(s.team), 'team', s.team, `${LABEL_VALUE_RULE}, not empty`);
  v.check(/^https?:\/\/[^\s]+$/.test(s.runbookBaseUrl), 'runbookBaseUrl', s.runbookBaseUrl, 'an http(s) URL without spaces');
  v.check(Object.keys(s.prometheusSelectorLabels).length > 0, 'prometheusSelectorLabels', s.prometheusSelectorLabels, 'at least one label, e.g. { release: "kube-prometheus-stack" }');
  for (const [key, value] of Object.entries(s.prometheusSelectorLabels)) {
    v.check(isLabelKey(key), `prometheusSelectorLabels.${key}`, key, LABEL_KEY_RULE);
    v.check(isLabelValue(value), `prometheusSelectorLabels.${key}`, value, LABEL_VALUE_RULE);
  }
  validateThresholds(v, 'thresholds', s.thresholds);
  const renewal = s.cluster.certificateRenewalDays ?? DEFAULT_CA_RENEWAL_DAYS;
  const wait = maintenanceWindowGapDays(s.cluster.maintenanceTimeWindows ?? []);
  const warning = s.thresholds.certificateExpiryDays.warning;
  v.check(
    warning < renewal - wait,
    'thresholds.certificateExpiryDays.warning',
    warning,
    `below ${renewal - wait} (renewalDays ${renewal} minus up to ${wait} days until the next maintenance window), so CAs waiting for their window to renew do not warn`,
  );
  if (s.alertRouting) validateAlertRouting(v, 'alertRouting', s.alertRouting);
  s.backupCronJobs.forEach((c, i) => {
    v.check(isDnsLabel(c.name, 52), `backupCronJobs[${i}].name`, c.name, `${DNS_LABEL_RULE}, at most 52 characters (CronJob name limit)`);
    v.check(Number.isFinite(c.maxAgeHours) && c.maxAgeHours > 0, `backupCronJobs[${i}].maxAgeHours`, c.maxAgeHours, 'a number of hours above 0');
  });
  v.unique('backupCronJobs[].name', s.backupCronJobs.map((c) => c.name));
  if (s.drCaCheckCronJob !== undefined) v.check(isDnsLabel(s.drCaCheckCronJob, 52), 'drCaCheckCronJob', s.drCaCheckCronJob, `${DNS_LABEL_RULE}, at most 52 characters (CronJob name limit)`);
  v.check(isDnsLabel(s.operatorNamespace), 'operatorNamespace', s.operatorNamespace, DNS_LABEL_RULE);
  s.kafkaConnect.forEach((name, i) => v.check(isDnsLabel(name, 40), `kafkaConnect[${i}]`, name, `the name of a KafkaConnect (${DNS_LABEL_RULE})`));
  s.topicBackups.forEach((b, i) => {
    v.check(Number.isFinite(b.flushIntervalMinutes) && b.flushIntervalMinutes > 0, `topicBackups[${i}].flushIntervalMinutes`, b.flushIntervalMinutes, 'minutes above 0');
    // How the two relate is the backup's rule (TopicBackup reports it at its own path).
    v.check(Number.isFinite(b.recoveryPointHours) && b.recoveryPointHours > 0, `topicBackups[${i}].recoveryPointHours`, b.recoveryPointHours, 'hours above 0');
  });
  s.restoreDrills.forEach((d, i) => {
    v.check(isDnsLabel(d.cronJob, 52), `restoreDrills[${i}].cronJob`, d.cronJob, `${DNS_LABEL_RULE}, at most 52 characters (CronJob name limit)`);
    v.check(Number.isFinite(d.maxAgeHours) && d.maxAgeHours > 0, `restoreDrills[${i}].maxAgeHours`, d.maxAgeHours, 'a number of hours above 0');
  });
  if (v.check(PROMETHEUS_DURATION.test(s.scrapeInterval), 'scrapeInterval', s.scrapeInterval, 'a Prometheus duration such as "30s" or "1m"')) {
    // The configurable `for`s must page within their priority's budget (page-timing.ts).
    const urp = s.thresholds.underReplicatedMinutes;
    for (const [severity, priority] of [['warning', 'P3'], ['critical', 'P2']] as const) {
      const longest = longestForMinutes(priority, s.scrapeInterval);
      if (Number.isFinite(urp[severity]) && urp[severity] > longest) {
        v.fail(`thresholds.underReplicatedMinutes.${severity}`, urp[severity], `at most ${longest} minutes, so the ${priority} alert pages within ${PRIORITIES[priority].pageBudget} (scrape, evaluation and notification take the rest)`);
      }
    }
  }
  v.check(s.dashboardFolder.trim().length > 0 && !s.dashboardFolder.includes('/'), 'dashboardFolder', s.dashboardFolder, 'a folder name without "/"');
  const retentionSeconds = parseDuration(s.prometheusRetention);
  if (s.prometheusRetention !== undefined) v.check(retentionSeconds !== undefined && retentionSeconds > 0, 'prometheusRetention', s.prometheusRetention, 'a Prometheus duration such as "15d" or "6w"');
  const retention = retentionSeconds ? { text: s.prometheusRetention!, seconds: retentionSeconds } : undefined;
  validateSlos(v, 'slos', s.slos, retention);
  if (s.capacityPlanning) validateCapacityPlanning(v, 'capacityPlanning', s.capacityPlanning, retention);
  validateDeclaredConsumerGroups(v, 'consumerGroups', s.consumerGroups);
}
