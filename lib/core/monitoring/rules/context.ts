import { DEFAULT_CONTROLLER_COUNT, ResolvedMonitoringSpec } from '../monitoring-spec';
import { ResolvedThresholds } from '../thresholds';
import { ClusterSelectors, clusterSelectors } from './selectors';

/**
 * What every concern's rules are written with: the resolved spec, its thresholds and selectors, and the
 * PromQL fragments several concerns share (pod state from kube-state-metrics, the rolling-restart window,
 * consumer lag). Built once per spec.
 */
export interface RuleContext {
  readonly s: ResolvedMonitoringSpec;
  readonly t: ResolvedThresholds;
  readonly sel: ClusterSelectors;
  /** The cluster's name, for summaries and descriptions. */
  readonly c: string;
  readonly brokers: number;
  readonly controllers: number;
  /**
   * A pod kube-state-metrics knows that is not Ready: includes Pending pods, which have no scrape target
   * and no `up` series. Strimzi reports a broker Ready only once it runs (after log recovery, unfenced).
   */
  readonly notReady: (pods: string) => string;
  /**
   * Fewer pods than configured exist at all (deleted and not recreated); only judged while kube-state-metrics
   * reports the namespace, so that a missing kube-state-metrics does not look like missing pods.
   */
  readonly missing: (pods: string, expected: number) => string;
  readonly ksmSeesNamespace: string;
  /** Pods answering their scrape: the fallback when kube-state-metrics is absent, and a second witness. */
  readonly scraped: (targets: string) => string;
  readonly withoutKsm: (expr: string) => string;
  /**
   * Routine symptoms of a restarting broker (its peers' under-replication, ISR shrinks) stay quiet while a
   * broker restarts: Strimzi rolls by deleting and recreating pods one at a time, so some broker pod of the
   * cluster was created within the recovery window; a container restarting in place (the pod stays) started
   * within it (KafkaBrokerRecovering names the cause). Controller restarts cause neither.
   */
  readonly quietWhileRolling: (expr: string) => string;
  /**
   * Pods whose `kafka` container is running and (re)started less than `minutes` ago (kube-state-metrics
   * reports a terminated container's start too, hence the running check).
   */
  readonly containerStartedWithin: (pods: string, minutes: number) => string;
  /**
   * Broker pods that are recovering: the container (re)started within `brokerRecoveryMinutes` and the
   * broker reports state 2 (RECOVERY: caught up with the metadata, loading its logs, still fenced).
   */
  readonly brokerRecovering: string;
  /** Some broker pod is not Ready, or missing. */
  readonly brokerPodTrouble: string;
  /** Consumer lag per group and topic. */
  readonly lag: string;
  /** A group without members stopped consuming on purpose (or is gone): its lag is nobody's incident. */
  readonly withMembers: string;
  /** Data volume usage in percent. */
  readonly diskPercent: string;
}

export const minutes = (n: number) => `${n}m`;

export function ruleContext(s: ResolvedMonitoringSpec): RuleContext {
  const sel = clusterSelectors(s);
  const t = s.thresholds;
  const notReady = (pods: string) =>
    `(max by (namespace, pod) (kube_pod_info{${pods}}) unless on (namespace, pod) (max by (namespace, pod) (kube_pod_status_ready{${pods}, condition="true"}) == 1))`;
  const ksmSeesNamespace = `(count(kube_pod_info{namespace="${s.cluster.namespace}"}) > 0)`;
  const missing = (pods: string, expected: number) =>
    `(((count(max by (namespace, pod) (kube_pod_info{${pods}})) or vector(0)) < ${expected}) and on () ${ksmSeesNamespace})`;
  const window = t.brokerRecoveryMinutes * 60;
  const rollInProgress =
    `(((time() - max by (namespace, pod) (kube_pod_created{${sel.brokerPods}})) < ${window})` +
    ` or (max by (namespace, pod) (time() - kube_pod_container_state_started{${sel.brokerPods}, container="kafka"}) < ${window}))`;
  const brokers = s.cluster.brokerCount;
  const containerStartedWithin = (pods: string, within: number) =>
    `((max by (namespace, pod) (time() - kube_pod_container_state_started{${pods}, container="kafka"}) < ${within * 60})` +
    ` and on (namespace, pod) (max by (namespace, pod) (kube_pod_container_status_running{${pods}, container="kafka"}) == 1))`;
  const brokerRecovering =
    `(${containerStartedWithin(sel.brokerPods, t.brokerRecoveryMinutes)}` +
    ` and on (namespace, pod) (max by (namespace, pod) (kafka_server_kafkaserver_brokerstate{${sel.brokers}}) == 2))`;
  return {
    s,
    t,
    sel,
    c: s.cluster.name,
    brokers,
    controllers: s.cluster.controllerCount ?? DEFAULT_CONTROLLER_COUNT,
    notReady,
    missing,
    ksmSeesNamespace,
    scraped: (targets: string) => `(count(max by (namespace, pod) (up{${targets}}) == 1) or vector(0))`,
    withoutKsm: (expr: string) => `(${expr} unless on () ${ksmSeesNamespace})`,
    quietWhileRolling: (expr: string) => `(${expr}) unless on () ${rollInProgress}`,
    containerStartedWithin,
    brokerRecovering,
    brokerPodTrouble: `(${notReady(sel.brokerPods)} or ${missing(sel.brokerPods, brokers)})`,
    lag: `sum by (namespace, consumergroup, topic) (kafka_consumergroup_lag{${sel.kafkaExporter}})`,
    withMembers: `(max by (namespace, consumergroup) (kafka_consumergroup_members{${sel.kafkaExporter}}) > 0)`,
    diskPercent: `100 * kubelet_volume_stats_used_bytes{${sel.dataVolumes}} / kubelet_volume_stats_capacity_bytes{${sel.dataVolumes}}`,
  };
}
