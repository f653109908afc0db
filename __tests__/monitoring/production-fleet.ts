import { KubernetesObject } from '../../lib/core/kubernetes';
import { ResolvedMonitoringSpec } from '../../lib/core/monitoring/monitoring-spec';
import { podMonitorNames } from '../../lib/core/monitoring/pod-monitors';
import { Severity } from '../../lib/core/monitoring/alert-rules';
import { targetLabels } from '../helpers/relabel';
import { Sample, STALE, timeline } from '../helpers/series-timeline';
import { InputSeries, seriesOf } from './alert-scenarios';

/**
 * A simulated production cluster, minute by minute, producing the series Prometheus would hold: every
 * Kafka pod's kube-state-metrics series (one `uid` per incarnation: Strimzi rolls by deleting and
 * recreating pods), its scrape target (a new pod IP per incarnation) and JMX metrics, the controllers'
 * metadata gauges, Kafka Exporter, kubelet volumes, the Strimzi operators, CronJobs and MirrorMaker 2.
 * Routine work and faults are events; what each causes is modelled from how Kafka and Strimzi behave,
 * not from the alert rules.
 */

/** Pods restarted one after another from `start`, a slot of `each` minutes apart; each is not ready for `recovery` minutes. */
export interface Roll {
  readonly start: number;
  readonly pods: readonly string[];
  readonly each: number;
  readonly recovery: number;
  /** A pod that never becomes ready again (the roll stops there, as Strimzi's does). */
  readonly stuck?: string;
  /** How the stuck pod fails: its log recovery never ends, or it stays Pending (no node can take it). @default 'recovering' */
  readonly stuckAs?: 'recovering' | 'pending';
}

/** A node lost under `pod` at `at`: not ready and unscrapable; evicted `evictAfter` minutes later and recreated Pending for good. */
export interface PodLoss {
  readonly pod: string;
  readonly at: number;
  readonly evictAfter: number;
}

/**
 * The `kafka` container of `pod` restarts in place at `at` (crashed, OOM-killed, liveness probe): the pod
 * stays, its restart count grows, and the broker recovers its logs for `recovery` minutes. With
 * `crashLoop` it keeps crashing instead: the container waits in CrashLoopBackOff and is never scraped.
 */
export interface InPlaceRestart {
  readonly pod: string;
  readonly at: number;
  readonly recovery: number;
  readonly crashLoop?: boolean;
}

export interface FleetEvents {
  readonly rolls?: readonly Roll[];
  readonly losses?: readonly PodLoss[];
  readonly restarts?: readonly InPlaceRestart[];
  /** Days the cluster CA has left at minute 0 (clients CA: 200); renewed to 365 days at `renewedAt`. */
  readonly clusterCa?: { readonly daysLeft: number; readonly renewedAt?: number };
  /** CronJob runs; a run that does not succeed ends with its Job Failed. */
  readonly jobs?: readonly { readonly cronjob: string; readonly start: number; readonly minutes: number; readonly succeeds: boolean }[];
  /** A consumer group stopped on purpose at `at`: no members; its lag grows with the topic. */
  readonly stoppedGroup?: { readonly group: string; readonly at: number };
  /** A consumer group whose consumers cannot keep up from `from`: members stay, lag grows `perMinute`. */
  readonly laggingGroup?: { readonly group: string; readonly from: number; readonly perMinute: number };
  /** Kafka Exporter's pod is deleted at `at` and not recreated: its target vanishes. */
  readonly kafkaExporterGone?: { readonly at: number };
  /** Offline partitions the controllers report from `from`. */
  readonly offlinePartitions?: { readonly from: number; readonly count: number };
  /** Workers of the backup's KafkaConnect restarted one after another from `start`, each gone for `down` minutes, `each` apart. */
  readonly connectRoll?: { readonly start: number; readonly each: number; readonly down: number };
  /** Every Connect worker gone from `at` (the image cannot be pulled). */
  readonly connectLost?: { readonly at: number };
  /** The backup sink stops committing from `at` while records keep arriving. */
  readonly backupStalled?: { readonly at: number };
}

interface Incarnation {
  readonly uid: string;
  readonly ip: string;
  readonly created: number;
  end?: number;
  /** First minute the pod is ready (undefined: never). */
  readyFrom?: number;
  /** Unscheduled: no Ready condition, no IP, no scrape target. */
  readonly pending: boolean;
  /** Node lost from this minute: not ready, scrapes fail. */
  lostFrom?: number;
  /** Restarts of its `kafka` container in place (the pod stays). */
  readonly restarts: InPlaceRestart[];
}

interface FleetPod {
  readonly name: string;
  readonly role: 'broker' | 'controller';
  readonly index: number;
  readonly incarnations: Incarnation[];
}

const BEFORE = -3 * 24 * 60; // minute the pods were created, three days before the scenario

export class ProductionFleet {
  readonly pods: FleetPod[] = [];
  readonly brokers: readonly string[];
  readonly controllers: readonly string[];

  constructor(
    readonly spec: ResolvedMonitoringSpec,
    private readonly podMonitors: readonly KubernetesObject[],
    readonly length: number,
    private readonly events: FleetEvents,
  ) {
    const c = spec.cluster;
    const pool = (role: 'broker' | 'controller') => c.nodePools.find((p) => p.roles.includes(role))!.name;
    // Strimzi numbers nodes across pools: dedicated controllers first (0..2), brokers after them.
    const dedicated = pool('broker') !== pool('controller');
    const controllerCount = c.controllerCount ?? 3;
    this.controllers = Array.from({ length: dedicated ? controllerCount : 0 }, (_, i) => `${c.name}-${pool('controller')}-${i}`);
    this.brokers = Array.from({ length: c.brokerCount }, (_, i) => `${c.name}-${pool('broker')}-${this.controllers.length + i}`);
    const add = (name: string, role: 'broker' | 'controller', index: number) =>
      this.pods.push({ name, role, index, incarnations: [{ uid: `${name}-0`, ip: `10.1.${this.pods.length}.1`, created: BEFORE, readyFrom: BEFORE + 5, pending: false, restarts: [] }] });
    this.controllers.forEach((n, i) => add(n, 'controller', i));
    this.brokers.forEach((n, i) => add(n, 'broker', i));

    for (const roll of events.rolls ?? []) {
      for (const [k, name] of roll.pods.entries()) {
        const at = roll.start + k * roll.each;
        this.recreate(name, at, name === roll.stuck ? undefined : at + roll.recovery, name === roll.stuck && roll.stuckAs === 'pending');
        if (name === roll.stuck) break;
      }
    }
    for (const loss of events.losses ?? []) {
      const pod = this.pod(loss.pod);
      pod.incarnations[pod.incarnations.length - 1].lostFrom = loss.at;
      this.recreate(loss.pod, loss.at + loss.evictAfter, undefined, true);
    }
    for (const restart of events.restarts ?? []) {
      const pod = this.pod(restart.pod);
      pod.incarnations[pod.incarnations.length - 1].restarts.push(restart);
    }
  }

  private pod(name: string): FleetPod {
    const pod = this.pods.find((p) => p.name === name);
    if (!pod) throw new Error(`no pod ${name} in the fleet`);
    return pod;
  }

  private recreate(name: string, at: number, readyFrom: number | undefined, pending: boolean) {
    const pod = this.pod(name);
    pod.incarnations[pod.incarnations.length - 1].end = at;
    const n = pod.incarnations.length;
    pod.incarnations.push({ uid: `${name}-${n}`, ip: `10.1.${this.pods.indexOf(pod)}.${n + 1}`, created: at, readyFrom, pending, restarts: [] });
  }

  /** The latest in-place restart of the incarnation at or before minute m. */
  private restartAt = (i: Incarnation, m: number) => i.restarts.filter((r) => r.at <= m).pop();
  /** The container crash-loops: it waits in CrashLoopBackOff, runs only for moments, never answers a scrape. */
  private crashLooping = (i: Incarnation, m: number) => this.restartAt(i, m)?.crashLoop === true;
  /** Minute the running container started (the pod's creation, or its latest restart in place). */
  private containerStart = (i: Incarnation, m: number) => this.restartAt(i, m)?.at ?? i.created;
  /** First minute the current container is ready. */
  private readyFromAt = (i: Incarnation, m: number) => {
    const r = this.restartAt(i, m);
    return r ? (r.crashLoop ? undefined : r.at + r.recovery) : i.readyFrom;
  };

  private alive = (i: Incarnation, m: number) => i.created <= m && (i.end === undefined || m < i.end);
  private ready = (i: Incarnation, m: number) => {
    const from = this.readyFromAt(i, m);
    return this.alive(i, m) && !i.pending && from !== undefined && m >= from && (i.lostFrom === undefined || m < i.lostFrom);
  };
  /** The JVM runs and its agent answers scrapes (also during log recovery). */
  private scraped = (i: Incarnation, m: number) => this.alive(i, m) && !i.pending && !this.crashLooping(i, m) && (i.lostFrom === undefined || m < i.lostFrom);
  /**
   * KRaft broker state: STARTING (1) the first minute (catching up with the metadata), RECOVERY (2) while
   * it loads its logs, RUNNING (3) once ready. A pod that never becomes ready stays in log recovery.
   */
  private brokerState = (i: Incarnation, m: number) => (this.ready(i, m) ? 3 : m === this.containerStart(i, m) ? 1 : 2);

  /** Is the pod ready at minute m (any incarnation)? */
  isReady(name: string, m: number): boolean {
    return this.pod(name).incarnations.some((i) => this.ready(i, m));
  }

  /** Target labels of the pod's incarnation scraped at minute m. */
  targetAt(name: string, m: number): Record<string, string> {
    const pod = this.pod(name);
    const inc = pod.incarnations.find((i) => this.alive(i, m))!;
    return this.kafkaTarget(pod, inc);
  }

  private kafkaTarget(pod: FleetPod, inc: Incarnation): Record<string, string> {
    const c = this.spec.cluster;
    const poolName = pod.name.slice(c.name.length + 1).replace(/-[0-9]+$/, '');
    const roles = c.nodePools.find((p) => p.name === poolName)!.roles;
    return targetLabels(this.monitor(podMonitorNames(c.name).kafka), {
      name: pod.name,
      namespace: c.namespace,
      container: 'kafka',
      node: `node-${pod.index % 3}`,
      podIp: inc.ip,
      labels: {
        'strimzi.io/cluster': c.name,
        'strimzi.io/kind': 'Kafka',
        'strimzi.io/name': `${c.name}-kafka`,
        'strimzi.io/pool-name': poolName,
        'strimzi.io/broker-role': String(roles.includes('broker')),
        'strimzi.io/controller-role': String(roles.includes('controller')),
      },
    });
  }

  private monitor(name: string): KubernetesObject {
    return this.podMonitors.find((m) => m.metadata.name === name)!;
  }

  /** A series over the scenario: `at(m)` for minutes where `live(m)`, a stale marker when it ends. */
  private over(live: (m: number) => boolean, at: (m: number) => number): string {
    return timeline(this.length, (m): Sample => (live(m) ? at(m) : m > 0 && live(m - 1) ? STALE : undefined));
  }

  series(): InputSeries[] {
    const c = this.spec.cluster;
    const ns = c.namespace;
    const ksm = { job: 'kube-state-metrics', instance: '10.2.0.9:8080' };
    const out: InputSeries[] = [];
    const brokerPods = this.pods.filter((p) => p.role === 'broker');
    const controllerPods = this.pods.filter((p) => p.role === 'controller' || c.nodePools.find((x) => p.name.includes(`-${x.name}-`))?.roles.includes('controller'));
    const brokersNotReady = (m: number) => brokerPods.filter((p) => !this.isReady(p.name, m)).length;
    // A broker's peers lag while it is down and for 3 minutes after it is back.
    const peerCatchingUp = (self: FleetPod, m: number) => brokerPods.some((p) => p !== self && [0, 1, 2, 3].some((d) => m - d >= 0 && !this.isReady(p.name, m - d)));

    for (const pod of this.pods) {
      for (const inc of pod.incarnations) {
        const own = { namespace: ns, pod: pod.name, uid: inc.uid };
        const alive = (m: number) => this.alive(inc, m);
        out.push(seriesOf('kube_pod_info', ksm, { ...own, node: inc.pending ? '' : `node-${pod.index % 3}`, created_by_kind: 'StrimziPodSet', created_by_name: pod.name.replace(/-[0-9]+$/, '') }, this.over(alive, () => 1)));
        out.push(seriesOf('kube_pod_created', ksm, own, this.over(alive, () => inc.created * 60)));
        // kube-state-metrics' view of the pod and its kafka container: phase, scheduling, the container's
        // state, start and restarts (a lost node's pod keeps its last reported status).
        for (const phase of ['Pending', 'Running']) {
          out.push(seriesOf('kube_pod_status_phase', ksm, { ...own, phase }, this.over(alive, () => ((phase === 'Pending') === inc.pending ? 1 : 0))));
        }
        out.push(seriesOf('kube_pod_status_scheduled', ksm, { ...own, condition: String(!inc.pending) }, this.over(alive, () => 1)));
        if (!inc.pending) {
          const container = { ...own, container: 'kafka' };
          const running = (m: number) => alive(m) && !this.crashLooping(inc, m);
          out.push(seriesOf('kube_pod_container_status_running', ksm, container, this.over(alive, (m) => (running(m) ? 1 : 0))));
          out.push(seriesOf('kube_pod_container_state_started', ksm, container, this.over(running, (m) => this.containerStart(inc, m) * 60)));
          // A crash loop restarts the container again every couple of minutes (kubelet's back-off).
          const restarts = (m: number) => inc.restarts.filter((r) => r.at <= m).length + (this.crashLooping(inc, m) ? Math.floor((m - this.restartAt(inc, m)!.at) / 2) : 0);
          out.push(seriesOf('kube_pod_container_status_restarts_total', ksm, container, this.over(alive, restarts)));
          if (inc.restarts.some((r) => r.crashLoop)) {
            out.push(seriesOf('kube_pod_container_status_waiting_reason', ksm, { ...container, reason: 'CrashLoopBackOff' }, this.over((m) => alive(m) && this.crashLooping(inc, m), () => 1)));
          }
          out.push(seriesOf('kube_pod_status_ready', ksm, { ...own, condition: 'true' }, this.over(alive, (m) => (this.ready(inc, m) ? 1 : 0))));
          out.push(seriesOf('kube_pod_status_ready', ksm, { ...own, condition: 'false' }, this.over(alive, (m) => (this.ready(inc, m) ? 0 : 1))));
          const target = this.kafkaTarget(pod, inc);
          // A lost node: the target stays listed until eviction, and its scrapes fail.
          out.push(seriesOf('up', target, {}, this.over(alive, (m) => (this.scraped(inc, m) ? 1 : 0))));
          const scraped = (m: number) => this.scraped(inc, m);
          const gauge = (name: string, at: (m: number) => number, labels: Record<string, string> = {}) => out.push(seriesOf(name, target, labels, this.over(scraped, at)));
          if (target.strimzi_io_broker_role === 'true') {
            gauge('kafka_server_kafkaserver_brokerstate', (m) => this.brokerState(inc, m));
            gauge('kafka_server_replicamanager_underreplicatedpartitions', (m) => (peerCatchingUp(pod, m) ? 48 : 0));
            gauge('kafka_server_replicamanager_underminisrpartitioncount', () => 0);
            gauge('kafka_log_logmanager_offlinelogdirectorycount', () => 0);
            // Each peer going down shrinks the ISRs of the partitions it follows here, once.
            gauge('kafka_server_replicamanager_isrshrinks_total', (m) => {
              let shrinks = 0;
              for (let t = Math.max(inc.created, 1); t <= m; t++) shrinks += brokerPods.filter((p) => p !== pod && this.isReady(p.name, t - 1) && !this.isReady(p.name, t)).length * 30;
              return shrinks;
            });
            gauge('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent', () => 0.62);
            gauge('kafka_network_socketserver_networkprocessoravgidle_percent', () => 0.71);
            gauge('kafka_network_requestmetrics_totaltimems', () => 14, { request: 'Produce', quantile: '0.99' });
            gauge('kafka_server_brokertopicmetrics_messagesin_total', (m) => (m - Math.max(inc.created, 0)) * 60 * 2000);
            gauge('kafka_server_brokertopicmetrics_messagesin_total', (m) => (m - Math.max(inc.created, 0)) * 60 * 1500, { topic: 'orders' });
          }
          if (target.strimzi_io_controller_role === 'true') {
            const active = (m: number) => controllerPods.find((p) => this.isReady(p.name, m))?.name === pod.name;
            gauge('kafka_controller_kafkacontroller_activecontrollercount', (m) => (active(m) && this.ready(inc, m) ? 1 : 0));
            // Metadata gauges: every controller publishes them.
            gauge('kafka_controller_kafkacontroller_offlinepartitionscount', (m) => (this.events.offlinePartitions && m >= this.events.offlinePartitions.from ? this.events.offlinePartitions.count : 0));
            gauge('kafka_controller_kafkacontroller_fencedbrokercount', (m) => brokersNotReady(m));
            gauge('kafka_controller_kafkacontroller_activebrokercount', (m) => brokerPods.length - brokersNotReady(m));
            gauge('kafka_controller_kafkacontroller_metadataerrorcount', () => 0);
          }
        }
      }
    }

    // Data volumes of the brokers: 40 % of 1 TiB used, steady.
    const kubelet = { job: 'kubelet', metrics_path: '/metrics', node: 'node-a', instance: '10.0.0.1:10250', namespace: ns };
    for (const b of this.brokers) {
      const pvc = { persistentvolumeclaim: `data-0-${b}` };
      out.push(seriesOf('kubelet_volume_stats_capacity_bytes', kubelet, pvc, timeline(this.length, () => 2 ** 40)));
      out.push(seriesOf('kubelet_volume_stats_used_bytes', kubelet, pvc, timeline(this.length, () => 0.4 * 2 ** 40)));
      out.push(seriesOf('kubelet_volume_stats_available_bytes', kubelet, pvc, timeline(this.length, () => 0.6 * 2 ** 40)));
    }

    // Kafka Exporter: a busy group keeping up, and the groups of the events.
    const names = podMonitorNames(c.name);
    const exporter = targetLabels(this.monitor(names.kafkaExporter), {
      name: `${c.name}-kafka-exporter-6d8f9b7c5d-x2x9k`, namespace: ns, container: 'kafka-exporter',
      labels: { 'strimzi.io/cluster': c.name, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c.name}-kafka-exporter` },
    });
    const gone = this.events.kafkaExporterGone;
    const exporting = (m: number) => gone === undefined || m < gone.at;
    out.push(seriesOf('up', exporter, {}, this.over(exporting, () => 1)));
    const group = (name: string, members: (m: number) => number, lag: (m: number) => number) => {
      out.push(seriesOf('kafka_consumergroup_members', exporter, { consumergroup: name }, this.over(exporting, members)));
      for (const p of [0, 1]) out.push(seriesOf('kafka_consumergroup_lag', exporter, { consumergroup: name, topic: 'orders', partition: String(p) }, this.over(exporting, (m) => lag(m) / 2)));
      out.push(seriesOf('kafka_consumergroup_lag_sum', exporter, { consumergroup: name, topic: 'orders' }, this.over(exporting, lag)));
    };
    group('orders-service', () => 4, () => 240);
    const stopped = this.events.stoppedGroup;
    if (stopped) group(stopped.group, (m) => (m < stopped.at ? 2 : 0), (m) => (m < stopped.at ? 100 : 100 + (m - stopped.at) * 60 * 2000));
    const lagging = this.events.laggingGroup;
    if (lagging) group(lagging.group, () => 3, (m) => (m < lagging.from ? 100 : 100 + (m - lagging.from) * lagging.perMinute));

    // The Strimzi operators.
    const operator = targetLabels(this.monitor(names.clusterOperator), {
      name: 'strimzi-cluster-operator-7c9d5b8f4-abcde', namespace: this.spec.operatorNamespace, container: 'strimzi-cluster-operator',
      labels: { 'strimzi.io/kind': 'cluster-operator', name: 'strimzi-cluster-operator' },
    });
    out.push(seriesOf('up', operator, {}, timeline(this.length, () => 1)));
    if (c.cruiseControl) {
      const cruiseControl = targetLabels(this.monitor(names.cruiseControl), {
        name: `${c.name}-cruise-control-7b9c8d6f5-k2m4p`, namespace: ns, container: 'cruise-control',
        labels: { 'strimzi.io/cluster': c.name, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c.name}-cruise-control` },
      });
      out.push(seriesOf('up', cruiseControl, {}, timeline(this.length, () => 1)));
    }
    const ca = this.events.clusterCa ?? { daysLeft: 300 };
    const expiryMs = (days: number, m: number) => (m * 60 + days * 86400) * 1000;
    out.push(seriesOf('strimzi_certificate_expiration_timestamp_ms', operator, { type: 'cluster-ca', cluster: c.name, resource_namespace: ns },
      timeline(this.length, (m) => (ca.renewedAt !== undefined && m >= ca.renewedAt ? expiryMs(365, ca.renewedAt) : expiryMs(ca.daysLeft, 0)))));
    out.push(seriesOf('strimzi_certificate_expiration_timestamp_ms', operator, { type: 'clients-ca', cluster: c.name, resource_namespace: ns }, timeline(this.length, () => expiryMs(200, 0))));
    out.push(seriesOf('strimzi_resource_state', operator, { kind: 'Kafka', name: c.name, resource_namespace: ns, reason: 'none' }, timeline(this.length, () => 1)));
    // Two transient failures long ago.
    out.push(seriesOf('strimzi_reconciliations_failed_total', operator, { kind: 'Kafka', exported_namespace: ns, selector: '' }, timeline(this.length, () => 2)));
    out.push(seriesOf('strimzi_reconciliations_total', operator, { kind: 'Kafka', exported_namespace: ns, selector: '' }, timeline(this.length, (m) => 500 + Math.floor(m / 2))));
    for (const container of ['topic-operator', 'user-operator']) {
      const eo = targetLabels(this.monitor(names.entityOperator), {
        name: `${c.name}-entity-operator-5f7d8c9b6-q7w2x`, namespace: ns, container,
        labels: { 'strimzi.io/cluster': c.name, 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': `${c.name}-entity-operator` },
      });
      out.push(seriesOf('up', eo, {}, timeline(this.length, () => 1)));
      out.push(seriesOf('strimzi_reconciliations_failed_total', eo, { kind: container === 'topic-operator' ? 'KafkaTopic' : 'KafkaUser', exported_namespace: ns, selector: `strimzi.io/cluster=${c.name}` }, timeline(this.length, () => 0)));
    }

    // MirrorMaker 2 (prod replicates to DR): two healthy workers answering their scrape.
    if (this.spec.mirrorMaker2) {
      for (const id of [0, 1]) {
        const worker = targetLabels(this.monitor(names.mirrorMaker2), {
          name: `${c.name}-mirror-mirrormaker2-${id}`, namespace: ns, container: `${c.name}-mirror-mirrormaker2`,
          labels: { 'strimzi.io/cluster': `${c.name}-mirror`, 'strimzi.io/kind': 'KafkaMirrorMaker2', 'strimzi.io/name': `${c.name}-mirror-mirrormaker2` },
        });
        out.push(seriesOf('up', worker, {}, timeline(this.length, () => 1)));
      }
    }

    // CronJobs: every watched backup succeeded 3 hours before the scenario; the runs of the events.
    const lastSuccess = new Map(this.spec.backupCronJobs.map((j) => [j.name, [{ from: 0, at: -3 * 3600 }]]));
    for (const [k, run] of (this.events.jobs ?? []).entries()) {
      const job = { namespace: ns, job_name: `${run.cronjob}-${29_000_000 + k}` };
      const exists = (m: number) => m >= run.start;
      const end = run.start + run.minutes;
      out.push(seriesOf('kube_job_owner', ksm, { ...job, owner_kind: 'CronJob', owner_name: run.cronjob, owner_is_controller: 'true' }, this.over(exists, () => 1)));
      out.push(seriesOf('kube_job_status_start_time', ksm, job, this.over(exists, () => run.start * 60)));
      out.push(seriesOf('kube_job_failed', ksm, { ...job, condition: 'true' }, this.over(exists, (m) => (!run.succeeds && m >= end ? 1 : 0))));
      if (run.succeeds) lastSuccess.set(run.cronjob, [...(lastSuccess.get(run.cronjob) ?? []), { from: end, at: end * 60 }]);
    }
    for (const [cronjob, successes] of lastSuccess) {
      out.push(seriesOf('kube_cronjob_created', ksm, { namespace: ns, cronjob }, timeline(this.length, () => BEFORE * 60)));
      out.push(seriesOf('kube_cronjob_status_last_successful_time', ksm, { namespace: ns, cronjob }, timeline(this.length, (m) => successes.filter((s) => m >= s.from).pop()!.at)));
    }

    // The topic backup's Connect: two workers, the sink running, committing every 20 minutes (it flushes hourly per
    // partition, staggered), records arriving all the time; the weekly drill succeeded two days ago.
    for (const connect of this.spec.kafkaConnect) {
      for (const id of [0, 1]) {
        const worker = targetLabels(this.monitor(names.kafkaConnect), {
          name: `${connect}-connect-${id}`, namespace: ns, container: `${connect}-connect`,
          labels: { 'strimzi.io/cluster': connect, 'strimzi.io/kind': 'KafkaConnect', 'strimzi.io/name': `${connect}-connect` },
        });
        const roll = this.events.connectRoll;
        const lost = this.events.connectLost;
        const down = (m: number) => (lost !== undefined && m >= lost.at) || (roll !== undefined && m >= roll.start + id * roll.each && m < roll.start + id * roll.each + roll.down);
        out.push(seriesOf('up', worker, {}, timeline(this.length, (m) => (lost !== undefined && m >= lost.at ? STALE : down(m) ? 0 : 1))));
        if (id === 0) {
          const connector = this.spec.topicBackups[0]?.connector ?? 'connector';
          out.push(seriesOf('kafka_connect_connector_status', worker, { connector, status: 'running' }, timeline(this.length, (m) => (lost !== undefined && m >= lost.at ? STALE : 1))));
          out.push(seriesOf('kafka_connect_connector_task_status', worker, { connector, task: '0', status: 'running' }, timeline(this.length, (m) => (lost !== undefined && m >= lost.at ? STALE : 1))));
        }
      }
    }
    for (const b of this.spec.topicBackups) {
      const stalled = this.events.backupStalled;
      for (const p of [0, 1]) {
        const own = { consumergroup: b.consumerGroup, topic: 'orders.order-placed.v1', partition: String(p) };
        // The committed offset moves every 20 minutes (a flush) unless the sink stalled; records arrive meanwhile.
        const committed = (m: number) => 1000 + 100 * Math.floor((stalled !== undefined ? Math.min(m, stalled.at) : m) / 20);
        out.push(seriesOf('kafka_consumergroup_current_offset', exporter, own, timeline(this.length, committed)));
        out.push(seriesOf('kafka_consumergroup_lag', exporter, own, timeline(this.length, (m) => 1000 + 5 * m - committed(m))));
      }
    }
    for (const d of this.spec.restoreDrills) {
      out.push(seriesOf('kube_cronjob_created', ksm, { namespace: ns, cronjob: d.cronJob }, timeline(this.length, () => BEFORE * 60)));
      out.push(seriesOf('kube_cronjob_status_last_successful_time', ksm, { namespace: ns, cronjob: d.cronJob }, timeline(this.length, () => -2 * 86400)));
    }

    // MirrorMaker 2, healthy, where replication runs.
    if (this.spec.mirrorMaker2) {
      const mm2 = targetLabels(this.monitor(names.mirrorMaker2), {
        name: 'dr-mirrormaker2-0', namespace: ns, container: 'dr-mirrormaker2',
        labels: { 'strimzi.io/cluster': 'dr', 'strimzi.io/kind': 'KafkaMirrorMaker2', 'strimzi.io/name': 'dr-mirrormaker2' },
      });
      out.push(seriesOf('kafka_connect_connector_status', mm2, { connector: 'source->dr.MirrorSourceConnector', status: 'running' }, timeline(this.length, () => 1)));
      out.push(seriesOf('kafka_connect_worker_connector_failed_task_count', mm2, { connector: 'source->dr.MirrorSourceConnector' }, timeline(this.length, () => 0)));
      out.push(seriesOf('kafka_consumer_fetch_manager_records_lag', mm2, { clientid: '"source->dr|source->dr.MirrorSourceConnector-0|replication-consumer"', topic: 'orders', partition: '0' }, timeline(this.length, () => 12)));
    }
    return out;
  }
}

/** An expected alert: its severity and the labels that identify it (priority, team and namespace are added by the harness). */
export interface ExpectedAlert {
  readonly severity: Severity;
  readonly labels: Record<string, string>;
}
