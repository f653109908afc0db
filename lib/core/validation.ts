/**
 * Validation that reports every problem of a construct at once, in the form
 * `<construct path>: <field> = <value>: <what is allowed>`.
 */

/** One problem with one input value. */
export interface ValidationIssue {
  /** Construct path (or other location) of the input. */
  readonly path: string;
  /** Dotted name of the field, e.g. `config.min.insync.replicas`. */
  readonly field: string;
  /** The rejected value. */
  readonly value: unknown;
  /** What would be accepted, in words. */
  readonly allowed: string;
}

/** Thrown at synth when inputs are invalid; carries every issue found. */
export class ValidationError extends Error {
  public readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(ValidationError.format(issues));
    this.name = 'ValidationError';
    this.issues = issues;
  }

  private static format(issues: readonly ValidationIssue[]): string {
    const lines = issues.map((i) => `  - ${i.path}: ${i.field} = ${describeValue(i.value)}: ${i.allowed}`);
    const noun = issues.length === 1 ? 'invalid input' : `${issues.length} invalid inputs`;
    return `${noun}\n${lines.join('\n')}`;
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}

/** Collects issues for one location; `throwIfAny()` raises them together. */
export class Validator {
  private readonly found: ValidationIssue[] = [];

  constructor(public readonly path: string) {}

  /** Records an issue unless `ok` holds. Returns `ok` so callers can skip dependent checks. */
  check(ok: boolean, field: string, value: unknown, allowed: string): boolean {
    if (!ok) this.found.push({ path: this.path, field, value, allowed });
    return ok;
  }

  fail(field: string, value: unknown, allowed: string): void {
    this.found.push({ path: this.path, field, value, allowed });
  }

  /** Checks a whole number within [min, max]. */
  integer(field: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
    if (value === undefined) return true;
    return this.check(
      Number.isInteger(value) && value >= min && value <= max,
      field,
      value,
      max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`,
    );
  }

  /** Reports values that appear more than once. */
  unique(field: string, values: readonly string[]): void {
    const seen = new Set<string>();
    for (const v of values) {
      this.check(!seen.has(v), field, v, 'each name only once (duplicate)');
      seen.add(v);
    }
  }

  merge(issues: readonly ValidationIssue[]): void {
    this.found.push(...issues);
  }

  get issues(): readonly ValidationIssue[] {
    return this.found;
  }

  throwIfAny(): void {
    if (this.found.length > 0) throw new ValidationError(this.found);
  }
}
