import * as fs from 'fs';
import * as path from 'path';
import { envelope, FakeAws, objectName } from './fake-aws';

/**
 * restore-stage.sh against a fake AWS CLI holding a topic backup as stream-reactor's S3 sink writes it: the records
 * of a time range are staged object by object with a manifest; a missing backup, a corrupt object, a refusing or
 * throttling store and a bucket that does not enforce the retention fail with their own exit codes.
 */
const BUCKET = 'example-kafka-backups';
const DATA = 'kafka-backups/kafka-prod/topics/orders';
const T0 = Date.UTC(2025, 2, 1, 0, 0, 0);
const MIN = 60_000;
let aws: FakeAws;
let work: string;

/** Partition p: objects of 3 records each, one record a minute from T0, offsets from 0. */
function backupPartition(p: number, objects: number): void {
  for (let o = 0; o < objects; o++) {
    const records = [0, 1, 2].map((i) => ({ topic: 'orders', partition: p, offset: o * 3 + i, timestamp: T0 + (o * 3 + i) * MIN, key: `k${o * 3 + i}`, value: `v${p}-${o * 3 + i}` }));
    aws.put(BUCKET, `${DATA}/${p}/${objectName(o * 3 + 2, records[0].timestamp, records[2].timestamp)}`, records.map(envelope).join('\n') + '\n');
  }
}
const env = (extra: Record<string, string> = {}) => ({ S3_BUCKET: BUCKET, DATA_PREFIX: DATA, STAGING_PREFIX: 'kafka-backups/kafka-prod/restores/orders-fix/orders', TOPIC: 'orders', WORK_DIR: work, RUN_ID: 'run1', ...extra });
const manifest = () => fs.readFileSync(path.join(work, 'manifest'), 'utf8').trimEnd().split('\n');
const staged = () => aws.keys(BUCKET, 'kafka-backups/kafka-prod/restores/');

beforeEach(() => {
  aws = new FakeAws();
  work = path.join(aws.root, 'work');
  backupPartition(0, 3);
  backupPartition(1, 2);
});
afterEach(() => aws.dispose());

describe('restore-stage.sh', () => {
  test('execute, no range: every record staged, object by object, with a manifest per partition', () => {
    const r = aws.run('restore-stage.sh', env({ RESTORE_MODE: 'execute' }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(manifest()).toEqual([`0 9 0 8 ${T0} ${T0 + 8 * MIN}`, `1 6 0 5 ${T0} ${T0 + 5 * MIN}`]);
    expect(staged()).toHaveLength(5);
    expect(r.stdout).toMatch(/15 records of orders staged under s3:\/\/example-kafka-backups\/kafka-backups\/kafka-prod\/restores\/orders-fix\/orders\/run1\//);
    expect(fs.readFileSync(path.join(work, 'run'), 'utf8').trim()).toBe('run1');
  });

  test('a time range: objects outside it are not even downloaded; records of the boundary objects are cut to it', () => {
    // Records of minutes 4..6 of partition 0: the second object (3..5) cut to 4..5, the third (6..8) cut to 6.
    const r = aws.run('restore-stage.sh', env({ RESTORE_MODE: 'execute', PARTITIONS: '0', FROM_MS: String(T0 + 4 * MIN), UNTIL_MS: String(T0 + 6 * MIN) }));
    expect(r.status).toBe(0);
    expect(manifest()).toEqual([`0 3 4 6 ${T0 + 4 * MIN} ${T0 + 6 * MIN}`]);
    const downloads = aws.calls().filter((c) => c.startsWith('aws s3 cp') && c.includes(` s3://${BUCKET}/${DATA}/`));
    expect(downloads).toHaveLength(2);
    const keys = staged();
    expect(keys.map((k) => path.basename(k))).toEqual([objectName(5, T0 + 3 * MIN, T0 + 5 * MIN), objectName(8, T0 + 6 * MIN, T0 + 8 * MIN)]);
    const lines = keys.flatMap((k) => aws.get(BUCKET, k)!.trimEnd().split('\n'));
    expect(lines.map((l) => JSON.parse(l).metadata.offset)).toEqual([4, 5, 6]);
    // The records are staged as the sink wrote them (bytes of the line unchanged).
    expect(lines[0]).toBe(envelope({ topic: 'orders', partition: 0, offset: 4, timestamp: T0 + 4 * MIN, key: 'k4', value: 'v0-4' }));
  });

  test('a header or value that mentions "timestamp" does not fool the selection (only the metadata object is read)', () => {
    const line = envelope({ topic: 'orders', partition: 2, offset: 0, timestamp: T0, key: 'k', value: 'v', headers: { note: '"metadata":{"timestamp":99999999999999,"offset":7}', timestamp: '1' } });
    aws.put(BUCKET, `${DATA}/2/${objectName(0, T0, T0)}`, `${line}\n`);
    const r = aws.run('restore-stage.sh', env({ PARTITIONS: '2', FROM_MS: String(T0), UNTIL_MS: String(T0) }));
    expect(r.status).toBe(0);
    expect(manifest()).toEqual([`2 1 0 0 ${T0} ${T0}`]);
  });

  test('dry-run (the default) counts and plans, and stages nothing', () => {
    const r = aws.run('restore-stage.sh', env());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/dry run: 15 records of orders would be restored; nothing was staged/);
    expect(staged()).toEqual([]);
    expect(aws.uploads()).toEqual([]);
  });

  test('no backup of the topic (s3 ls exits 1 with no output): exit 3 naming the prefix', () => {
    const r = aws.run('restore-stage.sh', env({ DATA_PREFIX: 'kafka-backups/kafka-prod/topics/missing' }));
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no backup of topic orders under s3:\/\/example-kafka-backups\/kafka-backups\/kafka-prod\/topics\/missing\//);
  });

  test('no record in the range: exit 3, nothing staged', () => {
    const r = aws.run('restore-stage.sh', env({ RESTORE_MODE: 'execute', FROM_MS: String(T0 + 100 * MIN) }));
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no backed-up record of topic orders in the range/);
    expect(staged()).toEqual([]);
  });

  test('a corrupt object (a line without the envelope\'s metadata): exit 4 naming the object and line', () => {
    aws.put(BUCKET, `${DATA}/0/${objectName(99, T0 + 90 * MIN, T0 + 91 * MIN)}`, '{"value":"dg=="}\n');
    const r = aws.run('restore-stage.sh', env({ PARTITIONS: '0' }));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/backup object .*\/0\/000000000099_\d+_\d+\.json is not a stream-reactor envelope file: line 1: no metadata/);
  });

  test.each([
    ['ls', 'access-denied', /aws s3 ls .* exited 254: An error occurred \(AccessDenied\) when calling the ListObjectsV2 operation/],
    ['get', 'throttled', /downloading .* exited 1: download failed: .*SlowDown.*reached max retries/],
    ['put', 'access-denied', /staging .* exited 1: upload failed: .*AccessDenied.*PutObject/],
  ] as const)('the store fails %s (%s): exit 5 with the CLI\'s message, not "no backup"', (op, kind, message) => {
    aws.fault(op, kind);
    const r = aws.run('restore-stage.sh', env({ RESTORE_MODE: 'execute' }));
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(message);
  });

  test('the drill\'s lifecycle check: missing configuration, no rule for the prefix, too short a rule fail (7); a rule as long as the retention passes', () => {
    const drill = (extra: Record<string, string> = {}) => aws.run('restore-stage.sh', env({ LIFECYCLE_PREFIX: 'kafka-backups/kafka-prod/topics/', LIFECYCLE_MIN_DAYS: '7', ...extra }));
    let r = drill();
    expect([r.status, r.stderr]).toEqual([7, expect.stringMatching(/bucket example-kafka-backups has no lifecycle configuration: nothing expires kafka-backups\/kafka-prod\/topics\//)]);
    aws.lifecycle(BUCKET, [{ prefix: 'other/', days: 7 }, { prefix: 'kafka-backups/kafka-prod/topics/', status: 'Disabled', days: 7 }]);
    r = drill();
    expect([r.status, r.stderr]).toEqual([7, expect.stringMatching(/no enabled lifecycle rule of bucket example-kafka-backups expires kafka-backups\/kafka-prod\/topics\//)]);
    aws.lifecycle(BUCKET, [{ prefix: 'kafka-backups/kafka-prod/topics/', days: 3 }]);
    r = drill();
    expect([r.status, r.stderr]).toEqual([7, expect.stringMatching(/after 3 days, less than the retention of 7 days/)]);
    aws.lifecycle(BUCKET, [{ prefix: 'kafka-backups/kafka-prod/topics/', days: 7 }]);
    r = drill();
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/bucket lifecycle expires kafka-backups\/kafka-prod\/topics\/ after 7 days/);
    aws.fault('lifecycle', 'access-denied');
    expect(drill().status).toBe(5);
  });

  test('FROM_AGE_SECONDS restores the last hours only, counted from now', () => {
    const now = Date.now();
    const recent = { topic: 'orders', partition: 3, offset: 10, timestamp: now - 30 * MIN, key: 'k', value: 'v' };
    const old = { ...recent, offset: 9, timestamp: now - 5 * 60 * MIN };
    aws.put(BUCKET, `${DATA}/3/${objectName(10, old.timestamp, recent.timestamp)}`, `${envelope(old)}\n${envelope(recent)}\n`);
    const r = aws.run('restore-stage.sh', env({ PARTITIONS: '3', FROM_AGE_SECONDS: String(2 * 3600) }));
    expect(r.status).toBe(0);
    expect(manifest()).toEqual([`3 1 10 10 ${recent.timestamp} ${recent.timestamp}`]);
  });

  test('an S3-compatible endpoint is passed to every call', () => {
    aws.run('restore-stage.sh', env({ S3_ENDPOINT: 'https://minio.example.org' }));
    const endpoints = aws.calls().filter((c) => c.startsWith('endpoint '));
    expect(endpoints.length).toBeGreaterThan(3);
    expect(new Set(endpoints)).toEqual(new Set(['endpoint https://minio.example.org']));
  });
});
