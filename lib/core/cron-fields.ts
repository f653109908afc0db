/**
 * The field grammar Kubernetes CronJob schedules (`lib/core/operations/cron.ts`) and Quartz cron expressions
 * (`lib/core/strimzi/quartz.ts`) share: values, names, ranges, lists and steps, and the calendar walk that
 * finds the longest time between two matching minutes. Each grammar states where it differs (`?`, special
 * forms, step bounds, wrapping ranges) in its field table; the parsing itself is written once.
 */

export interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names for the values from `min` on (JAN-DEC, SUN-SAT). */
  readonly names?: readonly string[];
  /** `?` means "any" (the day fields). */
  readonly question?: boolean;
  /** Special forms allowed besides values, ranges, lists and steps (Quartz `L`, `15W`, `6#3`). */
  readonly special?: RegExp;
  /** Steps may not exceed the field's maximum (Quartz); otherwise any whole number >= 1. */
  readonly boundedStep?: boolean;
  /** A range may wrap past the end (`FRI-MON`, `22-2`: Quartz); otherwise a backward range is refused. */
  readonly wraps?: boolean;
}

export function parseValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + field.min : undefined;
}

/** Why one field is wrong, or undefined when it is fine. */
export function fieldProblem(text: string, field: CronField): string | undefined {
  if (text === '?' && field.question) return undefined;
  if (field.special?.test(text)) return undefined;
  for (const part of text.split(',')) {
    const [range, step, ...extra] = part.split('/');
    if (extra.length > 0 || range === '') return `"${part}" is not a value, range or step`;
    if (field.boundedStep) {
      if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1 && Number(step) <= field.max)) return `step "${step}" must be from 1 to ${field.max}`;
    } else if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1)) {
      return `step "${step}" must be a whole number >= 1`;
    }
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
    if (!field.wraps && values.length === 2 && values[0]! > values[1]!) return `range "${range}" runs backwards`;
  }
  return undefined;
}

/**
 * The values a valid field matches, and whether it counts as "any" (`*` or `?`, for the day-matching rule).
 * Special forms match nothing here; the grammar that allows them resolves them per date.
 */
export function expandField(text: string, field: CronField): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  if (text === '?') return { values: new Set(range(field.min, field.max)), star: true };
  if (field.special?.test(text)) return { values, star: false };
  let star = false;
  for (const part of text.split(',')) {
    const [rangeText, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let lo = field.min;
    let hi = field.max;
    if (rangeText === '*') {
      if (step === 1) star = true;
    } else {
      const bounds = rangeText.split('-').map((b) => parseValue(b, field)!);
      lo = bounds[0];
      // "N/step" means N to the end of the field, as in robfig/cron (the Kubernetes scheduler) and Quartz.
      hi = bounds.length === 2 ? bounds[1] : stepText === undefined ? lo : field.max;
    }
    // A wrapping range (Quartz) runs to the end of the field and on from its start.
    const span = hi >= lo ? hi - lo : hi - lo + field.max - field.min + 1;
    for (let n = 0; n <= span; n += step) values.add(((lo - field.min + n) % (field.max - field.min + 1)) + field.min);
  }
  return { values, star };
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** Days the calendar walk covers: five years from 2024-01-01 (UTC), so leap days and month lengths count. */
export const WALK_DAYS = 5 * 366;

/**
 * The longest time in minutes between two consecutive matching minutes, over `WALK_DAYS` days from
 * 2024-01-01 UTC; `minutesOn` gives the matching minutes of a day, ascending (none on a day that does not
 * match). Undefined when fewer than two minutes match.
 */
export function longestGapMinutes(minutesOn: (date: Date) => readonly number[]): number | undefined {
  const start = Date.UTC(2024, 0, 1);
  // Schedules hand back the same list for every run day: its gaps inside the day are worked out once.
  const withinDay = new WeakMap<readonly number[], number>();
  let last: number | undefined;
  let gap: number | undefined;
  for (let day = 0; day < WALK_DAYS; day++) {
    const minutes = minutesOn(new Date(start + day * 86_400_000));
    if (minutes.length === 0) continue;
    if (last !== undefined) gap = Math.max(gap ?? 0, day * 1440 + minutes[0] - last);
    if (minutes.length > 1) {
      let inner = withinDay.get(minutes);
      if (inner === undefined) {
        inner = minutes.reduce((g, m, i) => (i === 0 ? g : Math.max(g, m - minutes[i - 1])), 0);
        withinDay.set(minutes, inner);
      }
      gap = Math.max(gap ?? 0, inner);
    }
    last = day * 1440 + minutes[minutes.length - 1];
  }
  return gap;
}

/** Every minute of the day the hour and minute values match, ascending. */
export function minutesOfDay(hours: ReadonlySet<number>, minutes: ReadonlySet<number>): number[] {
  return [...hours].flatMap((h) => [...minutes].map((m) => h * 60 + m)).sort((a, b) => a - b);
}
