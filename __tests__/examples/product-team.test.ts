import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { CheckoutKafkaStack } from '../../examples/product-team/stack';
import { PROTECTED_TOPIC_LABEL } from '../../lib/core/strimzi/topic';
import { crdDir, StrimziSchemas } from '../helpers/strimzi-schemas';
import { releaseObjects, resourcesOfType, synthJson } from '../helpers/synth';

function synthExample(production: boolean) {
  const stack = new CheckoutKafkaStack(Testing.app(), 'checkout', { kubeContext: 'kafka-prod', clusterName: 'kafka-prod', brokerCount: 6, production });
  return synthJson(stack);
}

describe('product team example', () => {
  test("synthesizes the team's topic and user into its own release, with none of the platform's objects", () => {
    const json = synthExample(true);
    const releases = releaseObjects(json);
    expect([...releases.keys()]).toEqual(['checkout-kafka', 'checkout-consumer-groups']);
    const objects = releases.get('checkout-kafka')!;
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['KafkaTopic/checkout.cart-events.v1', 'KafkaUser/checkout-service']);
    expect(objects.every((o) => o.metadata.labels?.['strimzi.io/cluster'] === 'kafka-prod' && o.metadata.namespace === 'kafka')).toBe(true);
    // Its consumer group declared to the platform's monitoring, in a release of its own.
    expect(releases.get('checkout-consumer-groups')!.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['PrometheusRule/kafka-prod-consumer-groups-checkout']);
    expect(JSON.stringify(releases.get('checkout-consumer-groups'))).toContain('consumergroup=~\\"checkout-service\\"');
    // Only the team's releases: no namespace, operator or cluster resources.
    expect(Object.keys(json.resource ?? {})).toEqual(['helm_release']);
    expect(Object.keys(resourcesOfType(json, 'helm_release'))).toHaveLength(2);
  });

  test('in production its topic is deletion-protected; elsewhere it is not', () => {
    const topic = (production: boolean) => releaseObjects(synthExample(production)).get('checkout-kafka')![0];
    expect(topic(true).metadata.labels).toHaveProperty([PROTECTED_TOPIC_LABEL], 'true');
    expect(topic(false).metadata.labels).not.toHaveProperty([PROTECTED_TOPIC_LABEL]);
  });

  test("the README's team walk-through is this stack, as a team imports it", () => {
    const repo = path.join(__dirname, '..', '..');
    const name = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).name as string;
    const stack = fs.readFileSync(path.join(repo, 'examples', 'product-team', 'stack.ts'), 'utf8').replace("from '../../lib'", `from '${name}'`);
    expect(fs.readFileSync(path.join(repo, 'README.md'), 'utf8')).toContain('<!-- team-project: src/stack.ts -->\n```ts\n' + stack + '```');
  });

  test('with TeamGuardrails, its prod stack passes the team rules', () => {
    const json = synthExample(true) as { locals?: { kafka_platform?: { production: boolean; enforcedRules: string[] } } };
    expect(json.locals?.kafka_platform).toMatchObject({ production: true, enforcedRules: expect.arrayContaining(['KP-PROD-REPLICATION', 'KP-ACCESS-ADMIN']) });
  });

  const dir = crdDir();
  (dir ? test : test.skip)('its objects conform to the Strimzi CRDs', () => {
    const schemas = new StrimziSchemas(dir!);
    const objects = releaseObjects(synthExample(true)).get('checkout-kafka')!;
    expect(objects.flatMap((o) => schemas.validate(o))).toEqual([]);
  });
});
