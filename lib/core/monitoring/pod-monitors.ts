import { KubernetesObject, platformLabels } from '../kubernetes';
import { ResolvedMonitoringSpec } from './monitoring-spec';

/** API version of the prometheus-operator custom resources. */
export const MONITORING_API_VERSION = 'monitoring.coreos.com/v1';

/** Strimzi exposes metrics on this named container port for every workload. */
export const STRIMZI_METRICS_PORT = 'tcp-prometheus';

/** A prometheus-operator relabel config (camelCase, as in the CRD). */
export interface RelabelConfig {
  readonly action?: 'replace' | 'keep' | 'drop' | 'labelmap' | 'labeldrop' | 'labelkeep';
  readonly sourceLabels?: readonly string[];
  readonly targetLabel?: string;
  readonly regex?: string;
  readonly replacement?: string;
}

/**
 * Target relabelling of every platform PodMonitor. Deliberate choices:
 * - The prometheus-operator already sets `namespace`, `pod`, `container` and `job`
 *   (`<PodMonitor namespace>/<PodMonitor name>`). Alerts use `namespace` and `pod`, the same labels
 *   cAdvisor and kube-state-metrics carry, so resource and volume joins need no `label_replace`.
 * - The pod's Strimzi labels are copied as `strimzi_io_*` (`strimzi_io_cluster`, `strimzi_io_kind`,
 *   `strimzi_io_pool_name`, `strimzi_io_broker_role`, `strimzi_io_controller_role`, ...): alerts select
 *   brokers and controllers by role with them, whatever the pool is called.
 * - `kubernetes_pod_name`, `node_name` and `node_ip` are added as in Strimzi's examples, so Strimzi's
 *   community dashboards work unchanged next to the library's own.
 * Only pod labels with the `strimzi.io/` prefix are mapped: arbitrary pod labels would add series churn.
 */
export const TARGET_RELABELINGS: readonly RelabelConfig[] = [
  { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(strimzi_io_.+)', replacement: '$1' },
  { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_name'], targetLabel: 'kubernetes_pod_name' },
  { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'node_name' },
  { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_host_ip'], targetLabel: 'node_ip' },
];

/** The platform's scrape targets of one cluster; names are stable, alert expressions refer to them. */
export interface ScrapeTargets {
  /** Brokers and controllers of every pool. */
  readonly kafka: string;
  readonly kafkaExporter: string;
  readonly cruiseControl: string;
  readonly mirrorMaker2: string;
  /** Every KafkaConnect of the namespace (the topic backup's and any other). */
  readonly kafkaConnect: string;
  /** The Strimzi Cluster Operator (certificate expiry, reconciliations). */
  readonly clusterOperator: string;
  /** The Entity Operator's Topic and User Operators (reconciliations of KafkaTopics and KafkaUsers). */
  readonly entityOperator: string;
}

export function podMonitorNames(cluster: string): ScrapeTargets {
  return {
    kafka: `${cluster}-kafka`,
    kafkaExporter: `${cluster}-kafka-exporter`,
    cruiseControl: `${cluster}-cruise-control`,
    mirrorMaker2: `${cluster}-mirror-maker-2`,
    kafkaConnect: `${cluster}-kafka-connect`,
    clusterOperator: `${cluster}-cluster-operator`,
    entityOperator: `${cluster}-entity-operator`,
  };
}

/** The `job` label Prometheus gives the targets of a PodMonitor. */
export function scrapeJob(podMonitorNamespace: string, podMonitorName: string): string {
  return `${podMonitorNamespace}/${podMonitorName}`;
}

interface PodMonitorInput {
  readonly name: string;
  readonly targetNamespace: string;
  readonly matchLabels: Record<string, string>;
  readonly port: string;
}

function podMonitor(s: ResolvedMonitoringSpec, input: PodMonitorInput): KubernetesObject {
  return {
    apiVersion: MONITORING_API_VERSION,
    kind: 'PodMonitor',
    metadata: {
      name: input.name,
      namespace: s.cluster.namespace,
      labels: platformLabels('monitoring', { ...s.prometheusSelectorLabels }),
    },
    spec: {
      selector: { matchLabels: input.matchLabels },
      namespaceSelector: { matchNames: [input.targetNamespace] },
      podMetricsEndpoints: [{ port: input.port, path: '/metrics', interval: s.scrapeInterval, relabelings: TARGET_RELABELINGS.map((r) => ({ ...r })) }],
    },
  };
}

/** The PodMonitors of the cluster's workloads; optional workloads only when they run. */
export function buildPodMonitors(s: ResolvedMonitoringSpec): KubernetesObject[] {
  const c = s.cluster;
  const names = podMonitorNames(c.name);
  const inCluster = (kind: string, name?: string) => ({
    'strimzi.io/cluster': c.name,
    'strimzi.io/kind': kind,
    ...(name ? { 'strimzi.io/name': name } : {}),
  });
  const monitors = [
    // Strimzi labels every pool's pods `strimzi.io/name: <cluster>-kafka`: one monitor covers brokers and controllers.
    podMonitor(s, { name: names.kafka, targetNamespace: c.namespace, matchLabels: inCluster('Kafka', `${c.name}-kafka`), port: STRIMZI_METRICS_PORT }),
    // The operator's metrics endpoint is its `http` port; its pods carry `strimzi.io/kind: cluster-operator`.
    podMonitor(s, { name: names.clusterOperator, targetNamespace: s.operatorNamespace, matchLabels: { 'strimzi.io/kind': 'cluster-operator' }, port: 'http' }),
    // The Entity Operator pod runs the Topic and User Operators; each serves /metrics on its `healthcheck` port.
    podMonitor(s, { name: names.entityOperator, targetNamespace: c.namespace, matchLabels: inCluster('Kafka', `${c.name}-entity-operator`), port: 'healthcheck' }),
  ];
  if (c.kafkaExporter) {
    monitors.push(podMonitor(s, { name: names.kafkaExporter, targetNamespace: c.namespace, matchLabels: inCluster('Kafka', `${c.name}-kafka-exporter`), port: STRIMZI_METRICS_PORT }));
  }
  if (c.cruiseControl) {
    monitors.push(podMonitor(s, { name: names.cruiseControl, targetNamespace: c.namespace, matchLabels: inCluster('Kafka', `${c.name}-cruise-control`), port: STRIMZI_METRICS_PORT }));
  }
  if (s.mirrorMaker2) {
    // MirrorMaker 2 pods carry their own resource name as `strimzi.io/cluster`: select every MM2 of the namespace.
    monitors.push(podMonitor(s, { name: names.mirrorMaker2, targetNamespace: c.namespace, matchLabels: { 'strimzi.io/kind': 'KafkaMirrorMaker2' }, port: STRIMZI_METRICS_PORT }));
  }
  if (s.kafkaConnect.length > 0) {
    // Connect pods carry their KafkaConnect's name as `strimzi.io/cluster` (relabelled `strimzi_io_cluster`, which
    // the alerts group by). Strimzi's image build pod has no metrics port, so the port selects the workers only.
    monitors.push(podMonitor(s, { name: names.kafkaConnect, targetNamespace: c.namespace, matchLabels: { 'strimzi.io/kind': 'KafkaConnect' }, port: STRIMZI_METRICS_PORT }));
  }
  return monitors;
}
