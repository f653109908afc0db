import { Construct } from 'constructs';
import { Acknowledgements } from '../acknowledgements/acknowledgement';
import { KafkaTopic } from '../topics/kafka-topic';
import { KubernetesObject } from '../core/kubernetes';
import { isDnsLabel } from '../core/names';
import { BackedUpTopic } from '../core/operations/topic-backup';
import { CleanupPolicy } from '../core/strimzi/topic';
import { WorkloadNames } from '../core/operations/workload-names';
import { EnvVar } from '../core/operations/workload-model';
import { isKafkaName, KAFKA_NAME_RULE } from '../core/names';
import { RULE_IDS } from '../core/well-known';
import { uniqueChildId, Validator } from '../core/validation';
import { BatchWorkload } from '../workloads/batch-workload';
import { restoreWorkload, RestoreContext } from './restore-workload';

/** A restore of one backed-up topic (or part of it) into a topic the operator names. */
export interface TopicRestoreOptions {
  /** Short name of the restore: its Job is `<cluster>-restore-<name>` (a DNS label). */
  readonly name: string;
  /** The backed-up topic to restore. */
  readonly topic: string;
  /**
   * The topic the records are written to. A new topic (declared here with the source's partitions and settings,
   * unlimited retention) unless it is a topic the stack declares, which needs `liveTopicAcknowledgement`.
   */
  readonly targetTopic: string;
  /** Oldest record time to restore, UTC (`2025-03-01T10:00:00Z`). @default - the oldest backed-up record */
  readonly from?: string;
  /** Newest record time to restore, UTC: the "as of" time. @default - the newest backed-up record */
  readonly until?: string;
  /** Partitions to restore. @default - all */
  readonly partitions?: readonly number[];
  /** `dry-run` reads and counts the backup and changes nothing; `execute` restores. @default 'dry-run' */
  readonly mode?: 'dry-run' | 'execute';
  /**
   * Why appending restored records to a live topic (its consumers read them again) is right here; recorded as the
   * acknowledgement `KP-BACKUP-RESTORE-LIVE-TOPIC` and shown in the plan review. @default - a live target is refused
   */
  readonly liveTopicAcknowledgement?: string;
  /** Minutes the records may take to arrive in the target. @default 60 */
  readonly timeoutMinutes?: number;
  /**
   * The key prefix the backup was written under, when it is not this backup's own: after a whole-cluster restore the
   * new cluster backs up under a new prefix, and the old cluster's data is read from the old one. @default the backup's `s3.prefix`
   */
  readonly sourcePrefix?: string;
}

export interface TopicRestoreProps extends TopicRestoreOptions {
  readonly context: RestoreContext;
  /** The topics the backup holds, with their KafkaTopic (for the target's settings). */
  readonly backedUp: readonly { readonly topic: BackedUpTopic; readonly declared: KafkaTopic }[];
  /** Every topic the stack declares on the cluster (a target among them is live). */
  readonly liveTopics: readonly string[];
  readonly production?: boolean;
}

const ISO_UTC = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z$/;

/** Epoch ms of `2025-03-01T10:00:00Z`; undefined when it is not such a time. */
export function parseUtc(time: string | undefined): number | undefined {
  if (time === undefined || !ISO_UTC.test(time)) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) || new Date(ms).toISOString().replace('.000Z', 'Z') !== time ? undefined : ms;
}

/**
 * Restores a backed-up topic, or a time range of it, from object storage into a topic the operator names: never
 * over a live topic unless acknowledged. A one-off Job (dry-run by default) stages the selected records, loads
 * them through the backup's source connector (original key, value, headers, partition and timestamp) and verifies
 * that every staged record arrived; its log ends with `RESTORE-RESULT ...`.
 */
export class TopicRestore extends Construct {
  public readonly jobName: string;
  public readonly targetTopic: string;
  /** The declared new topic, unless the target is live. */
  public readonly target?: KafkaTopic;
  public readonly workload: BatchWorkload;

  constructor(scope: Construct, id: string, props: TopicRestoreProps) {
    super(scope, uniqueChildId(scope, id, 'TopicRestore'));
    const { cluster } = props.context;
    if (props.liveTopicAcknowledgement !== undefined) Acknowledgements.add(this, RULE_IDS.BACKUP_RESTORE_LIVE_TOPIC, props.liveTopicAcknowledgement);
    const name = WorkloadNames.topicRestore(cluster.clusterName, props.name);
    const source = props.backedUp.find((b) => b.topic.name === props.topic);
    const live = props.liveTopics.includes(props.targetTopic);
    const from = parseUtc(props.from);
    const until = parseUtc(props.until);
    const mode = props.mode ?? 'dry-run';
    const check = (v: Validator) => {
      v.check(isDnsLabel(props.name) && isDnsLabel(name, 52), 'name', props.name, `a DNS label; the Job name "${name}" must stay within 52 characters`);
      v.check(source !== undefined, 'topic', props.topic, `a topic the backup holds: ${props.backedUp.map((b) => b.topic.name).join(', ') || '(none)'}`);
      if (v.check(isKafkaName(props.targetTopic), 'targetTopic', props.targetTopic, KAFKA_NAME_RULE)) {
        v.check(props.targetTopic !== props.topic || Acknowledgements.find(this, RULE_IDS.BACKUP_RESTORE_LIVE_TOPIC) !== undefined, 'targetTopic', props.targetTopic,
          `a new topic, not the live topic it restores (restored records would be appended to "${props.topic}" and read again by its consumers); name a new topic, or acknowledge with liveTopicAcknowledgement (rule ${RULE_IDS.BACKUP_RESTORE_LIVE_TOPIC})`);
        if (props.targetTopic !== props.topic) {
          v.check(!live || Acknowledgements.find(this, RULE_IDS.BACKUP_RESTORE_LIVE_TOPIC) !== undefined, 'targetTopic', props.targetTopic,
            `a topic the stack does not declare: "${props.targetTopic}" is live (its consumers would read the restored records); name a new topic, or acknowledge with liveTopicAcknowledgement (rule ${RULE_IDS.BACKUP_RESTORE_LIVE_TOPIC})`);
        }
      }
      if (props.from !== undefined) v.check(from !== undefined, 'from', props.from, 'a UTC time such as "2025-03-01T10:00:00Z"');
      if (props.until !== undefined) v.check(until !== undefined, 'until', props.until, 'a UTC time such as "2025-03-01T10:00:00Z"');
      if (from !== undefined && until !== undefined) v.check(from <= until, 'until', props.until, `not before from (${props.from})`);
      v.check(mode === 'dry-run' || mode === 'execute', 'mode', props.mode, '"dry-run" or "execute"');
      const partitions = (source?.declared.manifest.spec as { partitions?: number } | undefined)?.partitions;
      (props.partitions ?? []).forEach((p, i) => v.integer(`partitions[${i}]`, p, 0, partitions === undefined ? undefined : partitions - 1));
      v.integer('timeoutMinutes', props.timeoutMinutes, 1, 24 * 60);
      if (props.sourcePrefix !== undefined) v.check(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(props.sourcePrefix), 'sourcePrefix', props.sourcePrefix, 'an object key prefix of letters, digits, ".", "_" and "-", with "/" between parts');
    };
    const timeoutSeconds = (props.timeoutMinutes ?? 60) * 60;
    const selection: EnvVar[] = [
      { name: 'RUN_ID', value: props.name },
      ...(props.partitions?.length ? [{ name: 'PARTITIONS', value: props.partitions.join(' ') }] : []),
      ...(from !== undefined ? [{ name: 'FROM_MS', value: String(from) }] : []),
      ...(until !== undefined ? [{ name: 'UNTIL_MS', value: String(until) }] : []),
    ];
    const context = props.sourcePrefix === undefined ? props.context : { ...props.context, s3: { ...props.context.s3, prefix: props.sourcePrefix } };
    const job = restoreWorkload(this, context, {
      name,
      topic: source?.topic ?? { name: props.topic, compacted: false },
      target: props.targetTopic,
      mode,
      selection,
      verification: [],
      scratch: false,
      timeoutSeconds,
      check,
      why: `restoring ${props.topic} reads its backup and writes ${props.targetTopic} through the backup's Connect`,
    });
    this.jobName = name;
    this.targetTopic = props.targetTopic;
    this.workload = job.workloads.workload;
    if (!live && props.targetTopic !== props.topic && source) {
      this.target = new KafkaTopic(this, 'target', {
        ...restoredTopicSpec(source.declared.manifest, source.topic),
        name: props.targetTopic,
        cluster,
        release: props.context.release,
        production: props.production,
        labels: { 'kafka-platform/restored-from': labelValue(props.topic) },
      });
    }
  }
}

/** A label value for a topic name (label values have at most 63 characters). */
function labelValue(topic: string): string {
  return topic.length <= 63 ? topic : topic.slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
}

/**
 * The restored topic's settings: the source's partitions and replicas and its cleanup policy, but no time limit:
 * restored records carry their original timestamps, so the source's `retention.ms` would delete them days early.
 */
function restoredTopicSpec(manifest: KubernetesObject, topic: BackedUpTopic) {
  const spec = manifest.spec as { partitions: number; replicas?: number; config?: Record<string, unknown> };
  const policy = (spec.config?.['cleanup.policy'] as CleanupPolicy | undefined) ?? (topic.compacted ? 'compact' : 'delete');
  return {
    partitions: spec.partitions,
    replicas: spec.replicas,
    cleanupPolicy: policy,
    // Compacted only: nothing expires by time. Otherwise kept until the operator removes the topic.
    ...(policy === 'compact' ? {} : { retentionMs: -1 }),
    messageTimestampType: 'CreateTime' as const,
  };
}
