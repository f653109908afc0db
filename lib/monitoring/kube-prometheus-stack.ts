import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { stringify } from 'yaml';
import { DNS_LABEL_RULE, isDnsLabel } from '../core/names';
import { claimHelmReleaseName } from '../delivery/custom-resource-release';
import { refuseBadShapeAt, S } from '../core/shape';
import { Validator } from '../core/validation';
import {
  KUBE_PROMETHEUS_STACK_CHART,
  KUBE_PROMETHEUS_STACK_REPOSITORY,
  KUBE_PROMETHEUS_STACK_VERSION,
  kubePrometheusStackValues,
} from '../core/monitoring/kube-prometheus-stack-values';
import { HelmRelease } from '../delivery/helm-release';

export interface KubePrometheusStackProps {
  /** Namespace of the stack; Helm creates it when missing. */
  readonly namespace: string;
  /** Helm release name. @default 'kube-prometheus-stack' */
  readonly releaseName?: string;
  /** Labels by which Prometheus selects the platform's PodMonitors and PrometheusRules. */
  readonly selectorLabels: Readonly<Record<string, string>>;
  /** Chart version. @default '75.15.0' */
  readonly version?: string;
  /** Prometheus retention. @default '15d' */
  readonly retention?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An opt-in kube-prometheus-stack (Prometheus operator, Prometheus, Alertmanager, Grafana,
 * kube-state-metrics, node exporter) for Kubernetes clusters without a monitoring stack, wired to select
 * the platform's rules, monitors and dashboards. It installs the prometheus-operator CRDs, so the
 * monitoring release should depend on it.
 */
export class KubePrometheusStack extends Construct {
  public readonly release: HelmRelease;
  /** How long its Prometheus keeps data (SLO windows and capacity histories must fit in it). */
  public readonly retention: string;

  constructor(scope: Construct, id: string, props: KubePrometheusStackProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, KUBE_PROMETHEUS_STACK_SHAPE);
    const releaseName = props.releaseName ?? 'kube-prometheus-stack';
    const v = new Validator(this.node.path);
    v.check(isDnsLabel(props.namespace), 'namespace', props.namespace, DNS_LABEL_RULE);
    v.check(isDnsLabel(releaseName, 53), 'releaseName', releaseName, `${DNS_LABEL_RULE}, at most 53 characters`);
    v.check(Object.keys(props.selectorLabels).length > 0, 'selectorLabels', props.selectorLabels, 'at least one label');
    v.throwIfAny();
    claimHelmReleaseName(this, props.namespace, releaseName);
    this.retention = props.retention ?? '15d';

    this.release = new HelmRelease(this, 'release', {
      name: releaseName,
      namespace: props.namespace,
      repository: KUBE_PROMETHEUS_STACK_REPOSITORY,
      chart: KUBE_PROMETHEUS_STACK_CHART,
      version: props.version ?? KUBE_PROMETHEUS_STACK_VERSION,
      values: [stringify(kubePrometheusStackValues(props.selectorLabels, this.retention))],
      createNamespace: true,
      wait: true,
      maxHistory: 10,
      dependsOn: props.dependsOn,
    });
  }
}

/** What the construct reads before validating values. */
const KUBE_PROMETHEUS_STACK_SHAPE = S.object({
  namespace: S.string(),
  selectorLabels: S.stringMap(),
  releaseName: S.optional(S.string()),
  version: S.optional(S.string()),
  retention: S.optional(S.string()),
});
