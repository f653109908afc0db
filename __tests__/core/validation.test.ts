import { Construct } from 'constructs';
import { describeValue, fieldKey, uniqueChildId, ValidationError, Validator } from '../../lib/core/validation';

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

describe('describeValue prints values as written', () => {
  test.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-0, '-0'],
    [undefined, 'undefined'],
    [null, 'null'],
    ['x', '"x"'],
    [[1, undefined, NaN], '[1,undefined,NaN]'],
    [{ a: undefined }, '{"a":undefined}'],
    [[], '[]'],
  ])('%p → %s', (value, text) => expect(describeValue(value)).toBe(text));

  test('class instances show their class; long values are cut', () => {
    class Listener {
      name = 'tls';
    }
    expect(describeValue(new Listener())).toBe('Listener {"name":"tls"}');
    expect(describeValue('x'.repeat(200))).toHaveLength(120);
  });
});

describe('fieldKey', () => {
  test('identifiers are dotted, other keys bracketed as the user writes them', () => {
    expect(fieldKey('labels', 'team')).toBe('labels.team');
    expect(fieldKey('config', 'min.insync.replicas')).toBe("config['min.insync.replicas']");
    expect(fieldKey('', 'name')).toBe('name');
  });
});

describe('uniqueChildId', () => {
  test('names what already holds the id instead of the generic constructs error', () => {
    const scope = new Construct(undefined as never, 'root');
    new Construct(scope, 'cluster');
    expect(uniqueChildId(scope, 'topics', 'KafkaTopology')).toBe('topics');
    expect(() => uniqueChildId(scope, 'cluster', 'KafkaCluster')).toThrow('root: id = "cluster": an id not already used by Construct root/cluster (two KafkaClusters cannot share one)');
    expect(() => uniqueChildId(scope, '', 'KafkaCluster')).toThrow(ValidationError);
  });
});
