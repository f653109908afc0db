import { KubernetesObject, ResourceRequirements } from '../kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../names';
import { parseQuantity } from '../quantity';
import { RESOURCES_SHAPE, validateResources } from '../resources';
import { S } from '../shape';
import { describeValue, Validator } from '../validation';
import { Storage } from './storage';
import { STRIMZI_API_VERSION } from './versions';
import { STRIMZI_CLUSTER_LABEL } from '../well-known';

/** JVM heap and options of Kafka nodes. */
export interface JvmOptions {
  /** Heap size (`-Xms` and `-Xmx` alike), e.g. `8g`. @default - Strimzi derives it from the memory limit */
  readonly heap?: string;
  /**
   * `-XX` options that differ from Kafka's defaults, e.g. `{ MaxGCPauseMillis: '50' }`. Strimzi replaces Kafka's
   * whole default option set (`KAFKA_JVM_PERFORMANCE_OPTS`) as soon as any `-XX` option is given, so the
   * library renders these on top of Kafka's defaults (`KAFKA_DEFAULT_JVM_XX`); nothing is rendered when none
   * is given, and Kafka's defaults apply untouched.
   * @default {} - Kafka's defaults: G1, `MaxGCPauseMillis=20`, `InitiatingHeapOccupancyPercent=35`, `+ExplicitGCInvokesConcurrent`
   */
  readonly xx?: Readonly<Record<string, string>>;
}

/**
 * Kafka's own JVM performance options (`bin/kafka-run-class.sh`, `KAFKA_JVM_PERFORMANCE_OPTS`). They are
 * already the operations guide's G1 tuning, so the library sets none of them unless one is overridden.
 */
export const KAFKA_DEFAULT_JVM_XX: Readonly<Record<string, string>> = {
  UseG1GC: 'true',
  MaxGCPauseMillis: '20',
  InitiatingHeapOccupancyPercent: '35',
  ExplicitGCInvokesConcurrent: 'true',
  MaxInlineLevel: '15',
};

/** Kubernetes' default grace period, and the least the library accepts for a Kafka node. */
export const MIN_TERMINATION_GRACE_SECONDS = 30;

/** Grace periods by the total size of a node's volumes: up to 100 GiB, 1 TiB, 4 TiB, and above. */
const GRACE_BRACKETS: readonly (readonly [number, number])[] = [
  [100 * 2 ** 30, 60],
  [2 ** 40, 120],
  [4 * 2 ** 40, 300],
  [Infinity, 600],
];

/**
 * The default grace period of a pool's pods, by the size of the node's volumes: 60 s up to 100 GiB, 120 s up
 * to 1 TiB, 300 s up to 4 TiB, 600 s above. A broker stopping cleanly moves its leaderships away and flushes
 * and closes its log segments, which takes longer the more data it holds; one killed at Kubernetes' 30 s
 * recovers its logs on start, which is slower still. Brackets rather than a formula: the grace period is part
 * of the pod template, and a change rolls the pool, so growing a volume changes it only across a bracket.
 */
export function defaultTerminationGraceSeconds(pool: NodePoolOptions): number {
  const bytes = pool.storage.volumes.reduce((sum, vol) => sum + (parseQuantity(vol.size) ?? 0), 0);
  return GRACE_BRACKETS.find(([upTo]) => bytes <= upTo)![1];
}

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
  /**
   * Zones the pool must spread over (`minDomains` of the zone constraint, capped at the replica count): with
   * fewer zones available a pod stays pending instead of doubling up in a zone. Only with `spreadAcrossZones`.
   * @default 3
   */
  readonly zones?: number;
  /**
   * Seconds Kubernetes waits for a node to stop before killing it. At least 30.
   * @default - sized to the pool's volumes (`defaultTerminationGraceSeconds`: 120 s for 1 TiB)
   */
  readonly terminationGracePeriodSeconds?: number;
  /** PriorityClass of the pool's pods. @default - the cluster's `priorityClassName` */
  readonly priorityClassName?: string;
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
  zones: S.optional(S.numeric()),
  terminationGracePeriodSeconds: S.optional(S.numeric()),
  priorityClassName: S.optional(S.string()),
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
  v.integer(`${field}.terminationGracePeriodSeconds`, pool.terminationGracePeriodSeconds, MIN_TERMINATION_GRACE_SECONDS, 3600);
  if (pool.zones !== undefined) {
    v.integer(`${field}.zones`, pool.zones, 1, 10);
    v.check(pool.spreadAcrossZones === true, `${field}.zones`, pool.zones, 'only with spreadAcrossZones: true');
  }
  if (pool.priorityClassName !== undefined) v.check(isDnsLabel(pool.priorityClassName), `${field}.priorityClassName`, pool.priorityClassName, DNS_LABEL_RULE);
  for (const [key, value] of Object.entries(pool.jvm?.xx ?? {})) {
    v.check(/^[A-Za-z][A-Za-z0-9]*$/.test(key), `${field}.jvm.xx.${key}`, value, 'a -XX option name without "-XX:", "+" or "=", e.g. MaxGCPauseMillis');
    v.check(KAFKA_DEFAULT_JVM_XX[key] !== value, `${field}.jvm.xx.${key}`, value, `a value other than Kafka's default (${KAFKA_DEFAULT_JVM_XX[key]}); omit it to keep the default`);
  }
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

/** Settings of the cluster that shape every pool. */
export interface PoolDefaults {
  /** PriorityClass for pools that name none. */
  readonly priorityClassName?: string;
}

export function buildNodePool(cluster: string, namespace: string, pool: NodePool, labels: Record<string, string>, defaults: PoolDefaults = {}): KubernetesObject {
  const spec: Record<string, unknown> = {
    replicas: pool.replicas,
    roles: [...pool.roles],
    storage: pool.storage.toStrimzi(),
  };
  if (pool.resources) spec.resources = pool.resources;
  const jvm: Record<string, unknown> = {};
  // Any -XX option replaces Kafka's whole default set, so overrides are rendered on top of the defaults.
  if (Object.keys(pool.jvm?.xx ?? {}).length) jvm['-XX'] = { ...KAFKA_DEFAULT_JVM_XX, ...pool.jvm!.xx };
  if (pool.jvm?.heap) {
    jvm['-Xms'] = pool.jvm.heap;
    jvm['-Xmx'] = pool.jvm.heap;
  }
  if (Object.keys(jvm).length) spec.jvmOptions = jvm;
  const pod: Record<string, unknown> = {
    terminationGracePeriodSeconds: pool.terminationGracePeriodSeconds ?? defaultTerminationGraceSeconds(pool),
  };
  const priorityClassName = pool.priorityClassName ?? defaults.priorityClassName;
  if (priorityClassName) pod.priorityClassName = priorityClassName;
  if (pool.spreadAcrossZones) {
    const selector = { matchLabels: { [STRIMZI_CLUSTER_LABEL]: cluster, 'strimzi.io/pool-name': pool.name } };
    pod.topologySpreadConstraints = [
      {
        maxSkew: 1,
        topologyKey: ZONE_TOPOLOGY_KEY,
        whenUnsatisfiable: 'DoNotSchedule',
        // Without minDomains, two zones left would take all pods (the scheduler only skews over zones it sees).
        minDomains: Math.min(pool.zones ?? 3, pool.replicas),
        labelSelector: selector,
      },
      { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
    ];
  }
  spec.template = { pod };
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaNodePool',
    metadata: { name: pool.name, namespace, labels: { ...labels, [STRIMZI_CLUSTER_LABEL]: cluster } },
    spec,
  };
}
