import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { SCRIPTS_PATH } from '../core/operations/workload-model';
import { KAFKA_CLI_RESOURCES } from '../core/operations/images';
import { kafkaClientWiring } from '../core/operations/kafka-client';
import { AclResources, allow } from '../core/strimzi/acl';
import { kafkaImage } from '../core/strimzi/versions';
import { Validator } from '../core/validation';
import { BatchWorkload } from '../workloads/batch-workload';
import { operationsAccess } from '../workloads/kafka-access';
import { addOperationsUser } from '../workloads/operations-user';
import { scripts } from '../workloads/scripts';
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
    const { cluster } = props;
    const v = new Validator(this.node.path);
    const name = `${cluster.clusterName}-leader-election`;
    const access = operationsAccess(v, cluster, name, props.listenerName);
    if (access) {
      addOperationsUser(this, props.release, cluster, name, access.userAuthentication, [
        allow(AclResources.cluster(), ['Alter', 'Describe']),
        allow(AclResources.topic('*'), ['Describe']),
      ], 'preferred leader election covers every partition: Describe on topics only');
    }
    v.throwIfAny();
    this.cronJobName = name;
    const client = kafkaClientWiring(access!.connection);
    this.workload = new BatchWorkload(this, 'workload', {
      name,
      namespace: cluster.namespace,
      component: 'leader-election',
      schedule: props.schedule ?? '0 3 * * 0',
      steps: [{ name: 'elect', image: kafkaImage(), command: ['/bin/bash', `${SCRIPTS_PATH}/leader-election.sh`], env: client.env, mounts: client.mounts, resources: KAFKA_CLI_RESOURCES }],
      volumes: client.volumes,
      scripts: scripts('kafka-client.sh', 'leader-election.sh'),
      dependsOn: [...(props.dependsOn ?? []), props.release.release],
    });
  }
}

/** What the construct reads before validating values. */
const LEADER_ELECTION_SHAPE = S.object({ cluster: CLUSTER_REF_SHAPE, release: RELEASE_SHAPE, schedule: S.optional(S.string()), listenerName: S.optional(S.string()) });
