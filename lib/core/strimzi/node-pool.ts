import { KubernetesObject, ResourceRequirements } from '../kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../names';
import { parseQuantity } from '../quantity';
import { RESOURCES_SHAPE, validateResources } from '../resources';
import { S } from '../shape';
import { describeValue, Validator } from '../validation';
import { Storage } from './storage';
import { STRIMZI_API_VERSION } from './versions';

/** JVM heap and options of Kafka nodes. */
export interface JvmOptions {
  /** Heap size (`-Xms` and `-Xmx` alike), e.g. `8g`. @default - Strimzi derives it from the memory limit */
  readonly heap?: string;
  /**
   * `-XX` options.
   * @default G1 with the operations guide's tuning: `UseG1GC`, `MaxGCPauseMillis=20`, `InitiatingHeapOccupancyPercent=35`
   */
  readonly xx?: Readonly<Record<string, string>>;
}

export const DEFAULT_JVM_XX: Readonly<Record<string, string>> = {
  UseG1GC: 'true',
  MaxGCPauseMillis: '20',
  InitiatingHeapOccupancyPercent: '35',
};

export type NodeRole = 'controller' | 'broker';

/** A group of Kafka nodes with the same roles, size and storage. */
export interface NodePoolOptions {
  /** Pool name (becomes part of pod names `<cluster>-<pool>-<id>`). */
  readonly name: string;
  /** Number of nodes. */
  readonly replicas: number;
  readonly storage: Storage;
  /** CPU and memory of each node. @default - none (the production guardrails require requests) */
  readonly resources?: ResourceRequirements;
  readonly jvm?: JvmOptions;
  /**
   * Spread nodes evenly over `topology.kubernetes.io/zone` (at most one node of difference),
   * refusing to schedule rather than stacking a zone.
   * @default false
   */
  readonly spreadAcrossZones?: boolean;
}

export interface NodePool extends NodePoolOptions {
  readonly roles: readonly NodeRole[];
}

export const ZONE_TOPOLOGY_KEY = 'topology.kubernetes.io/zone';

/** Shape of `NodePoolOptions`, checked by the `NodeTopology` factories. */
export const NODE_POOL_SHAPE = S.object({
  name: S.string(),
  replicas: S.numeric(),
  storage: S.instance(Storage, 'a Storage (Storage.persistentClaim({ size }) or Storage.jbod([...]))'),
  resources: S.optional(RESOURCES_SHAPE),
  jvm: S.optional(S.object({ heap: S.optional(S.string({ describe: 'a JVM size such as "2g" (a string)' })), xx: S.optional(S.stringMap()) })),
  spreadAcrossZones: S.optional(S.boolean()),
});

/** Bytes of a JVM size (`8g`, `512m`, `1024k`, plain bytes). */
function jvmBytes(size: string): number | undefined {
  const m = /^([0-9]+)([kKmMgG]?)$/.exec(size);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 } as Record<string, number>)[m[2].toLowerCase()];
}

export function validateNodePool(v: Validator, field: string, pool: NodePool): void {
  v.check(isDnsLabel(pool.name, 20), `${field}.name`, pool.name, `${DNS_LABEL_RULE}, at most 20 characters`);
  v.integer(`${field}.replicas`, pool.replicas, 1, 100);
  pool.storage.validate(v, `${field}.storage`);
  validateResources(v, `${field}.resources`, pool.resources);
  if (pool.jvm?.heap !== undefined) {
    const heapOk = v.check(/^[0-9]+[mMgG]?$/.test(pool.jvm.heap), `${field}.jvm.heap`, pool.jvm.heap, 'a JVM size such as "2g" or "512m"');
    // A heap as large as the container leaves nothing for metaspace, threads and direct buffers: the kernel kills the pod.
    const heap = heapOk ? jvmBytes(pool.jvm.heap) : undefined;
    const limit = pool.resources?.limits?.memory;
    const limitBytes = limit === undefined ? undefined : parseQuantity(limit);
    if (heap !== undefined && limitBytes !== undefined) {
      v.check(heap < limitBytes, `${field}.jvm.heap`, pool.jvm.heap, `less than the memory limit (resources.limits.memory = ${describeValue(limit)})`);
    }
  }
}

export function buildNodePool(cluster: string, namespace: string, pool: NodePool, labels: Record<string, string>): KubernetesObject {
  const spec: Record<string, unknown> = {
    replicas: pool.replicas,
    roles: [...pool.roles],
    storage: pool.storage.toStrimzi(),
  };
  if (pool.resources) spec.resources = pool.resources;
  const jvm: Record<string, unknown> = { '-XX': { ...(pool.jvm?.xx ?? DEFAULT_JVM_XX) } };
  if (pool.jvm?.heap) {
    jvm['-Xms'] = pool.jvm.heap;
    jvm['-Xmx'] = pool.jvm.heap;
  }
  spec.jvmOptions = jvm;
  if (pool.spreadAcrossZones) {
    const selector = { matchLabels: { 'strimzi.io/cluster': cluster, 'strimzi.io/pool-name': pool.name } };
    spec.template = {
      pod: {
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: ZONE_TOPOLOGY_KEY, whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector },
          { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
        ],
      },
    };
  }
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaNodePool',
    metadata: { name: pool.name, namespace, labels: { ...labels, 'strimzi.io/cluster': cluster } },
    spec,
  };
}
