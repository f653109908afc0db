import { Construct } from 'constructs';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { KafkaCluster } from '../cluster/kafka-cluster';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { KubernetesObject } from '../core/kubernetes';
import { buildManualRebalance, ManualRebalanceSpec, validateManualRebalance } from '../core/operations/rebalance';
import { Validator } from '../core/validation';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RELEASE_SHAPE } from '../delivery/custom-resource-release';

export interface ManualRebalanceProps extends Omit<ManualRebalanceSpec, 'cluster' | 'namespace'> {
  readonly cluster: IKafkaCluster;
  readonly release: CustomResourceRelease;
}

/**
 * A standing full-cluster `KafkaRebalance` whose proposal an operator refreshes, reviews and approves
 * (`kubectl annotate kafkarebalance <name> strimzi.io/rebalance=refresh|approve`). Needs Cruise Control.
 * Scale-up and scale-down use the cluster's auto-rebalance templates instead.
 */
export class ManualRebalance extends Construct {
  public readonly manifest: KubernetesObject;

  constructor(scope: Construct, id: string, props: ManualRebalanceProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, MANUAL_REBALANCE_SHAPE);
    const v = new Validator(this.node.path);
    const spec: ManualRebalanceSpec = { ...props, cluster: props.cluster.clusterName, namespace: props.cluster.namespace };
    if (props.cluster instanceof KafkaCluster) {
      v.check(props.cluster.components?.cruiseControl === true, 'cluster', props.cluster.clusterName, 'a cluster with cruiseControl (a KafkaRebalance needs Cruise Control)');
    }
    validateManualRebalance(v, spec);
    v.throwIfAny();
    this.manifest = buildManualRebalance(spec);
    props.release.add(this.manifest, this);
  }
}

/** What the construct reads before validating values. */
const MANUAL_REBALANCE_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: RELEASE_SHAPE,
  name: S.optional(S.string()),
  goals: S.optional(S.array(S.string())),
  excludedTopics: S.optional(S.string()),
  replicationThrottle: S.optional(S.numeric()),
  concurrentPartitionMovementsPerBroker: S.optional(S.numeric()),
  labels: S.optional(S.stringMap()),
});
