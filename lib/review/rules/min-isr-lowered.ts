import { brokerConfig } from '../../guardrails/inventory';
import { kafkaOf, topicSetting } from '../objects';
import { RiskRule } from '../risk';

/** A lower min ISR acknowledges writes held by fewer brokers. */
export const minIsrLoweredRule: RiskRule = {
  id: 'min-isr-lowered',
  level: 'WARN',
  title: 'min.insync.replicas lowered (acknowledged writes survive fewer broker losses)',
  assess(change, { stack }) {
    if (change.status !== 'changed') return [];
    if (change.kind === 'KafkaTopic') {
      const b = Number(topicSetting(change.before, kafkaOf(stack.base, change.before!), 'min.insync.replicas'));
      const a = Number(topicSetting(change.after, kafkaOf(stack.head, change.after!), 'min.insync.replicas'));
      return a < b ? [`min.insync.replicas ${b} → ${a}`] : [];
    }
    if (change.kind === 'Kafka') {
      const b = Number(brokerConfig(change.before!)['min.insync.replicas']);
      const a = Number(brokerConfig(change.after!)['min.insync.replicas']);
      return a < b ? [`broker default min.insync.replicas ${b} → ${a}`] : [];
    }
    return [];
  },
};
