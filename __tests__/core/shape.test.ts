import { checkShape, isPlainObject, refuseBadShape, S, validPart } from '../../lib/core/shape';
import { ValidationError, Validator } from '../../lib/core/validation';

function issues(value: unknown, shape: Parameters<typeof checkShape>[2]): string[] {
  const v = new Validator('p');
  checkShape(v, value, shape);
  return v.issues.map((i) => `${i.field}: ${i.allowed}`);
}

describe('shapes', () => {
  test('primitives refuse other types, NaN and empty strings where asked', () => {
    expect(issues('', S.string())).toEqual(['props: a non-empty string']);
    expect(issues('', S.string({ allowEmpty: true }))).toEqual([]);
    expect(issues(NaN, S.number())).toEqual(['props: a finite number']);
    expect(issues(NaN, S.numeric())).toEqual([]);
    expect(issues('3', S.numeric())).toEqual(['props: a number']);
    expect(issues(2.5, S.integer(1, 3))).toEqual(['props: a whole number from 1 to 3']);
    expect(issues('true', S.boolean())).toEqual(['props: true or false']);
    expect(issues('LoadBalancer', S.oneOf(['loadbalancer']))).toEqual(['props: one of "loadbalancer"']);
  });

  test('objects report every missing required field with its path; optional fields may be left out', () => {
    const shape = S.object({ name: S.string(), nested: S.object({ size: S.string() }), extra: S.optional(S.boolean()) });
    expect(issues({}, shape)).toEqual(['name: a non-empty string', 'nested: an object with size']);
    expect(issues({ name: 'x', nested: { size: 1 } }, shape)).toEqual(['nested.size: a non-empty string']);
    expect(issues({ name: 'x', nested: { size: '1' }, unknown: 1 }, shape)).toEqual([]);
  });

  test('arrays and objects are not interchangeable', () => {
    expect(issues({ 0: 'a' }, S.array(S.string()))).toEqual(['props: an array (each item a non-empty string)']);
    expect(issues(['a'], S.object({}))).toEqual(['props: an object']);
    expect(issues([], S.array(S.string(), { minLength: 1 }))).toEqual(['props: a non-empty array (each item a non-empty string)']);
    expect(issues(['a', 3], S.array(S.string()))).toEqual(['props[1]: a non-empty string']);
  });

  test('record keys that are not identifiers are printed in brackets', () => {
    expect(issues({ 'min.insync.replicas': [2], ok: 'x' }, S.configMap())).toEqual([
      "['min.insync.replicas']: a string, a finite number or true/false (Strimzi accepts no lists, objects or null)",
    ]);
  });

  test('instances must come from the class, not look like it', () => {
    class Thing {
      static make(): Thing {
        return new Thing();
      }
      private constructor() {}
    }
    expect(issues(Thing.make(), S.instance(Thing, 'a Thing'))).toEqual([]);
    expect(issues({}, S.instance(Thing, 'a Thing'))).toEqual(['props: a Thing']);
  });

  test('either picks the alternative by its test and otherwise says what is allowed', () => {
    const names = S.either([{ when: (x) => typeof x === 'string', shape: S.string() }, { when: Array.isArray, shape: S.array(S.string()) }], 'a name or names');
    expect(issues(['a'], names)).toEqual([]);
    expect(issues([''], names)).toEqual(['props[0]: a non-empty string']);
    expect(issues(3, names)).toEqual(['props: a name or names']);
  });

  test('refuseBadShape throws a ValidationError located at the factory', () => {
    expect(() => refuseBadShape('Grant.consume', 'options', undefined, S.object({ group: S.string() }))).toThrow(ValidationError);
    expect(() => refuseBadShape('Grant.consume', 'options', undefined, S.object({ group: S.string() }))).toThrow('Grant.consume: options = undefined: an object with group');
    expect(() => refuseBadShape('x', 'o', { group: 'g' }, S.object({ group: S.string() }))).not.toThrow();
  });

  test('isPlainObject accepts only plain objects', () => {
    expect([{}, Object.create(null), [], null, new Date(), 'x'].map(isPlainObject)).toEqual([true, true, false, false, false, false]);
  });

  test('validPart leaves out wrongly shaped optional fields, and gives up on required ones', () => {
    const shape = S.object({ name: S.string(), labels: S.optional(S.stringMap()), size: S.optional(S.numeric()) });
    const v = new Validator('p');
    expect(validPart(v, { name: 'x', labels: { a: 1 }, size: 3 }, shape, ['name'])).toEqual({ name: 'x', size: 3 });
    expect(v.issues.map((i) => i.field)).toEqual(['labels.a']);
    expect(validPart(new Validator('p'), { labels: {} }, shape, ['name'])).toBeUndefined();
    expect(validPart(new Validator('p'), 'x' as never, shape, ['name'])).toBeUndefined();
    const nested = new Validator('p');
    expect(validPart(nested, { name: 'x', size: 'big' }, shape, ['name'], 'groups[a].topics[t]')).toEqual({ name: 'x' });
    expect(nested.issues.map((i) => i.field)).toEqual(['groups[a].topics[t].size']);
  });
});
