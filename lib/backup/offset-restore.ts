import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { WorkloadNames } from '../core/operations/workload-names';
import { AclResources, allow } from '../core/strimzi/acl';
import { BatchWorkload } from '../workloads/batch-workload';
import { kafkaCliJob, kafkaCliStep } from '../workloads/kafka-cli-job';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RELEASE_SHAPE } from '../delivery/custom-resource-release';

export interface OffsetRestoreProps {
  readonly cluster: IKafkaCluster;
  /** Release that carries the restore KafkaUser. */
  readonly release: CustomResourceRelease;
  /** Claim holding the backups (`MetadataBackup.claimName`). */
  readonly claimName: string;
  /** Backup to restore: its folder name, a UTC time such as `20250301T120000Z`. */
  readonly backupId: string;
  /** Only print what would change (`--dry-run`), or `execute`. @default 'dry-run' */
  readonly mode?: 'dry-run' | 'execute';
  /** Extended regular expression of groups to restore. @default - every group in the backup */
  readonly groups?: string;
  readonly listenerName?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A one-off Job that restores committed consumer group offsets from a metadata backup
 * (`restore-offsets.sh`). Topics and users are not restored from backups: they come from code.
 * It runs as its own KafkaUser, which may commit offsets (Read on groups and topics) and nothing else;
 * declare it for a restore and remove it afterwards.
 */
export class OffsetRestore extends Construct {
  public readonly jobName: string;
  public readonly workload: BatchWorkload;

  constructor(scope: Construct, id: string, props: OffsetRestoreProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, OFFSET_RESTORE_SHAPE);
    const mode = props.mode ?? 'dry-run';
    const job = kafkaCliJob(this, {
      ...props,
      name: WorkloadNames.offsetRestore(props.cluster.clusterName),
      acls: [allow(AclResources.topic('*'), ['Describe', 'Read']), allow(AclResources.group('*'), ['Describe', 'Read'])],
      why: 'restoring offsets commits them for any group of the backup: Read on groups and topics, declared only for a restore',
      check: (v) => {
        v.check(/^\d{8}T\d{6}Z$/.test(props.backupId), 'backupId', props.backupId, 'the folder name of a backup, e.g. "20250301T120000Z"');
        v.check(mode === 'dry-run' || mode === 'execute', 'mode', props.mode, 'dry-run or execute');
        if (props.groups !== undefined) v.check(props.groups.length > 0, 'groups', props.groups, 'a non-empty regular expression');
      },
      workloads: (client) => ({
        workload: {
          component: 'offset-restore',
          steps: [
            kafkaCliStep('restore', 'restore-offsets.sh', client, {
              args: [`/backups/${props.backupId}`],
              env: [{ name: 'RESTORE_MODE', value: mode }, ...(props.groups ? [{ name: 'RESTORE_GROUPS', value: props.groups }] : [])],
              mounts: [{ volume: 'backups', path: '/backups', readOnly: true }],
            }),
          ],
          volumes: [{ name: 'backups', source: { type: 'persistentVolumeClaim', claimName: props.claimName } }, ...client.volumes],
          scripts: ['restore-offsets.sh'],
          // A failed restore is investigated, not retried blindly.
          backoffLimit: 0,
        },
      }),
    });
    this.jobName = job.name;
    this.workload = job.workloads.workload;
  }
}

/** What the construct reads before validating values. */
const OFFSET_RESTORE_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: RELEASE_SHAPE,
  claimName: S.string(),
  backupId: S.string(),
  mode: S.optional(S.string()),
  groups: S.optional(S.string({ allowEmpty: true })),
  listenerName: S.optional(S.string()),
});
