import { ValidationError, Validator } from '../../lib/core/validation';

describe('Validator', () => {
  test('reports every issue with path, field, value and what is allowed', () => {
    const v = new Validator('stack/cluster');
    v.check(false, 'replicas', 0, 'at least 1');
    v.integer('partitions', 2.5, 1);
    expect(() => v.throwIfAny()).toThrow(ValidationError);
    try {
      v.throwIfAny();
    } catch (e) {
      const err = e as ValidationError;
      expect(err.issues).toHaveLength(2);
      expect(err.message).toContain('2 invalid inputs');
      expect(err.message).toContain('stack/cluster: replicas = 0: at least 1');
      expect(err.message).toContain('stack/cluster: partitions = 2.5: a whole number >= 1');
    }
  });

  test('does not throw when all checks pass', () => {
    const v = new Validator('x');
    v.check(true, 'a', 1, 'anything');
    v.integer('b', 3, 1, 5);
    v.unique('names', ['a', 'b']);
    expect(() => v.throwIfAny()).not.toThrow();
  });

  test('unique names each duplicate', () => {
    const v = new Validator('x');
    v.unique('pools', ['a', 'b', 'a']);
    expect(v.issues).toEqual([{ path: 'x', field: 'pools', value: 'a', allowed: 'each name only once (duplicate)' }]);
  });
});
