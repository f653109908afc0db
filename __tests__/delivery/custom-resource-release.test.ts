import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { createHash, randomBytes } from 'crypto';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { MAX_STORED_RELEASE_BYTES } from '../../lib/delivery/release-storage';
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

  /** Topics as a production topology renders them, with names that compress like real ones (hashes). */
  const prodTopic = (i: number) => {
    const h = createHash('sha256').update(String(i)).digest('hex');
    return {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaTopic',
      metadata: { name: `orders.${h.slice(0, 10)}-${h.slice(10, 16)}.v1`, namespace: 'kafka', labels: { 'kafka-platform/owner': 'orders', 'strimzi.io/cluster': 'kafka-prod' } },
      spec: { partitions: 12, replicas: 3, config: { 'retention.ms': 604800000, 'compression.type': 'zstd' } },
    };
  };

  test('the size guard counts what Helm stores: 12,000 topics (over four times the old values budget) synthesize', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'topics', { releaseName: 'orders-topics', namespace: 'kafka' });
    for (let i = 0; i < 12_000; i++) release.add(prodTopic(i), 'x');
    expect(Buffer.byteLength(release.renderValues())).toBeGreaterThan(4 * 921_600);
    expect(release.estimatedStoredBytes()).toBeLessThan(MAX_STORED_RELEASE_BYTES);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a release Helm could not store fails synth, naming the release, its stored size and the limit', () => {
    const stack = testStack();
    const release = new CustomResourceRelease(stack, 'big', { releaseName: 'big', namespace: 'kafka' });
    // 880 KiB that do not compress: under the old 900 KiB values budget, but values and manifest each carry it.
    release.add({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'blob', namespace: 'kafka' }, data: { blob: randomBytes(660 * 1024).toString('base64') } }, 'x');
    expect(Buffer.byteLength(release.renderValues())).toBeLessThan(900 * 1024);
    expect(() => Testing.synth(stack, true)).toThrow(
      /test\/big: release "big" would be stored by Helm as a Secret of about 18\d{5} bytes \(its values, rendered manifest and chart, gzipped and base64-encoded\), over the budget of 983040 bytes \(Kubernetes' 1048576-byte Secret limit less a 1\/16 margin\); split its 1 objects over more releases/,
    );
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
