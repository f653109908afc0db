import { KubernetesObject } from '../core/kubernetes';
import { parseQuantity } from '../core/quantity';
import { brokerConfig, clusterOf, field } from '../guardrails/inventory';
import { SynthStack } from './synth-output';

export { field } from '../guardrails/inventory';

const kafkaIndex = new WeakMap<SynthStack, Map<string, KubernetesObject | undefined>>();

/** The `Kafka` an object belongs to, in the same stack (any release; found without opening every release). */
export function kafkaOf(stack: SynthStack | undefined, object: KubernetesObject): KubernetesObject | undefined {
  if (!stack) return undefined;
  let index = kafkaIndex.get(stack);
  if (!index) {
    index = new Map();
    kafkaIndex.set(stack, index);
  }
  const namespace = object.metadata.namespace ?? '';
  const cluster = clusterOf(object);
  const key = `${namespace}/${cluster}`;
  if (!index.has(key)) index.set(key, cluster === undefined ? undefined : stack.findObject('Kafka', namespace, cluster)?.object);
  return index.get(key);
}

/** A retention or size where -1 means unlimited. */
export function limit(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return undefined;
  return n < 0 ? Infinity : n;
}

/** The broker-wide default of a topic config key, from the cluster's `spec.kafka.config`. */
function brokerDefault(kafka: KubernetesObject | undefined, key: string): unknown {
  if (!kafka) return undefined;
  const c = brokerConfig(kafka);
  switch (key) {
    case 'retention.ms':
      if (c['log.retention.ms'] !== undefined) return c['log.retention.ms'];
      if (c['log.retention.minutes'] !== undefined) return Number(c['log.retention.minutes']) * 60_000;
      return c['log.retention.hours'] !== undefined ? Number(c['log.retention.hours']) * 3_600_000 : 604_800_000;
    case 'retention.bytes':
      return c['log.retention.bytes'] ?? -1;
    case 'min.insync.replicas':
      return c['min.insync.replicas'] ?? 1;
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

/** Bytes of a storage size, for comparing volume sizes. */
export function bytes(size: unknown): number | undefined {
  return typeof size === 'string' ? parseQuantity(size) : typeof size === 'number' ? size : undefined;
}

/** A node pool's volumes by id (JBOD or a single volume). */
export function volumesOf(pool: KubernetesObject | undefined): Map<string, Record<string, unknown>> {
  const storage = field(pool, 'spec', 'storage') as { type?: string; volumes?: Record<string, unknown>[] } | undefined;
  const volumes = storage?.type === 'jbod' ? (storage.volumes ?? []) : storage ? [storage as Record<string, unknown>] : [];
  return new Map(volumes.map((v) => [String(v.id ?? 0), v]));
}

/** True when removing the object from its release leaves it in the cluster (Helm keep policy). */
export function keptOnRemoval(object: KubernetesObject | undefined): boolean {
  return object?.metadata.annotations?.['helm.sh/resource-policy'] === 'keep';
}
