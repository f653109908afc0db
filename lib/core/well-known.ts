// Well-known names: the labels and annotations Strimzi, Helm and the library key on, Kafka's own defaults the
// readers fall back to, and the one registry of rule ids. Builders, guardrails and the plan review all spell
// them from here.

/** Label naming the Strimzi cluster of a topic, user, pool or rebalance (a `Kafka` is its own cluster). */
export const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';
/** Strimzi's annotation to stop managing a topic (or user) without deleting it: `"false"`. */
export const STRIMZI_MANAGED_ANNOTATION = 'strimzi.io/managed';
/** Helm's annotation that keeps an object in the cluster when it leaves its release: `"keep"`. */
export const HELM_RESOURCE_POLICY_ANNOTATION = 'helm.sh/resource-policy';
/** The value of `HELM_RESOURCE_POLICY_ANNOTATION` that keeps the object. */
export const HELM_KEEP = 'keep';
/** Asset name of the library's bundled resources chart (its folder in every stack's output); the plan review finds the library's releases by it. */
export const LIBRARY_CHART = 'kafka-platform-resources-chart';
/** Label on every custom resource and the namespace of a platform stack, naming its environment. */
export const ENVIRONMENT_LABEL = 'kafka-platform/environment';
/** Label on topics whose removal from code must not delete data (production); the plan review keys on it. */
export const PROTECTED_TOPIC_LABEL = 'kafka-platform/deletion-protection';

/** Kafka's own `log.retention.hours` default (168): the retention of a cluster that sets none. */
export const KAFKA_DEFAULT_RETENTION_MS = 168 * 3_600_000;
/** Kafka's own `min.insync.replicas` default. */
export const KAFKA_DEFAULT_MIN_INSYNC_REPLICAS = 1;

/**
 * Every rule id of the library, one registry. Scheme `KP-<AREA>-<NAME>`:
 * - `KP-PROD-*`: production guardrails (`PlatformGuardrails`, and `TeamGuardrails` for team stacks);
 * - `KP-ACCESS-*`: access rules the constructs enforce at synth and the team guardrails check;
 * - `KP-BACKUP-*`: backup and restore rules the constructs enforce at synth;
 * - `KP-<NAME>` without an area: guardrails that run in every environment;
 * - `KP-REVIEW-*`: risks of the pull-request plan review.
 * A review risk that a guardrail already accepts names that guardrail's id as `acknowledgedBy`.
 */
export const RULE_IDS = {
  // Production guardrails.
  PROD_REPLICATION: 'KP-PROD-REPLICATION',
  PROD_MIN_ISR: 'KP-PROD-MIN-ISR',
  PROD_UNCLEAN_ELECTION: 'KP-PROD-UNCLEAN-ELECTION',
  PROD_CONTROLLERS: 'KP-PROD-CONTROLLERS',
  PROD_SECURE_LISTENERS: 'KP-PROD-SECURE-LISTENERS',
  PROD_KEEP_CLAIMS: 'KP-PROD-KEEP-CLAIMS',
  PROD_RESOURCE_REQUESTS: 'KP-PROD-RESOURCE-REQUESTS',
  PROD_SUPER_USERS: 'KP-PROD-SUPER-USERS',
  PROD_BACKUPS: 'KP-PROD-BACKUPS',
  PROD_OFFCLUSTER_BACKUPS: 'KP-PROD-OFFCLUSTER-BACKUPS',
  PROD_ALERTS: 'KP-PROD-ALERTS',
  PROD_CLUSTER_QUOTAS: 'KP-PROD-CLUSTER-QUOTAS',
  PROD_REMOTE_STATE: 'KP-PROD-REMOTE-STATE',
  PROD_DELETION_PROTECTION: 'KP-PROD-DELETION-PROTECTION',
  PROD_CONNECT_REGISTRY: 'KP-PROD-CONNECT-REGISTRY',
  PROD_PLUGIN_CHECKSUM: 'KP-PROD-PLUGIN-CHECKSUM',
  // Every environment.
  AUTHENTICATED_LISTENERS: 'KP-AUTHENTICATED-LISTENERS',
  // Access.
  ACCESS_WILDCARD: 'KP-ACCESS-WILDCARD',
  ACCESS_ADMIN: 'KP-ACCESS-ADMIN',
  // Backup and restore (enforced by the constructs).
  BACKUP_RESTORE_LIVE_TOPIC: 'KP-BACKUP-RESTORE-LIVE-TOPIC',
  // Plan review.
  REVIEW_PARTITION_DECREASE: 'KP-REVIEW-PARTITION-DECREASE',
  REVIEW_REPLICATION_CHANGE: 'KP-REVIEW-REPLICATION-CHANGE',
  REVIEW_TOPIC_DELETION: 'KP-REVIEW-TOPIC-DELETION',
  REVIEW_CLUSTER_DELETION: 'KP-REVIEW-CLUSTER-DELETION',
  REVIEW_STORAGE_SHRINK: 'KP-REVIEW-STORAGE-SHRINK',
  REVIEW_DELETE_CLAIM: 'KP-REVIEW-DELETE-CLAIM',
  REVIEW_WILDCARD_GRANT: 'KP-REVIEW-WILDCARD-GRANT',
  REVIEW_METADATA_VERSION: 'KP-REVIEW-METADATA-VERSION',
  REVIEW_RETENTION_CUT: 'KP-REVIEW-RETENTION-CUT',
  REVIEW_KEPT_TOPIC_REMOVED: 'KP-REVIEW-KEPT-TOPIC-REMOVED',
  REVIEW_MIN_ISR_LOWERED: 'KP-REVIEW-MIN-ISR-LOWERED',
  REVIEW_PARTITION_INCREASE_KEYED: 'KP-REVIEW-PARTITION-INCREASE-KEYED',
  REVIEW_BROKER_ROLL: 'KP-REVIEW-BROKER-ROLL',
  REVIEW_CONNECTOR_CLASS_CHANGE: 'KP-REVIEW-CONNECTOR-CLASS-CHANGE',
  REVIEW_BACKUP_REDUCED: 'KP-REVIEW-BACKUP-REDUCED',
  REVIEW_CONNECTOR_DELETION: 'KP-REVIEW-CONNECTOR-DELETION',
  REVIEW_CONNECTOR_OFFSETS: 'KP-REVIEW-CONNECTOR-OFFSETS',
  REVIEW_SOURCE_TASKS_LOWERED: 'KP-REVIEW-SOURCE-TASKS-LOWERED',
  REVIEW_SINK_TOPICS_CHANGED: 'KP-REVIEW-SINK-TOPICS-CHANGED',
} as const;

export type RuleId = (typeof RULE_IDS)[keyof typeof RULE_IDS];

/**
 * Rule ids enforced by the constructs themselves (not by a guardrail rule set) that an acknowledgement may
 * name: the seed of `Acknowledgements.registeredRuleIds()`.
 */
export const CONSTRUCT_RULE_IDS: readonly RuleId[] = [RULE_IDS.ACCESS_WILDCARD, RULE_IDS.BACKUP_RESTORE_LIVE_TOPIC];

/** The rule id scheme: `KP-` then upper-case words joined by `-`. */
export const RULE_ID_PATTERN = /^KP(-[A-Z0-9]+)+$/;
