import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { ClientCredentials, KafkaClientConnection } from '../core/operations/kafka-client';
import { UserAuthentication } from '../core/strimzi/user';
import { Validator } from '../core/validation';

/** How an operations workload reaches the cluster, and how its KafkaUser must authenticate for that. */
export interface OperationsAccess {
  readonly connection: KafkaClientConnection;
  readonly userAuthentication: UserAuthentication;
  readonly listenerName: string;
}

/**
 * Picks the listener (the named one, else the cluster's first TLS listener with authentication) and
 * derives the user's authentication from it, so a workload can never pair a SCRAM user with an mTLS
 * listener. A cluster referenced by attributes exposes no listener details: SCRAM over TLS is assumed.
 */
export function operationsAccess(v: Validator, cluster: IKafkaCluster, username: string, listenerName?: string): OperationsAccess | undefined {
  const listeners = cluster.listeners;
  if (!listeners) {
    return {
      connection: { bootstrapServers: cluster.bootstrapServers(listenerName), clusterCaSecret: cluster.clusterCaCertSecret, credentials: ClientCredentials.scramSha512(username) },
      userAuthentication: UserAuthentication.scramSha512(),
      listenerName: listenerName ?? 'tls',
    };
  }
  const listener = listenerName === undefined ? listeners.find((l) => l.isSecure) : listeners.find((l) => l.name === listenerName);
  const ok = v.check(
    listener !== undefined && listener.isSecure && listener.type === 'internal',
    'listenerName',
    listenerName,
    `an internal TLS listener with authentication of cluster ${cluster.clusterName}: ${listeners.filter((l) => l.isSecure && l.type === 'internal').map((l) => l.name).join(', ') || '(none)'}`,
  );
  if (!ok || !listener) return undefined;
  const mtls = listener.authentication?.type === 'tls';
  return {
    connection: {
      bootstrapServers: cluster.bootstrapServers(listener.name),
      clusterCaSecret: cluster.clusterCaCertSecret,
      credentials: mtls ? ClientCredentials.mutualTls(username) : ClientCredentials.scramSha512(username),
    },
    userAuthentication: mtls ? UserAuthentication.tls() : UserAuthentication.scramSha512(),
    listenerName: listener.name,
  };
}
