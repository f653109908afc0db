import { KafkaClusterSpec, OperationsConfig, type ReplicationTarget, ResourceRequirements } from '../lib';
import { MonitoringConfig } from './monitoring/monitoring-config';
import { AcknowledgementConfig } from '../lib';

/** An environment's part in disaster recovery. */
export type DisasterRecoveryConfig =
  | {
      readonly role: 'target';
      /** The external TLS + SCRAM listener (with `bootstrapHost`) the source reaches. */
      readonly listenerName: string;
      /** KafkaUser of the source's MirrorMaker 2 on this cluster. */
      readonly mirrorUserName: string;
    }
  | {
      readonly role: 'source';
      /** The DR environment (its stack is deployed first). */
      readonly target: EnvironmentConfig;
      /** The CA check fails this many days before the copied DR CA expires. @default 30 */
      readonly caWarningDays?: number;
    };

/**
 * Where an environment keeps its Terraform state. Shared environments use `kubernetes` (state in a Secret
 * of the cluster they manage, locked with a Lease: no extra infrastructure); `local` is for a personal dev
 * cluster, and production refuses it unless acknowledged (guardrail KP-PROD-REMOTE-STATE).
 */
export type BackendConfig =
  | {
      readonly type: 'local';
      /**
       * Relative paths are resolved from the stack's output folder `cdktf.out/stacks/<stack>`.
       * @default `../../../terraform.<stack>.tfstate`: the project folder, outside the synth output
       */
      readonly path?: string;
    }
  | { readonly type: 's3'; readonly bucket: string; readonly key: string; readonly region: string; readonly dynamodbTable?: string }
  | { readonly type: 'kubernetes'; readonly secretSuffix: string; readonly namespace?: string };

/**
 * An environment's operations workloads. Replication needs no `target` in a DR source environment: the stack
 * takes it from the `DisasterRecoveryLink`, the one place that derives it (the Secrets the link writes).
 */
export type EnvironmentOperations = Omit<OperationsConfig, 'replication'> & {
  readonly replication?: Omit<NonNullable<OperationsConfig['replication']>, 'target'> & {
    /** @default - the DR link's target (`disasterRecovery.role: 'source'`); required otherwise */
    readonly target?: ReplicationTarget;
  };
};

/** How Terraform reaches the environment's Kubernetes cluster. Credentials stay in the kube config, never in code. */
export interface KubernetesAccess {
  /** Path of the kube config file. */
  readonly configPath: string;
  /** Context in that file. */
  readonly context: string;
}

/** Everything that differs between environments; one value of this per environment in `environments.ts`. */
export interface EnvironmentConfig {
  /** Short name; the stack is called `kafka-<name>`. */
  readonly name: string;
  /** Production environments get data-protecting defaults and refuse plans that would uninstall the cluster. */
  readonly production: boolean;
  readonly kubernetes: KubernetesAccess;
  readonly backend: BackendConfig;
  /** Namespace of the Kafka cluster and all its custom resources. */
  readonly namespace: string;
  readonly operator: {
    /** Install the Strimzi operator; false where the Kubernetes cluster already runs Strimzi 1.2.0. */
    readonly install: boolean;
    /** @default 'strimzi-system' */
    readonly namespace?: string;
    readonly resources?: ResourceRequirements;
    readonly featureGates?: string;
    /**
     * Install Strimzi Drain Cleaner (once per Kubernetes cluster); pair it with the cluster's `drainCleaner: true`.
     * @default - not installed
     */
    readonly drainCleaner?: import('../lib/operator/drain-cleaner').DrainCleanerProps;
    /**
     * A PriorityClass to create for the Kafka pods (name it in the cluster's `priorityClassName`), so that
     * the scheduler evicts less important pods rather than leave a broker pending.
     * @default - none created
     */
    readonly priorityClass?: { readonly name: string; readonly value: number };
  };
  /** The Kafka cluster (its namespace is `namespace` above). */
  readonly cluster: Omit<KafkaClusterSpec, 'namespace'>;

  /** Topics and applications, grouped by owner (see `stacks/topology`). @default - none */
  readonly topology?: import('./topology/per-environment').TopologyConfig;

  /** Metrics export, PodMonitors, alert thresholds, dashboards (see `stacks/monitoring`). @default - no monitoring */
  readonly monitoring?: MonitoringConfig;

  /** Backup, restore, replication, maintenance, ACL audit and load-test workloads. @default - none */
  readonly operations?: EnvironmentOperations;

  /**
   * Disaster recovery: this environment is the DR cluster of another (`target`: it declares the listener
   * and the MirrorMaker 2 user), or replicates to one (`source`: it copies the DR CA and credentials at
   * every deploy, see `stacks/disaster-recovery.ts`). @default - neither
   */
  readonly disasterRecovery?: DisasterRecoveryConfig;

  /**
   * Production guardrails: deliberate exceptions to rules, each on a construct path with a reason (shown in
   * the plan review), and the principals allowed as super users.
   * @default - no acknowledgements; admins ['platform-admin']
   */
  readonly guardrails?: {
    readonly acknowledgements?: readonly AcknowledgementConfig[];
    readonly admins?: readonly string[];
  };
}
