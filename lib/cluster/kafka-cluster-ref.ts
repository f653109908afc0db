import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { DNS_LABEL_RULE, isDnsLabel, MAX_CLUSTER_NAME } from '../core/names';
import { S } from '../core/shape';
import { uniqueChildId, Validator } from '../core/validation';
import { Listener } from '../core/strimzi/listener';
import { clientsCaCertSecret, clusterCaCertSecret, listenerBootstrap } from '../core/strimzi/operator-names';

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
  /** @default - unknown; topic replication is then only checked against `defaultReplicationFactor` */
  readonly brokerCount?: number;
  /** @default 3 */
  readonly defaultReplicationFactor?: number;
  /** @default 2 */
  readonly minInsyncReplicas?: number;
  /** @default [{ name: 'tls', port: 9093 }] */
  readonly listeners?: readonly ListenerAttributes[];
}

const ATTRIBUTES_SHAPE = S.object({
  clusterName: S.string(),
  namespace: S.string(),
  brokerCount: S.optional(S.numeric()),
  defaultReplicationFactor: S.optional(S.numeric()),
  minInsyncReplicas: S.optional(S.numeric()),
  listeners: S.optional(S.array(S.object({ name: S.string(), port: S.numeric(), type: S.optional(S.string()) }))),
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
  public readonly minInsyncReplicas: number;
  public readonly clusterCaCertSecret: string;
  public readonly clientsCaCertSecret: string;
  public readonly dependables: ITerraformDependable[] = [];
  private readonly listenerAttributes: readonly ListenerAttributes[];

  constructor(scope: Construct, id: string, attrs: KafkaClusterAttributes) {
    super(scope, uniqueChildId(scope, id, 'imported Kafka cluster'));
    const v = new Validator(this.node.path);
    if (!ATTRIBUTES_SHAPE.check(v, '', attrs)) v.throwIfAny();
    v.check(isDnsLabel(attrs.clusterName, MAX_CLUSTER_NAME), 'clusterName', attrs.clusterName, `${DNS_LABEL_RULE}, at most ${MAX_CLUSTER_NAME} characters`);
    v.check(isDnsLabel(attrs.namespace), 'namespace', attrs.namespace, DNS_LABEL_RULE);
    v.integer('brokerCount', attrs.brokerCount, 1);
    v.integer('defaultReplicationFactor', attrs.defaultReplicationFactor, 1);
    v.integer('minInsyncReplicas', attrs.minInsyncReplicas, 1);
    v.throwIfAny();
    this.clusterName = attrs.clusterName;
    this.namespace = attrs.namespace;
    this.brokerCount = attrs.brokerCount;
    this.defaultReplicationFactor = attrs.defaultReplicationFactor ?? 3;
    this.minInsyncReplicas = attrs.minInsyncReplicas ?? 2;
    this.clusterCaCertSecret = clusterCaCertSecret(attrs.clusterName);
    this.clientsCaCertSecret = clientsCaCertSecret(attrs.clusterName);
    this.listenerAttributes = attrs.listeners ?? [{ name: 'tls', port: 9093 }];
  }

  bootstrapServers(listenerName?: string): string {
    return listenerBootstrap(this.clusterName, this.namespace, selectListener(this.node.path, this.listenerAttributes, listenerName));
  }
}
