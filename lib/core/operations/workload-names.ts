/**
 * Names of the objects the platform's operations workloads create for a cluster: the one place they
 * are derived, used by the workloads that create them and by the monitoring that watches them. Each
 * Kafka CLI workload's Job or CronJob, KafkaUser and the user's Secret share the name.
 */
export const WorkloadNames = {
  /** CronJob, KafkaUser and backup volume of the metadata backup. */
  metadataBackup: (cluster: string): string => `${cluster}-metadata-backup`,
  /** One-off Job and KafkaUser of an offset restore. */
  offsetRestore: (cluster: string): string => `${cluster}-offset-restore`,
  /** CronJob of the CSI volume snapshots. */
  volumeSnapshot: (cluster: string): string => `${cluster}-volume-snapshot`,
  /** CronJob and KafkaUser of the preferred leader election. */
  leaderElection: (cluster: string): string => `${cluster}-leader-election`,
  /** CronJob, KafkaUser and audit volume of the ACL audit. */
  aclAudit: (cluster: string): string => `${cluster}-acl-audit`,
  /** KafkaUser of a load-test profile; its Jobs append `-producer` and `-consumer`. */
  loadTest: (cluster: string, profile: string): string => `${cluster}-loadtest-${profile}`,
  /** CronJob checking the copied DR cluster CA. */
  drCaCheck: (cluster: string): string => `${cluster}-dr-ca-check`,
  /** The DR cluster's CA certificate, copied into the source namespace. */
  drCaCertCopy: (cluster: string): string => `${cluster}-dr-cluster-ca-cert`,
  /** The MirrorMaker 2 user's password on the DR cluster, copied into the source namespace. */
  drMirrorCredentials: (cluster: string): string => `${cluster}-dr-mirror-credentials`,
  /** KafkaMirrorMaker2 of a cluster's replication. */
  mirrorMaker2: (cluster: string): string => `${cluster}-mirror`,
  /** KafkaConnect of the topic backup (pods `<cluster>-backup-connect-<n>`). */
  backupConnect: (cluster: string): string => `${cluster}-backup`,
  /** The topic backup's sink connector (its consumer group: `connect-<cluster>-topic-backup`) and Helm release. */
  topicBackup: (cluster: string): string => `${cluster}-topic-backup`,
  /** Topic, CronJob and KafkaUser of the backup probe (one record an hour, for the drill to measure). */
  backupProbe: (cluster: string): string => `${cluster}-backup-probe`,
  /** CronJob, KafkaUser and source connector of the restore drill. */
  restoreDrill: (cluster: string): string => `${cluster}-restore-drill`,
  /** The topic the drill restores into (emptied at the start of every drill). */
  restoreDrillScratch: (cluster: string): string => `${cluster}-restore-drill-scratch`,
  /** Job, KafkaUser and source connector of one topic restore. */
  topicRestore: (cluster: string, restore: string): string => `${cluster}-restore-${restore}`,
  /** Helm release of the operations' custom resources (users, rebalance, load-test topics, MirrorMaker 2). */
  operationsRelease: (cluster: string): string => `${cluster}-operations`,
} as const;
