import { KAFKA_DEFAULT_RETENTION_MS } from '../core/well-known';
import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { uniqueChildId, Validator } from '../core/validation';
import { Listener } from '../core/strimzi/listener';
import { kafkaMetricsConfigMapRef } from '../core/monitoring/exporter-rules';
import { buildKafkaCluster, KafkaClusterManifests, KafkaClusterSpec, ResolvedKafkaCluster, validateKafkaCluster } from '../core/strimzi/kafka';
import { clientsCaCertSecret, clusterCaCertSecret, listenerBootstrap } from '../core/strimzi/operator-names';
import { ClusterComponents, IKafkaCluster, ImportedKafkaCluster, KafkaClusterAttributes, NodePoolAttributes, selectListener } from './kafka-cluster-ref';

export interface KafkaClusterProps extends KafkaClusterSpec {
  /** Helm release that carries the cluster's custom resources. @default `<name>-cluster` */
  readonly releaseName?: string;
  /** What must exist first: the Strimzi operator release and the namespace. */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Make Terraform refuse any plan that would uninstall the cluster release (for example after a
   * construct rename). Turn on in production.
   * @default false
   */
  readonly preventDestroy?: boolean;
}

/**
 * A Strimzi KRaft Kafka cluster: the `Kafka` resource, its `KafkaNodePool`s and, with Cruise Control,
 * the rebalance templates, delivered through one Helm release of the library's chart.
 *
 * The `Kafka` and its pools are annotated `helm.sh/resource-policy: keep`: neither removing them from
 * code nor uninstalling the release deletes a running cluster or its volumes.
 */
export class KafkaCluster extends Construct implements IKafkaCluster {
  /** References a cluster this stack does not own (e.g. from a product team's stack). */
  static fromClusterAttributes(scope: Construct, id: string, attrs: KafkaClusterAttributes): IKafkaCluster {
    return new ImportedKafkaCluster(scope, id, attrs);
  }

  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly brokerCount: number;
  public readonly defaultReplicationFactor: number;
  public readonly defaultRetentionMs: number;
  public readonly minInsyncReplicas: number;
  public readonly clusterCaCertSecret: string;
  public readonly clientsCaCertSecret: string;
  public readonly listeners: readonly Listener[];
  public readonly nodePools: readonly NodePoolAttributes[];
  public readonly controllerCount: number;
  public readonly components: ClusterComponents;
  public readonly exportsMetrics: boolean;
  public readonly certificateRenewalDays: number;
  public readonly maintenanceTimeWindows: readonly string[];
  /** The inputs, for aspects and reports that inspect the cluster. */
  public readonly spec: KafkaClusterSpec;
  /** The inputs with every default applied (resolved once; the manifests are built from it). */
  public readonly resolved: ResolvedKafkaCluster;
  /** The generated objects. */
  public readonly manifests: KafkaClusterManifests;
  public readonly release: CustomResourceRelease;

  constructor(scope: Construct, id: string, props: KafkaClusterProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaCluster'));
    const v = new Validator(this.node.path);
    const resolved = validateKafkaCluster(v, props);
    v.throwIfAny();

    this.spec = props;
    this.resolved = resolved!;
    this.clusterName = props.name;
    this.namespace = props.namespace;
    this.listeners = this.resolved.listeners;
    this.brokerCount = props.topology.brokerCount;
    this.defaultReplicationFactor = this.resolved.defaultReplicationFactor;
    this.defaultRetentionMs = this.resolved.defaultRetentionMs ?? KAFKA_DEFAULT_RETENTION_MS;
    this.minInsyncReplicas = this.resolved.minInsyncReplicas;
    this.clusterCaCertSecret = clusterCaCertSecret(props.name);
    this.clientsCaCertSecret = clientsCaCertSecret(props.name);
    this.nodePools = props.topology.pools.map((p) => ({ name: p.name, roles: [...p.roles], replicas: p.replicas }));
    this.controllerCount = props.topology.controllerCount;
    this.components = { cruiseControl: props.cruiseControl !== undefined, kafkaExporter: props.kafkaExporter !== false, entityOperator: true };
    const metrics = this.resolved.metricsConfigMap;
    const library = kafkaMetricsConfigMapRef(props.name);
    this.exportsMetrics = metrics?.name === library.name && metrics.key === library.key;
    this.certificateRenewalDays = this.resolved.certificateRenewalDays;
    this.maintenanceTimeWindows = props.maintenanceTimeWindows ?? [];

    this.manifests = buildKafkaCluster(props, this.resolved);
    this.release = new CustomResourceRelease(this, 'resources', {
      releaseName: props.releaseName ?? `${props.name}-cluster`,
      namespace: props.namespace,
      dependsOn: props.dependsOn,
      preventDestroy: props.preventDestroy,
    });
    this.release.add(this.manifests.kafka, this, { keepOnRemoval: true });
    for (const pool of this.manifests.nodePools) this.release.add(pool, this, { keepOnRemoval: true });
    for (const template of this.manifests.rebalanceTemplates) this.release.add(template, this);
  }

  get dependables(): ITerraformDependable[] {
    return [this.release.release];
  }

  bootstrapServers(listenerName?: string): string {
    return listenerBootstrap(this.clusterName, this.namespace, selectListener(this.node.path, this.listeners, listenerName));
  }
}
