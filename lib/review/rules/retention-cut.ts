import { brokerConfig, clusterOf, field, topicSetting } from '../../core/objects';
import { kafkaOf, limit } from '../objects';
import { KubernetesObject } from '../../core/kubernetes';
import { RiskRule } from '../risk';
import { withUnit } from '../units';
import { RULE_IDS } from '../../core/well-known';

const KEYS = ['retention.ms', 'retention.bytes'] as const;
const BROKER_KEYS: Record<(typeof KEYS)[number], readonly string[]> = {
  'retention.ms': ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours'],
  'retention.bytes': ['log.retention.bytes'],
};

const show = (key: string, n: number) => (n === Infinity ? 'unlimited' : withUnit(key, n));

/** True when the topic deletes old segments by retention (`cleanup.policy` contains `delete`). */
function deletesByRetention(topic: KubernetesObject | undefined, kafka: KubernetesObject | undefined): boolean {
  const policy = field(topic, 'spec', 'config', 'cleanup.policy') ?? (kafka ? brokerConfig(kafka)['log.cleanup.policy'] : undefined) ?? 'delete';
  return String(policy).split(',').map((p) => p.trim()).includes('delete');
}

/** Effective retention of a topic: unlimited when it does not delete by retention (compacted only). */
function effective(topic: KubernetesObject | undefined, kafka: KubernetesObject | undefined, key: string): number | undefined {
  if (!deletesByRetention(topic, kafka)) return Infinity;
  return limit(topicSetting(topic, kafka, key));
}

/**
 * Shorter effective retention deletes existing data at the next log cleanup. Judged on what a topic that
 * deletes by retention actually keeps: its own setting, else the broker default; a compacted-only topic
 * keeps every key whatever the retention. A broker default change is reported once, on the cluster, with
 * the topics it shortens; a topic's own change on the topic.
 */
export const retentionCutRule: RiskRule = {
  id: RULE_IDS.REVIEW_RETENTION_CUT,
  level: 'WARN',
  title: 'retention shortened (data older than the new limit is deleted)',
  assess(change, { stack }) {
    if (change.status !== 'changed') return [];
    const out: string[] = [];
    if (change.kind === 'KafkaTopic') {
      const kb = kafkaOf(stack.base, change.before!);
      const ka = kafkaOf(stack.head, change.after!);
      // Only the topic's own settings: a broker default change is reported on the cluster.
      const own = (o: KubernetesObject | undefined) => JSON.stringify([...KEYS, 'cleanup.policy'].map((k) => field(o, 'spec', 'config', k)));
      if (own(change.before) === own(change.after)) return [];
      for (const key of KEYS) {
        const b = effective(change.before, kb, key);
        const a = effective(change.after, ka, key);
        if (a !== undefined && b !== undefined && a < b) out.push(`${key} ${show(key, b)} → ${show(key, a)}: older data is deleted at the next cleanup`);
      }
    } else if (change.kind === 'Kafka') {
      const kafkaB = change.before!;
      const kafkaA = change.after!;
      const topics = stack.head?.objectsOfKind('KafkaTopic').map((o) => o.object).filter((t) => clusterOf(t) === kafkaA.metadata.name && t.metadata.namespace === kafkaA.metadata.namespace) ?? [];
      for (const key of KEYS) {
        const b = limit(topicSetting(undefined, kafkaB, key));
        const a = limit(topicSetting(undefined, kafkaA, key));
        if (a === undefined || b === undefined || a >= b) continue;
        const affected = topics.filter((t) => field(t, 'spec', 'config', key) === undefined && deletesByRetention(t, kafkaA));
        if (!affected.length) continue;
        const names = affected.slice(0, 10).map((t) => t.metadata.name).join(', ') + (affected.length > 10 ? `, … (${affected.length} in all)` : '');
        const changed = BROKER_KEYS[key].filter((k) => JSON.stringify(brokerConfig(kafkaB)[k]) !== JSON.stringify(brokerConfig(kafkaA)[k])).join(', ');
        out.push(`broker default ${changed} shortens ${key} ${show(key, b)} → ${show(key, a)} for ${affected.length} topic(s) without their own: ${names}`);
      }
    }
    return out;
  },
};
