import { Validator } from '../../validation';
import { formatDuration, parseDays, parseDuration } from '../durations';
import { BurnRateWindow, burnRate, ResolvedSlo } from './slo-spec';

const SLO_NAME = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;
const MAX_WINDOW_DAYS = 90;

/**
 * Checks resolved SLOs; every problem is recorded on `v` under `field` (e.g. `slos[0].objective`), with the
 * value as written. `retentionSeconds`: how long the Prometheus that evaluates the rules keeps data, when known.
 */
export function validateSlos(v: Validator, field: string, slos: readonly ResolvedSlo[], retention?: { readonly text: string; readonly seconds: number }): void {
  slos.forEach((slo, i) => {
    const at = `${field}[${i}]`;
    v.check(SLO_NAME.test(slo.name), `${at}.name`, slo.name, 'lower-case letters, digits and "-", starting with a letter, at most 40 characters (it becomes the slo label)');
    const objectiveOk = v.check(
      Number.isFinite(slo.objective) && slo.objective > 0 && slo.objective < 100,
      `${at}.objective`,
      slo.objective,
      'a percentage above 0 and below 100, e.g. 99.9 (100 % leaves no error budget)',
    );
    const days = parseDays(slo.window);
    const windowOk = v.check(
      days !== undefined && days <= MAX_WINDOW_DAYS,
      `${at}.window`,
      slo.window,
      `a rolling window of whole days or weeks up to ${MAX_WINDOW_DAYS} days, e.g. "28d", "30d" or "4w"`,
    );
    if (windowOk && retention && days! * 86400 > retention.seconds) {
      v.fail(`${at}.window`, slo.window, `at most the Prometheus retention (prometheusRetention "${retention.text}"): the budget is computed over what Prometheus keeps`);
    }
    if (slo.sli.kind === 'produce-latency') {
      v.check(Number.isFinite(slo.sli.thresholdMs) && slo.sli.thresholdMs > 0, `${at}.sli.thresholdMs`, slo.sli.thresholdMs, 'a number of milliseconds above 0, e.g. 100');
    }
    const windowSeconds = windowOk ? days! * 86400 : undefined;
    const budget = objectiveOk ? 1 - slo.objective / 100 : undefined;
    for (const kind of ['page', 'ticket'] as const) {
      slo[kind].forEach((w, k) => checkWindow(v, `${at}.alerting.${kind}[${k}]`, w, slo.window, windowSeconds, budget));
    }
    if (slo.budgetRemainingPercent !== undefined) {
      const p = slo.budgetRemainingPercent;
      v.check(Number.isFinite(p) && p > 0 && p < 100, `${at}.alerting.budgetRemainingPercent`, p, 'a percentage above 0 and below 100 of the error budget, or false for no such alert');
    }
  });
  v.unique(`${field}[].name`, slos.map((s) => s.name));
}

function checkWindow(v: Validator, at: string, w: BurnRateWindow, window: string, windowSeconds: number | undefined, budget: number | undefined): void {
  const long = parseDuration(w.long);
  const short = parseDuration(w.short);
  const longOk = v.check(long !== undefined && long >= 60, `${at}.long`, w.long, 'a Prometheus duration of at least a minute, e.g. "1h"');
  const shortOk = v.check(short !== undefined && short >= 60, `${at}.short`, w.short, 'a Prometheus duration of at least a minute, e.g. "5m"');
  if (longOk && shortOk && short! >= long!) {
    v.fail(`${at}.short`, w.short, `shorter than long ("${w.long}"): the long window measures the budget spent, the short one ends the alert soon after the burn stops (e.g. long "1h", short "5m")`);
  }
  if (longOk && windowSeconds !== undefined && long! > windowSeconds) {
    v.fail(`${at}.long`, w.long, `at most the SLO window ("${window}")`);
  }
  const percentOk = v.check(Number.isFinite(w.budgetPercent) && w.budgetPercent > 0 && w.budgetPercent <= 100, `${at}.budgetPercent`, w.budgetPercent, 'a percentage of the error budget above 0 and at most 100');
  if (percentOk && longOk && windowSeconds !== undefined && budget !== undefined) {
    const rate = burnRate(windowSeconds, w, long!);
    const threshold = rate * budget;
    // An error ratio cannot exceed 1: such a window pair could never fire.
    v.check(
      threshold < 1,
      `${at}.budgetPercent`,
      w.budgetPercent,
      `small enough that the burn rate it means (${rate}x over ${formatDuration(long!)}) stays below 100 % errors at this objective (it would need ${Number((threshold * 100).toPrecision(3))} %, so it could never fire)`,
    );
  }
}
