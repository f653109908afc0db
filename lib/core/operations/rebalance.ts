import { KubernetesObject } from '../kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../names';
import { DEFAULT_PARTITION_MOVEMENTS, DEFAULT_REPLICATION_THROTTLE, validateReplicationThrottle } from '../strimzi/cruise-control';
import { STRIMZI_API_VERSION } from '../strimzi/versions';
import { Validator } from '../validation';

/**
 * A standing, manual `KafkaRebalance` (mode `full`). Scale-up and scale-down rebalances come from the
 * cluster's auto-rebalance templates (`lib/core/strimzi/kafka.ts`); this one is for the rest: skew
 * after topic growth or a broker replacement. Cruise Control computes a proposal when the resource
 * appears (or on `strimzi.io/rebalance=refresh`); nothing moves until an operator reviews it and
 * annotates `strimzi.io/rebalance=approve`.
 */
export interface ManualRebalanceSpec {
  readonly cluster: string;
  readonly namespace: string;
  /** @default `<cluster>-rebalance` */
  readonly name?: string;
  /** Goals in priority order. @default - Cruise Control's default goals */
  readonly goals?: readonly string[];
  /** Regular expression of topics left where they are. */
  readonly excludedTopics?: string;
  /** Bytes per second for moving replicas, so a rebalance cannot saturate the network. @default 50 MiB/s */
  readonly replicationThrottle?: number;
  /** @default 5 */
  readonly concurrentPartitionMovementsPerBroker?: number;
  readonly labels?: Readonly<Record<string, string>>;
}

export function manualRebalanceName(spec: ManualRebalanceSpec): string {
  return spec.name ?? `${spec.cluster}-rebalance`;
}

export function validateManualRebalance(v: Validator, spec: ManualRebalanceSpec): void {
  v.check(isDnsLabel(manualRebalanceName(spec)), 'name', manualRebalanceName(spec), DNS_LABEL_RULE);
  validateReplicationThrottle(v, 'replicationThrottle', spec.replicationThrottle);
  v.integer('concurrentPartitionMovementsPerBroker', spec.concurrentPartitionMovementsPerBroker, 1, 100);
  if (spec.goals) v.check(spec.goals.length > 0 && spec.goals.every((g) => /^[A-Za-z]+Goal$/.test(g)), 'goals', spec.goals, 'Cruise Control goal names such as "RackAwareGoal"');
}

export function buildManualRebalance(spec: ManualRebalanceSpec): KubernetesObject {
  const out: Record<string, unknown> = {
    mode: 'full',
    replicationThrottle: spec.replicationThrottle ?? DEFAULT_REPLICATION_THROTTLE,
    concurrentPartitionMovementsPerBroker: spec.concurrentPartitionMovementsPerBroker ?? DEFAULT_PARTITION_MOVEMENTS,
  };
  if (spec.goals) out.goals = [...spec.goals];
  if (spec.excludedTopics) out.excludedTopics = spec.excludedTopics;
  return {
    apiVersion: STRIMZI_API_VERSION,
    kind: 'KafkaRebalance',
    metadata: { name: manualRebalanceName(spec), namespace: spec.namespace, labels: { ...(spec.labels ?? {}), 'strimzi.io/cluster': spec.cluster } },
    spec: out,
  };
}
