import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { envelope, FakeAws, objectName } from './fake-aws';
import { FakeKafka, SCRIPTS } from './fake-kafka';
import { FakeKubectl } from './fake-kubectl';

/**
 * A whole restore run, step by step as the Job runs it, against fake tools that fail as the real ones do:
 * restore-stage.sh (AWS CLI) stages the backed-up records, restore-verify.sh baseline notes (for a drill: empties)
 * the target, restore-load.sh (kubectl) creates the source connector, the test plays the connector (it appends
 * the staged records to the fake target topic), restore-verify.sh verify checks counts, checksums, recovery point
 * and time; restore-load.sh cleanup deletes the connector.
 */
const BUCKET = 'example-kafka-backups';
const DATA = 'kafka-backups/kafka-prod/topics/kafka-prod-backup-probe';
const MIN = 60_000;
let aws: FakeAws;
let kafka: FakeKafka;
let kubectl: FakeKubectl;
let work: string;
let now: number;

const CONNECTOR = JSON.stringify({ apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaConnector', metadata: { name: 'kafka-prod-restore-drill', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka-prod-backup' } }, spec: { class: 'S3SourceConnector', tasksMax: 1, config: { 'connect.s3.kcql': 'INSERT INTO `scratch` SELECT * FROM b:kafka-backups/kafka-prod/restores/drill/__RUN__ STOREAS `JSON`' } } });
const common = () => ({ WORK_DIR: work, RESTORE_MODE: 'execute', TARGET_TOPIC: 'kafka-prod-restore-drill-scratch', SOURCE_TOPIC: 'kafka-prod-backup-probe', NAMESPACE: 'kafka', CONNECTOR_NAME: 'kafka-prod-restore-drill', CONNECTOR_MANIFEST: CONNECTOR, LOAD_POLL_SECONDS: '0.05', VERIFY_POLL_SECONDS: '0.05' });
const stage = (env: Record<string, string> = {}) => aws.run('restore-stage.sh', { ...common(), S3_BUCKET: BUCKET, DATA_PREFIX: DATA, STAGING_PREFIX: 'kafka-backups/kafka-prod/restores/drill', TOPIC: 'kafka-prod-backup-probe', RUN_ID: 'r1', ...env });
const verify = (action: string, env: Record<string, string> = {}) => kafka.run('restore-verify.sh', [action], { ...common(), ...env });
const load = (action: string, env: Record<string, string> = {}) => kubectl.run('restore-load.sh', { ...common(), ...env }, [action]);

/** The probe topic: 6 hourly records in Kafka (offsets 0..5) and in the backup (two objects). */
function probeWithBackup(): void {
  kafka.topic('kafka-prod-backup-probe', 1);
  const records = Array.from({ length: 6 }, (_, i) => ({ timestamp: now - (6 - i) * 60 * MIN, key: 'probe', value: `{"probe":"${i}"}` }));
  kafka.append('kafka-prod-backup-probe', 0, records);
  const env = records.map((r, i) => envelope({ topic: 'kafka-prod-backup-probe', partition: 0, offset: i, timestamp: r.timestamp, key: r.key, value: r.value }));
  aws.put(BUCKET, `${DATA}/0/${objectName(2, records[0].timestamp, records[2].timestamp)}`, env.slice(0, 3).join('\n') + '\n');
  aws.put(BUCKET, `${DATA}/0/${objectName(5, records[3].timestamp, records[5].timestamp)}`, env.slice(3).join('\n') + '\n');
}

/** What the source connector does: every staged envelope appended to the target with its partition, timestamp, key and value. */
function playConnector(mutate: (value: string, i: number) => string = (v) => v): void {
  const keys = aws.keys(BUCKET, 'kafka-backups/kafka-prod/restores/drill/r1/');
  let i = 0;
  for (const key of keys) {
    for (const line of aws.get(BUCKET, key)!.trimEnd().split('\n')) {
      const e = JSON.parse(line);
      const text = (b: string | null) => (b === null ? null : Buffer.from(b, 'base64').toString());
      kafka.append('kafka-prod-restore-drill-scratch', e.metadata.partition, [{ timestamp: e.metadata.timestamp, key: text(e.key), value: mutate(text(e.value)!, i++) }]);
    }
  }
}

beforeEach(() => {
  aws = new FakeAws();
  kafka = new FakeKafka();
  kubectl = new FakeKubectl();
  work = path.join(aws.root, 'work');
  fs.mkdirSync(work, { recursive: true });
  now = Date.now();
  probeWithBackup();
  // The scratch topic holds last week's drill records: the drill empties it first.
  kafka.topic('kafka-prod-restore-drill-scratch', 1);
  kafka.append('kafka-prod-restore-drill-scratch', 0, [{ timestamp: now - 7 * 24 * 60 * MIN, key: 'probe', value: 'last week' }]);
});
afterEach(() => {
  aws.dispose();
  kafka.dispose();
  kubectl.dispose();
});

test('a drill: stage, empty the scratch topic, load, verify counts and checksums, report the recovery point and time, clean up', () => {
  expect(stage().status).toBe(0);
  const baseline = verify('baseline', { SCRATCH: 'true' });
  expect([baseline.status, baseline.stderr]).toEqual([0, '']);
  expect(baseline.stdout).toMatch(/scratch topic kafka-prod-restore-drill-scratch emptied/);
  expect(fs.readFileSync(path.join(work, 'baseline'), 'utf8')).toBe('0 1\n');
  const loaded = load('load');
  expect([loaded.status, loaded.stderr]).toEqual([0, '']);
  // This run's staged prefix, not the placeholder.
  expect(kubectl.applied()!.spec.config['connect.s3.kcql']).toContain('restores/drill/r1 STOREAS');
  playConnector();
  const r = verify('verify', { CHECKSUM_SOURCE: 'true', MAX_RECOVERY_POINT_SECONDS: String(2 * 3600), MAX_RECOVERY_TIME_SECONDS: '3600' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const result = /RESTORE-RESULT .*/.exec(r.stdout)![0];
  expect(result).toMatch(/source=kafka-prod-backup-probe target=kafka-prod-restore-drill-scratch records=6 partitions=1 recovery_point=\S+Z recovery_point_age_s=(\d+) recovery_time_s=(\d+) checksum=ok rpo_target_s=7200 rto_target_s=3600/);
  // The newest backed-up probe is one hour old.
  const age = Number(/recovery_point_age_s=(\d+)/.exec(result)![1]);
  expect(age).toBeGreaterThanOrEqual(3590);
  expect(age).toBeLessThan(3700);
  expect(load('cleanup').status).toBe(0);
  expect(kubectl.connectors()).toEqual([]);
});

test('a restored value that differs from its source fails the checksum (exit 7) naming the partition', () => {
  stage();
  verify('baseline', { SCRATCH: 'true' });
  load('load');
  playConnector((v, i) => (i === 4 ? `${v}-corrupted` : v));
  const r = verify('verify', { CHECKSUM_SOURCE: 'true' });
  expect(r.status).toBe(7);
  expect(r.stderr).toMatch(/partition 0: restored records differ from the source \(first difference: .*"probe":"4"/);
});

test('records that never arrive: exit 8 after the timeout, naming what is missing; a duplicate load: exit 6', () => {
  stage();
  verify('baseline', { SCRATCH: 'true' });
  let r = verify('verify', { VERIFY_TIMEOUT_SECONDS: '0' });
  expect(r.status).toBe(8);
  expect(r.stderr).toMatch(/records missing in kafka-prod-restore-drill-scratch after 0s: partition 0: 0 of 6/);
  playConnector();
  playConnector();
  r = verify('verify');
  expect(r.status).toBe(6);
  expect(r.stderr).toMatch(/received more records than the backup holds \(partition 0: 12 records for 6 backed up; another writer, or a duplicate load\)/);
});

test('a recovery point older than its objective (the backup is behind): exit 9 after the result line', () => {
  stage();
  verify('baseline', { SCRATCH: 'true' });
  playConnector();
  const r = verify('verify', { MAX_RECOVERY_POINT_SECONDS: '600' });
  expect(r.status).toBe(9);
  expect(r.stdout).toMatch(/RESTORE-RESULT .*checksum=skipped rpo_target_s=600/);
  expect(r.stderr).toMatch(/the newest restored record is \d+s old, over the recovery point objective of 600s: the backup is behind/);
});

test('a restore slower than its objective: exit 10', () => {
  stage();
  verify('baseline');
  playConnector();
  fs.writeFileSync(path.join(work, 'started'), String(Math.floor(now / 1000) - 7200));
  expect(verify('verify', { MAX_RECOVERY_TIME_SECONDS: '3600' }).status).toBe(10);
});

test('Kafka tools that fail without a failing exit code are caught: delete-records errors, consumer errors', () => {
  stage();
  kafka.recordFault('delete-records', 'org.apache.kafka.common.errors.TopicAuthorizationException: Topic authorization failed.');
  let r = verify('baseline', { SCRATCH: 'true' });
  expect(r.status).toBe(5);
  expect(r.stderr).toMatch(/emptying scratch topic kafka-prod-restore-drill-scratch: partition: kafka-prod-restore-drill-scratch-0\terror: .*TopicAuthorizationException/);
  fs.rmSync(path.join(kafka.root, 'faults', 'delete-records'));
  verify('baseline', { SCRATCH: 'true' });
  playConnector();
  kafka.recordFault('consumer', '[2025-03-01 10:00:00,000] ERROR Error processing message, terminating consumer process:  (org.apache.kafka.tools.consumer.ConsoleConsumer)\norg.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [kafka-prod-backup-probe]\n');
  r = verify('verify', { CHECKSUM_SOURCE: 'true' });
  expect(r.status).toBe(5);
  expect(r.stderr).toMatch(/kafka-console-consumer.sh --topic kafka-prod-backup-probe --partition 0: .*ERROR Error processing message/);
});

test('the target lacks partitions the backup has: exit 6 before anything is loaded; an unknown target topic: exit 5', () => {
  aws.put(BUCKET, `${DATA}/3/${objectName(0, now - MIN, now - MIN)}`, envelope({ topic: 'kafka-prod-backup-probe', partition: 3, offset: 0, timestamp: now - MIN, key: 'k', value: 'v' }) + '\n');
  stage();
  let r = verify('baseline');
  expect(r.status).toBe(6);
  expect(r.stderr).toMatch(/target topic kafka-prod-restore-drill-scratch has 1 partitions; the restored records need at least 4/);
  r = verify('baseline', { TARGET_TOPIC: 'missing' });
  expect(r.status).toBe(5);
  expect(r.stderr).toMatch(/kafka-get-offsets.sh --topic missing exited 1: Error occurred: Topic missing does not exist/);
});

test('the connector: a failed task fails the load (6) with Strimzi\'s trace; no status in time: 8; the API refusing: 5; a leftover connector is replaced', () => {
  stage();
  kubectl.connectorStatus('RUNNING|FAILED|org.apache.kafka.connect.errors.ConnectException: software.amazon.awssdk.services.s3.model.S3Exception: Access Denied');
  let r = load('load');
  expect(r.status).toBe(6);
  expect(r.stderr).toMatch(/connector kafka-prod-restore-drill failed \(connector RUNNING, tasks FAILED\): .*Access Denied/);
  kubectl.connectorStatus('RUNNING|RUNNING|', 1000);
  r = load('load', { LOAD_TIMEOUT_SECONDS: '0' });
  expect(r.status).toBe(8);
  expect(kubectl.calls().filter((c) => c.includes('delete kafkaconnector kafka-prod-restore-drill --ignore-not-found')).length).toBeGreaterThanOrEqual(2);
  kubectl.refuse('apply', 'Error from server (Forbidden): kafkaconnectors.kafka.strimzi.io is forbidden: User "system:serviceaccount:kafka:kafka-prod-restore-drill" cannot create resource "kafkaconnectors"');
  r = load('load');
  expect(r.status).toBe(5);
  expect(r.stderr).toMatch(/kubectl apply -f .* failed: Error from server \(Forbidden\)/);
});

test('dry-run: no step changes anything', () => {
  const env = { RESTORE_MODE: 'dry-run' };
  expect(stage(env).status).toBe(0);
  expect(verify('baseline', { ...env, SCRATCH: 'true' }).stdout).toMatch(/dry run: baseline skipped/);
  expect(load('load', env).stdout).toMatch(/dry run: no connector is created/);
  expect(kubectl.calls()).toEqual([]);
  expect(kafka.records('kafka-prod-restore-drill-scratch', 0)).toHaveLength(1);
});

describe('backup-probe.sh', () => {
  test('writes one probe record and checks that it arrived', () => {
    const r = kafka.run('backup-probe.sh', [], { PROBE_TOPIC: 'kafka-prod-backup-probe' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(kafka.records('kafka-prod-backup-probe', 0)).toHaveLength(7);
    expect(kafka.records('kafka-prod-backup-probe', 0)[6]).toMatch(/\tprobe\t\{"probe":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}$/);
  });

  test('a send the broker refuses is logged with exit 0 by the console producer: the probe fails (5)', () => {
    kafka.recordFault('producer', '[2025-03-01 10:00:00,000] ERROR Error when sending message to topic kafka-prod-backup-probe with key: 5 bytes, value: 30 bytes with error: (org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)\norg.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [kafka-prod-backup-probe]\n');
    const r = kafka.run('backup-probe.sh', [], { PROBE_TOPIC: 'kafka-prod-backup-probe' });
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/the probe record was not written: .*ERROR Error when sending message/);
  });
});

describe('s3-download.sh (offset restore from the off-cluster copy)', () => {
  const env = () => ({ S3_BUCKET: BUCKET, S3_PREFIX: 'kafka-backups/kafka-prod', BACKUP_ID: '20250301T120000Z', WORK_DIR: work });
  test('copies the backup; restore-offsets.sh then checks its SHA256SUMS', () => {
    aws.put(BUCKET, 'kafka-backups/kafka-prod/20250301T120000Z/consumer-offsets.csv', 'group,topic,partition,offset\n');
    aws.put(BUCKET, 'kafka-backups/kafka-prod/20250301T120000Z/SHA256SUMS', `${execFileSync('sha256sum', { input: 'group,topic,partition,offset\n' }).toString().split(' ')[0]}  consumer-offsets.csv\n`);
    const r = aws.run('s3-download.sh', env());
    expect([r.status, r.stderr]).toEqual([0, '']);
    const dir = path.join(work, '20250301T120000Z');
    expect(fs.readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'consumer-offsets.csv']);
    expect(execFileSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: dir }).toString()).toBe('');
  });
  test('a backup not in the bucket: exit 2; one without SHA256SUMS: 2; access denied: 5', () => {
    let r = aws.run('s3-download.sh', env());
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/backup 20250301T120000Z is not in s3:\/\/example-kafka-backups\/kafka-backups\/kafka-prod\//)]);
    aws.put(BUCKET, 'kafka-backups/kafka-prod/20250301T120000Z/consumer-offsets.csv', 'x\n');
    r = aws.run('s3-download.sh', env());
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/has no SHA256SUMS: it is incomplete/)]);
    aws.fault('ls', 'access-denied');
    expect(aws.run('s3-download.sh', env()).status).toBe(5);
  });
});

test('every script of the restore passes ShellCheck', () => {
  for (const [script, shell] of [['restore-stage.sh', 'sh'], ['restore-load.sh', 'sh'], ['s3-download.sh', 'sh'], ['restore-verify.sh', 'bash'], ['backup-probe.sh', 'bash']]) {
    execFileSync('shellcheck', ['-s', shell, '-e', 'SC1091', path.join(SCRIPTS, script)]);
  }
});
