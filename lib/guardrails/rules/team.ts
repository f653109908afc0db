import { KubernetesObject } from '../../core/kubernetes';
import { isWildcardAcl, kafkaTopicName } from '../../core/objects';
import { PROTECTED_TOPIC_LABEL, RULE_IDS } from '../../core/well-known';
import { field, objectsOfKind, StackInventory } from '../inventory';
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

export const teamReplicationRule: GuardrailRule = {
  ...replicationFactorRule,
  fix: `set the topic's \`replicas\` to ${MIN_REPLICATION} or more, or leave it unset (the cluster's default replication); the referenced cluster's \`brokerCount\` bounds it`,
  check: (inventory) =>
    topicFindings(inventory, 'replicas', (t) => {
      const replicas = field(t, 'spec', 'replicas');
      return replicas !== undefined && !(Number(replicas) >= MIN_REPLICATION) ? replicas : undefined;
    }),
};

export const teamMinInsyncReplicasRule: GuardrailRule = {
  ...minInsyncReplicasRule,
  fix: `set the topic's \`minInsyncReplicas\` to ${MIN_ISR} or more and below its \`replicas\`, or leave it unset (the cluster's default)`,
  check: (inventory) =>
    topicFindings(inventory, 'minInsyncReplicas', (t) => {
      const minIsr = field(t, 'spec', 'config', 'min.insync.replicas');
      return minIsr !== undefined && !(Number(minIsr) >= MIN_ISR) ? minIsr : undefined;
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
