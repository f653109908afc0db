import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { KafkaUser } from '../access/kafka-user';
import { KAFKA_CLI_RESOURCES } from '../core/operations/images';
import { KafkaClientWiring, kafkaClientWiring } from '../core/operations/kafka-client';
import { BatchWorkloadSpec, EnvVar, SCRIPTS_PATH, VolumeMount, WorkloadStep } from '../core/operations/workload-model';
import { AclRule } from '../core/strimzi/acl';
import { kafkaImage } from '../core/strimzi/versions';
import { Validator } from '../core/validation';
import { validateCronSchedule } from '../core/operations/cron';
import { BatchWorkload } from './batch-workload';
import { operationsAccess } from './kafka-access';
import { addOperationsUser } from './operations-user';
import { ScriptName, scripts } from './scripts';

/** One Job or CronJob of a Kafka CLI job: the batch workload without what the job derives itself. */
export interface KafkaCliWorkload extends Omit<BatchWorkloadSpec, 'name' | 'namespace' | 'scripts'> {
  /** @default the job's name */
  readonly name?: string;
  /** Scripts the steps run; `kafka-client.sh`, which writes the client configuration, is always shipped first. */
  readonly scripts: readonly ScriptName[];
}

export interface KafkaCliJobProps {
  readonly cluster: IKafkaCluster;
  /** Release that carries the job's KafkaUser. */
  readonly release: CustomResourceRelease;
  /** Name of the Job or CronJob, of its KafkaUser and of the user's Secret (see `WorkloadNames`). */
  readonly name: string;
  /** Listener the tools connect to. @default - the first internal TLS listener with authentication */
  readonly listenerName?: string;
  /** The ACLs of the job's own KafkaUser: only what its tools need. */
  readonly acls: readonly AclRule[];
  /** Why the ACLs are as wide as they are; recorded as the acknowledgement of wildcard ACLs. */
  readonly why: string;
  /** The job's own input checks; their problems are reported with the listener's, all at once. */
  readonly check?: (v: Validator) => void;
  /**
   * The CronJob schedule of the job's workloads (each may set its own instead). Checked with the job's input,
   * so a bad schedule is reported at the job's path together with every other problem.
   * @default - none (Jobs)
   */
  readonly schedule?: string;
  /** Objects to create once the input is valid, before the workloads (e.g. a volume); the returned ones are waited for. */
  readonly prepare?: () => ITerraformDependable[] | void;
  /** The batch workloads by construct id (usually one, `workload`), given the Kafka client wiring. */
  readonly workloads: (client: KafkaClientWiring) => Readonly<Record<string, KafkaCliWorkload>>;
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** What `kafkaCliJob` created. */
export interface KafkaCliJob {
  readonly name: string;
  readonly user: KafkaUser;
  readonly workloads: Readonly<Record<string, BatchWorkload>>;
}

/**
 * The one way an operations job that runs Kafka CLI tools is declared: it checks the job's input and
 * resolves the listener (all problems in one error, at `scope`'s path), adds the job's own KafkaUser
 * with exactly `acls` (authentication matched to the listener), wires the client (bootstrap, cluster
 * CA, the user's Secret) and creates the batch workloads, which wait for the user's release. The user
 * and workloads are children of `scope` (ids `user` and the workload ids), so the job's construct is
 * the only level between the caller and its resources.
 */
export function kafkaCliJob(scope: Construct, props: KafkaCliJobProps): KafkaCliJob {
  const { cluster } = props;
  const v = new Validator(scope.node.path);
  props.check?.(v);
  if (props.schedule !== undefined) validateCronSchedule(v, 'schedule', props.schedule);
  const access = operationsAccess(v, cluster, props.name, props.listenerName);
  // The user only for valid input: a bad value would otherwise surface as the derived user name's error, alone.
  const user = access && v.issues.length === 0 ? addOperationsUser(scope, props.release, cluster, props.name, access.userAuthentication, props.acls, props.why) : undefined;
  v.throwIfAny();
  const prepared = props.prepare?.() ?? [];
  const client = kafkaClientWiring(access!.connection);
  const dependsOn = [...(props.dependsOn ?? []), props.release.release, ...prepared];
  const workloads: Record<string, BatchWorkload> = {};
  for (const [id, w] of Object.entries(props.workloads(client))) {
    workloads[id] = new BatchWorkload(scope, id, {
      ...w,
      name: w.name ?? props.name,
      schedule: w.schedule ?? props.schedule,
      namespace: cluster.namespace,
      scripts: scripts('kafka-client.sh', ...w.scripts),
      dependsOn,
    });
  }
  return { name: props.name, user: user!, workloads };
}

/** Options of a step that runs one script with the Kafka CLI tools. */
export interface KafkaCliStepOptions {
  /** Arguments after the script. @default [] */
  readonly args?: readonly string[];
  /** Variables after the client's. @default [] */
  readonly env?: readonly EnvVar[];
  /** Mounts before the client's. @default [] */
  readonly mounts?: readonly VolumeMount[];
  /** @default KAFKA_CLI_RESOURCES */
  readonly resources?: WorkloadStep['resources'];
}

/** A container running `script` with bash in the Kafka image, configured as the job's Kafka client. */
export function kafkaCliStep(name: string, script: ScriptName, client: KafkaClientWiring, options: KafkaCliStepOptions = {}): WorkloadStep {
  return {
    name,
    image: kafkaImage(),
    command: ['/bin/bash', `${SCRIPTS_PATH}/${script}`, ...(options.args ?? [])],
    env: [...client.env, ...(options.env ?? [])],
    mounts: [...(options.mounts ?? []), ...client.mounts],
    resources: options.resources ?? KAFKA_CLI_RESOURCES,
  };
}
