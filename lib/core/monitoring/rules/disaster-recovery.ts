import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';

/**
 * The copy of the DR cluster's CA is checked by a CronJob (`ca-check.sh`) that fails when the copy expires
 * within its warning period or no longer verifies the DR brokers. The alert fires when the latest run did
 * not succeed: started after the last success, or never succeeded at all.
 */
export function drCaCopyStale(x: RuleContext, cronJob: string): PlatformAlertRule[] {
  const cj = x.sel.cronJob(cronJob);
  return [
    {
      alert: 'KafkaDrCaCopyStale',
      severity: 'warning',
      expr:
        `(kube_cronjob_status_last_schedule_time{${cj}} > kube_cronjob_status_last_successful_time{${cj}})` +
        ` or (kube_cronjob_status_last_schedule_time{${cj}} unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{${cj}})`,
      // Longer than a run takes, so a run in progress does not count as failed.
      for: '30m',
      summary: 'The copy of the DR cluster CA is expiring or outdated',
      description: `The latest run of CronJob ${cronJob} failed: the DR CA copy MirrorMaker 2 trusts expires soon or no longer verifies the DR brokers. Redeploy this stack after the DR CA renewal.`,
    },
  ];
}
