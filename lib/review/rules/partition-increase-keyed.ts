import { KubernetesObject } from '../../core/kubernetes';
import { brokerConfig, clusterOf, field } from '../../core/objects';
import { kafkaOf } from '../objects';
import { StackChanges } from '../changes';
import { SynthStack } from '../synth-output';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

type Acl = { resource?: { type?: string; name?: string; patternType?: string }; operations?: string[]; type?: string };

const aclsOf = (user: KubernetesObject) => (field(user, 'spec', 'authorization', 'acls') as Acl[] | undefined) ?? [];

/**
 * The Kafka Streams applications among a stack's users, recognised by the ACLs `Grant.streams` expands
 * to: the group `<application.id>` plus every operation on the topic prefix `<application.id>-`.
 * Their literal topic ACLs are the declared inputs (Read) and outputs (Write).
 */
type StreamsApplication = { user: string; cluster?: string; applicationId: string; inputs: Set<string>; outputs: Set<string> };
const found = new WeakMap<SynthStack, StreamsApplication[]>();

function streamsApplications(stack: StackChanges): StreamsApplication[] {
  if (!stack.head) return [];
  let apps = found.get(stack.head);
  if (!apps) {
    apps = findStreamsApplications(stack.head);
    found.set(stack.head, apps);
  }
  return apps;
}

function findStreamsApplications(head: SynthStack): StreamsApplication[] {
  // Only releases granting Create can hold one (its internal topics): the others are not opened.
  const users = [...head.releases.values()].filter((r) => r.values.includes('Create') && r.mayHold('KafkaUser')).flatMap((r) => [...r.objects.values()]);
  return users.filter((o) => o.object.kind === 'KafkaUser').flatMap(({ object }) => {
    const acls = aclsOf(object).filter((a) => a.type !== 'deny');
    const groups = new Set(acls.filter((a) => a.resource?.type === 'group' && a.resource.patternType !== 'prefix').map((a) => a.resource!.name));
    const internal = acls.find(
      (a) => a.resource?.type === 'topic' && a.resource.patternType === 'prefix' && a.resource.name?.endsWith('-') && groups.has(a.resource.name.slice(0, -1)) && (a.operations ?? []).includes('Create'),
    );
    if (!internal) return [];
    const literal = (op: string) => new Set(acls.filter((a) => a.resource?.type === 'topic' && a.resource.patternType !== 'prefix' && (a.operations ?? []).includes(op)).map((a) => a.resource!.name!));
    return [{ user: `${object.metadata.namespace ?? ''}/${object.metadata.name}`, cluster: clusterOf(object), applicationId: internal.resource!.name!.slice(0, -1), inputs: literal('Read'), outputs: literal('Write') }];
  });
}

/**
 * More partitions change which partition a key goes to. Harmless for unkeyed data; for a compacted
 * topic (the latest value per key is the point) and for the inputs and outputs of Kafka Streams
 * applications (state stores, co-partitioned joins, exactly-once) it splits a key's history over two
 * partitions. Kafka allows it, so the review asks a human to look.
 */
export const partitionIncreaseKeyedRule: RiskRule = {
  id: RULE_IDS.REVIEW_PARTITION_INCREASE_KEYED,
  level: 'WARN',
  title: 'partitions added to a topic whose key-to-partition mapping matters',
  assess(change, { stack }) {
    if (change.kind !== 'KafkaTopic' || change.status !== 'changed') return [];
    const before = Number(field(change.before, 'spec', 'partitions'));
    const after = Number(field(change.after, 'spec', 'partitions'));
    if (!(after > before)) return [];
    const topic = change.after!;
    const name = String(field(topic, 'spec', 'topicName') ?? topic.metadata.name);
    const kafka = kafkaOf(stack.head, topic);
    const policy = field(topic, 'spec', 'config', 'cleanup.policy') ?? (kafka ? brokerConfig(kafka)['log.cleanup.policy'] : undefined) ?? 'delete';
    const out: string[] = [];
    const remap = `partitions ${before} → ${after} changes which partition each key goes to`;
    if (String(policy).includes('compact')) out.push(`${remap} on a compacted topic: a key's old and new values end up in different partitions, so compaction no longer keeps only its latest value`);
    const cluster = clusterOf(topic);
    for (const app of streamsApplications(stack)) {
      const roles = [app.inputs.has(name) ? 'input' : '', app.outputs.has(name) ? 'output' : ''].filter(Boolean).join(' and ');
      if (!roles || app.cluster !== cluster) continue;
      out.push(`${remap}; it is an ${roles} of Kafka Streams application ${app.applicationId} (KafkaUser ${app.user}): its state stores and co-partitioned joins no longer match the new partitions; reset or migrate the application`);
    }
    return out;
  },
};
