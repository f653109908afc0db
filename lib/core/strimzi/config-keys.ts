import { fieldKey, Validator } from '../validation';

/**
 * Known Kafka 4.3 configuration keys with their types and ranges (from Kafka's documented topic and
 * broker configs), so that a typo (`retention.hours`) or a wrong type (`unclean.leader.election.enable: 'yes'`)
 * fails at synth rather than in the Topic or Cluster Operator's status. Keys the library does not know
 * pass only when listed in the escape hatch (`uncheckedConfigKeys`).
 */
export type ConfigType =
  | { readonly type: 'int' | 'long'; readonly min?: number; readonly max?: number }
  | { readonly type: 'double'; readonly min?: number; readonly max?: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'string' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'list'; readonly values?: readonly string[] };

const int = (min?: number, max?: number): ConfigType => ({ type: 'int', min, max });
const long = (min?: number, max?: number): ConfigType => ({ type: 'long', min, max });
const double = (min?: number, max?: number): ConfigType => ({ type: 'double', min, max });
const bool: ConfigType = { type: 'boolean' };
const str: ConfigType = { type: 'string' };
const oneOf = (...values: string[]): ConfigType => ({ type: 'enum', values });
const list = (...values: string[]): ConfigType => ({ type: 'list', values: values.length ? values : undefined });

const COMPRESSION = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'];
const TIMESTAMP = ['CreateTime', 'LogAppendTime'];

/** Topic-level configs of Kafka 4.3. */
export const TOPIC_CONFIGS: Readonly<Record<string, ConfigType>> = {
  'cleanup.policy': list('compact', 'delete'),
  'compression.type': oneOf(...COMPRESSION),
  'compression.gzip.level': int(-1, 9),
  'compression.lz4.level': int(1, 17),
  'compression.zstd.level': int(-131072, 22),
  'delete.retention.ms': long(0),
  'file.delete.delay.ms': long(0),
  'flush.messages': long(1),
  'flush.ms': long(0),
  'follower.replication.throttled.replicas': list(),
  'index.interval.bytes': int(0),
  'leader.replication.throttled.replicas': list(),
  'local.retention.bytes': long(-2),
  'local.retention.ms': long(-2),
  'max.compaction.lag.ms': long(1),
  'max.message.bytes': int(0),
  'message.timestamp.after.max.ms': long(0),
  'message.timestamp.before.max.ms': long(0),
  'message.timestamp.type': oneOf(...TIMESTAMP),
  'min.cleanable.dirty.ratio': double(0, 1),
  'min.compaction.lag.ms': long(0),
  'min.insync.replicas': int(1),
  preallocate: bool,
  'remote.log.copy.disable': bool,
  'remote.log.delete.on.disable': bool,
  'remote.storage.enable': bool,
  'retention.bytes': long(),
  'retention.ms': long(-1),
  'segment.bytes': int(1048576),
  'segment.index.bytes': int(4),
  'segment.jitter.ms': long(0),
  'segment.ms': long(1),
  'unclean.leader.election.enable': bool,
};

/** Broker configs of Kafka 4.3 that Strimzi lets users set (the keys it manages itself are refused separately). */
export const BROKER_CONFIGS: Readonly<Record<string, ConfigType>> = {
  // Topic defaults.
  'log.cleanup.policy': list('compact', 'delete'),
  'log.retention.ms': long(-1),
  'log.retention.minutes': int(-1),
  'log.retention.hours': int(-1),
  'log.retention.bytes': long(),
  'log.retention.check.interval.ms': long(1),
  'log.segment.bytes': int(1048576),
  'log.segment.delete.delay.ms': long(0),
  'log.roll.ms': long(1),
  'log.roll.hours': int(1),
  'log.roll.jitter.ms': long(0),
  'log.roll.jitter.hours': int(0),
  'log.index.interval.bytes': int(0),
  'log.index.size.max.bytes': int(4),
  'log.flush.interval.messages': long(1),
  'log.flush.interval.ms': long(0),
  'log.flush.scheduler.interval.ms': long(0),
  'log.flush.offset.checkpoint.interval.ms': int(0),
  'log.flush.start.offset.checkpoint.interval.ms': int(0),
  'log.preallocate': bool,
  'log.message.timestamp.type': oneOf(...TIMESTAMP),
  'log.message.timestamp.before.max.ms': long(0),
  'log.message.timestamp.after.max.ms': long(0),
  'log.local.retention.ms': long(-2),
  'log.local.retention.bytes': long(-2),
  'log.cleaner.enable': bool,
  'log.cleaner.threads': int(0),
  'log.cleaner.io.max.bytes.per.second': double(),
  'log.cleaner.dedupe.buffer.size': long(),
  'log.cleaner.io.buffer.size': int(0),
  'log.cleaner.io.buffer.load.factor': double(),
  'log.cleaner.backoff.ms': long(0),
  'log.cleaner.min.cleanable.ratio': double(0, 1),
  'log.cleaner.delete.retention.ms': long(0),
  'log.cleaner.min.compaction.lag.ms': long(0),
  'log.cleaner.max.compaction.lag.ms': long(1),
  'message.max.bytes': int(0),
  'min.insync.replicas': int(1),
  'unclean.leader.election.enable': bool,
  'unclean.leader.election.interval.ms': long(1),
  'compression.type': oneOf(...COMPRESSION),
  'compression.gzip.level': int(-1, 9),
  'compression.lz4.level': int(1, 17),
  'compression.zstd.level': int(-131072, 22),
  'default.replication.factor': int(1),
  'num.partitions': int(1),
  'auto.create.topics.enable': bool,
  'delete.topic.enable': bool,
  // Leadership and replication.
  'auto.leader.rebalance.enable': bool,
  'leader.imbalance.check.interval.seconds': long(1),
  'leader.imbalance.per.broker.percentage': int(0),
  'replica.lag.time.max.ms': long(),
  'replica.fetch.max.bytes': int(0),
  'replica.fetch.min.bytes': int(),
  'replica.fetch.wait.max.ms': int(),
  'replica.fetch.backoff.ms': int(0),
  'replica.fetch.response.max.bytes': int(0),
  'replica.socket.timeout.ms': int(),
  'replica.socket.receive.buffer.bytes': int(),
  'replica.high.watermark.checkpoint.interval.ms': long(),
  'replica.selector.class': str,
  'replica.alter.log.dirs.io.max.bytes.per.second': long(0),
  'leader.replication.throttled.rate': long(0),
  'follower.replication.throttled.rate': long(0),
  'num.replica.fetchers': int(),
  'num.replica.alter.log.dirs.threads': int(),
  // Threads, sockets, connections, quotas.
  'num.network.threads': int(1),
  'num.io.threads': int(1),
  'num.recovery.threads.per.data.dir': int(1),
  'background.threads': int(1),
  'queued.max.requests': int(1),
  'queued.max.request.bytes': long(),
  'socket.send.buffer.bytes': int(),
  'socket.receive.buffer.bytes': int(),
  'socket.request.max.bytes': int(1),
  'socket.listen.backlog.size': int(1),
  'connections.max.idle.ms': long(),
  'connections.max.reauth.ms': long(),
  'max.connections': int(0),
  'max.connections.per.ip': int(0),
  'max.connections.per.ip.overrides': str,
  'max.connection.creation.rate': int(0),
  'max.incremental.fetch.session.cache.slots': int(0),
  'fetch.max.bytes': int(1024),
  'quota.window.num': int(1),
  'quota.window.size.seconds': int(1),
  'replication.quota.window.num': int(1),
  'replication.quota.window.size.seconds': int(1),
  'alter.log.dirs.replication.quota.window.num': int(1),
  'alter.log.dirs.replication.quota.window.size.seconds': int(1),
  'client.quota.callback.class': str,
  // Internal topics, groups and transactions.
  'offsets.topic.replication.factor': int(1),
  'offsets.topic.num.partitions': int(1),
  'offsets.topic.segment.bytes': int(1),
  'offsets.topic.compression.codec': int(),
  'offsets.retention.minutes': int(1),
  'offsets.retention.check.interval.ms': long(1),
  'offsets.commit.timeout.ms': int(1),
  'offsets.load.buffer.size': int(1),
  'transaction.state.log.replication.factor': int(1),
  'transaction.state.log.min.isr': int(1),
  'transaction.state.log.num.partitions': int(1),
  'transaction.state.log.segment.bytes': int(1),
  'transaction.state.log.load.buffer.size': int(1),
  'transaction.max.timeout.ms': int(1),
  'transactional.id.expiration.ms': int(1),
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': int(1),
  'transaction.remove.expired.transaction.cleanup.interval.ms': int(1),
  'transaction.partition.verification.enable': bool,
  'producer.id.expiration.ms': int(1),
  'group.initial.rebalance.delay.ms': int(),
  'group.min.session.timeout.ms': int(),
  'group.max.session.timeout.ms': int(),
  'group.max.size': int(1),
  'group.coordinator.threads': int(1),
  'group.consumer.session.timeout.ms': int(1),
  'group.consumer.heartbeat.interval.ms': int(1),
  'group.consumer.max.size': int(1),
  // Metrics, policies, tiered storage, metadata log.
  'metric.reporters': list(),
  'metrics.num.samples': int(1),
  'metrics.sample.window.ms': long(1),
  'metrics.recording.level': oneOf('INFO', 'DEBUG', 'TRACE'),
  'kafka.metrics.reporters': list(),
  'kafka.metrics.polling.interval.secs': int(1),
  'create.topic.policy.class.name': str,
  'alter.config.policy.class.name': str,
  'allow.everyone.if.no.acl.found': bool,
  'remote.log.storage.system.enable': bool,
  'metadata.max.retention.bytes': long(),
  'metadata.max.retention.ms': long(),
  'metadata.log.max.record.bytes.between.snapshots': long(1),
  'metadata.log.max.snapshot.interval.ms': long(0),
  'metadata.log.segment.bytes': int(),
  'metadata.log.segment.ms': long(),
  'delegation.token.expiry.time.ms': long(1),
  'delegation.token.max.lifetime.ms': long(1),
  // Keys under Strimzi-managed prefixes that Strimzi still lets users set.
  'ssl.cipher.suites': list(),
  'ssl.protocol': str,
  'ssl.enabled.protocols': list(),
  'ssl.secure.random.implementation': str,
  'controller.quorum.election.backoff.max.ms': int(0),
  'controller.quorum.election.timeout.ms': int(0),
  'controller.quorum.fetch.timeout.ms': int(0),
  'broker.session.timeout.ms': int(1),
  'broker.heartbeat.interval.ms': int(1),
};

/** Prefixes of broker config families whose keys are open-ended (plugins pass their own settings). */
const OPEN_BROKER_PREFIXES = ['remote.log.', 'rlmm.config.', 'rsm.config.', 'group.share.', 'group.streams.', 'share.', 'cruise.control.metrics.'];

export const UNKNOWN_CONFIG_HINT = 'list it in uncheckedConfigKeys to pass it through unchecked';

function asNumber(value: unknown, whole: boolean): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && (!whole || Number.isInteger(value)) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const pattern = whole ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
  return pattern.test(value.trim()) ? Number(value) : undefined;
}

/** Why `value` is wrong for `t`, or undefined when Kafka accepts it. */
export function configValueProblem(t: ConfigType, value: unknown): string | undefined {
  switch (t.type) {
    case 'int':
    case 'long':
    case 'double': {
      const n = asNumber(value, t.type !== 'double');
      const kind = t.type === 'double' ? 'a number' : 'a whole number';
      const range =
        t.min !== undefined && t.max !== undefined ? ` from ${t.min} to ${t.max}` : t.min !== undefined ? ` >= ${t.min}` : t.max !== undefined ? ` <= ${t.max}` : '';
      const max32 = t.type === 'int' ? 2147483647 : Number.MAX_SAFE_INTEGER;
      const ok = n !== undefined && (t.min === undefined || n >= t.min) && (t.max === undefined || n <= t.max) && Math.abs(n) <= max32;
      return ok ? undefined : `${kind}${range}${t.type === 'int' ? ' (32-bit)' : ''}`;
    }
    case 'boolean':
      return value === true || value === false || value === 'true' || value === 'false' ? undefined : 'true or false';
    case 'string':
      return typeof value === 'string' && value.length > 0 ? undefined : 'a non-empty string';
    case 'enum':
      return typeof value === 'string' && t.values.includes(value) ? undefined : `one of ${t.values.join(', ')}`;
    case 'list': {
      if (typeof value !== 'string') return t.values ? `a comma-separated string of ${t.values.join(', ')}` : 'a comma-separated string';
      if (!t.values) return undefined;
      const items = value.split(',').map((x) => x.trim());
      return items.length > 0 && items.every((x) => t.values!.includes(x)) ? undefined : `a comma-separated string of ${t.values.join(', ')}`;
    }
  }
}

export interface ConfigCheckOptions {
  /** `topic` or `broker`: which table applies. */
  readonly kind: 'topic' | 'broker';
  /** Keys the user declared as unknown on purpose. */
  readonly unchecked?: readonly string[];
  /** Keys handled elsewhere (e.g. refused as Strimzi-managed); skipped here. */
  readonly skip?: (key: string) => boolean;
  /**
   * For a known key that is refused in `config` (a typed field's key, a read-only key), what to write
   * instead: a typo hint names that, not a key that would be refused next.
   */
  readonly insteadOf?: (key: string) => string | undefined;
}

/** Checks every key of a config map against the Kafka 4.3 table; issues are named `config['<key>']`. */
export function validateConfigKeys(v: Validator, field: string, config: Readonly<Record<string, unknown>> | undefined, options: ConfigCheckOptions): void {
  const table = options.kind === 'topic' ? TOPIC_CONFIGS : BROKER_CONFIGS;
  if (config === undefined) return;
  for (const key of Object.keys(config)) {
    const value = config[key];
    if (options.unchecked?.includes(key) || options.skip?.(key)) continue;
    const t = table[key];
    if (!t) {
      if (options.kind === 'broker' && OPEN_BROKER_PREFIXES.some((p) => key.startsWith(p))) continue;
      v.fail(fieldKey(field, key), value, `a ${options.kind} config key of Kafka 4.3${suggest(key, table, options.insteadOf)}, or ${UNKNOWN_CONFIG_HINT}`);
      continue;
    }
    const problem = configValueProblem(t, value);
    if (problem) v.fail(fieldKey(field, key), value, problem);
  }
}

/**
 * The known key closest to `key` (a typo within 3 edits, else the most shared dot-separated words), as a hint;
 * a key refused in `config` is named by what to write instead.
 */
function suggest(key: string, table: Readonly<Record<string, ConfigType>>, insteadOf?: (key: string) => string | undefined): string {
  const hint = (k: string) => ` (did you mean ${insteadOf?.(k) ?? `"${k}"`}?)`;
  const known = Object.keys(table);
  const close = known.map((k) => [k, editDistance(key, k)] as const).sort((a, b) => a[1] - b[1])[0];
  if (close && close[1] <= 3) return hint(close[0]);
  const words = new Set(key.split('.'));
  let best: string | undefined;
  let score = 0;
  for (const k of known) {
    const s = k.split('.').filter((w) => words.has(w)).length;
    if (s > score || (s === score && s > 0 && k.length < best!.length)) {
      best = k;
      score = s;
    }
  }
  return best ? hint(best) : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
