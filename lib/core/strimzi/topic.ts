import { createHash } from 'crypto';
import { KubernetesObject } from '../kubernetes';
import { isDnsSubdomain, isKafkaName, isLabelKey, isLabelValue, KAFKA_NAME_RULE, LABEL_KEY_RULE, LABEL_VALUE_RULE } from '../names';
import { S, validPart } from '../shape';
import { fieldKey, Validator } from '../validation';
import { validateConfigKeys } from './config-keys';
import { STRIMZI_API_VERSION } from './versions';
import { PROTECTED_TOPIC_LABEL, STRIMZI_CLUSTER_LABEL, STRIMZI_MANAGED_ANNOTATION } from '../well-known';

/** `cleanup.policy` values Kafka accepts. */
export const CLEANUP_POLICIES = ['delete', 'compact', 'compact,delete'] as const;
export type CleanupPolicy = (typeof CLEANUP_POLICIES)[number];

/** `compression.type` values of a topic (`producer` keeps what the producer sent). */
export const COMPRESSION_TYPES = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] as const;
export type CompressionType = (typeof COMPRESSION_TYPES)[number];

export const TIMESTAMP_TYPES = ['CreateTime', 'LogAppendTime'] as const;
export type TimestampType = (typeof TIMESTAMP_TYPES)[number];

/** Millisecond values for `retentionMs` and `segmentMs`, e.g. `Milliseconds.days(7)`. */
export const Milliseconds = {
  minutes: (n: number): number => n * 60_000,
  hours: (n: number): number => n * 3_600_000,
  days: (n: number): number => n * 86_400_000,
};

// Well-known names and the topic reader now live in well-known.ts and objects.ts; kept importable from here.
export { PROTECTED_TOPIC_LABEL, STRIMZI_MANAGED_ANNOTATION } from '../well-known';
export { kafkaTopicName } from '../objects';

/** Typed topic configuration; each field maps to the Kafka topic config named in its doc. */
export interface TopicConfig {
  /** `retention.ms`: how long records are kept; -1 keeps them forever. @default - broker default */
  readonly retentionMs?: number;
  /** `retention.bytes` per partition; -1 for no size limit. @default - broker default (-1) */
  readonly retentionBytes?: number;
  /** `cleanup.policy`. @default - broker default ('delete') */
  readonly cleanupPolicy?: CleanupPolicy;
  /** `compression.type`. @default - broker default ('producer') */
  readonly compressionType?: CompressionType;
  /** `min.insync.replicas`; in production it must stay below `replicas`. @default - the cluster's */
  readonly minInsyncReplicas?: number;
  /** `segment.ms`: when a segment is rolled (and can be deleted or compacted). @default - broker default */
  readonly segmentMs?: number;
  /** `max.message.bytes`: largest record batch. @default - broker default (1 MiB) */
  readonly maxMessageBytes?: number;
  /** `message.timestamp.type`. @default - broker default ('CreateTime') */
  readonly messageTimestampType?: TimestampType;
}

/** The Kafka config key of every typed field. */
const TYPED_KEYS: Readonly<Record<keyof TopicConfig, string>> = {
  retentionMs: 'retention.ms',
  retentionBytes: 'retention.bytes',
  cleanupPolicy: 'cleanup.policy',
  compressionType: 'compression.type',
  minInsyncReplicas: 'min.insync.replicas',
  segmentMs: 'segment.ms',
  maxMessageBytes: 'max.message.bytes',
  messageTimestampType: 'message.timestamp.type',
};

/** Inputs of one topic. */
export interface TopicSpec extends TopicConfig {
  /** Kafka topic name: `[a-zA-Z0-9._-]`, at most 249 characters, not `.` or `..`. */
  readonly name: string;
  /** Partition count; Kafka can only increase it. */
  readonly partitions: number;
  /** Replication factor. @default - the cluster's default replication factor */
  readonly replicas?: number;
  /**
   * Further topic config, for keys without a typed field. Keys of typed fields are rejected here
   * (one place per setting, and the typed value is the one that is checked).
   * @default {}
   */
  readonly config?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Whether Strimzi manages the topic. `false` (annotation `strimzi.io/managed: "false"`) stops
   * managing it without deleting it: the first step of removing a topic from code and keeping its data.
   * @default true
   */
  readonly managed?: boolean;
  /**
   * Keep the topic and its data when the KafkaTopic leaves the code (Helm `keep` policy), and label
   * it so the plan review flags its removal. Deleting a protected topic is a deliberate `kubectl delete`.
   * @default true in production, false elsewhere
   */
  readonly deletionProtection?: boolean;
  /** Extra labels on the KafkaTopic. @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Keys of `config` the library does not know (plugins, settings newer than Kafka 4.3), passed through
   * unchecked. Every other key must be a documented Kafka 4.3 topic config of the right type.
   * @default []
   */
  readonly uncheckedConfigKeys?: readonly string[];
}

/** Most partitions one topic may have: far above real needs, low enough to catch a typo (1e9). */
export const MAX_PARTITIONS = 10_000;

/** Shape of `TopicSpec`, checked before anything reads it. */
export const TOPIC_SPEC_SHAPE = S.object({
  name: S.string({ allowEmpty: true }),
  partitions: S.numeric(),
  replicas: S.optional(S.numeric()),
  retentionMs: S.optional(S.numeric()),
  retentionBytes: S.optional(S.numeric()),
  cleanupPolicy: S.optional(S.string()),
  compressionType: S.optional(S.string()),
  minInsyncReplicas: S.optional(S.numeric()),
  segmentMs: S.optional(S.numeric()),
  maxMessageBytes: S.optional(S.numeric()),
  messageTimestampType: S.optional(S.string()),
  config: S.optional(S.configMap()),
  managed: S.optional(S.boolean()),
  deletionProtection: S.optional(S.boolean()),
  labels: S.optional(S.stringMap()),
  uncheckedConfigKeys: S.optional(S.array(S.string())),
});

/**
 * Kafka refuses two topics whose names differ only in `.` versus `_` (they collide in metric names);
 * topics with the same key collide.
 */
export function topicCollisionKey(name: string): string {
  return name.replaceAll('.', '_');
}

/** Whether a topic is protected from deletion by removal from code. */
export function isDeletionProtected(spec: TopicSpec, target: TopicTarget): boolean {
  return spec.deletionProtection ?? target.production;
}

/** What a topic needs to know about the cluster and environment it lands in. */
export interface TopicTarget {
  readonly clusterName: string;
  readonly namespace: string;
  /** Brokers of the cluster, when known; bounds `replicas`. */
  readonly brokerCount?: number;
  readonly defaultReplicationFactor: number;
  readonly minInsyncReplicas: number;
  /** Production: min ISR must stay below replication; topics are deletion-protected by default. */
  readonly production: boolean;
}

const RESOURCE_NAME_MAX = 253;
const HASH_LENGTH = 8;

/**
 * `metadata.name` of a topic's KafkaTopic. A topic name that is already a valid Kubernetes name is
 * used as it is; any other (upper case, `_`, dots at the ends or doubled) is lower-cased and
 * sanitised, and gets a short hash of the original name appended, so `Orders`, `orders` and
 * `ORDERS` map to three different, stable names.
 */
export function topicResourceName(topicName: string): string {
  if (isDnsSubdomain(topicName, RESOURCE_NAME_MAX)) return topicName;
  const hash = createHash('sha256').update(topicName).digest('hex').slice(0, HASH_LENGTH);
  const base = sanitizeLabels(topicName.toLowerCase().replace(/[^a-z0-9.-]/g, '-'), RESOURCE_NAME_MAX - HASH_LENGTH - 1);
  return base ? `${base}-${hash}` : `topic-${hash}`;
}

/** Drops empty labels and `-` at label ends, then trims to `max` characters on an alphanumeric end. */
function sanitizeLabels(name: string, max: number): string {
  const labels = name
    .split('.')
    .map((l) => l.replace(/^-+|-+$/g, ''))
    .filter((l) => l.length > 0);
  return labels.join('.').slice(0, max).replace(/[^a-z0-9]+$/, '');
}

/** The Kafka config map of a topic: typed fields first, then the free-form ones. */
export function topicConfig(spec: TopicSpec): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [field, key] of Object.entries(TYPED_KEYS) as [keyof TopicConfig, string][]) {
    const value = spec[field];
    if (value !== undefined) out[key] = value;
  }
  return { ...out, ...(spec.config ?? {}) };
}

function retentionOk(value: number): boolean {
  return Number.isInteger(value) && (value > 0 || value === -1);
}

/**
 * How to get out of a min ISR problem: lower `minInsyncReplicas` to `maxMinIsr`, or raise `replicas` where the
 * brokers can hold more (in production `min.insync.replicas` must stay below `replicas`, so 2 needs 3).
 */
function minIsrWayOut(minIsr: number, maxMinIsr: number, replicas: number, brokers: number | undefined): string {
  const needed = minIsr + (maxMinIsr < replicas ? 1 : 0);
  const ways: string[] = [];
  if (maxMinIsr >= 1) ways.push(`set \`minInsyncReplicas\` to ${maxMinIsr === 1 ? '1' : `${maxMinIsr} or less`}`);
  const fits = brokers === undefined || needed <= brokers;
  if (fits) ways.push(`${ways.length ? '' : 'set '}\`replicas\` to ${needed} or more${brokers !== undefined ? ` (at most ${brokers}, the brokers)` : ''}`);
  const tooFew = fits ? '' : `a cluster of ${brokers} broker${brokers === 1 ? '' : 's'} cannot hold the ${needed} replicas that ${minIsr} in sync needs`;
  if (!ways.length) return `${tooFew}: use a cluster with more brokers`;
  return `${ways.join(', or ')}${tooFew ? ` (${tooFew})` : ''}`;
}

/**
 * Checks one topic against the rules of Kafka, Strimzi and the target cluster; issues go to `v`. Returns false
 * when the topic cannot be read at all (a missing or wrongly shaped name or partitions): nothing can be built.
 */
export function validateTopic(v: Validator, input: TopicSpec, target: TopicTarget, field = ''): boolean {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  // Wrongly shaped optional fields are reported and left out, so the value rules still check the rest.
  const spec = validPart(v, input, TOPIC_SPEC_SHAPE, ['name', 'partitions'], field);
  if (spec === undefined) return false;
  v.check(isKafkaName(spec.name), at(`name`), spec.name, KAFKA_NAME_RULE);
  v.integer(at(`partitions`), spec.partitions, 1, MAX_PARTITIONS);
  const replicas = spec.replicas ?? target.defaultReplicationFactor;
  const brokers = target.brokerCount;
  if (v.integer(at(`replicas`), spec.replicas, 1, 32767) && brokers !== undefined) {
    const from = spec.replicas === undefined ? ` (the cluster's default replication: set the topic's \`replicas\`, or the cluster's \`defaultReplicationFactor\`)` : '';
    v.check(replicas <= brokers, at(`replicas`), replicas, `at most the number of brokers of cluster "${target.clusterName}" (${brokers})${from}`);
  }
  for (const f of ['retentionMs', 'retentionBytes'] as const) {
    const value = spec[f];
    if (value !== undefined) v.check(retentionOk(value), at(`${TYPED_KEYS[f]}`), value, 'a positive whole number, or -1 for no limit');
  }
  for (const f of ['segmentMs', 'maxMessageBytes'] as const) v.integer(at(`${TYPED_KEYS[f]}`), spec[f], 1);
  if (spec.cleanupPolicy !== undefined) {
    v.check(CLEANUP_POLICIES.includes(spec.cleanupPolicy), at(`cleanup.policy`), spec.cleanupPolicy, `one of ${CLEANUP_POLICIES.map((p) => `"${p}"`).join(', ')}`);
  }
  if (spec.compressionType !== undefined) {
    v.check(COMPRESSION_TYPES.includes(spec.compressionType), at(`compression.type`), spec.compressionType, `one of ${COMPRESSION_TYPES.join(', ')}`);
  }
  if (spec.messageTimestampType !== undefined) {
    v.check(TIMESTAMP_TYPES.includes(spec.messageTimestampType), at(`message.timestamp.type`), spec.messageTimestampType, `one of ${TIMESTAMP_TYPES.join(', ')}`);
  }
  const minIsr = spec.minInsyncReplicas ?? target.minInsyncReplicas;
  if (v.integer(at(`min.insync.replicas`), spec.minInsyncReplicas, 1)) {
    // Where the value comes from, and the settings that lead out of the problem.
    const inherited = spec.minInsyncReplicas === undefined ? ` (the cluster's default, since \`minInsyncReplicas\` is unset)` : '';
    v.check(minIsr <= replicas, at(`min.insync.replicas`), minIsr, `at most the replication factor (${replicas})${inherited}: ${minIsrWayOut(minIsr, replicas, replicas, brokers)}`);
    if (target.production && minIsr <= replicas) {
      v.check(
        minIsr < replicas,
        at(`min.insync.replicas`),
        minIsr,
        `below the replication factor (${replicas}) in production, so that one broker can restart without blocking acks=all producers${inherited}: ${minIsrWayOut(minIsr, replicas - 1, replicas, brokers)}`,
      );
    }
  }
  const typedKeys = Object.entries(TYPED_KEYS);
  for (const key of Object.keys(spec.config ?? {})) {
    const typed = typedKeys.find(([, k]) => k === key);
    v.check(!typed, fieldKey(at('config'), key), spec.config![key], `not here: use the typed field "${typed?.[0]}"`);
  }
  const typedFieldOf = (key: string) => typedKeys.find(([, k]) => k === key)?.[0];
  validateConfigKeys(v, at('config'), spec.config, {
    kind: 'topic',
    unchecked: spec.uncheckedConfigKeys,
    skip: (key) => typedFieldOf(key) !== undefined,
    insteadOf: (key) => {
      const typed = typedFieldOf(key);
      return typed && `the typed field \`${typed}\``;
    },
  });
  for (const [key, value] of Object.entries(spec.labels ?? {})) {
    const f = fieldKey(at('labels'), key);
    v.check(!key.startsWith('strimzi.io/'), f, value, 'no strimzi.io/ labels (Strimzi sets them)');
    if (v.check(isLabelKey(key), f, key, LABEL_KEY_RULE)) v.check(isLabelValue(value), f, value, LABEL_VALUE_RULE);
  }
  return true;
}

/** Builds the KafkaTopic. Call `validateTopic` first. */
export function buildTopic(spec: TopicSpec, target: TopicTarget): KubernetesObject {
  const name = topicResourceName(spec.name);
  const labels: Record<string, string> = { ...(spec.labels ?? {}), [STRIMZI_CLUSTER_LABEL]: target.clusterName };
  if (isDeletionProtected(spec, target)) labels[PROTECTED_TOPIC_LABEL] = 'true';
  const annotations = spec.managed === false ? { [STRIMZI_MANAGED_ANNOTATION]: 'false' } : undefined;
  const topicSpec: Record<string, unknown> = {};
  if (name !== spec.name) topicSpec.topicName = spec.name;
  topicSpec.partitions = spec.partitions;
  topicSpec.replicas = spec.replicas ?? target.defaultReplicationFactor;
  const config = topicConfig(spec);
  if (Object.keys(config).length > 0) topicSpec.config = config;
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaTopic',
    metadata: { name, namespace: target.namespace, labels, ...(annotations ? { annotations } : {}) },
    spec: topicSpec,
  };
}
