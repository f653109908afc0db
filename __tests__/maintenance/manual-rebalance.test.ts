import { ManualRebalance } from '../../lib/maintenance/manual-rebalance';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { NodeTopology } from '../../lib/core/strimzi/kafka';
import { Storage } from '../../lib/core/strimzi/storage';
import { testStack } from '../helpers/synth';
import { workloadSetup } from '../helpers/workloads';

describe('ManualRebalance', () => {
  test('a standing KafkaRebalance `<cluster>-rebalance` in the given release, for the cluster', () => {
    const { stack, cluster, release } = workloadSetup();
    const rebalance = new ManualRebalance(stack, 'rebalance', { cluster, release });
    expect(release.resources).toEqual([rebalance.manifest]);
    expect(rebalance.manifest).toMatchObject({ kind: 'KafkaRebalance', metadata: { name: 'events-rebalance', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } } });
  });

  test('a cluster of this stack without Cruise Control is refused', () => {
    const stack = testStack();
    const cluster = new KafkaCluster(stack, 'cluster', {
      name: 'events',
      namespace: 'kafka',
      topology: NodeTopology.dedicated(
        { name: 'controllers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) },
        [{ name: 'brokers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) }],
      ),
    });
    const release = new CustomResourceRelease(stack, 'ops', { releaseName: 'events-operations', namespace: 'kafka' });
    expect(() => new ManualRebalance(stack, 'rebalance', { cluster, release })).toThrow(/test\/rebalance: cluster = "events": a cluster with cruiseControl/);
  });
});
