import { ManualRebalance } from '../../lib/maintenance/manual-rebalance';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { testStack } from '../helpers/synth';
import { ownedCluster, workloadSetup } from '../helpers/workloads';

describe('ManualRebalance', () => {
  test('a standing KafkaRebalance `<cluster>-rebalance` in the given release, for the cluster', () => {
    const { stack, cluster, release } = workloadSetup();
    const rebalance = new ManualRebalance(stack, 'rebalance', { cluster, release });
    expect(release.resources).toEqual([rebalance.manifest]);
    expect(rebalance.manifest).toMatchObject({ kind: 'KafkaRebalance', metadata: { name: 'events-rebalance', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } } });
  });

  test('a cluster of this stack without Cruise Control is refused', () => {
    const stack = testStack();
    const cluster = ownedCluster(stack);
    const release = new CustomResourceRelease(stack, 'ops', { releaseName: 'events-operations', namespace: 'kafka' });
    expect(() => new ManualRebalance(stack, 'rebalance', { cluster, release })).toThrow(/test\/rebalance: cluster = "events": a cluster with cruiseControl/);
  });
});
