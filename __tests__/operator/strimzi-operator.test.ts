import 'cdktf/lib/testing/adapters/jest';
import { parse } from 'yaml';
import { StrimziOperator } from '../../lib/operator/strimzi-operator';
import { resourcesOfType, synthJson, testStack } from '../helpers/synth';

describe('StrimziOperator', () => {
  test('installs chart 1.2.0 from the OCI registry into its own namespace, watching the given namespaces', () => {
    const stack = testStack();
    new StrimziOperator(stack, 'op', { watchNamespaces: ['kafka', 'team-a'], featureGates: '+SomeGate' });
    const json = synthJson(stack);
    const [release] = Object.values(resourcesOfType(json, 'helm_release'));
    expect(release).toMatchObject({ repository: 'oci://quay.io/strimzi-helm', chart: 'strimzi-kafka-operator', version: '1.2.0', namespace: 'strimzi-system' });
    const values = parse((release.values as string[])[0]);
    expect(values.watchNamespaces).toEqual(['kafka', 'team-a']);
    expect(values.featureGates).toBe('+SomeGate');
    expect(values.resources.limits.memory).toBe('384Mi');
    expect(Object.values(resourcesOfType(json, 'kubernetes_namespace_v1'))[0]).toMatchObject({ metadata: { name: 'strimzi-system' } });
    expect(release.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_namespace_v1\./)]));
  });

  test('can use an existing namespace', () => {
    const stack = testStack();
    new StrimziOperator(stack, 'op', { watchNamespaces: ['kafka'], namespace: 'operators', createNamespace: false });
    expect(resourcesOfType(synthJson(stack), 'kubernetes_namespace_v1')).toEqual({});
  });

  test('bad input names the field', () => {
    expect(() => new StrimziOperator(testStack(), 'op', { watchNamespaces: [] })).toThrow(/op: watchNamespaces = \[\]: at least one namespace/);
    expect(() => new StrimziOperator(testStack(), 'op', { watchNamespaces: ['a', 'a'] })).toThrow(/duplicate/);
  });
});
