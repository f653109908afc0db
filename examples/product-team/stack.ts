import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { CustomResourceRelease, Grant, IKafkaCluster, KafkaCluster, KafkaConsumerGroupOwners, KafkaTopic, KafkaUser, Milliseconds, TeamGuardrails } from '../../lib';

export interface CheckoutKafkaStackProps {
  /** Kube config context of the platform's Kubernetes cluster. */
  readonly kubeContext: string;
  /** Name of the platform team's Kafka cluster, e.g. `kafka-prod`. */
  readonly clusterName: string;
  /** Brokers of that cluster (bounds replication at synth). */
  readonly brokerCount: number;
  /** Production: deletion-protected topics, no wildcard grants. */
  readonly production: boolean;
}

/**
 * A product team's own stack: the checkout team declares its topic and its service's access against
 * the platform's cluster, referenced by name and namespace. It owns no cluster object; its objects go
 * in its own Helm release (`checkout-kafka`), so the platform's releases never see them.
 */
export class CheckoutKafkaStack extends TerraformStack {
  /** The platform's cluster, by reference. */
  public readonly cluster: IKafkaCluster;
  /** The team's Helm release: its topics and users. */
  public readonly release: CustomResourceRelease;

  constructor(scope: Construct, id: string, props: CheckoutKafkaStackProps) {
    super(scope, id);
    const access = { configPath: '~/.kube/config', configContext: props.kubeContext };
    new KubernetesProvider(this, 'kubernetes', access);
    new HelmProvider(this, 'helm', { kubernetes: access });

    const cluster = KafkaCluster.fromClusterAttributes(this, 'platform-kafka', {
      clusterName: props.clusterName,
      namespace: 'kafka',
      brokerCount: props.brokerCount,
    });
    // Release names are unique per namespace: prefix with the team, never with the platform's `<cluster>-` names.
    const release = new CustomResourceRelease(this, 'checkout', { releaseName: 'checkout-kafka', namespace: cluster.namespace, dependsOn: cluster.dependables });
    this.cluster = cluster;
    this.release = release;

    const cartEvents = new KafkaTopic(release, 'cart-events', {
      cluster,
      production: props.production,
      name: 'checkout.cart-events.v1',
      partitions: props.production ? 12 : 3,
      retentionMs: Milliseconds.days(3),
      compressionType: 'zstd',
    });
    // A platform topic, granted by name: the team reads it but does not own it.
    const ordersPlaced = Grant.consume('orders.order-placed.v1', { group: 'checkout-service' });
    new KafkaUser(release, 'checkout-service', {
      cluster,
      production: props.production,
      name: 'checkout-service',
      grants: [Grant.produce(cartEvents.topicName, { transactionalId: 'checkout-service-*' }), ordersPlaced],
      quotas: { producerByteRate: 5 * 1024 * 1024 },
    });
    // The team's consumer group, declared to the platform's monitoring: should its consumers all stop while
    // its lag grows, KafkaConsumerGroupStalled alerts the checkout team (its own release: it needs the
    // platform's prometheus-operator CRDs, the topics do not).
    new KafkaConsumerGroupOwners(this, 'consumer-groups', { cluster, team: 'checkout', groups: ordersPlaced.consumerGroups });

    // The production rules about what a team declares; the consumed platform topic is named as someone else's.
    new TeamGuardrails(this, 'guardrails', { production: props.production, externalTopics: ['orders.order-placed.v1'] });
  }
}
