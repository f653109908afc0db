import { AlertGroup, AlertRule, RecordingRule, Severity } from '../alert-rules';
import { Priority } from '../alert-routing';
import type { AlertName } from '../rules/alert-names';
import { formatDuration, parseDays, parseDuration } from '../durations';
import { ResolvedMonitoringSpec } from '../monitoring-spec';
import { RECORDS, sloErrorRatio } from '../recorded-series';
import { partitionsUnwritableExpr, produceP99, produceRequestRate, recordLabels, recordSelector } from './sli-rules';
import { BurnRateWindow, burnRate, ResolvedSlo, SliKind } from './slo-spec';

/**
 * Error budgets and multi-window multi-burn-rate alerts of each SLO (Google SRE workbook, chapter 5; the
 * recording layout of Sloth and Pyrra). Per evaluation the SLO records its bad and total events; error
 * ratios over a window are the sums of both over it, so availability weighs every evaluation alike and
 * latency weighs it by traffic. Windows under a day are recorded at the scrape interval, the day-long
 * windows and the budget every 5 minutes (their sums span up to the whole SLO window).
 */

/** Who is woken, per SLI: availability is the guide's P1 class (cluster down, data loss); latency a P2 page. */
interface AlertPolicy {
  /** The burn-rate alert and the budget alert (names of the registry, `rules/alert-names.ts`). */
  readonly burn: AlertName;
  readonly low: AlertName;
  readonly what: string;
  readonly page: Priority;
  readonly ticket: Priority;
  readonly budget: { readonly severity: Severity; readonly priority: Priority };
}

export const SLO_ALERT_POLICY: Readonly<Record<SliKind, AlertPolicy>> = {
  'partition-availability': { burn: 'KafkaAvailabilityErrorBudgetBurn', low: 'KafkaAvailabilityErrorBudgetLow', what: 'availability (partitions accepting writes)', page: 'P1', ticket: 'P3', budget: { severity: 'warning', priority: 'P3' } },
  'produce-latency': { burn: 'KafkaProduceLatencyErrorBudgetBurn', low: 'KafkaProduceLatencyErrorBudgetLow', what: 'produce latency (broker-side p99)', page: 'P2', ticket: 'P3', budget: { severity: 'info', priority: 'P4' } },
};

/** The alert names of an SLI kind's SLOs. */
export function sloAlertNames(kind: SliKind): { readonly burn: AlertName; readonly low: AlertName } {
  const { burn, low } = SLO_ALERT_POLICY[kind];
  return { burn, low };
}

/** Every alert name the SLO rules can raise. */
export const SLO_ALERTS: readonly AlertName[] = (Object.keys(SLO_ALERT_POLICY) as SliKind[]).flatMap((k) => Object.values(sloAlertNames(k)));

/** `for` of each alert class: a page survives one noisy sample, a ticket a quarter hour, the budget half an hour. */
export const SLO_ALERT_FOR = { page: '2m', ticket: '15m', budget: '30m' } as const;

const DAY = 86400;

/** The error budget as a ratio, free of binary noise: 99.99 -> 0.0001. */
export function budgetRatio(objective: number): number {
  return Number(((100 - objective) / 100).toPrecision(12));
}

/** A window as it appears in record names: the shortest spelling, so `60m` and `1h` share one record. */
export function windowName(text: string): string {
  return formatDuration(parseDuration(text)!);
}

/** Every window an SLO records an error ratio for: its alerting windows and the SLO window itself. */
export function sloWindows(slo: ResolvedSlo): string[] {
  const all = [...slo.page, ...slo.ticket].flatMap((w) => [w.long, w.short]).map(windowName);
  return [...new Set([...all, windowName(slo.window)])].sort((a, b) => parseDuration(a)! - parseDuration(b)!);
}

/** The burn rate and error-ratio threshold of one window pair. */
export function windowThreshold(slo: ResolvedSlo, w: BurnRateWindow): { readonly rate: number; readonly long: string; readonly short: string } {
  return { rate: burnRate(parseDays(slo.window)! * DAY, w, parseDuration(w.long)!), long: windowName(w.long), short: windowName(w.short) };
}

function badAndTotal(s: ResolvedMonitoringSpec, slo: ResolvedSlo): { readonly bad: string; readonly total: string } {
  if (slo.sli.kind === 'partition-availability') {
    // Every evaluation weighs the same: the unwritable share of that moment out of 1. Rules of a group run in
    // order at one timestamp, so `total` reads the `bad` just recorded.
    return { bad: partitionsUnwritableExpr(s), total: `${RECORDS.sloBad}{${recordSelector(s, { slo: slo.name })}} * 0 + 1` };
  }
  const rate = produceRequestRate(s);
  const total = `sum(${rate})`;
  // All of a broker's produce traffic counts as slow while its p99 misses the objective: that is what a p99
  // objective says about it. Brokers with traffic but none slow record 0, not nothing.
  return { bad: `sum(${rate} and on (namespace, pod) (${produceP99(s)} >= ${slo.sli.thresholdMs})) or (${total} * 0)`, total };
}

function burnAlert(s: ResolvedMonitoringSpec, slo: ResolvedSlo, severity: Severity, windows: readonly BurnRateWindow[]): AlertRule {
  const policy = SLO_ALERT_POLICY[slo.sli.kind];
  const sel = recordSelector(s, { slo: slo.name });
  const budget = budgetRatio(slo.objective);
  const pairs = windows.map((w) => windowThreshold(slo, w));
  // The value is the long window's burn rate: how many times faster than the window allows.
  const expr = pairs
    .map((p) => `(${sloErrorRatio(p.long)}{${sel}} / ${budget} > ${p.rate} and ${sloErrorRatio(p.short)}{${sel}} / ${budget} > ${p.rate})`)
    .join(' or ');
  const page = severity === 'critical';
  const spent = windows.map((w, i) => `${w.budgetPercent} % within ${pairs[i].long} (${pairs[i].rate}x, still burning over ${pairs[i].short})`).join(', or ');
  return {
    alert: sloAlertNames(slo.sli.kind).burn,
    severity,
    priority: page ? policy.page : policy.ticket,
    expr,
    for: page ? SLO_ALERT_FOR.page : SLO_ALERT_FOR.ticket,
    summary: `${c(s)} burns the error budget of its ${slo.name} SLO ${page ? 'fast' : 'steadily'}`,
    description:
      `The ${slo.name} SLO of ${c(s)} (${policy.what}, objective ${slo.objective} % over ${slo.window}) burns its error budget` +
      ` {{ $value | printf "%.1f" }}x as fast as the window allows: it spent ${spent} of the ${slo.window} budget.` +
      (page ? ' At this rate the budget is gone within days or hours.' : ' Left alone it runs out before the window ends.'),
  };
}

function budgetAlert(s: ResolvedMonitoringSpec, slo: ResolvedSlo, percent: number): AlertRule {
  const policy = SLO_ALERT_POLICY[slo.sli.kind];
  return {
    alert: sloAlertNames(slo.sli.kind).low,
    severity: policy.budget.severity,
    priority: policy.budget.priority,
    expr: `${RECORDS.budgetRemaining}{${recordSelector(s, { slo: slo.name })}} < ${percent / 100}`,
    for: SLO_ALERT_FOR.budget,
    summary: `The ${slo.name} SLO of ${c(s)} has almost no error budget left`,
    description:
      `{{ $value | humanizePercentage }} of the ${slo.window} error budget of the ${slo.name} SLO of ${c(s)} (objective ${slo.objective} %) is left (alert below ${percent} %):` +
      ' follow the error budget policy (freeze risky changes, put reliability work first).',
  };
}

const c = (s: ResolvedMonitoringSpec) => s.cluster.name;

/**
 * The two rule groups of one SLO: the windows under a day (at the scrape interval) with the page, then the
 * day-long windows and the budget (every 5 minutes) with the ticket and the budget alert.
 */
export function sloRuleGroupsOf(s: ResolvedMonitoringSpec, slo: ResolvedSlo): AlertGroup[] {
  const labels = recordLabels(s, { slo: slo.name });
  const sel = recordSelector(s, { slo: slo.name });
  const { bad, total } = badAndTotal(s, slo);
  const ratio = (w: string): RecordingRule => ({
    record: sloErrorRatio(w),
    // 0/0 (no events in the window: no traffic) is no data, not an error ratio.
    expr: `(sum_over_time(${RECORDS.sloBad}{${sel}}[${w}]) / sum_over_time(${RECORDS.sloTotal}{${sel}}[${w}])) >= 0`,
    labels,
  });
  const windows = sloWindows(slo);
  const fast = windows.filter((w) => parseDuration(w)! < DAY);
  const slow = windows.filter((w) => parseDuration(w)! >= DAY);
  const budget = budgetRatio(slo.objective);
  // An alert lives in the group that records its longest window, right after the records: a group evaluating
  // every 5 minutes is as old as the 5-minute lookback when another group reads it, so a reader there could
  // see nothing and its `for` would restart. Windows under a day come from the 30-second group, always fresh.
  const alerts = { fast: [] as AlertRule[], slow: [] as AlertRule[] };
  const place = (windows: readonly BurnRateWindow[], rule: AlertRule) => (windows.some((w) => parseDuration(w.long)! >= DAY) ? alerts.slow : alerts.fast).push(rule);
  if (slo.page.length > 0) place(slo.page, burnAlert(s, slo, 'critical', slo.page));
  if (slo.ticket.length > 0) place(slo.ticket, burnAlert(s, slo, 'warning', slo.ticket));
  if (slo.budgetRemainingPercent !== undefined) alerts.slow.push(budgetAlert(s, slo, slo.budgetRemainingPercent));
  return [
    {
      name: `${c(s)}.slo-${slo.name}`,
      interval: s.scrapeInterval,
      records: [
        { record: RECORDS.sloBad, expr: bad, labels },
        { record: RECORDS.sloTotal, expr: total, labels },
        ...fast.map(ratio),
      ],
      rules: alerts.fast,
    },
    {
      name: `${c(s)}.slo-${slo.name}-budget`,
      interval: '5m',
      records: [
        ...slow.map(ratio),
        { record: RECORDS.objective, expr: `vector(${Number((slo.objective / 100).toPrecision(12))})`, labels },
        { record: RECORDS.errorBudget, expr: `vector(${budget})`, labels },
        { record: RECORDS.budgetRemaining, expr: `1 - ${sloErrorRatio(windowName(slo.window))}{${sel}} / ${budget}`, labels },
      ],
      rules: alerts.slow,
    },
  ];
}

/** Every SLO's groups, in the order of the configuration. */
export function sloRuleGroups(s: ResolvedMonitoringSpec): AlertGroup[] {
  return s.slos.flatMap((slo) => sloRuleGroupsOf(s, slo));
}
