// Readers of rendered Kubernetes objects (plain data: what the builders produce and synth writes). The
// guardrails read the stack inventory and the plan review reads two synth outputs with these same readers,
// so a rule reads a topic's effective setting, a principal or a wildcard grant the same way everywhere.
import { KubernetesObject } from './kubernetes';
import {
  HELM_KEEP,
  HELM_RESOURCE_POLICY_ANNOTATION,
  KAFKA_DEFAULT_MIN_INSYNC_REPLICAS,
  KAFKA_DEFAULT_RETENTION_MS,
  STRIMZI_CLUSTER_LABEL,
  STRIMZI_MANAGED_ANNOTATION,
} from './well-known';

/** A field of a plain object by path segments; undefined when any step is missing. */
export function field(value: unknown, ...path: string[]): unknown {
  let v: unknown = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The Strimzi cluster an object belongs to (its `strimzi.io/cluster` label; a Kafka is its own). */
export function clusterOf(object: KubernetesObject): string | undefined {
  return object.kind === 'Kafka' ? object.metadata.name : object.metadata.labels?.[STRIMZI_CLUSTER_LABEL];
}

/** Kafka's spec.kafka.config of a `Kafka` object. */
export function brokerConfig(kafka: KubernetesObject): Record<string, unknown> {
  return (field(kafka, 'spec', 'kafka', 'config') as Record<string, unknown> | undefined) ?? {};
}

/** The Kafka topic name a KafkaTopic stands for (`spec.topicName`, else its resource name). */
export function kafkaTopicName(object: KubernetesObject): string {
  return ((object.spec as { topicName?: string } | undefined)?.topicName ?? object.metadata.name) as string;
}

/** False when Strimzi was told to stop managing the object (`strimzi.io/managed: "false"`). */
export function isManaged(object: KubernetesObject | undefined): boolean {
  return object?.metadata.annotations?.[STRIMZI_MANAGED_ANNOTATION] !== 'false';
}

/** True when removing the object from its release leaves it in the cluster (Helm keep policy). */
export function keptOnRemoval(object: KubernetesObject | undefined): boolean {
  return object?.metadata.annotations?.[HELM_RESOURCE_POLICY_ANNOTATION] === HELM_KEEP;
}

/** `User:CN=platform-admin`, `User:platform-admin` and `platform-admin` name the same principal. */
export function principalName(principal: string): string {
  return principal.replace(/^User:/, '').replace(/^CN=/, '');
}

/** An ACL as typed (`AclRule`) or as rendered in a `KafkaUser` (`spec.authorization.acls[]`). */
export interface AclLike {
  readonly resource?: { readonly type?: string; readonly name?: string; readonly patternType?: string };
  readonly type?: string;
}

/** True when an ACL's resource pattern names every topic, group or transactional id: the literal `*` or an empty prefix. */
export function namesEveryResource(r: AclLike['resource']): boolean {
  if (r === undefined || r.type === 'cluster') return false;
  const pattern = r.patternType ?? 'literal';
  return (pattern === 'literal' && r.name === '*') || (pattern === 'prefix' && !r.name);
}

/**
 * True when an allow ACL reaches every topic, group or transactional id (`namesEveryResource`). A deny and
 * any cluster ACL are not wildcards.
 */
export function isWildcardAcl(acl: AclLike): boolean {
  return (acl.type ?? 'allow') !== 'deny' && namesEveryResource(acl.resource);
}

/** The broker-wide default of a topic config key, from the cluster's `spec.kafka.config` (else Kafka's own). */
export function brokerDefault(kafka: KubernetesObject | undefined, key: string): unknown {
  if (!kafka) return undefined;
  const c = brokerConfig(kafka);
  switch (key) {
    case 'retention.ms':
      if (c['log.retention.ms'] !== undefined) return c['log.retention.ms'];
      if (c['log.retention.minutes'] !== undefined) return Number(c['log.retention.minutes']) * 60_000;
      return c['log.retention.hours'] !== undefined ? Number(c['log.retention.hours']) * 3_600_000 : KAFKA_DEFAULT_RETENTION_MS;
    case 'retention.bytes':
      return c['log.retention.bytes'] ?? -1;
    case 'min.insync.replicas':
      return c['min.insync.replicas'] ?? KAFKA_DEFAULT_MIN_INSYNC_REPLICAS;
    default:
      return undefined;
  }
}

/** A topic's effective config value: its own, else the cluster default. */
export function topicSetting(topic: KubernetesObject | undefined, kafka: KubernetesObject | undefined, key: string): unknown {
  return field(topic, 'spec', 'config', key) ?? brokerDefault(kafka, key);
}

/** A topic's replication factor: its own, else the cluster's `default.replication.factor`. */
export function topicReplicas(topic: KubernetesObject | undefined, kafka: KubernetesObject | undefined): number | undefined {
  const own = field(topic, 'spec', 'replicas');
  const value = own ?? (kafka ? brokerConfig(kafka)['default.replication.factor'] : undefined);
  return value === undefined ? undefined : Number(value);
}
