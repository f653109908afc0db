import { Testing } from 'cdktf';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { ValidationError } from '../../lib/core/validation';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { PROTECTED_TOPIC_LABEL } from '../../lib/core/strimzi/topic';
import { KafkaTopic } from '../../lib/topics/kafka-topic';
import { releaseObjects, synthJson, testStack } from '../helpers/synth';

function setup(brokerCount = 3) {
  const stack = testStack();
  const cluster = KafkaCluster.fromClusterAttributes(stack, 'kafka', { clusterName: 'events', namespace: 'kafka', brokerCount });
  const release = new CustomResourceRelease(stack, 'orders', { releaseName: 'events-topology-orders', namespace: 'kafka' });
  return { stack, cluster, release };
}

describe('KafkaTopic construct', () => {
  test('delivers the KafkaTopic through the enclosing release, replication from the cluster', () => {
    const { stack, cluster, release } = setup();
    const topic = new KafkaTopic(release, 'orders', { cluster, name: 'Orders_V1', partitions: 6 });
    const objects = releaseObjects(synthJson(stack)).get('events-topology-orders')!;
    expect(objects).toEqual([topic.manifest]);
    expect(topic.manifest.spec).toMatchObject({ topicName: 'Orders_V1', partitions: 6, replicas: 3 });
    expect(topic.resourceName).not.toBe('Orders_V1');
  });

  test('without an explicit or enclosing release the error says how to give one', () => {
    const { stack, cluster } = setup();
    expect(() => new KafkaTopic(stack, 'lost', { cluster, name: 'lost', partitions: 1 })).toThrow(/test\/lost: release = undefined: a CustomResourceRelease: pass `release`/);
  });

  test('replicas above the brokers of a referenced cluster are reported with the cluster name, at synth', () => {
    const { stack, cluster, release } = setup(3);
    new KafkaTopic(release, 't', { cluster, name: 't', partitions: 1, replicas: 4 });
    expect(() => Testing.synth(stack)).toThrow('test/orders/t: replicas = 4: at most the number of brokers of cluster "events" (3)');
  });

  test("every topic's problems are reported in one run, and nothing is synthesized", () => {
    const { stack, cluster, release } = setup(3);
    new KafkaTopic(release, 'a', { cluster, name: 'a', partitions: 1, replicas: 4 });
    new KafkaTopic(release, 'ok', { cluster, name: 'ok', partitions: 1 });
    new KafkaTopic(release, 'b', { cluster, name: 'b', partitions: 0 });
    new KafkaTopic(release, 'c', { cluster, name: 'c', partitions: 1, minInsyncReplicas: 4 });
    let error: ValidationError | undefined;
    try {
      Testing.synth(stack);
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.issues.map((i) => `${i.path}: ${i.field} = ${String(i.value)}`)).toEqual([
      'test/orders/a: replicas = 4',
      'test/orders/b: partitions = 0',
      'test/orders/c: min.insync.replicas = 4',
    ]);
  });

  test('what cannot be built is refused in the constructor (a missing name), with the other problems of that topic', () => {
    const { cluster, release } = setup(3);
    expect(() => new KafkaTopic(release, 'x', { cluster, partitions: 1 } as never)).toThrow(/test\/orders\/x: name = undefined/);
  });

  test('production topics are kept by Helm when removed from code and labelled for the plan review', () => {
    const { cluster, release } = setup();
    const prod = new KafkaTopic(release, 'p', { cluster, name: 'payments', partitions: 3, production: true });
    const dev = new KafkaTopic(release, 'd', { cluster, name: 'scratch', partitions: 3 });
    const rendered = Object.fromEntries(release.resources.map((o) => [o.metadata.name, o.metadata]));
    expect(rendered[prod.resourceName].annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(rendered[prod.resourceName].labels?.[PROTECTED_TOPIC_LABEL]).toBe('true');
    expect(rendered[dev.resourceName].annotations).toBeUndefined();
    expect(rendered[dev.resourceName].labels?.[PROTECTED_TOPIC_LABEL]).toBeUndefined();
  });

  test('two constructs declaring the same topic in one release fail, naming the first', () => {
    const { cluster, release } = setup();
    new KafkaTopic(release, 'a', { cluster, name: 'orders', partitions: 3 });
    expect(() => new KafkaTopic(release, 'b', { cluster, name: 'orders', partitions: 3 })).toThrow(/not already declared by test\/orders\/a/);
  });
});
