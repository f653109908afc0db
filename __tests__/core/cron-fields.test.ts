import { CronField, expandField, fieldProblem, longestGapMinutes, minutesOfDay } from '../../lib/core/cron-fields';
import { cronScheduleProblems } from '../../lib/core/operations/cron';
import { quartzProblems } from '../../lib/core/strimzi/quartz';

const hour: CronField = { name: 'hour', min: 0, max: 23 };
const dow: CronField = { name: 'day of week', min: 1, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], wraps: true };

describe('the field grammar both schedule kinds share', () => {
  test('values, names, ranges, lists and steps expand to the values they match', () => {
    expect([...expandField('1,5-7', hour).values]).toEqual([1, 5, 6, 7]);
    expect([...expandField('20/2', hour).values]).toEqual([20, 22]);
    expect(expandField('*', hour)).toEqual({ values: new Set(Array.from({ length: 24 }, (_, i) => i)), star: true });
    expect([...expandField('FRI-MON', dow).values]).toEqual([6, 7, 1, 2]);
  });

  test('problems are worded once', () => {
    expect(fieldProblem('24', hour)).toBe('"24" is outside 0-23');
    expect(fieldProblem('5-2', hour)).toBe('range "5-2" runs backwards');
    expect(fieldProblem('FRI-MON', dow)).toBeUndefined();
    expect(fieldProblem('1/0', hour)).toBe('step "0" must be a whole number >= 1');
    expect(fieldProblem('1/30', { ...hour, boundedStep: true })).toBe('step "30" must be from 1 to 23');
  });

  test('the longest gap walks the calendar', () => {
    const minutes = minutesOfDay(new Set([2]), new Set([0, 30]));
    expect(minutes).toEqual([120, 150]);
    expect(longestGapMinutes((d) => (d.getUTCDay() === 0 ? minutes : []))).toBe(7 * 1440 - 30);
    expect(longestGapMinutes(() => [])).toBeUndefined();
  });
});

// Minute, hour and month mean the same in a CronJob schedule and a Quartz expression: both grammars must judge
// them alike, except where Kubernetes and Quartz really differ (Quartz wraps ranges and bounds steps).
describe.each([
  ['minute', (t: string) => `${t} 3 * * *`, (t: string) => `0 ${t} 3 ? * *`],
  ['hour', (t: string) => `0 ${t} * * *`, (t: string) => `0 0 ${t} ? * *`],
  ['month', (t: string) => `0 3 1 ${t} *`, (t: string) => `0 0 3 1 ${t} ?`],
])('the %s field in both grammars', (_field, cron, quartz) => {
  test.each(['5', '1-5', '*/5', '1,2,3', '*', '99', 'x', '5/0', '1-2-3', 'JAN', 'jan-mar', 'FOO'])('%j gets one verdict', (text) => {
    expect(quartzProblems(quartz(text)).length === 0).toBe(cronScheduleProblems(cron(text)).length === 0);
  });

  test('where they differ, each follows its scheduler', () => {
    expect([cronScheduleProblems(cron('5-2')).length > 0, quartzProblems(quartz('5-2'))]).toEqual([true, []]);
    expect([cronScheduleProblems(cron('*/70')), quartzProblems(quartz('*/70')).length > 0]).toEqual([[], true]);
  });
});
