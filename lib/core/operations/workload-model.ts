import { platformLabels, ResourceRequirements } from '../kubernetes';
import { DNS_LABEL_RULE, IMAGE_REFERENCE_RULE, isDnsLabel, isImageReference } from '../names';
import { validateResources } from '../resources';
import { Validator } from '../validation';
import { isTimeZoneName, validateCronSchedule } from './cron';

/**
 * A batch workload (CronJob or one-off Job) as a plain, validated model. Every workload the library
 * runs gets the same safe defaults from here: restricted pod security, requests and limits on every
 * container, a writable /tmp on a read-only root filesystem, bounded retries, history and run time.
 * The cdktf construct in `lib/workloads/` only translates this model into typed Kubernetes resources.
 */

/** An environment variable: a literal value or one key of a Secret. */
export type EnvVar =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly secretKeyRef: { readonly name: string; readonly key: string } };

/** Volume sources the workloads need (nothing host-level is possible by construction). */
export type VolumeSource =
  | { readonly type: 'secret'; readonly secretName: string; readonly items?: readonly { readonly key: string; readonly path: string }[] }
  | { readonly type: 'configMap'; readonly name: string; /** octal file mode, e.g. '0555' */ readonly defaultMode?: string }
  | { readonly type: 'persistentVolumeClaim'; readonly claimName: string }
  | { readonly type: 'emptyDir'; readonly sizeLimit?: string };

export interface WorkloadVolume {
  readonly name: string;
  readonly source: VolumeSource;
}

export interface VolumeMount {
  readonly volume: string;
  readonly path: string;
  /** @default true: only the output volume of a step is writable */
  readonly readOnly?: boolean;
}

/** One container; the steps of a workload run in order (all but the last as init containers). */
export interface WorkloadStep {
  /** Container name, a DNS label. */
  readonly name: string;
  readonly image: string;
  /** Command and arguments; no shell is implied. */
  readonly command: readonly string[];
  readonly env?: readonly EnvVar[];
  readonly mounts?: readonly VolumeMount[];
  /** Requests and limits for CPU and memory; all four are required. */
  readonly resources: ResourceRequirements;
}

/** A Kubernetes RBAC rule for the workload's own Role. */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  /** @default - every object of the resources in the namespace */
  readonly resourceNames?: readonly string[];
}

export interface BatchWorkloadSpec {
  /** CronJob or Job name; at most 52 characters (Kubernetes appends an 11-character suffix to Job names). */
  readonly name: string;
  readonly namespace: string;
  /** `app.kubernetes.io/component` label, e.g. `metadata-backup`. */
  readonly component: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** Cron schedule. Present: a CronJob; absent: a Job that runs once when it is created. */
  readonly schedule?: string;
  /** IANA time zone of the schedule. @default - the kube-controller-manager's zone (usually UTC) */
  readonly timeZone?: string;
  readonly steps: readonly WorkloadStep[];
  readonly volumes?: readonly WorkloadVolume[];
  /** Script files (name -> content) mounted read-only and executable at `SCRIPTS_PATH`. */
  readonly scripts?: Readonly<Record<string, string>>;
  /**
   * RBAC rules for a ServiceAccount of the workload's own. Without rules the pod gets no
   * Kubernetes API token at all.
   * @default - no API access
   */
  readonly rbac?: readonly PolicyRule[];
  /** Retries of a failed run. @default 2 */
  readonly backoffLimit?: number;
  /** A run taking longer is stopped and counts as failed. @default 3600 */
  readonly activeDeadlineSeconds?: number;
  /** Finished runs kept for inspection (CronJob). @default 3 */
  readonly successfulJobsHistoryLimit?: number;
  /** Failed runs kept for inspection (CronJob). @default 3 */
  readonly failedJobsHistoryLimit?: number;
  /** A run that could not start this many seconds after its time is skipped (CronJob). @default 600 */
  readonly startingDeadlineSeconds?: number;
}

/** Where scripts are mounted in every container. */
export const SCRIPTS_PATH = '/opt/kafka-platform/scripts';
/** The writable scratch directory on an otherwise read-only root filesystem. */
export const TMP_PATH = '/tmp';
/** UID of the Strimzi images; used for every container so files written to shared volumes agree. */
export const WORKLOAD_UID = 1001;

/** Pod-level security: the Kubernetes "restricted" Pod Security Standard. */
export const RESTRICTED_POD_SECURITY = {
  runAsNonRoot: true,
  runAsUser: WORKLOAD_UID,
  runAsGroup: 0,
  // Group ownership of mounted volumes, so a PVC written by one run is writable by the next.
  fsGroup: WORKLOAD_UID,
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** Container-level security of every step. */
export const RESTRICTED_CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** The model with every default applied: what the construct renders. */
export interface ResolvedBatchWorkload {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly schedule?: string;
  readonly timeZone?: string;
  readonly initSteps: readonly WorkloadStep[];
  readonly mainStep: WorkloadStep;
  readonly volumes: readonly WorkloadVolume[];
  readonly scripts?: Readonly<Record<string, string>>;
  readonly scriptsConfigMap?: string;
  readonly serviceAccountName?: string;
  readonly rbac?: readonly PolicyRule[];
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds: number;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  readonly startingDeadlineSeconds: number;
}

export const MAX_WORKLOAD_NAME = 52;

export function validateBatchWorkload(v: Validator, spec: BatchWorkloadSpec): void {
  v.check(isDnsLabel(spec.name, MAX_WORKLOAD_NAME), 'name', spec.name, `${DNS_LABEL_RULE}, at most ${MAX_WORKLOAD_NAME} characters`);
  v.check(isDnsLabel(spec.namespace), 'namespace', spec.namespace, DNS_LABEL_RULE);
  if (spec.schedule !== undefined) validateCronSchedule(v, 'schedule', spec.schedule);
  if (spec.timeZone !== undefined) v.check(isTimeZoneName(spec.timeZone), 'timeZone', spec.timeZone, 'an IANA time zone name such as "Etc/UTC"');
  v.check(spec.steps.length > 0, 'steps', spec.steps.length, 'at least one step');
  const volumeNames = new Set([...(spec.volumes ?? []).map((vol) => vol.name), 'tmp', 'scripts']);
  spec.steps.forEach((step, i) => {
    const f = `steps[${i}]`;
    v.check(isDnsLabel(step.name), `${f}.name`, step.name, DNS_LABEL_RULE);
    v.check(isImageReference(step.image), `${f}.image`, step.image, IMAGE_REFERENCE_RULE);
    v.check(step.command.length > 0, `${f}.command`, step.command, 'a command to run');
    for (const kind of ['cpu', 'memory'] as const) {
      v.check(step.resources.requests?.[kind] !== undefined, `${f}.resources.requests.${kind}`, undefined, 'a request (the scheduler needs it)');
      v.check(step.resources.limits?.[kind] !== undefined, `${f}.resources.limits.${kind}`, undefined, 'a limit (a runaway job must not starve the brokers)');
    }
    validateResources(v, `${f}.resources`, step.resources);
    for (const m of step.mounts ?? []) {
      v.check(volumeNames.has(m.volume), `${f}.mounts`, m.volume, `one of the workload's volumes: ${[...volumeNames].join(', ')}`);
    }
  });
  v.unique('steps[].name', spec.steps.map((s) => s.name));
  v.unique('volumes[].name', [...(spec.volumes ?? []).map((vol) => vol.name), 'tmp', 'scripts']);
  v.integer('backoffLimit', spec.backoffLimit, 0, 10);
  v.integer('activeDeadlineSeconds', spec.activeDeadlineSeconds, 60);
  v.integer('successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit, 0, 20);
  v.integer('failedJobsHistoryLimit', spec.failedJobsHistoryLimit, 1, 20);
  v.integer('startingDeadlineSeconds', spec.startingDeadlineSeconds, 10);
}

/** Applies the defaults. Call `validateBatchWorkload` first. */
export function resolveBatchWorkload(spec: BatchWorkloadSpec): ResolvedBatchWorkload {
  const hasScripts = spec.scripts !== undefined && Object.keys(spec.scripts).length > 0;
  const volumes: WorkloadVolume[] = [
    { name: 'tmp', source: { type: 'emptyDir', sizeLimit: '256Mi' } },
    ...(hasScripts ? [{ name: 'scripts', source: { type: 'configMap' as const, name: `${spec.name}-scripts`, defaultMode: '0555' } }] : []),
    ...(spec.volumes ?? []),
  ];
  // Every step gets /tmp (writable), the scripts (read-only) and HOME on /tmp for tools that cache there.
  const steps = spec.steps.map((step) => ({
    ...step,
    env: [{ name: 'HOME', value: TMP_PATH }, ...(step.env ?? [])],
    mounts: [
      { volume: 'tmp', path: TMP_PATH, readOnly: false },
      ...(hasScripts ? [{ volume: 'scripts', path: SCRIPTS_PATH, readOnly: true }] : []),
      ...(step.mounts ?? []),
    ],
  }));
  return {
    name: spec.name,
    namespace: spec.namespace,
    labels: platformLabels(spec.component, { 'app.kubernetes.io/name': spec.name, ...(spec.labels ?? {}) }),
    schedule: spec.schedule?.trim(),
    timeZone: spec.timeZone,
    initSteps: steps.slice(0, -1),
    mainStep: steps[steps.length - 1],
    volumes,
    scripts: hasScripts ? spec.scripts : undefined,
    scriptsConfigMap: hasScripts ? `${spec.name}-scripts` : undefined,
    serviceAccountName: spec.rbac?.length ? spec.name : undefined,
    rbac: spec.rbac?.length ? spec.rbac : undefined,
    backoffLimit: spec.backoffLimit ?? 2,
    activeDeadlineSeconds: spec.activeDeadlineSeconds ?? 3600,
    successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit ?? 3,
    failedJobsHistoryLimit: spec.failedJobsHistoryLimit ?? 3,
    startingDeadlineSeconds: spec.startingDeadlineSeconds ?? 600,
  };
}
