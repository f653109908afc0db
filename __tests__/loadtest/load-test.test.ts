import { Testing } from 'cdktf';
import { staging } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { LoadTest, LoadTestProfile } from '../../lib/loadtest/load-test';
import { allReleaseObjects, resourcesOfType, synthJson } from '../helpers/synth';
import { workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;

test('staging runs the guide\'s load tests as one-off Jobs on their own topics', () => {
  const json = synthJson(new KafkaPlatformStack(Testing.app(), staging));
  const jobs = Object.values(resourcesOfType(json, 'kubernetes_job_v1')) as Any[];
  expect(jobs.map((j) => j.metadata.name).sort()).toEqual([
    'kafka-staging-loadtest-baseline-consumer', 'kafka-staging-loadtest-baseline-producer', 'kafka-staging-loadtest-stress-consumer', 'kafka-staging-loadtest-stress-producer',
  ]);
  const stress = jobs.find((j) => j.metadata.name === 'kafka-staging-loadtest-stress-producer')!.spec.template.spec.container[0];
  expect(stress.env).toEqual(expect.arrayContaining([
    { name: 'LOADTEST_RECORDS', value: '5000000' }, { name: 'LOADTEST_THROUGHPUT', value: '50000' },
    { name: 'LOADTEST_PRODUCER_PROPS', value: 'batch.size=32768 linger.ms=20 compression.type=lz4 acks=all enable.idempotence=true' },
  ]));
  const topic = allReleaseObjects(json).find((o) => o.kind === 'KafkaTopic' && (o.spec as Any).topicName === 'loadtest-stress' || o.metadata.name === 'loadtest-stress')!;
  expect(topic.spec).toMatchObject({ partitions: 12, replicas: 3 });
});

test('a profile gets its own topic and a user limited to it and its groups', () => {
  const { stack, cluster, release } = workloadSetup();
  const test = new LoadTest(stack, 'load', { cluster, release, profile: LoadTestProfile.custom({ name: 'small', records: 10, recordSize: 100, throughput: 10, partitions: 1, replicas: 3 }) });
  expect(test.topicName).toBe('loadtest-small');
  expect([test.producer.workload.name, test.consumer.workload.name]).toEqual(['events-loadtest-small-producer', 'events-loadtest-small-consumer']);
  const user = allReleaseObjects(synthJson(stack)).find((o) => o.kind === 'KafkaUser') as Any;
  expect(user.metadata.name).toBe('events-loadtest-small');
  expect(user.spec.authorization.acls.map((a: Any) => `${a.resource.type}:${a.resource.name}:${a.resource.patternType}`)).toEqual(['group:loadtest-small:prefix', 'topic:loadtest-small:literal']);
});

test('a bad profile fails with every problem of the profile, naming the construct (not the user name derived from it)', () => {
  const { stack, cluster, release } = workloadSetup();
  const profile = LoadTestProfile.custom({ name: 'Big_One', records: 0, recordSize: 1, throughput: 1, partitions: 1 });
  expect(() => new LoadTest(stack, 'load', { cluster, release, profile })).toThrow(/test\/load: profile\.name = "Big_One".*test\/load: profile\.records = 0/s);
});
