import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { stringify } from 'yaml';
import { ResourceRequirements } from '../core/kubernetes';
import { DNS_LABEL_RULE, isDnsLabel } from '../core/names';
import { RESOURCES_SHAPE, validateResources } from '../core/resources';
import { refuseBadShapeAt, S } from '../core/shape';
import { Validator } from '../core/validation';
import { STRIMZI_CHART_REPOSITORY } from '../core/strimzi/versions';
import { HelmRelease } from '../delivery/helm-release';

const DRAIN_CLEANER_SHAPE = S.object({
  namespace: S.optional(S.string()),
  version: S.optional(S.string()),
  certManager: S.optional(S.boolean()),
  replicas: S.optional(S.numeric()),
  resources: S.optional(RESOURCES_SHAPE),
  dependsOn: S.optional(S.array(S.where('a Terraform resource', (x) => typeof x === 'object' && x !== null))),
});

/** Drain Cleaner chart, from the same registry as the operator. */
export const DRAIN_CLEANER_CHART = 'strimzi-drain-cleaner';
/** The chart version the library pins (Drain Cleaner 1.6.0, whose values the library sets). */
export const DRAIN_CLEANER_VERSION = '1.6.0';

export interface DrainCleanerProps {
  /** Namespace of the webhook. @default 'strimzi-drain-cleaner' */
  readonly namespace?: string;
  /** Chart version. @default DRAIN_CLEANER_VERSION */
  readonly version?: string;
  /**
   * Let the chart create cert-manager `Issuer` and `Certificate` objects for the webhook's TLS (needs
   * cert-manager in the Kubernetes cluster). When false, provide the webhook certificate yourself as the
   * chart documents.
   * @default true
   */
  readonly certManager?: boolean;
  /** Webhook replicas; 2 keeps drains working while one is rescheduled. @default 2 */
  readonly replicas?: number;
  /** @default requests 100m/128Mi, limits 500m/256Mi */
  readonly resources?: ResourceRequirements;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Strimzi Drain Cleaner: a validating webhook on pod evictions. With the cluster's `drainCleaner: true`
 * (PodDisruptionBudget `maxUnavailable: 0`) Kubernetes can never evict a Kafka pod by itself; Drain Cleaner
 * sees the eviction of a Strimzi pod, annotates it `strimzi.io/manual-rolling-update`, and the operator
 * rolls it when that keeps every partition in sync. `kubectl drain` waits until the pod has moved.
 *
 * One installation serves the whole Kubernetes cluster (its webhook configuration is cluster-scoped).
 */
export class DrainCleaner extends Construct {
  public readonly namespace: string;
  public readonly release: HelmRelease;

  constructor(scope: Construct, id: string, props: DrainCleanerProps = {}) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, DRAIN_CLEANER_SHAPE);
    const namespace = props.namespace ?? 'strimzi-drain-cleaner';
    const v = new Validator(this.node.path);
    v.check(isDnsLabel(namespace), 'namespace', namespace, DNS_LABEL_RULE);
    v.integer('replicas', props.replicas, 1, 5);
    validateResources(v, 'resources', props.resources);
    v.throwIfAny();
    this.namespace = namespace;

    const replicas = props.replicas ?? 2;
    const values: Record<string, unknown> = {
      replicaCount: replicas,
      // The release creates the namespace (helm needs it for its own record before the chart's objects).
      namespace: { create: false, name: namespace },
      certManager: { create: props.certManager ?? true },
      resources: props.resources ?? { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      // With 2 replicas a budget keeps one webhook up while nodes drain.
      podDisruptionBudget: { create: replicas > 1, minAvailable: 1 },
    };
    this.release = new HelmRelease(this, 'release', {
      name: 'strimzi-drain-cleaner',
      namespace,
      createNamespace: true,
      repository: STRIMZI_CHART_REPOSITORY,
      chart: DRAIN_CLEANER_CHART,
      version: props.version ?? DRAIN_CLEANER_VERSION,
      values: [stringify(values)],
      wait: true,
      maxHistory: 10,
      dependsOn: props.dependsOn,
    });
  }
}
