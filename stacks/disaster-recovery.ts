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
