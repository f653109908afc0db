import { quartzProblems } from '../../../lib/core/strimzi/quartz';

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
