import { Grant, Milliseconds } from '../../lib';
import { backedUpTopics, EnvironmentName, GroupEntry, resolveTopology, TopologyConfig } from './per-environment';

const { days, hours } = Milliseconds;

/** The platform team's own access: the same in every cluster, the DR cluster included. */
const PLATFORM_GROUP: GroupEntry = {
  name: 'platform',
  applications: [
    // The cluster's super user (`superUsers` in environments.ts); this KafkaUser gives it credentials (Secret `platform-admin`).
    { name: 'platform-admin', grants: [Grant.admin()] },
  ],
};

/**
 * Every topic and application of the platform cluster, grouped by owning team. One catalogue for
 * all environments: a setting that differs is written `{ dev, staging, prod }` in place.
 * Replication and `min.insync.replicas` default to the cluster's (1/1 in dev, 3/2 elsewhere).
 *
 * A group name is part of its Helm release names: never rename a group or move a topic to another
 * group without the two-step procedure in README ("Deleting and moving topics").
 */
export const CATALOGUE: readonly GroupEntry[] = [
  {
    name: 'orders',
    // Business data, the compacted order status included: backed up to object storage where an environment runs a topic backup.
    backup: true,
    topics: [
      {
        name: 'orders.order-placed.v1',
        partitions: { dev: 3, staging: 6, prod: 24 },
        retentionMs: { dev: days(1), staging: days(3), prod: days(7) },
        compressionType: 'zstd',
      },
      {
        name: 'orders.order-status.v1',
        partitions: { dev: 3, staging: 6, prod: 12 },
        cleanupPolicy: 'compact',
        config: { 'min.compaction.lag.ms': hours(1) },
      },
    ],
    applications: [
      { name: 'order-service', grants: [Grant.produce('orders.order-placed.v1', { transactionalId: 'order-service-*' })] },
      {
        name: 'order-status-projector',
        grants: [
          Grant.streams({
            applicationId: 'order-status-projector',
            inputTopics: 'orders.order-placed.v1',
            outputTopics: 'orders.order-status.v1',
            exactlyOnce: true,
          }),
        ],
      },
    ],
  },
  {
    name: 'payments',
    backup: true,
    topics: [
      {
        name: 'payments.payment-settled.v1',
        partitions: { dev: 3, staging: 6, prod: 12 },
        // Settlements are audited monthly: keep 35 days in prod.
        retentionMs: { dev: days(1), staging: days(7), prod: days(35) },
        compressionType: 'zstd',
      },
    ],
    applications: [
      {
        name: 'payment-service',
        grants: [Grant.consume('orders.order-placed.v1', { group: 'payment-service' }), Grant.produce('payments.payment-settled.v1')],
        quotas: { producerByteRate: 10 * 1024 * 1024, consumerByteRate: 20 * 1024 * 1024 },
      },
    ],
  },
  {
    name: 'integration',
    topics: [
      // Kafka Connect's storage topics: compacted, declared here so the worker needs no Create ACL.
      { name: 'connect-cluster.configs', partitions: 1, cleanupPolicy: 'compact' },
      { name: 'connect-cluster.offsets', partitions: { dev: 5, staging: 25, prod: 25 }, cleanupPolicy: 'compact' },
      { name: 'connect-cluster.status', partitions: 5, cleanupPolicy: 'compact' },
    ],
    applications: [
      {
        name: 'connect-worker',
        grants: [
          Grant.connect({
            groupId: 'connect-cluster',
            configTopic: 'connect-cluster.configs',
            offsetTopic: 'connect-cluster.offsets',
            statusTopic: 'connect-cluster.status',
            sinkTopics: ['payments.payment-settled.v1', 'orders.order-status.v1'],
          }),
        ],
      },
    ],
  },
  PLATFORM_GROUP,
];

/** The topology of one environment. */
export function platformTopology(env: EnvironmentName): TopologyConfig {
  return resolveTopology(CATALOGUE, env);
}

/**
 * Only the platform's administrator, for a cluster that declares no topics of its own (the DR cluster: its topics
 * arrive through MirrorMaker 2). Its super user needs a KafkaUser for credentials: the runbooks' admin client and
 * the fail-over checks read the Secret `platform-admin` on every cluster.
 */
export function adminOnlyTopology(): TopologyConfig {
  // The group has no per-environment values: any environment name resolves it the same.
  return resolveTopology([PLATFORM_GROUP], 'prod');
}

/** The topics of one environment the topic backup copies to object storage. */
export function platformBackupTopics(env: EnvironmentName): string[] {
  return backedUpTopics(CATALOGUE, env);
}
