import { fieldKey, ValidationError, Validator } from './validation';

/**
 * Shape checks for public inputs: presence, type, array vs object, enumerations. They run before any
 * code reads an input, so a JavaScript caller or a configuration read from JSON/YAML gets the
 * library's message (`<path>: <field> = <value>: <what is allowed>`) instead of a TypeError.
 *
 * Hand-written rather than a schema library: the rules are few, messages must name the user's own
 * field path and print values as written, and the core stays free of runtime dependencies.
 * Shapes describe only what the code needs to read safely; value rules (ranges, names, versions)
 * stay in the domain validators, which run once the shape holds.
 */
export interface Shape {
  /** What is allowed, in words (used in messages, e.g. "a string"). */
  readonly describe: string;
  /** Records issues for `value` at `field`; true when the value can be read as this shape. */
  check(v: Validator, field: string, value: unknown): boolean;
}

function shape(describe: string, ok: (value: unknown) => boolean): Shape {
  return {
    describe,
    check(v, field, value) {
      if (ok(value)) return true;
      v.fail(label(field), value, describe);
      return false;
    },
  };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The field as printed; the whole input when the path is empty. */
function label(field: string): string {
  return field === '' ? 'props' : field;
}

function join(field: string, index: number): string {
  return `${label(field)}[${index}]`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A field that may be left out (`undefined`); `null` is not "left out". */
export interface OptionalShape extends Shape {
  readonly optional: true;
}

export const S = {
  /** A string; empty strings are refused unless `allowEmpty`. */
  string(options: { readonly allowEmpty?: boolean; readonly describe?: string } = {}): Shape {
    return shape(options.describe ?? (options.allowEmpty ? 'a string' : 'a non-empty string'), (x) => typeof x === 'string' && (options.allowEmpty || x.length > 0));
  },

  /** Any number, NaN included: the value rules that follow report NaN as written. Refuses numeric strings. */
  numeric(describe = 'a number'): Shape {
    return shape(describe, (x) => typeof x === 'number');
  },

  /** Any value passing `ok`, e.g. an object implementing an interface. */
  where(describe: string, ok: (value: unknown) => boolean): Shape {
    return shape(describe, ok);
  },

  /** A finite number (not NaN, not Infinity, not a numeric string). */
  number(describe = 'a finite number'): Shape {
    return shape(describe, (x) => typeof x === 'number' && Number.isFinite(x));
  },

  /** A whole number in [min, max]. */
  integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Shape {
    const describe =
      max === Number.MAX_SAFE_INTEGER ? (min === Number.MIN_SAFE_INTEGER ? 'a whole number' : `a whole number >= ${min}`) : `a whole number from ${min} to ${max}`;
    return shape(describe, (x) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max);
  },

  boolean(): Shape {
    return shape('true or false', (x) => typeof x === 'boolean');
  },

  /** One of a fixed list of values. */
  oneOf<T>(values: readonly T[]): Shape {
    return shape(`one of ${values.map((x) => (typeof x === 'string' ? `"${x}"` : String(x))).join(', ')}`, (x) => values.includes(x as T));
  },

  /** An instance of a class the library creates with static factories (e.g. `Storage.persistentClaim(...)`). */
  instance(type: { readonly prototype: object }, describe: string): Shape {
    return shape(describe, (x) => typeof x === 'object' && x !== null && type.prototype.isPrototypeOf(x));
  },

  /** An array whose items each have `item`'s shape. */
  array(item: Shape, options: { readonly minLength?: number; readonly describe?: string } = {}): Shape {
    const min = options.minLength ?? 0;
    const describe = options.describe ?? `${min > 0 ? 'a non-empty array' : 'an array'} (each item ${item.describe})`;
    return {
      describe,
      check(v, field, value) {
        if (!v.check(Array.isArray(value) && value.length >= min, label(field), value, describe)) return false;
        let ok = true;
        (value as unknown[]).forEach((x, i) => {
          ok = item.check(v, join(field, i), x) && ok;
        });
        return ok;
      },
    };
  },

  /** A plain object used as a map; every value has `value`'s shape. */
  record(value: Shape, describe = `an object (each value ${value.describe})`): Shape {
    return {
      describe,
      check(v, field, x) {
        if (!v.check(isPlainObject(x), label(field), x, describe)) return false;
        let ok = true;
        for (const [k, item] of Object.entries(x as Record<string, unknown>)) ok = value.check(v, fieldKey(field, k), item) && ok;
        return ok;
      },
    };
  },

  /**
   * A plain object with known fields. Fields not listed are not checked (other props may be added by
   * other modules); listed fields are required unless wrapped in `S.optional`.
   */
  object(fields: Readonly<Record<string, Shape>>, describe?: string): Shape {
    const required = Object.entries(fields).filter(([, s]) => !(s as Partial<OptionalShape>).optional).map(([k]) => k);
    const text = describe ?? (required.length > 0 ? `an object with ${required.join(', ')}` : 'an object');
    // Checked for every topic and user of large estates: entries and key syntax are worked out once.
    const entries = Object.entries(fields).map(([k, s]) => ({ k, s, identifier: IDENTIFIER.test(k) }));
    return {
      describe: text,
      check(v, field, x) {
        if (!isPlainObject(x)) {
          v.fail(label(field), x, text);
          return false;
        }
        let ok = true;
        for (const { k, s, identifier } of entries) {
          const value = (x as Record<string, unknown>)[k];
          // Optional fields left out need no path at all.
          if (value === undefined && (s as Partial<OptionalShape>).optional) continue;
          ok = s.check(v, identifier ? (field ? `${field}.${k}` : k) : fieldKey(field, k), value) && ok;
        }
        return ok;
      },
    };
  },

  /** `undefined` or `inner`. */
  optional(inner: Shape): OptionalShape {
    return { optional: true, describe: inner.describe, check: (v, field, x) => x === undefined || inner.check(v, field, x) };
  },

  /** The first alternative whose `when` holds decides; otherwise one issue saying what is allowed. */
  either(alternatives: readonly { readonly when: (x: unknown) => boolean; readonly shape: Shape }[], describe = alternatives.map((a) => a.shape.describe).join(', or ')): Shape {
    return {
      describe,
      check(v, field, x) {
        const match = alternatives.find((a) => a.when(x));
        return match ? match.shape.check(v, field, x) : v.check(false, label(field), x, describe);
      },
    };
  },

  /** Kafka/Strimzi config maps: string, number or boolean values (Strimzi rejects arrays, objects and null). */
  configMap(): Shape {
    return S.record(
      shape('a string, a finite number or true/false (Strimzi accepts no lists, objects or null)', (x) =>
        typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)),
      ),
      'an object of config keys to strings, numbers or booleans',
    );
  },

  /** Labels or selectors: string values. */
  stringMap(): Shape {
    return S.record(S.string({ allowEmpty: true }), 'an object of strings');
  },
};

/** Checks `value` against `s`; true when it can be read safely. Issues go to `v`. */
export function checkShape(v: Validator, value: unknown, s: Shape, field = ''): boolean {
  return s.check(v, field, value);
}

/**
 * Checks an argument of a static factory and throws its problems, located at the factory (it has no
 * construct path yet), e.g. `Storage.jbod: volumes[1].size = undefined: ...`.
 */
export function refuseBadShape(location: string, field: string, value: unknown, s: Shape): void {
  const v = new Validator(location);
  if (!s.check(v, field, value)) throw new ValidationError(v.issues);
}

/** A Kafka cluster reference (`KafkaCluster` or `KafkaCluster.fromClusterAttributes(...)`). */
export const CLUSTER_REF_SHAPE = S.where(
  'a Kafka cluster (a KafkaCluster, or KafkaCluster.fromClusterAttributes(...))',
  (x) =>
    isPlainObjectOrInstance(x) &&
    typeof (x as { clusterName?: unknown }).clusterName === 'string' &&
    typeof (x as { namespace?: unknown }).namespace === 'string' &&
    typeof (x as { bootstrapServers?: unknown }).bootstrapServers === 'function',
);

function isPlainObjectOrInstance(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks a construct's props and throws every shape problem, located at the construct's path. */
export function refuseBadShapeAt(path: string, props: unknown, s: Shape): void {
  refuseBadShape(path, '', props, s);
}

/**
 * Checks `value` against an object shape and returns what can still be validated: the value itself when
 * its shape holds, the value without its wrongly shaped top-level fields when none of `required` is among
 * them (so value rules still run on the rest and every problem is reported at once), else undefined.
 */
export function validPart<T extends object>(v: Validator, value: T, s: Shape, required: readonly string[], field = ''): T | undefined {
  const before = v.issues.length;
  if (s.check(v, field, value)) return value;
  if (!isPlainObject(value)) return undefined;
  const prefix = field === '' ? '' : `${field}.`;
  const bad = new Set(
    v.issues.slice(before).map((i) => {
      const rest = field !== '' && i.field.startsWith(prefix) ? i.field.slice(prefix.length) : i.field;
      return /^[^.[]*/.exec(rest)![0];
    }),
  );
  if (bad.has('props') || bad.has('') || required.some((k) => bad.has(k))) return undefined;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !bad.has(k))) as T;
}
