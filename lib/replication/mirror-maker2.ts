import { KAFKA_DEFAULT_RETENTION_MS } from '../core/well-known';
import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { KubernetesObject } from '../core/kubernetes';
import { buildMirrorMaker2, MirrorAuthentication, MirrorClusterConnection, MirrorMaker2Spec, validateMirrorMaker2 } from '../core/operations/mirror-maker2-resource';
import { AclResources, allow } from '../core/strimzi/acl';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RESOURCES_SHAPE } from '../core/resources';
import { uniqueChildId, Validator } from '../core/validation';
import { WorkloadNames } from '../core/operations/workload-names';
import { mirrorMaker2MetricsConfigMapRef } from '../core/monitoring/exporter-rules';
import { operationsAccess } from '../workloads/kafka-access';
import { addOperationsUser } from '../workloads/operations-user';

/** The disaster-recovery or backup cluster, known by attributes (it is owned elsewhere). */
export type ReplicationTarget = MirrorClusterConnection;

export interface KafkaMirrorMaker2Props extends Omit<MirrorMaker2Spec, 'name' | 'namespace' | 'source' | 'target'> {
  /** The cluster replicated from: the platform's own. */
  readonly cluster: IKafkaCluster;
  /** Where data goes. Its CA and credential Secrets must exist in the cluster's namespace. */
  readonly target: ReplicationTarget;
  /** Release of the KafkaMirrorMaker2 and its source-side KafkaUser. */
  readonly release: CustomResourceRelease;
  /** @default `<cluster>-mirror` */
  readonly name?: string;
  /** Alias of this cluster in topic names and offsets. @default the cluster name */
  readonly sourceAlias?: string;
  /** Listener MirrorMaker 2 reads from. @default - the first internal TLS listener with authentication */
  readonly listenerName?: string;
  /**
   * Export metrics through the library's MirrorMaker 2 exporter rules (the ConfigMap `KafkaMonitoring`
   * writes for the cluster); Strimzi opens no metrics port without them. Not together with `metricsConfigMap`.
   * @default false
   */
  readonly metrics?: boolean;
}

/**
 * MirrorMaker 2 replicating the platform's cluster to a disaster-recovery cluster, with a checkpoint
 * connector that translates committed offsets so consumers can resume on the target. Reads with its
 * own read-only KafkaUser (Read/Describe on topics, Describe on groups and the cluster); offset syncs,
 * checkpoints and Connect's topics live on the target. Identity topic names, read_committed, topic
 * configs including retention synced (see `MirrorMaker2Spec`).
 */
export class KafkaMirrorMaker2 extends Construct {
  public readonly manifest: KubernetesObject;
  public readonly sourceUserName: string;

  constructor(scope: Construct, id: string, props: KafkaMirrorMaker2Props) {
    super(scope, uniqueChildId(scope, id, 'KafkaMirrorMaker2'));
    refuseBadShapeAt(this.node.path, props, MIRROR_MAKER2_PROPS_SHAPE);
    const { cluster } = props;
    const v = new Validator(this.node.path);
    const name = props.name ?? WorkloadNames.mirrorMaker2(cluster.clusterName);
    const userName = `${name}-source`;
    const access = operationsAccess(v, cluster, userName, props.listenerName);
    if (props.metrics && props.metricsConfigMap) {
      v.fail('metrics', props.metrics, 'not together with metricsConfigMap (metrics: true uses the library exporter rules; leave one out)');
    }
    let spec: MirrorMaker2Spec | undefined;
    if (access) {
      const mtls = access.connection.credentials.type === 'tls';
      spec = {
        ...props,
        metricsConfigMap: props.metrics ? mirrorMaker2MetricsConfigMapRef(cluster.clusterName) : props.metricsConfigMap,
        name,
        namespace: cluster.namespace,
        source: {
          alias: props.sourceAlias ?? cluster.clusterName,
          bootstrapServers: access.connection.bootstrapServers,
          caCertSecret: cluster.clusterCaCertSecret,
          authentication: mtls ? MirrorAuthentication.mutualTls(userName) : MirrorAuthentication.scramSha512(userName, userName),
        },
        target: props.target,
      };
      validateMirrorMaker2(v, spec);
      // Read-only on the source: offset syncs are stored on the target (offset-syncs.topic.location).
      addOperationsUser(this, props.release, cluster, userName, access.userAuthentication, [
        allow(AclResources.topic('*'), ['Read', 'Describe', 'DescribeConfigs']),
        allow(AclResources.group('*'), ['Describe']),
        allow(AclResources.cluster(), ['Describe']),
      ], 'disaster recovery replicates every topic and the offsets of every group');
    }
    v.throwIfAny();
    this.sourceUserName = userName;
    this.manifest = buildMirrorMaker2(spec!);
    props.release.add(this.manifest, this);
    if (props.syncRetention === false) {
      // Checked once the stack is complete: topics may be declared after the replication.
      this.node.addValidation({ validate: () => retentionProblems(this, cluster, props.targetRetentionMs!) });
    }
  }
}

/**
 * Topics of the cluster declared in the stack that keep data longer than the DR target does; topics
 * without their own `retention.ms` keep the source brokers' `log.retention.ms` (Kafka's 168 hours unless set).
 */
function retentionProblems(mirror: KafkaMirrorMaker2, cluster: IKafkaCluster, targetMs: number): string[] {
  const longer = (ms: number) => (targetMs === -1 ? false : ms === -1 || ms > targetMs);
  const brokerDefaultMs = cluster.defaultRetentionMs ?? KAFKA_DEFAULT_RETENTION_MS;
  let atDefault = 0;
  const short = TerraformStack.of(mirror)
    .node.findAll()
    .flatMap((c) => {
      const m = (c as { manifest?: KubernetesObject }).manifest;
      if (!m || m.kind !== 'KafkaTopic' || m.metadata.namespace !== cluster.namespace || m.metadata.labels?.['strimzi.io/cluster'] !== cluster.clusterName) return [];
      const spec = m.spec as { topicName?: string; config?: Record<string, unknown> };
      const ms = spec.config?.['retention.ms'];
      if (typeof ms !== 'number') {
        atDefault++;
        return [];
      }
      return longer(ms) ? [`${spec.topicName ?? m.metadata.name} keeps ${ms} ms`] : [];
    });
  if (atDefault > 0 && longer(brokerDefaultMs)) short.push(`${atDefault} topics keep the broker default ${brokerDefaultMs} ms`);
  return short.length === 0
    ? []
    : [`${mirror.node.path}: targetRetentionMs = ${targetMs}: at least the retention of every replicated topic, or syncRetention true (${short.join(', ')})`];
}

/**
 * Problems of a stack whose monitoring alerts on MirrorMaker 2 in `namespace`: Strimzi opens the metrics
 * port only with `metricsConfig`, so every KafkaMirrorMaker2 there must use the library's MM2 exporter
 * rules (`expected`), and at least one must be declared. Empty when all is well.
 */
export function mirrorMaker2MetricsProblems(monitoring: IConstruct, namespace: string, expected: { readonly name: string; readonly key: string }): string[] {
  const mirrors = TerraformStack.of(monitoring)
    .node.findAll()
    .filter((c): c is KafkaMirrorMaker2 => c instanceof KafkaMirrorMaker2 && c.manifest.metadata.namespace === namespace);
  if (mirrors.length === 0) {
    return [`${monitoring.node.path}: mirrorMaker2 = true: a KafkaMirrorMaker2 in namespace "${namespace}" declared in this stack (there is none; declare the replication or set mirrorMaker2 to false)`];
  }
  return mirrors.flatMap((m) => {
    const ref = (m.manifest.spec as { metricsConfig?: { valueFrom?: { configMapKeyRef?: { name?: string; key?: string } } } }).metricsConfig?.valueFrom?.configMapKeyRef;
    return ref?.name === expected.name && ref?.key === expected.key
      ? []
      : [
          `${m.node.path}: metricsConfigMap = ${ref ? JSON.stringify(ref) : 'undefined'}: ${JSON.stringify(expected)} (mirrorMaker2MetricsConfigMapRef), because the monitoring alerts on MirrorMaker 2 and Strimzi opens no metrics port without metricsConfig`,
        ];
  });
}

/** What the construct reads before validating values: the cluster, the release and a complete target. */
const MIRROR_MAKER2_PROPS_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: S.instance(CustomResourceRelease, 'a CustomResourceRelease'),
  target: S.object({
    alias: S.string(),
    bootstrapServers: S.string(),
    caCertSecret: S.string(),
    authentication: S.instance(MirrorAuthentication, 'a MirrorAuthentication (MirrorAuthentication.scramSha512(user, secret) or .mutualTls(secret))'),
  }),
  name: S.optional(S.string()),
  sourceAlias: S.optional(S.string()),
  listenerName: S.optional(S.string()),
  metrics: S.optional(S.boolean()),
  topicsPattern: S.optional(S.string()),
  topicsExcludePattern: S.optional(S.string()),
  groupsPattern: S.optional(S.string()),
  groupsExcludePattern: S.optional(S.string()),
  replicas: S.optional(S.numeric()),
  tasksMax: S.optional(S.numeric()),
  targetReplicationFactor: S.optional(S.numeric()),
  resources: S.optional(RESOURCES_SHAPE),
  labels: S.optional(S.stringMap()),
});
