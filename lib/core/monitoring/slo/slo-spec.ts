/**
 * Service level objectives as configuration, in the shape of Sloth and Pyrra: an objective in percent over
 * a rolling window, an SLI, and multi-window multi-burn-rate alerting (Google SRE workbook, chapter 5)
 * whose windows are written as "this share of the window's error budget spent within this long window",
 * so the same policy holds for 28 and 30 days.
 */

/**
 * The SLIs the platform can measure (see docs/slos-and-capacity.md for the exact definitions and what each
 * cannot see). A union, so that an end-to-end probe's SLI can be added without breaking configurations.
 */
export type SliSpec =
  /**
   * Share of partitions that accept `acks=all` writes (not offline, not under `min.insync.replicas`),
   * sampled at every evaluation; when no broker answers its scrape the whole cluster counts as unavailable.
   */
  | { readonly kind: 'partition-availability' }
  /**
   * Broker-side approximation of produce latency: the share of produce requests served by brokers whose
   * Produce p99 request time is under `thresholdMs`, weighted by each broker's request rate.
   */
  | { readonly kind: 'produce-latency'; readonly thresholdMs: number };

export type SliKind = SliSpec['kind'];

/** One alerting window pair: fire when `budgetPercent` of the SLO window's budget is spent within `long`, and still burning over `short`. */
export interface BurnRateWindow {
  /** Long window, e.g. `1h`: how much budget the alert needs to see spent. */
  readonly long: string;
  /** Short window, e.g. `5m` (about 1/12 of the long one): the alert stops soon after the burn stops. */
  readonly short: string;
  /** Share of the SLO window's error budget spent within the long window, in percent (2 % in 1 h of 30 d is a 14.4x burn). */
  readonly budgetPercent: number;
}

export interface SloAlerting {
  /**
   * Window pairs that page (severity critical). `false`: no page.
   * @default [{ long: '1h', short: '5m', budgetPercent: 2 }, { long: '6h', short: '30m', budgetPercent: 5 }] (14.4x and 6x over 30 days)
   */
  readonly page?: readonly BurnRateWindow[] | false;
  /**
   * Window pairs that open a ticket (severity warning). `false`: no ticket.
   * @default [{ long: '1d', short: '2h', budgetPercent: 10 }, { long: '3d', short: '6h', budgetPercent: 10 }] (3x and 1x over 30 days)
   */
  readonly ticket?: readonly BurnRateWindow[] | false;
  /**
   * Warn when less than this share of the window's error budget is left, in percent. `false`: no such alert.
   * @default 10
   */
  readonly budgetRemainingPercent?: number | false;
}

export interface SloSpec {
  /**
   * Name of the SLO: the `slo` label of its series and alerts.
   * @default 'availability' for partition-availability, 'produce-latency' for produce-latency
   */
  readonly name?: string;
  /** Objective in percent of good events, above 0 and below 100, e.g. 99.99. */
  readonly objective: number;
  /** Rolling window in whole days or weeks. @default '30d' */
  readonly window?: string;
  readonly sli: SliSpec;
  readonly alerting?: SloAlerting;
}

/** The SRE workbook's pages: 2 % of the budget in 1 hour, 5 % in 6 hours. */
export const DEFAULT_PAGE_WINDOWS: readonly BurnRateWindow[] = [
  { long: '1h', short: '5m', budgetPercent: 2 },
  { long: '6h', short: '30m', budgetPercent: 5 },
];
/** The SRE workbook's tickets: 10 % of the budget in 1 day, 10 % in 3 days. */
export const DEFAULT_TICKET_WINDOWS: readonly BurnRateWindow[] = [
  { long: '1d', short: '2h', budgetPercent: 10 },
  { long: '3d', short: '6h', budgetPercent: 10 },
];
export const DEFAULT_BUDGET_REMAINING_PERCENT = 10;
export const DEFAULT_SLO_WINDOW = '30d';

/**
 * The operations guide's objectives: cluster availability 99.99 % and message latency p99 under 100 ms. The
 * guide gives latency a threshold but no share: 99.9 % of produce traffic within it over 30 days (43 minutes of
 * slow traffic a month) is this library's choice, written down in docs/slos-and-capacity.md.
 */
export const GUIDE_SLOS: readonly SloSpec[] = [
  { sli: { kind: 'partition-availability' }, objective: 99.99, window: '30d' },
  { sli: { kind: 'produce-latency', thresholdMs: 100 }, objective: 99.9, window: '30d' },
];

/** An SLO with every default applied; values stay as written (validation reports them so). */
export interface ResolvedSlo {
  readonly name: string;
  readonly objective: number;
  readonly window: string;
  readonly sli: SliSpec;
  readonly page: readonly BurnRateWindow[];
  readonly ticket: readonly BurnRateWindow[];
  /** undefined: no budget alert. */
  readonly budgetRemainingPercent?: number;
}

export const DEFAULT_SLO_NAMES: Readonly<Record<SliKind, string>> = { 'partition-availability': 'availability', 'produce-latency': 'produce-latency' };

export function resolveSlos(slos: readonly SloSpec[] = []): ResolvedSlo[] {
  return slos.map((slo) => {
    const a = slo.alerting ?? {};
    const budget = a.budgetRemainingPercent ?? DEFAULT_BUDGET_REMAINING_PERCENT;
    return {
      name: slo.name ?? DEFAULT_SLO_NAMES[slo.sli.kind] ?? String(slo.sli.kind),
      objective: slo.objective,
      window: slo.window ?? DEFAULT_SLO_WINDOW,
      sli: slo.sli,
      page: a.page === false ? [] : (a.page ?? DEFAULT_PAGE_WINDOWS),
      ticket: a.ticket === false ? [] : (a.ticket ?? DEFAULT_TICKET_WINDOWS),
      budgetRemainingPercent: budget === false ? undefined : budget,
    };
  });
}

/**
 * How many times faster than sustainable the budget burns when `w.budgetPercent` of it goes within `w.long`:
 * 2 % in 1 h of 30 days is 14.4. Both durations in seconds.
 */
export function burnRate(windowSeconds: number, w: { readonly budgetPercent: number }, longSeconds: number): number {
  return Number(((w.budgetPercent / 100) * (windowSeconds / longSeconds)).toPrecision(6));
}
