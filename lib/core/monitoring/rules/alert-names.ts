import type { AlertRule } from '../alert-rules';

/**
 * The one registry of the platform's alert names. Rules may only use these names (the type checks it);
 * routing, the runbook pages (`docs/runbooks/<kebab-case>.md`) and the README's alert table are tested
 * against this list, so an alert cannot exist without its page and row, nor a page outlive its alert.
 */
export const ALERT_NAMES = [
  // Brokers and controllers
  'KafkaBrokerDown',
  'KafkaBrokerRecovering',
  'KafkaMultipleBrokersDown',
  'KafkaControllerDown',
  'KafkaFencedBrokers',
  'KafkaMetadataErrors',
  'KafkaNoActiveController',
  'KafkaMultipleActiveControllers',
  // Partitions and replication
  'KafkaOfflinePartitions',
  'KafkaUnderMinIsrPartitions',
  'KafkaUnderReplicatedPartitions',
  'KafkaIsrShrinks',
  'KafkaUncleanLeaderElection',
  // Disk
  'KafkaOfflineLogDirectory',
  'KafkaDiskSpaceHigh',
  'KafkaDiskUsageCapacity',
  'KafkaDiskFullForecast',
  // Scrape targets
  'KafkaMetricsTargetDown',
  'KafkaMetricsTargetMissing',
  'KafkaExporterDown',
  // Request latency and saturation
  'KafkaSlowProducer',
  'KafkaRequestHandlerIdleLow',
  'KafkaNetworkProcessorIdleLow',
  'KafkaCpuNearLimit',
  'KafkaMemoryNearLimit',
  // Consumer lag
  'KafkaConsumerLag',
  'KafkaConsumerLagCapacity',
  'KafkaConsumerGroupStalled',
  // Throughput
  'KafkaHighThroughput',
  'KafkaMessageRateCapacity',
  // Operators
  'KafkaOperatorReconciliationFailing',
  'KafkaResourceNotReady',
  'KafkaEntityOperatorDown',
  'KafkaClusterOperatorDown',
  // Jobs and backups
  'KafkaCronJobFailed',
  'KafkaBackupOverdue',
  // Security
  'KafkaAuthenticationFailures',
  // Certificates
  'KafkaCertificateExpiring',
  // MirrorMaker 2 and disaster recovery
  'KafkaMirrorMaker2Down',
  'KafkaMirrorMaker2ReplicationLag',
  'KafkaMirrorMaker2CheckpointLatency',
  'KafkaMirrorMaker2ConnectorFailed',
  'KafkaDrCaCopyStale',
  // Kafka Connect, the topic backup and its restore drills
  'KafkaConnectDown',
  'KafkaConnectConnectorFailed',
  'KafkaConnectTaskFailed',
  'KafkaTopicBackupBehind',
  'KafkaRestoreDrillFailed',
  // SLOs and error budgets (slo/slo-rules.ts)
  'KafkaAvailabilityErrorBudgetBurn',
  'KafkaAvailabilityErrorBudgetLow',
  'KafkaProduceLatencyErrorBudgetBurn',
  'KafkaProduceLatencyErrorBudgetLow',
  // Capacity projections (capacity/capacity-rules.ts)
  'KafkaDiskUsageProjection',
  'KafkaMessageRateProjection',
  'KafkaPartitionCountProjection',
] as const;

export type AlertName = (typeof ALERT_NAMES)[number];

/** A rule of the platform: its name is one of the registry's. */
export type PlatformAlertRule = AlertRule & { readonly alert: AlertName };

export function isAlertName(name: string): name is AlertName {
  return (ALERT_NAMES as readonly string[]).includes(name);
}
