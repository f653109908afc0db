import { NodeTopology } from '../../../lib/core/strimzi/kafka';
import { Storage } from '../../../lib/core/strimzi/storage';
import { keepVolumeClaimsRule } from '../../../lib/guardrails/rules/keep-volume-claims';
import { clusterObjects, inventoryOf, prodSpec } from '../../helpers/inventory';

describe('KP-PROD-KEEP-CLAIMS', () => {
  test('kept claims comply', () => {
    expect(keepVolumeClaimsRule.check(inventoryOf(clusterObjects()))).toEqual([]);
  });

  test('each JBOD volume that deletes its claim is reported', () => {
    const storage = Storage.jbod([{ id: 0, size: '1Ti' }, { id: 1, size: '1Ti', deleteClaim: true }]);
    const controllers = { name: 'controllers', replicas: 3, storage: Storage.persistentClaim({ size: '50Gi', deleteClaim: true }) };
    const spec = prodSpec({ topology: NodeTopology.dedicated(controllers, [{ name: 'brokers', replicas: 3, storage }]) });
    expect(keepVolumeClaimsRule.check(inventoryOf(clusterObjects(spec))).map((f) => f.subject)).toEqual([
      'KafkaNodePool kafka/controllers spec.storage volume 0 deleteClaim',
      'KafkaNodePool kafka/brokers spec.storage volume 1 deleteClaim',
    ]);
  });
});
