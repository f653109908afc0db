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
import { SCRIPTS_PATH, WorkloadStep } from '../core/operations/workload-model';
import { DEFAULT_AWS_CLI_IMAGE, TOOL_RESOURCES } from '../core/operations/images';
import { S3BackupTarget, s3Env } from './backup-storage';

export interface OffsetRestoreProps {
  readonly cluster: IKafkaCluster;
  /** Release that carries the restore KafkaUser. */
  readonly release: CustomResourceRelease;
  /** Claim holding the backups (`MetadataBackup.claimName`); not needed with `source: 's3'`. */
  readonly claimName?: string;
  /**
   * Where the backup is read: the in-cluster volume, or the off-cluster copy in object storage (the only one left
   * after the cluster, and its volume, is lost), downloaded into the Job first. @default 'volume'
   */
  readonly source?: 'volume' | 's3';
  /** The metadata backup's bucket (`MetadataBackup`'s `s3`), for `source: 's3'`. */
  readonly s3?: S3BackupTarget;
  /** @default DEFAULT_AWS_CLI_IMAGE */
  readonly awsCliImage?: string;
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
    const fromS3 = props.source === 's3';
    const job = kafkaCliJob(this, {
      ...props,
      name: WorkloadNames.offsetRestore(props.cluster.clusterName),
      acls: [allow(AclResources.topic('*'), ['Describe', 'Read']), allow(AclResources.group('*'), ['Describe', 'Read'])],
      why: 'restoring offsets commits them for any group of the backup: Read on groups and topics, declared only for a restore',
      check: (v) => {
        v.check(/^\d{8}T\d{6}Z$/.test(props.backupId), 'backupId', props.backupId, 'the folder name of a backup, e.g. "20250301T120000Z"');
        v.check(mode === 'dry-run' || mode === 'execute', 'mode', props.mode, 'dry-run or execute');
        if (props.groups !== undefined) v.check(props.groups.length > 0, 'groups', props.groups, 'a non-empty regular expression');
        v.check(props.source === undefined || props.source === 'volume' || props.source === 's3', 'source', props.source, '"volume" or "s3"');
        if (fromS3) v.check(props.s3 !== undefined, 's3', props.s3, "the metadata backup's s3 target (source 's3' reads the off-cluster copy)");
        else v.check(props.claimName !== undefined, 'claimName', props.claimName, "the backup volume's claim (or source: 's3')");
      },
      workloads: (client) => ({
        workload: {
          component: 'offset-restore',
          steps: [
            ...(fromS3 ? [s3DownloadStep(props.s3!, props.cluster.clusterName, props.backupId, props.awsCliImage)] : []),
            kafkaCliStep('restore', 'restore-offsets.sh', client, {
              args: [`/backups/${props.backupId}`],
              env: [{ name: 'RESTORE_MODE', value: mode }, ...(props.groups ? [{ name: 'RESTORE_GROUPS', value: props.groups }] : [])],
              mounts: [{ volume: 'backups', path: '/backups', readOnly: true }],
            }),
          ],
          volumes: [
            fromS3 ? { name: 'backups', source: { type: 'emptyDir', sizeLimit: '1Gi' } } : { name: 'backups', source: { type: 'persistentVolumeClaim', claimName: props.claimName! } },
            ...client.volumes,
          ],
          scripts: fromS3 ? ['s3-download.sh', 'restore-offsets.sh'] : ['restore-offsets.sh'],
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
  claimName: S.optional(S.string()),
  backupId: S.string(),
  source: S.optional(S.string()),
  s3: S.optional(S.object({ bucket: S.string({ allowEmpty: true }), prefix: S.optional(S.string()), endpoint: S.optional(S.string()), region: S.optional(S.string()), credentialsSecret: S.optional(S.string()) }, 'an object with bucket')),
  mode: S.optional(S.string()),
  groups: S.optional(S.string({ allowEmpty: true })),
  listenerName: S.optional(S.string()),
});

/** Copies the backup from the metadata backup's bucket (`<prefix>/<cluster>/<id>/`) into the Job. */
function s3DownloadStep(s3: S3BackupTarget, cluster: string, backupId: string, image: string | undefined): WorkloadStep {
  return {
    name: 's3-download',
    image: image ?? DEFAULT_AWS_CLI_IMAGE,
    command: ['/bin/sh', `${SCRIPTS_PATH}/s3-download.sh`],
    env: [
      ...s3Env(s3, cluster),
      { name: 'BACKUP_ID', value: backupId },
      { name: 'WORK_DIR', value: '/backups' },
    ],
    mounts: [{ volume: 'backups', path: '/backups', readOnly: false }],
    resources: TOOL_RESOURCES,
  };
}
