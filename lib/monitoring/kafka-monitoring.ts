import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { KubernetesObject, platformLabels } from '../core/kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../core/names';
import { MONITORING_SHAPE } from '../core/monitoring/monitoring-shape';
import { refuseBadShapeAt } from '../core/shape';
import { uniqueChildId, Validator } from '../core/validation';
import { AlertGroup, buildPrometheusRule } from '../core/monitoring/alert-rules';
import { buildRuleGroups } from '../core/monitoring/rule-groups';
import { alertmanagerConfigName, buildAlertmanagerConfig } from '../core/monitoring/alert-routing';
import { dashboardConfigMap } from '../core/monitoring/dashboard-config-maps';
import { buildDashboards } from '../core/monitoring/dashboards';
import { buildConsumerGroupOwnersRule, consumerGroupOwnersRuleName, ownerTeams } from '../core/monitoring/consumer-groups';
import {
  CRUISE_CONTROL_JMX_RULES,
  KAFKA_CONNECT_JMX_RULES,
  kafkaConnectMetricsConfigMapRef,
  kafkaJmxRules,
  METRICS_CONFIG_KEYS,
  metricsConfigMapName,
  MIRROR_MAKER_2_JMX_RULES,
  mirrorMaker2MetricsConfigMapRef,
  renderJmxExporterConfig,
} from '../core/monitoring/exporter-rules';
import { KafkaMonitoringSpec, MonitoredCluster, resolveMonitoringSpec, ResolvedMonitoringSpec, validateMonitoringSpec } from '../core/monitoring/monitoring-spec';
import { buildPodMonitors } from '../core/monitoring/pod-monitors';
import { kafkaMetricsConfigMapRef as metricsRef } from '../core/monitoring/exporter-rules';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { mirrorMaker2MetricsProblems } from '../replication/mirror-maker2';
import { KubernetesConfigMap } from '../delivery/kubernetes-resources';
import { connectMetricsProblems } from '../connect/kafka-connect';

export interface KafkaMonitoringProps extends Omit<KafkaMonitoringSpec, 'cluster'> {
  /**
   * The monitored cluster, owned in this stack or referenced (`KafkaCluster.fromClusterAttributes` with its
   * node pools). It must export metrics through the exporter rules this construct writes (`metrics: true`).
   */
  readonly cluster: IKafkaCluster;
  /** Helm release of the PodMonitors and the PrometheusRule. @default `<cluster>-monitoring` */
  readonly releaseName?: string;
  /** Namespace of the dashboard ConfigMaps (where the Grafana sidecar looks). @default the cluster's namespace */
  readonly dashboardNamespace?: string;
  /**
   * Export per-partition gauges (under/at min ISR per partition, log size per partition) and show the
   * topic-size panel. Each partition replica adds series: about 100,000 per broker at 2,000 topics.
   * @default false - per-topic traffic and per-broker counts only
   */
  readonly perPartitionMetrics?: boolean;
  /** What must exist first (the namespace; the prometheus-operator CRDs when the stack installs them). */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Monitoring as code for one Strimzi cluster:
 * - the JMX exporter rules ConfigMap the cluster's `metricsConfig` points at (plus MirrorMaker 2's rules);
 * - PodMonitors (brokers and controllers, Kafka Exporter, Cruise Control, MirrorMaker 2, Cluster Operator)
 *   and one PrometheusRule, delivered in place through their own Helm release (`<cluster>-monitoring`);
 * - Grafana dashboards as ConfigMaps for the sidecar.
 *
 * The set of objects is fixed per cluster, whatever the number of topics.
 */
export class KafkaMonitoring extends Construct {
  public readonly spec: ResolvedMonitoringSpec;
  public readonly alertGroups: readonly AlertGroup[];
  public readonly podMonitors: readonly KubernetesObject[];
  public readonly prometheusRule: KubernetesObject;
  /** Ownership series of the declared consumer groups (`consumerGroups`), when there are any. */
  public readonly consumerGroupOwners?: KubernetesObject;
  /** The release of `consumerGroupOwners` (`<cluster>-consumer-group-owners`). */
  public readonly consumerGroupOwnersRelease?: CustomResourceRelease;
  /** Routing of the alerts by priority, when `alertRouting` is set. */
  public readonly alertmanagerConfig?: KubernetesObject;
  public readonly exporterRules: KubernetesConfigMap;
  public readonly dashboards: readonly KubernetesConfigMap[];
  public readonly release: CustomResourceRelease;

  constructor(scope: Construct, id: string, props: KafkaMonitoringProps) {
    super(scope, uniqueChildId(scope, id, 'KafkaMonitoring'));
    refuseBadShapeAt(this.node.path, props, MONITORING_SHAPE);
    const cluster = props.cluster;
    const components = cluster.components ?? { cruiseControl: false, kafkaExporter: true, entityOperator: true };
    const monitored: MonitoredCluster = {
      name: cluster.clusterName,
      namespace: cluster.namespace,
      // Unknown pools or brokers (a referenced cluster without them) are refused below.
      nodePools: (cluster.nodePools ?? []).map((p) => ({ name: p.name, roles: [...p.roles] })),
      brokerCount: cluster.brokerCount ?? 1,
      controllerCount: cluster.controllerCount,
      certificateRenewalDays: cluster.certificateRenewalDays,
      maintenanceTimeWindows: cluster.maintenanceTimeWindows ?? [],
      cruiseControl: components.cruiseControl,
      kafkaExporter: components.kafkaExporter,
    };
    const spec = resolveMonitoringSpec({ ...props, cluster: monitored });
    const dashboardNamespace = props.dashboardNamespace ?? cluster.namespace;

    const v = new Validator(this.node.path);
    validateMonitoringSpec(v, spec);
    const whenKnown = 'known: a KafkaCluster, or KafkaCluster.fromClusterAttributes with nodePools';
    v.check(cluster.nodePools !== undefined, 'cluster.nodePools', cluster.nodePools, whenKnown);
    v.check(cluster.brokerCount !== undefined, 'cluster.brokerCount', cluster.brokerCount, whenKnown);
    v.check(
      cluster.exportsMetrics === true,
      'cluster.exportsMetrics',
      cluster.exportsMetrics,
      `true (a cluster with metrics: true, whose metricsConfig is ${JSON.stringify(metricsRef(cluster.clusterName))}), so the brokers export the metrics the alerts and dashboards use`,
    );
    v.check(isDnsLabel(dashboardNamespace), 'dashboardNamespace', dashboardNamespace, DNS_LABEL_RULE);
    v.throwIfAny();
    this.spec = spec;
    if (spec.mirrorMaker2) {
      // Checked once the stack is complete: the KafkaMirrorMaker2 may be declared after the monitoring.
      this.node.addValidation({ validate: () => mirrorMaker2MetricsProblems(this, cluster.namespace, mirrorMaker2MetricsConfigMapRef(cluster.clusterName)) });
    }
    if (spec.kafkaConnect.length > 0) {
      // Likewise for the KafkaConnects the alerts name.
      this.node.addValidation({ validate: () => connectMetricsProblems(this, cluster.namespace, spec.kafkaConnect, kafkaConnectMetricsConfigMapRef(cluster.clusterName)) });
    }

    this.exporterRules = new KubernetesConfigMap(this, 'exporter-rules', {
      metadata: { name: metricsConfigMapName(cluster.clusterName), namespace: cluster.namespace, labels: platformLabels('monitoring') },
      data: {
        [METRICS_CONFIG_KEYS.kafka]: renderJmxExporterConfig(kafkaJmxRules({ perPartition: props.perPartitionMetrics })),
        [METRICS_CONFIG_KEYS.mirrorMaker2]: renderJmxExporterConfig(MIRROR_MAKER_2_JMX_RULES),
        [METRICS_CONFIG_KEYS.kafkaConnect]: renderJmxExporterConfig(KAFKA_CONNECT_JMX_RULES),
        [METRICS_CONFIG_KEYS.cruiseControl]: renderJmxExporterConfig(CRUISE_CONTROL_JMX_RULES),
      },
      dependsOn: props.dependsOn,
    });

    this.alertGroups = buildRuleGroups(spec);
    this.podMonitors = buildPodMonitors(spec);
    this.prometheusRule = buildPrometheusRule(spec, this.alertGroups);
    this.release = new CustomResourceRelease(this, 'resources', {
      releaseName: props.releaseName ?? `${cluster.clusterName}-monitoring`,
      namespace: cluster.namespace,
      dependsOn: props.dependsOn,
    });
    for (const monitor of this.podMonitors) this.release.add(monitor, this);
    this.release.add(this.prometheusRule, this);
    if (spec.consumerGroups.length > 0) {
      this.consumerGroupOwners = buildConsumerGroupOwnersRule({
        name: consumerGroupOwnersRuleName(cluster.clusterName),
        cluster: cluster.clusterName,
        namespace: cluster.namespace,
        labels: spec.prometheusSelectorLabels,
        groups: spec.consumerGroups,
      });
      // A release of its own: it changes with the catalogue (every new application), the alerts with their
      // thresholds, and its size grows with the declared groups (about 40 bytes each).
      this.consumerGroupOwnersRelease = new CustomResourceRelease(this, 'consumer-group-owners', {
        releaseName: consumerGroupOwnersRuleName(cluster.clusterName),
        namespace: cluster.namespace,
        dependsOn: props.dependsOn,
      });
      this.consumerGroupOwnersRelease.add(this.consumerGroupOwners, this);
    }
    if (spec.alertRouting) {
      this.alertmanagerConfig = buildAlertmanagerConfig({
        name: alertmanagerConfigName(cluster.clusterName),
        namespace: cluster.namespace,
        team: spec.team,
        ownerTeams: ownerTeams(spec.consumerGroups),
        labels: spec.prometheusSelectorLabels,
        routing: spec.alertRouting,
      });
      this.release.add(this.alertmanagerConfig, this);
    }

    this.dashboards = buildDashboards({
      mirrorMaker2: spec.mirrorMaker2,
      perPartitionMetrics: props.perPartitionMetrics,
      cruiseControl: spec.cluster.cruiseControl,
      slos: spec.slos,
      scrapeInterval: spec.scrapeInterval,
      capacityPlanning: spec.capacityPlanning,
      brokers: spec.cluster.brokerCount,
    }).map((d) => {
      const cm = dashboardConfigMap(cluster.clusterName, dashboardNamespace, spec.dashboardFolder, d);
      return new KubernetesConfigMap(this, `dashboard-${d.uid}`, {
        metadata: { ...cm.metadata, labels: { ...cm.metadata.labels }, annotations: { ...cm.metadata.annotations } },
        data: { ...cm.data },
        dependsOn: props.dependsOn,
      });
    });
  }
}
