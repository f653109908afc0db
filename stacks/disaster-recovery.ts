import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { CustomResourceRelease, DisasterRecoveryLink, DisasterRecoveryTarget, disasterRecoveryEndpoint, type DisasterRecoveryEndpoint, KafkaCluster, Listener, ValidationError } from '../lib';
import { EnvironmentConfig } from './environment-config';

/**
 * Disaster recovery between two environment stacks. The DR stack (`role: 'target'`) declares its cluster
 * with an external listener and the MirrorMaker 2 user; the source stack (`role: 'source'`) derives the DR
 * endpoint from the DR environment's code (bootstrap host and port, Secret names) and, at deploy time,
 * reads the DR cluster's CA and the user's password from the DR Kubernetes cluster (data sources through
 * a second provider) into its own namespace. `cdktf deploy` orders the stacks (`stacks/app.ts`).
 */

/** The DR endpoint of a target environment, from its configuration. */
export function endpointOf(dr: EnvironmentConfig): DisasterRecoveryEndpoint {
  const where = `environments[${String(dr?.name)}]`;
  if (dr?.disasterRecovery?.role !== 'target') {
    throw new ValidationError([{ path: where, field: 'disasterRecovery.role', value: dr?.disasterRecovery?.role, allowed: "'target' (only a DR target environment has an endpoint)" }]);
  }
  const listenerName = dr.disasterRecovery.listenerName;
  const listeners: readonly unknown[] = Array.isArray(dr.cluster?.listeners) ? dr.cluster.listeners : [];
  const listener = listeners.find((l): l is Listener => l instanceof Listener && l.name === listenerName);
  if (!listener) throw new ValidationError([{ path: where, field: 'disasterRecovery.listenerName', value: listenerName, allowed: 'one of its listeners' }]);
  return disasterRecoveryEndpoint({ clusterName: dr.cluster.name, namespace: dr.namespace, listener, mirrorUserName: dr.disasterRecovery.mirrorUserName });
}

/** Adds the environment's disaster-recovery side; returns the link on a source (its CA check is monitored). */
export function addDisasterRecovery(scope: Construct, env: EnvironmentConfig, cluster: KafkaCluster, dependsOn: ITerraformDependable[]): DisasterRecoveryLink | undefined {
  const dr = env.disasterRecovery;
  if (dr?.role === 'target') {
    const release = new CustomResourceRelease(scope, 'disaster-recovery-release', {
      releaseName: `${cluster.clusterName}-disaster-recovery`,
      namespace: cluster.namespace,
      dependsOn: [...dependsOn, ...cluster.dependables],
    });
    new DisasterRecoveryTarget(scope, 'disaster-recovery', { cluster, release, listenerName: dr.listenerName, mirrorUserName: dr.mirrorUserName });
    return undefined;
  }
  if (dr?.role === 'source') {
    return new DisasterRecoveryLink(scope, 'disaster-recovery', {
      cluster,
      endpoint: endpointOf(dr.target),
      drKubernetes: dr.target.kubernetes,
      caWarningDays: dr.caWarningDays,
      dependsOn,
    });
  }
  return undefined;
}

/**
 * Where production runs (docs/disaster-recovery.md), one switch in `stacks/environments.ts`:
 * - `replicating`: normal operation. The primary (prod) serves and its MirrorMaker 2 copies it to the standby
 *   (dr), which declares only its cluster, the MirrorMaker 2 user and the platform's administrator.
 * - `failed-over`: the standby serves. It declares the primary's topics and applications (the topics exist,
 *   created by MirrorMaker 2 with prod's configs: the KafkaTopics adopt them) and no longer admits the
 *   primary's MirrorMaker 2; the primary runs no MirrorMaker 2, no DR link and no MirrorMaker 2 monitoring, so a
 *   deploy of a recovered prod cannot start replicating stale data into the serving cluster.
 * - `failing-back`: the standby still serves and mirrors back to the rebuilt primary: the primary opens its
 *   fail-back listener to the standby's MirrorMaker 2 (role `target`), the standby replicates to it (role
 *   `source`, deployed after it). Back to `replicating` once the primary has caught up and clients moved.
 */
export const DISASTER_RECOVERY_STATES = ['replicating', 'failed-over', 'failing-back'] as const;
export type DisasterRecoveryState = (typeof DISASTER_RECOVERY_STATES)[number];

/** The environments a disaster-recovery pair is declared as for normal operation, and what fail-back adds. */
export interface DisasterRecoveryPair {
  /** The serving environment in normal operation, replicating (`disasterRecovery.role: 'source'`) to `standby`. */
  readonly primary: EnvironmentConfig;
  /** Its DR environment (`disasterRecovery.role: 'target'`). */
  readonly standby: EnvironmentConfig;
  /** The listener the primary opens to the standby's MirrorMaker 2 while failing back (TLS + SCRAM, with `bootstrapHost`). */
  readonly failBackListener: Listener;
}

/** The pair's two environments in a state: `[primary, standby]`, unchanged when `replicating`. */
export function disasterRecoveryEnvironments(state: DisasterRecoveryState, pair: DisasterRecoveryPair): [EnvironmentConfig, EnvironmentConfig] {
  const { primary, standby, failBackListener } = pair;
  if (state === 'replicating') return [primary, standby];
  const replication = primary.operations?.replication;
  if (primary.disasterRecovery?.role !== 'source' || standby.disasterRecovery?.role !== 'target' || replication === undefined) {
    throw new ValidationError([
      {
        path: `environments[${String(primary?.name)}]`,
        field: 'disasterRecovery',
        value: primary?.disasterRecovery?.role,
        allowed: `the 'replicating' declaration of the pair (role 'source' with operations.replication, its target role 'target'), from which '${state}' is derived`,
      },
    ]);
  }
  /** No MirrorMaker 2 of its own (nor its monitoring, nor the DR link that copies the peer's CA). */
  const notReplicating = (env: EnvironmentConfig): EnvironmentConfig => {
    const { replication: _replication, ...operations } = env.operations ?? {};
    return { ...env, operations, disasterRecovery: undefined };
  };
  // The standby serves in both states: it declares the primary's topics and applications.
  const serving: EnvironmentConfig = { ...notReplicating(standby), topology: primary.topology };
  if (state === 'failed-over') return [notReplicating(primary), serving];

  const rebuilt: EnvironmentConfig = {
    ...notReplicating(primary),
    cluster: { ...primary.cluster, listeners: [...(primary.cluster.listeners ?? [Listener.internalTls()]), failBackListener] },
    disasterRecovery: { role: 'target', listenerName: failBackListener.name, mirrorUserName: `${standby.cluster.name}-mirror` },
  };
  const mirroringBack: EnvironmentConfig = {
    ...serving,
    // Its target is derived by the DR link to the rebuilt primary, as for the primary's own replication.
    operations: { ...serving.operations, replication },
    disasterRecovery: { role: 'source', target: rebuilt },
  };
  return [rebuilt, mirroringBack];
}
