import { Construct } from 'constructs';
import { WatchedRestoreDrill } from '../core/monitoring/monitoring-spec';
import { DEFAULT_DRILL_SCHEDULE, DEFAULT_RECOVERY_POINT_HOURS, drillOverdueHours } from '../core/operations/topic-backup';
import { WorkloadNames } from '../core/operations/workload-names';
import { EnvVar } from '../core/operations/workload-model';
import { validateCronSchedule } from '../core/operations/cron';
import { DEFAULT_BACKUP_MAX_AGE_HOURS } from '../core/operations/backup-schedules';
import { uniqueChildId } from '../core/validation';
import { BatchWorkload } from '../workloads/batch-workload';
import { restoreWorkload, RestoreContext } from './restore-workload';

/** The restore drill of a topic backup. */
export interface RestoreDrillOptions {
  /** @default '0 3 * * 1' (weekly, Monday 03:00 UTC, after prod's Sunday maintenance window) */
  readonly schedule?: string;
  /** The drill fails when restoring the probe takes longer (recovery time objective of the drill). @default 30 */
  readonly maxRecoveryMinutes?: number;
  /** The drill fails when the newest restored record is older (recovery point objective). @default the backup's recoveryPointHours */
  readonly maxRecoveryPointHours?: number;
}

export interface RestoreDrillProps extends RestoreDrillOptions {
  readonly context: RestoreContext;
  /** The probe topic (backed up, written every hour) and the scratch topic the drill restores it into. */
  readonly probeTopic: string;
  readonly scratchTopic: string;
  /** Days the bucket lifecycle must keep topic data (the drill checks the rule). */
  readonly retentionDays: number;
  /** Prefix of the non-compacted topic data (what the lifecycle rule must expire). */
  readonly topicDataPrefix: string;
  readonly recoveryPointHours?: number;
}


/**
 * A scheduled restore drill: the same Job as a real restore (`TopicRestore`), restoring the last recovery-point
 * window of the probe topic from object storage into a scratch topic, then checking that every record arrived and
 * equals its source (count and checksum of timestamp, key, headers and value), that the newest restored record is
 * within the recovery point objective and the whole restore within the drill's recovery time objective, and that the
 * bucket lifecycle keeps the retention. Its log ends with `RESTORE-RESULT ... recovery_point_age_s=... recovery_time_s=...`;
 * a failed or slow drill fails the Job, which raises `KafkaRestoreDrillFailed` (P3).
 */
export class RestoreDrill extends Construct {
  public readonly cronJobName: string;
  public readonly watched: WatchedRestoreDrill;
  public readonly workload: BatchWorkload;

  constructor(scope: Construct, id: string, props: RestoreDrillProps) {
    super(scope, uniqueChildId(scope, id, 'RestoreDrill'));
    const { cluster } = props.context;
    const name = WorkloadNames.restoreDrill(cluster.clusterName);
    const schedule = props.schedule ?? DEFAULT_DRILL_SCHEDULE;
    const rpoHours = props.maxRecoveryPointHours ?? props.recoveryPointHours ?? DEFAULT_RECOVERY_POINT_HOURS;
    const rtoMinutes = props.maxRecoveryMinutes ?? 30;
    const verification: EnvVar[] = [
      { name: 'CHECKSUM_SOURCE', value: 'true' },
      { name: 'MAX_RECOVERY_POINT_SECONDS', value: String(rpoHours * 3600) },
      { name: 'MAX_RECOVERY_TIME_SECONDS', value: String(rtoMinutes * 60) },
    ];
    const job = restoreWorkload(this, props.context, {
      name,
      topic: { name: props.probeTopic, compacted: false },
      target: props.scratchTopic,
      mode: 'execute',
      // The probe records of the last recovery-point window: the source topic still has every one of them.
      selection: [
        { name: 'FROM_AGE_SECONDS', value: String(rpoHours * 3600) },
        { name: 'LIFECYCLE_PREFIX', value: `${props.topicDataPrefix}/` },
        { name: 'LIFECYCLE_MIN_DAYS', value: String(props.retentionDays) },
      ],
      verification,
      scratch: true,
      timeoutSeconds: rtoMinutes * 60,
      schedule,
      check: (v) => {
        validateCronSchedule(v, 'schedule', schedule);
        v.integer('maxRecoveryMinutes', props.maxRecoveryMinutes, 5, 24 * 60);
        v.integer('maxRecoveryPointHours', props.maxRecoveryPointHours, 1, 24 * 31);
      },
      why: 'the drill reads the probe topic to compare and empties its own scratch topic',
    });
    this.cronJobName = name;
    this.watched = { cronJob: name, maxAgeHours: drillOverdueHours(schedule) ?? DEFAULT_BACKUP_MAX_AGE_HOURS };
    this.workload = job.workloads.workload;
  }
}
