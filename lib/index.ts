// Public API of the kafka-platform library (the package root, `@example-org/kafka-platform`): what a stack composes
// with. Constructs, their props, the static factories and types those props take, references to clusters
// owned elsewhere, guardrails and `runApp`.
//
// Pure builders live at `@example-org/kafka-platform/core`, guardrail rule authoring at `@example-org/kafka-platform/guardrails`, the plan
// review engine at `@example-org/kafka-platform/review` (lib/core/index.ts, lib/guardrails/index.ts, lib/review/index.ts).
// Everything else is internal. To publish a new construct, add one line in its section below.

// --- running an app ---
export { runApp } from './app/run-app';
export { ValidationError, type ValidationIssue } from './core/validation';

// --- delivery of custom resources through the library's Helm chart ---
export { CustomResourceRelease, type CustomResourceReleaseProps, type AddResourceOptions } from './delivery/custom-resource-release';
export { type KubernetesObject, type ObjectMeta, type ResourceRequirements } from './core/kubernetes';
// The provider resources the constructs create and expose (light classes: the generated classes' config and JSON).
export { LightResource, type LightResourceType } from './delivery/light-resource';
export { HelmRelease } from './delivery/helm-release';
export { KubernetesJob, KubernetesCronJob, KubernetesConfigMap, KubernetesNamespace, KubernetesSecret, KubernetesPersistentVolumeClaim, KubernetesServiceAccount, KubernetesRole, KubernetesRoleBinding, KubernetesPriorityClass } from './delivery/kubernetes-resources';

// --- operator and cluster ---
export { StrimziOperator, type StrimziOperatorProps } from './operator/strimzi-operator';
export { DrainCleaner, type DrainCleanerProps } from './operator/drain-cleaner';
export { KafkaCluster, type KafkaClusterProps } from './cluster/kafka-cluster';
export { ImportedKafkaCluster, type IKafkaCluster, type KafkaClusterAttributes, type ListenerAttributes, type NodePoolAttributes, type ClusterComponents } from './cluster/kafka-cluster-ref';
export { NodeTopology, type KafkaClusterSpec, type BrokerDefaults, type CertificateAuthorityOptions, type CruiseControlOptions, type KafkaExporterOptions } from './core/strimzi/kafka';
export { Listener, ListenerAuthentication, type ListenerType, type ListenerOptions, type ExternalListenerOptions, type NetworkPeer } from './core/strimzi/listener';
export { Storage, type VolumeOptions, type JbodVolume } from './core/strimzi/storage';
export { type NodePool, type NodePoolOptions, type NodeRole, type JvmOptions } from './core/strimzi/node-pool';
export { STRIMZI_VERSION, KAFKA_VERSIONS, DEFAULT_KAFKA_VERSION, type KafkaVersion, type MetadataVersion } from './core/strimzi/versions';
export { type BrokerCapacityOptions } from './core/strimzi/cruise-control';
export { type ClusterQuotas } from './core/strimzi/quotas';

// --- topics, users and access ---
export { KafkaTopic, type KafkaTopicProps } from './topics/kafka-topic';
export { Milliseconds, PROTECTED_TOPIC_LABEL, type TopicSpec, type TopicConfig, type CleanupPolicy, type CompressionType, type TimestampType } from './core/strimzi/topic';
export { KafkaUser, type KafkaUserProps } from './access/kafka-user';
export { UserAuthentication, type UserSpec, type UserQuotas, type PasswordSecretRef } from './core/strimzi/user';
export { Grant, WILDCARD_RULE_ID, type GrantKind, type Names, type ProduceOptions, type ConsumeOptions, type StreamsOptions, type ConnectOptions } from './core/access/grant';
export { AclResources, allow, type AclRule, type AclResource, type AclOperation, type AclResourceType, type AclPatternType } from './core/strimzi/acl';
export { KafkaTopology, topologyReleaseNames, type KafkaTopologyProps, type TopologyGroupSpec, type ApplicationSpec } from './topology/kafka-topology';

// --- Kafka Connect ---
export { KafkaConnect, type KafkaConnectProps, type ConnectImageRegistry } from './connect/kafka-connect';
export { KafkaConnector, type KafkaConnectorProps, type ConnectorDeclaration, type IKafkaConnect } from './connect/kafka-connector';
export { ConnectorPlugin, type ConnectorPluginSpec, type PluginArtifact, type PluginArtifactType, type ConnectSecretEnv } from './core/strimzi/connect';
export { type ConnectorState } from './core/strimzi/connector';

// --- monitoring ---
export { KafkaMonitoring, type KafkaMonitoringProps } from './monitoring/kafka-monitoring';
export { KafkaConsumerGroupOwners, type KafkaConsumerGroupOwnersProps } from './monitoring/kafka-consumer-group-owners';
export { type DeclaredConsumerGroup } from './core/monitoring/consumer-groups';
export { KubePrometheusStack, type KubePrometheusStackProps } from './monitoring/kube-prometheus-stack';
export { kafkaMetricsConfigMapRef, cruiseControlMetricsConfigMapRef } from './core/monitoring/exporter-rules';
export { type AlertThresholds, type WarningCritical, type CapacityTriggers } from './core/monitoring/thresholds';
export { type WatchedCronJob } from './core/monitoring/monitoring-spec';
export { type AlertRoutingConfig, type Priority, type SecretKeyRef, type TeamReceivers } from './core/monitoring/alert-routing';
export { GUIDE_SLOS, type SloSpec, type SliSpec, type SloAlerting, type BurnRateWindow } from './core/monitoring/slo/slo-spec';
export { type CapacityPlanningSpec, type CapacityTriggerSpec } from './core/monitoring/capacity/capacity-spec';

// --- operations: backup, restore, replication, maintenance, security, load tests ---
export { PlatformOperations, type PlatformOperationsProps, type OperationsConfig } from './operations/platform-operations';
export { BatchWorkload, type BatchWorkloadProps } from './workloads/batch-workload';
export { type BackupVolumeOptions, type S3BackupTarget } from './backup/backup-storage';
export { MetadataBackup, type MetadataBackupProps } from './backup/metadata-backup';
export { OffsetRestore, type OffsetRestoreProps } from './backup/offset-restore';
export { VolumeSnapshots, type VolumeSnapshotsProps } from './backup/volume-snapshots';
export { TopicBackup, type TopicBackupProps } from './backup/topic-backup';
export { TopicRestore, type TopicRestoreProps, type TopicRestoreOptions } from './backup/topic-restore';
export { RestoreDrill, type RestoreDrillProps, type RestoreDrillOptions } from './backup/restore-drill';
export { KafkaMirrorMaker2, type KafkaMirrorMaker2Props, type ReplicationTarget } from './replication/mirror-maker2';
export { MirrorAuthentication, type MirrorClusterConnection } from './core/operations/mirror-maker2-resource';
export { PreferredLeaderElection, type PreferredLeaderElectionProps } from './maintenance/preferred-leader-election';
export { ManualRebalance, type ManualRebalanceProps } from './maintenance/manual-rebalance';
export { AclAudit, type AclAuditProps } from './security/acl-audit';
export { LoadTest, LoadTestProfile, type LoadTestProps } from './loadtest/load-test';
export { DisasterRecoveryTarget, DisasterRecoveryLink, disasterRecoveryEndpoint, linkedReplicationTarget, replicationTargetAcls, type DisasterRecoveryTargetProps, type DisasterRecoveryLinkProps, type DisasterRecoveryEndpoint } from './replication/disaster-recovery';

// --- guardrails ---
export { PlatformGuardrails, type PlatformGuardrailsProps, type AcknowledgementConfig } from './guardrails/platform-guardrails';
export { TeamGuardrails, type TeamGuardrailsProps } from './guardrails/team-guardrails';
export { Acknowledgements, type Acknowledgement } from './acknowledgements/acknowledgement';
export { RULE_IDS, type RuleId } from './core/well-known';
export { GuardrailError, type RuleViolation } from './guardrails/guardrail-error';
export { type GuardrailRule, type GuardrailFinding } from './guardrails/rule';
export { type StackInventory, type InventoryObject, type InventoryResource } from './guardrails/inventory';
export { productionRules, type ProductionRuleOptions } from './guardrails/rules';
export { teamRules } from './guardrails/rules/team';
