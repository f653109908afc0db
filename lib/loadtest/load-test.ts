import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { WorkloadNames } from '../core/operations/workload-names';
import { AclResources, allow } from '../core/strimzi/acl';
import { BatchWorkload } from '../workloads/batch-workload';
import { KafkaCliWorkload, kafkaCliJob, kafkaCliStep } from '../workloads/kafka-cli-job';
import { KafkaTopic } from '../topics/kafka-topic';
import { CLUSTER_REF_SHAPE, refuseBadShape, refuseBadShapeAt, S } from '../core/shape';
import { RELEASE_SHAPE } from '../delivery/custom-resource-release';

const CUSTOM_PROFILE_SHAPE = S.object({
  name: S.string(),
  records: S.numeric(),
  recordSize: S.numeric(),
  throughput: S.numeric(),
  partitions: S.numeric(),
  replicas: S.optional(S.numeric()),
});

/** A benchmark from the operations guide. Create with the static factories. */
export class LoadTestProfile {
  /** The guide's producer benchmark: 1,000,000 records of 1 KiB capped at 100,000 records/s. */
  static baseline(): LoadTestProfile {
    return new LoadTestProfile('baseline', 1_000_000, 1024, 100_000, 6, undefined);
  }

  /** The guide's stress test: 5,000,000 records of 1 KiB at 50,000/s on 12 partitions, replication 3. */
  static stress(): LoadTestProfile {
    return new LoadTestProfile('stress', 5_000_000, 1024, 50_000, 12, 3);
  }

  static custom(options: { name: string; records: number; recordSize: number; throughput: number; partitions: number; replicas?: number }): LoadTestProfile {
    refuseBadShape('LoadTestProfile.custom', 'options', options, CUSTOM_PROFILE_SHAPE);
    return new LoadTestProfile(options.name, options.records, options.recordSize, options.throughput, options.partitions, options.replicas);
  }

  private constructor(
    public readonly name: string,
    public readonly records: number,
    public readonly recordSize: number,
    /** Records per second the producer is capped at. */
    public readonly throughput: number,
    public readonly partitions: number,
    /** @default - the cluster's default replication factor */
    public readonly replicas: number | undefined,
  ) {}
}

/**
 * The guide's batching and compression for every profile, with the library's durability: `acks=all` and
 * idempotence (the guide's `acks=1` loses acknowledged writes when a leader fails, and measures a path no
 * application of the platform uses).
 */
export const LOADTEST_PRODUCER_PROPS = { 'batch.size': 32768, 'linger.ms': 20, 'compression.type': 'lz4', acks: 'all', 'enable.idempotence': true } as const;

export interface LoadTestProps {
  readonly cluster: IKafkaCluster;
  /** Release of the test topic and user. */
  readonly release: CustomResourceRelease;
  readonly profile: LoadTestProfile;
  readonly listenerName?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An opt-in load test: a dedicated topic `loadtest-<profile>` and user, and two Jobs that start
 * together when created, `kafka-producer-perf-test.sh` and `kafka-consumer-perf-test.sh`. Results are
 * in the Jobs' logs. To run again, replace the Jobs (`cdktf deploy` after a profile change, or
 * `terraform apply -replace`). Never enabled in production by default: it writes gigabytes.
 */
export class LoadTest extends Construct {
  public readonly topicName: string;
  public readonly producer: BatchWorkload;
  public readonly consumer: BatchWorkload;

  constructor(scope: Construct, id: string, props: LoadTestProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, LOAD_TEST_SHAPE);
    const { cluster, profile } = props;
    const base = WorkloadNames.loadTest(cluster.clusterName, profile.name);
    const topic = `loadtest-${profile.name}`;
    this.topicName = topic;
    const env = [
      { name: 'LOADTEST_TOPIC', value: topic },
      { name: 'LOADTEST_RECORDS', value: String(profile.records) },
      { name: 'LOADTEST_RECORD_SIZE', value: String(profile.recordSize) },
      { name: 'LOADTEST_THROUGHPUT', value: String(profile.throughput) },
      { name: 'LOADTEST_PRODUCER_PROPS', value: Object.entries(LOADTEST_PRODUCER_PROPS).map(([k, val]) => `${k}=${val}`).join(' ') },
      { name: 'LOADTEST_GROUP', value: `${topic}-consumer` },
      { name: 'KAFKA_HEAP_OPTS', value: '-Xms512m -Xmx512m' },
    ];
    const job = kafkaCliJob(this, {
      ...props,
      name: base,
      acls: [allow(AclResources.topic(topic), ['Write', 'Read', 'Describe']), allow(AclResources.group(`${topic}*`), ['Read', 'Describe'])],
      why: '',
      check: (v) => {
        v.check(/^[a-z0-9-]{1,20}$/.test(profile.name), 'profile.name', profile.name, 'lower-case letters, digits and "-", at most 20 characters');
        v.integer('profile.records', profile.records, 1);
        v.integer('profile.recordSize', profile.recordSize, 1, 10 * 1024 * 1024);
        v.integer('profile.throughput', profile.throughput, 1);
      },
      prepare: () => {
        new KafkaTopic(this, 'topic', { cluster, release: props.release, name: topic, partitions: profile.partitions, replicas: profile.replicas, retentionMs: 24 * 3600 * 1000 });
      },
      workloads: (client) => {
        const run = (role: 'producer' | 'consumer'): KafkaCliWorkload => ({
          name: `${base}-${role}`,
          component: 'load-test',
          steps: [kafkaCliStep(role, 'load-test.sh', client, { args: [role], env, resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } } })],
          volumes: client.volumes,
          scripts: ['load-test.sh'],
          backoffLimit: 0,
          activeDeadlineSeconds: 7200,
        });
        return { producer: run('producer'), consumer: run('consumer') };
      },
    });
    this.producer = job.workloads.producer;
    this.consumer = job.workloads.consumer;
  }
}

/** What the construct reads before validating values. */
const LOAD_TEST_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: RELEASE_SHAPE,
  profile: S.instance(LoadTestProfile, 'a LoadTestProfile (LoadTestProfile.baseline(), .stress(), ...)'),
  listenerName: S.optional(S.string()),
});
