import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/** The operations CronJobs: failed runs, and backups without a recent success. */

/** Failed Jobs of any CronJob in the namespace that started after the CronJob's last success (or it never succeeded). */
function cronJobFailedExpr(ns: string): string {
  const owned = `label_replace(kube_job_owner{${ns}, owner_kind="CronJob"}, "cronjob", "$1", "owner_name", "(.+)")`;
  const failedStart =
    `max by (namespace, cronjob, job_name) ((${owned} * on (namespace, job_name) group_left () kube_job_status_start_time{${ns}})` +
    ` and on (namespace, job_name) (kube_job_failed{${ns}, condition="true"} == 1))`;
  const lastSuccess = `max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{${ns}})`;
  return `(${failedStart} > on (namespace, cronjob) group_left () ${lastSuccess}) or (${failedStart} unless on (namespace, cronjob) ${lastSuccess})`;
}

export function cronJobFailed(x: RuleContext): PlatformAlertRule[] {
  return [
    {
      alert: 'KafkaCronJobFailed',
      severity: 'warning',
      // The latest run of a CronJob failed: a failed Job that started after the CronJob's last success
      // (failed Jobs stay as history; a later success resolves the alert).
      expr: cronJobFailedExpr(x.sel.inNamespace),
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
