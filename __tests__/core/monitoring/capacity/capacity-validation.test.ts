import { CapacityPlanningSpec, resolveCapacityPlanning } from '../../../../lib/core/monitoring/capacity/capacity-spec';
import { validateCapacityPlanning } from '../../../../lib/core/monitoring/capacity/capacity-validation';
import { Validator } from '../../../../lib/core/validation';

const issues = (spec: CapacityPlanningSpec, retention?: { text: string; seconds: number }) => {
  const v = new Validator('stack/monitoring');
  validateCapacityPlanning(v, 'capacityPlanning', resolveCapacityPlanning(spec, { diskUsagePercent: 75, messagesInPerSecond: 80_000 })!, retention);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
};

describe('capacity planning validation', () => {
  test('the defaults and a 60-day plan pass', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ history: '8w', horizon: '56d', urgentHorizon: '14d', triggers: { diskUsage: '70%', messageRate: '60k/s', partitions: '3000/broker' } })).toEqual([]);
  });

  test('a projection horizon beyond the history it is computed from', () => {
    expect(issues({ history: '14d', horizon: '30d' })).toEqual(['capacityPlanning.horizon = "30d": at most the history it is projected from ("14d"): further ahead the linear trend is a guess']);
  });

  test('histories of hours, unparsable durations, an urgent horizon not shorter than the horizon', () => {
    expect(issues({ history: '6h', minimumHistory: 'a week', urgentHorizon: '30d' })).toEqual([
      'capacityPlanning.history = "6h": at least 7 days in whole days or weeks, e.g. "14d", "30d" or "4w": a trend fitted on hours or days reads the daily traffic cycle as growth',
      'capacityPlanning.minimumHistory = "a week": whole days or weeks, e.g. "7d"',
      'capacityPlanning.urgentHorizon = "30d": shorter than the horizon ("30d"): it raises the warning, the horizon the info alert',
    ]);
  });

  test('triggers without a unit (or with the wrong one) are refused, each with what is allowed, all at once', () => {
    expect(issues({ triggers: { diskUsage: 75 as unknown as string, messageRate: '80000', partitions: '4000' } })).toEqual([
      'capacityPlanning.triggers.diskUsage = 75: a share of the volume with its unit, above 0 % and below 100 %, e.g. "75%"',
      'capacityPlanning.triggers.messageRate = "80000": cluster messages in with the unit, e.g. "80000/s", "80k/s" or "4.8M/min"',
      'capacityPlanning.triggers.partitions = "4000": partition replicas per broker with the unit, e.g. "4000/broker"',
    ]);
    expect(issues({ triggers: { diskUsage: '120%' } })).toEqual(['capacityPlanning.triggers.diskUsage = "120%": a share of the volume with its unit, above 0 % and below 100 %, e.g. "75%"']);
  });

  test('a history longer than Prometheus keeps', () => {
    expect(issues({}, { text: '15d', seconds: 15 * 86400 })).toEqual(['capacityPlanning.history = "30d": at most the Prometheus retention (prometheusRetention "15d"): the trend can only be fitted on data Prometheus keeps']);
  });
});
