import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { SCRIPTS_PATH } from '../core/operations/workload-model';
import { DEFAULT_KUBECTL_IMAGE, TOOL_RESOURCES } from '../core/operations/images';
import { isDnsSubdomain } from '../core/names';
import { WorkloadNames } from '../core/operations/workload-names';
import { validateCronSchedule } from '../core/operations/cron';
import { watchedBackupCronJob, DEFAULT_VOLUME_SNAPSHOT_SCHEDULE, validateBackupRetention } from '../core/operations/backup-schedules';
import { WatchedCronJob } from '../core/monitoring/monitoring-spec';
import { Validator } from '../core/validation';
import { BatchWorkload } from '../workloads/batch-workload';
import { scripts } from '../workloads/scripts';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';

export interface VolumeSnapshotsProps {
  readonly cluster: IKafkaCluster;
  /** VolumeSnapshotClass of the CSI driver that provisions the broker volumes. */
  readonly snapshotClass: string;
  /** @default '0 0 * * 0' (weekly, Sunday 00:00) */
  readonly schedule?: string;
  /**
   * Snapshots older than this are deleted (only after a run whose snapshots all became ready); must keep
   * at least two runs of the schedule. @default 28 (4 weeks)
   */
  readonly retentionDays?: number;
  /**
   * Seconds the job waits for every snapshot to be `readyToUse`; past it the run fails (exit 7).
   * @default 900
   */
  readonly readyTimeoutSeconds?: number;
  /** @default DEFAULT_KUBECTL_IMAGE */
  readonly kubectlImage?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Weekly CSI VolumeSnapshots of every PVC of the cluster's node pools (labelled
 * `strimzi.io/cluster`), with 4-week retention. A snapshot of a running broker is crash-consistent:
 * Kafka recovers it like after a power loss. The CronJob is `<cluster>-volume-snapshot`.
 *
 * All snapshots of a run are created in one request and share the label `kafka-platform/snapshot-run`;
 * the job fails (and prunes nothing) when any snapshot reports an error or is not ready within
 * `readyTimeoutSeconds` (exit codes in `volume-snapshot.sh`).
 */
export class VolumeSnapshots extends Construct {
  public readonly cronJobName: string;
  /** The CronJob and when it is overdue (its schedule's longest gap plus the run allowance), for the backup alert. */
  public readonly watched: Required<WatchedCronJob>;
  public readonly workload: BatchWorkload;

  constructor(scope: Construct, id: string, props: VolumeSnapshotsProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, VOLUME_SNAPSHOTS_SHAPE);
    const v = new Validator(this.node.path);
    const retentionDays = props.retentionDays ?? 28;
    v.check(isDnsSubdomain(props.snapshotClass), 'snapshotClass', props.snapshotClass, 'the name of a VolumeSnapshotClass');
    v.integer('retentionDays', retentionDays, 1, 3650);
    const schedule = props.schedule ?? DEFAULT_VOLUME_SNAPSHOT_SCHEDULE;
    validateCronSchedule(v, 'schedule', schedule);
    validateBackupRetention(v, schedule, retentionDays);
    const readyTimeout = props.readyTimeoutSeconds ?? 900;
    v.integer('readyTimeoutSeconds', readyTimeout, 30, 6 * 3600);
    v.throwIfAny();
    const { cluster } = props;
    this.cronJobName = WorkloadNames.volumeSnapshot(cluster.clusterName);
    this.watched = watchedBackupCronJob(this.cronJobName, schedule);
    this.workload = new BatchWorkload(this, 'workload', {
      name: this.cronJobName,
      namespace: cluster.namespace,
      component: 'volume-snapshot',
      schedule,
      steps: [
        {
          name: 'snapshot',
          image: props.kubectlImage ?? DEFAULT_KUBECTL_IMAGE,
          command: ['/bin/sh', `${SCRIPTS_PATH}/volume-snapshot.sh`],
          env: [
            { name: 'CLUSTER_NAME', value: cluster.clusterName },
            { name: 'NAMESPACE', value: cluster.namespace },
            { name: 'SNAPSHOT_CLASS', value: props.snapshotClass },
            { name: 'RETENTION_DAYS', value: String(retentionDays) },
            { name: 'SNAPSHOT_TIMEOUT_SECONDS', value: String(readyTimeout) },
          ],
          resources: TOOL_RESOURCES,
        },
      ],
      scripts: scripts('volume-snapshot.sh'),
      // The wait for readyToUse plus time to list, create and prune.
      activeDeadlineSeconds: Math.max(3600, readyTimeout + 600),
      // Exactly what the script does: find the claims, create snapshots, read their status, list and delete old ones.
      rbac: [
        { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list'] },
        { apiGroups: ['snapshot.storage.k8s.io'], resources: ['volumesnapshots'], verbs: ['create', 'get', 'list', 'delete'] },
      ],
      dependsOn: props.dependsOn,
    });
  }
}

/** What the construct reads before validating values. */
const VOLUME_SNAPSHOTS_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  snapshotClass: S.string(),
  schedule: S.optional(S.string()),
  retentionDays: S.optional(S.numeric()),
  kubectlImage: S.optional(S.string()),
});
