import { S } from '../../shape';
import { Validator } from '../../validation';
import { parseDays } from '../durations';
import { parseDiskTrigger, parsePartitionTrigger, parseRateTrigger, ResolvedCapacityPlanning } from './capacity-spec';

const MIN_HISTORY_DAYS = 7;
const days = (examples: string) => `whole days or weeks, e.g. ${examples}`;

/** Triggers are read as written (strings with a unit); a bare number is reported by the value rule, not the shape. */
const TRIGGER = S.where('a trigger with its unit, e.g. "75%"', (x) => typeof x === 'string' || typeof x === 'number');

/** Shape of `CapacityPlanningSpec`. */
export const CAPACITY_PLANNING_SHAPE = S.object({
  history: S.optional(S.string()),
  minimumHistory: S.optional(S.string()),
  horizon: S.optional(S.string()),
  urgentHorizon: S.optional(S.string()),
  triggers: S.optional(S.object({ diskUsage: S.optional(TRIGGER), messageRate: S.optional(TRIGGER), partitions: S.optional(TRIGGER) })),
});

/**
 * Checks the resolved capacity planning; every problem is recorded on `v` under `field`, values as written.
 * `retention`: how long the evaluating Prometheus keeps data, when known.
 */
export function validateCapacityPlanning(v: Validator, field: string, c: ResolvedCapacityPlanning, retention?: { readonly text: string; readonly seconds: number }): void {
  const history = parseDays(c.history);
  const historyOk = v.check(
    history !== undefined && history >= MIN_HISTORY_DAYS,
    `${field}.history`,
    c.history,
    `at least ${MIN_HISTORY_DAYS} days in ${days('"14d", "30d" or "4w"')}: a trend fitted on hours or days reads the daily traffic cycle as growth`,
  );
  if (historyOk && retention && history! * 86400 > retention.seconds) {
    v.fail(`${field}.history`, c.history, `at most the Prometheus retention (prometheusRetention "${retention.text}"): the trend can only be fitted on data Prometheus keeps`);
  }
  const minimum = parseDays(c.minimumHistory);
  if (v.check(minimum !== undefined, `${field}.minimumHistory`, c.minimumHistory, days('"7d"')) && historyOk) {
    v.check(minimum! <= history!, `${field}.minimumHistory`, c.minimumHistory, `at most the history ("${c.history}")`);
  }
  const horizon = parseDays(c.horizon);
  if (v.check(horizon !== undefined, `${field}.horizon`, c.horizon, days('"30d"')) && historyOk) {
    v.check(horizon! <= history!, `${field}.horizon`, c.horizon, `at most the history it is projected from ("${c.history}"): further ahead the linear trend is a guess`);
  }
  const urgent = parseDays(c.urgentHorizon);
  if (v.check(urgent !== undefined, `${field}.urgentHorizon`, c.urgentHorizon, days('"7d"')) && horizon !== undefined) {
    v.check(urgent! < horizon, `${field}.urgentHorizon`, c.urgentHorizon, `shorter than the horizon ("${c.horizon}"): it raises the warning, the horizon the info alert`);
  }
  const disk = parseDiskTrigger(c.triggers.diskUsage);
  v.check(disk !== undefined && disk > 0 && disk < 100, `${field}.triggers.diskUsage`, c.triggers.diskUsage, 'a share of the volume with its unit, above 0 % and below 100 %, e.g. "75%"');
  const rate = parseRateTrigger(c.triggers.messageRate);
  v.check(rate !== undefined && rate > 0, `${field}.triggers.messageRate`, c.triggers.messageRate, 'cluster messages in with the unit, e.g. "80000/s", "80k/s" or "4.8M/min"');
  const partitions = parsePartitionTrigger(c.triggers.partitions);
  v.check(partitions !== undefined && partitions >= 1, `${field}.triggers.partitions`, c.triggers.partitions, 'partition replicas per broker with the unit, e.g. "4000/broker"');
}
