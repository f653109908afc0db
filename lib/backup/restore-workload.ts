import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IKafkaCluster } from '../cluster/kafka-cluster-ref';
import { CustomResourceRelease } from '../delivery/custom-resource-release';
import { KafkaConnect } from '../connect/kafka-connect';
import { EnvVar, PolicyRule, SCRIPTS_PATH, WorkloadStep } from '../core/operations/workload-model';
import { DEFAULT_AWS_CLI_IMAGE, DEFAULT_KUBECTL_IMAGE, TOOL_RESOURCES } from '../core/operations/images';
import { BackedUpTopic, restoreSourceConfig, restoreStagingBase, topicDataPrefix, TopicBackupStorage } from '../core/operations/topic-backup';
import { buildKafkaConnector, CONNECTOR_ROLE_LABEL } from '../core/strimzi/connector';
import { STREAM_REACTOR_S3_SOURCE } from '../core/strimzi/connect';
import { AclResources, allow } from '../core/strimzi/acl';
import { Validator } from '../core/validation';
import { kafkaCliJob, kafkaCliStep, KafkaCliJob } from '../workloads/kafka-cli-job';
import { S3BackupTarget, s3Env } from './backup-storage';

/** What a restore or drill needs of the topic backup it reads. */
export interface RestoreContext {
  readonly cluster: IKafkaCluster;
  readonly release: CustomResourceRelease;
  readonly connect: KafkaConnect;
  readonly s3: S3BackupTarget;
  readonly listenerName?: string;
  readonly kubectlImage?: string;
  readonly awsCliImage?: string;
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** One run's inputs: the same steps restore a topic for an operator and restore the probe for a drill. */
export interface RestoreRun {
  /** Job/CronJob, KafkaUser and source connector name. */
  readonly name: string;
  readonly topic: BackedUpTopic;
  readonly target: string;
  readonly mode: 'dry-run' | 'execute';
  /** Environment of the stage step: the selection (PARTITIONS, FROM_MS, UNTIL_MS or FROM_AGE_SECONDS, RUN_ID, LIFECYCLE_*). */
  readonly selection: readonly EnvVar[];
  /** Environment of the verify step (CHECKSUM_SOURCE, MAX_RECOVERY_*). */
  readonly verification: readonly EnvVar[];
  /** The target is the drill's scratch topic, emptied first. */
  readonly scratch: boolean;
  /** Seconds the connector may take to run, and the records to arrive. */
  readonly timeoutSeconds: number;
  /** A schedule makes it a CronJob (the drill). */
  readonly schedule?: string;
  readonly check?: (v: Validator) => void;
  readonly why: string;
}

/** The storage of the core's layout from the library's S3 target. */
export function backupStorage(s3: S3BackupTarget): TopicBackupStorage {
  return { bucket: s3.bucket, prefix: s3.prefix, region: s3.region, endpoint: s3.endpoint };
}

/**
 * A restore as one Job (or the drill's CronJob), five steps in order: stage the records from object storage (AWS
 * CLI), note the target's end offsets (emptying the drill's scratch topic), create the source connector on the
 * backup's KafkaConnect (kubectl), wait for and verify the records (Kafka CLI), delete the connector. It runs as
 * its own KafkaUser (Describe on both topics, Read on the source for the checksum, Delete on the scratch topic to
 * empty it) and its own Role (the one KafkaConnector it creates).
 */
export function restoreWorkload(scope: Construct, ctx: RestoreContext, run: RestoreRun): KafkaCliJob {
  const { cluster } = ctx;
  const storage = backupStorage(ctx.s3);
  const spec = { cluster: cluster.clusterName, storage };
  const stagingPrefix = `${restoreStagingBase(spec)}/${run.name}/${run.topic.name}`;
  const connector = buildKafkaConnector({
    name: run.name,
    namespace: cluster.namespace,
    connectName: ctx.connect.connectName,
    className: STREAM_REACTOR_S3_SOURCE,
    tasksMax: 1,
    // The run id is known only when the stage step ran: restore-load.sh replaces the placeholder.
    config: restoreSourceConfig(storage, `${stagingPrefix}/__RUN__`, run.target),
    // A failed restore is looked at, not restarted into the same staged objects.
    autoRestart: false,
    labels: { [CONNECTOR_ROLE_LABEL]: run.scratch ? 'restore-drill' : 'topic-restore' },
  });
  const common: EnvVar[] = [
    { name: 'WORK_DIR', value: '/work' },
    { name: 'RESTORE_MODE', value: run.mode },
    { name: 'TARGET_TOPIC', value: run.target },
    { name: 'SOURCE_TOPIC', value: run.topic.name },
  ];
  const work = { volume: 'work', path: '/work', readOnly: false };
  const acls = [
    allow(AclResources.topic(run.topic.name), run.scratch ? ['Describe', 'Read'] : ['Describe']),
    allow(AclResources.topic(run.target), run.scratch ? ['Delete', 'Describe'] : ['Describe']),
  ];
  // kubectl apply creates (or patches) the connector; it is read for its status and deleted afterwards.
  const rbac: PolicyRule[] = [
    { apiGroups: ['kafka.strimzi.io'], resources: ['kafkaconnectors'], verbs: ['create'] },
    { apiGroups: ['kafka.strimzi.io'], resources: ['kafkaconnectors'], verbs: ['get', 'patch', 'delete'], resourceNames: [run.name] },
  ];
  return kafkaCliJob(scope, {
    cluster,
    release: ctx.release,
    name: run.name,
    listenerName: ctx.listenerName,
    acls,
    why: run.why,
    check: run.check,
    dependsOn: ctx.dependsOn,
    workloads: (client) => {
      const steps: WorkloadStep[] = [
        {
          name: 'stage',
          image: ctx.awsCliImage ?? DEFAULT_AWS_CLI_IMAGE,
          command: ['/bin/sh', `${SCRIPTS_PATH}/restore-stage.sh`],
          env: [
            ...common,
            ...s3Env(ctx.s3),
            { name: 'DATA_PREFIX', value: topicDataPrefix(spec, run.topic) },
            { name: 'STAGING_PREFIX', value: stagingPrefix },
            { name: 'TOPIC', value: run.topic.name },
            ...run.selection,
          ],
          mounts: [work],
          resources: TOOL_RESOURCES,
        },
        kafkaCliStep('baseline', 'restore-verify.sh', client, { args: ['baseline'], env: [...common, { name: 'SCRATCH', value: String(run.scratch) }], mounts: [work] }),
        {
          name: 'load',
          image: ctx.kubectlImage ?? DEFAULT_KUBECTL_IMAGE,
          command: ['/bin/sh', `${SCRIPTS_PATH}/restore-load.sh`, 'load'],
          env: [
            ...common,
            { name: 'NAMESPACE', value: cluster.namespace },
            { name: 'CONNECTOR_NAME', value: run.name },
            { name: 'CONNECTOR_MANIFEST', value: JSON.stringify(connector) },
            { name: 'LOAD_TIMEOUT_SECONDS', value: String(Math.min(run.timeoutSeconds, 900)) },
          ],
          mounts: [work],
          resources: TOOL_RESOURCES,
        },
        kafkaCliStep('verify', 'restore-verify.sh', client, { args: ['verify'], env: [...common, { name: 'VERIFY_TIMEOUT_SECONDS', value: String(run.timeoutSeconds) }, ...run.verification], mounts: [work] }),
        {
          name: 'cleanup',
          image: ctx.kubectlImage ?? DEFAULT_KUBECTL_IMAGE,
          command: ['/bin/sh', `${SCRIPTS_PATH}/restore-load.sh`, 'cleanup'],
          env: [...common, { name: 'NAMESPACE', value: cluster.namespace }, { name: 'CONNECTOR_NAME', value: run.name }],
          mounts: [work],
          resources: TOOL_RESOURCES,
        },
      ];
      return {
        workload: {
          component: run.scratch ? 'restore-drill' : 'topic-restore',
          schedule: run.schedule,
          steps,
          // Staged objects are streamed one at a time (at most 64 MiB each, twice: as read and as selected).
          volumes: [{ name: 'work', source: { type: 'emptyDir', sizeLimit: '1Gi' } }, ...client.volumes],
          scripts: ['restore-stage.sh', 'restore-verify.sh', 'restore-load.sh'],
          rbac,
          // A failed restore is investigated, not retried into the same target.
          backoffLimit: 0,
          // Stage and load, then the wait for the records, then margin for the checksums and the clean-up.
          activeDeadlineSeconds: run.timeoutSeconds * 2 + 1800,
        },
      };
    },
  });
}
