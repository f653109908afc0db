import { Construct } from 'constructs';
import { ITerraformDependable, TerraformOutput } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { ConnectImageRegistry, KafkaConnect } from '../connect/kafka-connect';
import { KafkaTopic } from '../topics/kafka-topic';
import { ResourceRequirements } from '../core/kubernetes';
import { WatchedBackupConnector, WatchedRestoreDrill } from '../core/monitoring/monitoring-spec';
import {
  backupBase,
  BackedUpTopic,
  backupSinkConfig,
  DEFAULT_BACKUP_FLUSH_INTERVAL_MINUTES,
  DEFAULT_PROBE_SCHEDULE,
  DEFAULT_RECOVERY_POINT_HOURS,
  DEFAULT_TOPIC_BACKUP_RETENTION_DAYS,
  topicBackupLifecycle,
  TopicBackupSpec,
  validateTopicBackup,
} from '../core/operations/topic-backup';
import { WorkloadNames } from '../core/operations/workload-names';
import { validateCronSchedule } from '../core/operations/cron';
import { ConnectorPlugin, STREAM_REACTOR_S3_SINK } from '../core/strimzi/connect';
import { CONNECTOR_ROLE_LABEL, sinkConsumerGroup } from '../core/strimzi/connector';
import { AclResources, allow } from '../core/strimzi/acl';
import { kafkaTopicName } from '../core/objects';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RESOURCES_SHAPE } from '../core/resources';
import { uniqueChildId, Validator } from '../core/validation';
import { kafkaCliJob, kafkaCliStep } from '../workloads/kafka-cli-job';
import { BatchWorkload } from '../workloads/batch-workload';
import { S3BackupTarget } from './backup-storage';
import { backupStorage, RestoreContext } from './restore-workload';
import { RestoreDrill, RestoreDrillOptions } from './restore-drill';
import { TopicRestore, TopicRestoreOptions } from './topic-restore';

/** Retention, recovery point and flush interval as the core spec defines them (`TopicBackupSpec`). */
export interface TopicBackupProps extends Pick<TopicBackupSpec, 'retentionDays' | 'compactedRetentionDays' | 'recoveryPointHours' | 'flushIntervalMinutes'> {
  readonly cluster: IKafkaCluster;
  /** The topics declared on the cluster (e.g. `KafkaTopology.topics`): the backup selects among them. */
  readonly declaredTopics: readonly KafkaTopic[];
  /** Topics to back up, by name. @default [] */
  readonly topics?: readonly string[];
  /** Owner groups whose topics are all backed up (the `kafka-platform/owner` label of `KafkaTopology`). @default [] */
  readonly groups?: readonly string[];
  /** The bucket (S3 or S3-compatible). Credentials: `credentialsSecret`, or the Connect pods' workload identity. */
  readonly s3: S3BackupTarget;
  /** The sink and source plugin, pinned (`ConnectorPlugin.streamReactorAwsS3({ version, sha512sum })`). */
  readonly plugin: ConnectorPlugin;
  /** Registry of the Connect image Strimzi builds. @default - ttl.sh (development only; production refuses it) */
  readonly image?: ConnectImageRegistry;
  /** Worker pods, resources and heap of the backup's KafkaConnect. @default 2 workers */
  readonly connect?: { readonly replicas?: number; readonly resources?: ResourceRequirements; readonly heap?: string };
  /** Schedule of the probe writer (one record to the probe topic). @default '47 * * * *' (hourly) */
  readonly probeSchedule?: string;
  /** The restore drill (opt-in). @default - no drill */
  readonly drill?: RestoreDrillOptions;
  /** Restores of backed-up topics into new topics (one-off Jobs, dry-run by default). @default [] */
  readonly restores?: readonly TopicRestoreOptions[];
  /** @default `<cluster>-topic-backup` */
  readonly releaseName?: string;
  readonly listenerName?: string;
  /** Export Connect metrics through the library's rules (the monitoring alerts on them). @default false */
  readonly metrics?: boolean;
  /** Production: topics deletion-protected, the release protected from destroy. @default false */
  readonly production?: boolean;
  readonly kubectlImage?: string;
  readonly awsCliImage?: string;
  readonly dependsOn?: ITerraformDependable[];
}


/**
 * Topic data backup to object storage: a dedicated KafkaConnect (so no other connector shares the workers' read
 * access to every backed-up topic) runs Lenses stream-reactor's S3 sink over the selected topics, compacted ones
 * included, storing every record with its key, value, headers, partition, offset and timestamp, one object per
 * partition and flush named by its offsets and time range. The retention is the bucket's lifecycle (an output of
 * the stack: the bucket is not managed here); `KafkaTopicBackupBehind` alerts when the sink stops committing. With
 * `drill`, a probe topic written hourly is restored weekly into a scratch topic and verified; `restores` declare
 * restores into new topics.
 */
/** The declared names an error lists: at most ten (an estate has thousands), with how many more there are. */
function declaredList(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

export class TopicBackup extends Construct {
  public readonly release: CustomResourceRelease;
  public readonly connect: KafkaConnect;
  /** The backed-up topics (the probe included). */
  public readonly topics: readonly BackedUpTopic[];
  public readonly connectorName: string;
  /** What the monitoring watches: the sink's consumer group and its flush interval. */
  public readonly watched: WatchedBackupConnector;
  public readonly drill?: RestoreDrill;
  public readonly watchedDrill?: WatchedRestoreDrill;
  public readonly restores: readonly TopicRestore[];
  public readonly probe?: BatchWorkload;
  /** The bucket lifecycle configuration that enforces the retention (also a Terraform output). */
  public readonly lifecycle: ReturnType<typeof topicBackupLifecycle>;

  constructor(scope: Construct, id: string, props: TopicBackupProps) {
    super(scope, uniqueChildId(scope, id, 'TopicBackup'));
    refuseBadShapeAt(this.node.path, props, TOPIC_BACKUP_SHAPE);
    const { cluster } = props;
    const c = cluster.clusterName;
    const v = new Validator(this.node.path);
    const onCluster = props.declaredTopics.filter((t) => t.manifest.metadata.namespace === cluster.namespace && t.manifest.metadata.labels?.['strimzi.io/cluster'] === c);
    const byName = new Map(onCluster.map((t) => [t.topicName, t]));
    const declared = declaredList([...byName.keys()].sort());
    (props.topics ?? []).forEach((name, i) => v.check(byName.has(name), `topics[${i}]`, name, `a topic declared on cluster ${c} (declared: ${declared}); a backup of a topic nobody declares would back up nothing`));
    const groups = [...new Set(onCluster.map((t) => t.manifest.metadata.labels?.['kafka-platform/owner']).filter((g): g is string => g !== undefined))].sort();
    (props.groups ?? []).forEach((g, i) => v.check(groups.includes(g), `groups[${i}]`, g, `an owner group with topics on cluster ${c}: ${groups.join(', ') || 'none'}`));
    if (props.probeSchedule !== undefined) validateCronSchedule(v, 'probeSchedule', props.probeSchedule);
    // The plugin's problems (a missing checksum) are reported here with the rest, not only by the Connect later.
    props.plugin.validate(v, 'plugin');

    const selected = onCluster.filter((t) => (props.topics ?? []).includes(t.topicName) || (props.groups ?? []).includes(t.manifest.metadata.labels?.['kafka-platform/owner'] ?? ''));
    const probeName = WorkloadNames.backupProbe(c);
    const scratchName = WorkloadNames.restoreDrillScratch(c);
    const compacted = (t: KafkaTopic) => (t.manifest.spec as { config?: Record<string, unknown> }).config?.['cleanup.policy'] === 'compact';
    const topics: BackedUpTopic[] = [
      ...selected.map((t) => ({ name: kafkaTopicName(t.manifest), compacted: compacted(t) })).sort((a, b) => (a.name < b.name ? -1 : 1)), // code-unit order: localeCompare loads ICU's collator
      ...(props.drill ? [{ name: probeName, compacted: false }] : []),
    ];
    const spec: TopicBackupSpec = {
      cluster: c,
      storage: backupStorage(props.s3),
      topics,
      retentionDays: props.retentionDays,
      compactedRetentionDays: props.compactedRetentionDays,
      recoveryPointHours: props.recoveryPointHours,
      flushIntervalMinutes: props.flushIntervalMinutes,
    };
    validateTopicBackup(v, spec);
    v.throwIfAny();

    this.topics = topics;
    this.release = new CustomResourceRelease(this, 'release', {
      releaseName: props.releaseName ?? WorkloadNames.topicBackup(c),
      namespace: cluster.namespace,
      dependsOn: [...(props.dependsOn ?? []), ...cluster.dependables],
      preventDestroy: props.production,
    });
    const retentionDays = props.retentionDays ?? DEFAULT_TOPIC_BACKUP_RETENTION_DAYS;
    if (props.drill) {
      // The probe outlives its backup, so the drill can compare every restored record with its source.
      new KafkaTopic(this, 'probe-topic', { cluster, release: this.release, production: props.production, name: probeName, partitions: 1, retentionMs: (retentionDays + 1) * 86_400_000, messageTimestampType: 'CreateTime' });
      new KafkaTopic(this, 'scratch-topic', { cluster, release: this.release, production: props.production, name: scratchName, partitions: 1, retentionMs: retentionDays * 86_400_000, messageTimestampType: 'CreateTime' });
    }
    const restores = props.restores ?? [];
    this.connectorName = WorkloadNames.topicBackup(c);
    this.connect = new KafkaConnect(this, 'connect', {
      cluster,
      release: this.release,
      name: WorkloadNames.backupConnect(c),
      plugins: [props.plugin],
      image: props.image,
      replicas: props.connect?.replicas,
      resources: props.connect?.resources,
      heap: props.connect?.heap,
      listenerName: props.listenerName,
      metrics: props.metrics,
      production: props.production,
      env: props.s3.credentialsSecret ? ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].map((key) => ({ name: key, secretName: props.s3.credentialsSecret!, key })) : undefined,
      connectors: [
        {
          name: this.connectorName,
          type: 'sink',
          className: STREAM_REACTOR_S3_SINK,
          topics: topics.map((t) => t.name),
          // One task per 12 partitions, at most 8: each task writes its partitions' files.
          tasksMax: Math.min(8, Math.max(1, Math.ceil(selected.reduce((n, t) => n + ((t.manifest.spec as { partitions: number }).partitions ?? 1), props.drill ? 1 : 0) / 12))),
          config: backupSinkConfig(spec),
          labels: { [CONNECTOR_ROLE_LABEL]: 'topic-backup' },
        },
      ],
      // The restores' and the drill's connectors write these.
      runtimeSourceTopics: [...restores.map((r) => r.targetTopic), ...(props.drill ? [scratchName] : [])],
    });
    this.watched = {
      connector: this.connectorName,
      consumerGroup: sinkConsumerGroup(this.connectorName),
      flushIntervalMinutes: props.flushIntervalMinutes ?? DEFAULT_BACKUP_FLUSH_INTERVAL_MINUTES,
      recoveryPointHours: props.recoveryPointHours ?? DEFAULT_RECOVERY_POINT_HOURS,
    };
    this.lifecycle = topicBackupLifecycle(spec);
    new TerraformOutput(this, 'bucket-lifecycle', {
      value: JSON.stringify(this.lifecycle),
      description: `Lifecycle rules bucket ${props.s3.bucket} needs for the topic backup of ${c} (retention ${retentionDays} days); apply with aws s3api put-bucket-lifecycle-configuration, merged with the bucket's other rules`,
    });

    const context: RestoreContext = {
      cluster,
      release: this.release,
      connect: this.connect,
      s3: props.s3,
      listenerName: props.listenerName,
      kubectlImage: props.kubectlImage,
      awsCliImage: props.awsCliImage,
      dependsOn: [this.connect.release.release],
    };
    if (props.drill) {
      this.probe = kafkaCliJob(new Construct(this, 'probe'), {
        cluster,
        release: this.release,
        name: probeName,
        listenerName: props.listenerName,
        acls: [allow(AclResources.topic(probeName), ['Describe', 'Write'])],
        why: 'the probe writes one record an hour to its own topic',
        workloads: (client) => ({
          workload: {
            component: 'backup-probe',
            schedule: props.probeSchedule ?? DEFAULT_PROBE_SCHEDULE,
            steps: [kafkaCliStep('probe', 'backup-probe.sh', client, { env: [{ name: 'PROBE_TOPIC', value: probeName }] })],
            scripts: ['backup-probe.sh'],
            volumes: [...client.volumes],
            activeDeadlineSeconds: 600,
            backoffLimit: 1,
          },
        }),
      }).workloads.workload;
      this.drill = new RestoreDrill(this, 'drill', {
        ...props.drill,
        context,
        probeTopic: probeName,
        scratchTopic: scratchName,
        retentionDays,
        topicDataPrefix: `${backupBase(spec)}/topics`,
        recoveryPointHours: props.recoveryPointHours,
      });
      this.watchedDrill = this.drill.watched;
    }
    const liveTopics = onCluster.map((t) => t.topicName);
    const backedUp = selected.map((t) => ({ topic: topics.find((b) => b.name === t.topicName)!, declared: t }));
    this.restores = restores.map((r, i) => new TopicRestore(this, `restore-${typeof r?.name === 'string' ? r.name : i}`, { ...r, context, backedUp, liveTopics, production: props.production }));
  }
}

const TOPIC_BACKUP_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  declaredTopics: S.array(S.instance(KafkaTopic, 'a KafkaTopic')),
  topics: S.optional(S.array(S.string())),
  groups: S.optional(S.array(S.string())),
  s3: S.object({ bucket: S.string({ allowEmpty: true }), prefix: S.optional(S.string()), endpoint: S.optional(S.string()), region: S.optional(S.string()), credentialsSecret: S.optional(S.string()) }, 'an object with bucket'),
  plugin: S.instance(ConnectorPlugin, 'a ConnectorPlugin (ConnectorPlugin.streamReactorAwsS3({ version, sha512sum }))'),
  image: S.optional(S.object({ registry: S.string(), pushSecret: S.optional(S.string()) })),
  retentionDays: S.optional(S.numeric()),
  compactedRetentionDays: S.optional(S.numeric()),
  recoveryPointHours: S.optional(S.numeric()),
  flushIntervalMinutes: S.optional(S.numeric()),
  connect: S.optional(S.object({ replicas: S.optional(S.numeric()), resources: S.optional(RESOURCES_SHAPE), heap: S.optional(S.string()) })),
  probeSchedule: S.optional(S.string()),
  drill: S.optional(S.object({ schedule: S.optional(S.string()), maxRecoveryMinutes: S.optional(S.numeric()), maxRecoveryPointHours: S.optional(S.numeric()) })),
  restores: S.optional(
    S.array(
      S.object({
        name: S.string(),
        topic: S.string(),
        targetTopic: S.string(),
        from: S.optional(S.string()),
        until: S.optional(S.string()),
        partitions: S.optional(S.array(S.numeric())),
        mode: S.optional(S.string()),
        liveTopicAcknowledgement: S.optional(S.string()),
        timeoutMinutes: S.optional(S.numeric()),
        sourcePrefix: S.optional(S.string()),
      }),
    ),
  ),
  releaseName: S.optional(S.string()),
  listenerName: S.optional(S.string()),
  metrics: S.optional(S.boolean()),
  production: S.optional(S.boolean()),
});
