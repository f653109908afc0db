import { KubernetesObject } from '../core/kubernetes';
import { parseQuantity } from '../core/quantity';
import { clusterOf, field } from '../core/objects';
import { SynthStack } from './synth-output';
import { CONNECTOR_ROLE_LABEL } from '../core/strimzi/connector';

// Readers the plan review alone needs; the shared object readers are in core/objects.ts.

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

// KafkaConnector readers of the connector rules.

/** A sink reads `topics` (or `topics.regex`); a source has neither. */
export function isSink(connector: KubernetesObject | undefined): boolean {
  const config = (field(connector, 'spec', 'config') as Record<string, unknown> | undefined) ?? {};
  return config.topics !== undefined || config['topics.regex'] !== undefined;
}

/** The topics a sink reads (its `topics` list). */
export function sinkTopics(connector: KubernetesObject | undefined): string[] {
  const topics = field(connector, 'spec', 'config', 'topics');
  return typeof topics === 'string' ? topics.split(',').map((t) => t.trim()).filter((t) => t) : [];
}

/** The platform's topic backup sink (label `kafka-platform/connector-role: topic-backup`). */
export function isTopicBackup(connector: KubernetesObject | undefined): boolean {
  return connector?.metadata.labels?.[CONNECTOR_ROLE_LABEL] === 'topic-backup';
}

/** `running` unless the resource says otherwise. */
export function connectorState(connector: KubernetesObject | undefined): string {
  return (field(connector, 'spec', 'state') as string | undefined) ?? 'running';
}
