import { cronScheduleProblems, maxScheduleGapMinutes, validateCronSchedule } from '../../../lib/core/operations/cron';
import { Validator } from '../../../lib/core/validation';

test.each(['0 */6 * * *', '0 0 * * 0', '30 5 * * MON-FRI', '0 3 1,15 * ?', '@weekly', '*/15 2-4 * JAN,JUL SUN'])('accepts %j', (s) => {
  expect(cronScheduleProblems(s)).toEqual([]);
});

test.each([
  ['0 */6 * *', /4 fields instead of 5/],
  ['60 * * * *', /minute: "60" is outside 0-59/],
  ['0 24 * * *', /hour: "24"/],
  ['0 0 * * 7', /day of week: "7" is outside 0-6/],
  ['0 0 0 * *', /day of month: "0"/],
  ['0 5-2 * * *', /runs backwards/],
  ['*/0 * * * *', /step "0"/],
  ['0 0 * * * *', /6 fields/],
  ['? 0 * * *', /minute/],
  ['@fortnightly', /unknown descriptor/],
  ['CRON_TZ=UTC 0 0 * * *', /timeZone field/],
])('rejects %j', (s, problem) => {
  expect(cronScheduleProblems(s).join('; ')).toMatch(problem);
});

test('the validator names the field, the value and the rule', () => {
  const v = new Validator('stack/backup');
  validateCronSchedule(v, 'schedule', '0 */6 * *');
  expect(() => v.throwIfAny()).toThrow(/stack\/backup: schedule = "0 \*\/6 \* \*": a Kubernetes CronJob schedule.*4 fields instead of 5/);
});

test.each([
  ['0 */6 * * *', 6 * 60],
  ['0 0 * * 0', 7 * 24 * 60],
  ['@weekly', 7 * 24 * 60],
  ['30 5 * * MON-FRI', 3 * 24 * 60], // Friday 05:30 to Monday 05:30
  ['0 2 1 * *', 31 * 24 * 60],
  ['*/15 * * * *', 15],
  ['0 3 1,15 * ?', 17 * 24 * 60], // 15th to the 1st of a 31-day month
  ['0 0 13 * FRI', 7 * 24 * 60], // day of month OR day of week when both are restricted
  ['10/25 * * * *', 35], // minutes 10 and 35: 35 -> next hour's 10
])('longest gap between runs of %j is %d minutes', (schedule, minutes) => {
  expect(maxScheduleGapMinutes(schedule)).toBe(minutes);
});

test('an invalid schedule has no gap', () => {
  expect(maxScheduleGapMinutes('0 0 * *')).toBeUndefined();
});
