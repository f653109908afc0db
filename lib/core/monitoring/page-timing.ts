import { Priority, PRIORITIES } from './alert-routing';

/**
 * How long an alert takes from the fault to the notification, and the budget of its priority.
 *
 * The worst case, in order: the fault shows in the next scrape (one scrape interval), the next rule
 * evaluation sees it (one evaluation interval), a condition over a range (`rate(x[5m]) > t`) may need the
 * whole range to cross its threshold when the fault only just crosses it, the rule waits its `for`, and
 * Alertmanager waits its `group_wait` before the first notification. Recorded series an alert reads are
 * not followed: their windows belong to the design of the recording rule (a burn-rate alert crosses its
 * threshold long before its long window is full when the burn is fast).
 */

/** Prometheus' own default. The library sets no evaluation interval (kube-prometheus-stack's 30 s pages 30 s sooner). */
export const ASSUMED_EVALUATION_INTERVAL = '1m';

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Seconds of a Prometheus duration such as `90s`, `1h30m` or `0m`; throws on anything else. */
export function durationSeconds(duration: string): number {
  if (!/^([0-9]+(ms|s|m|h|d|w|y))+$/.test(duration)) throw new Error(`"${duration}" is not a Prometheus duration`);
  let seconds = 0;
  for (const m of duration.matchAll(/([0-9]+)(ms|s|m|h|d|w|y)/g)) seconds += Number(m[1]) * UNIT_SECONDS[m[2]];
  return seconds;
}

export interface PageTimingInput {
  /** The rule's `for`. */
  readonly for: string;
  /** The longest range selector or subquery window of the rule's expression, in seconds (0 without any). */
  readonly longestRangeSeconds: number;
  readonly priority: Priority;
  /** Scrape interval of the series the rule reads (the PodMonitors'). */
  readonly scrapeInterval: string;
}

export interface PageTiming {
  /** Worst-case seconds from the fault to the first notification. */
  readonly seconds: number;
  /** The priority's budget in seconds. */
  readonly budgetSeconds: number;
}

/** The seconds a fault waits besides the rule's own `for` and range: scrape, evaluation, group wait. */
export function notificationDelaySeconds(priority: Priority, scrapeInterval: string): number {
  return durationSeconds(scrapeInterval) + durationSeconds(ASSUMED_EVALUATION_INTERVAL) + durationSeconds(PRIORITIES[priority].groupWait);
}

export function timeToPage(i: PageTimingInput): PageTiming {
  return {
    seconds: notificationDelaySeconds(i.priority, i.scrapeInterval) + durationSeconds(i.for) + i.longestRangeSeconds,
    budgetSeconds: durationSeconds(PRIORITIES[i.priority].pageBudget),
  };
}

/** The longest `for`, in whole minutes, of a rule without ranges that still pages within its priority's budget. */
export function longestForMinutes(priority: Priority, scrapeInterval: string): number {
  return Math.floor((durationSeconds(PRIORITIES[priority].pageBudget) - notificationDelaySeconds(priority, scrapeInterval)) / 60);
}

/** A time to page as people read it: `4.5 min`, `10 min`, `7 h`. */
export function formatTimeToPage(seconds: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  return seconds < 2 * 3600 ? `${round(seconds / 60)} min` : `${round(seconds / 3600)} h`;
}
