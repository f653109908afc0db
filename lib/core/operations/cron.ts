import { Validator } from '../validation';

/**
 * Kubernetes CronJob schedules: five fields (minute hour day-of-month month day-of-week) or one of
 * the `@` descriptors. Checked at synth because the API server only rejects a bad schedule at apply
 * time, half-way through a deployment.
 */

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** `?` means "any" in the day fields only. */
  readonly question?: boolean;
}

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

function parseValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + field.min : undefined;
}

/** Why one field is wrong, or undefined when it is fine. */
function fieldProblem(text: string, field: CronField): string | undefined {
  if (text === '?' && field.question) return undefined;
  for (const part of text.split(',')) {
    const [range, step, ...extra] = part.split('/');
    if (extra.length > 0 || range === '') return `"${part}" is not a value, range or step`;
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1)) return `step "${step}" must be a whole number >= 1`;
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `"${range}" is not a value or range`;
    const values = bounds.map((b) => parseValue(b, field));
    for (let i = 0; i < bounds.length; i++) {
      const n = values[i];
      if (n === undefined || n < field.min || n > field.max) {
        return `"${bounds[i]}" is outside ${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : ''}`;
      }
    }
    if (values.length === 2 && values[0]! > values[1]!) return `range "${range}" runs backwards`;
  }
  return undefined;
}

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
