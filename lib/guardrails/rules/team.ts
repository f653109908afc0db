import { KubernetesObject } from '../../core/kubernetes';
import { isWildcardAcl, kafkaTopicName } from '../../core/objects';
import { PROTECTED_TOPIC_LABEL, RULE_IDS } from '../../core/well-known';
import { clusterOfObject, field, InventoryCluster, objectsOfKind, StackInventory } from '../inventory';
import { GuardrailFinding, GuardrailRule } from '../rule';
import { minInsyncReplicasRule } from './min-insync-replicas';
import { replicationFactorRule } from './replication-factor';
import { uncleanLeaderElectionRule } from './unclean-leader-election';

/**
 * The production rules that concern what a product team declares in its own stack (topics and users on
 * the platform's cluster, referenced by attributes), worded in the team's props: `replicas`,
 * `minInsyncReplicas`, `config`, `deletionProtection`, `grants`. The topic rules keep the platform's ids,
 * so an acknowledgement means the same on both sides.
 */

const MIN_REPLICATION = 3;
const MIN_ISR = 2;
const UNCLEAN = 'unclean.leader.election.enable';
/** Cluster operations that administer the cluster rather than use it (Describe and IdempotentWrite are client needs). */
const ADMIN_OPERATIONS = ['All', 'Alter', 'AlterConfigs', 'ClusterAction', 'Create'];

type StrimziAcl = { resource?: { type?: string; name?: string; patternType?: string }; operations?: string[] };

const topicSubject = (object: KubernetesObject, prop: string) => `topic "${kafkaTopicName(object)}" ${prop}`;
const aclsOf = (user: KubernetesObject) => (field(user, 'spec', 'authorization', 'acls') as StrimziAcl[] | undefined) ?? [];
const isAdminAcl = (a: StrimziAcl) => a.resource?.type === 'cluster' && (a.operations ?? []).some((op) => ADMIN_OPERATIONS.includes(op));
const aclName = (acl: StrimziAcl) => `${acl.resource?.type}:${acl.resource?.name ?? ''}${acl.resource?.patternType === 'prefix' ? '*' : ''}`;

function topicFindings(inventory: StackInventory, prop: string, bad: (topic: KubernetesObject) => unknown): GuardrailFinding[] {
  return objectsOfKind(inventory, 'KafkaTopic').flatMap(({ object, owner }) => {
    const value = bad(object);
    return value === undefined ? [] : [{ owner, subject: topicSubject(object, prop), value }];
  });
}

const brokersOf = (n: number) => `${n} broker${n === 1 ? '' : 's'}`;

/** The way out for a cluster too small for production topics: another cluster, or an acknowledgement on the topic. */
function tooFewBrokers(cluster: InventoryCluster & { brokerCount: number }, ruleId: string, owner: string, needs: string): string {
  return (
    `cluster "${cluster.name}" has ${brokersOf(cluster.brokerCount)}, too few for ${needs}: declare production topics on a cluster of at least ${MIN_REPLICATION} brokers, ` +
    `or accept the risk on this topic with a reason: Acknowledgements.add(<the topic ${owner}>, '${ruleId}', '<reason>')`
  );
}

const known = (c: InventoryCluster | undefined): c is InventoryCluster & { brokerCount: number } => c?.brokerCount !== undefined;

/** What to do about a topic below 3 replicas on its cluster: only what the brokers can hold. */
function replicationFix(cluster: InventoryCluster | undefined, owner: string): string | undefined {
  if (!known(cluster)) return undefined;
  if (cluster.brokerCount < MIN_REPLICATION) return tooFewBrokers(cluster, replicationFactorRule.id, owner, `${MIN_REPLICATION} replicas`);
  const unset = cluster.defaultReplicationFactor >= MIN_REPLICATION ? `, or leave it unset (the cluster's default, ${cluster.defaultReplicationFactor})` : '';
  return `set the topic's \`replicas\` to ${MIN_REPLICATION} or more (at most ${cluster.brokerCount}, the brokers of cluster "${cluster.name}")${unset}`;
}

/** What to do about a topic below 2 in sync: min ISR must stay below replicas in production, so 2 needs 3 replicas. */
function minIsrFix(cluster: InventoryCluster | undefined, replicas: number, owner: string): string | undefined {
  if (!known(cluster)) return undefined;
  if (replicas > MIN_ISR) {
    const unset = cluster.minInsyncReplicas >= MIN_ISR && cluster.minInsyncReplicas < replicas ? `, or leave it unset (the cluster's default, ${cluster.minInsyncReplicas})` : '';
    return `set the topic's \`minInsyncReplicas\` to ${MIN_ISR} or more, below its ${replicas} replicas${unset}`;
  }
  if (cluster.brokerCount < MIN_ISR + 1) return tooFewBrokers(cluster, minInsyncReplicasRule.id, owner, `${MIN_ISR} in sync below the replicas`);
  return `set the topic's \`replicas\` to ${MIN_ISR + 1} or more (at most ${cluster.brokerCount}, the brokers of cluster "${cluster.name}") and \`minInsyncReplicas\` to ${MIN_ISR} (or leave it unset where the cluster's default is ${MIN_ISR})`;
}

export const teamReplicationRule: GuardrailRule = {
  ...replicationFactorRule,
  fix: `set the topic's \`replicas\` to ${MIN_REPLICATION} or more (the referenced cluster's \`brokerCount\` bounds it), or leave it unset where the cluster's default replication is ${MIN_REPLICATION}`,
  check: (inventory) =>
    objectsOfKind(inventory, 'KafkaTopic').flatMap(({ object, owner }): GuardrailFinding[] => {
      const replicas = field(object, 'spec', 'replicas');
      if (replicas === undefined || Number(replicas) >= MIN_REPLICATION) return [];
      const fix = replicationFix(clusterOfObject(inventory, object), owner);
      return [{ owner, subject: topicSubject(object, 'replicas'), value: replicas, ...(fix ? { fix } : {}) }];
    }),
};

export const teamMinInsyncReplicasRule: GuardrailRule = {
  ...minInsyncReplicasRule,
  fix: `set the topic's \`minInsyncReplicas\` to ${MIN_ISR} or more and below its \`replicas\`, or leave it unset where the cluster's default is ${MIN_ISR}`,
  check: (inventory) =>
    objectsOfKind(inventory, 'KafkaTopic').flatMap(({ object, owner }): GuardrailFinding[] => {
      const cluster = clusterOfObject(inventory, object);
      const own = field(object, 'spec', 'config', 'min.insync.replicas');
      // Unset, the topic keeps the cluster's min.insync.replicas.
      const minIsr = own ?? cluster?.minInsyncReplicas;
      if (minIsr === undefined || Number(minIsr) >= MIN_ISR) return [];
      const fix = minIsrFix(cluster, Number(field(object, 'spec', 'replicas') ?? cluster?.defaultReplicationFactor), owner);
      const prop = own === undefined ? "minInsyncReplicas (unset: the cluster's default)" : 'minInsyncReplicas';
      return [{ owner, subject: topicSubject(object, prop), value: minIsr, ...(fix ? { fix } : {}) }];
    }),
};

export const teamUncleanLeaderElectionRule: GuardrailRule = {
  ...uncleanLeaderElectionRule,
  fix: `remove '${UNCLEAN}' from the topic's \`config\` (Kafka's default is false)`,
  check: (inventory) =>
    topicFindings(inventory, `config.${UNCLEAN}`, (t) => {
      const value = field(t, 'spec', 'config', UNCLEAN);
      return value === true || String(value).toLowerCase() === 'true' ? value : undefined;
    }),
};

export const teamDeletionProtectionRule: GuardrailRule = {
  id: RULE_IDS.PROD_DELETION_PROTECTION,
  requirement: 'deletion protection on every production topic',
  why: 'without it, removing the topic from code (or moving it to another release) deletes the topic and its data',
  fix: 'declare the topic with `production: true` and without `deletionProtection: false`',
  check: (inventory) => topicFindings(inventory, 'deletionProtection', (t) => (t.metadata.labels?.[PROTECTED_TOPIC_LABEL] === 'true' ? undefined : false)),
};

export const teamWildcardGrantRule: GuardrailRule = {
  id: RULE_IDS.ACCESS_WILDCARD,
  requirement: 'no wildcard (*) topic, group or transactional-id access in a team stack',
  why: "a wildcard reaches every other team's and the platform's topics and consumer groups",
  fix: "name the team's topics, groups and transactional ids (or a prefix such as `checkout.*`) in the user's `grants`; a reviewed exception goes in the user's `wildcardAcknowledgement`",
  check: (inventory) =>
    objectsOfKind(inventory, 'KafkaUser')
      // An administrator's wildcards come with the administration, reported (and acknowledged) as KP-ACCESS-ADMIN.
      .filter(({ object }) => !aclsOf(object).some(isAdminAcl))
      .flatMap(({ object, owner }) =>
        aclsOf(object)
          .filter(isWildcardAcl)
          .map((a) => ({ owner, subject: `user "${object.metadata.name}" grants`, value: aclName(a) })),
      ),
};

export const teamAdminGrantRule: GuardrailRule = {
  id: RULE_IDS.ACCESS_ADMIN,
  requirement: 'no cluster administration (Grant.admin(), cluster-level Alter, Create, ClusterAction or All) in a team stack',
  why: "cluster administration changes every team's topics, ACLs and broker configuration; it is the platform team's",
  fix: "remove Grant.admin() and cluster-level ACLs from the user's `grants` and `acls`; ask the platform team for the operation you need",
  check: (inventory) =>
    objectsOfKind(inventory, 'KafkaUser').flatMap(({ object, owner }) =>
      aclsOf(object)
        .filter(isAdminAcl)
        .map((a): GuardrailFinding => ({ owner, subject: `user "${object.metadata.name}" grants`, value: `cluster [${(a.operations ?? []).join(',')}]` })),
    ),
};

/** The rules `TeamGuardrails` enforces in production, in the order findings are reported. */
export function teamRules(): GuardrailRule[] {
  return [
    teamReplicationRule,
    teamMinInsyncReplicasRule,
    teamUncleanLeaderElectionRule,
    teamDeletionProtectionRule,
    teamWildcardGrantRule,
    teamAdminGrantRule,
  ];
}
