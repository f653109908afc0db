import { KubernetesObject } from '../../lib/core/kubernetes';
import { ResolvedMonitoringSpec } from '../../lib/core/monitoring/monitoring-spec';
import { podMonitorNames } from '../../lib/core/monitoring/pod-monitors';
import { kafkaPodLabels, targetLabels } from '../helpers/relabel';
import { Sample, STALE, timeline } from '../helpers/series-timeline';
import { InputSeries, seriesOf } from './alert-scenarios';

/**
 * A steady Strimzi cluster sampled every `stepMinutes` for `samples` steps, as Prometheus would hold it after
 * the PodMonitors' relabelling: per broker its target (`up`), leader, partition and under-min-ISR counts,
 * Produce request timer (p99 gauge and request count), messages in, and its data volume (kubelet); per
 * controller the offline-partition gauge. Every signal is a function of time in minutes, written from what
 * the scenario is about (a topic under min ISR, a slow broker, a volume filling up), not from the rules.
 */
export interface ClusterLoad {
  readonly stepMinutes: number;
  readonly samples: number;
  /** The broker's JVM answers scrapes. @default true */
  readonly brokerUp?: (broker: number, minute: number) => boolean;
  /** Partitions the broker leads below min.insync.replicas. @default 0 */
  readonly underMinIsr?: (broker: number, minute: number) => number;
  /** Offline partitions, as every controller reports them. @default 0 */
  readonly offline?: (minute: number) => number;
  /** Partitions of the cluster (leaders spread over the brokers up). @default 2000 */
  readonly partitions?: number;
  /** Partition replicas of the cluster (spread over the brokers up). @default 3 per partition */
  readonly replicas?: (minute: number) => number;
  /** The broker's Produce p99 in ms. @default 12 */
  readonly produceP99?: (broker: number, minute: number) => number;
  /** Produce requests per second the broker serves. @default 500 */
  readonly produceRate?: (broker: number, minute: number) => number;
  /** Messages in per second, cluster-wide (even over the brokers). @default 30,000 */
  readonly messagesPerSecond?: (minute: number) => number;
  /** Used share of the broker's 1 TiB data volume. @default 0.4 */
  readonly diskUsed?: (broker: number, minute: number) => number;
  /** Emit only these metrics (month-long scenarios at a fine input grain stay small). @default all */
  readonly only?: readonly string[];
}

export const TIB = 2 ** 40;

export class ClusterSeries {
  readonly brokers: readonly { readonly pod: string; readonly pvc: string; readonly target: Record<string, string> }[];
  private readonly controllers: readonly Record<string, string>[];

  constructor(
    private readonly spec: ResolvedMonitoringSpec,
    podMonitors: readonly KubernetesObject[],
  ) {
    const c = spec.cluster;
    const monitor = podMonitors.find((m) => m.metadata.name === podMonitorNames(c.name).kafka)!;
    const pool = (role: 'broker' | 'controller') => c.nodePools.find((p) => p.roles.includes(role))!;
    const dedicated = pool('broker').name !== pool('controller').name;
    const controllerCount = dedicated ? (c.controllerCount ?? 3) : 0;
    const target = (poolName: string, id: number, roles: readonly string[]) =>
      targetLabels(monitor, {
        name: `${c.name}-${poolName}-${id}`,
        namespace: c.namespace,
        container: 'kafka',
        node: `node-${id % 3}`,
        podIp: `10.1.${id}.1`,
        labels: kafkaPodLabels(c.name, poolName, roles),
      });
    // Strimzi numbers nodes across pools: dedicated controllers first, the brokers after them.
    this.controllers = Array.from({ length: controllerCount }, (_, i) => target(pool('controller').name, i, pool('controller').roles));
    this.brokers = Array.from({ length: c.brokerCount }, (_, i) => {
      const id = controllerCount + i;
      const pod = `${c.name}-${pool('broker').name}-${id}`;
      return { pod, pvc: `data-0-${pod}`, target: target(pool('broker').name, id, pool('broker').roles) };
    });
  }

  series(load: ClusterLoad): InputSeries[] {
    const ns = this.spec.cluster.namespace;
    const step = load.stepMinutes;
    const minute = (i: number) => i * step;
    const up = (b: number, m: number) => load.brokerUp?.(b, m) ?? true;
    const upCount = (m: number) => this.brokers.filter((_, b) => up(b, m)).length;
    const partitions = load.partitions ?? 2000;
    const replicas = (m: number) => load.replicas?.(m) ?? 3 * partitions;
    const out: InputSeries[] = [];
    // A gauge of a broker's JVM: absent (stale at once) while it does not answer.
    const jvm = (b: number, at: (m: number) => number) =>
      timeline(load.samples, (i): Sample => (up(b, minute(i)) ? at(minute(i)) : i > 0 && up(b, minute(i - 1)) ? STALE : undefined));
    // A counter: the integral of a per-second rate, sampled (trapezoids at a fine grain, exact for linear rates).
    const counter = (b: number, perSecond: (m: number) => number) => {
      let total = 0;
      const values: number[] = [];
      for (let i = 0; i < load.samples; i++) {
        if (i > 0) total += ((perSecond(minute(i - 1)) + perSecond(minute(i))) / 2) * step * 60;
        values.push(total);
      }
      return jvm(b, (m) => values[m / step]);
    };

    this.brokers.forEach((broker, b) => {
      const t = broker.target;
      out.push(seriesOf('up', t, {}, timeline(load.samples, (i) => (up(b, minute(i)) ? 1 : 0))));
      out.push(seriesOf('kafka_server_replicamanager_leadercount', t, {}, jvm(b, (m) => (partitions - (load.offline?.(m) ?? 0)) / upCount(m))));
      out.push(seriesOf('kafka_server_replicamanager_partitioncount', t, {}, jvm(b, (m) => replicas(m) / upCount(m))));
      out.push(seriesOf('kafka_server_replicamanager_underminisrpartitioncount', t, {}, jvm(b, (m) => load.underMinIsr?.(b, m) ?? 0)));
      out.push(seriesOf('kafka_network_requestmetrics_totaltimems', t, { request: 'Produce', quantile: '0.99' }, jvm(b, (m) => load.produceP99?.(b, m) ?? 12)));
      out.push(seriesOf('kafka_network_requestmetrics_totaltimems_count', t, { request: 'Produce' }, counter(b, (m) => load.produceRate?.(b, m) ?? 500)));
      out.push(seriesOf('kafka_server_brokertopicmetrics_messagesin_total', t, { topic: '' }, counter(b, (m) => (load.messagesPerSecond?.(m) ?? 30_000) / this.brokers.length)));
      const kubelet = { job: 'kubelet', metrics_path: '/metrics', node: `node-${b % 3}`, instance: `10.0.0.${b % 3}:10250`, namespace: ns };
      const pvc = { persistentvolumeclaim: broker.pvc };
      const used = (m: number) => (load.diskUsed?.(b, m) ?? 0.4) * TIB;
      out.push(seriesOf('kubelet_volume_stats_capacity_bytes', kubelet, pvc, timeline(load.samples, () => TIB)));
      out.push(seriesOf('kubelet_volume_stats_used_bytes', kubelet, pvc, timeline(load.samples, (i) => used(minute(i)))));
      out.push(seriesOf('kubelet_volume_stats_available_bytes', kubelet, pvc, timeline(load.samples, (i) => TIB - used(minute(i)))));
    });
    for (const t of this.controllers) {
      out.push(seriesOf('up', t, {}, timeline(load.samples, () => 1)));
      out.push(seriesOf('kafka_controller_kafkacontroller_offlinepartitionscount', t, {}, timeline(load.samples, (i) => load.offline?.(minute(i)) ?? 0)));
    }
    return load.only ? out.filter((x) => load.only!.some((name) => x.series.startsWith(`${name}{`))) : out;
  }
}
