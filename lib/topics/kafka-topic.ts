import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease, RELEASE_SHAPE } from '../delivery/custom-resource-release';
import { KubernetesObject } from '../core/kubernetes';
import { claim } from '../core/registry';
import { CLUSTER_REF_SHAPE, isPlainObject, S } from '../core/shape';
import { buildTopic, isDeletionProtected, topicCollisionKey, TOPIC_SPEC_SHAPE, TopicSpec, TopicTarget, validateTopic } from '../core/strimzi/topic';
import { uniqueChildId, Validator } from '../core/validation';
import { reportAtSynth } from '../delivery/report-at-synth';
import { targetRelease } from '../delivery/target-release';

export interface KafkaTopicProps extends TopicSpec {
  /** The cluster the topic lives on (owned in this stack or referenced by attributes). */
  readonly cluster: IKafkaCluster;
  /**
   * Release that delivers the KafkaTopic. Keep it stable: moving a topic to another release makes the
   * old release delete it.
   * @default - the nearest enclosing CustomResourceRelease
   */
  readonly release?: CustomResourceRelease;
  /**
   * Production rules: `min.insync.replicas` below `replicas`, deletion protection on by default.
   * @default false
   */
  readonly production?: boolean;
}

/**
 * A Kafka topic as a Strimzi `KafkaTopic`, validated at synth and delivered through a Helm release
 * (changes apply in place). Replication defaults to the cluster's.
 */
export class KafkaTopic extends Construct {
  /** The Kafka topic name. */
  public readonly topicName: string;
  /** `metadata.name` of the KafkaTopic (differs from `topicName` when that is not a Kubernetes name). */
  public readonly resourceName: string;
  public readonly manifest: KubernetesObject;
  public readonly release: CustomResourceRelease;

  constructor(scope: Construct, id: string, props: KafkaTopicProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaTopic'));
    const v = new Validator(this.node.path);
    if (!TOPIC_PROPS_SHAPE.check(v, '', props)) {
      // Report the topic's own shape problems in the same error.
      if (isPlainObject(props)) TOPIC_SPEC_SHAPE.check(v, '', props);
      v.throwIfAny();
    }
    const target = topicTarget(props.cluster, props.production ?? false);
    const readable = validateTopic(v, props, target);
    const release = targetRelease(this, props.release, v);
    if (!readable || release === undefined) v.throwIfAny();
    // Per stack: the same topic twice, or `a.b` next to `a_b`, is refused by Kafka (metric names collide).
    const key = `kafka-topic/${props.cluster.namespace}/${props.cluster.clusterName}/${topicCollisionKey(props.name)}`;
    const earlier = claim(TerraformStack.of(this), key, this);
    if (earlier !== undefined) {
      v.fail('name', props.name, `a topic not already declared by ${(earlier as Construct).node.path} on cluster "${props.cluster.clusterName}" (Kafka treats "." and "_" alike in topic names)`);
      // Refused now: the release would refuse the same object with a less telling message.
      v.throwIfAny();
    }
    // Reported at synth with every other topic's and user's problems; nothing is synthesized while any remains.
    reportAtSynth(this, v.issues);

    this.topicName = props.name;
    this.manifest = buildTopic(props, target);
    this.resourceName = this.manifest.metadata.name;
    this.release = release!;
    this.release.add(this.manifest, this, { keepOnRemoval: isDeletionProtected(props, target) });
  }
}

/** What the construct adds to `TopicSpec` (whose shape `validateTopic` checks). */
const TOPIC_PROPS_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: S.optional(RELEASE_SHAPE),
  production: S.optional(S.boolean()),
});

/** What topic validation needs from a cluster. */
export function topicTarget(cluster: IKafkaCluster, production: boolean): TopicTarget {
  return {
    clusterName: cluster.clusterName,
    namespace: cluster.namespace,
    brokerCount: cluster.brokerCount,
    defaultReplicationFactor: cluster.defaultReplicationFactor,
    minInsyncReplicas: cluster.minInsyncReplicas,
    production,
  };
}
