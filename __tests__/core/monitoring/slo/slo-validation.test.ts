import { resolveSlos, SloSpec } from '../../../../lib/core/monitoring/slo/slo-spec';
import { validateSlos } from '../../../../lib/core/monitoring/slo/slo-validation';
import { Validator } from '../../../../lib/core/validation';

const issues = (slos: readonly SloSpec[], retention?: { text: string; seconds: number }) => {
  const v = new Validator('stack/monitoring');
  validateSlos(v, 'slos', resolveSlos(slos), retention);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
};
const availability = (o: Partial<SloSpec> = {}): SloSpec => ({ sli: { kind: 'partition-availability' }, objective: 99.9, ...o });

describe('SLO validation', () => {
  test('the guide\'s SLOs and sensible custom ones pass', () => {
    expect(issues([availability({ objective: 99.99 }), { sli: { kind: 'produce-latency', thresholdMs: 100 }, objective: 99.9, window: '4w' }])).toEqual([]);
  });

  test('an objective of 100 % or more, 0 or less, or not a number: no error budget', () => {
    for (const objective of [100, 100.5, 0, -1, NaN]) {
      expect(issues([availability({ objective })])).toEqual([`slos[0].objective = ${JSON.stringify(objective)}: a percentage above 0 and below 100, e.g. 99.9 (100 % leaves no error budget)`]);
    }
  });

  test('a window that does not parse, or is not whole days', () => {
    for (const window of ['30days', '36h', '1 month', '91d']) {
      expect(issues([availability({ window })])).toEqual([`slos[0].window = "${window}": a rolling window of whole days or weeks up to 90 days, e.g. "28d", "30d" or "4w"`]);
    }
  });

  test('burn-rate windows in the wrong order, longer than the SLO window, unparsable or with a budget share out of range', () => {
    expect(issues([availability({ alerting: { page: [{ long: '5m', short: '1h', budgetPercent: 2 }] } })])).toEqual([
      'slos[0].alerting.page[0].short = "1h": shorter than long ("5m"): the long window measures the budget spent, the short one ends the alert soon after the burn stops (e.g. long "1h", short "5m")',
    ]);
    expect(issues([availability({ window: '7d', alerting: { ticket: [{ long: '14d', short: '1d', budgetPercent: 10 }] } })])).toEqual(['slos[0].alerting.ticket[0].long = "14d": at most the SLO window ("7d")']);
    expect(issues([availability({ alerting: { page: [{ long: 'an hour', short: '5m', budgetPercent: 0 }] } })])).toEqual([
      'slos[0].alerting.page[0].long = "an hour": a Prometheus duration of at least a minute, e.g. "1h"',
      'slos[0].alerting.page[0].budgetPercent = 0: a percentage of the error budget above 0 and at most 100',
    ]);
  });

  test('a page that could never fire: at 90 % a 14.4x burn would need 144 % errors', () => {
    expect(issues([availability({ objective: 90 })])).toEqual([
      'slos[0].alerting.page[0].budgetPercent = 2: small enough that the burn rate it means (14.4x over 1h) stays below 100 % errors at this objective (it would need 144 %, so it could never fire)',
    ]);
  });

  test('names are label values and unique; latency thresholds positive; a window longer than Prometheus keeps', () => {
    expect(issues([availability({ name: 'Availability!' }), availability({ name: 'x' }), availability({ name: 'x' }), { sli: { kind: 'produce-latency', thresholdMs: 0 }, objective: 99 }])).toEqual([
      'slos[0].name = "Availability!": lower-case letters, digits and "-", starting with a letter, at most 40 characters (it becomes the slo label)',
      'slos[3].sli.thresholdMs = 0: a number of milliseconds above 0, e.g. 100',
      'slos[].name = "x": each name only once (duplicate)',
    ]);
    expect(issues([availability()], { text: '15d', seconds: 15 * 86400 })).toEqual(['slos[0].window = "30d": at most the Prometheus retention (prometheusRetention "15d"): the budget is computed over what Prometheus keeps']);
  });
});
