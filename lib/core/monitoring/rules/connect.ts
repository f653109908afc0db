import type { RecordingRule } from '../alert-rules';
import { RECORDS } from '../recorded-series';
import { PlatformAlertRule } from './alert-names';
import { RuleContext } from './context';
import { latestCronJobRunFailed } from './cron-job-runs';

/**
 * Alerts of Kafka Connect (workers, connectors, tasks), of the topic backup that runs on it (the recovery point of
 * its sink connector) and of the restore drills. Their groups (`<cluster>.connect`, `<cluster>.topic-backup`) exist
 * only when the spec names Connect clusters, backups or drills.
 */

/**
 * Minutes a connector or task may stay failed before it pages (P2). Strimzi's automatic restart tries again after
 * 2 and 6 minutes; a connector its first restart did not bring back pages within the P2 budget.
 */
const CONNECT_FAILED_MINUTES = 5;
/** Minutes no worker of a KafkaConnect may answer its scrape before it pages (P2); a rolling restart keeps one. */
const CONNECT_DOWN_MINUTES = 5;
/** Slack on top of two flush intervals before a partition without a commit counts as behind. */
const BACKUP_BEHIND_SLACK_MINUTES = 15;
/** The `for` of the backup alerts (the limit itself is in the recording rule's window). */
const BACKUP_BEHIND_FOR_MINUTES = 5;

/** CronJobs with an alert of their own, which the generic `KafkaCronJobFailed` leaves out. */
export function cronJobsWithOwnAlert(x: RuleContext): string[] {
  return x.s.restoreDrills.map((d) => d.cronJob);
}

export function connectAlerts(x: RuleContext): PlatformAlertRule[] {
  const { s, sel } = x;
  const ns = s.cluster.namespace;
  return [
    {
      alert: 'KafkaConnectDown',
      severity: 'critical',
      // Per KafkaConnect: without pods (or metrics) there is no `up` series at all, so healthy targets are counted.
      expr: s.kafkaConnect
        .map((name) => `label_replace((count(up{${sel.kafkaConnect}, strimzi_io_cluster="${name}"} == 1) or vector(0)) < 1, "strimzi_io_cluster", "${name}", "__name__", ".*")`)
        .join(' or '),
      for: `${CONNECT_DOWN_MINUTES}m`,
      summary: 'No worker of a Kafka Connect cluster is running and scraped',
      description: `No worker of KafkaConnect {{ $labels.strimzi_io_cluster }} in ${ns} answers its metrics scrape for ${CONNECT_DOWN_MINUTES} minutes: its connectors (the topic backup among them) are stopped or unobserved.`,
    },
    {
      alert: 'KafkaConnectConnectorFailed',
      severity: 'critical',
      expr: `max by (namespace, strimzi_io_cluster, connector) (kafka_connect_connector_status{${sel.kafkaConnect}, status="failed"}) == 1`,
      for: `${CONNECT_FAILED_MINUTES}m`,
      summary: 'A Kafka Connect connector failed',
      description: `Connector {{ $labels.connector }} of KafkaConnect {{ $labels.strimzi_io_cluster }} has been failed for ${CONNECT_FAILED_MINUTES} minutes (Strimzi's automatic restart did not bring it back): it moves no data.`,
    },
    {
      alert: 'KafkaConnectTaskFailed',
      severity: 'critical',
      expr: `max by (namespace, strimzi_io_cluster, connector, task) (kafka_connect_connector_task_status{${sel.kafkaConnect}, status="failed"}) == 1`,
      for: `${CONNECT_FAILED_MINUTES}m`,
      summary: 'A Kafka Connect task failed',
      description: `Task {{ $labels.task }} of connector {{ $labels.connector }} (KafkaConnect {{ $labels.strimzi_io_cluster }}) has been failed for ${CONNECT_FAILED_MINUTES} minutes: the partitions assigned to it move no data.`,
    },
  ];
}

type TopicBackupWatch = RuleContext['s']['topicBackups'][number];

/** Minutes without a commit (records waiting throughout) before the warning: two flush intervals and the slack. */
function backupBehindWarningMinutes(b: TopicBackupWatch): number {
  return 2 * b.flushIntervalMinutes + BACKUP_BEHIND_SLACK_MINUTES;
}

/** Minutes without a commit before the critical: half the recovery point objective, time left to act. */
function backupBehindCriticalMinutes(b: TopicBackupWatch): number {
  return Math.max(backupBehindWarningMinutes(b) + 1, (b.recoveryPointHours * 60) / 2);
}

/** The limits of a backup, by the severity of the alert that watches them. */
const BACKUP_LIMITS = { warning: backupBehindWarningMinutes, critical: backupBehindCriticalMinutes } as const;

/**
 * Per backed-up topic and limit, the partitions behind: records waited (lag > 0) for the whole limit and the
 * committed offset did not move in it (the sink commits an offset only once the records up to it are in object
 * storage). Quiet topics (no lag) and a record that arrived since the last flush (the next flush commits it) do
 * not count. The limit is the threshold, so it is recorded here and the alerts page within their budget of it.
 */
export function topicBackupRecords(x: RuleContext): RecordingRule[] {
  const { s, sel } = x;
  return s.topicBackups.flatMap((b) =>
    (Object.keys(BACKUP_LIMITS) as (keyof typeof BACKUP_LIMITS)[]).map((limit) => {
      const g = `${sel.kafkaExporter}, consumergroup="${b.consumerGroup}"`;
      const minutes = BACKUP_LIMITS[limit](b);
      const on = 'on (namespace, consumergroup, topic, partition)';
      return {
        record: RECORDS.backupPartitionsWithoutCommit,
        // The offset reported a limit ago too: a window only partly filled (a new group, or a Prometheus that
        // just started) is not a stall.
        expr:
          `count by (namespace, consumergroup, topic) ((min_over_time(kafka_consumergroup_lag{${g}}[${minutes}m]) > 0)` +
          ` and ${on} (changes(kafka_consumergroup_current_offset{${g}}[${minutes}m]) == 0)` +
          ` and ${on} (kafka_consumergroup_current_offset{${g}} offset ${minutes}m))`,
        labels: { strimzi_io_cluster: s.cluster.name, limit },
      };
    }),
  );
}

export function topicBackupBehind(x: RuleContext): PlatformAlertRule[] {
  const { s } = x;
  if (s.topicBackups.length === 0) return [];
  const expr = (limit: keyof typeof BACKUP_LIMITS) =>
    `max without (limit) (${RECORDS.backupPartitionsWithoutCommit}{namespace="${s.cluster.namespace}", strimzi_io_cluster="${s.cluster.name}", limit="${limit}"}) > 0`;
  const listed = (limit: keyof typeof BACKUP_LIMITS) => s.topicBackups.map((b) => `${b.consumerGroup}: ${BACKUP_LIMITS[limit](b)} min`).join(', ');
  return [
    {
      alert: 'KafkaTopicBackupBehind',
      severity: 'warning',
      expr: expr('warning'),
      for: `${BACKUP_BEHIND_FOR_MINUTES}m`,
      summary: 'The topic backup falls behind its schedule',
      description: `{{ $value }} partitions of {{ $labels.topic }} have had records waiting and no backup commit of group {{ $labels.consumergroup }} for longer than its limit (${listed('warning')}): the recovery point in object storage is getting older.`,
    },
    {
      alert: 'KafkaTopicBackupBehind',
      severity: 'critical',
      expr: expr('critical'),
      for: `${BACKUP_BEHIND_FOR_MINUTES}m`,
      summary: 'The topic backup is about to miss its recovery point objective',
      description: `{{ $value }} partitions of {{ $labels.topic }} have not been backed up by group {{ $labels.consumergroup }} for half the recovery point objective (${listed('critical')}).`,
    },
  ];
}

export function restoreDrillFailed(x: RuleContext): PlatformAlertRule[] {
  const { s, sel } = x;
  if (s.restoreDrills.length === 0) return [];
  const names = s.restoreDrills.map((d) => d.cronJob);
  const overdue = s.restoreDrills
    .map((d) => {
      const cj = sel.cronJob(d.cronJob);
      const seconds = d.maxAgeHours * 3600;
      return `(time() - kube_cronjob_status_last_successful_time{${cj}} > ${seconds}) or ((time() - kube_cronjob_created{${cj}} > ${seconds}) unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{${cj}})`;
    })
    .join(' or ');
  return [
    {
      alert: 'KafkaRestoreDrillFailed',
      severity: 'warning',
      // A failed run (verification, a recovery point or time over its target, or the deadline), or no success in time.
      expr: `${latestCronJobRunFailed(sel.inNamespace, `owner_name=~"${names.join('|')}"`)} or ${overdue}`,
      for: '5m',
      summary: 'A restore drill failed or is overdue',
      description:
        '{{ if $labels.job_name }}Drill {{ $labels.job_name }} of {{ $labels.cronjob }} failed: the restored data did not match its source, or the restore took longer or was older than its target.' +
        `{{ else }}CronJob {{ $labels.cronjob }} has no successful drill within its limit (${s.restoreDrills.map((d) => `${d.cronJob}: ${d.maxAgeHours} h`).join(', ')}).{{ end }} Nobody knows whether the backup can be restored.`,
    },
  ];
}
