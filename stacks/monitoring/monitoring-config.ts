import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster, KafkaMonitoring, KafkaMonitoringProps, KubePrometheusStack } from '../../lib';
import { DEFAULT_PROMETHEUS_SELECTOR_LABELS } from '../../lib/core';

/** An environment's monitoring: everything of `KafkaMonitoringProps` but the cluster, plus the optional stack. */
export interface MonitoringConfig extends Omit<KafkaMonitoringProps, 'cluster' | 'dependsOn'> {
  /**
   * Install kube-prometheus-stack, wired to select the platform's monitors, rules and dashboards,
   * for Kubernetes clusters without a monitoring stack. Its release name becomes the `release`
   * selector label.
   * @default - not installed (an existing kube-prometheus-stack selects by `prometheusSelectorLabels`)
   */
  readonly kubePrometheusStack?: {
    /** Namespace of the stack; created by the stack. */
    readonly namespace: string;
    /** @default '75.15.0' */
    readonly version?: string;
    /** @default '15d' */
    readonly retention?: string;
  };
}

/** Adds the environment's monitoring for `cluster` (and the optional kube-prometheus-stack). */
export function addMonitoring(
  scope: Construct,
  config: MonitoringConfig,
  cluster: IKafkaCluster,
  dependsOn: ITerraformDependable[],
): { readonly monitoring: KafkaMonitoring; readonly kubePrometheusStack?: KubePrometheusStack } {
  const { kubePrometheusStack: stackConfig, ...props } = config;
  const selectorLabels = props.prometheusSelectorLabels ?? DEFAULT_PROMETHEUS_SELECTOR_LABELS;
  const kubePrometheusStack = stackConfig
    ? new KubePrometheusStack(scope, 'kube-prometheus-stack', {
        namespace: stackConfig.namespace,
        releaseName: selectorLabels.release,
        selectorLabels,
        version: stackConfig.version,
        retention: stackConfig.retention,
        dependsOn,
      })
    : undefined;
  const monitoring = new KafkaMonitoring(scope, 'monitoring', {
    ...props,
    prometheusSelectorLabels: selectorLabels,
    // The installed Prometheus' retention bounds SLO windows and capacity histories (checked at synth).
    prometheusRetention: props.prometheusRetention ?? kubePrometheusStack?.retention,
    cluster,
    // With the stack installed here, its CRDs (PodMonitor, PrometheusRule) must exist before the monitoring release.
    dependsOn: [...dependsOn, ...(kubePrometheusStack ? [kubePrometheusStack.release] : [])],
  });
  return { monitoring, kubePrometheusStack };
}
