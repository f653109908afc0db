import { ConnectorPlugin, GUIDE_SLOS, Listener, ListenerAuthentication, LoadTestProfile, NetworkPeer, NodeTopology, SloSpec, Storage } from '../lib';
import { EnvironmentConfig } from './environment-config';
import { DisasterRecoveryPair, DisasterRecoveryState, disasterRecoveryEnvironments } from './disaster-recovery';
import { adminOnlyTopology, platformBackupTopics, platformTopology } from './topology/catalogue';

/**
 * The three environments, side by side. Differences are deliberate: dev is one small node with a
 * plain listener; staging mirrors prod's shape at a smaller size; prod is sized per the operations guide.
 */

const KUBE_CONFIG = '~/.kube/config';
/**
 * Who may reach the brokers (Strimzi renders these into NetworkPolicies): workloads in the Kafka
 * namespace itself (operators, exporter, backups, MirrorMaker 2) and namespaces labelled as clients.
 */
const BROKER_CLIENTS: readonly NetworkPeer[] = [
  { namespaceLabels: { 'kubernetes.io/metadata.name': 'kafka' } },
  { namespaceLabels: { 'kafka-platform/client': 'true' } },
];
/** PriorityClass of prod's Kafka pods: scheduled (and kept) before ordinary workloads. */
const KAFKA_PRIORITY_CLASS = 'kafka-platform-critical';

/** Retention of the platform's own Prometheus (staging, prod, dr): SLO windows and capacity histories must fit in it. */
const PLATFORM_PROMETHEUS_RETENTION = '45d';
/** Runbooks of the platform's alerts (docs/runbooks in this repository). */
const RUNBOOKS = 'https://github.com/example-org/kafka-platform/blob/main/docs/runbooks';
/**
 * The guide's escalation matrix: L1 support and L2 engineering by email; the SMTP password and the on-call
 * pager's webhook URL are read from Secrets in the kafka namespace, created outside this code.
 */
/**
 * staging rehearses prod's SLO rules on its smaller cluster at looser objectives: the guide's warning level for
 * availability (99.9 %) and 99 % of produce traffic within 100 ms. dev has none: one broker with replication 1
 * takes every partition offline at each restart, and its Prometheus keeps 3 days, less than any SLO window.
 */
const STAGING_SLOS: readonly SloSpec[] = [
  { sli: { kind: 'partition-availability' }, objective: 99.9, window: '30d' },
  { sli: { kind: 'produce-latency', thresholdMs: 100 }, objective: 99, window: '30d' },
];

const ESCALATION = {
  supportEmail: 'kafka-support@example.com',
  engineeringEmail: 'platform-engineering@example.com',
  smtp: { from: 'alertmanager@example.com', smarthost: 'smtp.example.com:587', authUsername: 'alertmanager', authPasswordSecret: { name: 'alertmanager-smtp', key: 'password' } },
} as const;

export const dev: EnvironmentConfig = {
  name: 'dev',
  production: false,
  kubernetes: { configPath: KUBE_CONFIG, context: 'kafka-dev' },
  topology: platformTopology('dev'),
  // A personal dev cluster: local state in the project folder (outside cdktf.out).
  backend: { type: 'local' },
  namespace: 'kafka',
  operator: { install: true },
  cluster: {
    name: 'kafka-dev',
    // Pinned: an upgrade raises version first and metadataVersion in a later change (see README).
    version: '4.3.1',
    metadataVersion: '4.3-IV0',
    topology: NodeTopology.combined({
      name: 'dual',
      replicas: 1,
      storage: Storage.persistentClaim({ size: '20Gi', deleteClaim: true }),
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } },
      jvm: { heap: '1g' },
    }),
    // Authorization stays on in dev (ACL mistakes show up here first): the plain listener authenticates with
    // SCRAM, so the catalogue's users connect with SASL_PLAINTEXT and their own passwords.
    listeners: [Listener.plainInternal({ authentication: ListenerAuthentication.scramSha512() }), Listener.internalTls()],
    superUsers: ['platform-admin'],
    // Replication 1 and min ISR 1 (the defaults for one broker), 3 partitions (the default); 3 days' retention.
    brokerDefaults: { retentionHours: 72 },
    rackAware: false,
  },
  monitoring: {
    team: 'kafka-platform',
    runbookBaseUrl: RUNBOOKS,
    // dev has no monitoring stack of its own: the platform installs one, which selects by its release name.
    kubePrometheusStack: { namespace: 'monitoring', retention: '3d' },
    // A single small broker: lag and latency matter less than in shared environments.
    thresholds: { consumerLagMessages: { warning: 50_000, critical: 500_000 }, produceLatencyP99Ms: { warning: 500, critical: 1000 } },
    // No on-call in dev: P1 and P2 reach engineering by email.
    alertRouting: ESCALATION,
  },
};

export const staging: EnvironmentConfig = {
  name: 'staging',
  production: false,
  kubernetes: { configPath: KUBE_CONFIG, context: 'kafka-staging' },
  topology: platformTopology('staging'),
  // State in a Secret of the cluster itself (kube-system/tfstate-default-kafka-staging), locked with a Lease.
  backend: { type: 'kubernetes', secretSuffix: 'kafka-staging' },
  namespace: 'kafka',
  operator: { install: true },
  cluster: {
    name: 'kafka-staging',
    version: '4.3.1',
    metadataVersion: '4.3-IV0',
    topology: NodeTopology.dedicated(
      {
        name: 'controllers',
        replicas: 3,
        storage: Storage.persistentClaim({ size: '20Gi' }),
        resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
        jvm: { heap: '1g' },
        spreadAcrossZones: true,
      },
      [
        {
          name: 'brokers',
          replicas: 3,
          storage: Storage.persistentClaim({ size: '200Gi' }),
          // CPU request without a limit: a CPU limit throttles a busy broker (CFS) while the node has idle cores.
          resources: { requests: { cpu: '1', memory: '8Gi' }, limits: { memory: '8Gi' } },
          jvm: { heap: '4g' },
          spreadAcrossZones: true,
        },
      ],
    ),
    listeners: [
      Listener.internalTls({ allowFrom: BROKER_CLIENTS }),
      Listener.internalTls({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.mutualTls(), allowFrom: BROKER_CLIENTS }),
    ],
    superUsers: ['platform-admin'],
    // Replication 3 and min ISR 2 (the defaults for three brokers), 7 days' retention (Kafka's default).
    brokerDefaults: { defaultPartitions: 6 },
    // Per-user defaults (the Kafka quotas plugin keeps each application's own KafkaUser quotas in force).
    quotas: { plugin: 'kafka', producerByteRate: 25 * 1024 * 1024, consumerByteRate: 50 * 1024 * 1024 },
    cruiseControl: {
      resources: { requests: { cpu: '200m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
      replicationThrottle: 25 * 1024 * 1024,
      // 1 Gbit/s nodes.
      brokerCapacity: { inboundNetwork: '125MB/s', outboundNetwork: '125MB/s' },
    },
    maintenanceTimeWindows: ['* * 2-4 ? * TUE'],
  },
  monitoring: {
    team: 'kafka-platform',
    runbookBaseUrl: RUNBOOKS,
    // Few topics here: per-partition series (topic sizes on disk) are affordable; prod keeps per-topic aggregates.
    perPartitionMetrics: true,
    // 200 GiB brokers recover their logs within minutes; no on-call pager for staging.
    thresholds: { brokerRecoveryMinutes: 15 },
    alertRouting: ESCALATION,
    slos: STAGING_SLOS,
    // The platform's Prometheus keeps 45 days: 30-day SLO windows and the 30-day capacity history fit in it, checked
    // at synth (set it to what your Prometheus really keeps; kube-prometheus-stack's default is 10 days).
    prometheusRetention: PLATFORM_PROMETHEUS_RETENTION,
    // Projections of disk, message rate and partitions 30/60/90 days ahead (the defaults: a 30-day trend).
    capacityPlanning: {},
  },
  // staging: backups and maintenance as in prod (to prove them before prod), no DR; load tests on demand.
  operations: {
    metadataBackup: { retentionDays: 7 },
    leaderElection: {},
    aclAudit: {},
    loadTests: [LoadTestProfile.baseline(), LoadTestProfile.stress()],
  },
};

/**
 * The shape of a production-scale cluster, shared by prod and dr: DR must carry prod's load after a
 * fail-over, so everything but the name, the listeners and the maintenance window is the same.
 */
const PRODUCTION_SCALE_CLUSTER = {
  version: '4.3.1',
  metadataVersion: '4.3-IV0',
  topology: NodeTopology.dedicated(
    {
      name: 'controllers',
      replicas: 3,
      storage: Storage.persistentClaim({ size: '50Gi', storageClass: 'ssd' }),
      resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { cpu: '2', memory: '4Gi' } },
      jvm: { heap: '2g' },
      spreadAcrossZones: true,
    },
    [
      {
        name: 'brokers',
        replicas: 6,
        storage: Storage.persistentClaim({ size: '1Ti', storageClass: 'ssd' }),
        // The guide's broker heap: -Xms8g -Xmx8g (Kafka's own G1 defaults already have the 20 ms pause target);
        // the rest of the memory is page cache. CPU request without a limit: no CFS throttling of a busy broker.
        resources: { requests: { cpu: '4', memory: '24Gi' }, limits: { memory: '24Gi' } },
        jvm: { heap: '8g' },
        spreadAcrossZones: true,
      },
    ],
  ),
  superUsers: ['platform-admin'],
  // Replication 3 and min ISR 2 (the defaults from three brokers up, which the production guardrails require),
  // 7 days' retention (Kafka's default).
  brokerDefaults: { defaultPartitions: 12 },
  // A floor per user and broker; applications with their own KafkaUser quotas keep them.
  quotas: { plugin: 'kafka', producerByteRate: 50 * 1024 * 1024, consumerByteRate: 100 * 1024 * 1024 },
  drainCleaner: true,
  priorityClassName: KAFKA_PRIORITY_CLASS,
  entityOperatorResources: { requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  kafkaExporter: { resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } },
  cruiseControl: {
    resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } },
    // Scale-up/down moves up to 1 TiB per broker: 100 MiB/s leaves most of the 10 Gbit/s to clients.
    replicationThrottle: 100 * 1024 * 1024,
    brokerCapacity: { inboundNetwork: '1250MB/s', outboundNetwork: '1250MB/s' },
  },
  // The CAs keep Strimzi's defaults (365 days, renewal 30 days before expiry, within the maintenance windows).
} as const satisfies Omit<EnvironmentConfig['cluster'], 'name'>;

/** The operator of a production-scale environment: Drain Cleaner and the platform's priority class. */
const PRODUCTION_SCALE_OPERATOR = {
  install: true,
  resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  // Node drains (Kubernetes upgrades) go through the operator, which keeps every partition in sync.
  drainCleaner: {},
  priorityClass: { name: KAFKA_PRIORITY_CLASS, value: 1_000_000 },
} as const satisfies EnvironmentConfig['operator'];

/**
 * The disaster-recovery cluster: prod's shape (it must carry prod's load after a fail-over) on its own
 * Kubernetes cluster. MirrorMaker 2 of prod writes to it through the `repl` listener: a load balancer open
 * only to prod's egress addresses, TLS with a stable DNS name, SCRAM-SHA-512 as `kafka-prod-mirror`.
 * Topics arrive from prod with their names and configs; no topics are declared here (see docs/disaster-recovery.md).
 */
const PROD_EGRESS = ['10.20.0.0/16'];
export const dr: EnvironmentConfig = {
  name: 'dr',
  production: true,
  kubernetes: { configPath: KUBE_CONFIG, context: 'kafka-dr' },
  // The platform's administrator only: its super user needs credentials here too (runbooks, fail-over checks).
  topology: adminOnlyTopology(),
  // State in a Secret of the DR cluster itself, as in prod.
  backend: { type: 'kubernetes', secretSuffix: 'kafka-dr' },
  namespace: 'kafka',
  operator: PRODUCTION_SCALE_OPERATOR,
  cluster: {
    name: 'kafka-dr',
    // prod's shape and versions: upgraded in step with prod (a metadata version never runs ahead of the cluster it replicates from).
    ...PRODUCTION_SCALE_CLUSTER,
    listeners: [
      Listener.internalTls({ allowFrom: BROKER_CLIENTS }),
      Listener.external({ name: 'repl', type: 'loadbalancer', port: 9095, bootstrapHost: 'kafka-dr-bootstrap.dr.example.org', sourceRanges: PROD_EGRESS }),
    ],
    // Not prod's window: the two clusters never roll at the same time.
    maintenanceTimeWindows: ['* * 2-4 ? * SAT'],
  },
  monitoring: {
    team: 'kafka-platform',
    runbookBaseUrl: RUNBOOKS,
    thresholds: { brokerRecoveryMinutes: 30 },
    alertRouting: { ...ESCALATION, onCallWebhookUrlSecret: { name: 'alertmanager-pager', key: 'webhook-url' } },
    // It carries prod's load after a fail-over: prod's objectives, budgets and projections.
    slos: GUIDE_SLOS,
    // The platform's Prometheus keeps 45 days: 30-day SLO windows and the 30-day capacity history fit in it, checked
    // at synth (set it to what your Prometheus really keeps; kube-prometheus-stack's default is 10 days).
    prometheusRetention: PLATFORM_PROMETHEUS_RETENTION,
    capacityPlanning: {},
  },
  operations: {
    metadataBackup: { volume: { size: '20Gi', storageClass: 'ssd' }, s3: { bucket: 'example-org-kafka-dr-backups', region: 'eu-central-1' } },
  },
  disasterRecovery: { role: 'target', listenerName: 'repl', mirrorUserName: 'kafka-prod-mirror' },
};

/**
 * The topic backup's connector plugin: Lenses stream-reactor's AWS S3 sink and source (Apache-2.0), the release zip
 * from GitHub. The SHA-512 below is a PLACEHOLDER: it could not be computed where this was written (no internet).
 * Strimzi refuses to build with a wrong checksum, so until the platform team pins the digest of the zip they vetted
 * (`curl -sL <url> | sha512sum`), the backup's Connect build fails loudly (KafkaConnectDown) and never runs an
 * unverified plugin; the guardrail KP-PROD-PLUGIN-CHECKSUM warns at every synth meanwhile.
 */
const BACKUP_PLUGIN = ConnectorPlugin.streamReactorAwsS3({ version: '11.7.2', sha512sum: '0'.repeat(128) });

export const prod: EnvironmentConfig = {
  name: 'prod',
  production: true,
  kubernetes: { configPath: KUBE_CONFIG, context: 'kafka-prod' },
  topology: platformTopology('prod'),
  // State in a Secret of the cluster itself (kube-system/tfstate-default-kafka-prod), locked with a Lease.
  backend: { type: 'kubernetes', secretSuffix: 'kafka-prod' },
  namespace: 'kafka',
  operator: PRODUCTION_SCALE_OPERATOR,
  cluster: {
    name: 'kafka-prod',
    ...PRODUCTION_SCALE_CLUSTER,
    listeners: [
      Listener.internalTls({ allowFrom: BROKER_CLIENTS }),
      Listener.internalTls({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.mutualTls(), allowFrom: BROKER_CLIENTS }),
    ],
    // Certificate renewals roll brokers: only early Sunday mornings (UTC).
    maintenanceTimeWindows: ['* * 2-4 ? * SUN'],
  },
  // The operations guide's SLO table and scaling triggers are the defaults (lib/core/monitoring/thresholds.ts).
  monitoring: {
    team: 'kafka-platform',
    runbookBaseUrl: RUNBOOKS,
    thresholds: {
      // Log recovery of a 1 TiB broker volume after an unclean restart takes tens of minutes: a broker in
      // log recovery pages 30 minutes after its restart (one that cannot be recovering within 5), and a roll
      // counts as in progress 30 minutes after a pod restarted.
      brokerRecoveryMinutes: 30,
    },
    // P1/P2 also page the L3 on-call through the pager's webhook.
    alertRouting: { ...ESCALATION, onCallWebhookUrlSecret: { name: 'alertmanager-pager', key: 'webhook-url' } },
    // MirrorMaker 2 is monitored because it runs (operations.replication).
    // The guide's objectives: 99.99 % availability, produce p99 under 100 ms (for 99.9 % of the traffic), over 30 days.
    slos: GUIDE_SLOS,
    // The platform's Prometheus keeps 45 days: 30-day SLO windows and the 30-day capacity history fit in it, checked
    // at synth (set it to what your Prometheus really keeps; kube-prometheus-stack's default is 10 days).
    prometheusRetention: PLATFORM_PROMETHEUS_RETENTION,
    // The guide's projections 30/60/90 days ahead against its scaling triggers (thresholds.capacity), fitted on 30 days.
    capacityPlanning: {},
  },
  // The guide's backup strategy: metadata every 6 h kept 30 days, weekly volume snapshots kept 4 weeks, topic data
  // to object storage kept 7 days (restorable as of a time), and replication to the DR cluster. No load tests in prod.
  operations: {
    // Backups leave the cluster (KP-PROD-OFFCLUSTER-BACKUPS): a bucket of the backup account, versioned with
    // object lock, written through the backup ServiceAccount's workload identity; the volume keeps a local copy.
    metadataBackup: { volume: { size: '20Gi', storageClass: 'ssd' }, s3: { bucket: 'example-org-kafka-prod-backups', region: 'eu-west-1' } },
    volumeSnapshots: { snapshotClass: 'csi-snapclass' },
    replication: {
      // Its target is the DR link's (disasterRecovery below): the endpoint from the DR environment's code, the CA
      // and credentials copied at deploy time.
      replicas: 2,
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } },
    },
    leaderElection: {},
    manualRebalance: {},
    aclAudit: {},
    // The guide's "topic data daily at 2 AM, kept 7 days": a continuous copy of the catalogue's business topics (the
    // compacted order status included) in the backup bucket, with a recovery point objective of 24 hours, kept 7 days
    // by the bucket's lifecycle (the stack's bucket-lifecycle output), restorable into new topics; a weekly drill.
    topicBackup: {
      topics: platformBackupTopics('prod'),
      s3: { bucket: 'example-org-kafka-prod-backups', region: 'eu-west-1', credentialsSecret: 'kafka-prod-backup-s3' },
      plugin: BACKUP_PLUGIN,
      // The platform's registry; the push Secret (kubernetes.io/dockerconfigjson) is created outside this code.
      image: { registry: 'registry.example.org/kafka-platform', pushSecret: 'kafka-connect-build-push' },
      retentionDays: 7,
      recoveryPointHours: 24,
      connect: { replicas: 2, resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } }, heap: '1g' },
      drill: {},
    },
  },
  // prod replicates to dr: the DR CA and MirrorMaker 2 credentials are read from the DR cluster at deploy time.
  disasterRecovery: { role: 'source', target: dr },
};

/** The egress addresses of the DR cluster's nodes: the only clients of prod's fail-back listener. */
const DR_EGRESS = ['10.30.0.0/16'];

/**
 * Where production runs (docs/disaster-recovery.md): `'replicating'` normally, prod serving and replicating to
 * dr; `'failed-over'` after a fail-over, dr serving; `'failing-back'` while dr mirrors back to the rebuilt prod.
 * The one line an operator changes for a fail-over or a fail-back; prod and dr above stay as they are.
 */
export const DISASTER_RECOVERY_STATE: DisasterRecoveryState = 'replicating';

/** prod and its DR environment, as `disasterRecoveryEnvironments` derives the states from them. */
export const DR_PAIR: DisasterRecoveryPair = {
  primary: prod,
  standby: dr,
  // Opened on prod only while failing back: dr's MirrorMaker 2 writes to prod through it.
  failBackListener: Listener.external({ name: 'repl', type: 'loadbalancer', port: 9095, bootstrapHost: 'kafka-prod-bootstrap.prod.example.org', sourceRanges: DR_EGRESS }),
};

export const ENVIRONMENTS: readonly EnvironmentConfig[] = [dev, staging, ...disasterRecoveryEnvironments(DISASTER_RECOVERY_STATE, DR_PAIR)];
