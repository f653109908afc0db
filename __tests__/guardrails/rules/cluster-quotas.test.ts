import { clusterQuotasRule } from '../../../lib/guardrails/rules/cluster-quotas';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

describe('KP-PROD-CLUSTER-QUOTAS', () => {
  test('is a warning, never a refusal', () => {
    expect(clusterQuotasRule.severity).toBe('warning');
  });

  test('a cluster with quotas complies', () => {
    expect(clusterQuotasRule.check(inventoryOf(clusterObjects(prodSpec({ quotas: { producerByteRate: 1 } }))))).toEqual([]);
  });

  test('a cluster without quotas is reported', () => {
    expect(clusterQuotasRule.check(inventoryOf(clusterObjects(prodSpec({ quotas: undefined }))))).toEqual([
      { owner: 'kafka-prod/cluster', subject: 'Kafka kafka/kafka-prod spec.kafka.quotas', value: undefined },
    ]);
  });
});
