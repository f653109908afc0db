import { Validator } from '../validation';
import { maxScheduleGapMinutes } from './cron';
import { WorkloadNames } from './workload-names';

/** Metadata backup: every 6 hours, as in the operations guide. */
export const DEFAULT_METADATA_BACKUP_SCHEDULE = '0 */6 * * *';
/** Volume snapshots: weekly, Sunday 00:00. */
export const DEFAULT_VOLUME_SNAPSHOT_SCHEDULE = '0 0 * * 0';
/** Time a run may take (its deadline and retries) before a missed run counts as overdue. */
export const BACKUP_RUN_ALLOWANCE_HOURS = 2;
/** Overdue limit of a backup whose schedule's gap cannot be worked out (26 hours: a daily job plus its allowance). */
export const DEFAULT_BACKUP_MAX_AGE_HOURS = 26;

/**
 * Hours without a successful run after which a backup CronJob is overdue: the longest gap between two
 * of its scheduled runs plus the run allowance. A weekly job is overdue 170 hours after its last success
 * (2 hours after a missed run), a 6-hourly one after 8 hours. Undefined for an invalid schedule.
 */
export function backupOverdueHours(schedule: string): number | undefined {
  const gap = maxScheduleGapMinutes(schedule);
  return gap === undefined ? undefined : Math.ceil(gap / 60) + BACKUP_RUN_ALLOWANCE_HOURS;
}

/**
 * A schedule must meet its retention: the kept backups must span at least two runs, so when the latest
 * run fails an older backup still exists (and the prune of a successful run never leaves only one).
 */
export function validateBackupRetention(v: Validator, schedule: string, retentionDays: number): void {
  const gap = maxScheduleGapMinutes(schedule);
  if (gap === undefined || !Number.isFinite(retentionDays)) return; // reported by the schedule and retention checks
  const gapDays = gap / 1440;
  v.check(
    retentionDays * 1440 >= 2 * gap,
    'retentionDays',
    retentionDays,
    `at least ${Math.ceil(2 * gapDays)} days with schedule "${schedule}" (runs up to ${+gapDays.toFixed(2)} days apart; the retention must keep two runs)`,
  );
}

/** Which backup jobs an environment runs and their schedules (a subset of the operations configuration). */
export interface ScheduledBackups {
  readonly metadataBackup?: { readonly schedule?: string };
  readonly volumeSnapshots?: { readonly schedule?: string };
}

/** A backup CronJob and when it is overdue: the one derivation the backup constructs and the monitoring share. */
export function watchedBackupCronJob(name: string, schedule: string): { name: string; maxAgeHours: number } {
  // An invalid schedule is reported by the backup construct; 26 hours keeps the monitoring valid meanwhile.
  return { name, maxAgeHours: backupOverdueHours(schedule) ?? DEFAULT_BACKUP_MAX_AGE_HOURS };
}

/**
 * The backup CronJobs of a cluster that really run, each with the overdue limit of its own schedule
 * (names as the backup constructs create them), for the monitoring's `backupCronJobs`.
 */
export function watchedBackupCronJobs(cluster: string, backups: ScheduledBackups | undefined): { name: string; maxAgeHours: number }[] {
  const jobs: { name: string; maxAgeHours: number }[] = [];
  if (backups?.metadataBackup) jobs.push(watchedBackupCronJob(WorkloadNames.metadataBackup(cluster), backups.metadataBackup.schedule ?? DEFAULT_METADATA_BACKUP_SCHEDULE));
  if (backups?.volumeSnapshots) jobs.push(watchedBackupCronJob(WorkloadNames.volumeSnapshot(cluster), backups.volumeSnapshots.schedule ?? DEFAULT_VOLUME_SNAPSHOT_SCHEDULE));
  return jobs;
}
