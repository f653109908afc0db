import { Testing } from 'cdktf';
import { KafkaUser } from '../../lib/access/kafka-user';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { KafkaClusterAttributes } from '../../lib/cluster/kafka-cluster-ref';
import { Grant } from '../../lib/core/access/grant';
import { AclResources, allow } from '../../lib/core/strimzi/acl';
import { ValidationError } from '../../lib/core/validation';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { GuardrailError } from '../../lib/guardrails/guardrail-error';
import { AcknowledgementConfig } from '../../lib/guardrails/platform-guardrails';
import { GuardrailSummary } from '../../lib/guardrails/summary';
import { TeamGuardrails } from '../../lib/guardrails/team-guardrails';
import { KafkaTopic, KafkaTopicProps } from '../../lib/topics/kafka-topic';
import { testStack } from '../helpers/synth';

interface TeamOptions {
  readonly production?: boolean;
  readonly cluster?: Partial<KafkaClusterAttributes>;
  readonly topics?: readonly (Partial<KafkaTopicProps> & { readonly name: string })[];
  readonly grants?: readonly Grant[];
  readonly externalTopics?: readonly string[];
  readonly acknowledgements?: readonly AcknowledgementConfig[];
}

/** A product team's stack: a referenced cluster, its release, topics and one user, then the guardrails. */
function teamStack(o: TeamOptions = {}) {
  const production = o.production ?? true;
  const stack = testStack('checkout-prod');
  const cluster = KafkaCluster.fromClusterAttributes(stack, 'platform-kafka', { clusterName: 'kafka-prod', namespace: 'kafka', brokerCount: 6, ...o.cluster });
  const release = new CustomResourceRelease(stack, 'checkout', { releaseName: 'checkout-kafka', namespace: 'kafka' });
  const topics = (o.topics ?? [{ name: 'checkout.cart-events.v1' }]).map((t) => new KafkaTopic(release, t.name, { cluster, production, partitions: 3, ...t }));
  const user = new KafkaUser(release, 'checkout-service', { cluster, production, name: 'checkout-service', grants: o.grants ?? [Grant.produce('checkout.cart-events.v1')] });
  new TeamGuardrails(stack, 'guardrails', { production, externalTopics: o.externalTopics, acknowledgements: o.acknowledgements });
  return { stack, topics, user };
}

const synth = (stack: ReturnType<typeof testStack>) => JSON.parse(Testing.synth(stack, true));

function refusal(stack: ReturnType<typeof testStack>): ValidationError {
  try {
    synth(stack);
  } catch (err) {
    return err as ValidationError;
  }
  throw new Error('synth was not refused');
}

/** The issue's bad production topic. */
const badTopic = { name: 'checkout.audit.v1', replicas: 2, minInsyncReplicas: 1, config: { 'unclean.leader.election.enable': true }, deletionProtection: false };

describe('TeamGuardrails', () => {
  test('a well-declared production team stack synthesizes and records the team rules in its summary', () => {
    const json = synth(teamStack().stack);
    const summary: GuardrailSummary = json.locals.kafka_platform;
    expect(summary).toMatchObject({ environment: 'checkout-prod', production: true, acknowledgements: [] });
    expect(summary.enforcedRules).toEqual(['KP-PROD-REPLICATION', 'KP-PROD-MIN-ISR', 'KP-PROD-UNCLEAN-ELECTION', 'KP-PROD-DELETION-PROTECTION', 'KP-ACCESS-WILDCARD', 'KP-ACCESS-ADMIN']);
  });

  test("a bad production topic is refused with every finding, worded in the team's props", () => {
    const err = refusal(teamStack({ topics: [badTopic], grants: [] }).stack);
    expect(err).toBeInstanceOf(GuardrailError);
    expect((err as GuardrailError).violations.map((v) => `${v.rule.id} ${v.owner}: ${v.subject}`)).toEqual([
      'KP-PROD-REPLICATION checkout-prod/checkout/checkout.audit.v1: topic "checkout.audit.v1" replicas',
      'KP-PROD-MIN-ISR checkout-prod/checkout/checkout.audit.v1: topic "checkout.audit.v1" minInsyncReplicas',
      'KP-PROD-UNCLEAN-ELECTION checkout-prod/checkout/checkout.audit.v1: topic "checkout.audit.v1" config.unclean.leader.election.enable',
      'KP-PROD-DELETION-PROTECTION checkout-prod/checkout/checkout.audit.v1: topic "checkout.audit.v1" deletionProtection',
    ]);
    expect(err.message).toContain("fix: set the topic's `replicas` to 3 or more");
    expect(err.message).toContain("fix: remove 'unclean.leader.election.enable' from the topic's `config`");
    // Nothing a team cannot change.
    expect(err.message).not.toMatch(/brokerDefaults|superUsers|NodeTopology/);
  });

  test('the same topic outside production synthesizes', () => {
    expect(() => synth(teamStack({ production: false, topics: [badTopic], grants: [] }).stack)).not.toThrow();
  });

  test('acknowledgements work as on the platform: in code on a construct, or configured by path', () => {
    const { stack, topics } = teamStack({
      topics: [badTopic],
      grants: [],
      acknowledgements: [
        { ruleId: 'KP-PROD-DELETION-PROTECTION', path: 'checkout/checkout.audit.v1', reason: 'scratch topic, recreated by the audit job' },
        { ruleId: 'KP-PROD-UNCLEAN-ELECTION', path: 'checkout', reason: 'availability over durability for audit sampling' },
      ],
    });
    Acknowledgements.add(topics[0], 'KP-PROD-REPLICATION', 'two replicas until the cluster grows');
    expect((refusal(stack) as GuardrailError).violations.map((v) => v.rule.id)).toEqual(['KP-PROD-MIN-ISR']);
    Acknowledgements.add(topics[0], 'KP-PROD-MIN-ISR', 'two replicas until the cluster grows');
    const summary: GuardrailSummary = synth(stack).locals.kafka_platform;
    expect(summary.acknowledgements.map((a) => `${a.ruleId} ${a.path} ${a.covers.length}`)).toEqual([
      'KP-PROD-UNCLEAN-ELECTION checkout-prod/checkout 1',
      'KP-PROD-DELETION-PROTECTION checkout-prod/checkout/checkout.audit.v1 1',
      'KP-PROD-REPLICATION checkout-prod/checkout/checkout.audit.v1 1',
      'KP-PROD-MIN-ISR checkout-prod/checkout/checkout.audit.v1 1',
    ]);
  });

  test('a configured acknowledgement must name a team or production rule', () => {
    expect(() => teamStack({ acknowledgements: [{ ruleId: 'KP-PROD-TYPO', path: 'checkout', reason: 'a long enough reason' }] })).toThrow(
      /checkout-prod\/guardrails\/rules: acknowledgements\[0\]\.ruleId = "KP-PROD-TYPO": one of .*KP-PROD-DELETION-PROTECTION/,
    );
  });

  test('admin grants are refused as administration (not once per wildcard); acknowledged, they pass', () => {
    const { stack, user } = teamStack({ grants: [Grant.produce('checkout.cart-events.v1'), Grant.admin()] });
    const err = refusal(stack) as GuardrailError;
    expect(err.violations.map((v) => `${v.rule.id} ${v.owner} ${JSON.stringify(v.value)}`)).toEqual(['KP-ACCESS-ADMIN checkout-prod/checkout/checkout-service "cluster [All]"']);
    Acknowledgements.add(user, 'KP-ACCESS-ADMIN', 'break-glass user of the checkout on-call, reviewed quarterly');
    expect(() => synth(stack)).not.toThrow();
  });

  test("a wildcard grant on a user declared outside production is caught by the stack's guardrails", () => {
    const stack = testStack('checkout-prod');
    const cluster = KafkaCluster.fromClusterAttributes(stack, 'platform-kafka', { clusterName: 'kafka-prod', namespace: 'kafka', brokerCount: 6 });
    const release = new CustomResourceRelease(stack, 'checkout', { releaseName: 'checkout-kafka', namespace: 'kafka' });
    new KafkaUser(release, 'reader', { cluster, name: 'reader', grants: [Grant.custom('read groups', [allow(AclResources.group('*'), ['Read'])])] });
    new TeamGuardrails(stack, 'guardrails', { production: true });
    expect((refusal(stack) as GuardrailError).violations.map((v) => `${v.rule.id} ${v.subject} ${JSON.stringify(v.value)}`)).toEqual([
      'KP-ACCESS-WILDCARD user "reader" grants "group:*"',
    ]);
  });
});

describe('TeamGuardrails bad input', () => {
  test('a referenced cluster without brokerCount is refused, in every environment', () => {
    for (const production of [true, false]) {
      const err = refusal(teamStack({ production, cluster: { brokerCount: undefined } }).stack);
      expect(err.message).toContain('checkout-prod/platform-kafka: brokerCount = undefined: the number of brokers of cluster "kafka-prod" (ask the platform team)');
    }
  });

  test("a topic's replication above the referenced cluster's brokers is refused with path, field, value and bound", () => {
    expect(() => teamStack({ production: false, cluster: { brokerCount: 1 } })).toThrow(
      'checkout-prod/checkout/checkout.cart-events.v1: replicas = 3: at most the number of brokers of cluster "kafka-prod" (1)',
    );
  });

  test('grants on topics the stack neither declares nor lists as external are refused, all at once', () => {
    const grants = [
      Grant.produce('checkout.cart-events.v1'),
      Grant.consume(['orders.order-placed.v1', 'payments.settled.v1'], { group: 'checkout' }),
      Grant.consume('billing.*', { group: 'checkout-billing' }),
    ];
    const err = refusal(teamStack({ production: false, grants }).stack);
    expect(err).not.toBeInstanceOf(GuardrailError);
    expect(err.issues.map((i) => `${i.path}: ${i.field} = ${i.value}`)).toEqual([
      'checkout-prod/checkout/checkout-service: grants[1] (consume orders.order-placed.v1, payments.settled.v1 in group checkout) = topic:orders.order-placed.v1',
      'checkout-prod/checkout/checkout-service: grants[1] (consume orders.order-placed.v1, payments.settled.v1 in group checkout) = topic:payments.settled.v1',
      'checkout-prod/checkout/checkout-service: grants[2] (consume billing.* in group checkout-billing) = topic:billing.*',
    ]);
    expect(err.issues[0].allowed).toBe("a topic this stack declares (checkout.cart-events.v1), or one listed as another team's in TeamGuardrails externalTopics");
    // Listed by name, or covered by a listed prefix.
    expect(() => synth(teamStack({ production: false, grants, externalTopics: ['orders.order-placed.v1', 'payments.*', 'billing.*'] }).stack)).not.toThrow();
  });

  test("a Streams application's internal topics and prefixes over the team's own topics need no listing", () => {
    const grants = [
      Grant.streams({ applicationId: 'checkout-enricher', inputTopics: 'checkout.cart-events.v1', outputTopics: 'checkout.*' }),
    ];
    expect(() => synth(teamStack({ grants }).stack)).not.toThrow();
  });

  test('raw ACLs on undeclared topics are refused under `acls`', () => {
    const stack = testStack('checkout-prod');
    const cluster = KafkaCluster.fromClusterAttributes(stack, 'platform-kafka', { clusterName: 'kafka-prod', namespace: 'kafka', brokerCount: 3 });
    const release = new CustomResourceRelease(stack, 'checkout', { releaseName: 'checkout-kafka', namespace: 'kafka' });
    new KafkaUser(release, 'auditor', { cluster, name: 'auditor', acls: [allow(AclResources.topic('payments.settled.v1'), ['Describe'])] });
    new TeamGuardrails(stack, 'guardrails', { production: false });
    expect(() => synth(stack)).toThrow('checkout-prod/checkout/auditor: acls = "topic:payments.settled.v1": a topic this stack declares, or one listed');
  });

  test('externalTopics entries must be names', () => {
    const stack = testStack('checkout-prod');
    expect(() => new TeamGuardrails(stack, 'guardrails', { production: false, externalTopics: [''] })).toThrow('checkout-prod/guardrails: externalTopics[0] = "": a topic name, or a prefix ending in *');
  });
});
