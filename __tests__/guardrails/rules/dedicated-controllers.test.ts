import { NodeTopology } from '../../../lib/core/strimzi/kafka';
import { Storage } from '../../../lib/core/strimzi/storage';
import { dedicatedControllersRule } from '../../../lib/guardrails/rules/dedicated-controllers';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

describe('KP-PROD-CONTROLLERS', () => {
  test('three dedicated controllers comply', () => {
    expect(dedicatedControllersRule.check(inventoryOf(clusterObjects()))).toEqual([]);
  });

  test('combined controller-and-broker nodes do not count as dedicated', () => {
    const spec = prodSpec({ topology: NodeTopology.combined({ name: 'dual', replicas: 3, storage: Storage.persistentClaim({ size: '1Ti' }) }) });
    expect(dedicatedControllersRule.check(inventoryOf(clusterObjects(spec)))).toEqual([
      { owner: 'kafka-prod/cluster', subject: 'Kafka kafka/kafka-prod dedicated controller replicas', value: 0 },
    ]);
  });

  test("another cluster's controller pool does not count", () => {
    const [kafka, ...pools] = clusterObjects();
    const foreign = pools.map((p) => ({ ...p, metadata: { ...p.metadata, labels: { 'strimzi.io/cluster': 'other' } } }));
    expect(dedicatedControllersRule.check(inventoryOf([kafka, ...foreign]))[0]?.value).toBe(0);
  });
});
