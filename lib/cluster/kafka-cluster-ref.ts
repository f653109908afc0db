import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DNS_LABEL_RULE, isDnsLabel, MAX_CLUSTER_NAME } from '../core/names';
import { S } from '../core/shape';
import { KAFKA_DEFAULT_RETENTION_MS } from '../core/well-known';
import { uniqueChildId, Validator } from '../core/validation';
import { Listener } from '../core/strimzi/listener';
import { clientsCaCertSecret, clusterCaCertSecret, listenerBootstrap } from '../core/strimzi/operator-names';
import { defaultMinInsyncReplicas, defaultReplicationFactor } from '../core/strimzi/replication-defaults';

/** What other constructs need to know about a Kafka cluster, owned here or elsewhere. */
export interface IKafkaCluster {
  /** Name of the `Kafka` resource; also the `strimzi.io/cluster` label of its topics and users. */
  readonly clusterName: string;
  /** Namespace of the cluster; topics and users must be created there. */
  readonly namespace: string;
  /** Number of brokers, when known: bounds topic replication. */
  readonly brokerCount?: number;
  /** Replication factor new topics default to. */
  readonly defaultReplicationFactor: number;
  /** `min.insync.replicas` topics default to. */
  readonly minInsyncReplicas: number;
  /** Secret holding the cluster CA certificate (`ca.crt`) that clients trust. */
  readonly clusterCaCertSecret: string;
  /** Secret holding the clients CA certificate. */
  readonly clientsCaCertSecret: string;
  /** In-cluster bootstrap address (`host:port`) of a listener; the first listener when no name is given. */
  bootstrapServers(listenerName?: string): string;
  /**
   * The cluster's listeners with their TLS and authentication, when known (a cluster owned in this stack);
   * undefined for a cluster referenced by attributes.
   */
  readonly listeners?: readonly Listener[];
  /** Resources that must exist before topics and users: the cluster's own release, when owned in this stack. */
  readonly dependables: ITerraformDependable[];
  /** Node pools with their roles and replicas, when known (monitoring selects their pods and volumes by name). */
  readonly nodePools?: readonly NodePoolAttributes[];
  /** KRaft controllers (replicas of the pools with the controller role), when known. */
  readonly controllerCount?: number;
  /** What runs beside the brokers, when known. */
  readonly components?: ClusterComponents;
  /** The brokers (and Cruise Control) export metrics through the library's JMX exporter rules (`metrics: true`). */
  readonly exportsMetrics?: boolean;
  /** The smaller `renewalDays` of the cluster and clients CAs, when known. */
  readonly certificateRenewalDays?: number;
  /** The cluster's `maintenanceTimeWindows` (Quartz cron, UTC), when known. */
  readonly maintenanceTimeWindows?: readonly string[];
  /** The brokers' `log.retention.ms` (what topics without their own retention keep), when known. */
  readonly defaultRetentionMs?: number;
}

/** A node pool as other constructs see it. */
export interface NodePoolAttributes {
  readonly name: string;
  readonly roles: readonly ('controller' | 'broker')[];
  readonly replicas: number;
}

/** Components of a cluster that run beside the brokers. */
export interface ClusterComponents {
  /** Cruise Control is deployed. */
  readonly cruiseControl: boolean;
  /** Kafka Exporter (consumer lag) is deployed. */
  readonly kafkaExporter: boolean;
  /** The topic and user operators run (they always do for clusters of this library). */
  readonly entityOperator: boolean;
}

/** A listener of a referenced cluster. */
export interface ListenerAttributes {
  readonly name: string;
  readonly port: number;
  /** @default 'internal' */
  readonly type?: string;
}

/** Attributes of a cluster this stack does not own, e.g. the platform team's cluster seen from a product stack. */
export interface KafkaClusterAttributes {
  readonly clusterName: string;
  readonly namespace: string;
  /**
   * Brokers of the cluster: bounds topic replication, and sets the replication defaults below.
   * @default - unknown; topic replication is then only checked against `defaultReplicationFactor`
   */
  readonly brokerCount?: number;
  /**
   * The cluster's `default.replication.factor` (what topics without `replicas` get). Declare it when the
   * platform's cluster sets its own; at most `brokerCount`.
   * @default min(3, brokerCount), the platform's rule (3 when `brokerCount` is unknown)
   */
  readonly defaultReplicationFactor?: number;
  /**
   * The cluster's `min.insync.replicas` (what topics without `minInsyncReplicas` keep); at most
   * `defaultReplicationFactor`.
   * @default min(2, defaultReplicationFactor), the platform's rule
   */
  readonly minInsyncReplicas?: number;
  /** @default [{ name: 'tls', port: 9093 }] */
  readonly listeners?: readonly ListenerAttributes[];
  /**
   * Node pools, for monitoring the cluster. `brokerCount` defaults to the replicas of the broker pools.
   * @default - unknown (KafkaMonitoring then refuses the cluster)
   */
  readonly nodePools?: readonly NodePoolAttributes[];
  /** @default { cruiseControl: false, kafkaExporter: true, entityOperator: true } */
  readonly components?: Partial<ClusterComponents>;
  /** The cluster was created with `metrics: true` (the library's exporter rules). @default false */
  readonly exportsMetrics?: boolean;
  /** @default 30 (Strimzi's default) */
  readonly certificateRenewalDays?: number;
  /** @default [] */
  readonly maintenanceTimeWindows?: readonly string[];
  /** The brokers' `log.retention.ms`. @default 604800000 (Kafka's 168 hours) */
  readonly defaultRetentionMs?: number;
}

const ATTRIBUTES_SHAPE = S.object({
  clusterName: S.string(),
  namespace: S.string(),
  brokerCount: S.optional(S.numeric()),
  defaultReplicationFactor: S.optional(S.numeric()),
  minInsyncReplicas: S.optional(S.numeric()),
  listeners: S.optional(S.array(S.object({ name: S.string(), port: S.numeric(), type: S.optional(S.string()) }))),
  nodePools: S.optional(S.array(S.object({ name: S.string(), roles: S.array(S.oneOf(['controller', 'broker'])), replicas: S.numeric() }))),
  components: S.optional(S.object({ cruiseControl: S.optional(S.boolean()), kafkaExporter: S.optional(S.boolean()), entityOperator: S.optional(S.boolean()) })),
  exportsMetrics: S.optional(S.boolean()),
  certificateRenewalDays: S.optional(S.numeric()),
  maintenanceTimeWindows: S.optional(S.array(S.string())),
});

/** Picks a listener by name (first when unnamed) or fails with the names there are. */
export function selectListener<T extends { readonly name: string }>(path: string, listeners: readonly T[], name?: string): T {
  const found = name === undefined ? listeners[0] : listeners.find((l) => l.name === name);
  if (!found) {
    const v = new Validator(path);
    v.fail('listenerName', name, `one of the cluster's listeners: ${listeners.map((l) => l.name).join(', ') || '(none)'}`);
    v.throwIfAny();
  }
  return found!;
}

/** A cluster known only by its attributes. Create with `KafkaCluster.fromClusterAttributes`. */
export class ImportedKafkaCluster extends Construct implements IKafkaCluster {
  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly brokerCount?: number;
  public readonly defaultReplicationFactor: number;
  public readonly defaultRetentionMs: number;
  public readonly minInsyncReplicas: number;
  public readonly clusterCaCertSecret: string;
  public readonly clientsCaCertSecret: string;
  public readonly dependables: ITerraformDependable[] = [];
  public readonly nodePools?: readonly NodePoolAttributes[];
  public readonly controllerCount?: number;
  public readonly components: ClusterComponents;
  public readonly exportsMetrics: boolean;
  public readonly certificateRenewalDays: number;
  public readonly maintenanceTimeWindows: readonly string[];
  private readonly listenerAttributes: readonly ListenerAttributes[];

  constructor(scope: Construct, id: string, attrs: KafkaClusterAttributes) {
    super(scope, uniqueChildId(scope, id, 'imported Kafka cluster'));
    const v = new Validator(this.node.path);
    if (!ATTRIBUTES_SHAPE.check(v, '', attrs)) v.throwIfAny();
    v.check(isDnsLabel(attrs.clusterName, MAX_CLUSTER_NAME), 'clusterName', attrs.clusterName, `${DNS_LABEL_RULE}, at most ${MAX_CLUSTER_NAME} characters`);
    v.check(isDnsLabel(attrs.namespace), 'namespace', attrs.namespace, DNS_LABEL_RULE);
    v.integer('brokerCount', attrs.brokerCount, 1);
    v.integer('defaultReplicationFactor', attrs.defaultReplicationFactor, 1);
    v.integer('defaultRetentionMs', attrs.defaultRetentionMs, -1);
    v.integer('minInsyncReplicas', attrs.minInsyncReplicas, 1);
    v.integer('certificateRenewalDays', attrs.certificateRenewalDays, 1);
    (attrs.nodePools ?? []).forEach((p, i) => {
      v.check(isDnsLabel(p.name), `nodePools[${i}].name`, p.name, DNS_LABEL_RULE);
      v.integer(`nodePools[${i}].replicas`, p.replicas, 0);
    });
    const replicasOf = (role: 'controller' | 'broker') =>
      attrs.nodePools && attrs.nodePools.filter((p) => p.roles.includes(role)).reduce((n, p) => n + p.replicas, 0);
    const poolBrokers = replicasOf('broker');
    if (attrs.brokerCount !== undefined && poolBrokers !== undefined) {
      v.check(attrs.brokerCount === poolBrokers, 'brokerCount', attrs.brokerCount, `the replicas of the broker pools (${poolBrokers}), or unset`);
    }
    v.throwIfAny();
    const brokerCount = attrs.brokerCount ?? poolBrokers;
    const defaultRf = attrs.defaultReplicationFactor ?? (brokerCount === undefined ? 3 : defaultReplicationFactor(brokerCount));
    const defaultMinIsr = attrs.minInsyncReplicas ?? defaultMinInsyncReplicas(defaultRf);
    // Declared defaults the brokers cannot hold describe no real cluster: every topic would inherit them.
    if (brokerCount !== undefined && attrs.defaultReplicationFactor !== undefined) {
      v.check(
        defaultRf <= brokerCount,
        'defaultReplicationFactor',
        defaultRf,
        `at most brokerCount (${brokerCount}): a cluster of ${brokerCount} broker${brokerCount === 1 ? '' : 's'} holds at most ${brokerCount} replicas; leave it unset for the platform's default min(3, brokerCount) = ${defaultReplicationFactor(brokerCount)}`,
      );
    }
    if (attrs.minInsyncReplicas !== undefined) {
      const from =
        attrs.defaultReplicationFactor !== undefined
          ? `defaultReplicationFactor (${defaultRf})`
          : brokerCount === undefined
            ? `the default replication factor (${defaultRf})`
            : `the default replication factor min(3, brokerCount) = ${defaultRf}`;
      v.check(defaultMinIsr <= defaultRf, 'minInsyncReplicas', defaultMinIsr, `at most ${from}; leave it unset for the platform's default min(2, replication) = ${defaultMinInsyncReplicas(defaultRf)}`);
    }
    v.throwIfAny();
    this.clusterName = attrs.clusterName;
    this.namespace = attrs.namespace;
    this.brokerCount = brokerCount;
    this.nodePools = attrs.nodePools;
    this.controllerCount = replicasOf('controller');
    this.components = { cruiseControl: false, kafkaExporter: true, entityOperator: true, ...(attrs.components ?? {}) };
    this.exportsMetrics = attrs.exportsMetrics ?? false;
    this.certificateRenewalDays = attrs.certificateRenewalDays ?? 30;
    this.maintenanceTimeWindows = attrs.maintenanceTimeWindows ?? [];
    this.defaultReplicationFactor = defaultRf;
    this.defaultRetentionMs = attrs.defaultRetentionMs ?? KAFKA_DEFAULT_RETENTION_MS;
    this.minInsyncReplicas = defaultMinIsr;
    this.clusterCaCertSecret = clusterCaCertSecret(attrs.clusterName);
    this.clientsCaCertSecret = clientsCaCertSecret(attrs.clusterName);
    this.listenerAttributes = attrs.listeners ?? [{ name: 'tls', port: 9093 }];
  }

  bootstrapServers(listenerName?: string): string {
    return listenerBootstrap(this.clusterName, this.namespace, selectListener(this.node.path, this.listenerAttributes, listenerName));
  }
}
