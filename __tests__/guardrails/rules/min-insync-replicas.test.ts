import { minInsyncReplicasRule } from '../../../lib/guardrails/rules/min-insync-replicas';
import { clusterObjects, inventoryOf, prodSpec, topic } from '../../helpers/inventory';

describe('KP-PROD-MIN-ISR', () => {
  test('min ISR 2 on the cluster and a topic complies', () => {
    expect(minInsyncReplicasRule.check(inventoryOf([...clusterObjects(), topic('a', { config: { 'min.insync.replicas': 2 } })]))).toEqual([]);
  });

  test('min ISR 1 on the cluster (and its transaction log) and on a topic is reported', () => {
    const spec = prodSpec({ brokerDefaults: { defaultReplicationFactor: 3, minInsyncReplicas: 1 } });
    const findings = minInsyncReplicasRule.check(inventoryOf([...clusterObjects(spec), topic('audit', { config: { 'min.insync.replicas': '1' } })]));
    expect(findings.map((f) => f.subject)).toEqual([
      'Kafka kafka/kafka-prod spec.kafka.config.min.insync.replicas',
      'Kafka kafka/kafka-prod spec.kafka.config.transaction.state.log.min.isr',
      'KafkaTopic kafka/audit spec.config.min.insync.replicas',
    ]);
  });
});
