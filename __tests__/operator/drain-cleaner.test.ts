import 'cdktf/lib/testing/adapters/jest';
import { parse } from 'yaml';
import { DrainCleaner } from '../../lib/operator/drain-cleaner';
import { prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { Testing } from 'cdktf';
import { resourcesOfType, synthJson, testStack } from '../helpers/synth';

describe('DrainCleaner', () => {
  test('installs the pinned chart from the operator\'s OCI registry, in its own namespace, without a second namespace object', () => {
    const stack = testStack();
    new DrainCleaner(stack, 'dc');
    const [release] = Object.values(resourcesOfType(synthJson(stack), 'helm_release'));
    expect(release).toMatchObject({
      repository: 'oci://quay.io/strimzi-helm',
      chart: 'strimzi-drain-cleaner',
      version: '1.6.0',
      namespace: 'strimzi-drain-cleaner',
      create_namespace: true,
    });
    const values = parse((release.values as string[])[0]);
    // The chart would create the namespace too and collide with the release's.
    expect(values.namespace).toEqual({ create: false, name: 'strimzi-drain-cleaner' });
    expect(values).toMatchObject({ replicaCount: 2, certManager: { create: true }, podDisruptionBudget: { create: true, minAvailable: 1 } });
    expect(values.resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
  });

  test('one replica needs no budget; bad input names the field', () => {
    const stack = testStack();
    new DrainCleaner(stack, 'dc', { replicas: 1, certManager: false });
    const values = parse((Object.values(resourcesOfType(synthJson(stack), 'helm_release'))[0].values as string[])[0]);
    expect(values).toMatchObject({ replicaCount: 1, certManager: { create: false }, podDisruptionBudget: { create: false } });
    expect(() => new DrainCleaner(testStack(), 'dc', { replicas: 0, namespace: 'Bad_NS' })).toThrow(/dc: namespace = "Bad_NS".*\n.*dc: replicas = 0: a whole number from 1 to 5/);
  });

  test('prod installs it with the Kafka budget at maxUnavailable 0, and its priority class before the cluster', () => {
    const json = JSON.parse(Testing.synth(new KafkaPlatformStack(Testing.app(), prod), true));
    const releases = Object.values(resourcesOfType(json, 'helm_release'));
    expect(releases.map((r) => r.chart)).toContain('strimzi-drain-cleaner');
    const cluster = releases.find((r) => r.name === 'kafka-prod-cluster')!;
    const objects = parse((cluster.values as string[])[0]).resources as { kind: string; spec: Record<string, never> }[];
    const kafka = objects.find((o) => o.kind === 'Kafka')!;
    expect(kafka.spec.kafka).toMatchObject({ template: { podDisruptionBudget: { maxUnavailable: 0 } } });
    const [priority] = Object.values(resourcesOfType(json, 'kubernetes_priority_class_v1'));
    expect(priority).toMatchObject({ metadata: { name: 'kafka-platform-critical' }, value: 1000000, global_default: false });
    expect(cluster.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_priority_class_v1\./)]));
  });
});
