/**
 * Capacity planning: the guide's projections of disk usage, message rate and partition count 30, 60 and 90
 * days ahead, computed continuously by Prometheus from hourly averages, and alerts when a projection
 * reaches a scaling trigger within the planning horizon.
 */

/** Scaling triggers, each written with its unit. */
export interface CapacityTriggerSpec {
  /** Data volume usage, e.g. `'75%'`. @default the environment's `thresholds.capacity.diskUsagePercent` (75 %) */
  readonly diskUsage?: string;
  /** Cluster messages in, e.g. `'80000/s'`, `'80k/s'` or `'4.8M/min'`. @default the environment's `thresholds.capacity.messagesInPerSecond` (80,000/s) */
  readonly messageRate?: string;
  /** Partition replicas on one broker, e.g. `'4000/broker'`. @default '4000/broker' */
  readonly partitions?: string;
}

export interface CapacityPlanningSpec {
  /**
   * How much of the hourly averages the trend is fitted on (whole days or weeks, at least a week so the
   * daily and weekly cycles do not read as growth). Prometheus must keep this much (`prometheusRetention`).
   * @default '30d'
   */
  readonly history?: string;
  /** Projection alerts wait until the history holds at least this much data (a new cluster has none). @default '7d' */
  readonly minimumHistory?: string;
  /** A projection reaching its trigger within this raises the info (P4) alert; at most the history. @default '30d' */
  readonly horizon?: string;
  /** ... and within this the warning (P3) alert; shorter than the horizon. @default '7d' */
  readonly urgentHorizon?: string;
  readonly triggers?: CapacityTriggerSpec;
}

export const DEFAULT_CAPACITY_PLANNING = { history: '30d', minimumHistory: '7d', horizon: '30d', urgentHorizon: '7d', partitions: '4000/broker' } as const;

/** The guide's projection points, shown on the capacity dashboard. */
export const PROJECTION_DAYS: readonly number[] = [30, 60, 90];

/** The spec with defaults applied; values stay as written (triggers are strings or, wrongly, numbers). */
export interface ResolvedCapacityPlanning {
  readonly history: string;
  readonly minimumHistory: string;
  readonly horizon: string;
  readonly urgentHorizon: string;
  readonly triggers: { readonly diskUsage: string | number; readonly messageRate: string | number; readonly partitions: string | number };
}

/** `defaults`: the environment's capacity thresholds, written with their units. */
export function resolveCapacityPlanning(spec: CapacityPlanningSpec | undefined, defaults: { readonly diskUsagePercent: number; readonly messagesInPerSecond: number }): ResolvedCapacityPlanning | undefined {
  if (spec === undefined) return undefined;
  const t = spec.triggers ?? {};
  return {
    history: spec.history ?? DEFAULT_CAPACITY_PLANNING.history,
    minimumHistory: spec.minimumHistory ?? DEFAULT_CAPACITY_PLANNING.minimumHistory,
    horizon: spec.horizon ?? DEFAULT_CAPACITY_PLANNING.horizon,
    urgentHorizon: spec.urgentHorizon ?? DEFAULT_CAPACITY_PLANNING.urgentHorizon,
    triggers: {
      diskUsage: t.diskUsage ?? `${defaults.diskUsagePercent}%`,
      messageRate: t.messageRate ?? `${defaults.messagesInPerSecond}/s`,
      partitions: t.partitions ?? DEFAULT_CAPACITY_PLANNING.partitions,
    },
  };
}

const DISK = /^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$/;
const RATE = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kM])?\s*\/\s*(s|sec|min)\s*$/;
const PER_BROKER = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(k)?\s*\/\s*broker\s*$/;
const SCALE: Record<string, number> = { '': 1, k: 1e3, M: 1e6 };

/** `'75%'` -> 75; undefined without the unit. */
export function parseDiskTrigger(text: unknown): number | undefined {
  const m = typeof text === 'string' ? DISK.exec(text) : null;
  return m ? Number(m[1]) : undefined;
}

/** `'80000/s'`, `'80k/s'`, `'4.8M/min'` -> messages per second; undefined without a unit. */
export function parseRateTrigger(text: unknown): number | undefined {
  const m = typeof text === 'string' ? RATE.exec(text) : null;
  if (!m) return undefined;
  const perUnit = Number(m[1]) * SCALE[m[2] ?? ''];
  return m[3] === 'min' ? perUnit / 60 : perUnit;
}

/** `'4000/broker'`, `'4k/broker'` -> partition replicas per broker; undefined without the unit. */
export function parsePartitionTrigger(text: unknown): number | undefined {
  const m = typeof text === 'string' ? PER_BROKER.exec(text) : null;
  return m ? Number(m[1]) * SCALE[m[2] ?? ''] : undefined;
}
