/**
 * Quartz cron expressions, as Strimzi reads `maintenanceTimeWindows`: 6 or 7 fields
 * `second minute hour day-of-month month day-of-week [year]`, exactly one of the day fields `?`.
 * Strimzi only reports a bad window in the Kafka resource's status, after the apply; checked here instead.
 */

interface QuartzField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Special forms allowed besides values, ranges, lists and steps. */
  readonly special?: RegExp;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly QuartzField[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  // `?`, last day `L`, `L-3`, nearest weekday `15W`, `LW`.
  { name: 'day of month', min: 1, max: 31, special: /^(\?|L(-([1-9]|[12]\d|30))?|LW|([1-9]|[12]\d|3[01])W)$/ },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // Quartz numbers days 1-7 with Sunday as 1; `?`, last `6L`, nth `6#3`.
  { name: 'day of week', min: 1, max: 7, names: DAYS, special: /^(\?|L|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5]))$/i },
  { name: 'year', min: 1970, max: 2099 },
];

export const QUARTZ_RULE = 'a Quartz cron expression "second minute hour day-of-month month day-of-week [year]" with one day field "?", e.g. "* * 2-4 ? * SUN"';

function parseValue(text: string, field: QuartzField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + field.min : undefined;
}

function fieldProblem(text: string, field: QuartzField): string | undefined {
  if (field.special?.test(text)) return undefined;
  for (const part of text.split(',')) {
    const [range, step, ...extra] = part.split('/');
    if (extra.length > 0 || range === '') return `"${part}" is not a value, range or step`;
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1 && Number(step) <= field.max)) return `step "${step}" must be from 1 to ${field.max}`;
    if (range === '*') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `"${range}" is not a value or range`;
    for (const b of bounds) {
      const n = parseValue(b, field);
      if (n === undefined || n < field.min || n > field.max) {
        return `"${b}" is outside ${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : ''}`;
      }
    }
  }
  return undefined;
}

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
