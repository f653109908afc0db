import { KubernetesObject } from '../core/kubernetes';
import { parseQuantity } from '../core/quantity';
import { clusterOf, field } from '../core/objects';
import { SynthStack } from './synth-output';

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
