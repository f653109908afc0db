import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { NodeTopology } from '../../lib/core/strimzi/kafka';
import { Storage } from '../../lib/core/strimzi/storage';
import { IKafkaCluster } from '../../lib/cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../../lib/delivery/custom-resource-release';
import { Listener, ListenerAuthentication } from '../../lib/core/strimzi/listener';
import { listenerBootstrap } from '../../lib/core/strimzi/operator-names';
import { resourcesOfType, SynthesizedStack, synthJson, testStack } from './synth';

type Any = Record<string, any>;

/** A cluster `events` in namespace `kafka` with the given listeners (undefined: referenced by attributes). */
export function testCluster(listeners: readonly Listener[] | undefined = [Listener.internalTls()]): IKafkaCluster {
  return {
    clusterName: 'events',
    namespace: 'kafka',
    defaultReplicationFactor: 3,
    minInsyncReplicas: 2,
    clusterCaCertSecret: 'events-cluster-ca-cert',
    clientsCaCertSecret: 'events-clients-ca-cert',
    bootstrapServers: (name?: string) => {
      const l = listeners?.find((x) => name === undefined || x.name === name) ?? { name: name ?? 'tls', port: 9093 };
      return listenerBootstrap('events', 'kafka', l);
    },
    listeners,
    dependables: [],
  };
}

export const MTLS_LISTENER = Listener.internalTls({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.mutualTls() });

/** A stack with the cluster and the operations release the workloads put their users in. */
export function workloadSetup(listeners?: readonly Listener[]): { stack: TerraformStack; cluster: IKafkaCluster; release: CustomResourceRelease } {
  const stack = testStack();
  const cluster = testCluster(listeners);
  const release = new CustomResourceRelease(stack, 'ops', { releaseName: 'events-operations', namespace: 'kafka' });
  return { stack, cluster, release };
}

/** Resources of `type` in a stack or its synthesized JSON, by `metadata.name`. */
export function byName(stack: TerraformStack | SynthesizedStack, type: string): Record<string, Any> {
  const json = stack instanceof TerraformStack ? synthJson(stack) : stack;
  return Object.fromEntries(Object.values(resourcesOfType(json, type)).map((r: Any) => [r.metadata.name, r]));
}

/** A cluster `events` owned by the stack: 3 dedicated controllers and 3 brokers, no Cruise Control. */
export function ownedCluster(scope: Construct): KafkaCluster {
  return new KafkaCluster(scope, 'cluster', {
    name: 'events',
    namespace: 'kafka',
    topology: NodeTopology.dedicated(
      { name: 'controllers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) },
      [{ name: 'brokers', replicas: 3, storage: Storage.persistentClaim({ size: '10Gi' }) }],
    ),
  });
}

/** The pod spec of a CronJob or Job resource. */
export const podOf = (r: Any): Any => (r.spec.job_template ? r.spec.job_template.spec.template.spec : r.spec.template.spec);
