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

/**
 * A value as the user wrote it: `NaN`, `Infinity`, `undefined` and `-0` stay themselves (JSON would
 * print `null` or drop them), arrays keep their brackets, class instances show their class.
 */
export function describeValue(value: unknown): string {
  const text = render(value, 0);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function render(value: unknown, depth: number): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (depth > 3) return Array.isArray(value) ? '[...]' : '{...}';
  if (Array.isArray(value)) return `[${value.map((item) => render(item, depth + 1)).join(',')}]`;
  const proto = Object.getPrototypeOf(value);
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${render(v, depth + 1)}`);
  const body = `{${entries.join(',')}}`;
  if (proto === Object.prototype || proto === null) return body;
  const name = (proto?.constructor as { name?: string } | undefined)?.name;
  return name ? `${name} ${body}` : body;
}

/**
 * The path of a key below `field`, as the user would write it: `config['min.insync.replicas']` for
 * keys that are not identifiers, `labels.team` for those that are.
 */
export function fieldKey(field: string, key: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return field ? `${field}.${key}` : key;
  return `${field}[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`;
}

/**
 * A construct id, checked before `super(scope, id)` so that a duplicate is reported by the library
 * (what already uses the id) rather than by the constructs library's generic error.
 */
export function uniqueChildId(
  scope: { readonly node: { readonly path: string; tryFindChild(id: string): unknown } },
  id: string,
  what: string,
): string {
  const issues: ValidationIssue[] = [];
  // The app's root has an empty path; paths are only worked out for an error (constructing many topics).
  const where = () => scope.node.path || 'app';
  if (typeof id !== 'string' || id === '') {
    issues.push({ path: where(), field: 'id', value: id, allowed: `a non-empty construct id for the ${what}` });
  } else {
    const existing = scope.node.tryFindChild(id) as { constructor?: { name?: string }; node?: { path: string } } | undefined;
    if (existing) {
      const path = existing.node?.path ?? `${scope.node.path}/${id}`;
      issues.push({
        path: where(),
        field: 'id',
        value: id,
        allowed: `an id not already used by ${existing.constructor?.name ?? 'a construct'} ${path} (two ${what}s cannot share one)`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return id;
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
