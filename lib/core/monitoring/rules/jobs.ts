import { PlatformAlertRule } from './alert-names';
import { cronJobsWithOwnAlert } from './connect';
import { RuleContext } from './context';
import { latestCronJobRunFailed } from './cron-job-runs';

/** The operations CronJobs: failed runs, and backups without a recent success. */

export function cronJobFailed(x: RuleContext): PlatformAlertRule[] {
  const ownAlert = cronJobsWithOwnAlert(x);
  return [
    {
      alert: 'KafkaCronJobFailed',
      severity: 'warning',
      // The latest run of a CronJob failed: a failed Job that started after the CronJob's last success
      // (failed Jobs stay as history; a later success resolves the alert). CronJobs with their own alert are left out.
      expr: latestCronJobRunFailed(x.sel.inNamespace, ownAlert.length > 0 ? `owner_name!~"${ownAlert.join('|')}"` : ''),
      for: '5m',
      summary: 'A scheduled Kafka job failed',
      description: `Job {{ $labels.job_name }} of CronJob {{ $labels.cronjob }} in ${x.s.cluster.namespace} failed and no run succeeded since.`,
    },
  ];
}

/** One rule over every CronJob (each with its own age limit); the alert carries the `cronjob` label. */
export function backupOverdue(x: RuleContext): PlatformAlertRule[] {
  const { s, sel } = x;
  if (s.backupCronJobs.length === 0) return [];
  return [
    {
      alert: 'KafkaBackupOverdue',
      severity: 'warning',
      expr: s.backupCronJobs
        .map((job) => {
          const cj = sel.cronJob(job.name);
          const seconds = job.maxAgeHours * 3600;
          // Second branch: a CronJob older than its limit that never succeeded has no last-success series.
          return (
            `(time() - kube_cronjob_status_last_successful_time{${cj}} > ${seconds})` +
            ` or ((time() - kube_cronjob_created{${cj}} > ${seconds}) unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{${cj}})`
          );
        })
        .join(' or '),
      for: '15m',
      summary: 'A Kafka backup CronJob has no recent success',
      description: `CronJob {{ $labels.cronjob }} has not completed successfully within its limit (${s.backupCronJobs.map((j) => `${j.name}: ${j.maxAgeHours} h`).join(', ')}).`,
    },
  ];
}
