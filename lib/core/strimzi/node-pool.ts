import { KubernetesObject, ResourceRequirements } from '../kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../names';
import { validateResources } from '../resources';
import { Validator } from '../validation';
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

export function validateNodePool(v: Validator, field: string, pool: NodePool): void {
  v.check(isDnsLabel(pool.name, 20), `${field}.name`, pool.name, `${DNS_LABEL_RULE}, at most 20 characters`);
  v.integer(`${field}.replicas`, pool.replicas, 1, 100);
  pool.storage.validate(v, `${field}.storage`);
  validateResources(v, `${field}.resources`, pool.resources);
  if (pool.jvm?.heap !== undefined) {
    v.check(/^[0-9]+[mMgG]?$/.test(pool.jvm.heap), `${field}.jvm.heap`, pool.jvm.heap, 'a JVM size such as "2g" or "512m"');
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
