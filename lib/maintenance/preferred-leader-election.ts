import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { WorkloadNames } from '../core/operations/workload-names';
import { AclResources, allow } from '../core/strimzi/acl';
import { BatchWorkload } from '../workloads/batch-workload';
import { kafkaCliJob, kafkaCliStep } from '../workloads/kafka-cli-job';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RELEASE_SHAPE } from '../delivery/custom-resource-release';

export interface PreferredLeaderElectionProps {
  readonly cluster: IKafkaCluster;
  /** Release that carries the job's KafkaUser. */
  readonly release: CustomResourceRelease;
  /** @default '0 3 * * 0' (weekly, Sunday 03:00) */
  readonly schedule?: string;
  readonly listenerName?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Weekly `kafka-leader-election.sh --election-type PREFERRED --all-topic-partitions`. The brokers'
 * `auto.leader.rebalance.enable` (on by default) only acts on a broker whose imbalance exceeds 10%;
 * this job also returns the leaderships below that threshold, so load is even after rolls. Idempotent
 * and cheap. Its user may elect leaders (Alter on the cluster) and describe topics, nothing else.
 */
export class PreferredLeaderElection extends Construct {
  public readonly cronJobName: string;
  public readonly workload: BatchWorkload;

  constructor(scope: Construct, id: string, props: PreferredLeaderElectionProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, LEADER_ELECTION_SHAPE);
    const job = kafkaCliJob(this, {
      ...props,
      name: WorkloadNames.leaderElection(props.cluster.clusterName),
      schedule: props.schedule ?? '0 3 * * 0',
      acls: [allow(AclResources.cluster(), ['Alter', 'Describe']), allow(AclResources.topic('*'), ['Describe'])],
      why: 'preferred leader election covers every partition: Describe on topics only',
      workloads: (client) => ({
        workload: {
          component: 'leader-election',
          steps: [kafkaCliStep('elect', 'leader-election.sh', client)],
          volumes: client.volumes,
          scripts: ['leader-election.sh'],
        },
      }),
    });
    this.cronJobName = job.name;
    this.workload = job.workloads.workload;
  }
}

/** What the construct reads before validating values. */
const LEADER_ELECTION_SHAPE = S.object({ cluster: CLUSTER_REF_SHAPE, release: RELEASE_SHAPE, schedule: S.optional(S.string()), listenerName: S.optional(S.string()) });
