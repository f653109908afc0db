// PromQL over kube-state-metrics' Job and CronJob series, shared by the generic CronJob alert and the drill's.

/**
 * The latest run of the CronJobs matched by `owner` (a matcher on `owner_name`, e.g. `owner_name!~"a|b"`) failed:
 * a failed Job that started after the CronJob's last success, or the CronJob never succeeded. Failed Jobs stay as
 * history; a later success resolves it.
 */
export function latestCronJobRunFailed(namespaceSelector: string, owner = ''): string {
  const ns = namespaceSelector;
  const owned = `label_replace(kube_job_owner{${ns}, owner_kind="CronJob"${owner ? `, ${owner}` : ''}}, "cronjob", "$1", "owner_name", "(.+)")`;
  const failedStart =
    `max by (namespace, cronjob, job_name) ((${owned} * on (namespace, job_name) group_left () kube_job_status_start_time{${ns}})` +
    ` and on (namespace, job_name) (kube_job_failed{${ns}, condition="true"} == 1))`;
  const lastSuccess = `max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{${ns}})`;
  return `(${failedStart} > on (namespace, cronjob) group_left () ${lastSuccess}) or (${failedStart} unless on (namespace, cronjob) ${lastSuccess})`;
}
