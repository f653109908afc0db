import { ResourceRequirements } from '../kubernetes';
import { parseQuantity } from '../quantity';
import { Validator } from '../validation';
import { NodePool } from './node-pool';

/**
 * Cruise Control's view of a broker's capacity and how fast it may move data. Strimzi 1.2.0 reads the disk
 * capacity from the pools' storage itself (`brokerCapacity` has no disk field in `v1`); CPU defaults to the
 * broker pools' CPU request here, and network must be given, because Cruise Control drops its network goals
 * when no network capacity is configured.
 */
export interface BrokerCapacityOptions {
  /**
   * Inbound network per broker in bytes per second, e.g. `125MB/s` (1 Gbit/s) or `1250MB/s` (10 Gbit/s).
   * @default - none: Cruise Control ignores network load (its network goals are dropped)
   */
  readonly inboundNetwork?: string;
  /** Outbound network per broker, same format. @default - inboundNetwork */
  readonly outboundNetwork?: string;
  /**
   * CPU cores per broker as Cruise Control counts them, e.g. `4` or `3500m`.
   * @default - the broker pools' CPU request when they all request the same; otherwise Strimzi derives it per pool
   */
  readonly cpu?: string;
}

/** 50 MiB/s: the default bandwidth for moving replicas, so a rebalance cannot saturate the brokers' network. */
export const DEFAULT_REPLICATION_THROTTLE = 50 * 1024 * 1024;
/** Cruise Control's own default of concurrent partition movements per broker. */
export const DEFAULT_PARTITION_MOVEMENTS = 5;

/** The CRD's pattern for network capacities. */
const NETWORK_RATE = /^[0-9]+([KMG]i?)?B\/s$/;
/** The CRD's pattern for CPU capacities. */
const CPU_CAPACITY = /^[0-9]+([.][0-9]{0,3}|[m]?)$/;

export const NETWORK_RATE_RULE = 'a whole number of bytes per second with an optional K, M, G, Ki, Mi or Gi unit, e.g. "125MB/s" or "10000KiB/s"';

/** Checks a replication throttle (bytes per second). */
export function validateReplicationThrottle(v: Validator, field: string, value: number | undefined): void {
  if (value === undefined) return;
  v.check(Number.isInteger(value) && value > 0, field, value, 'a whole number of bytes per second above 0, e.g. 52428800 (50 MiB/s); 0 would mean unthrottled');
}

export function validateBrokerCapacity(v: Validator, field: string, capacity: BrokerCapacityOptions | undefined): void {
  if (!capacity) return;
  for (const key of ['inboundNetwork', 'outboundNetwork'] as const) {
    const value = capacity[key];
    if (value !== undefined) v.check(NETWORK_RATE.test(value) && !/^0+[KMG]?i?B/.test(value), `${field}.${key}`, value, NETWORK_RATE_RULE);
  }
  if (capacity.outboundNetwork !== undefined && capacity.inboundNetwork === undefined) {
    v.fail(`${field}.inboundNetwork`, undefined, 'set together with outboundNetwork (Cruise Control needs both directions)');
  }
  if (capacity.cpu !== undefined) {
    v.check(CPU_CAPACITY.test(capacity.cpu) && (parseQuantity(capacity.cpu) ?? 0) > 0, `${field}.cpu`, capacity.cpu, 'CPU cores above 0 such as "4", "1.5" or "3500m"');
  }
}

/** A CPU request as Cruise Control's capacity syntax accepts it (whole cores, up to 3 decimals, or millicores). */
function cpuCapacityOf(resources: ResourceRequirements | undefined): string | undefined {
  const cpu = resources?.requests?.cpu ?? resources?.limits?.cpu;
  return cpu !== undefined && CPU_CAPACITY.test(cpu) ? cpu : undefined;
}

/** The `cruiseControl.brokerCapacity` of a cluster, or undefined when nothing needs saying. */
export function buildBrokerCapacity(capacity: BrokerCapacityOptions | undefined, pools: readonly NodePool[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const brokerCpus = new Set(pools.filter((p) => p.roles.includes('broker')).map((p) => cpuCapacityOf(p.resources)));
  const cpu = capacity?.cpu ?? (brokerCpus.size === 1 ? [...brokerCpus][0] : undefined);
  if (cpu !== undefined) out.cpu = cpu;
  if (capacity?.inboundNetwork) {
    out.inboundNetwork = capacity.inboundNetwork;
    out.outboundNetwork = capacity.outboundNetwork ?? capacity.inboundNetwork;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The spec shared by the auto-rebalance templates (Strimzi sets `mode` and `brokers` itself). */
export function rebalanceTemplateSpec(replicationThrottle: number | undefined, concurrentPartitionMovementsPerBroker: number | undefined): Record<string, unknown> {
  return {
    replicationThrottle: replicationThrottle ?? DEFAULT_REPLICATION_THROTTLE,
    concurrentPartitionMovementsPerBroker: concurrentPartitionMovementsPerBroker ?? DEFAULT_PARTITION_MOVEMENTS,
  };
}
