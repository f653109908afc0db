import { Construct } from 'constructs';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { KafkaCluster } from '../cluster/kafka-cluster';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { KubernetesObject } from '../core/kubernetes';
import { buildManualRebalance, ManualRebalanceSpec, validateManualRebalance } from '../core/operations/rebalance';
import { Validator } from '../core/validation';

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
    const v = new Validator(this.node.path);
    const spec: ManualRebalanceSpec = { ...props, cluster: props.cluster.clusterName, namespace: props.cluster.namespace };
    if (props.cluster instanceof KafkaCluster) {
      v.check(props.cluster.spec.cruiseControl !== undefined, 'cluster', props.cluster.clusterName, 'a cluster with cruiseControl (a KafkaRebalance needs Cruise Control)');
    }
    validateManualRebalance(v, spec);
    v.throwIfAny();
    this.manifest = buildManualRebalance(spec);
    props.release.add(this.manifest, this);
  }
}
