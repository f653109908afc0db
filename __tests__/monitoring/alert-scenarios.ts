import { KubernetesObject } from '../../lib/core/kubernetes';
import { Severity } from '../../lib/core/monitoring/alert-rules';
import { metric } from '../../lib/core/monitoring/catalogue';
import { ResolvedMonitoringSpec } from '../../lib/core/monitoring/monitoring-spec';
import { podMonitorNames } from '../../lib/core/monitoring/pod-monitors';
import { DiscoveredPod, targetLabels } from '../helpers/relabel';

/**
 * Input series and expectations for every alert, written from what each alert is meant to detect
 * (the operations guide's SLO table and triggers), not from the rule expressions. Series use the
 * catalogue's metric names and the labels the PodMonitors' relabelling really produces.
 */

export interface InputSeries {
  readonly series: string;
  readonly values: string;
  readonly labels: Record<string, string>;
}

/** One promtool test: series, an evaluation time and the alerts expected then. */
export interface AlertCase {
  readonly alert: string;
  readonly description: string;
  readonly series: readonly InputSeries[];
  readonly evalMinutes: number;
  readonly expected: readonly { readonly severity: Severity; readonly labels: Record<string, string> }[];
}

/** Threshold semantics of one alert name (one threshold per severity). */
interface ThresholdAlert {
  readonly alert: string;
  readonly direction: 'above' | 'below';
  readonly thresholds: Partial<Record<Severity, number>>;
  readonly forMinutes: Partial<Record<Severity, number>>;
  /** How far past the threshold the firing value is. */
  readonly delta: number;
  /**
   * Minutes before the condition can hold: rate() over [5m] of a series that starts at 0 underestimates
   * (no extrapolation below zero) until the window is full.
   * @default 0
   */
  readonly warmup?: number;
  /** Float results (rates, regressions): the quiet value is one delta short of the threshold instead of on it. */
  readonly inexact?: boolean;
  /** Series for a measured value at evaluation time `evalMinutes`. */
  readonly build: (value: number, evalMinutes: number) => InputSeries[];
  /** Labels the alert must keep (besides severity and team). */
  readonly labels: (series: readonly InputSeries[]) => Record<string, string>;
}

const LENGTH_MARGIN = 5;

export function seriesOf(name: string, target: Record<string, string>, own: Record<string, string>, values: string): InputSeries {
  const def = metric(name); // throws for a name outside the catalogue
  for (const label of Object.keys(own)) {
    if (!def.labels.includes(label)) throw new Error(`${name} has no label ${label} in the catalogue`);
  }
  const labels = { ...target, ...own };
  const rendered = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
  return { series: `${name}{${rendered}}`, values, labels };
}

/** A constant gauge over the test. */
export const constant = (value: number, minutes: number) => `${value}+0x${minutes + LENGTH_MARGIN}`;
/** A counter growing by `perSecond` from 0. */
export const counter = (perSecond: number, minutes: number) => `0+${perSecond * 60}x${minutes + LENGTH_MARGIN}`;

const allLabels = (series: readonly InputSeries[]) => ({ ...series[0].labels });
const only = (...names: string[]) => (series: readonly InputSeries[]) => Object.fromEntries(names.map((n) => [n, series[0].labels[n]]));

/** Cases proving each severity fires after its `for`, is pending just before, and stays quiet at the threshold. */
function thresholdCases(a: ThresholdAlert): AlertCase[] {
  const crossed = (value: number, t: number) => (a.direction === 'above' ? value > t : value < t);
  const warmup = a.warmup ?? 0;
  const cases: AlertCase[] = [];
  const expectedAt = (value: number, evalMinutes: number, series: readonly InputSeries[]) =>
    (Object.keys(a.thresholds) as Severity[])
      .filter((s) => crossed(value, a.thresholds[s]!) && a.forMinutes[s]! + warmup < evalMinutes)
      .map((severity) => ({ severity, labels: a.labels(series) }));
  for (const severity of Object.keys(a.thresholds) as Severity[]) {
    const t = a.thresholds[severity]!;
    const fire = a.direction === 'above' ? t + a.delta : t - a.delta;
    const quiet = a.inexact ? (a.direction === 'above' ? t - a.delta : t + a.delta) : t;
    const after = a.forMinutes[severity]! + warmup + 1;
    const before = a.forMinutes[severity]! + warmup - 1;
    const fireSeries = a.build(fire, after);
    cases.push({ alert: a.alert, description: `${severity} fires at ${fire} after its for`, series: fireSeries, evalMinutes: after, expected: expectedAt(fire, after, fireSeries) });
    if (before > warmup) {
      const pendingSeries = a.build(fire, before);
      cases.push({ alert: a.alert, description: `${severity} is still pending at ${fire} before its for`, series: pendingSeries, evalMinutes: before, expected: expectedAt(fire, before, pendingSeries) });
    }
    const quietSeries = a.build(quiet, after);
    cases.push({ alert: a.alert, description: `${severity} stays quiet at ${quiet}`, series: quietSeries, evalMinutes: after, expected: expectedAt(quiet, after, quietSeries) });
  }
  return cases;
}

/** Every case for the rules of one resolved spec. */
export function alertCases(s: ResolvedMonitoringSpec, podMonitors: readonly KubernetesObject[]): AlertCase[] {
  const c = s.cluster;
  const t = s.thresholds;
  const names = podMonitorNames(c.name);
  const monitor = (name: string) => podMonitors.find((m) => m.metadata.name === name)!;
  const poolWith = (role: 'broker' | 'controller') => c.nodePools.find((p) => p.roles.includes(role))!;
  const kafkaPod = (role: 'broker' | 'controller', id: number) => {
    const pool = poolWith(role);
    const pod: DiscoveredPod = {
      name: `${c.name}-${pool.name}-${id}`,
      namespace: c.namespace,
      container: 'kafka',
      labels: {
        'strimzi.io/cluster': c.name,
        'strimzi.io/kind': 'Kafka',
        'strimzi.io/name': `${c.name}-kafka`,
        'strimzi.io/pool-name': pool.name,
        'strimzi.io/broker-role': String(pool.roles.includes('broker')),
        'strimzi.io/controller-role': String(pool.roles.includes('controller')),
      },
    };
    return targetLabels(monitor(names.kafka), pod);
  };
  const brokers = (n: number) => Array.from({ length: n }, (_, i) => kafkaPod('broker', i));
  const controllers = [0, 1, 2].map((i) => kafkaPod('controller', i));
  const exporter = targetLabels(monitor(names.kafkaExporter), {
    name: `${c.name}-kafka-exporter-6d8f9b7c5d-x2x9k`,
    namespace: c.namespace,
    container: 'kafka-exporter',
    labels: { 'strimzi.io/cluster': c.name, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c.name}-kafka-exporter` },
  });
  const operator = targetLabels(monitor(names.clusterOperator), {
    name: 'strimzi-cluster-operator-7c9d5b8f4-abcde',
    namespace: s.operatorNamespace,
    container: 'strimzi-cluster-operator',
    labels: { 'strimzi.io/kind': 'cluster-operator', name: 'strimzi-cluster-operator' },
  });
  // JBOD volume 0 of broker 0: `data-<volume>-<cluster>-<pool>-<id>`.
  const dataVolume = `data-0-${c.name}-${poolWith('broker').name}-0`;
  const kubelet = { job: 'kubelet', metrics_path: '/metrics', node: 'node-a', instance: '10.0.0.1:10250', namespace: c.namespace };
  const cadvisor = { job: 'kubelet', metrics_path: '/metrics/cadvisor', node: 'node-a', instance: '10.0.0.1:10250' };
  const ksm = { job: 'kube-state-metrics', instance: '10.1.0.9:8080' };
  const brokerPod = brokers(1)[0];
  const gauge = (name: string, target: Record<string, string>, own: Record<string, string> = {}) => (value: number, minutes: number) => [seriesOf(name, target, own, constant(value, minutes))];

  const cases: AlertCase[] = [
    ...thresholdCases({
      alert: 'KafkaBrokerDown', direction: 'below', thresholds: { critical: c.brokerCount }, forMinutes: { critical: 2 }, delta: 1,
      // `value` brokers answer their scrape; the others fail it.
      build: (up, minutes) => brokers(c.brokerCount).map((b, i) => seriesOf('up', b, {}, constant(i < up ? 1 : 0, minutes))),
      labels: () => ({}),
    }),
    ...thresholdCases({
      alert: 'KafkaNoActiveController', direction: 'below', thresholds: { critical: 1 }, forMinutes: { critical: 1 }, delta: 1,
      build: (active, minutes) => controllers.map((n, i) => seriesOf('kafka_controller_kafkacontroller_activecontrollercount', n, {}, constant(i < active ? 1 : 0, minutes))),
      labels: () => ({}),
    }),
    ...thresholdCases({
      alert: 'KafkaMultipleActiveControllers', direction: 'above', thresholds: { critical: 1 }, forMinutes: { critical: 1 }, delta: 1,
      build: (active, minutes) => [...controllers, kafkaPod('controller', 7)].map((n, i) => seriesOf('kafka_controller_kafkacontroller_activecontrollercount', n, {}, constant(i < active ? 1 : 0, minutes))),
      labels: () => ({}),
    }),
    ...thresholdCases({
      alert: 'KafkaOfflinePartitions', direction: 'above', thresholds: { critical: 0 }, forMinutes: { critical: 1 }, delta: 4,
      build: gauge('kafka_controller_kafkacontroller_offlinepartitionscount', controllers[0]),
      labels: () => ({}),
    }),
    ...thresholdCases({
      alert: 'KafkaUnderMinIsrPartitions', direction: 'above', thresholds: { critical: 0 }, forMinutes: { critical: 1 }, delta: 2,
      build: gauge('kafka_server_replicamanager_underminisrpartitioncount', brokerPod), labels: allLabels,
    }),
    ...thresholdCases({
      alert: 'KafkaOfflineLogDirectory', direction: 'above', thresholds: { critical: 0 }, forMinutes: { critical: 1 }, delta: 1,
      build: gauge('kafka_log_logmanager_offlinelogdirectorycount', brokerPod), labels: allLabels,
    }),
    ...thresholdCases({
      alert: 'KafkaMetricsTargetDown', direction: 'below', thresholds: { warning: 1 }, forMinutes: { warning: 5 }, delta: 1,
      build: gauge('up', exporter), labels: allLabels,
    }),
    ...thresholdCases({
      alert: 'KafkaUnderReplicatedPartitions', direction: 'above', thresholds: { warning: 0, critical: 0 },
      forMinutes: { warning: t.underReplicatedMinutes.warning, critical: t.underReplicatedMinutes.critical }, delta: 3,
      build: gauge('kafka_server_replicamanager_underreplicatedpartitions', brokerPod), labels: allLabels,
    }),
    ...thresholdCases({
      alert: 'KafkaSlowProducer', direction: 'above', thresholds: { ...t.produceLatencyP99Ms }, forMinutes: { warning: 10, critical: 10 }, delta: 1,
      build: gauge('kafka_network_requestmetrics_totaltimems', brokerPod, { request: 'Produce', quantile: '0.99' }), labels: allLabels,
    }),
    ...(['KafkaConsumerLag', 'KafkaConsumerLagCapacity'] as const).flatMap((alert) =>
      thresholdCases({
        alert, direction: 'above', delta: 1,
        thresholds: alert === 'KafkaConsumerLag' ? { ...t.consumerLagMessages } : { info: t.capacity.consumerLagMessages },
        forMinutes: { warning: 10, critical: 10, info: 10 },
        // Lag is spread over two partitions of the topic.
        build: (lag, minutes) => [0, 1].map((p) => seriesOf('kafka_consumergroup_lag', exporter, { consumergroup: 'orders-service', topic: 'orders', partition: String(p) }, constant(p === 0 ? Math.floor(lag / 2) : lag - Math.floor(lag / 2), minutes))),
        labels: only('namespace', 'consumergroup', 'topic'),
      }),
    ),
    ...(['KafkaDiskSpaceHigh', 'KafkaDiskUsageCapacity'] as const).flatMap((alert) =>
      thresholdCases({
        alert, direction: 'above', delta: 1,
        thresholds: alert === 'KafkaDiskSpaceHigh' ? { ...t.diskUsagePercent } : { info: t.capacity.diskUsagePercent },
        forMinutes: { warning: 15, critical: 15, info: 30 },
        build: (percent, minutes) => {
          const capacity = 1_000_000_000_000;
          return [
            seriesOf('kubelet_volume_stats_used_bytes', kubelet, { persistentvolumeclaim: dataVolume }, constant((capacity / 100) * percent, minutes)),
            seriesOf('kubelet_volume_stats_capacity_bytes', kubelet, { persistentvolumeclaim: dataVolume }, constant(capacity, minutes)),
          ];
        },
        labels: allLabels,
      }),
    ),
    ...thresholdCases({
      alert: 'KafkaCertificateExpiring', direction: 'below', thresholds: { ...t.certificateExpiryDays }, forMinutes: { warning: 15, critical: 15 }, delta: 0.5,
      // The expiry timestamp that leaves `days` at evaluation time.
      build: (days, minutes) => [
        seriesOf('strimzi_certificate_expiration_timestamp_ms', operator, { type: 'cluster-ca', cluster: c.name, resource_namespace: c.namespace }, constant((minutes * 60 + days * 86400) * 1000, minutes)),
      ],
      labels: allLabels,
    }),
    ...s.backupCronJobs.flatMap((job) => [
      ...thresholdCases({
        alert: 'KafkaBackupOverdue', direction: 'above', thresholds: { warning: job.maxAgeHours }, forMinutes: { warning: 15 }, delta: 1,
        // Last success `hours` before evaluation time (promtool's clock starts at 0).
        build: (hours, minutes) => [seriesOf('kube_cronjob_status_last_successful_time', ksm, { namespace: c.namespace, cronjob: job.name }, constant(minutes * 60 - hours * 3600, minutes))],
        labels: allLabels,
      }),
      ...thresholdCases({
        alert: 'KafkaBackupOverdue', direction: 'above', thresholds: { warning: job.maxAgeHours }, forMinutes: { warning: 15 }, delta: 1,
        // A CronJob created `hours` ago that never succeeded.
        build: (hours, minutes) => [seriesOf('kube_cronjob_created', ksm, { namespace: c.namespace, cronjob: job.name }, constant(minutes * 60 - hours * 3600, minutes))],
        labels: allLabels,
      }).map((k) => ({ ...k, description: `never succeeded: ${k.description}` })),
    ]),
    ...thresholdCases({
      alert: 'KafkaHighThroughput', direction: 'above', thresholds: { warning: t.capacity.messagesInPerSecond }, forMinutes: { warning: 15 }, delta: 100, warmup: 5, inexact: true,
      // Broker totals (no topic label); the per-topic series must not be counted again.
      build: (rate, minutes) => {
        const totals = brokers(Math.min(2, c.brokerCount));
        return [
          ...totals.map((b) => seriesOf('kafka_server_brokertopicmetrics_messagesin_total', b, {}, counter(rate / totals.length, minutes))),
          seriesOf('kafka_server_brokertopicmetrics_messagesin_total', totals[0], { topic: 'orders' }, counter(rate, minutes)),
        ];
      },
      labels: () => ({}),
    }),
    ...thresholdCases({
      alert: 'KafkaCpuNearLimit', direction: 'above', thresholds: { info: t.capacity.cpuPercentOfLimit }, forMinutes: { info: 15 }, delta: 1, warmup: 5, inexact: true,
      build: (percent, minutes) => [
        seriesOf('container_cpu_usage_seconds_total', cadvisor, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka' }, counter((2 * percent) / 100, minutes)),
        seriesOf('kube_pod_container_resource_limits', ksm, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka', resource: 'cpu', unit: 'core' }, constant(2, minutes)),
      ],
      labels: only('namespace', 'pod'),
    }),
    ...thresholdCases({
      alert: 'KafkaMemoryNearLimit', direction: 'above', thresholds: { info: t.capacity.memoryPercentOfLimit }, forMinutes: { info: 15 }, delta: 1,
      build: (percent, minutes) => [
        seriesOf('container_memory_working_set_bytes', cadvisor, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka' }, constant(percent * 1e8, minutes)),
        seriesOf('kube_pod_container_resource_limits', ksm, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka', resource: 'memory', unit: 'byte' }, constant(1e10, minutes)),
      ],
      labels: only('namespace', 'pod'),
    }),
    ...thresholdCases({
      alert: 'KafkaDiskFullForecast', direction: 'below', thresholds: { warning: t.diskFullForecastHours }, forMinutes: { warning: 60 }, delta: 2, warmup: 1, inexact: true,
      // Free space falls 1 MB a minute and reaches 0 `hoursLeft` hours after evaluation time.
      build: (hoursLeft, minutes) => {
        const slope = 1_000_000;
        const atStart = slope * (hoursLeft * 60 + minutes);
        return [seriesOf('kubelet_volume_stats_available_bytes', kubelet, { persistentvolumeclaim: dataVolume }, `${atStart}-${slope}x${minutes + LENGTH_MARGIN}`)];
      },
      labels: allLabels,
    }),
  ];

  if (s.mirrorMaker2) {
    const mm2 = targetLabels(monitor(names.mirrorMaker2), {
      name: 'dr-mirrormaker2-0',
      namespace: c.namespace,
      container: 'dr-mirrormaker2',
      labels: { 'strimzi.io/cluster': 'dr', 'strimzi.io/kind': 'KafkaMirrorMaker2', 'strimzi.io/name': 'dr-mirrormaker2' },
    });
    // Client ids as Kafka's JMX sanitizer renders them (quoted), topics with "." replaced by "_".
    const replicationClient = (task: number) => `"kafka-prod->dr|kafka-prod->dr.MirrorSourceConnector-${task}|replication-consumer"`;
    cases.push(
      {
        alert: 'KafkaMirrorMaker2Down', description: 'fires 10 minutes after the only target went down',
        series: [seriesOf('up', mm2, {}, `1x2 0x${15 + LENGTH_MARGIN}`)], evalMinutes: 14,
        expected: [{ severity: 'critical', labels: {} }],
      },
      {
        alert: 'KafkaMirrorMaker2Down', description: 'fires when the pods are gone (no up series at all)',
        series: [seriesOf('up', mm2, {}, `1x2 _x${20 + LENGTH_MARGIN}`)], evalMinutes: 20,
        expected: [{ severity: 'critical', labels: {} }],
      },
      {
        alert: 'KafkaMirrorMaker2Down', description: 'is pending 8 minutes after the target went down',
        series: [seriesOf('up', mm2, {}, `1x2 0x${10 + LENGTH_MARGIN}`)], evalMinutes: 10, expected: [],
      },
      {
        alert: 'KafkaMirrorMaker2Down', description: 'stays quiet while one worker is up',
        series: [seriesOf('up', mm2, {}, `1x${20 + LENGTH_MARGIN}`)], evalMinutes: 20, expected: [],
      },
      ...thresholdCases({
        alert: 'KafkaMirrorMaker2ReplicationLag', direction: 'above', thresholds: { warning: t.mirrorMaker2LagMessages }, forMinutes: { warning: 10 }, delta: 2,
        build: (lag, minutes) => [
          // Two partitions of one topic on two tasks; each partition's lag is half.
          seriesOf('kafka_consumer_fetch_manager_records_lag', mm2, { clientid: replicationClient(0), topic: 'payments_payment-settled_v1', partition: '0' }, constant(lag / 2, minutes)),
          seriesOf('kafka_consumer_fetch_manager_records_lag', mm2, { clientid: replicationClient(1), topic: 'payments_payment-settled_v1', partition: '1' }, constant(lag / 2, minutes)),
          // The same partition 1 still reported by its previous task (moved in a rebalance) must not count twice.
          seriesOf('kafka_consumer_fetch_manager_records_lag', mm2, { clientid: replicationClient(2), topic: 'payments_payment-settled_v1', partition: '1' }, constant(lag / 2, minutes)),
          // Other consumers of the worker (Connect's own topics) must not count.
          seriesOf('kafka_consumer_fetch_manager_records_lag', mm2, { clientid: 'kafka-prod-mirror-connect-configs', topic: 'payments_payment-settled_v1', partition: '0' }, constant(1_000_000, minutes)),
        ],
        labels: only('namespace', 'topic'),
      }),
      ...thresholdCases({
        alert: 'KafkaMirrorMaker2CheckpointLatency', direction: 'above', thresholds: { warning: t.mirrorMaker2CheckpointLatencySeconds * 1000 }, forMinutes: { warning: 10 }, delta: 1,
        build: (ms, minutes) => [
          seriesOf('kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms', mm2, { source: 'kafka-prod', target: 'dr', group: 'orders-service', topic: 'orders', partition: '0' }, constant(ms, minutes)),
          seriesOf('kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms', mm2, { source: 'kafka-prod', target: 'dr', group: 'orders-service', topic: 'orders', partition: '1' }, constant(12, minutes)),
        ],
        labels: only('namespace', 'group'),
      }),
      ...thresholdCases({
        alert: 'KafkaMirrorMaker2ConnectorFailed', direction: 'above', thresholds: { critical: 0 }, forMinutes: { critical: 5 }, delta: 1,
        build: (failed, minutes) => [seriesOf('kafka_connect_connector_status', mm2, { connector: 'source->target.MirrorSourceConnector', status: failed > 0 ? 'failed' : 'running' }, constant(1, minutes))],
        labels: allLabels,
      }),
    );
  }
  if (s.drCaCheckCronJob) {
    // The CA check's latest run started at 600 s; its last success is `success` (or none).
    const cj = { namespace: c.namespace, cronjob: s.drCaCheckCronJob };
    const run = (success: number | undefined, minutes: number) => [
      seriesOf('kube_cronjob_status_last_schedule_time', ksm, cj, constant(600, minutes)),
      ...(success === undefined ? [] : [seriesOf('kube_cronjob_status_last_successful_time', ksm, cj, constant(success, minutes))]),
    ];
    const labels = (series: InputSeries[]) => ({ ...series[0].labels });
    const failed = run(0, 40);
    const never = run(undefined, 40);
    cases.push(
      { alert: 'KafkaDrCaCopyStale', description: 'fires 30 minutes after a failed check run', series: failed, evalMinutes: 31, expected: [{ severity: 'warning', labels: labels(failed) }] },
      { alert: 'KafkaDrCaCopyStale', description: 'is pending before its for', series: failed, evalMinutes: 29, expected: [] },
      { alert: 'KafkaDrCaCopyStale', description: 'fires when the check never succeeded', series: never, evalMinutes: 31, expected: [{ severity: 'warning', labels: labels(never) }] },
      { alert: 'KafkaDrCaCopyStale', description: 'stays quiet when the latest run succeeded', series: run(630, 40), evalMinutes: 31, expected: [] },
    );
  }
  return cases;
}
