import { diffFields, elementKey } from '../../lib/review/field-diff';

describe('diffFields', () => {
  test('equal values have no changes, whatever the key order', () => {
    expect(diffFields({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  test('scalars report before and after; dotted config keys are bracketed', () => {
    expect(diffFields({ spec: { partitions: 6, config: { 'retention.ms': 1 } } }, { spec: { partitions: 12, config: {} } })).toEqual([
      { path: 'spec.config[retention.ms]', before: 1, after: undefined },
      { path: 'spec.partitions', before: 6, after: 12 },
    ]);
  });

  test('ACLs are matched by resource, and operations report what was added and removed', () => {
    const acl = (ops: string[], name = 'orders') => ({ resource: { type: 'topic', name, patternType: 'literal' }, operations: ops });
    expect(diffFields({ acls: [acl(['Read', 'Describe']), acl(['Write'], 'x')] }, { acls: [acl(['Write'], 'x'), acl(['Describe', 'Write'])] })).toEqual([
      { path: 'acls[topic:orders].operations', added: ['Write'], removed: ['Read'] },
    ]);
  });

  test('named elements (listeners, alert rules) are matched by name even when reordered, and added or removed whole', () => {
    const before = { groups: [{ name: 'kafka', rules: [{ alert: 'A', expr: 'x > 1' }, { alert: 'B', expr: 'y' }] }] };
    const after = { groups: [{ name: 'kafka', rules: [{ alert: 'C', expr: 'z' }, { alert: 'A', expr: 'x > 5' }] }] };
    expect(diffFields(before, after)).toEqual([
      { path: 'groups[kafka].rules[A].expr', before: 'x > 1', after: 'x > 5' },
      { path: 'groups[kafka].rules[B]', before: { alert: 'B', expr: 'y' } },
      { path: 'groups[kafka].rules[C]', after: { alert: 'C', expr: 'z' } },
    ]);
  });

  test('lists without identity compare by position', () => {
    expect(diffFields([{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 3 }])).toEqual([{ path: '[1].a', before: 2, after: 3 }]);
  });
});

describe('elementKey', () => {
  test('alert rules are keyed by alert name and severity, so warning and critical rules of one alert are told apart', () => {
    const rule = (severity: string, threshold: number) => ({ alert: 'KafkaDiskAlmostFull', expr: `used > ${threshold}`, labels: { severity } });
    expect(elementKey(rule('warning', 85))).toBe('KafkaDiskAlmostFull warning');
    expect(diffFields({ rules: [rule('warning', 85), rule('critical', 90)] }, { rules: [rule('critical', 95), rule('warning', 80)] })).toEqual([
      { path: 'rules[KafkaDiskAlmostFull warning].expr', before: 'used > 85', after: 'used > 80' },
      { path: 'rules[KafkaDiskAlmostFull critical].expr', before: 'used > 90', after: 'used > 95' },
    ]);
    expect(elementKey({ alert: 'A', expr: 'x' })).toBe('A');
  });
});
