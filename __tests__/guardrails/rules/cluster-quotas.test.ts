import { KubernetesObject } from '../../../lib/core/kubernetes';
import { clusterQuotasRule } from '../../../lib/guardrails/rules/cluster-quotas';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

const user = (name: string, quotas?: Record<string, number>): KubernetesObject => ({
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaUser',
  metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka-prod' } },
  spec: { authentication: { type: 'scram-sha-512' }, ...(quotas ? { quotas } : {}) },
});

describe('KP-PROD-CLUSTER-QUOTAS', () => {
  test('is a warning, never a refusal', () => {
    expect(clusterQuotasRule.severity).toBe('warning');
  });

  test('a cluster with kafka-plugin quotas and users with their own quotas complies', () => {
    const objects = [...clusterObjects(prodSpec({ quotas: { plugin: 'kafka', producerByteRate: 1 } })), user('orders', { producerByteRate: 10 })];
    expect(clusterQuotasRule.check(inventoryOf(objects))).toEqual([]);
  });

  test('a cluster without quotas is reported', () => {
    expect(clusterQuotasRule.check(inventoryOf(clusterObjects(prodSpec({ quotas: undefined }))))).toEqual([
      { owner: 'kafka-prod/cluster', subject: 'Kafka kafka/kafka-prod spec.kafka.quotas', value: undefined },
    ]);
  });

  test('under the strimzi plugin, user quotas (which it ignores) are reported; users without quotas are fine', () => {
    const objects = [...clusterObjects(prodSpec({ quotas: { plugin: 'strimzi', minAvailableRatioPerVolume: 0.1 } })), user('orders', { producerByteRate: 10 }), user('billing')];
    expect(clusterQuotasRule.check(inventoryOf(objects))).toEqual([
      { owner: 'kafka-prod/cluster', subject: 'KafkaUser kafka/orders spec.quotas (ignored by the strimzi quotas plugin)', value: { producerByteRate: 10 } },
    ]);
  });
});
