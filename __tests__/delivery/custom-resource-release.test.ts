import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { CustomResourceRelease, MAX_RELEASE_VALUES_BYTES } from '../../lib/delivery/custom-resource-release';
import { ValidationError } from '../../lib/core/validation';
import { releaseObjects, synthJson, testStack } from '../helpers/synth';

const topic = (name: string) => ({ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name, namespace: 'kafka' }, spec: { partitions: 3 } });

describe('CustomResourceRelease', () => {
  test('renders its objects into one helm_release of the bundled chart, sorted by kind and name', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'topics', { releaseName: 'orders-topics', namespace: 'kafka' });
    release.add(topic('zeta'), 'team/zeta');
    release.add(topic('alpha'), 'team/alpha');
    const json = synthJson(stack);
    expect(Testing.synth(stack)).toHaveResourceWithProperties({ tfResourceType: 'helm_release' }, { name: 'orders-topics', namespace: 'kafka', wait: false });
    const objects = releaseObjects(json).get('orders-topics')!;
    expect(objects.map((o) => o.metadata.name)).toEqual(['alpha', 'zeta']);
    const chart = String(Object.values(json.resource!.helm_release)[0].chart);
    expect(chart).toMatch(/^assets\/kafka-platform-resources-chart\/[0-9A-F]+$/);
  });

  test('keepOnRemoval adds the Helm keep policy', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'r', { releaseName: 'r', namespace: 'kafka' });
    release.add(topic('a'), 'x', { keepOnRemoval: true });
    release.add(topic('b'), 'x');
    const [a, b] = releaseObjects(synthJson(stack)).get('r')!;
    expect(a.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(b.metadata.annotations).toBeUndefined();
  });

  test('a second object of the same kind and name names both owners', () => {
    const release = new CustomResourceRelease(testStack(), 'r', { releaseName: 'r', namespace: 'kafka' });
    release.add(topic('orders'), 'stack/team-a/orders');
    expect(() => release.add(topic('orders'), 'stack/team-b/orders')).toThrow(
      /stack\/team-b\/orders: metadata.name = "orders": a KafkaTopic name not already declared by stack\/team-a\/orders/,
    );
  });

  test('invalid release names fail with the construct path', () => {
    expect(() => new CustomResourceRelease(testStack(), 'r', { releaseName: 'Orders_Topics', namespace: 'kafka' })).toThrow(ValidationError);
  });

  test('values over the Helm size budget fail synth with advice to split', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'big', { releaseName: 'big', namespace: 'kafka' });
    const padding = 'x'.repeat(1000);
    for (let i = 0; i * 1000 < MAX_RELEASE_VALUES_BYTES; i++) release.add({ ...topic(`t${i}`), spec: { config: { padding } } }, 'x');
    expect(() => Testing.synth(stack, true)).toThrow(/over the 921600-byte budget .* split its objects over more releases/);
  });

  test('objects added after construction are still rendered (values are lazy)', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'r', { releaseName: 'r', namespace: 'kafka' });
    synthJson(stack);
    release.add(topic('late'), 'x');
    const values = parse(String((Object.values(synthJson(stack).resource!.helm_release)[0].values as string[])[0]));
    expect(values.resources.map((o: { metadata: { name: string } }) => o.metadata.name)).toEqual(['late']);
  });

  test('CustomResourceRelease.of finds the nearest enclosing release', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'r', { releaseName: 'r', namespace: 'kafka' });
    const child = new (require('constructs').Construct)(release, 'child');
    expect(CustomResourceRelease.of(child)).toBe(release);
    expect(CustomResourceRelease.of(stack)).toBeUndefined();
  });

  test('preventDestroy sets the Terraform lifecycle guard', () => {
    const stack = testStack();
    new CustomResourceRelease(stack, 'r', { releaseName: 'r', namespace: 'kafka', preventDestroy: true });
    expect(Object.values(synthJson(stack).resource!.helm_release)[0].lifecycle).toEqual({ prevent_destroy: true });
  });
});
