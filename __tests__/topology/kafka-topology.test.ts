import { KafkaTopology, KafkaTopologyProps, TopologyGroupSpec } from '../../lib/topology/kafka-topology';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { NodeTopology } from '../../lib/core/strimzi/kafka';
import { Storage } from '../../lib/core/strimzi/storage';
import { Grant } from '../../lib/core/access/grant';
import { keptTopicRemovedRule } from '../../lib/review/rules/kept-topic-removed';
import { topicDeletionRule } from '../../lib/review/rules/topic-deletion';
import { assess } from '../helpers/review-rules';
import { ValidationError } from '../../lib/core/validation';
import { allReleaseObjects, releaseObjects, resourceAddresses, resourcesOfType, synthJson, testStack } from '../helpers/synth';

const orders: TopologyGroupSpec = {
  name: 'orders',
  topics: [
    { name: 'orders.placed', partitions: 6 },
    { name: 'Orders_Legacy', partitions: 3 },
  ],
  applications: [{ name: 'order-service', grants: [Grant.produce('orders.placed')] }],
};
const billing: TopologyGroupSpec = {
  name: 'billing',
  topics: [{ name: 'billing.invoices', partitions: 3 }],
  applications: [{ name: 'billing', grants: [Grant.consume('orders.placed', { group: 'billing' }), Grant.produce('billing.invoices')] }],
};

/** A stack with an in-stack cluster (3 brokers) and a topology. */
function synth(groups: readonly TopologyGroupSpec[], extra: Partial<KafkaTopologyProps> = {}) {
  const stack = testStack();
  const cluster = new KafkaCluster(stack, 'cluster', {
    name: 'events',
    namespace: 'kafka',
    topology: NodeTopology.dedicated(
      { name: 'controllers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) },
      [{ name: 'brokers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) }],
    ),
  });
  const topology = new KafkaTopology(stack, 'topology', { cluster, groups, ...extra });
  return { json: synthJson(stack), topology };
}

/** Each issue as `<construct path below the stack>: <field> = <value>: <allowed>`. */
function validationProblems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.path.split('/').slice(1).join('/')}: ${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

function validationFields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.field} = ${JSON.stringify(i.value)}: ${i.allowed}`);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('KafkaTopology', () => {
  test('each owner group gets a topics and a users release, named by cluster and owner, after the cluster', () => {
    const { json } = synth([orders, billing]);
    const releases = releaseObjects(json);
    expect([...releases.keys()].sort()).toEqual(['events-cluster', 'events-topics-billing', 'events-topics-orders', 'events-users-billing', 'events-users-orders']);
    expect(releases.get('events-topics-orders')!.map((o) => o.kind)).toEqual(['KafkaTopic', 'KafkaTopic']);
    expect(releases.get('events-users-billing')!.map((o) => o.metadata.name)).toEqual(['billing']);
    for (const [name, r] of Object.entries(resourcesOfType(json, 'helm_release'))) {
      if (name.includes('topology')) expect(r.depends_on).toEqual([expect.stringMatching(/^helm_release\.cluster_resources_release_/)]);
    }
  });

  test('a group gets no empty release: only users means no topics release', () => {
    const { json, topology } = synth([{ name: 'platform', applications: [{ name: 'platform-admin', grants: [Grant.admin()] }] }]);
    expect([...releaseObjects(json).keys()].sort()).toEqual(['events-cluster', 'events-users-platform']);
    expect(topology.releases.get('platform')!.topics).toBeUndefined();
  });

  test('objects carry the owner label; replicas come from the cluster', () => {
    const { json } = synth([orders]);
    const topic = allReleaseObjects(json).find((o) => o.metadata.name === 'orders.placed')!;
    expect(topic.metadata.labels).toMatchObject({ 'kafka-platform/owner': 'orders', 'strimzi.io/cluster': 'events' });
    expect(topic.spec).toMatchObject({ replicas: 3 });
  });

  test('release membership does not depend on size or order: adding a group leaves the others untouched', () => {
    const before = releaseObjects(synth([orders]).json);
    const after = releaseObjects(synth([billing, orders]).json);
    expect(after.get('events-topics-orders')).toEqual(before.get('events-topics-orders'));
    expect(after.get('events-users-orders')).toEqual(before.get('events-users-orders'));
  });

  test('a partition increase changes only the values of its topics release, at the same addresses', () => {
    const a = synth([orders, billing]).json;
    const grown = { ...orders, topics: [{ name: 'orders.placed', partitions: 12 }, orders.topics![1]] };
    const b = synth([grown, billing]).json;
    expect(resourceAddresses(b)).toEqual(resourceAddresses(a));
    const changed = Object.keys(resourcesOfType(a, 'helm_release')).filter(
      (k) => JSON.stringify(resourcesOfType(a, 'helm_release')[k]) !== JSON.stringify(resourcesOfType(b, 'helm_release')[k]),
    );
    expect(changed).toEqual([expect.stringMatching(/^topology_orders_topics_release_/)]);
  });

  test('in production a removed topic shows as a protected deletion; after the unmanage step its removal deletes no data', () => {
    const prodSynth = (groups: TopologyGroupSpec[]) => allReleaseObjects(synth(groups, { production: true }).json);
    const withTopic = prodSynth([orders]);
    const removed = prodSynth([{ ...orders, topics: [orders.topics![0]] }]);
    // Helm keeps a protected topic even when it leaves the release: no deletion, but the review warns it is orphaned.
    expect(withTopic.find((o) => o.metadata.name.startsWith('orders-legacy'))!.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(assess(topicDeletionRule, withTopic, removed)).toEqual([]);
    expect(assess(keptTopicRemovedRule, withTopic, removed)).toEqual([expect.stringMatching(/^KafkaTopic kafka\/orders-legacy-[0-9a-f]+: Helm keeps the KafkaTopic/)]);

    const unmanaged = prodSynth([{ ...orders, topics: [orders.topics![0], { ...orders.topics![1], managed: false }] }]);
    expect([...assess(topicDeletionRule, unmanaged, removed), ...assess(keptTopicRemovedRule, unmanaged, removed)]).toEqual([]);
  });

  test('topics and users declared twice across groups, and grants on undeclared topics, are reported together', () => {
    const dup: TopologyGroupSpec = {
      name: 'copycat',
      topics: [{ name: 'orders.placed', partitions: 1 }],
      applications: [{ name: 'order-service', grants: [Grant.consume('orders.plaecd', { group: 'x' })] }],
    };
    expect(validationFields(() => synth([orders, dup]))).toEqual([
      'groups[copycat].topics[orders.placed].name = "orders.placed": a topic declared once (also declared in groups[orders])',
      'groups[copycat].applications[order-service].name = "order-service": a user declared once (also declared in groups[orders])',
      'groups[copycat].applications[order-service].grants[0] (consume orders.plaecd in group x) = "orders.plaecd": a topic declared in this topology or listed in externalTopics',
    ]);
  });

  test('declares the literal consumer groups of its applications with their owner, for monitoring', () => {
    const streams: TopologyGroupSpec = {
      name: 'analytics',
      applications: [
        { name: 'projector', grants: [Grant.streams({ applicationId: 'order-projector', inputTopics: 'orders.placed' })] },
        // A prefix is many groups, none of them declared; a second grant in the same group adds nothing.
        { name: 'replayer', grants: [Grant.consume('orders.placed', { group: 'replay-*' }), Grant.consume('billing.invoices', { group: 'order-projector' })] },
      ],
    };
    const { topology } = synth([orders, billing, streams]);
    expect(topology.consumerGroups).toEqual([
      { group: 'billing', team: 'billing' },
      { group: 'order-projector', team: 'analytics' },
    ]);
  });

  test('a consumer group granted to applications of two owners is refused: one group, one owner', () => {
    const thief: TopologyGroupSpec = { name: 'audit', applications: [{ name: 'auditor', grants: [Grant.consume('orders.placed', { group: 'billing' })] }] };
    expect(validationFields(() => synth([orders, billing, thief]))).toEqual([
      'groups[audit].applications[auditor].grants[0] (consume orders.placed in group billing) = "billing": a consumer group of one owner (group "billing" belongs to billing)',
    ]);
  });

  test('topics owned by another stack can be granted when listed as external', () => {
    const consumer: TopologyGroupSpec = { name: 'reporting', applications: [{ name: 'reporting', grants: [Grant.consume('shared.events', { group: 'reporting' })] }] };
    expect(() => synth([consumer], { externalTopics: ['shared.events'] })).not.toThrow();
  });

  test('each topic and user checks itself once, at its own path; all problems of the topology come in one error', () => {
    const bad: TopologyGroupSpec[] = [
      { name: 'orders', topics: [{ name: 'a', partitions: 0, replicas: 4 }, { name: 'fine', partitions: 1 }] },
      { name: 'billing', topics: [{ name: 'b', partitions: 10001 }], applications: [{ name: 'billing', grants: [Grant.consume('a', { group: 'billing' }), Grant.consume('missing', { group: 'billing' })] }] },
    ];
    expect(validationProblems(() => synth(bad))).toEqual([
      'topology: groups[billing].applications[billing].grants[1] (consume missing in group billing) = "missing": a topic declared in this topology or listed in externalTopics',
      'topology/orders/topics/a: partitions = 0: a whole number from 1 to 10000',
      'topology/orders/topics/a: replicas = 4: at most the number of brokers of cluster "events" (3)',
      'topology/billing/topics/b: partitions = 10001: a whole number from 1 to 10000',
    ]);
  });

  test('a group name that would make an invalid Helm release name is refused', () => {
    expect(validationFields(() => synth([{ name: 'g'.repeat(40) }]))[0]).toMatch(/^groups\[g+\]\.name = "g+": .*release "events-topics-g+" has at most 53 characters/);
    expect(validationFields(() => synth([{ name: 'Orders' }]))).toHaveLength(1);
  });

  test('production wildcards are refused per application unless acknowledged with a reason', () => {
    const auditor = (ack?: string): TopologyGroupSpec => ({
      name: 'audit',
      applications: [{ name: 'auditor', grants: [Grant.consume('*', { group: 'auditor' })], wildcardAcknowledgement: ack }],
    });
    expect(validationProblems(() => synth([auditor()], { production: true }))).toEqual([expect.stringMatching(/^topology\/audit\/users\/auditor: grants\[0\] \(consume \* in group auditor\) = "topic:\*": no wildcard in production/)]);
    expect(() => synth([auditor('Archives every topic for compliance, SEC-12')], { production: true })).not.toThrow();
    expect(() => synth([auditor()])).not.toThrow();
  });
});
