import { parseStack, readSynthOutput } from '../../lib/review/synth-output';
import { prod, staging } from '../../stacks/environments';
import { synthOutput } from '../helpers/review-fixtures';

describe('readSynthOutput', () => {
  test('opens the library releases into objects keyed by release, kind, namespace and name', () => {
    const stacks = readSynthOutput(synthOutput([staging, prod]));
    expect([...stacks.keys()]).toEqual(['kafka-prod', 'kafka-staging']);
    const p = stacks.get('kafka-prod')!;
    expect([...p.objects.keys()]).toEqual(expect.arrayContaining(['kafka-prod-cluster/Kafka/kafka/kafka-prod', 'kafka-prod-cluster/KafkaNodePool/kafka/brokers']));
    // The release resource is compared without its values (no placeholder); its objects are compared one by one.
    const release = [...p.resources.values()].find((r) => r.config.name === 'kafka-prod-cluster')!;
    expect(release.config.values).toBeUndefined();
    expect(p.releases.get('kafka-prod-cluster')!.values).toMatch(/^resources:\n/);
    expect(p.objectsOfKind('Kafka').map((o) => o.key)).toEqual(['kafka-prod-cluster/Kafka/kafka/kafka-prod']);
    expect([p.production, stacks.get('kafka-staging')!.production]).toEqual([true, false]);
    expect(p.productionBasis).toMatch(/guardrails summary/);
  });

  test('without a guardrails summary, production comes from the Kafka environment label, then the stack name', () => {
    const kafka = (env: string) => ({
      resource: { helm_release: { r: { name: 'c', chart: 'assets/kafka-platform-resources-chart/X', values: [`resources:\n  - {apiVersion: kafka.strimzi.io/v1, kind: Kafka, metadata: {name: k, namespace: n, labels: {kafka-platform/environment: ${env}}}}\n`] } } },
    });
    expect(parseStack('kafka-eu', kafka('prod')).production).toBe(true);
    expect(parseStack('kafka-prod', kafka('dev')).production).toBe(false);
    expect(parseStack('kafka-prod', {}).production).toBe(true);
    expect(parseStack('kafka-products', {}).production).toBe(false);
  });

  test('a folder that is not a synth output is refused', () => {
    expect(() => readSynthOutput('/nonexistent')).toThrow(/not a cdktf synth output/);
  });
});
