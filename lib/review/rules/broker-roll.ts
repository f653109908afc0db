import { brokerConfig } from '../../core/objects';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

/**
 * Broker settings Kafka updates cluster-wide without a restart (Kafka's "cluster-wide" dynamic broker
 * configs); Strimzi applies them in place. Any other key, and listener, version, resource or JVM changes,
 * make Strimzi roll the brokers one by one.
 */
export const DYNAMIC_BROKER_CONFIGS = new Set([
  'log.retention.ms', 'log.retention.bytes', 'log.segment.bytes', 'log.segment.delete.delay.ms', 'log.roll.ms', 'log.roll.jitter.ms',
  'log.flush.interval.messages', 'log.flush.interval.ms', 'log.cleanup.policy', 'log.cleaner.threads',
  'log.cleaner.io.max.bytes.per.second', 'log.cleaner.dedupe.buffer.size', 'log.cleaner.io.buffer.size',
  'log.cleaner.io.buffer.load.factor', 'log.cleaner.backoff.ms', 'log.cleaner.min.cleanable.ratio',
  'log.cleaner.delete.retention.ms', 'log.cleaner.min.compaction.lag.ms', 'log.cleaner.max.compaction.lag.ms',
  'log.index.size.max.bytes', 'log.index.interval.bytes', 'log.preallocate', 'log.message.timestamp.type',
  'message.max.bytes', 'min.insync.replicas', 'compression.type', 'unclean.leader.election.enable',
  'num.io.threads', 'num.network.threads', 'num.replica.fetchers', 'num.recovery.threads.per.data.dir', 'background.threads',
  'max.connections', 'max.connections.per.ip', 'max.connection.creation.rate',
]);

const ROLLING_FIELDS = ['listeners', 'version', 'metadataVersion', 'rack', 'authorization', 'metricsConfig', 'template'];

/** Changes that make Strimzi restart every broker, one at a time. */
export const brokerRollRule: RiskRule = {
  id: RULE_IDS.REVIEW_BROKER_ROLL,
  level: 'WARN',
  title: 'change that rolls the brokers (restarts them one by one)',
  assess(change) {
    if (change.status !== 'changed') return [];
    if (change.kind === 'Kafka') {
      const b = brokerConfig(change.before!);
      const a = brokerConfig(change.after!);
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
        .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]) && !DYNAMIC_BROKER_CONFIGS.has(k))
        .sort();
      const fields = ROLLING_FIELDS.filter((f) => change.fields.some((c) => c.path.startsWith(`spec.kafka.${f}`)));
      const out: string[] = [];
      if (keys.length) out.push(`broker config ${keys.join(', ')} changed: not dynamically updatable, so every broker restarts`);
      if (fields.length) out.push(`spec.kafka ${fields.join(', ')} changed: every broker restarts`);
      return out;
    }
    if (change.kind === 'KafkaNodePool') {
      const fields = ['resources', 'jvmOptions', 'template'].filter((f) => change.fields.some((c) => c.path.startsWith(`spec.${f}`)));
      return fields.length ? [`pool ${fields.join(', ')} changed: every node of the pool restarts`] : [];
    }
    return [];
  },
};
