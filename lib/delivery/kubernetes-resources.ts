import { Construct } from 'constructs';
import { LightResource, LightResourceType } from './light-resource';
// Types only: the generated classes load only for HCL output (`LightResource`).
import type { NamespaceV1Config } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import type { ConfigMapV1Config } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import type { SecretV1Config } from '@cdktf/provider-kubernetes/lib/secret-v1';
import type { PersistentVolumeClaimV1Config } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import type { ServiceAccountV1Config } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import type { RoleV1Config } from '@cdktf/provider-kubernetes/lib/role-v1';
import type { RoleBindingV1Config } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import type { PriorityClassV1Config } from '@cdktf/provider-kubernetes/lib/priority-class-v1';
import type { JobV1Config } from '@cdktf/provider-kubernetes/lib/job-v1';
import type { CronJobV1Config } from '@cdktf/provider-kubernetes/lib/cron-job-v1';

/**
 * The Kubernetes provider's resources the library creates, as light resource classes (`LightResource`):
 * the generated class's configuration, address and JSON, without loading or constructing the generated class.
 */

/** Kubernetes provider attributes whose values are maps (checked against the generated structs by the tests). */
export const KUBERNETES_MAP_ATTRIBUTES: ReadonlySet<string> = new Set([
  'annotations', 'labels', 'data', 'binaryData', 'dataWo', 'binaryDataWo', 'limits', 'requests', 'matchLabels', 'nodeSelector', 'options', 'volumeAttributes',
]);

const KUBERNETES_PROVIDER = { providerName: 'kubernetes', providerVersion: '2.38.0', providerVersionConstraint: '~> 2.0' };

function kubernetesType(type: string, generated: LightResourceType['generated']): LightResourceType {
  return { type, provider: KUBERNETES_PROVIDER, maps: KUBERNETES_MAP_ATTRIBUTES, generated };
}

/** A Namespace (`kubernetes_namespace_v1`), written like the generated `NamespaceV1`. */
export class KubernetesNamespace extends LightResource<NamespaceV1Config> {
  static readonly tfResourceType = 'kubernetes_namespace_v1';
  private static readonly TYPE = kubernetesType('kubernetes_namespace_v1', () => require('@cdktf/provider-kubernetes/lib/namespace-v1').NamespaceV1);

  constructor(scope: Construct, id: string, config: NamespaceV1Config) {
    super(scope, id, KubernetesNamespace.TYPE, config);
  }
}

/** A ConfigMap (`kubernetes_config_map_v1`), written like the generated `ConfigMapV1`. */
export class KubernetesConfigMap extends LightResource<ConfigMapV1Config> {
  static readonly tfResourceType = 'kubernetes_config_map_v1';
  private static readonly TYPE = kubernetesType('kubernetes_config_map_v1', () => require('@cdktf/provider-kubernetes/lib/config-map-v1').ConfigMapV1);

  constructor(scope: Construct, id: string, config: ConfigMapV1Config) {
    super(scope, id, KubernetesConfigMap.TYPE, config);
  }
}

/** A Secret (`kubernetes_secret_v1`), written like the generated `SecretV1`. */
export class KubernetesSecret extends LightResource<SecretV1Config> {
  static readonly tfResourceType = 'kubernetes_secret_v1';
  private static readonly TYPE = kubernetesType('kubernetes_secret_v1', () => require('@cdktf/provider-kubernetes/lib/secret-v1').SecretV1);

  constructor(scope: Construct, id: string, config: SecretV1Config) {
    super(scope, id, KubernetesSecret.TYPE, config);
  }
}

/** A PersistentVolumeClaim (`kubernetes_persistent_volume_claim_v1`), written like the generated `PersistentVolumeClaimV1`. */
export class KubernetesPersistentVolumeClaim extends LightResource<PersistentVolumeClaimV1Config> {
  static readonly tfResourceType = 'kubernetes_persistent_volume_claim_v1';
  private static readonly TYPE = kubernetesType('kubernetes_persistent_volume_claim_v1', () => require('@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1').PersistentVolumeClaimV1);

  constructor(scope: Construct, id: string, config: PersistentVolumeClaimV1Config) {
    super(scope, id, KubernetesPersistentVolumeClaim.TYPE, config);
  }
}

/** A ServiceAccount (`kubernetes_service_account_v1`), written like the generated `ServiceAccountV1`. */
export class KubernetesServiceAccount extends LightResource<ServiceAccountV1Config> {
  static readonly tfResourceType = 'kubernetes_service_account_v1';
  private static readonly TYPE = kubernetesType('kubernetes_service_account_v1', () => require('@cdktf/provider-kubernetes/lib/service-account-v1').ServiceAccountV1);

  constructor(scope: Construct, id: string, config: ServiceAccountV1Config) {
    super(scope, id, KubernetesServiceAccount.TYPE, config);
  }
}

/** A Role (`kubernetes_role_v1`), written like the generated `RoleV1`. */
export class KubernetesRole extends LightResource<RoleV1Config> {
  static readonly tfResourceType = 'kubernetes_role_v1';
  private static readonly TYPE = kubernetesType('kubernetes_role_v1', () => require('@cdktf/provider-kubernetes/lib/role-v1').RoleV1);

  constructor(scope: Construct, id: string, config: RoleV1Config) {
    super(scope, id, KubernetesRole.TYPE, config);
  }
}

/** A RoleBinding (`kubernetes_role_binding_v1`), written like the generated `RoleBindingV1`. */
export class KubernetesRoleBinding extends LightResource<RoleBindingV1Config> {
  static readonly tfResourceType = 'kubernetes_role_binding_v1';
  private static readonly TYPE = kubernetesType('kubernetes_role_binding_v1', () => require('@cdktf/provider-kubernetes/lib/role-binding-v1').RoleBindingV1);

  constructor(scope: Construct, id: string, config: RoleBindingV1Config) {
    super(scope, id, KubernetesRoleBinding.TYPE, config);
  }
}

/** A PriorityClass (`kubernetes_priority_class_v1`), written like the generated `PriorityClassV1`. */
export class KubernetesPriorityClass extends LightResource<PriorityClassV1Config> {
  static readonly tfResourceType = 'kubernetes_priority_class_v1';
  private static readonly TYPE = kubernetesType('kubernetes_priority_class_v1', () => require('@cdktf/provider-kubernetes/lib/priority-class-v1').PriorityClassV1);

  constructor(scope: Construct, id: string, config: PriorityClassV1Config) {
    super(scope, id, KubernetesPriorityClass.TYPE, config);
  }
}

/** A Job (`kubernetes_job_v1`), written like the generated `JobV1`. */
export class KubernetesJob extends LightResource<JobV1Config> {
  static readonly tfResourceType = 'kubernetes_job_v1';
  private static readonly TYPE = kubernetesType('kubernetes_job_v1', () => require('@cdktf/provider-kubernetes/lib/job-v1').JobV1);

  constructor(scope: Construct, id: string, config: JobV1Config) {
    super(scope, id, KubernetesJob.TYPE, config);
  }
}

/** A CronJob (`kubernetes_cron_job_v1`), written like the generated `CronJobV1`. */
export class KubernetesCronJob extends LightResource<CronJobV1Config> {
  static readonly tfResourceType = 'kubernetes_cron_job_v1';
  private static readonly TYPE = kubernetesType('kubernetes_cron_job_v1', () => require('@cdktf/provider-kubernetes/lib/cron-job-v1').CronJobV1);

  constructor(scope: Construct, id: string, config: CronJobV1Config) {
    super(scope, id, KubernetesCronJob.TYPE, config);
  }
}
