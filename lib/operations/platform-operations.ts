import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { MetadataBackup, MetadataBackupProps } from '../backup/metadata-backup';
import { OffsetRestore, OffsetRestoreProps } from '../backup/offset-restore';
import { VolumeSnapshots, VolumeSnapshotsProps } from '../backup/volume-snapshots';
import { TopicBackup, TopicBackupProps } from '../backup/topic-backup';
import { KafkaTopic } from '../topics/kafka-topic';
import { KafkaMirrorMaker2, KafkaMirrorMaker2Props } from '../replication/mirror-maker2';
import { PreferredLeaderElection, PreferredLeaderElectionProps } from '../maintenance/preferred-leader-election';
import { ManualRebalance, ManualRebalanceProps } from '../maintenance/manual-rebalance';
import { AclAudit, AclAuditProps } from '../security/acl-audit';
import { LoadTest, LoadTestProfile } from '../loadtest/load-test';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { uniqueChildId, Validator } from '../core/validation';
import { WorkloadNames } from '../core/operations/workload-names';

type Shared = 'cluster' | 'release' | 'dependsOn';

/** Which operations workloads an environment runs; each is off unless given. */
export interface OperationsConfig {
  readonly metadataBackup?: Omit<MetadataBackupProps, Shared>;
  /**
   * A one-off offset restore from a backup of `metadataBackup`: its volume, or (`source: 's3'`) its off-cluster copy
   * in the metadata backup's bucket; declare it only for a restore.
   */
  readonly offsetRestore?: Omit<OffsetRestoreProps, Shared | 'claimName' | 's3'>;
  /** Topic data backup to object storage, restores from it and the restore drill. */
  readonly topicBackup?: Omit<TopicBackupProps, Shared | 'declaredTopics' | 'production'>;
  readonly volumeSnapshots?: Omit<VolumeSnapshotsProps, Shared>;
  readonly replication?: Omit<KafkaMirrorMaker2Props, Shared>;
  readonly leaderElection?: Omit<PreferredLeaderElectionProps, Shared>;
  readonly manualRebalance?: Omit<ManualRebalanceProps, Shared>;
  readonly aclAudit?: Omit<AclAuditProps, Shared>;
  /** Load-test profiles to run (Jobs start when created). @default [] */
  readonly loadTests?: readonly LoadTestProfile[];
}

export interface PlatformOperationsProps extends OperationsConfig {
  readonly cluster: IKafkaCluster;
  readonly dependsOn?: ITerraformDependable[];
  /** @default `<cluster>-operations` */
  readonly releaseName?: string;
  /** Production: the backup volume is protected from destroy (`prevent_destroy`). @default false */
  readonly production?: boolean;
  /** The topics declared on the cluster (`KafkaTopology.topics`), which the topic backup selects from. @default [] */
  readonly topics?: readonly KafkaTopic[];
}

/**
 * The operations workloads of one cluster. Their KafkaUsers, KafkaRebalance, load-test topics and the
 * KafkaMirrorMaker2 go through one release, `<cluster>-operations`, apart from the cluster's own.
 */
export class PlatformOperations extends Construct {
  public readonly release: CustomResourceRelease;
  public readonly metadataBackup?: MetadataBackup;
  public readonly volumeSnapshots?: VolumeSnapshots;
  public readonly replication?: KafkaMirrorMaker2;
  public readonly topicBackup?: TopicBackup;

  constructor(scope: Construct, id: string, props: PlatformOperationsProps) {
    super(scope, uniqueChildId(scope, id, 'PlatformOperations'));
    refuseBadShapeAt(this.node.path, props, OPERATIONS_PROPS_SHAPE);
    // Each profile runs once: its construct, topic and user are named after it.
    const v = new Validator(this.node.path);
    const profiles = (props.loadTests ?? []).map((p) => p.name);
    profiles.forEach((name, i) => {
      const first = profiles.indexOf(name);
      v.check(first === i, `loadTests[${i}].name`, name, `a load-test profile not already in loadTests (loadTests[${first}] is "${name}" too; each profile runs once, as load-test-${name})`);
    });
    v.throwIfAny();
    const { cluster } = props;
    const dependsOn = [...(props.dependsOn ?? []), ...cluster.dependables];
    this.release = new CustomResourceRelease(this, 'release', {
      releaseName: props.releaseName ?? WorkloadNames.operationsRelease(cluster.clusterName),
      namespace: cluster.namespace,
      dependsOn,
    });
    const shared = { cluster, release: this.release, dependsOn };
    if (props.metadataBackup) this.metadataBackup = new MetadataBackup(this, 'metadata-backup', { preventDestroy: props.production, ...props.metadataBackup, ...shared });
    if (props.offsetRestore) {
      const claimName = this.metadataBackup?.claimName ?? WorkloadNames.metadataBackup(cluster.clusterName);
      new OffsetRestore(this, 'offset-restore', { ...props.offsetRestore, ...shared, claimName, s3: props.metadataBackup?.s3 });
    }
    if (props.topicBackup) {
      this.topicBackup = new TopicBackup(this, 'topic-backup', { production: props.production, ...props.topicBackup, cluster, dependsOn, declaredTopics: props.topics ?? [] });
    }
    if (props.volumeSnapshots) this.volumeSnapshots = new VolumeSnapshots(this, 'volume-snapshots', { ...props.volumeSnapshots, cluster, dependsOn });
    if (props.replication) this.replication = new KafkaMirrorMaker2(this, 'replication', { ...props.replication, cluster, release: this.release });
    if (props.leaderElection) new PreferredLeaderElection(this, 'leader-election', { ...props.leaderElection, ...shared });
    if (props.manualRebalance) new ManualRebalance(this, 'manual-rebalance', { ...props.manualRebalance, cluster, release: this.release });
    if (props.aclAudit) new AclAudit(this, 'acl-audit', { ...props.aclAudit, ...shared });
    for (const profile of props.loadTests ?? []) new LoadTest(this, `load-test-${profile.name}`, { profile, ...shared });
  }
}

const SECTION = S.optional(S.object({}));
/** Each section is an object (its construct checks it in depth); load tests are profiles. */
const OPERATIONS_PROPS_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  metadataBackup: SECTION,
  offsetRestore: SECTION,
  topicBackup: SECTION,
  volumeSnapshots: SECTION,
  replication: SECTION,
  leaderElection: SECTION,
  manualRebalance: SECTION,
  aclAudit: SECTION,
  loadTests: S.optional(S.array(S.instance(LoadTestProfile, 'a LoadTestProfile (LoadTestProfile.baseline(), .stress(), ...)'))),
});
