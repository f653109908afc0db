import { Validator } from '../validation';

/** A warning and a critical level of one signal. */
export interface WarningCritical {
  readonly warning: number;
  readonly critical: number;
}

/** The operations guide's scaling triggers, as `info` alerts that open capacity work. */
export interface CapacityTriggers {
  /** Cluster-wide messages in per second, sustained 15 minutes (alert KafkaMessageRateCapacity). @default 80000 */
  readonly messagesInPerSecond?: number;
  /** Data volume usage in percent, sustained 30 minutes. @default 75 */
  readonly diskUsagePercent?: number;
  /** Consumer lag in messages per group and topic, sustained 10 minutes. @default 50000 */
  readonly consumerLagMessages?: number;
  /** Broker/controller CPU in percent of its limit, sustained 15 minutes. @default 80 */
  readonly cpuPercentOfLimit?: number;
  /** Broker/controller working-set memory in percent of its limit, sustained 15 minutes. @default 85 */
  readonly memoryPercentOfLimit?: number;
}

/** Alert thresholds; every field defaults to the operations guide's SLO table and scaling triggers. */
export interface AlertThresholds {
  /** p99 of the brokers' Produce request time in milliseconds. @default { warning: 200, critical: 500 } */
  readonly produceLatencyP99Ms?: WarningCritical;
  /** Consumer lag in messages, per group and topic. @default { warning: 10000, critical: 100000 } */
  readonly consumerLagMessages?: WarningCritical;
  /** Data volume usage in percent. @default { warning: 85, critical: 90 } */
  readonly diskUsagePercent?: WarningCritical;
  /**
   * Minutes a broker may report under-replicated partitions (outside a rolling restart). The critical
   * level pages (P2) and must stay within P2's 10-minute page budget (validated): the guide's 15 minutes
   * would page after 17.
   * @default { warning: 5, critical: 8 }
   */
  readonly underReplicatedMinutes?: WarningCritical;
  /**
   * Days before a Strimzi CA certificate expires. The warning must lie below the CAs' `renewalDays` minus
   * the longest wait for a maintenance window (Strimzi renews only inside a window), or every CA waiting
   * for its window warns (validated against the cluster).
   * @default { warning: 21, critical: 7 }
   */
  readonly certificateExpiryDays?: WarningCritical;
  /**
   * The recovery window of a broker: minutes after its `kafka` container (re)started during which a broker
   * reporting log recovery (broker state RECOVERY) is not down; past it, KafkaBrokerDown pages. Also how
   * long after a Kafka pod was (re)created a rolling restart counts as in progress (under-replication and
   * ISR shrinks stay quiet then). Size it to log recovery of a broker's volume after a restart. A broker
   * that cannot be recovering (Pending, waiting, crash-looping, gone) pages within 5 minutes whatever
   * this window.
   * @default 10
   */
  readonly brokerRecoveryMinutes?: number;
  /** Minutes after its container (re)started that a KRaft controller pod may take to become ready. @default 5 */
  readonly controllerRecoveryMinutes?: number;
  /** Request handler idle ratio of a broker, in percent (alert below). @default { warning: 30, critical: 10 } */
  readonly requestHandlerIdlePercent?: WarningCritical;
  /** Network processor idle ratio of a broker, in percent (alert below). @default { warning: 30, critical: 10 } */
  readonly networkProcessorIdlePercent?: WarningCritical;
  /** ISR shrinks per minute on one broker, sustained 15 minutes outside rolling restarts. @default 1 */
  readonly isrShrinksPerMinute?: number;
  /** The operations guide's KafkaHighThroughput: messages in per second on any one broker, 15 minutes. @default 10000 */
  readonly brokerMessagesInPerSecond?: number;
  /**
   * Failed authentications per second on one listener (all brokers), sustained 10 minutes: one client
   * with a stale password or an untrusted certificate retries about once a second.
   * @default 0.1
   */
  readonly failedAuthenticationsPerSecond?: number;
  /** Records a MirrorMaker 2 replication consumer may be behind, for 10 minutes. @default 10000 */
  readonly mirrorMaker2LagMessages?: number;
  /** Seconds a MirrorMaker 2 checkpoint may take to reach the target, for 10 minutes. @default 300 */
  readonly mirrorMaker2CheckpointLatencySeconds?: number;
  /**
   * Hours of look-ahead of the disk-full forecast (`predict_linear` over the last 6 hours). It must leave
   * time to act after the alert: above 31 (P4's 24-hour response plus the 7 hours the forecast takes to page).
   * @default 96
   */
  readonly diskFullForecastHours?: number;
  readonly capacity?: CapacityTriggers;
}

/** Thresholds with every default applied. */
export type ResolvedThresholds = Required<Omit<AlertThresholds, 'capacity'>> & { readonly capacity: Required<CapacityTriggers> };

export const DEFAULT_THRESHOLDS: ResolvedThresholds = {
  produceLatencyP99Ms: { warning: 200, critical: 500 },
  consumerLagMessages: { warning: 10_000, critical: 100_000 },
  diskUsagePercent: { warning: 85, critical: 90 },
  underReplicatedMinutes: { warning: 5, critical: 8 },
  certificateExpiryDays: { warning: 21, critical: 7 },
  brokerRecoveryMinutes: 10,
  controllerRecoveryMinutes: 5,
  requestHandlerIdlePercent: { warning: 30, critical: 10 },
  networkProcessorIdlePercent: { warning: 30, critical: 10 },
  isrShrinksPerMinute: 1,
  brokerMessagesInPerSecond: 10_000,
  failedAuthenticationsPerSecond: 0.1,
  mirrorMaker2LagMessages: 10_000,
  mirrorMaker2CheckpointLatencySeconds: 300,
  diskFullForecastHours: 96,
  capacity: { messagesInPerSecond: 80_000, diskUsagePercent: 75, consumerLagMessages: 50_000, cpuPercentOfLimit: 80, memoryPercentOfLimit: 85 },
};

export function resolveThresholds(t: AlertThresholds = {}): ResolvedThresholds {
  return { ...DEFAULT_THRESHOLDS, ...definedOnly(t), capacity: { ...DEFAULT_THRESHOLDS.capacity, ...definedOnly(t.capacity ?? {}) } };
}

/** A field written as `undefined` (JSON/YAML configuration) means "left out": it keeps the default. */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const positive = (v: Validator, field: string, value: number) =>
  v.check(Number.isFinite(value) && value > 0, field, value, 'a number above 0');

const percent = (v: Validator, field: string, value: number) =>
  v.check(Number.isFinite(value) && value > 0 && value <= 100, field, value, 'a percentage above 0 and at most 100');

/** Checks resolved thresholds; every problem is recorded on `v` under `field`. */
export function validateThresholds(v: Validator, field: string, t: ResolvedThresholds): void {
  const pair = (name: keyof ResolvedThresholds, check: typeof positive, criticalAbove: boolean) => {
    const p = t[name] as WarningCritical;
    const okW = check(v, `${field}.${name}.warning`, p.warning);
    const okC = check(v, `${field}.${name}.critical`, p.critical);
    if (okW && okC) {
      v.check(
        criticalAbove ? p.critical > p.warning : p.critical < p.warning,
        `${field}.${name}.critical`,
        p.critical,
        criticalAbove ? `above the warning level (${p.warning})` : `below the warning level (${p.warning}): critical is the more urgent, closer condition`,
      );
    }
  };
  pair('produceLatencyP99Ms', positive, true);
  pair('consumerLagMessages', positive, true);
  pair('diskUsagePercent', percent, true);
  pair('underReplicatedMinutes', positive, true);
  pair('certificateExpiryDays', positive, false);
  pair('requestHandlerIdlePercent', percent, false);
  pair('networkProcessorIdlePercent', percent, false);
  // Both become a rule's `for`, which takes whole minutes here.
  for (const name of ['brokerRecoveryMinutes', 'controllerRecoveryMinutes'] as const) {
    v.check(Number.isInteger(t[name]) && t[name] > 0, `${field}.${name}`, t[name], 'a whole number of minutes above 0');
  }
  positive(v, `${field}.isrShrinksPerMinute`, t.isrShrinksPerMinute);
  positive(v, `${field}.brokerMessagesInPerSecond`, t.brokerMessagesInPerSecond);
  positive(v, `${field}.failedAuthenticationsPerSecond`, t.failedAuthenticationsPerSecond);
  positive(v, `${field}.mirrorMaker2LagMessages`, t.mirrorMaker2LagMessages);
  positive(v, `${field}.mirrorMaker2CheckpointLatencySeconds`, t.mirrorMaker2CheckpointLatencySeconds);
  if (positive(v, `${field}.diskFullForecastHours`, t.diskFullForecastHours)) {
    v.check(t.diskFullForecastHours > 31, `${field}.diskFullForecastHours`, t.diskFullForecastHours, 'more than 31 hours (a day to respond after the forecast pages, about 7 hours after growth starts)');
  }
  positive(v, `${field}.capacity.messagesInPerSecond`, t.capacity.messagesInPerSecond);
  positive(v, `${field}.capacity.consumerLagMessages`, t.capacity.consumerLagMessages);
  percent(v, `${field}.capacity.diskUsagePercent`, t.capacity.diskUsagePercent);
  percent(v, `${field}.capacity.cpuPercentOfLimit`, t.capacity.cpuPercentOfLimit);
  percent(v, `${field}.capacity.memoryPercentOfLimit`, t.capacity.memoryPercentOfLimit);
  // The capacity trigger exists to act before the disk alerts page anyone.
  if (t.capacity.diskUsagePercent >= t.diskUsagePercent.warning) {
    v.fail(`${field}.capacity.diskUsagePercent`, t.capacity.diskUsagePercent, `below diskUsagePercent.warning (${t.diskUsagePercent.warning}), so capacity work starts before the disk alerts`);
  }
}
