import { KubernetesObject } from '../core/kubernetes';
import { field, kafkaTopicName } from '../core/objects';
import { ObjectChange, StackChanges } from './changes';
import { limit } from './objects';
import { SynthStack } from './synth-output';
import { humanValue } from './units';

/**
 * Changes that reach another stack without a change in its own code: a `KafkaMirrorMaker2` of one stack
 * replicates topics to a cluster that another stack declares, and MirrorMaker 2 carries there what changes on
 * the source topics: new topics (created on the target), more partitions (added on the target) and topic
 * configs (`sync.topic.configs.enabled`, except the keys of `config.properties.exclude`). A prod retention cut
 * therefore shortens what DR keeps too; the review shows it in the DR stack's section as an indirect effect.
 */

/** One change a stack receives from another. */
export interface IndirectEffect {
  /** The stack whose change it is. */
  readonly from: string;
  /** What carries it, e.g. `KafkaMirrorMaker2 kafka/kafka-prod-mirror`. */
  readonly via: string;
  /** The object on the receiving cluster, e.g. `topic orders.order-placed.v1`. */
  readonly subject: string;
  readonly change: string;
}

type Mirror = {
  source?: { alias?: string };
  sourceConnector?: { config?: Record<string, unknown> };
  topicsPattern?: string;
  topicsExcludePattern?: string;
};

/** MirrorMaker 2's own default for `sync.topic.configs.interval.seconds`. */
const SYNC_INTERVAL_SECONDS = 600;

const IDENTITY_POLICY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';

/** Java's `Pattern.matches`: the whole name; an unreadable pattern matches nothing (the effect is not claimed). */
function matchesWhole(pattern: string | undefined, name: string): boolean {
  if (pattern === undefined || pattern === '') return false;
  try {
    return new RegExp(`^(?:${pattern})$`).test(name);
  } catch {
    return false;
  }
}

/** The comma-separated patterns of `config.properties.exclude` (commas inside a pattern are not used there). */
function excludedKey(patterns: unknown, key: string): boolean {
  return String(patterns ?? '')
    .split(',')
    .map((p) => p.trim())
    .some((p) => matchesWhole(p, key));
}

/** Host names a Kafka's listeners answer on: bootstrap hosts and alternative names. */
function listenerHosts(kafka: KubernetesObject): string[] {
  const listeners = (field(kafka, 'spec', 'kafka', 'listeners') as { configuration?: { bootstrap?: { host?: string; alternativeNames?: string[] } } }[] | undefined) ?? [];
  return listeners.flatMap((l) => [l.configuration?.bootstrap?.host, ...(l.configuration?.bootstrap?.alternativeNames ?? [])].filter((h): h is string => typeof h === 'string'));
}

/**
 * The stack that declares a mirror's target cluster: the one whose Kafka listens on the target's bootstrap host,
 * else the one that declares the target's user (the MirrorMaker 2 user of a DR target).
 */
function targetStack(mirror: KubernetesObject, source: string, stacks: ReadonlyMap<string, SynthStack>): SynthStack | undefined {
  const bootstrap = String(field(mirror, 'spec', 'target', 'bootstrapServers') ?? '');
  const hosts = bootstrap.split(',').map((b) => b.trim().replace(/:\d+$/, ''));
  const user = field(mirror, 'spec', 'target', 'authentication', 'username');
  const others = [...stacks.values()].filter((s) => s.name !== source);
  return (
    others.find((s) => s.objectsOfKind('Kafka').some((k) => listenerHosts(k.object).some((h) => hosts.includes(h)))) ??
    (typeof user === 'string' ? others.find((s) => s.objectsOfKind('KafkaUser').some((u) => u.object.metadata.name === user)) : undefined)
  );
}

function show(key: string, value: unknown): string {
  if (value === undefined) return '(unset)';
  const human = humanValue(key, value);
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\`${human ? ` (${human})` : ''}`;
}

/** What one source topic change does on the target of one mirror. */
function topicEffects(change: ObjectChange, mirror: Mirror, via: string, from: string): IndirectEffect[] {
  const topic = (change.after ?? change.before)!;
  const name = kafkaTopicName(topic);
  if (!matchesWhole(mirror.topicsPattern ?? '.*', name) || matchesWhole(mirror.topicsExcludePattern, name)) return [];
  const config = mirror.sourceConnector?.config ?? {};
  const policy = String(config['replication.policy.class'] ?? 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy');
  const remote = policy === IDENTITY_POLICY ? name : `${mirror.source?.alias ?? '<source>'}${String(config['replication.policy.separator'] ?? '.')}${name}`;
  const effect = (text: string): IndirectEffect => ({ from, via, subject: `topic ${remote}`, change: text });
  if (change.status === 'added') return [effect('created by MirrorMaker 2 when it next refreshes its topics, with the source topic\'s partitions and configs')];
  if (change.status === 'removed') return [effect('stays: MirrorMaker 2 does not delete topics on the target (delete it there by hand if it must go)')];
  const out: IndirectEffect[] = [];
  const partitions = [field(change.before, 'spec', 'partitions'), field(change.after, 'spec', 'partitions')].map(Number);
  if (partitions[1] > partitions[0]) out.push(effect(`partitions ${partitions[0]} → ${partitions[1]}: MirrorMaker 2 adds the partitions on the target`));
  if (String(config['sync.topic.configs.enabled'] ?? 'true') !== 'false') {
    const before = (field(change.before, 'spec', 'config') as Record<string, unknown> | undefined) ?? {};
    const after = (field(change.after, 'spec', 'config') as Record<string, unknown> | undefined) ?? {};
    const interval = Number(config['sync.topic.configs.interval.seconds'] ?? SYNC_INTERVAL_SECONDS);
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key]) || excludedKey(config['config.properties.exclude'], key)) continue;
      const [b, a] = [limit(before[key]), limit(after[key])];
      const shorter = /^retention\.(ms|bytes)$/.test(key) && a !== undefined && b !== undefined && a < b ? ': the copy there keeps less as well, older data is deleted at its next cleanup' : '';
      out.push(effect(`\`${key}\` ${show(key, before[key])} → ${show(key, after[key])} through MirrorMaker 2's topic-config sync (within ${interval} s of the source change)${shorter}`));
    }
  }
  return out;
}

/** Indirect effects of every stack's changes, by the stack that receives them. */
export function crossStackEffects(changes: readonly StackChanges[], head: ReadonlyMap<string, SynthStack>): Map<string, IndirectEffect[]> {
  const out = new Map<string, IndirectEffect[]>();
  for (const stack of changes) {
    const topicChanges = stack.objects.filter((o) => o.kind === 'KafkaTopic');
    if (!stack.head || topicChanges.length === 0) continue;
    for (const { object: mirror } of stack.head.objectsOfKind('KafkaMirrorMaker2')) {
      const target = targetStack(mirror, stack.name, head);
      if (!target) continue;
      const via = `KafkaMirrorMaker2 ${mirror.metadata.namespace ?? ''}/${mirror.metadata.name}`;
      const mirrors = (field(mirror, 'spec', 'mirrors') as Mirror[] | undefined) ?? [];
      const effects = mirrors.flatMap((m) => topicChanges.flatMap((c) => topicEffects(c, m, via, stack.name)));
      if (effects.length) out.set(target.name, [...(out.get(target.name) ?? []), ...effects]);
    }
  }
  return out;
}
