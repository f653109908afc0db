import { CLUSTER_REF_SHAPE, S } from '../shape';
import { CAPACITY_PLANNING_SHAPE } from './capacity/capacity-validation';
import { SLOS_SHAPE } from './slo/slo-shape';

/**
 * Shape of the monitoring inputs (`KafkaMonitoringSpec` without the cluster), checked before anything
 * reads them: thresholds must be objects of numbers, not arrays; team and runbook URL are required.
 */
const WARNING_CRITICAL = S.optional(S.object({ warning: S.numeric(), critical: S.numeric() }));

export const THRESHOLDS_SHAPE = S.object({
  produceLatencyP99Ms: WARNING_CRITICAL,
  consumerLagMessages: WARNING_CRITICAL,
  diskUsagePercent: WARNING_CRITICAL,
  underReplicatedMinutes: WARNING_CRITICAL,
  certificateExpiryDays: WARNING_CRITICAL,
  requestHandlerIdlePercent: WARNING_CRITICAL,
  networkProcessorIdlePercent: WARNING_CRITICAL,
  brokerRecoveryMinutes: S.optional(S.numeric()),
  controllerRecoveryMinutes: S.optional(S.numeric()),
  isrShrinksPerMinute: S.optional(S.numeric()),
  brokerMessagesInPerSecond: S.optional(S.numeric()),
  failedAuthenticationsPerSecond: S.optional(S.numeric()),
  mirrorMaker2LagMessages: S.optional(S.numeric()),
  mirrorMaker2CheckpointLatencySeconds: S.optional(S.numeric()),
  diskFullForecastHours: S.optional(S.numeric()),
  capacity: S.optional(
    S.object({
      messagesInPerSecond: S.optional(S.numeric()),
      diskUsagePercent: S.optional(S.numeric()),
      consumerLagMessages: S.optional(S.numeric()),
      cpuPercentOfLimit: S.optional(S.numeric()),
      memoryPercentOfLimit: S.optional(S.numeric()),
    }),
  ),
});

const SECRET_KEY_REF_SHAPE = S.object({ name: S.string(), key: S.string() });

/** Shape of `AlertRoutingConfig`. */
export const ALERT_ROUTING_SHAPE = S.object({
  supportEmail: S.string(),
  engineeringEmail: S.string(),
  smtp: S.object({ from: S.string(), smarthost: S.string(), authUsername: S.optional(S.string()), authPasswordSecret: S.optional(SECRET_KEY_REF_SHAPE) }),
  onCallWebhookUrlSecret: S.optional(SECRET_KEY_REF_SHAPE),
  teams: S.optional(S.record(S.object({ email: S.string(), onCallWebhookUrlSecret: S.optional(SECRET_KEY_REF_SHAPE) }))),
});

export const MONITORING_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  team: S.string(),
  runbookBaseUrl: S.string(),
  prometheusSelectorLabels: S.optional(S.stringMap()),
  thresholds: S.optional(THRESHOLDS_SHAPE),
  mirrorMaker2: S.optional(S.boolean()),
  backupCronJobs: S.optional(S.array(S.object({ name: S.string(), maxAgeHours: S.optional(S.numeric()) }))),
  operatorNamespace: S.optional(S.string()),
  scrapeInterval: S.optional(S.string()),
  dashboardFolder: S.optional(S.string()),
  releaseName: S.optional(S.string()),
  dashboardNamespace: S.optional(S.string()),
  alertRouting: S.optional(ALERT_ROUTING_SHAPE),
  drCaCheckCronJob: S.optional(S.string()),
  slos: S.optional(SLOS_SHAPE),
  capacityPlanning: S.optional(CAPACITY_PLANNING_SHAPE),
  prometheusRetention: S.optional(S.string()),
  consumerGroups: S.optional(S.array(S.object({ group: S.string(), team: S.string() }))),
  kafkaConnect: S.optional(S.array(S.string())),
  topicBackups: S.optional(S.array(S.object({ connector: S.string(), consumerGroup: S.string(), flushIntervalMinutes: S.numeric(), recoveryPointHours: S.numeric() }))),
  restoreDrills: S.optional(S.array(S.object({ cronJob: S.string(), maxAgeHours: S.numeric() }))),
});
