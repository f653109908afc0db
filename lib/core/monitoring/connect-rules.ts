import type { AlertGroup, AlertRule } from './alert-rules';
import { ResolvedMonitoringSpec } from './monitoring-spec';
import { podMonitorNames, scrapeJob } from './pod-monitors';
import { latestCronJobRunFailed } from './cron-job-runs';

/**
 * Alerts of Kafka Connect (workers, connectors, tasks), of the topic backup that runs on it (the recovery point of
 * its sink connector) and of the restore drills. Own file, own groups: `<cluster>.connect` and
 * `<cluster>.topic-backup`, present only when the spec names Connect clusters, backups or drills.
 */

/** Minutes a connector or task may stay failed (Strimzi's auto-restart retries with back-off meanwhile). */
export const CONNECT_FAILED_MINUTES = 10;
/** Minutes no worker of a KafkaConnect may answer its scrape before it pages. */
export const CONNECT_DOWN_MINUTES = 10;
/** Slack on top of a flush interval before a partition without a commit counts as behind. */
export const BACKUP_BEHIND_SLACK_MINUTES = 15;

function connectJob(s: ResolvedMonitoringSpec): string {
  const ns = s.cluster.namespace;
  return `namespace="${ns}", job="${scrapeJob(ns, podMonitorNames(s.cluster.name).kafkaConnect)}"`;
}

function kafkaExporterJob(s: ResolvedMonitoringSpec): string {
  const ns = s.cluster.namespace;
  return `namespace="${ns}", job="${scrapeJob(ns, podMonitorNames(s.cluster.name).kafkaExporter)}"`;
}

/** CronJobs with an alert of their own, which the generic `KafkaCronJobFailed` leaves out. */
export function cronJobsWithOwnAlert(s: ResolvedMonitoringSpec): string[] {
  return s.restoreDrills.map((d) => d.cronJob);
}

function connectAlerts(s: ResolvedMonitoringSpec): AlertRule[] {
  const sel = connectJob(s);
  const ns = s.cluster.namespace;
  return [
    {
      alert: 'KafkaConnectDown',
      severity: 'critical',
      // Per KafkaConnect: without pods (or metrics) there is no `up` series at all, so healthy targets are counted.
      expr: s.kafkaConnect
        .map((name) => `label_replace((count(up{${sel}, strimzi_io_cluster="${name}"} == 1) or vector(0)) < 1, "strimzi_io_cluster", "${name}", "__name__", ".*")`)
        .join(' or '),
      for: `${CONNECT_DOWN_MINUTES}m`,
      summary: 'No worker of a Kafka Connect cluster is running and scraped',
      description: `No worker of KafkaConnect {{ $labels.strimzi_io_cluster }} in ${ns} answers its metrics scrape for ${CONNECT_DOWN_MINUTES} minutes: its connectors (the topic backup among them) are stopped or unobserved.`,
    },
    {
      alert: 'KafkaConnectConnectorFailed',
      severity: 'critical',
      expr: `max by (namespace, strimzi_io_cluster, connector) (kafka_connect_connector_status{${sel}, status="failed"}) == 1`,
      for: `${CONNECT_FAILED_MINUTES}m`,
      summary: 'A Kafka Connect connector failed',
      description: `Connector {{ $labels.connector }} of KafkaConnect {{ $labels.strimzi_io_cluster }} has been failed for ${CONNECT_FAILED_MINUTES} minutes (Strimzi's automatic restarts did not bring it back): it moves no data.`,
    },
    {
      alert: 'KafkaConnectTaskFailed',
      severity: 'critical',
      expr: `max by (namespace, strimzi_io_cluster, connector, task) (kafka_connect_connector_task_status{${sel}, status="failed"}) == 1`,
      for: `${CONNECT_FAILED_MINUTES}m`,
      summary: 'A Kafka Connect task failed',
      description: `Task {{ $labels.task }} of connector {{ $labels.connector }} (KafkaConnect {{ $labels.strimzi_io_cluster }}) has been failed for ${CONNECT_FAILED_MINUTES} minutes: the partitions assigned to it move no data.`,
    },
  ];
}

function backupAlerts(s: ResolvedMonitoringSpec): AlertRule[] {
  const exporter = kafkaExporterJob(s);
  const rules: AlertRule[] = [];
  if (s.topicBackups.length > 0) {
    // A partition is behind when records wait (lag > 0) and its committed offset did not move for a flush interval:
    // the sink commits an offset only once the records up to it are in object storage. Quiet topics (no lag) and a
    // record that arrived since the last flush (the next flush commits it) stay quiet.
    const behind = (b: ResolvedMonitoringSpec['topicBackups'][number]) => {
      const g = `${exporter}, consumergroup="${b.consumerGroup}"`;
      return (
        `count by (namespace, consumergroup, topic) ((kafka_consumergroup_lag{${g}} > 0)` +
        ` and on (namespace, consumergroup, topic, partition) (changes(kafka_consumergroup_current_offset{${g}}[${b.flushIntervalMinutes}m]) == 0))`
      );
    };
    const expr = s.topicBackups.map(behind).join(' or ');
    // One flush interval plus the slack: the recovery point is then at least two flush intervals old.
    const warningFor = Math.max(...s.topicBackups.map((b) => b.flushIntervalMinutes)) + BACKUP_BEHIND_SLACK_MINUTES;
    // Half the recovery point objective: time is left to act before the newest backup is older than the objective.
    const criticalFor = Math.min(...s.topicBackups.map((b) => Math.max(warningFor + 1, (b.recoveryPointHours * 60) / 2 - b.flushIntervalMinutes)));
    rules.push(
      {
        alert: 'KafkaTopicBackupBehind',
        severity: 'warning',
        expr,
        for: `${warningFor}m`,
        summary: 'The topic backup falls behind its schedule',
        description: `{{ $value }} partitions of {{ $labels.topic }} have records waiting and no backup commit of group {{ $labels.consumergroup }} for more than ${warningFor} minutes: the recovery point in object storage is getting older.`,
      },
      {
        alert: 'KafkaTopicBackupBehind',
        severity: 'critical',
        expr,
        for: `${criticalFor}m`,
        summary: 'The topic backup is about to miss its recovery point objective',
        description: `{{ $value }} partitions of {{ $labels.topic }} have not been backed up by group {{ $labels.consumergroup }} for more than ${criticalFor} minutes: half the recovery point objective is gone.`,
      },
    );
  }
  if (s.restoreDrills.length > 0) {
    const ns = `namespace="${s.cluster.namespace}"`;
    const names = s.restoreDrills.map((d) => d.cronJob);
    const overdue = s.restoreDrills
      .map((d) => {
        const cj = `${ns}, cronjob="${d.cronJob}"`;
        const seconds = d.maxAgeHours * 3600;
        return `(time() - kube_cronjob_status_last_successful_time{${cj}} > ${seconds}) or ((time() - kube_cronjob_created{${cj}} > ${seconds}) unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{${cj}})`;
      })
      .join(' or ');
    rules.push({
      alert: 'KafkaRestoreDrillFailed',
      severity: 'warning',
      // A failed run (verification, a recovery point or time over its target, or the deadline), or no success in time.
      expr: `${latestCronJobRunFailed(ns, `owner_name=~"${names.join('|')}"`)} or ${overdue}`,
      for: '5m',
      summary: 'A restore drill failed or is overdue',
      description:
        '{{ if $labels.job_name }}Drill {{ $labels.job_name }} of {{ $labels.cronjob }} failed: the restored data did not match its source, or the restore took longer or was older than its target.' +
        `{{ else }}CronJob {{ $labels.cronjob }} has no successful drill within its limit (${s.restoreDrills.map((d) => `${d.cronJob}: ${d.maxAgeHours} h`).join(', ')}).{{ end }} Nobody knows whether the backup can be restored.`,
    });
  }
  return rules;
}

/** The Connect and backup groups of a cluster (none when the spec has no Connect, backup or drill). */
export function buildConnectAlertGroups(s: ResolvedMonitoringSpec): AlertGroup[] {
  const c = s.cluster.name;
  const groups: AlertGroup[] = [];
  if (s.kafkaConnect.length > 0) groups.push({ name: `${c}.connect`, rules: connectAlerts(s) });
  const backup = backupAlerts(s);
  if (backup.length > 0) groups.push({ name: `${c}.topic-backup`, rules: backup });
  return groups;
}
