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
import { releaseObjects, synthJson, testStack } from '../helpers/synth';

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
    const { stack } = teamStack({ production: false, cluster: { brokerCount: 1 }, topics: [{ name: 'checkout.cart-events.v1', replicas: 3 }] });
    expect(refusal(stack).message).toContain('checkout-prod/checkout/checkout.cart-events.v1: replicas = 3: at most the number of brokers of cluster "kafka-prod" (1)');
  });

  test('declared defaults the brokers cannot hold are refused at the reference, naming the way out', () => {
    expect(() => teamStack({ production: false, cluster: { brokerCount: 1, defaultReplicationFactor: 3 } })).toThrow(
      "checkout-prod/platform-kafka: defaultReplicationFactor = 3: at most brokerCount (1): a cluster of 1 broker holds at most 1 replicas; leave it unset for the platform's default min(3, brokerCount) = 1",
    );
    expect(() => teamStack({ production: false, cluster: { brokerCount: 3, minInsyncReplicas: 4 } })).toThrow(
      "checkout-prod/platform-kafka: minInsyncReplicas = 4: at most the default replication factor min(3, brokerCount) = 3; leave it unset for the platform's default min(2, replication) = 2",
    );
    expect(() => teamStack({ production: false, cluster: { brokerCount: 3, defaultReplicationFactor: 2, minInsyncReplicas: 3 } })).toThrow(
      'minInsyncReplicas = 3: at most defaultReplicationFactor (2)',
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

/**
 * The issue's team journey against clusters of every size: each message says what to do, and doing it gives a
 * stack that synthesizes (never back to an earlier error).
 */
describe('team defaults follow the referenced cluster; every fix text leads to a stack that synthesizes', () => {
  const fixes = (err: ValidationError) => (err instanceof GuardrailError ? err.violations.map((v) => `${v.rule.id}: ${v.fix ?? v.rule.fix}`) : []);

  test("dev's single broker: topics without replicas get 1 replica and 1 in sync, no error", () => {
    const { stack } = teamStack({ production: false, cluster: { clusterName: 'kafka-dev', brokerCount: 1 }, topics: [{ name: 'checkout.cart-events.v1' }, { name: 'b' }, { name: 'c' }], grants: [] });
    const topics = releaseObjects(synthJson(stack)).get('checkout-kafka')!.filter((o) => o.kind === 'KafkaTopic');
    expect(topics.map((t) => [t.metadata.name, (t.spec as { replicas: number }).replicas, (t.spec as { config?: object }).config])).toEqual([
      ['b', 1, undefined],
      ['c', 1, undefined],
      ['checkout.cart-events.v1', 1, undefined],
    ]);
  });

  test('the same rule as for an owned cluster: min(3, brokers) replicas, min(2, replication) in sync', () => {
    for (const [brokers, rf, minIsr] of [[1, 1, 1], [2, 2, 2], [3, 3, 2], [6, 3, 2]]) {
      const cluster = KafkaCluster.fromClusterAttributes(testStack(), 'c', { clusterName: 'k', namespace: 'kafka', brokerCount: brokers });
      expect([brokers, cluster.defaultReplicationFactor, cluster.minInsyncReplicas]).toEqual([brokers, rf, minIsr]);
    }
    const declared = KafkaCluster.fromClusterAttributes(testStack(), 'c', { clusterName: 'k', namespace: 'kafka', brokerCount: 6, defaultReplicationFactor: 4 });
    expect([declared.defaultReplicationFactor, declared.minInsyncReplicas]).toEqual([4, 2]);
  });

  test("three topics' problems come in one run", () => {
    const topics = ['a', 'b', 'c'].map((name) => ({ name, replicas: 2 }));
    const err = refusal(teamStack({ production: false, cluster: { brokerCount: 1 }, topics, grants: [] }).stack);
    expect(err.issues.map((i) => `${i.path}: ${i.field}`)).toEqual(['checkout-prod/checkout/a: replicas', 'checkout-prod/checkout/b: replicas', 'checkout-prod/checkout/c: replicas']);
  });

  test('6 brokers in production: "leave it unset" is offered and synthesizes', () => {
    const bad = refusal(teamStack({ topics: [{ name: 'checkout.cart-events.v1', replicas: 2, minInsyncReplicas: 1 }] }).stack);
    expect(fixes(bad)).toEqual([
      `KP-PROD-REPLICATION: set the topic's \`replicas\` to 3 or more (at most 6, the brokers of cluster "kafka-prod"), or leave it unset (the cluster's default, 3)`,
      "KP-PROD-MIN-ISR: set the topic's `replicas` to 3 or more (at most 6, the brokers of cluster \"kafka-prod\") and `minInsyncReplicas` to 2 (or leave it unset where the cluster's default is 2)",
    ]);
    // The advice: leave both unset.
    expect(() => synth(teamStack({ topics: [{ name: 'checkout.cart-events.v1' }] }).stack)).not.toThrow();
    // Or set them as told.
    expect(() => synth(teamStack({ topics: [{ name: 'checkout.cart-events.v1', replicas: 3, minInsyncReplicas: 2 }] }).stack)).not.toThrow();
  });

  test('a declared min ISR of 1 on the cluster is caught on topics that inherit it, with a fix that synthesizes', () => {
    const bad = refusal(teamStack({ cluster: { minInsyncReplicas: 1 } }).stack) as GuardrailError;
    expect(bad.violations.map((v) => `${v.subject} = ${v.value}`)).toEqual(['topic "checkout.cart-events.v1" minInsyncReplicas (unset: the cluster\'s default) = 1']);
    expect(fixes(bad)).toEqual(["KP-PROD-MIN-ISR: set the topic's `minInsyncReplicas` to 2 or more, below its 3 replicas"]);
    expect(() => synth(teamStack({ cluster: { minInsyncReplicas: 1 }, topics: [{ name: 'checkout.cart-events.v1', minInsyncReplicas: 2 }] }).stack)).not.toThrow();
  });

  test('2 brokers in production: the messages lead to acknowledged exceptions that synthesize, never back to an earlier error', () => {
    const twoBrokers = { brokerCount: 2 };
    // Step 1: the defaults (2 replicas, 2 in sync) are refused by the topic itself; the way out fits 2 brokers.
    const first = refusal(teamStack({ cluster: twoBrokers }).stack);
    expect(first).not.toBeInstanceOf(GuardrailError);
    expect(first.message).toContain('set `minInsyncReplicas` to 1 (a cluster of 2 brokers cannot hold the 3 replicas that 2 in sync needs)');
    // Step 2: as told; now the production rules, whose fixes do not ask for replicas the cluster cannot hold.
    const topic = { name: 'checkout.cart-events.v1', minInsyncReplicas: 1 };
    const second = refusal(teamStack({ cluster: twoBrokers, topics: [topic] }).stack);
    const owner = 'checkout-prod/checkout/checkout.cart-events.v1';
    expect(fixes(second)).toEqual([
      `KP-PROD-REPLICATION: cluster "kafka-prod" has 2 brokers, too few for 3 replicas: declare production topics on a cluster of at least 3 brokers, or accept the risk on this topic with a reason: Acknowledgements.add(<the topic ${owner}>, 'KP-PROD-REPLICATION', '<reason>')`,
      `KP-PROD-MIN-ISR: cluster "kafka-prod" has 2 brokers, too few for 2 in sync below the replicas: declare production topics on a cluster of at least 3 brokers, or accept the risk on this topic with a reason: Acknowledgements.add(<the topic ${owner}>, 'KP-PROD-MIN-ISR', '<reason>')`,
    ]);
    // Step 3: as told.
    const { stack, topics } = teamStack({ cluster: twoBrokers, topics: [topic] });
    Acknowledgements.add(topics[0], 'KP-PROD-REPLICATION', 'two-broker cluster until the platform adds the third broker');
    Acknowledgements.add(topics[0], 'KP-PROD-MIN-ISR', 'two-broker cluster until the platform adds the third broker');
    expect(() => synth(stack)).not.toThrow();
    // The other advice: a cluster of 3 brokers, with the topic as it was.
    expect(() => synth(teamStack({ cluster: { brokerCount: 3 } }).stack)).not.toThrow();
  });

  test('a typo of a typed config key is pointed at the typed field, which synthesizes', () => {
    const err = refusal(teamStack({ production: false, topics: [{ name: 'checkout.cart-events.v1', config: { 'segment.msec': 3_600_000 } }] }).stack);
    expect(err.message).toContain("config['segment.msec'] = 3600000: a topic config key of Kafka 4.3 (did you mean the typed field `segmentMs`?)");
    expect(() => synth(teamStack({ production: false, topics: [{ name: 'checkout.cart-events.v1', segmentMs: 3_600_000 }] }).stack)).not.toThrow();
  });
});
