import { KubernetesObject } from '../../lib/core/kubernetes';
import { ResolvedMonitoringSpec } from '../../lib/core/monitoring/monitoring-spec';
import { podMonitorNames } from '../../lib/core/monitoring/pod-monitors';
import { targetLabels } from '../helpers/relabel';
import { timeline } from '../helpers/series-timeline';
import type { AlertCase, InputSeries } from './alert-scenarios';
import { seriesOf } from './alert-scenarios';

/**
 * Cases of the Connect, topic backup and drill alerts, written from what each is meant to detect: a Connect cluster
 * with no worker answering (gone, or never started), a connector or task failed past Strimzi's own restarts, a
 * backup sink that stopped committing while records wait, a drill that failed or did not run; and the routine they
 * must sit through: one worker restarting, a failed task that Strimzi restarts within minutes, a quiet topic whose
 * first record in hours waits for the next flush, a drill that succeeded.
 */
export function connectAlertCases(s: ResolvedMonitoringSpec, podMonitors: readonly KubernetesObject[]): AlertCase[] {
  const c = s.cluster;
  const ns = c.namespace;
  const names = podMonitorNames(c.name);
  const monitor = (name: string) => podMonitors.find((m) => m.metadata.name === name)!;
  const ksm = { job: 'kube-state-metrics', instance: '10.1.0.9:8080' };
  const cases: AlertCase[] = [];
  const at = (length: number, f: (m: number) => number | undefined | 'stale') => timeline(length, f);
  // A state label of the JMX exporter: the series of a state exists while it is the current one; when the state
  // changes, the old series leaves the scrape and Prometheus marks it stale at once.
  const stateSeries = (state: (m: number) => string, st: string) => (m: number) => (state(m) === st ? 1 : m > 0 && state(m - 1) === st ? ('stale' as const) : undefined);

  for (const connect of s.kafkaConnect) {
    const worker = (id: number) =>
      targetLabels(monitor(names.kafkaConnect), {
        name: `${connect}-connect-${id}`, namespace: ns, container: `${connect}-connect`,
        labels: { 'strimzi.io/cluster': connect, 'strimzi.io/kind': 'KafkaConnect', 'strimzi.io/name': `${connect}-connect` },
      });
    const up = (id: number, f: (m: number) => number | undefined | 'stale', length: number) => seriesOf('up', worker(id), {}, at(length, f));
    const labels = { strimzi_io_cluster: connect };
    cases.push(
      { alert: 'KafkaConnectDown', description: `fires 5 minutes after both workers of ${connect} stopped answering`, evalMinutes: 9, series: [up(0, (m) => (m < 3 ? 1 : 0), 20), up(1, (m) => (m < 3 ? 1 : 0), 20)], expected: [{ severity: 'critical', labels }] },
      { alert: 'KafkaConnectDown', description: 'fires when the workers are gone (no up series at all, e.g. the image cannot be pulled)', evalMinutes: 20, series: [up(0, (m) => (m < 3 ? 1 : undefined), 26)], expected: [{ severity: 'critical', labels }] },
      { alert: 'KafkaConnectDown', description: 'fires when the Connect never had a worker (no series ever)', evalMinutes: 11, series: [], expected: [{ severity: 'critical', labels }] },
      { alert: 'KafkaConnectDown', description: 'is pending 4 minutes after the workers went down', evalMinutes: 7, series: [up(0, (m) => (m < 3 ? 1 : 0), 16), up(1, (m) => (m < 3 ? 1 : 0), 16)], expected: [] },
      { alert: 'KafkaConnectDown', description: 'stays quiet through a rolling restart (one worker down at a time)', evalMinutes: 30, series: [up(0, (m) => (m >= 5 && m < 10 ? 0 : 1), 36), up(1, (m) => (m >= 12 && m < 17 ? 0 : 1), 36)], expected: [] },
    );
    const connector = s.topicBackups[0]?.connector ?? `${connect}-sink`;
    const status = (state: (m: number) => string, length: number): InputSeries[] =>
      ['running', 'failed', 'restarting'].map((st) => seriesOf('kafka_connect_connector_status', worker(0), { connector, status: st }, at(length, stateSeries(state, st))));
    const connectorLabels = { namespace: ns, strimzi_io_cluster: connect, connector };
    cases.push(
      { alert: 'KafkaConnectConnectorFailed', description: 'fires when the connector stays failed 5 minutes', evalMinutes: 7, series: status((m) => (m < 1 ? 'running' : 'failed'), 18), expected: [{ severity: 'critical', labels: connectorLabels }] },
      { alert: 'KafkaConnectConnectorFailed', description: 'is pending before its for', evalMinutes: 5, series: status((m) => (m < 1 ? 'running' : 'failed'), 15), expected: [] },
      { alert: 'KafkaConnectConnectorFailed', description: 'stays quiet when Strimzi\'s restart brings it back within minutes', evalMinutes: 20, series: status((m) => (m >= 3 && m < 6 ? 'failed' : m >= 6 && m < 7 ? 'restarting' : 'running'), 26), expected: [] },
    );
    const task = (state: (m: number) => string, length: number): InputSeries[] =>
      ['running', 'failed'].map((st) => seriesOf('kafka_connect_connector_task_status', worker(1), { connector, task: '2', status: st }, at(length, stateSeries(state, st))));
    cases.push(
      { alert: 'KafkaConnectTaskFailed', description: 'fires when a task stays failed 5 minutes', evalMinutes: 7, series: task((m) => (m < 1 ? 'running' : 'failed'), 18), expected: [{ severity: 'critical', labels: { ...connectorLabels, task: '2' } }] },
      { alert: 'KafkaConnectTaskFailed', description: 'is pending before its for', evalMinutes: 5, series: task((m) => (m < 1 ? 'running' : 'failed'), 15), expected: [] },
      { alert: 'KafkaConnectTaskFailed', description: 'stays quiet for a task restarted within minutes', evalMinutes: 20, series: task((m) => (m >= 3 && m < 7 ? 'failed' : 'running'), 26), expected: [] },
    );
  }

  for (const b of s.topicBackups) {
    const exporter = targetLabels(monitor(names.kafkaExporter), {
      name: `${c.name}-kafka-exporter-6d8f9b7c5d-x2x9k`, namespace: ns, container: 'kafka-exporter',
      labels: { 'strimzi.io/cluster': c.name, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c.name}-kafka-exporter` },
    });
    const topic = 'orders.order-placed.v1';
    /** Two partitions: committed offsets from `committed`, records arriving `perMinute` per partition. */
    const group = (committed: (m: number) => number, produced: (m: number) => number, length: number): InputSeries[] =>
      [0, 1].flatMap((p) => {
        const own = { consumergroup: b.consumerGroup, topic, partition: String(p) };
        return [
          seriesOf('kafka_consumergroup_current_offset', exporter, own, at(length, committed)),
          seriesOf('kafka_consumergroup_lag', exporter, own, at(length, (m) => produced(m) - committed(m))),
        ];
      });
    const labels = { namespace: ns, strimzi_io_cluster: c.name, consumergroup: b.consumerGroup, topic };
    const flush = b.flushIntervalMinutes;
    // Each fires 5 minutes after its limit: two flush intervals + 15 minutes, half the recovery point objective.
    const warningFor = 2 * flush + 15 + 5;
    const criticalFor = (b.recoveryPointHours * 60) / 2 + 5;
    // Stalled from minute 0: records keep arriving, nothing is committed.
    const stalled = (length: number) => group(() => 1000, (m) => 1010 + 5 * m, length);
    cases.push(
      { alert: 'KafkaTopicBackupBehind', description: `warning fires 5 minutes after no commit moved for two flush intervals plus 15 minutes while records waited (${warningFor} m)`, evalMinutes: warningFor + 1, series: stalled(warningFor + 6), expected: [{ severity: 'warning', labels }] },
      { alert: 'KafkaTopicBackupBehind', description: 'warning is pending before its for', evalMinutes: warningFor - 1, series: stalled(warningFor + 4), expected: [] },
      { alert: 'KafkaTopicBackupBehind', description: `critical fires 5 minutes after half the recovery point objective (${criticalFor} m)`, evalMinutes: criticalFor + 1, series: stalled(criticalFor + 6), expected: [{ severity: 'warning', labels }, { severity: 'critical', labels }] },
      {
        alert: 'KafkaTopicBackupBehind', description: 'stays quiet while the sink commits at every flush and records keep arriving (lag never 0)',
        evalMinutes: warningFor + 30, series: group((m) => 1000 + 100 * Math.floor(m / flush), (m) => 1010 + 5 * m, warningFor + 36), expected: [],
      },
      {
        alert: 'KafkaTopicBackupBehind', description: 'stays quiet for a topic quiet for hours whose first new record waits for the next flush',
        // No records for 3 hours (lag 0, offset unchanged), then a record at 180 committed by the flush at 180 + flush - 5.
        evalMinutes: 180 + flush - 1, series: group((m) => (m < 180 + flush - 5 ? 1000 : 1001), (m) => (m < 180 ? 1000 : 1001), 180 + flush + 5), expected: [],
      },
      { alert: 'KafkaTopicBackupBehind', description: 'stays quiet for a topic without new records (no lag)', evalMinutes: warningFor + 5, series: group(() => 1000, () => 1000, warningFor + 10), expected: [] },
    );
  }

  for (const d of s.restoreDrills) {
    const cronjob = d.cronJob;
    const jobName = `${cronjob}-29012345`;
    const cj = { namespace: ns, cronjob };
    const run = (failed: boolean, lastSuccess: number | undefined, minutes: number): InputSeries[] => [
      seriesOf('kube_job_owner', ksm, { namespace: ns, job_name: jobName, owner_kind: 'CronJob', owner_name: cronjob, owner_is_controller: 'true' }, at(minutes, () => 1)),
      seriesOf('kube_job_status_start_time', ksm, { namespace: ns, job_name: jobName }, at(minutes, () => 600)),
      // The run started at minute 10 and failed at minute 10.
      seriesOf('kube_job_failed', ksm, { namespace: ns, job_name: jobName, condition: 'true' }, at(minutes, (m) => (failed && m >= 10 ? 1 : 0))),
      seriesOf('kube_cronjob_created', ksm, cj, at(minutes, () => -30 * 86400)),
      ...(lastSuccess === undefined ? [] : [seriesOf('kube_cronjob_status_last_successful_time', ksm, cj, at(minutes, () => lastSuccess))]),
    ];
    const failedLabels = { namespace: ns, cronjob, job_name: jobName };
    const overdueSeconds = d.maxAgeHours * 3600;
    cases.push(
      { alert: 'KafkaRestoreDrillFailed', description: 'fires 5 minutes after the latest drill failed (verification, a target missed, or the deadline)', evalMinutes: 16, series: run(true, -86400, 20), expected: [{ severity: 'warning', labels: failedLabels }] },
      { alert: 'KafkaRestoreDrillFailed', description: 'is pending before its for', evalMinutes: 13, series: run(true, -86400, 20), expected: [] },
      { alert: 'KafkaRestoreDrillFailed', description: 'fires when no drill succeeded within its schedule\'s gap plus 2 hours', evalMinutes: 10, series: run(false, -overdueSeconds - 3600, 15), expected: [{ severity: 'warning', labels: { ...ksm, ...cj } }] },
      { alert: 'KafkaRestoreDrillFailed', description: 'fires when the drill never succeeded since it was created (long ago)', evalMinutes: 10, series: run(false, undefined, 15), expected: [{ severity: 'warning', labels: { ...ksm, ...cj } }] },
      { alert: 'KafkaRestoreDrillFailed', description: 'stays quiet when the latest drill succeeded', evalMinutes: 20, series: run(false, 1200, 25), expected: [] },
      // The drill has its own alert: the generic one stays out of it (one fault, one page).
      { alert: 'KafkaCronJobFailed', description: 'stays quiet for a failed drill (KafkaRestoreDrillFailed covers it)', evalMinutes: 16, series: run(true, -86400, 20), expected: [] },
    );
  }
  return cases;
}
