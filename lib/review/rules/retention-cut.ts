import { brokerConfig } from '../../guardrails/inventory';
import { kafkaOf, limit, topicSetting } from '../objects';
import { RiskRule } from '../risk';

const show = (n: number | undefined) => (n === Infinity ? 'unlimited' : String(n));

/** Shorter retention deletes existing data at the next log cleanup. */
export const retentionCutRule: RiskRule = {
  id: 'retention-cut',
  level: 'WARN',
  title: 'retention shortened (data older than the new limit is deleted)',
  assess(change, { stack }) {
    if (change.status !== 'changed') return [];
    const out: string[] = [];
    if (change.kind === 'KafkaTopic') {
      for (const key of ['retention.ms', 'retention.bytes']) {
        const b = limit(topicSetting(change.before, kafkaOf(stack.base, change.before!), key));
        const a = limit(topicSetting(change.after, kafkaOf(stack.head, change.after!), key));
        if (a !== undefined && b !== undefined && a < b) out.push(`${key} ${show(b)} → ${show(a)}: older data is deleted at the next cleanup`);
      }
    } else if (change.kind === 'Kafka') {
      const b = brokerConfig(change.before!);
      const a = brokerConfig(change.after!);
      for (const key of ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours', 'log.retention.bytes']) {
        const lb = limit(b[key]);
        const la = limit(a[key]);
        if (la !== undefined && lb !== undefined && la < lb) out.push(`broker default ${key} ${show(lb)} → ${show(la)}: every topic without its own retention loses older data`);
      }
    }
    return out;
  },
};
