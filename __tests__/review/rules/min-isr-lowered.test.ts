import { minIsrLoweredRule } from '../../../lib/review/rules/min-isr-lowered';
import { assess, kafka, topic } from '../../helpers/review-rules';

describe('KP-REVIEW-MIN-ISR-LOWERED', () => {
  test('a lower min ISR on a topic, also by falling back to a lower broker default', () => {
    const k = kafka({ 'min.insync.replicas': 2 });
    expect(assess(minIsrLoweredRule, [k, topic('t', { config: { 'min.insync.replicas': 2 } })], [k, topic('t', { config: { 'min.insync.replicas': 1 } })])).toEqual(['KafkaTopic kafka/t: min.insync.replicas 2 → 1']);
    const k1 = kafka({ 'min.insync.replicas': 1 });
    expect(assess(minIsrLoweredRule, [k1, topic('t', { config: { 'min.insync.replicas': 2 } })], [k1, topic('t', { config: {} })])).toEqual(['KafkaTopic kafka/t: min.insync.replicas 2 → 1']);
  });

  test('a lower broker default, and no warning when raised', () => {
    expect(assess(minIsrLoweredRule, [kafka({ 'min.insync.replicas': 2 })], [kafka({ 'min.insync.replicas': 1 })])).toEqual(['Kafka kafka/k: broker default min.insync.replicas 2 → 1']);
    expect(assess(minIsrLoweredRule, [kafka({ 'min.insync.replicas': 1 })], [kafka({ 'min.insync.replicas': 2 })])).toEqual([]);
  });
});
