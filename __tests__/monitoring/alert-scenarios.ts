import { KubernetesObject } from '../../lib/core/kubernetes';
import { Severity } from '../../lib/core/monitoring/alert-rules';
import { Priority } from '../../lib/core/monitoring/alert-routing';
import { metric } from '../../lib/core/monitoring/catalogue';
import { ResolvedMonitoringSpec } from '../../lib/core/monitoring/monitoring-spec';
import { isRecorded } from '../../lib/core/monitoring/recorded-series';
import { podMonitorNames } from '../../lib/core/monitoring/pod-monitors';
import { DiscoveredPod, targetLabels } from '../helpers/relabel';
import { consumerGroupCases } from './consumer-group-scenarios';
import { connectAlertCases } from './connect-alert-scenarios';

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

/**
 * A broker or controller that cannot be recovering (Pending, waiting, crash-looping, gone) must page within
 * 5 minutes: its condition holds 3 minutes, then scrape, evaluation and Alertmanager's group wait.
 */
export const CANNOT_RECOVER_MINUTES = 3;

/**
 * The guide's incident classes, stated independently of the rules: P1 is "cluster down, data loss" (no
 * controller, two controllers, offline partitions, writes refused, several brokers gone); otherwise
 * critical alerts are P2 (broker failures, high lag), warnings P3 (degradation), info P4.
 */
const P1_ALERTS = new Set(['KafkaMultipleBrokersDown', 'KafkaNoActiveController', 'KafkaMultipleActiveControllers', 'KafkaOfflinePartitions', 'KafkaUnderMinIsrPartitions', 'KafkaUncleanLeaderElection']);
/** A forecast days ahead needs a response within a day, whatever its severity. */
const P4_ALERTS = new Set(['KafkaDiskFullForecast']);
export function expectedPriority(alert: string, severity: Severity): Priority {
  if (P1_ALERTS.has(alert)) return 'P1';
  if (P4_ALERTS.has(alert)) return 'P4';
  return ({ critical: 'P2', warning: 'P3', info: 'P4' } as const)[severity];
}

/**
 * Cases for a condition that must hold `forMinutes`: it fires one minute after, is pending one minute
 * before, and the quiet series never fire.
 */
function durationCases(o: {
  alert: string;
  severity: Severity;
  forMinutes: number;
  what: string;
  fire: (minutes: number) => InputSeries[];
  quiet: (minutes: number) => InputSeries[];
  labels: Record<string, string>;
  quietWhat?: string;
}): AlertCase[] {
  const after = o.forMinutes + 1;
  const cases: AlertCase[] = [
    { alert: o.alert, description: `${o.severity} fires: ${o.what}`, series: o.fire(after), evalMinutes: after, expected: [{ severity: o.severity, labels: o.labels }] },
    { alert: o.alert, description: `stays quiet: ${o.quietWhat ?? 'healthy'}`, series: o.quiet(after), evalMinutes: after, expected: [] },
  ];
  if (o.forMinutes >= 2) {
    cases.push({ alert: o.alert, description: `${o.severity} still pending before its for: ${o.what}`, series: o.fire(o.forMinutes - 1), evalMinutes: o.forMinutes - 1, expected: [] });
  }
  return cases;
}

/** A series the platform's recording rules write (its name from the one registry, `recorded-series.ts`). */
export function recordedSeries(name: string, labels: Record<string, string>, values: string): InputSeries {
  if (!isRecorded(name)) throw new Error(`${name} is not a recorded series of the platform`);
  const rendered = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
  return { series: `${name}{${rendered}}`, values, labels };
}

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
  const cruiseControl = c.cruiseControl
    ? targetLabels(monitor(names.cruiseControl), {
        name: `${c.name}-cruise-control-7b9c8d6f5-k2m4p`,
        namespace: c.namespace,
        container: 'cruise-control',
        labels: { 'strimzi.io/cluster': c.name, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c.name}-cruise-control` },
      })
    : {};
  // Dedicated controller pools have pods of their own; dual-role pools' pods are the brokers'.
  const controllerPodsAreSeparate = c.nodePools.some((p) => p.roles.includes('controller') && !p.roles.includes('broker'));
  const operator = targetLabels(monitor(names.clusterOperator), {
    name: 'strimzi-cluster-operator-7c9d5b8f4-abcde',
    namespace: s.operatorNamespace,
    container: 'strimzi-cluster-operator',
    labels: { 'strimzi.io/kind': 'cluster-operator', name: 'strimzi-cluster-operator' },
  });
  const entityOperator = (container: string) =>
    targetLabels(monitor(names.entityOperator), {
      name: `${c.name}-entity-operator-5f7d8c9b6-q7w2x`,
      namespace: c.namespace,
      container,
      labels: { 'strimzi.io/cluster': c.name, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c.name}-entity-operator` },
    });
  const podName = (role: 'broker' | 'controller', id: number) => `${c.name}-${poolWith(role).name}-${id}`;
  const controllerCount = c.controllerCount ?? 3;
  /**
   * kube-state-metrics series of a pod and its `kafka` container. `ready` true/false gives the Ready
   * condition; 'pending' is an unscheduled pod: PodScheduled false, no Ready condition, no container
   * status, no scrape target. The container runs (since a day before the test unless `startedAt` says
   * when, in seconds of the test clock) unless it `waits` for a reason; `restarts` counts its restarts in
   * this pod (0 for a pod a roll recreated).
   */
  type KsmPod = { readonly ready: boolean | 'pending'; readonly startedAt?: number; readonly restarts?: number; readonly waits?: string };
  const ksmPod = (pod: string, state: boolean | 'pending' | KsmPod, minutes: number): InputSeries[] => {
    const o: KsmPod = typeof state === 'object' ? state : { ready: state };
    const own = { namespace: c.namespace, pod, uid: `uid-${pod}` };
    const container = { ...own, container: 'kafka' };
    const phase = (p: string) => seriesOf('kube_pod_status_phase', ksm, { ...own, phase: p }, constant(1, minutes));
    const info = seriesOf('kube_pod_info', ksm, { ...own, node: o.ready === 'pending' ? '' : 'node-a', created_by_kind: 'StrimziPodSet', created_by_name: `${c.name}-${pod.split('-').slice(-2, -1)[0]}` }, constant(1, minutes));
    if (o.ready === 'pending') {
      return [info, seriesOf('kube_pod_created', ksm, own, constant(0, minutes)), phase('Pending'), seriesOf('kube_pod_status_scheduled', ksm, { ...own, condition: 'false' }, constant(1, minutes))];
    }
    return [
      info,
      seriesOf('kube_pod_created', ksm, own, constant(Math.min(0, o.startedAt ?? -86400), minutes)),
      phase('Running'),
      seriesOf('kube_pod_status_scheduled', ksm, { ...own, condition: 'true' }, constant(1, minutes)),
      seriesOf('kube_pod_status_ready', ksm, { ...own, condition: 'true' }, constant(o.ready ? 1 : 0, minutes)),
      seriesOf('kube_pod_status_ready', ksm, { ...own, condition: 'false' }, constant(o.ready ? 0 : 1, minutes)),
      seriesOf('kube_pod_container_status_running', ksm, container, constant(o.waits ? 0 : 1, minutes)),
      seriesOf('kube_pod_container_status_restarts_total', ksm, container, constant(o.restarts ?? 0, minutes)),
      ...(o.waits
        ? [seriesOf('kube_pod_container_status_waiting_reason', ksm, { ...container, reason: o.waits }, constant(1, minutes))]
        : [seriesOf('kube_pod_container_state_started', ksm, container, constant(o.startedAt ?? -86400, minutes))]),
    ];
  };
  /** Broker pods 0..count-1 (those listed in `down` in the given state). */
  const brokerPods = (count: number, minutes: number, down: Record<number, false | 'pending' | KsmPod> = {}) =>
    Array.from({ length: count }, (_, i) => ksmPod(podName('broker', i), down[i] ?? true, minutes)).flat();
  const controllerPods = (count: number, minutes: number, down: Record<number, false | 'pending' | KsmPod> = {}) =>
    Array.from({ length: count }, (_, i) => ksmPod(podName('controller', i), down[i] ?? true, minutes)).flat();
  /** The broker's own view: its state (1 starting, 2 recovery, 3 running) from its metrics endpoint. */
  const brokerState = (id: number, state: number, minutes: number) => seriesOf('kafka_server_kafkaserver_brokerstate', brokers(id + 1)[id], {}, constant(state, minutes));
  // JBOD volume 0 of broker 0: `data-<volume>-<cluster>-<pool>-<id>`.
  const dataVolume = `data-0-${c.name}-${poolWith('broker').name}-0`;
  const kubelet = { job: 'kubelet', metrics_path: '/metrics', node: 'node-a', instance: '10.0.0.1:10250', namespace: c.namespace };
  const cadvisor = { job: 'kubelet', metrics_path: '/metrics/cadvisor', node: 'node-a', instance: '10.0.0.1:10250' };
  const ksm = { job: 'kube-state-metrics', instance: '10.1.0.9:8080' };
  const brokerPod = brokers(1)[0];
  const gauge = (name: string, target: Record<string, string>, own: Record<string, string> = {}) => (value: number, minutes: number) => [seriesOf(name, target, own, constant(value, minutes))];

  const cases: AlertCase[] = [
    // A broker that cannot be recovering pages within 5 minutes (3 minutes of its condition, then scrape,
    // evaluation and notification); one in log recovery within its window stays quiet, then pages when
    // the window ends; a restart in place warns first.
    ...durationCases({
      alert: 'KafkaBrokerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'a broker pod is Pending and unscheduled (no Ready condition, no container, no scrape target)',
      fire: (m) => brokerPods(c.brokerCount, m, { 0: 'pending' }),
      quiet: (m) => [...brokerPods(c.brokerCount, m, { 0: { ready: false, startedAt: -60 } }), brokerState(0, 2, m)],
      quietWhat: 'the broker was recreated a minute ago and reports log recovery (a roll)',
      labels: { pod: podName('broker', 0) },
    }),
    ...durationCases({
      alert: 'KafkaBrokerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'the kafka container is in CrashLoopBackOff',
      fire: (m) => brokerPods(c.brokerCount, m, { [c.brokerCount - 1]: { ready: false, waits: 'CrashLoopBackOff', restarts: 6 } }),
      quiet: (m) => brokerPods(c.brokerCount, m),
      labels: { pod: podName('broker', c.brokerCount - 1) },
    }),
    ...durationCases({
      alert: 'KafkaBrokerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'its node is lost (not ready, the container last seen running, no broker state: its scrape fails)',
      fire: (m) => brokerPods(c.brokerCount, m, { 0: false }),
      quiet: (m) => [...brokerPods(c.brokerCount, m, { 0: { ready: false, startedAt: -120, restarts: 1 } }), brokerState(0, 2, m)],
      quietWhat: 'the container restarted 2 minutes ago and the broker reports log recovery',
      labels: { pod: podName('broker', 0) },
    }),
    ...durationCases({
      alert: 'KafkaBrokerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'the broker stays in state STARTING (it cannot catch up with the controllers)',
      fire: (m) => [...brokerPods(c.brokerCount, m, { 0: { ready: false, startedAt: 0 } }), brokerState(0, 1, m)],
      quiet: (m) => [...brokerPods(c.brokerCount, m), brokerState(0, 3, m)],
      labels: { pod: podName('broker', 0) },
    }),
    ...durationCases({
      alert: 'KafkaBrokerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'a broker pod does not exist',
      fire: (m) => brokerPods(c.brokerCount - 1, m),
      quiet: (m) => brokerPods(c.brokerCount, m),
      labels: {},
    }),
    // Without kube-state-metrics, broker loss is still seen through the scrape targets (a vanished pod counts).
    ...durationCases({
      alert: 'KafkaBrokerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'no kube-state-metrics, a broker target fails its scrape',
      fire: (m) => brokers(c.brokerCount).map((b, i) => seriesOf('up', b, {}, constant(i === 0 ? 0 : 1, m))),
      quiet: (m) => brokers(c.brokerCount).map((b) => seriesOf('up', b, {}, constant(1, m))),
      labels: {},
    }),
    ...durationCases({
      alert: 'KafkaBrokerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'no kube-state-metrics, a broker target vanished',
      fire: (m) => brokers(c.brokerCount).slice(1).map((b) => seriesOf('up', b, {}, constant(1, m))),
      quiet: (m) => brokers(c.brokerCount).map((b) => seriesOf('up', b, {}, constant(1, m))),
      labels: {},
    }),
    ...(() => {
      // Log recovery after a restart at minute 0: quiet within the window, a page when it ends.
      const window = t.brokerRecoveryMinutes;
      const recovering = (restarts: number) => (m: number) => [...brokerPods(c.brokerCount, m, { 0: { ready: false, startedAt: 0, restarts } }), brokerState(0, 2, m)];
      const pod = { pod: podName('broker', 0) };
      return [
        { alert: 'KafkaBrokerDown', description: 'quiet in log recovery until its window ends', series: recovering(1)(window + 6), evalMinutes: window - 1, expected: [] },
        { alert: 'KafkaBrokerDown', description: 'still pending just after the window ended', series: recovering(1)(window + 6), evalMinutes: window + CANNOT_RECOVER_MINUTES - 1, expected: [] },
        { alert: 'KafkaBrokerDown', description: 'pages when log recovery runs past its window', series: recovering(1)(window + 6), evalMinutes: window + CANNOT_RECOVER_MINUTES + 1, expected: [{ severity: 'critical' as const, labels: pod }] },
        ...durationCases({
          alert: 'KafkaBrokerRecovering', severity: 'warning', forMinutes: 2, what: 'the kafka container restarted in place and the broker recovers its logs',
          fire: recovering(1),
          quiet: recovering(0),
          quietWhat: 'a pod recreated by a roll (restart count 0) recovering its logs',
          labels: pod,
        }),
        { alert: 'KafkaBrokerRecovering', description: 'gives way to KafkaBrokerDown when the window ends', series: recovering(1)(window + 6), evalMinutes: window + CANNOT_RECOVER_MINUTES + 1, expected: [] },
      ];
    })(),
    ...(c.brokerCount >= 2
      ? [
          ...durationCases({
            alert: 'KafkaMultipleBrokersDown', severity: 'critical', forMinutes: 2, what: 'two broker pods are not ready at once (their agents still answer)',
            fire: (m) => [...brokerPods(c.brokerCount, m, { 0: false, 1: false }), ...brokers(c.brokerCount).map((b) => seriesOf('up', b, {}, constant(1, m)))],
            // One broker down is what a rolling restart does.
            quiet: (m) => [...brokerPods(c.brokerCount, m, { 0: false }), ...brokers(c.brokerCount).slice(1).map((b) => seriesOf('up', b, {}, constant(1, m)))],
            quietWhat: 'one broker down (as in a rolling restart)',
            labels: {},
          }),
          ...durationCases({
            alert: 'KafkaMultipleBrokersDown', severity: 'critical', forMinutes: 2, what: 'two broker targets gone (no kube-state-metrics)',
            fire: (m) => brokers(c.brokerCount).slice(2).map((b) => seriesOf('up', b, {}, constant(1, m))),
            quiet: (m) => brokers(c.brokerCount).slice(1).map((b) => seriesOf('up', b, {}, constant(1, m))),
            quietWhat: 'one target gone',
            labels: {},
          }),
        ]
      : []),
    ...durationCases({
      alert: 'KafkaControllerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'a controller pod is Pending (no up series)',
      fire: (m) => controllerPods(controllerCount, m, { [controllerCount - 1]: 'pending' }),
      quiet: (m) => controllerPods(controllerCount, m, { [controllerCount - 1]: { ready: false, startedAt: -60 } }),
      quietWhat: 'the controller started a minute ago and is not ready yet',
      labels: { pod: podName('controller', controllerCount - 1) },
    }),
    ...durationCases({
      alert: 'KafkaControllerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'a controller container is in CrashLoopBackOff',
      fire: (m) => controllerPods(controllerCount, m, { 0: { ready: false, waits: 'CrashLoopBackOff', restarts: 4 } }),
      quiet: (m) => controllerPods(controllerCount, m),
      labels: { pod: podName('controller', 0) },
    }),
    {
      alert: 'KafkaControllerDown', description: 'pages when a started controller is not ready by the end of its window',
      series: controllerPods(controllerCount, t.controllerRecoveryMinutes + 10, { 0: { ready: false, startedAt: 0 } }),
      evalMinutes: t.controllerRecoveryMinutes + CANNOT_RECOVER_MINUTES + 1,
      expected: [{ severity: 'critical', labels: { pod: podName('controller', 0) } }],
    },
    ...durationCases({
      alert: 'KafkaControllerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'no kube-state-metrics, a controller target is gone',
      fire: (m) => controllers.slice(1, controllerCount).map((n) => seriesOf('up', n, {}, constant(1, m))),
      quiet: (m) => controllers.slice(0, controllerCount).map((n) => seriesOf('up', n, {}, constant(1, m))),
      labels: {},
    }),
    ...durationCases({
      alert: 'KafkaControllerDown', severity: 'critical', forMinutes: CANNOT_RECOVER_MINUTES, what: 'fewer controller pods exist than the spec declares',
      fire: (m) => controllerPods(controllerCount - 1, m),
      quiet: (m) => controllerPods(controllerCount, m),
      labels: {},
    }),
    ...durationCases({
      alert: 'KafkaFencedBrokers', severity: 'critical', forMinutes: 5, what: 'every controller reports a fenced broker while all broker pods are ready',
      fire: (m) => [
        ...brokerPods(c.brokerCount, m),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_fencedbrokercount', n, {}, constant(1, m))),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_activebrokercount', n, {}, constant(c.brokerCount - 1, m))),
      ],
      // The broker is fenced because its pod is restarting: KafkaBrokerDown's business, not this alert's.
      quiet: (m) => [
        ...brokerPods(c.brokerCount, m, { 0: false }),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_fencedbrokercount', n, {}, constant(1, m))),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_activebrokercount', n, {}, constant(c.brokerCount - 1, m))),
      ],
      quietWhat: 'the fenced broker\'s pod is restarting',
      labels: {},
    }),
    ...durationCases({
      alert: 'KafkaFencedBrokers', severity: 'critical', forMinutes: 5, what: 'a broker never registered (active brokers below the spec)',
      fire: (m) => [
        ...brokerPods(c.brokerCount, m),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_fencedbrokercount', n, {}, constant(0, m))),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_activebrokercount', n, {}, constant(c.brokerCount - 1, m))),
      ],
      quiet: (m) => [
        ...brokerPods(c.brokerCount, m),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_fencedbrokercount', n, {}, constant(0, m))),
        ...controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_activebrokercount', n, {}, constant(c.brokerCount, m))),
      ],
      labels: {},
    }),
    // Metadata errors: a step of the error count pages at once; errors from long ago do not.
    {
      alert: 'KafkaMetadataErrors', description: 'critical fires when the error count grows', evalMinutes: 6, expected: [{ severity: 'critical', labels: { pod: controllers[0].pod } }],
      series: [seriesOf('kafka_controller_kafkacontroller_metadataerrorcount', controllers[0], {}, `0x4 1x${6 + LENGTH_MARGIN}`)],
    },
    {
      alert: 'KafkaMetadataErrors', description: 'stays quiet for errors older than 5 minutes', evalMinutes: 12, expected: [],
      series: [seriesOf('kafka_controller_kafkacontroller_metadataerrorcount', controllers[0], {}, `0x4 2x${20 + LENGTH_MARGIN}`)],
    },
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
      // Every controller publishes the count.
      build: (value, minutes) => controllers.map((n) => seriesOf('kafka_controller_kafkacontroller_offlinepartitionscount', n, {}, constant(value, minutes))),
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
    // Blind spots: a vanished target, a vanished Kafka Exporter or Cluster Operator alert instead of silencing the alerts that read them.
    ...(() => {
      // Dual-role pods are brokers and controllers at once: one target each.
      const kafkaTargets = [...new Map([...brokers(c.brokerCount), ...controllers.slice(0, controllerCount)].map((x) => [x.pod, x])).values()];
      const allKafkaTargets = (m: number, skip?: string) => kafkaTargets.filter((x) => x.pod !== skip).map((x) => seriesOf('up', x, {}, constant(1, m)));
      const pods = (m: number) => [...brokerPods(c.brokerCount, m), ...(controllerPodsAreSeparate ? controllerPods(controllerCount, m) : [])];
      const cruise = (m: number) => (c.cruiseControl ? [seriesOf('up', cruiseControl, {}, constant(1, m))] : []);
      return [
        // A dual-role pod's target counts for the brokers and the controllers.
        ...(() => {
          const gone = brokers(1)[0];
          const missing = gone.strimzi_io_controller_role === 'true' ? ['brokers', 'controllers'] : ['brokers'];
          const series = (m: number) => [...pods(m), ...allKafkaTargets(m, gone.pod), ...cruise(m)];
          return [
            { alert: 'KafkaMetricsTargetMissing', description: 'warning fires: a broker target vanished while every pod is Ready (its PodMonitor no longer selects it)', series: series(16), evalMinutes: 11, expected: missing.map((t) => ({ severity: 'warning' as const, labels: { scrape_target: t } })) },
            { alert: 'KafkaMetricsTargetMissing', description: 'warning still pending before its for', series: series(16), evalMinutes: 9, expected: [] },
            { alert: 'KafkaMetricsTargetMissing', description: 'stays quiet: every target present', series: [...pods(16), ...allKafkaTargets(16), ...cruise(16)], evalMinutes: 11, expected: [] },
          ];
        })(),
        ...durationCases({
          alert: 'KafkaMetricsTargetMissing', severity: 'warning', forMinutes: 10, what: 'the broker pod behind the missing target is down (KafkaBrokerDown\'s, not this alert\'s)',
          fire: (m) => [...pods(m), ...allKafkaTargets(m, brokers(1)[0].pod), ...cruise(m)],
          quiet: (m) => [...brokerPods(c.brokerCount, m, { 0: 'pending' }), ...(controllerPodsAreSeparate ? controllerPods(controllerCount, m) : []), ...allKafkaTargets(m, brokers(1)[0].pod), ...cruise(m)],
          quietWhat: 'the broker pod is Pending',
          labels: { scrape_target: 'brokers' },
        }).filter((k) => k.expected.length === 0),
        ...(c.cruiseControl
          ? durationCases({
              alert: 'KafkaMetricsTargetMissing', severity: 'warning', forMinutes: 10, what: 'Cruise Control runs but has no scrape target',
              fire: (m) => [...pods(m), ...allKafkaTargets(m)],
              quiet: (m) => [...pods(m), ...allKafkaTargets(m), ...cruise(m)],
              labels: { scrape_target: 'cruise-control' },
            })
          : []),
        ...(c.kafkaExporter
          ? [
              ...durationCases({
                alert: 'KafkaExporterDown', severity: 'warning', forMinutes: 5, what: 'Kafka Exporter vanished (no target at all)',
                fire: (m) => [seriesOf('up', exporter, {}, `1x2 stale _x${m + LENGTH_MARGIN}`)],
                quiet: (m) => [seriesOf('up', exporter, {}, constant(1, m))],
                labels: {},
              }).map((k) => ({ ...k, evalMinutes: k.evalMinutes + 3 })),
              ...durationCases({
                alert: 'KafkaExporterDown', severity: 'warning', forMinutes: 5, what: 'Kafka Exporter fails its scrape',
                fire: (m) => [seriesOf('up', exporter, {}, constant(0, m))],
                quiet: (m) => [seriesOf('up', exporter, {}, `1x1 0x1 1x${m + LENGTH_MARGIN}`)],
                quietWhat: 'one failed scrape (an exporter restart)',
                labels: {},
              }),
            ]
          : []),
        ...durationCases({
          alert: 'KafkaClusterOperatorDown', severity: 'warning', forMinutes: 10, what: 'the Cluster Operator is gone (no target)',
          fire: () => [],
          quiet: (m) => [seriesOf('up', operator, {}, constant(1, m))],
          labels: {},
        }),
        ...durationCases({
          alert: 'KafkaClusterOperatorDown', severity: 'warning', forMinutes: 10, what: 'the Cluster Operator fails its scrape',
          fire: (m) => [seriesOf('up', operator, {}, constant(0, m))],
          quiet: (m) => [seriesOf('up', operator, {}, `1x2 0x2 1x${m + LENGTH_MARGIN}`)],
          quietWhat: 'two minutes down (the operator\'s own rolling update)',
          labels: {},
        }),
      ];
    })(),
    // An unclean election is data loss: it pages at once (P1). Every controller counts it.
    {
      alert: 'KafkaUncleanLeaderElection', description: 'critical fires when the controllers count an unclean election', evalMinutes: 6,
      series: controllers.slice(0, controllerCount).map((n) => seriesOf('kafka_controller_controllerstats_uncleanleaderelections_total', n, {}, `0x4 1x${6 + LENGTH_MARGIN}`)),
      expected: [{ severity: 'critical', labels: {} }],
    },
    {
      alert: 'KafkaUncleanLeaderElection', description: 'stays quiet for an election long ago, and across a controller restart (counter reset)', evalMinutes: 20,
      series: controllers.slice(0, controllerCount).map((n, i) => seriesOf('kafka_controller_controllerstats_uncleanleaderelections_total', n, {}, i === 0 ? `0x4 1x5 0x${20 + LENGTH_MARGIN}` : `0x4 1x${20 + LENGTH_MARGIN}`)),
      expected: [],
    },
    ...thresholdCases({
      alert: 'KafkaAuthenticationFailures', direction: 'above', thresholds: { warning: t.failedAuthenticationsPerSecond }, forMinutes: { warning: 10 }, delta: t.failedAuthenticationsPerSecond / 2, warmup: 4, inexact: true,
      // Failures of one listener spread over brokers and network processors; successes on it do not count. The
      // 5-minute rate of a counter that starts at 0 passes 1.5 times the threshold from minute 4.
      build: (perSecond, minutes) => [
        ...brokers(Math.min(2, c.brokerCount)).flatMap((b) =>
          ['0', '1'].map((np) => seriesOf('kafka_server_socket_server_metrics_failed_authentication_total', b, { listener: 'TLS-9093', networkProcessor: np }, counter(perSecond / (2 * Math.min(2, c.brokerCount)), minutes))),
        ),
        seriesOf('kafka_server_socket_server_metrics_successful_authentication_total', brokerPod, { listener: 'TLS-9093', networkProcessor: '0' }, counter(50, minutes)),
      ],
      labels: () => ({ namespace: c.namespace, listener: 'TLS-9093' }),
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
      alert: 'KafkaSlowProducer', direction: 'above', thresholds: { ...t.produceLatencyP99Ms }, forMinutes: { warning: 10, critical: 5 }, delta: 1,
      build: gauge('kafka_network_requestmetrics_totaltimems', brokerPod, { request: 'Produce', quantile: '0.99' }), labels: allLabels,
    }),
    ...(['KafkaConsumerLag', 'KafkaConsumerLagCapacity'] as const).flatMap((alert) =>
      thresholdCases({
        alert, direction: 'above', delta: 1,
        thresholds: alert === 'KafkaConsumerLag' ? { ...t.consumerLagMessages } : { info: t.capacity.consumerLagMessages },
        forMinutes: { warning: 10, critical: 5, info: 10 },
        // Lag is spread over two partitions of the topic; the group has members (it is meant to consume).
        build: (lag, minutes) => [
          ...[0, 1].map((p) => seriesOf('kafka_consumergroup_lag', exporter, { consumergroup: 'orders-service', topic: 'orders', partition: String(p) }, constant(p === 0 ? Math.floor(lag / 2) : lag - Math.floor(lag / 2), minutes))),
          seriesOf('kafka_consumergroup_members', exporter, { consumergroup: 'orders-service' }, constant(3, minutes)),
        ],
        labels: only('namespace', 'consumergroup', 'topic'),
      }),
    ),
    ...(['KafkaDiskSpaceHigh', 'KafkaDiskUsageCapacity'] as const).flatMap((alert) =>
      thresholdCases({
        alert, direction: 'above', delta: 1,
        thresholds: alert === 'KafkaDiskSpaceHigh' ? { ...t.diskUsagePercent } : { info: t.capacity.diskUsagePercent },
        forMinutes: { warning: 15, critical: 5, info: 30 },
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
      alert: 'KafkaCertificateExpiring', direction: 'below', thresholds: { ...t.certificateExpiryDays }, forMinutes: { warning: 15, critical: 5 }, delta: 0.5,
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
      alert: 'KafkaHighThroughput', direction: 'above', thresholds: { warning: t.brokerMessagesInPerSecond }, forMinutes: { warning: 15 }, delta: 100, warmup: 5, inexact: true,
      // One hot broker; the others (if any) at a tenth of the threshold. Per-topic series are not counted again.
      build: (rate, minutes) => {
        const [hot, ...rest] = brokers(c.brokerCount);
        return [
          seriesOf('kafka_server_brokertopicmetrics_messagesin_total', hot, {}, counter(rate, minutes)),
          seriesOf('kafka_server_brokertopicmetrics_messagesin_total', hot, { topic: 'orders' }, counter(rate, minutes)),
          ...rest.map((b) => seriesOf('kafka_server_brokertopicmetrics_messagesin_total', b, {}, counter(t.brokerMessagesInPerSecond / 10, minutes))),
        ];
      },
      labels: (series) => ({ namespace: series[0].labels.namespace, pod: series[0].labels.pod }),
    }),
    ...thresholdCases({
      alert: 'KafkaMessageRateCapacity', direction: 'above', thresholds: { info: t.capacity.messagesInPerSecond }, forMinutes: { info: 15 }, delta: 100, warmup: 5, inexact: true,
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
    ...(['KafkaRequestHandlerIdleLow', 'KafkaNetworkProcessorIdleLow'] as const).flatMap((alert) => {
      const percent = alert === 'KafkaRequestHandlerIdleLow' ? t.requestHandlerIdlePercent : t.networkProcessorIdlePercent;
      const name = alert === 'KafkaRequestHandlerIdleLow' ? 'kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent' : 'kafka_network_socketserver_networkprocessoravgidle_percent';
      return thresholdCases({
        alert, direction: 'below', thresholds: { warning: percent.warning / 100, critical: percent.critical / 100 }, forMinutes: { warning: 15, critical: 5 }, delta: 0.05,
        build: gauge(name, brokerPod), labels: allLabels,
      });
    }),
    ...thresholdCases({
      // 1.5 times the threshold passes it once 3 minutes of the 5-minute rate window are filled.
      alert: 'KafkaIsrShrinks', direction: 'above', thresholds: { warning: t.isrShrinksPerMinute }, forMinutes: { warning: 15 }, delta: t.isrShrinksPerMinute / 2, warmup: 3, inexact: true,
      build: (perMinute, minutes) => [seriesOf('kafka_server_replicamanager_isrshrinks_total', brokerPod, {}, counter(perMinute / 60, minutes))],
      labels: (series) => ({ namespace: series[0].labels.namespace, pod: series[0].labels.pod }),
    }),
    ...(() => {
      const failed = (ns: string, perTwoMinutes: string, minutes: number) =>
        seriesOf('strimzi_reconciliations_failed_total', { ...operator, namespace: s.operatorNamespace }, { kind: 'Kafka', exported_namespace: ns, selector: '' }, perTwoMinutes.replace('N', String(minutes + LENGTH_MARGIN)));
      return [
        ...durationCases({
          alert: 'KafkaOperatorReconciliationFailing', severity: 'warning', forMinutes: 31, what: 'every periodic reconciliation of the Kafka fails',
          // Fails from minute 1 on: the 15-minute increase is positive from then, and the rule's 30 minutes end at 31.
          fire: (m) => [failed(c.namespace, '0 0+0.5xN', m)],
          // One failure, then successes; and failures of another namespace's resources.
          quiet: (m) => [failed(c.namespace, '0x5 1xN', m), failed('other-team', '0 0+0.5xN', m)],
          quietWhat: 'a single transient failure, and failures in another namespace',
          labels: { job: operator.job, kind: 'Kafka' },
        }),
        ...durationCases({
          alert: 'KafkaResourceNotReady', severity: 'warning', forMinutes: 15, what: 'the Kafka resource is not ready',
          fire: (m) => [seriesOf('strimzi_resource_state', operator, { kind: 'Kafka', name: c.name, resource_namespace: c.namespace, reason: 'TimeoutException' }, constant(0, m))],
          quiet: (m) => [
            seriesOf('strimzi_resource_state', operator, { kind: 'Kafka', name: c.name, resource_namespace: c.namespace, reason: 'none' }, constant(1, m)),
            seriesOf('strimzi_resource_state', operator, { kind: 'KafkaRebalance', name: `${c.name}-rebalance-template`, resource_namespace: c.namespace, reason: 'none' }, constant(0, m)),
          ],
          quietWhat: 'Kafka ready; a rebalance template is never Ready',
          labels: { ...operator, kind: 'Kafka', name: c.name, resource_namespace: c.namespace, reason: 'TimeoutException' },
        }),
        ...durationCases({
          alert: 'KafkaEntityOperatorDown', severity: 'warning', forMinutes: 10, what: 'the User Operator does not answer',
          fire: (m) => [seriesOf('up', entityOperator('topic-operator'), {}, constant(1, m)), seriesOf('up', entityOperator('user-operator'), {}, constant(0, m))],
          quiet: (m) => [seriesOf('up', entityOperator('topic-operator'), {}, constant(1, m)), seriesOf('up', entityOperator('user-operator'), {}, constant(1, m))],
          labels: {},
        }),
        ...durationCases({
          alert: 'KafkaEntityOperatorDown', severity: 'warning', forMinutes: 10, what: 'the Entity Operator pod is gone (no targets)',
          fire: () => [],
          quiet: (m) => [seriesOf('up', entityOperator('topic-operator'), {}, constant(1, m)), seriesOf('up', entityOperator('user-operator'), {}, constant(1, m))],
          labels: {},
        }),
      ];
    })(),
    ...(() => {
      // A Job of the ACL audit CronJob that started 10 minutes in and failed; the last success is `lastSuccess` (epoch s).
      const cronjob = `${c.name}-acl-audit`;
      const jobName = `${cronjob}-29012345`;
      const run = (lastSuccess: number | undefined, m: number) => [
        seriesOf('kube_job_owner', ksm, { namespace: c.namespace, job_name: jobName, owner_kind: 'CronJob', owner_name: cronjob, owner_is_controller: 'true' }, constant(1, m)),
        seriesOf('kube_job_status_start_time', ksm, { namespace: c.namespace, job_name: jobName }, constant(600, m)),
        seriesOf('kube_job_failed', ksm, { namespace: c.namespace, job_name: jobName, condition: 'true' }, constant(1, m)),
        seriesOf('kube_job_failed', ksm, { namespace: c.namespace, job_name: jobName, condition: 'false' }, constant(0, m)),
        ...(lastSuccess === undefined ? [] : [seriesOf('kube_cronjob_status_last_successful_time', ksm, { namespace: c.namespace, cronjob }, constant(lastSuccess, m))]),
      ];
      const labels = { namespace: c.namespace, cronjob, job_name: jobName };
      return [
        ...durationCases({ alert: 'KafkaCronJobFailed', severity: 'warning', forMinutes: 5, what: 'the latest run failed', fire: (m) => run(0, m), quiet: (m) => run(1200, m), quietWhat: 'a later run succeeded', labels }),
        ...durationCases({ alert: 'KafkaCronJobFailed', severity: 'warning', forMinutes: 5, what: 'the only run failed (never succeeded)', fire: (m) => run(undefined, m), quiet: () => [], quietWhat: 'no Jobs', labels }),
      ];
    })(),
    ...thresholdCases({
      alert: 'KafkaCpuNearLimit', direction: 'above', thresholds: { info: t.capacity.cpuPercentOfLimit }, forMinutes: { info: 15 }, delta: 1, warmup: 5, inexact: true,
      build: (percent, minutes) => [
        seriesOf('container_cpu_usage_seconds_total', cadvisor, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka' }, counter((2 * percent) / 100, minutes)),
        seriesOf('kube_pod_container_resource_limits', ksm, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka', resource: 'cpu', unit: 'core' }, constant(2, minutes)),
      ],
      labels: only('namespace', 'pod'),
    }),
    // A broker without a CPU limit (the default): measured against its request.
    ...thresholdCases({
      alert: 'KafkaCpuNearLimit', direction: 'above', thresholds: { info: t.capacity.cpuPercentOfLimit }, forMinutes: { info: 15 }, delta: 1, warmup: 5, inexact: true,
      build: (percent, minutes) => [
        seriesOf('container_cpu_usage_seconds_total', cadvisor, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka' }, counter((4 * percent) / 100, minutes)),
        seriesOf('kube_pod_container_resource_requests', ksm, { namespace: c.namespace, pod: brokerPod.pod, container: 'kafka', resource: 'cpu', unit: 'core' }, constant(4, minutes)),
      ],
      labels: only('namespace', 'pod'),
    }).map((k) => ({ ...k, description: `${k.description} (no CPU limit: against the request)` })),
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
        alert: 'KafkaMirrorMaker2Down', description: 'fires 5 minutes after the only target went down',
        series: [seriesOf('up', mm2, {}, `1x2 0x${15 + LENGTH_MARGIN}`)], evalMinutes: 9,
        expected: [{ severity: 'critical', labels: {} }],
      },
      {
        alert: 'KafkaMirrorMaker2Down', description: 'fires when the pods are gone (no up series at all)',
        series: [seriesOf('up', mm2, {}, `1x2 _x${20 + LENGTH_MARGIN}`)], evalMinutes: 20,
        expected: [{ severity: 'critical', labels: {} }],
      },
      {
        alert: 'KafkaMirrorMaker2Down', description: 'is pending 4 minutes after the target went down',
        series: [seriesOf('up', mm2, {}, `1x2 0x${10 + LENGTH_MARGIN}`)], evalMinutes: 7, expected: [],
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
  cases.push(...connectAlertCases(s, podMonitors));
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
  cases.push(...consumerGroupCases(s, exporter));
  return cases;
}
