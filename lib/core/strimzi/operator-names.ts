/** Names of the objects the Strimzi operators create for a cluster. */

export function clusterCaCertSecret(cluster: string): string {
  return `${cluster}-cluster-ca-cert`;
}

export function clientsCaCertSecret(cluster: string): string {
  return `${cluster}-clients-ca-cert`;
}

/** In-cluster `host:port` of a listener's bootstrap Service. */
export function listenerBootstrap(cluster: string, namespace: string, listener: { readonly name: string; readonly port: number; readonly type?: string }): string {
  const type = listener.type ?? 'internal';
  const service = type === 'internal' ? `${cluster}-kafka-bootstrap` : `${cluster}-kafka-${listener.name}-bootstrap`;
  return `${service}.${namespace}.svc:${listener.port}`;
}

/** PVC of a broker volume (`data-<volumeId>-<cluster>-<pool>-<id>` with JBOD storage). */
export function brokerVolumeClaim(cluster: string, pool: string, nodeId: number, volumeId: number): string {
  return `data-${volumeId}-${cluster}-${pool}-${nodeId}`;
}

/** Secret with the cluster CA's private key (`ca.key`), which the Cluster Operator also writes. */
export function clusterCaKeySecret(cluster: string): string {
  return `${cluster}-cluster-ca`;
}

/** Secret with the clients CA's private key (`ca.key`). */
export function clientsCaKeySecret(cluster: string): string {
  return `${cluster}-clients-ca`;
}
