import { cronScheduleProblems, validateCronSchedule } from '../../../lib/core/operations/cron';
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
