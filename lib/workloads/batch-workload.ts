import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import type { JobV1SpecTemplateSpec } from '@cdktf/provider-kubernetes/lib/job-v1';
import {
  BatchWorkloadSpec,
  RESTRICTED_CONTAINER_SECURITY,
  RESTRICTED_POD_SECURITY,
  resolveBatchWorkload,
  ResolvedBatchWorkload,
  validateBatchWorkload,
  WorkloadStep,
  WorkloadVolume,
} from '../core/operations/workload-model';
import { Validator } from '../core/validation';
import { KubernetesCronJob, KubernetesJob } from '../delivery/kubernetes-resources';
import { KubernetesConfigMap, KubernetesRole, KubernetesRoleBinding, KubernetesServiceAccount } from '../delivery/kubernetes-resources';

export interface BatchWorkloadProps extends BatchWorkloadSpec {
  /** What must exist first (namespace, the KafkaUser release whose Secret the pod mounts). */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Renders a validated batch workload as typed Kubernetes resources: a CronJob (with a schedule) or a
 * Job, the ConfigMap of its scripts, and, only when it needs the Kubernetes API, its own
 * ServiceAccount, Role and RoleBinding. All of these update in place; a Job's spec is immutable, so a
 * changed one-off Job is replaced, which is what re-running it means.
 */
export class BatchWorkload extends Construct {
  public readonly workload: ResolvedBatchWorkload;
  /** The CronJob (`kubernetes_cron_job_v1`), when the workload has a schedule. */
  public readonly cronJob?: KubernetesCronJob;
  /** The Job (`kubernetes_job_v1`), when it has none. */
  public readonly job?: KubernetesJob;

  constructor(scope: Construct, id: string, props: BatchWorkloadProps) {
    super(scope, id);
    const v = new Validator(this.node.path);
    validateBatchWorkload(v, props);
    v.throwIfAny();
    const w = resolveBatchWorkload(props);
    this.workload = w;
    const metadata = { name: w.name, namespace: w.namespace, labels: w.labels };
    const dependsOn: ITerraformDependable[] = [...(props.dependsOn ?? [])];

    if (w.scripts && w.scriptsConfigMap) {
      dependsOn.push(new KubernetesConfigMap(this, 'scripts', { metadata: { ...metadata, name: w.scriptsConfigMap }, data: { ...w.scripts } }));
    }
    if (w.rbac && w.serviceAccountName) {
      const sa = new KubernetesServiceAccount(this, 'service-account', { metadata, automountServiceAccountToken: false });
      const role = new KubernetesRole(this, 'role', {
        metadata,
        rule: w.rbac.map((r) => ({
          apiGroups: [...r.apiGroups],
          resources: [...r.resources],
          verbs: [...r.verbs],
          ...(r.resourceNames ? { resourceNames: [...r.resourceNames] } : {}),
        })),
      });
      const binding = new KubernetesRoleBinding(this, 'role-binding', {
        metadata,
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: w.name },
        subject: [{ kind: 'ServiceAccount', name: w.serviceAccountName, namespace: w.namespace }],
      });
      dependsOn.push(sa, role, binding);
    }

    const template = { metadata: { labels: w.labels }, spec: podSpec(w) };
    const jobSpec = { backoffLimit: w.backoffLimit, activeDeadlineSeconds: w.activeDeadlineSeconds, template };
    if (w.schedule !== undefined) {
      this.cronJob = new KubernetesCronJob(this, 'cron-job', {
        metadata,
        spec: {
          schedule: w.schedule,
          timezone: w.timeZone,
          // A run never overlaps the previous one (two backups writing the same volume, two elections).
          concurrencyPolicy: 'Forbid',
          startingDeadlineSeconds: w.startingDeadlineSeconds,
          successfulJobsHistoryLimit: w.successfulJobsHistoryLimit,
          failedJobsHistoryLimit: w.failedJobsHistoryLimit,
          jobTemplate: { metadata: { labels: w.labels }, spec: jobSpec },
        },
        dependsOn,
      });
    } else {
      this.job = new KubernetesJob(this, 'job', {
        metadata,
        spec: { ...jobSpec, ttlSecondsAfterFinished: String(7 * 24 * 3600) },
        // Terraform does not wait for a long run; its outcome is in the Job's status and logs.
        waitForCompletion: false,
        dependsOn,
      });
    }
  }
}

function podSpec(w: ResolvedBatchWorkload): JobV1SpecTemplateSpec {
  return {
    restartPolicy: 'Never',
    serviceAccountName: w.serviceAccountName,
    // Only workloads with RBAC rules get a token; the rest cannot talk to the Kubernetes API.
    automountServiceAccountToken: w.serviceAccountName !== undefined,
    securityContext: {
      runAsNonRoot: RESTRICTED_POD_SECURITY.runAsNonRoot,
      runAsUser: String(RESTRICTED_POD_SECURITY.runAsUser),
      runAsGroup: String(RESTRICTED_POD_SECURITY.runAsGroup),
      fsGroup: String(RESTRICTED_POD_SECURITY.fsGroup),
      seccompProfile: { ...RESTRICTED_POD_SECURITY.seccompProfile },
    },
    initContainer: w.initSteps.map(container),
    container: [container(w.mainStep)],
    volume: w.volumes.map(volume),
  };
}

function container(step: WorkloadStep) {
  return {
    name: step.name,
    image: step.image,
    imagePullPolicy: 'IfNotPresent',
    command: [...step.command],
    env: (step.env ?? []).map((e) =>
      'value' in e ? { name: e.name, value: e.value } : { name: e.name, valueFrom: { secretKeyRef: { name: e.secretKeyRef.name, key: e.secretKeyRef.key } } },
    ),
    resources: { requests: { ...step.resources.requests }, limits: { ...step.resources.limits } },
    securityContext: {
      allowPrivilegeEscalation: RESTRICTED_CONTAINER_SECURITY.allowPrivilegeEscalation,
      readOnlyRootFilesystem: RESTRICTED_CONTAINER_SECURITY.readOnlyRootFilesystem,
      runAsNonRoot: RESTRICTED_CONTAINER_SECURITY.runAsNonRoot,
      capabilities: { drop: [...RESTRICTED_CONTAINER_SECURITY.capabilities.drop] },
      seccompProfile: { ...RESTRICTED_CONTAINER_SECURITY.seccompProfile },
    },
    volumeMount: (step.mounts ?? []).map((m) => ({ name: m.volume, mountPath: m.path, readOnly: m.readOnly ?? true })),
  };
}

function volume(vol: WorkloadVolume) {
  const s = vol.source;
  switch (s.type) {
    case 'secret':
      return { name: vol.name, secret: { secretName: s.secretName, defaultMode: '0440', items: s.items?.map((i) => ({ key: i.key, path: i.path })) } };
    case 'configMap':
      return { name: vol.name, configMap: { name: s.name, defaultMode: s.defaultMode ?? '0444' } };
    case 'persistentVolumeClaim':
      return { name: vol.name, persistentVolumeClaim: { claimName: s.claimName } };
    case 'emptyDir':
      return { name: vol.name, emptyDir: { sizeLimit: s.sizeLimit } };
  }
}
