import { Construct } from 'constructs';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { KubernetesObject } from '../core/kubernetes';
import { buildMirrorMaker2, MirrorAuthentication, MirrorClusterConnection, MirrorMaker2Spec, validateMirrorMaker2 } from '../core/operations/mirror-maker2';
import { AclResources, allow } from '../core/strimzi/acl';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RESOURCES_SHAPE } from '../core/resources';
import { uniqueChildId, Validator } from '../core/validation';
import { operationsAccess } from '../operations/kafka-access';
import { addOperationsUser } from '../operations/operations-user';

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
}

/**
 * MirrorMaker 2 replicating the platform's cluster to a disaster-recovery cluster, with a checkpoint
 * connector that translates committed offsets so consumers can resume on the target. Reads with its
 * own KafkaUser: Read/Describe on topics, Describe on groups, and its offset-sync topic on the source.
 */
export class KafkaMirrorMaker2 extends Construct {
  public readonly manifest: KubernetesObject;
  public readonly sourceUserName: string;

  constructor(scope: Construct, id: string, props: KafkaMirrorMaker2Props) {
    super(scope, uniqueChildId(scope, id, 'KafkaMirrorMaker2'));
    refuseBadShapeAt(this.node.path, props, MIRROR_MAKER2_PROPS_SHAPE);
    const { cluster } = props;
    const v = new Validator(this.node.path);
    const name = props.name ?? `${cluster.clusterName}-mirror`;
    const userName = `${name}-source`;
    const access = operationsAccess(v, cluster, userName, props.listenerName);
    let spec: MirrorMaker2Spec | undefined;
    if (access) {
      const mtls = access.connection.credentials.type === 'tls';
      spec = {
        ...props,
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
      addOperationsUser(this, props.release, cluster, userName, access.userAuthentication, [
        allow(AclResources.topic('*'), ['Read', 'Describe', 'DescribeConfigs']),
        allow(AclResources.group('*'), ['Describe']),
        allow(AclResources.cluster(), ['Describe']),
        // MirrorMaker 2 keeps its offset translation in mm2-offset-syncs.<target alias>.internal on the source.
        allow(AclResources.topic('mm2-offset-syncs.*'), ['Create', 'Read', 'Write', 'Describe', 'DescribeConfigs']),
      ], 'disaster recovery replicates every topic and the offsets of every group');
    }
    v.throwIfAny();
    this.sourceUserName = userName;
    this.manifest = buildMirrorMaker2(spec!);
    props.release.add(this.manifest, this);
  }
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
