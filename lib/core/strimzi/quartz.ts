import { CronField, expandField, fieldProblem, longestGapMinutes, minutesOfDay, WALK_DAYS } from '../cron-fields';

/**
 * Quartz cron expressions, as Strimzi reads `maintenanceTimeWindows`: 6 or 7 fields
 * `second minute hour day-of-month month day-of-week [year]`, exactly one of the day fields `?`.
 * Strimzi only reports a bad window in the Kafka resource's status, after the apply; checked here instead.
 * The field grammar is the one CronJob schedules use (`lib/core/cron-fields.ts`), with Quartz's differences:
 * special day forms, steps at most the field's maximum, ranges that wrap (`FRI-MON`, `22-2`) but not for years.
 */

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const quartz = (field: CronField): CronField => ({ boundedStep: true, wraps: true, ...field });

const FIELDS: readonly CronField[] = [
  quartz({ name: 'second', min: 0, max: 59 }),
  quartz({ name: 'minute', min: 0, max: 59 }),
  quartz({ name: 'hour', min: 0, max: 23 }),
  // `?`, last day `L`, `L-3`, nearest weekday `15W`, `LW`.
  quartz({ name: 'day of month', min: 1, max: 31, special: /^(\?|L(-([1-9]|[12]\d|30))?|LW|([1-9]|[12]\d|3[01])W)$/ }),
  quartz({ name: 'month', min: 1, max: 12, names: MONTHS }),
  // Quartz numbers days 1-7 with Sunday as 1; `?`, last `6L`, nth `6#3`.
  quartz({ name: 'day of week', min: 1, max: 7, names: DAYS, special: /^(\?|L|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5]))$/i }),
  // "Start year must be less than stop year": years do not wrap.
  quartz({ name: 'year', min: 1970, max: 2099, wraps: false }),
];

export const QUARTZ_RULE = 'a Quartz cron expression "second minute hour day-of-month month day-of-week [year]" with one day field "?", e.g. "* * 2-4 ? * SUN"';

/** Every problem of a Quartz cron expression, in words; empty when Strimzi will accept it. */
export function quartzProblems(expression: string): string[] {
  if (typeof expression !== 'string' || expression.trim() === '') return ['the expression is empty'];
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) return [`${parts.length} fields instead of 6 or 7`];
  const problems = parts.flatMap((part, i) => {
    const problem = fieldProblem(part, FIELDS[i]);
    return problem ? [`${FIELDS[i].name}: ${problem}`] : [];
  });
  const questions = [parts[3] === '?', parts[5] === '?'].filter(Boolean).length;
  if (questions !== 1) problems.push('exactly one of day-of-month and day-of-week must be "?"');
  return problems;
}

const lastDayOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
const isWeekday = (year: number, month: number, day: number) => ![0, 6].includes(new Date(Date.UTC(year, month, day)).getUTCDay());

/** Whether a day-of-month field (a valid one, not `?`) matches the date, special forms included. */
function domMatches(text: string, values: ReadonlySet<number>, d: Date): boolean {
  const day = d.getUTCDate();
  const last = lastDayOf(d);
  if (text === 'L') return day === last;
  if (text.startsWith('L-')) return day === last - Number(text.slice(2));
  const weekday = /^(\d+|L)W$/.exec(text);
  if (weekday) {
    // The weekday nearest to the given day (the last day for LW), within the same month.
    const target = weekday[1] === 'L' ? last : Math.min(Number(weekday[1]), last);
    const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
    const candidates = [target, target - 1, target + 1, target - 2, target + 2].filter((n) => n >= 1 && n <= last && isWeekday(y, m, n));
    return day === candidates[0];
  }
  return values.has(day);
}

/** Whether a day-of-week field (a valid one, not `?`) matches the date, special forms included. */
function dowMatches(text: string, values: ReadonlySet<number>, d: Date): boolean {
  const weekday = d.getUTCDay() + 1; // Quartz: SUN = 1
  if (text.toUpperCase() === 'L') return weekday === 7;
  const special = /^(\w+?)(L|#([1-5]))$/i.exec(text);
  if (special) {
    const wanted = /^\d$/.test(special[1]) ? Number(special[1]) : DAYS.indexOf(special[1].toUpperCase()) + 1;
    if (weekday !== wanted) return false;
    return special[2].toUpperCase() === 'L' ? d.getUTCDate() + 7 > lastDayOf(d) : Math.ceil(d.getUTCDate() / 7) === Number(special[3]);
  }
  return values.has(weekday);
}

/** The window minutes of each day, for one valid expression. */
function windowMinutes(expression: string): (d: Date) => readonly number[] {
  const parts = expression.trim().split(/\s+/);
  const [, minute, hour, dom, month, dow, year] = parts.map((p, i) => expandField(p, FIELDS[i]));
  const minutes = minutesOfDay(hour.values, minute.values);
  return (d) => {
    if (!month.values.has(d.getUTCMonth() + 1) || (year && !year.values.has(d.getUTCFullYear()))) return [];
    const day = parts[3] === '?' ? dowMatches(parts[5], dow.values, d) : domMatches(parts[3], dom.values, d);
    return day ? minutes : [];
  };
}

/**
 * The longest a CA inside its renewal period can wait for a maintenance window, in whole days: the longest
 * gap between two window minutes of all windows together, from every field (a window on Sundays waits up to
 * 7 days, on the 1st of the month up to 31, in January and July up to 184; `6#3`, the third Friday, up to
 * 35). Without windows Strimzi renews at once (0); invalid windows are reported by the cluster and left out
 * here; windows that open less than twice in five years wait the whole five years.
 */
export function maintenanceWindowGapDays(windows: readonly string[]): number {
  const valid = windows.filter((w) => quartzProblems(w).length === 0).map(windowMinutes);
  if (valid.length === 0) return 0;
  const gap = longestGapMinutes(valid.length === 1 ? valid[0] : (d) => [...new Set(valid.flatMap((w) => w(d)))].sort((a, b) => a - b));
  return gap === undefined ? WALK_DAYS : Math.ceil(gap / 1440);
}
