import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { managedByLabels, ResourceRequirements } from '../core/kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../core/names';
import { RESOURCES_SHAPE, validateResources } from '../core/resources';
import { refuseBadShapeAt, S } from '../core/shape';
import { claimHelmReleaseName } from '../delivery/custom-resource-release';
import { uniqueChildId, Validator } from '../core/validation';
import { STRIMZI_CHART_REPOSITORY, STRIMZI_OPERATOR_CHART, STRIMZI_VERSION } from '../core/strimzi/versions';
import { valuesYaml } from '../delivery/values-documents';
import { KubernetesNamespace } from '../delivery/kubernetes-resources';
import { HelmRelease } from '../delivery/helm-release';

export interface StrimziOperatorProps {
  /** Namespace the operator runs in; created unless `createNamespace` is false. @default 'strimzi-system' */
  readonly namespace?: string;
  /** @default true */
  readonly createNamespace?: boolean;
  /** Namespaces whose Strimzi resources the operator reconciles. */
  readonly watchNamespaces: readonly string[];
  /** Chart version. @default '1.2.0' */
  readonly version?: string;
  /** Resources of the operator pod. @default requests 200m/384Mi, limits 1 CPU/384Mi (the chart's defaults) */
  readonly resources?: ResourceRequirements;
  /** Strimzi feature gates, e.g. `+SomeGate,-OtherGate`. @default - the release's defaults */
  readonly featureGates?: string;
  /** Objects that must exist before the operator is installed (e.g. the watched namespaces). */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The Strimzi cluster operator, installed from its Helm chart (which also installs the CRDs on first install).
 *
 * `helm upgrade` never upgrades CRDs: before moving to a new Strimzi version, apply the new CRDs
 * (`kubectl replace -f` the release's `install/cluster-operator/*-Crd-*.yaml`), then bump `version`.
 */
export class StrimziOperator extends Construct {
  public readonly namespace: string;
  public readonly release: HelmRelease;

  constructor(scope: Construct, id: string, props: StrimziOperatorProps) {
    super(scope, uniqueChildId(scope, id, 'StrimziOperator'));
    refuseBadShapeAt(this.node.path, props, OPERATOR_SHAPE);
    const namespace = props.namespace ?? 'strimzi-system';
    const v = new Validator(this.node.path);
    v.check(isDnsLabel(namespace), 'namespace', namespace, DNS_LABEL_RULE);
    v.check(props.watchNamespaces.length > 0, 'watchNamespaces', props.watchNamespaces, 'at least one namespace');
    props.watchNamespaces.forEach((ns, i) => v.check(isDnsLabel(ns), `watchNamespaces[${i}]`, ns, DNS_LABEL_RULE));
    v.unique('watchNamespaces', props.watchNamespaces);
    validateResources(v, 'resources', props.resources);
    v.throwIfAny();
    this.namespace = namespace;
    claimHelmReleaseName(this, namespace, 'strimzi-cluster-operator');

    const dependsOn = [...(props.dependsOn ?? [])];
    if (props.createNamespace ?? true) {
      dependsOn.push(new KubernetesNamespace(this, 'namespace', { metadata: { name: namespace, labels: managedByLabels() } }));
    }
    const values: Record<string, unknown> = {
      watchNamespaces: props.watchNamespaces.filter((ns) => ns !== namespace),
      resources: props.resources ?? { requests: { cpu: '200m', memory: '384Mi' }, limits: { cpu: '1', memory: '384Mi' } },
    };
    if (props.featureGates) values.featureGates = props.featureGates;

    const valuesDocuments = valuesYaml([values]);
    this.release = new HelmRelease(this, 'release', {
      name: 'strimzi-cluster-operator',
      namespace,
      repository: STRIMZI_CHART_REPOSITORY,
      chart: STRIMZI_OPERATOR_CHART,
      version: props.version ?? STRIMZI_VERSION,
      values: valuesDocuments.yaml,
      wait: true,
      maxHistory: 10,
      dependsOn,
    });
    valuesDocuments.record(this.release);
  }
}

/** What the construct reads before validating values. */
const OPERATOR_SHAPE = S.object({
  namespace: S.optional(S.string()),
  createNamespace: S.optional(S.boolean()),
  watchNamespaces: S.array(S.string(), { describe: 'an array of namespaces' }),
  version: S.optional(S.string()),
  resources: S.optional(RESOURCES_SHAPE),
  featureGates: S.optional(S.string()),
});
