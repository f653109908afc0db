import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { EnvVar, PolicyRule, SCRIPTS_PATH, WorkloadStep, WorkloadVolume } from '../core/operations/workload-model';
import { DEFAULT_AWS_CLI_IMAGE, DEFAULT_KUBECTL_IMAGE, KAFKA_CLI_RESOURCES, TOOL_RESOURCES } from '../core/operations/images';
import { isStorageSize, STORAGE_SIZE_RULE } from '../core/quantity';
import { watchedBackupCronJob, DEFAULT_METADATA_BACKUP_SCHEDULE, validateBackupRetention } from '../core/operations/backup-schedules';
import { WatchedCronJob } from '../core/monitoring/monitoring-spec';
import { AclResources, allow } from '../core/strimzi/acl';
import { kafkaImage } from '../core/strimzi/versions';
import { isS3BucketName, S3_BUCKET_RULE } from '../core/names';
import { WorkloadNames } from '../core/operations/workload-names';
import { clientsCaCertSecret, clientsCaKeySecret, clusterCaCertSecret, clusterCaKeySecret } from '../core/strimzi/operator-names';
import { BatchWorkload } from '../workloads/batch-workload';
import { kafkaCliJob } from '../workloads/kafka-cli-job';
import { BackupVolumeOptions, S3BackupTarget, s3Env } from './backup-storage';
import { CLUSTER_REF_SHAPE, refuseBadShapeAt, S } from '../core/shape';
import { RELEASE_SHAPE } from '../delivery/custom-resource-release';
import { KubernetesPersistentVolumeClaim } from '../delivery/kubernetes-resources';
import { platformLabels } from '../core/kubernetes';

export interface MetadataBackupProps {
  readonly cluster: IKafkaCluster;
  /** Release that carries the backup KafkaUser. */
  readonly release: CustomResourceRelease;
  /** @default '0 *\/6 * * *' (every 6 hours, as in the operations guide) */
  readonly schedule?: string;
  /** Days a backup is kept (on the volume and in S3); must keep at least two runs of the schedule. @default 30 */
  readonly retentionDays?: number;
  /** The PersistentVolumeClaim backups are written to; `false` for S3 only. @default { size: '10Gi' } */
  readonly volume?: BackupVolumeOptions | false;
  /**
   * Also copy every backup to object storage, outside the cluster it protects (production requires it:
   * guardrail KP-PROD-OFFCLUSTER-BACKUPS). @default - volume only
   */
  readonly s3?: S3BackupTarget;
  /** Refuse plans that destroy or replace the backup volume (`prevent_destroy`). @default false */
  readonly preventDestroy?: boolean;
  /**
   * Also save the CA private keys (`<cluster>-cluster-ca`, `<cluster>-clients-ca`). Whoever can read
   * the backup can then impersonate brokers and clients: enable only with encrypted, access-controlled storage.
   * @default false
   */
  readonly includeCaPrivateKeys?: boolean;
  /** Listener the tools connect to. @default - the first internal TLS listener with authentication */
  readonly listenerName?: string;
  /** @default DEFAULT_KUBECTL_IMAGE */
  readonly kubectlImage?: string;
  /** @default DEFAULT_AWS_CLI_IMAGE */
  readonly awsCliImage?: string;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Metadata backup every 6 hours: consumer group offsets, topics and their configs, ACLs, broker
 * configs, and the Kafka, KafkaNodePool, KafkaTopic and KafkaUser resources with the CA certificates,
 * as timestamped files with checksums. Runs as its own read-only KafkaUser over TLS.
 *
 * The CronJob is named `<cluster>-metadata-backup`: the monitoring module alerts on
 * `kube_cronjob_status_last_successful_time` for that name.
 */
export class MetadataBackup extends Construct {
  public readonly cronJobName: string;
  /** The CronJob and when it is overdue (its schedule's longest gap plus the run allowance), for the backup alert. */
  public readonly watched: Required<WatchedCronJob>;
  public readonly userName: string;
  /** Claim holding the backups, when written to a volume. */
  public readonly claimName?: string;
  public readonly workload: BatchWorkload;

  constructor(scope: Construct, id: string, props: MetadataBackupProps) {
    super(scope, id);
    refuseBadShapeAt(this.node.path, props, METADATA_BACKUP_SHAPE);
    const { cluster } = props;
    const name = WorkloadNames.metadataBackup(cluster.clusterName);
    const retentionDays = props.retentionDays ?? 30;
    const volume = props.volume === false ? undefined : props.volume ?? {};
    const schedule = props.schedule ?? DEFAULT_METADATA_BACKUP_SCHEDULE;
    const common: EnvVar[] = [
      { name: 'CLUSTER_NAME', value: cluster.clusterName },
      { name: 'NAMESPACE', value: cluster.namespace },
      { name: 'WORK_DIR', value: '/work' },
      { name: 'RETENTION_DAYS', value: String(retentionDays) },
    ];
    const job = kafkaCliJob(this, {
      ...props,
      name,
      schedule,
      // Read-only: Describe and DescribeConfigs on the cluster, topics and groups; nothing that writes.
      acls: [
        allow(AclResources.cluster(), ['Describe', 'DescribeConfigs']),
        allow(AclResources.topic('*'), ['Describe', 'DescribeConfigs']),
        allow(AclResources.group('*'), ['Describe']),
      ],
      why: 'the backup reads the metadata of every topic and group: Describe and DescribeConfigs only, no data',
      check: (v) => {
        v.integer('retentionDays', retentionDays, 1, 3650);
        validateBackupRetention(v, schedule, retentionDays);
        v.check(volume !== undefined || props.s3 !== undefined, 'volume', props.volume, 'a volume or an s3 target (a backup must be written somewhere)');
        if (volume?.size !== undefined) v.check(isStorageSize(volume.size), 'volume.size', volume.size, STORAGE_SIZE_RULE);
        if (props.s3) v.check(isS3BucketName(props.s3.bucket), 's3.bucket', props.s3.bucket, S3_BUCKET_RULE);
      },
      // The claim binds when the first backup pod is scheduled (WaitForFirstConsumer classes).
      prepare: () =>
        volume
          ? [
              new KubernetesPersistentVolumeClaim(this, 'volume', {
                metadata: { name, namespace: cluster.namespace, labels: platformLabels('metadata-backup') },
                spec: { accessModes: ['ReadWriteOnce'], storageClassName: volume.storageClass, resources: { requests: { storage: volume.size ?? '10Gi' } } },
                waitUntilBound: false,
                lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
              }),
            ]
          : [],
      workloads: (client) => {
        const volumes: WorkloadVolume[] = [{ name: 'work', source: { type: 'emptyDir', sizeLimit: '1Gi' } }, ...client.volumes];
        const kafkaEnv: EnvVar[] = [...common, ...client.env];
        const kafkaMounts = [{ volume: 'work', path: '/work', readOnly: false }, ...client.mounts];
        if (volume) {
          volumes.push({ name: 'backups', source: { type: 'persistentVolumeClaim', claimName: name } });
          kafkaEnv.push({ name: 'BACKUP_ROOT', value: '/backups' });
          kafkaMounts.push({ volume: 'backups', path: '/backups', readOnly: false });
        }
        const steps: WorkloadStep[] = [
          {
            name: 'export-resources',
            image: props.kubectlImage ?? DEFAULT_KUBECTL_IMAGE,
            command: ['/bin/sh', `${SCRIPTS_PATH}/export-resources.sh`],
            env: [...common, { name: 'INCLUDE_CA_KEYS', value: String(props.includeCaPrivateKeys ?? false) }],
            mounts: [{ volume: 'work', path: '/work', readOnly: false }],
            resources: TOOL_RESOURCES,
          },
          { name: 'kafka-metadata', image: kafkaImage(), command: ['/bin/bash', `${SCRIPTS_PATH}/metadata-backup.sh`], env: kafkaEnv, mounts: kafkaMounts, resources: KAFKA_CLI_RESOURCES },
        ];
        if (props.s3) steps.push(s3UploadStep(props.s3, common, cluster.clusterName, props.awsCliImage));
        return {
          workload: {
            component: 'metadata-backup',
            steps,
            volumes,
            scripts: ['metadata-backup.sh', 'prune-backups.sh', 'export-resources.sh', ...(props.s3 ? (['s3-upload.sh'] as const) : [])],
            rbac: backupRbac(cluster.clusterName, props.includeCaPrivateKeys ?? false),
          },
        };
      },
    });
    this.cronJobName = name;
    this.userName = name;
    this.claimName = volume ? name : undefined;
    this.watched = watchedBackupCronJob(name, schedule);
    this.workload = job.workloads.workload;
  }
}

/** What the backup reads through the Kubernetes API: the cluster's resources and its CA Secrets (keys only when asked). */
function backupRbac(cluster: string, includeCaKeys: boolean): PolicyRule[] {
  const caSecrets = [clusterCaCertSecret(cluster), clientsCaCertSecret(cluster)];
  if (includeCaKeys) caSecrets.push(clusterCaKeySecret(cluster), clientsCaKeySecret(cluster));
  return [
    { apiGroups: ['kafka.strimzi.io'], resources: ['kafkas'], verbs: ['get'], resourceNames: [cluster] },
    { apiGroups: ['kafka.strimzi.io'], resources: ['kafkanodepools', 'kafkatopics', 'kafkausers'], verbs: ['get', 'list'] },
    { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: caSecrets },
  ];
}

/** The step copying the run's files to object storage, outside the cluster. */
function s3UploadStep(s3: S3BackupTarget, common: EnvVar[], cluster: string, image: string | undefined): WorkloadStep {
  const env: EnvVar[] = [
    ...common,
    ...s3Env(s3, cluster),
  ];
  return {
    name: 's3-upload',
    image: image ?? DEFAULT_AWS_CLI_IMAGE,
    command: ['/bin/sh', `${SCRIPTS_PATH}/s3-upload.sh`],
    env,
    mounts: [{ volume: 'work', path: '/work' }],
    resources: TOOL_RESOURCES,
  };
}

/** What the construct reads before validating values. */
const METADATA_BACKUP_SHAPE = S.object({
  cluster: CLUSTER_REF_SHAPE,
  release: RELEASE_SHAPE,
  schedule: S.optional(S.string()),
  retentionDays: S.optional(S.numeric()),
  volume: S.optional(S.either([{ when: (x) => x === false, shape: S.oneOf([false]) }, { when: () => true, shape: S.object({ size: S.optional(S.string()), storageClass: S.optional(S.string()) }) }], 'false or an object with size and storageClass')),
  s3: S.optional(S.object({ prefix: S.optional(S.string()), endpoint: S.optional(S.string()), region: S.optional(S.string()), credentialsSecret: S.optional(S.string()) }, 'an object with bucket')),
  includeCaPrivateKeys: S.optional(S.boolean()),
  listenerName: S.optional(S.string()),
  kubectlImage: S.optional(S.string()),
  awsCliImage: S.optional(S.string()),
});
