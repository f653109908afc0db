import { replicationFactorRule } from '../../../lib/guardrails/rules/replication-factor';
import { clusterObjects, inventoryOf, prodSpec, topic } from '../../helpers/inventory';

describe('KP-PROD-REPLICATION', () => {
  test('the production cluster and topics with 3 replicas comply', () => {
    expect(replicationFactorRule.check(inventoryOf([...clusterObjects(), topic('a', { partitions: 3, replicas: 3 }), topic('b', { partitions: 3 })]))).toEqual([]);
  });

  test('a cluster default and internal topics below 3, and a topic with 2 replicas, are each reported', () => {
    const spec = prodSpec({ brokerDefaults: { defaultReplicationFactor: 2, minInsyncReplicas: 1 } });
    const findings = replicationFactorRule.check(inventoryOf([...clusterObjects(spec), topic('orders', { partitions: 6, replicas: 2 })]));
    expect(findings.map((f) => [f.subject, f.value])).toEqual([
      ['Kafka kafka/kafka-prod spec.kafka.config.default.replication.factor', 2],
      ['Kafka kafka/kafka-prod spec.kafka.config.offsets.topic.replication.factor', 2],
      ['Kafka kafka/kafka-prod spec.kafka.config.transaction.state.log.replication.factor', 2],
      ['KafkaTopic kafka/orders spec.replicas', 2],
    ]);
    expect(findings.every((f) => f.owner === 'kafka-prod/cluster')).toBe(true);
  });
});
