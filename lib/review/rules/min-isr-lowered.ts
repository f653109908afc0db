import { brokerConfig, topicSetting } from '../../core/objects';
import { kafkaOf } from '../objects';
import { RiskRule } from '../risk';
import { RULE_IDS } from '../../core/well-known';

/** A lower min ISR acknowledges writes held by fewer brokers. */
export const minIsrLoweredRule: RiskRule = {
  id: RULE_IDS.REVIEW_MIN_ISR_LOWERED,
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
