import { Validator } from '../../../lib/core/validation';
import { AclResources, AclRule, allow, describeAcl, isWildcard, mergeAcls, toStrimziAcl, validateAcls } from '../../../lib/core/strimzi/acl';

function problems(rules: AclRule[]): string[] {
  const v = new Validator('u');
  validateAcls(v, 'acls', rules);
  return v.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
}

describe('ACL resources', () => {
  test('a trailing * is a prefix, * alone the wildcard, anything else literal', () => {
    expect(AclResources.topic('orders.*')).toEqual({ type: 'topic', name: 'orders.', patternType: 'prefix' });
    expect(AclResources.group('*')).toEqual({ type: 'group', name: '*', patternType: 'literal' });
    expect(AclResources.transactionalId('tx-1')).toEqual({ type: 'transactionalId', name: 'tx-1', patternType: 'literal' });
    expect(isWildcard(allow(AclResources.topic('*'), ['Read']))).toBe(true);
    expect(isWildcard(allow(AclResources.topic('o*'), ['Read']))).toBe(false);
    expect(isWildcard(allow(AclResources.cluster(), ['All']))).toBe(false);
  });

  test('rules render in the Strimzi v1 shape: operations as a list, cluster without a name', () => {
    expect(toStrimziAcl(allow(AclResources.topic('orders.*'), ['Read']))).toEqual({ resource: { type: 'topic', name: 'orders.', patternType: 'prefix' }, operations: ['Read'] });
    expect(toStrimziAcl({ resource: AclResources.cluster(), operations: ['Describe'], host: '10.0.0.1', type: 'deny' })).toEqual({
      resource: { type: 'cluster' },
      operations: ['Describe'],
      host: '10.0.0.1',
      type: 'deny',
    });
    expect(describeAcl(allow(AclResources.topic('orders.*'), ['Read', 'Describe']))).toBe('allow topic:orders.* [Read,Describe]');
  });
});

describe('ACL validation', () => {
  test('an unknown operation is refused with the known ones', () => {
    expect(problems([allow(AclResources.topic('t'), ['Reed' as never])])).toEqual([
      'acls[0].operations = "Reed": one of Read, Write, Create, Delete, Alter, Describe, ClusterAction, AlterConfigs, DescribeConfigs, IdempotentWrite, All',
    ]);
  });

  test('an operation that does not exist on the resource type is refused', () => {
    expect(problems([allow(AclResources.cluster(), ['Read']), allow(AclResources.group('g'), ['Write'])])).toEqual([
      'acls[0].operations = "Read": an operation defined on cluster: Create, Alter, Describe, ClusterAction, AlterConfigs, DescribeConfigs, IdempotentWrite, All',
      'acls[1].operations = "Write": an operation defined on group: Read, Delete, Describe, All',
    ]);
  });

  test('an empty prefix is refused: Kafka rejects empty resource names', () => {
    expect(problems([allow(AclResources.topic('*'), ['Read']), allow({ type: 'topic', name: '', patternType: 'prefix' }, ['Read'])])).toEqual([
      'acls[1].resource.name = "": a non-empty name or prefix (Kafka rejects empty resource names; "*" alone means every resource)',
    ]);
  });

  test('unknown resource types, empty operation lists and bad names are all reported', () => {
    expect(
      problems([
        { resource: { type: 'schema' as never, name: 'x' }, operations: ['Read'] },
        allow(AclResources.topic('bad name'), []),
      ]).map((p) => p.split(' =')[0]),
    ).toEqual(['acls[0].resource.type', 'acls[1].resource.name', 'acls[1].operations']);
  });
});

describe('merging ACLs', () => {
  test('rules on the same resource, pattern and host merge; order of declaration does not matter', () => {
    const a = allow(AclResources.topic('orders'), ['Write', 'Describe']);
    const b = allow(AclResources.topic('orders'), ['Read', 'Describe']);
    const g = allow(AclResources.group('billing'), ['Read']);
    const merged = mergeAcls([a, g, b]);
    expect(merged).toEqual([g, { ...a, operations: ['Read', 'Write', 'Describe'] }]);
    expect(mergeAcls([b, a, g])).toEqual(merged);
  });

  test('a prefix and a literal of the same name, and allow and deny, stay separate; All absorbs other operations', () => {
    const merged = mergeAcls([
      allow(AclResources.topic('orders'), ['Read']),
      allow(AclResources.topic('orders*'), ['Read']),
      { resource: AclResources.topic('orders'), operations: ['Read'], type: 'deny' },
      allow(AclResources.topic('orders'), ['All']),
    ]);
    expect(merged.map(describeAcl)).toEqual(['allow topic:orders [All]', 'allow topic:orders* [Read]', 'deny topic:orders [Read]']);
  });
});
