import { Construct } from 'constructs';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { takeRecordedIssues } from '../delivery/report-at-synth';
import { Grant } from '../core/access/grant';
import { DNS_LABEL_RULE, isDnsLabel } from '../core/names';
import { DeclaredConsumerGroup } from '../core/monitoring/consumer-groups';
import { namesEveryResource } from '../core/objects';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { topicCollisionKey, topicResourceName, TopicSpec } from '../core/strimzi/topic';
import { UserAuthentication, UserQuotas } from '../core/strimzi/user';
import { uniqueChildId, ValidationError, ValidationIssue, Validator } from '../core/validation';
import { KafkaTopic } from '../topics/kafka-topic';
import { KafkaUser } from '../access/kafka-user';

/** An application: one KafkaUser whose ACLs come from its grants. */
export interface ApplicationSpec {
  /** User name (SCRAM user name or TLS common name); also the name of its credentials Secret. */
  readonly name: string;
  /** @default UserAuthentication.scramSha512() */
  readonly authentication?: UserAuthentication;
  readonly grants: readonly Grant[];
  readonly quotas?: UserQuotas;
  /** Reason a non-admin wildcard grant is acceptable in production (acknowledges KP-ACCESS-WILDCARD). */
  readonly wildcardAcknowledgement?: string;
}

/** What one owner (team or domain) declares: its topics and its applications. */
export interface TopologyGroupSpec {
  /**
   * Owner name, a DNS label. It names the group's Helm releases (`<cluster>-topics-<name>`,
   * `<cluster>-users-<name>`): renaming a group, or moving a topic to another group, moves objects
   * between releases, and the old release deletes what leaves it.
   */
  readonly name: string;
  /** @default [] */
  readonly topics?: readonly TopicSpec[];
  /** @default [] */
  readonly applications?: readonly ApplicationSpec[];
}

export interface KafkaTopologyProps {
  readonly cluster: IKafkaCluster;
  readonly groups: readonly TopologyGroupSpec[];
  /** Production rules for topics (min ISR, deletion protection) and grants (no wildcards). @default false */
  readonly production?: boolean;
  /**
   * Topics that grants may name although this topology does not declare them (owned by another stack).
   * Any other literal topic in a grant must be declared here, so a typo fails at synth.
   * @default []
   */
  readonly externalTopics?: readonly string[];
}

/** Helm release names of a group: a stable function of cluster and owner, never of size or position. */
export function topologyReleaseNames(clusterName: string, group: string): { readonly topics: string; readonly users: string } {
  return { topics: `${clusterName}-topics-${group}`, users: `${clusterName}-users-${group}` };
}

/**
 * Topics and applications of a cluster, grouped by owner. Each group has up to two Helm releases, one
 * for its topics (the data) and one for its users (credentials and ACLs, which change more often), both
 * after the cluster. The topology checks what no single topic or user can (names across groups, grants
 * on undeclared topics); each topic and user checks itself once, and every problem of the whole topology is
 * reported together in one error.
 */
export class KafkaTopology extends Construct {
  public readonly topics: readonly KafkaTopic[];
  public readonly users: readonly KafkaUser[];
  /**
   * The consumer groups its applications consume in (`Grant.consume`, `Grant.streams`), each with its owner
   * (the topology group's name) as team: pass them to `KafkaMonitoring`'s `consumerGroups` (or, in another
   * stack, to `KafkaConsumerGroupOwners`), so a group whose consumers are gone alerts its owner.
   */
  public readonly consumerGroups: readonly DeclaredConsumerGroup[];
  /** Releases by group name; a group without topics (or applications) has no topics (or users) release. */
  public readonly releases: ReadonlyMap<string, { readonly topics?: CustomResourceRelease; readonly users?: CustomResourceRelease }>;

  constructor(scope: Construct, id: string, props: KafkaTopologyProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaTopology'));
    refuseBadShapeAt(this.node.path, props, TOPOLOGY_SHAPE);
    const production = props.production ?? false;
    const v = new Validator(this.node.path);
    // Cross-object rules first; a duplicate is reported here and not built again (it would only repeat the problem).
    const { skipGroups, skipTopics, skipUsers } = validateTopology(v, props);
    const issues: ValidationIssue[] = [...v.issues];
    /** Builds a child; its own problems join the topology's, so all are reported at once. */
    const collect = <T extends Construct>(build: () => T): T | undefined => {
      try {
        const built = build();
        issues.push(...takeRecordedIssues(built));
        return built;
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        issues.push(...e.issues);
        return undefined;
      }
    };

    const topics: KafkaTopic[] = [];
    const users: KafkaUser[] = [];
    const releases = new Map<string, { topics?: CustomResourceRelease; users?: CustomResourceRelease }>();
    for (const group of props.groups) {
      if (skipGroups.has(group)) continue;
      const scopeOfGroup = new Construct(this, group.name);
      const names = topologyReleaseNames(props.cluster.clusterName, group.name);
      // A release only for what the group has: no empty Helm releases to install and review.
      const release = (kind: 'topics' | 'users', count: number) =>
        count === 0
          ? undefined
          : new CustomResourceRelease(scopeOfGroup, kind, { releaseName: names[kind], namespace: props.cluster.namespace, dependsOn: props.cluster.dependables });
      const pair = { topics: release('topics', group.topics?.length ?? 0), users: release('users', group.applications?.length ?? 0) };
      releases.set(group.name, pair);
      for (const t of group.topics ?? []) {
        if (skipTopics.has(t)) continue;
        const topic = collect(() => new KafkaTopic(pair.topics!, t.name, { ...t, cluster: props.cluster, production, release: pair.topics, labels: { ...ownerLabel(group.name), ...(t.labels ?? {}) } }));
        if (topic) topics.push(topic);
      }
      for (const app of group.applications ?? []) {
        if (skipUsers.has(app)) continue;
        const user = collect(() => new KafkaUser(pair.users!, app.name, { ...app, cluster: props.cluster, production, release: pair.users, labels: ownerLabel(group.name) }));
        if (user) users.push(user);
      }
    }
    if (issues.length > 0) throw new ValidationError(issues);
    this.topics = topics;
    this.users = users;
    this.releases = releases;
    this.consumerGroups = declaredConsumerGroups(props.groups);
  }
}

/** Each literal consumer group of the topology's grants, once, with the topology group that owns it. */
function declaredConsumerGroups(groups: readonly TopologyGroupSpec[]): DeclaredConsumerGroup[] {
  const owned = new Map<string, string>();
  for (const group of groups) {
    for (const app of group.applications ?? []) {
      for (const grant of app.grants) for (const g of grant.consumerGroups) if (!owned.has(g)) owned.set(g, group.name);
    }
  }
  return [...owned].map(([group, team]) => ({ group, team }));
}

function ownerLabel(group: string): Record<string, string> {
  return { 'kafka-platform/owner': group };
}

const NAMED = S.where('an object with name', (x) => typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { name?: unknown }).name === 'string');
const TOPOLOGY_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  production: S.optional(S.boolean()),
  externalTopics: S.optional(S.array(S.string())),
  groups: S.array(
    S.object({
      name: S.string(),
      // Topics and applications are checked in full by the topic and user rules; here only what keys them.
      topics: S.optional(S.array(NAMED)),
      applications: S.optional(
        S.array(
          S.object({
            // Empty is a value problem, reported with the others (validateTopology).
            name: S.string({ allowEmpty: true }),
            grants: S.array(S.instance(Grant, 'a Grant (Grant.produce(...), Grant.consume(...), ...)'), { describe: 'an array of Grants' }),
            wildcardAcknowledgement: S.optional(S.string()),
          }),
        ),
      ),
    }),
  ),
});

/** What the topology must not build: groups, topics and users whose cross-object check failed. */
interface Skipped {
  readonly skipGroups: Set<TopologyGroupSpec>;
  readonly skipTopics: Set<TopicSpec>;
  readonly skipUsers: Set<ApplicationSpec>;
}

/**
 * Checks what no single topic or user can: group names and their releases, topics and users declared twice
 * across groups, colliding topic names, literal topics in grants that nothing declares. Each topic and user
 * checks its own fields when it is built (`KafkaTopic`, `KafkaUser`).
 */
function validateTopology(v: Validator, props: KafkaTopologyProps): Skipped {
  const skipped: Skipped = { skipGroups: new Set(), skipTopics: new Set(), skipUsers: new Set() };
  const collision = new Map<string, string>();
  const declared = new Set<string>(props.externalTopics ?? []);
  const topicOwner = new Map<string, string>();
  const resourceOwner = new Map<string, string>();
  const userOwner = new Map<string, string>();
  const groupNames = new Set<string>();
  v.unique('groups[].name', props.groups.map((g) => g.name));

  for (const group of props.groups) {
    const g = `groups[${group.name}]`;
    const releaseName = topologyReleaseNames(props.cluster.clusterName, group.name).topics;
    const nameOk = isDnsLabel(group.name) && releaseName.length <= 53;
    v.check(nameOk, `${g}.name`, group.name, `${DNS_LABEL_RULE}, short enough that release "${releaseName}" has at most 53 characters`);
    if (!nameOk || groupNames.has(group.name)) skipped.skipGroups.add(group);
    groupNames.add(group.name);
    // An empty name is a value problem like any other (reported with the rest); the object is not built.
    (group.topics ?? []).forEach((t, i) => {
      if (!v.check(t.name !== '', `${g}.topics[${i}].name`, t.name, 'a non-empty topic name')) skipped.skipTopics.add(t);
    });
    (group.applications ?? []).forEach((a, i) => {
      if (!v.check(a.name !== '', `${g}.applications[${i}].name`, a.name, 'a non-empty user name')) skipped.skipUsers.add(a);
    });
    for (const t of group.topics ?? []) {
      if (t.name === '') continue;
      const f = `${g}.topics[${t.name}]`;
      const previous = topicOwner.get(t.name);
      v.check(previous === undefined, `${f}.name`, t.name, `a topic declared once (also declared in ${previous})`);
      topicOwner.set(t.name, g);
      declared.add(t.name);
      // Kafka refuses `a.b` next to `a_b` (their metric names collide).
      const key = topicCollisionKey(t.name);
      const twin = collision.get(key);
      if (twin !== undefined && twin !== `${g}.topics[${t.name}]` && previous === undefined) {
        v.fail(`${f}.name`, t.name, `a name that does not collide with ${twin} ("." and "_" are the same to Kafka's metrics)`);
      }
      collision.set(key, `${g}.topics[${t.name}]`);
      // Different Kafka names never share a KafkaTopic name; this guards the invariant all the same.
      const resource = topicResourceName(t.name);
      const clash = resourceOwner.get(resource);
      v.check(clash === undefined || clash === t.name, `${f}.name`, t.name, `a KafkaTopic name not taken by topic "${clash}" (${resource})`);
      resourceOwner.set(resource, t.name);
      if (previous !== undefined || twin !== undefined || (clash !== undefined && clash !== t.name)) skipped.skipTopics.add(t);
    }
    for (const app of group.applications ?? []) {
      if (app.name === '') continue;
      const f = `${g}.applications[${app.name}]`;
      const previous = userOwner.get(app.name);
      v.check(previous === undefined, `${f}.name`, app.name, `a user declared once (also declared in ${previous})`);
      userOwner.set(app.name, g);
      if (previous !== undefined) skipped.skipUsers.add(app);
    }
  }
  // A consumer group is one logical consumer: applications of two owners in one group would steal each
  // other's partitions, and its alerts could not go to one team.
  const groupOwner = new Map<string, string>();
  for (const group of props.groups) {
    for (const app of group.applications ?? []) {
      app.grants.forEach((grant, i) => {
        for (const g of grant.consumerGroups) {
          const owner = groupOwner.get(g);
          if (owner === undefined) groupOwner.set(g, group.name);
          else if (owner !== group.name) v.fail(`groups[${group.name}].applications[${app.name}].grants[${i}] (${grant.description})`, g, `a consumer group of one owner (group "${g}" belongs to ${owner})`);
        }
      });
    }
  }
  // Literal topic names in grants must exist: a typo would otherwise grant access to nothing (or to a later, unrelated topic).
  for (const group of props.groups) {
    for (const app of group.applications ?? []) {
      app.grants.forEach((grant, i) => {
        for (const rule of grant.acls) {
          const r = rule.resource;
          if (r.type !== 'topic' || r.patternType === 'prefix' || namesEveryResource(r) || declared.has(r.name ?? '')) continue;
          v.fail(`groups[${group.name}].applications[${app.name}].grants[${i}] (${grant.description})`, r.name, 'a topic declared in this topology or listed in externalTopics');
        }
      });
    }
  }
  return skipped;
}
