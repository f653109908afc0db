import { maintenanceWindowGapDays, quartzProblems } from '../../../lib/core/strimzi/quartz';

describe('Quartz cron expressions (maintenanceTimeWindows)', () => {
  test.each(['* * 2-4 ? * SUN', '0 0 0-2 ? * MON-FRI', '0 */15 1 ? * 1,7', '0 0 3 L * ?', '0 0 3 15W * ?', '0 0 3 ? * 6#3', '0 0 3 ? JAN-MAR 2L 2030'])(
    '%s is accepted',
    (expression) => expect(quartzProblems(expression)).toEqual([]),
  );

  test.each([
    ['* * 25-27 ? * SUN', 'hour: "25" is outside 0-23'],
    ['0 2 * * 0', '5 fields instead of 6 or 7'],
    ['0 0 2 1 * SUN', 'exactly one of day-of-month and day-of-week must be "?"'],
    ['0 0 2 ? * ?', 'exactly one of day-of-month and day-of-week must be "?"'],
    ['0 0 2 ? * 0', 'day of week: "0" is outside 1-7 or SUN-SAT'],
    ['0 0 2 ? FOO *', 'month: "FOO" is outside 1-12 or JAN-DEC'],
    ['60 0 2 ? * *', 'second: "60" is outside 0-59'],
    ['0 0/0 2 ? * *', 'minute: step "0" must be from 1 to 59'],
    ['0 0 2 ? * * 1969', 'year: "1969" is outside 1970-2099'],
    ['', 'the expression is empty'],
  ])('%s is refused: %s', (expression, problem) => expect(quartzProblems(expression)).toContain(problem));
});

describe('the longest wait for a maintenance window', () => {
  test.each([
    [[], 0],
    [['* * 2-4 ? * SUN'], 7],
    [['* * 2-4 1 * ?'], 31],
    [['* * 2-4 * * ?'], 1],
    // Every field counts: the month (Jan and Jul: Jul 1 to Jan 1 is 184 days) ...
    [['* * 2-4 ? JAN,JUL SUN'], 161], // last Sunday of July 2024 (28th) to the first of January 2025 (5th)
    [['* * 2-4 1 JAN,JUL ?'], 184],
    // ... the nth weekday (third Friday: up to five weeks), the last day, the nearest weekday ...
    [['0 0 3 ? * 6#3'], 35],
    [['0 0 3 L * ?'], 31],
    [['0 0 3 15W * ?'], 32], // the 14th (a Friday, the 15th a Saturday) to the 15th of the next month
    // ... a range that wraps past Saturday (Fri, Sat, Sun, Mon: the next Friday after Monday), and years.
    [['* * 2-4 ? * FRI-MON'], 4],
    [['* * 2-4 ? * * 2030'], 5 * 366],
  ])('%j: %d days', (windows, days) => expect(maintenanceWindowGapDays(windows)).toBe(days));

  test('several windows wait for whichever opens next', () => {
    expect(maintenanceWindowGapDays(['* * 2-4 ? * SUN', '* * 2-4 ? * WED'])).toBe(4);
    expect(maintenanceWindowGapDays(['* * 2-4 * * ?', '* * 2-4 ? * SUN'])).toBe(1);
  });

  test('invalid windows are left out (the cluster reports them)', () => {
    expect(maintenanceWindowGapDays(['* * 25-27 ? * SUN', '* * 2-4 ? * SUN'])).toBe(7);
    expect(maintenanceWindowGapDays(['* * 25-27 ? * SUN'])).toBe(0);
  });
});

test('Quartz ranges wrap, except years; steps stay within the field', () => {
  expect(quartzProblems('0 0 22-2 ? * FRI-MON')).toEqual([]);
  expect(quartzProblems('0 0 2 ? * * 2031-2030')).toEqual(['year: range "2031-2030" runs backwards']);
});
