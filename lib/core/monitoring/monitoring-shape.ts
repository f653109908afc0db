import { CLUSTER_REF_SHAPE, S } from '../shape';

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
  mirrorMaker2LagMessages: S.optional(S.numeric()),
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
});
