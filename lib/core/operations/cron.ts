import { CronField, expandField, fieldProblem, longestGapMinutes, minutesOfDay } from '../cron-fields';
import { Validator } from '../validation';

/**
 * Kubernetes CronJob schedules: five fields (minute hour day-of-month month day-of-week) or one of
 * the `@` descriptors. Checked at synth because the API server only rejects a bad schedule at apply
 * time, half-way through a deployment.
 */

const FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, question: true },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  // Kubernetes (robfig/cron) accepts 0-6 with Sunday as 0; 7 is not accepted.
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], question: true },
];

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

export const CRON_RULE =
  'a Kubernetes CronJob schedule: 5 fields "minute hour day-of-month month day-of-week" (e.g. "0 */6 * * *") or @hourly, @daily, @weekly, @monthly, @yearly';

/** Every problem of a schedule, in words; empty when Kubernetes will accept it. */
export function cronScheduleProblems(schedule: string): string[] {
  if (typeof schedule !== 'string' || schedule.trim() === '') return ['the schedule is empty'];
  const text = schedule.trim();
  if (text.startsWith('@')) return DESCRIPTORS.includes(text) ? [] : [`unknown descriptor ${text}`];
  if (/TZ=/.test(text)) return ['time zones go in the timeZone field, not in the schedule'];
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return [`${parts.length} fields instead of 5`];
  return parts.flatMap((part, i) => {
    const problem = fieldProblem(part, FIELDS[i]);
    return problem ? [`${FIELDS[i].name}: ${problem}`] : [];
  });
}

/** Records an issue on `v` for a schedule Kubernetes would reject. */
export function validateCronSchedule(v: Validator, field: string, schedule: string): boolean {
  const problems = cronScheduleProblems(schedule);
  return v.check(problems.length === 0, field, schedule, `${CRON_RULE} (${problems.join('; ')})`);
}

/** IANA time zone names as Kubernetes accepts them in `spec.timeZone` (e.g. "Etc/UTC", "Europe/Berlin"). */
export function isTimeZoneName(zone: string): boolean {
  return /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
}

const DESCRIPTOR_FIELDS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/**
 * The longest time between two consecutive runs of a valid schedule, in minutes (UTC, over five years,
 * so leap days and month lengths count); undefined for an invalid schedule or one that runs less than
 * twice in five years. Day of month and day of week combine as in Kubernetes (robfig/cron): when both
 * are restricted a day matching either runs.
 */
export function maxScheduleGapMinutes(schedule: string): number | undefined {
  if (!GAPS.has(schedule)) GAPS.set(schedule, scheduleGap(schedule));
  return GAPS.get(schedule);
}

/** Gaps by schedule: the few schedules of an app recur in every environment. */
const GAPS = new Map<string, number | undefined>();

function scheduleGap(schedule: string): number | undefined {
  if (cronScheduleProblems(schedule).length > 0) return undefined;
  const text = schedule.trim();
  const [minute, hour, dom, month, dow] = (DESCRIPTOR_FIELDS[text] ?? text).split(/\s+/).map((f, i) => expandField(f, FIELDS[i]));
  const minutes = minutesOfDay(hour.values, minute.values);
  return longestGapMinutes((date) => {
    if (!month.values.has(date.getUTCMonth() + 1)) return [];
    const domMatch = dom.values.has(date.getUTCDate());
    const dowMatch = dow.values.has(date.getUTCDay());
    return (dom.star || dow.star ? domMatch && dowMatch : domMatch || dowMatch) ? minutes : [];
  });
}
