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

const DESCRIPTOR_FIELDS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** The values one (valid) field matches, and whether it counts as "any" for the day-matching rule. */
function expandField(text: string, field: CronField): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of text === '?' ? ['*'] : text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo = field.min;
    let hi = field.max;
    if (range === '*') {
      if (step === 1) star = true;
    } else {
      const bounds = range.split('-').map((b) => parseValue(b, field)!);
      lo = bounds[0];
      // "N/step" means N to the end of the field, as in robfig/cron (the Kubernetes scheduler).
      hi = bounds.length === 2 ? bounds[1] : stepText === undefined ? lo : field.max;
    }
    for (let n = lo; n <= hi; n += step) values.add(n);
  }
  return { values, star };
}

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
  const minutesOfDay = [...hour.values].sort((a, b) => a - b).flatMap((h) => [...minute.values].sort((a, b) => a - b).map((m) => h * 60 + m));
  // Every run day has the same runs, so the gaps inside a day are the same each time; across days only the
  // last run of one day and the first of the next matter.
  const first = minutesOfDay[0];
  const lastOfDay = minutesOfDay[minutesOfDay.length - 1];
  const withinDay = minutesOfDay.reduce((g, m, i) => (i === 0 ? g : Math.max(g, m - minutesOfDay[i - 1])), 0);
  const start = Date.UTC(2024, 0, 1);
  let last: number | undefined;
  let gap: number | undefined;
  for (let day = 0; day < 5 * 366; day++) {
    const date = new Date(start + day * 86_400_000);
    if (!month.values.has(date.getUTCMonth() + 1)) continue;
    const domMatch = dom.values.has(date.getUTCDate());
    const dowMatch = dow.values.has(date.getUTCDay());
    if (!(dom.star || dow.star ? domMatch && dowMatch : domMatch || dowMatch)) continue;
    if (last !== undefined) gap = Math.max(gap ?? 0, day * 1440 + first - last);
    if (minutesOfDay.length > 1 || last !== undefined) gap = Math.max(gap ?? 0, withinDay);
    last = day * 1440 + lastOfDay;
  }
  return gap;
}
