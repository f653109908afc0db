import { Grant } from '../../../lib/core/access/grant';
import { KubernetesObject } from '../../../lib/core/kubernetes';
import { AclResources, allow } from '../../../lib/core/strimzi/acl';
import { PROTECTED_TOPIC_LABEL } from '../../../lib/core/strimzi/topic';
import { buildUser } from '../../../lib/core/strimzi/user';
import {
  teamAdminGrantRule,
  teamDeletionProtectionRule,
  teamMinInsyncReplicasRule,
  teamReplicationRule,
  teamRules,
  teamUncleanLeaderElectionRule,
  teamWildcardGrantRule,
} from '../../../lib/guardrails/rules/team';
import { clusterObjects, inventoryOf, prodSpec, topic } from '../../helpers/inventory';

const owner = 'checkout/topics';
const check = (rule: typeof teamReplicationRule, objects: KubernetesObject[]) =>
  rule.check(inventoryOf(objects, [], owner)).map((f) => `${f.subject} = ${JSON.stringify(f.value)}`);
const protectedTopic = (name: string, spec: Record<string, unknown>): KubernetesObject => {
  const t = topic(name, spec);
  return { ...t, metadata: { ...t.metadata, labels: { ...t.metadata.labels, [PROTECTED_TOPIC_LABEL]: 'true' } } };
};
const user = (name: string, grants: Grant[]) => buildUser({ name, acls: grants.flatMap((g) => g.acls) }, { clusterName: 'kafka-prod', namespace: 'kafka' });

describe('team rules', () => {
  test('keep the platform ids of the topic rules, with fixes in the topic props', () => {
    expect(teamRules().map((r) => r.id)).toEqual(['KP-PROD-REPLICATION', 'KP-PROD-MIN-ISR', 'KP-PROD-UNCLEAN-ELECTION', 'KP-PROD-DELETION-PROTECTION', 'KP-ACCESS-WILDCARD', 'KP-ACCESS-ADMIN']);
    for (const rule of teamRules()) expect(rule.fix).not.toMatch(/brokerDefaults|superUsers|NodeTopology|Storage\./);
  });

  test('replication: a topic below 3 replicas is named by its Kafka name; the cluster is not the team’s', () => {
    const clusterBreach = clusterObjects(prodSpec({ brokerDefaults: { defaultReplicationFactor: 2, minInsyncReplicas: 1 } }));
    expect(check(teamReplicationRule, [...clusterBreach, topic('a', { replicas: 3 }), topic('b', { replicas: 2 })])).toEqual(['topic "b" replicas = 2']);
  });

  test('min ISR: below 2 is reported, string values too', () => {
    expect(check(teamMinInsyncReplicasRule, [topic('a', { config: { 'min.insync.replicas': 2 } }), topic('b', { config: { 'min.insync.replicas': '1' } })])).toEqual([
      'topic "b" minInsyncReplicas = "1"',
    ]);
  });

  test("fixes name what the topic's cluster can hold; an unknown cluster gets the rule's own fix", () => {
    const withCluster = (brokerCount: number, rest: Partial<{ defaultReplicationFactor: number; minInsyncReplicas: number }> = {}) => ({
      ...inventoryOf([topic('b', { replicas: 2 })], [], owner),
      clusters: [{ name: 'kafka-prod', namespace: 'kafka', brokerCount, defaultReplicationFactor: Math.min(3, brokerCount), minInsyncReplicas: 2, ...rest }],
    });
    expect(teamReplicationRule.check(withCluster(6))[0].fix).toBe(`set the topic's \`replicas\` to 3 or more (at most 6, the brokers of cluster "kafka-prod"), or leave it unset (the cluster's default, 3)`);
    // A cluster whose own default is below 3: leaving it unset is no way out.
    expect(teamReplicationRule.check(withCluster(6, { defaultReplicationFactor: 2 }))[0].fix).not.toContain('leave it unset');
    expect(teamReplicationRule.check(withCluster(2))[0].fix).toMatch(/^cluster "kafka-prod" has 2 brokers, too few for 3 replicas: .*Acknowledgements\.add\(<the topic checkout\/topics>, 'KP-PROD-REPLICATION'/);
    expect(teamReplicationRule.check(inventoryOf([topic('b', { replicas: 2 })], [], owner))[0].fix).toBeUndefined();
    // An inherited min ISR counts only when the cluster is known.
    expect(teamMinInsyncReplicasRule.check({ ...withCluster(6, { minInsyncReplicas: 1 }), objects: [{ object: topic('c', { replicas: 3 }), owner, release: 'r' }] }).map((f) => f.value)).toEqual([1]);
    expect(teamMinInsyncReplicasRule.check(inventoryOf([topic('c', { replicas: 3 })], [], owner))).toEqual([]);
  });

  test('unclean leader election: true in any spelling is reported', () => {
    expect(
      check(teamUncleanLeaderElectionRule, [
        topic('a', { config: { 'unclean.leader.election.enable': false } }),
        topic('b', { config: { 'unclean.leader.election.enable': 'TRUE' } }),
      ]),
    ).toEqual(['topic "b" config.unclean.leader.election.enable = "TRUE"']);
  });

  test('deletion protection: a topic without the protection label is reported', () => {
    expect(check(teamDeletionProtectionRule, [protectedTopic('a', {}), topic('b', {})])).toEqual(['topic "b" deletionProtection = false']);
  });

  test('wildcards of a non-admin user are reported; an admin is reported once, as administration', () => {
    const reader = user('reader', [Grant.consume('*', { group: 'readers' })]);
    const admin = user('ops', [Grant.admin()]);
    const named = user('writer', [Grant.produce('checkout.*')]);
    expect(check(teamWildcardGrantRule, [reader, admin, named])).toEqual(['user "reader" grants = "topic:*"']);
    expect(check(teamAdminGrantRule, [reader, admin, named])).toEqual(['user "ops" grants = "cluster [All]"']);
  });

  test('cluster Describe and IdempotentWrite are not administration; cluster Alter is', () => {
    const idempotent = user('legacy', [Grant.custom('legacy producer', [allow(AclResources.cluster(), ['Describe', 'IdempotentWrite'])])]);
    const alter = user('tuner', [Grant.custom('config tuner', [allow(AclResources.cluster(), ['Alter'])])]);
    expect(check(teamAdminGrantRule, [idempotent, alter])).toEqual(['user "tuner" grants = "cluster [Alter]"']);
  });
});
