import { isKafkaName, isS3BucketName, KAFKA_NAME_RULE, S3_BUCKET_RULE } from '../names';
import { Validator } from '../validation';
import { maxScheduleGapMinutes } from './cron';
import { WatchedBackupConnector, WatchedRestoreDrill } from '../monitoring/monitoring-spec';
import { WorkloadNames } from './workload-names';
import { sinkConsumerGroup } from '../strimzi/connector';

/**
 * The topic data backup as pure values: the configuration of its sink connector (Lenses stream-reactor's S3 sink,
 * message envelope with key, value, headers, topic, partition, offset and timestamp of every record), the object
 * layout restores and drills read, and the bucket lifecycle that enforces the retention.
 *
 * Layout: `s3://<bucket>/<prefix>/<cluster>/<kind>/<topic>/<partition>/<last offset, 12 digits>_<first record ms>_<last record ms>.json`
 * (stream-reactor's default object naming: one writer per partition, keys sorted by offset, each naming the time
 * range of its records), one JSON envelope per line. `<kind>` is `topics` for topics whose old records expire and
 * `compacted` for compacted topics, whose change log must be kept whole (see `compactedRetentionDays`).
 */

/** Where the guide's "daily at 2 AM" puts the recovery point: a copy no older than a day. */
export const DEFAULT_RECOVERY_POINT_HOURS = 24;
/** The guide's "kept 7 days". */
export const DEFAULT_TOPIC_BACKUP_RETENTION_DAYS = 7;
/** The sink flushes each partition's file at least this often (stream-reactor's own default is 60 minutes too). */
export const DEFAULT_BACKUP_FLUSH_INTERVAL_MINUTES = 60;
/** A file is also closed at this many records or bytes, whichever comes first, so objects stay small enough to stream. */
export const BACKUP_FLUSH_COUNT = 100_000;
export const BACKUP_FLUSH_BYTES = 64 * 1024 * 1024;
/** Kafka Connect's byte-for-byte converter: keys, values and headers are stored as they are in Kafka. */
export const BYTE_ARRAY_CONVERTER = 'org.apache.kafka.connect.converters.ByteArrayConverter';
/** Staged restore objects are removed by the bucket lifecycle after this many days. */
export const RESTORE_STAGING_RETENTION_DAYS = 7;

/** One backed-up topic. */
export interface BackedUpTopic {
  readonly name: string;
  /** `cleanup.policy=compact` (without delete): its backup is a change log kept whole. */
  readonly compacted: boolean;
}

/** The object store. */
export interface TopicBackupStorage {
  readonly bucket: string;
  /** Key prefix; the cluster name is appended. @default 'kafka-backups' */
  readonly prefix?: string;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** S3-compatible endpoint (MinIO, Ceph RGW); path-style addressing is used with it. @default - AWS S3 */
  readonly endpoint?: string;
}

export interface TopicBackupSpec {
  readonly cluster: string;
  readonly storage: TopicBackupStorage;
  readonly topics: readonly BackedUpTopic[];
  /** Days objects of non-compacted topics are kept (bucket lifecycle rule). @default 7 */
  readonly retentionDays?: number;
  /**
   * Days objects of compacted topics are kept. A compacted topic's state at a time is the last record of every
   * key up to then, however old: expiring its change log drops keys not written since. @default - never expire
   */
  readonly compactedRetentionDays?: number;
  /** The newest backed-up record may be at most this old (the guide's daily backup: 24). @default 24 */
  readonly recoveryPointHours?: number;
  /** Longest time a partition's records wait before their file is written and their offsets committed. @default 60 */
  readonly flushIntervalMinutes?: number;
}

/** `<prefix>/<cluster>`: everything the backup, restores and drills keep for one cluster. */
export function backupBase(spec: Pick<TopicBackupSpec, 'cluster' | 'storage'>): string {
  return `${(spec.storage.prefix ?? 'kafka-backups').replace(/\/+$/, '')}/${spec.cluster}`;
}

/** The prefix of a topic's objects (without bucket), e.g. `kafka-backups/kafka-prod/compacted/orders.order-status.v1`. */
export function topicDataPrefix(spec: Pick<TopicBackupSpec, 'cluster' | 'storage'>, topic: BackedUpTopic): string {
  return `${backupBase(spec)}/${topic.compacted ? 'compacted' : 'topics'}/${topic.name}`;
}

/** Where a restore or drill run stages the selected records before the source connector reads them. */
export function restoreStagingBase(spec: Pick<TopicBackupSpec, 'cluster' | 'storage'>): string {
  return `${backupBase(spec)}/restores`;
}

export function validateTopicBackup(v: Validator, spec: TopicBackupSpec): void {
  const retention = spec.retentionDays ?? DEFAULT_TOPIC_BACKUP_RETENTION_DAYS;
  const rpo = spec.recoveryPointHours ?? DEFAULT_RECOVERY_POINT_HOURS;
  const flush = spec.flushIntervalMinutes ?? DEFAULT_BACKUP_FLUSH_INTERVAL_MINUTES;
  v.check(isS3BucketName(spec.storage.bucket), 's3.bucket', spec.storage.bucket, S3_BUCKET_RULE);
  // Characters KCQL takes unquoted in `INSERT INTO <bucket>:<prefix>` (its TOPICNAME and DOT tokens).
  if (spec.storage.prefix !== undefined) v.check(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/.test(spec.storage.prefix), 's3.prefix', spec.storage.prefix, 'an object key prefix of letters, digits, ".", "_" and "-", with "/" between parts');
  if (spec.storage.region !== undefined) v.check(/^[a-z]{2}(-[a-z]+)+-\d+$|^[a-z0-9-]+$/.test(spec.storage.region), 's3.region', spec.storage.region, 'a region name such as "eu-west-1"');
  if (spec.storage.endpoint !== undefined) v.check(/^https?:\/\/[^\s/]+(\/\S*)?$/.test(spec.storage.endpoint), 's3.endpoint', spec.storage.endpoint, 'an http(s) URL of the S3-compatible endpoint');
  v.check(spec.topics.length > 0, 'topics', spec.topics.map((t) => t.name), 'at least one topic to back up (name topics, or owner groups)');
  spec.topics.forEach((t, i) => v.check(isKafkaName(t.name), `topics[${i}]`, t.name, KAFKA_NAME_RULE));
  v.unique('topics', spec.topics.map((t) => t.name));
  v.integer('flushIntervalMinutes', spec.flushIntervalMinutes, 1, 24 * 60);
  if (v.integer('recoveryPointHours', spec.recoveryPointHours, 1, 24 * 31)) {
    v.check(flush < rpo * 60, 'flushIntervalMinutes', flush, `less than the recovery point objective (${rpo} hours): a record waits up to one flush interval before it is backed up`);
  }
  // The backup's "schedule" is its recovery point objective: the retention must keep two of those periods, so a
  // restore still finds the previous recovery point when the latest one is damaged.
  if (v.integer('retentionDays', spec.retentionDays, 1, 3650)) {
    v.check(retention * 24 >= 2 * rpo, 'retentionDays', retention, `at least ${Math.ceil((2 * rpo) / 24)} days with a recovery point every ${rpo} hours (the retention must keep two of them)`);
  }
  if (spec.compactedRetentionDays !== undefined && v.integer('compactedRetentionDays', spec.compactedRetentionDays, 1, 36500)) {
    v.check(spec.compactedRetentionDays >= retention, 'compactedRetentionDays', spec.compactedRetentionDays, `at least retentionDays (${retention}): a compacted topic's change log is its history`);
  }
}

/** KCQL quotes names with backticks (dotted topic names need it); no topic name can contain one. */
const q = (s: string) => `\`${s}\``;

/** The sink connector's configuration (its `topics` come from the backed-up topics). */
export function backupSinkConfig(spec: TopicBackupSpec): Record<string, string | number> {
  const flushSeconds = (spec.flushIntervalMinutes ?? DEFAULT_BACKUP_FLUSH_INTERVAL_MINUTES) * 60;
  const kcql = spec.topics
    .map((t) => {
      // `<bucket>:<prefix>` unquoted: bucket and prefix characters are all KCQL name characters. The sink adds
      // `/<topic>/<partition>/` itself. The envelope keeps key, value, headers and metadata of each record.
      const target = `${spec.storage.bucket}:${backupBase(spec)}/${t.compacted ? 'compacted' : 'topics'}`;
      return `INSERT INTO ${target} SELECT * FROM ${q(t.name)} STOREAS ${q('JSON')} PROPERTIES('store.envelope'=true, 'flush.interval'=${flushSeconds}, 'flush.count'=${BACKUP_FLUSH_COUNT}, 'flush.size'=${BACKUP_FLUSH_BYTES})`;
    })
    .join('; ');
  return {
    'connect.s3.kcql': kcql,
    ...s3ConnectionConfig(spec.storage),
    // Bytes in, bytes out: the backup holds records exactly as Kafka does, whatever their format.
    'key.converter': BYTE_ARRAY_CONVERTER,
    'value.converter': BYTE_ARRAY_CONVERTER,
    'header.converter': BYTE_ARRAY_CONVERTER,
    // A record that cannot be written stops the connector (and pages) rather than being skipped: no silent gaps.
    'errors.tolerance': 'none',
    // The sink's exactly-once index files (the offsets it wrote, per partition) live with this cluster's backup,
    // not at the bucket root: a cluster rebuilt from code backs up under a new prefix and never inherits the old
    // cluster's offsets (it would skip every record up to them).
    'connect.s3.indexes.name': `${backupBase(spec)}/.indexes`,
    // Transient object-store errors (throttling, 5xx) are retried for up to ~20 minutes before the task fails.
    'connect.s3.error.policy': 'RETRY',
    'connect.s3.max.retries': 20,
    'connect.s3.retry.interval': 60_000,
  };
}

/**
 * Object-store connection settings of the stream-reactor connectors. Credentials are never in the config: the AWS
 * SDK's default chain reads `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` from the Connect pods' environment (a
 * Secret) or the pod's workload identity.
 */
export function s3ConnectionConfig(storage: TopicBackupStorage): Record<string, string> {
  return {
    'connect.s3.aws.region': storage.region ?? 'us-east-1',
    'connect.s3.aws.auth.mode': 'Default',
    ...(storage.endpoint ? { 'connect.s3.custom.endpoint': storage.endpoint, 'connect.s3.vhost.bucket': 'false', 'connect.s3.path.style.access': 'true' } : {}),
  };
}

/**
 * The restore's source connector: reads a staged prefix (one topic, selected partitions and time range) with the
 * envelope, so every record gets its original key, value, headers, partition and timestamp, into `target`.
 */
export function restoreSourceConfig(storage: TopicBackupStorage, stagedPrefix: string, target: string): Record<string, string | number> {
  return {
    'connect.s3.kcql': `INSERT INTO ${q(target)} SELECT * FROM ${storage.bucket}:${stagedPrefix} STOREAS ${q('JSON')} PROPERTIES('store.envelope'=true)`,
    ...s3ConnectionConfig(storage),
    'key.converter': BYTE_ARRAY_CONVERTER,
    'value.converter': BYTE_ARRAY_CONVERTER,
    'header.converter': BYTE_ARRAY_CONVERTER,
    // The staged objects sit in `<staged>/<partition>/`: one level below the prefix, partition from the path.
    'connect.s3.source.partition.search.recurse.levels': 1,
    'connect.s3.source.partition.extractor.type': 'hierarchical',
    'connect.s3.source.partition.search.continuous': 'false',
    'errors.tolerance': 'none',
  };
}

/**
 * The bucket lifecycle that enforces the retention: topic data and staged restores expire; compacted change logs
 * only when `compactedRetentionDays` is set. Incomplete multipart uploads are aborted after a day and noncurrent
 * versions (versioned buckets) go a day after they were replaced. The library cannot apply it to a bucket outside
 * this stack; it is an output to apply with `aws s3api put-bucket-lifecycle-configuration` (which replaces the
 * bucket's whole configuration: merge it with the bucket's other rules).
 */
export function topicBackupLifecycle(spec: TopicBackupSpec): { readonly Rules: readonly Record<string, unknown>[] } {
  const base = backupBase(spec);
  const rule = (id: string, prefix: string, days: number | undefined) => ({
    ID: `kafka-platform-${spec.cluster}-${id}`,
    Filter: { Prefix: `${prefix}/` },
    Status: 'Enabled',
    ...(days !== undefined ? { Expiration: { Days: days } } : {}),
    NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
  });
  return {
    Rules: [
      rule('topic-data', `${base}/topics`, spec.retentionDays ?? DEFAULT_TOPIC_BACKUP_RETENTION_DAYS),
      rule('compacted-topic-data', `${base}/compacted`, spec.compactedRetentionDays),
      rule('restore-staging', `${base}/restores`, RESTORE_STAGING_RETENTION_DAYS),
    ],
  };
}

/**
 * Hours without a successful drill after which it is overdue: the schedule's longest gap plus two hours for the
 * run itself. Undefined for an invalid schedule.
 */
export function drillOverdueHours(schedule: string): number | undefined {
  const gap = maxScheduleGapMinutes(schedule);
  return gap === undefined ? undefined : Math.ceil(gap / 60) + 2;
}

/** The drill's default schedule: weekly, Monday 03:00 UTC (after prod's Sunday maintenance window). */
export const DEFAULT_DRILL_SCHEDULE = '0 3 * * 1';
/** The probe writer's default schedule: hourly. */
export const DEFAULT_PROBE_SCHEDULE = '47 * * * *';

/** The part of a topic backup's configuration the monitoring derives its watches from. */
export interface WatchedTopicBackupConfig {
  readonly flushIntervalMinutes?: number;
  readonly recoveryPointHours?: number;
  readonly drill?: { readonly schedule?: string };
}

/**
 * What the monitoring of a cluster watches when it runs a topic backup (names as `TopicBackup` creates them): the
 * backup's KafkaConnect, the sink's consumer group and the drill CronJob.
 */
export function watchedTopicBackup(cluster: string, backup: WatchedTopicBackupConfig | undefined): {
  readonly kafkaConnect: string[];
  readonly topicBackups: WatchedBackupConnector[];
  readonly restoreDrills: WatchedRestoreDrill[];
} {
  if (!backup) return { kafkaConnect: [], topicBackups: [], restoreDrills: [] };
  const connector = WorkloadNames.topicBackup(cluster);
  return {
    kafkaConnect: [WorkloadNames.backupConnect(cluster)],
    topicBackups: [
      {
        connector,
        consumerGroup: sinkConsumerGroup(connector),
        flushIntervalMinutes: backup.flushIntervalMinutes ?? DEFAULT_BACKUP_FLUSH_INTERVAL_MINUTES,
        recoveryPointHours: backup.recoveryPointHours ?? DEFAULT_RECOVERY_POINT_HOURS,
      },
    ],
    // An invalid schedule is reported by the drill; 26 hours keeps the monitoring valid meanwhile.
    restoreDrills: backup.drill ? [{ cronJob: WorkloadNames.restoreDrill(cluster), maxAgeHours: drillOverdueHours(backup.drill.schedule ?? DEFAULT_DRILL_SCHEDULE) ?? 26 }] : [],
  };
}
