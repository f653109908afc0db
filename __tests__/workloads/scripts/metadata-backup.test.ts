import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { FakeKafka } from './fake-kafka';

/**
 * metadata-backup.sh against fake tools that fail like the real ones: what it saves, how it converts,
 * where it writes, and that every failure mode (including `Error:` printed with exit 0) leaves no backup.
 */
let kafka: FakeKafka;
beforeEach(() => (kafka = new FakeKafka()));
afterEach(() => kafka.dispose());

const TOPICS_OUTPUT =
  'Topic: orders\tTopicId: AbC\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,retention.ms=604800000\n' +
  '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n' +
  'Topic: invoices\tTopicId: DeF\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: \n';

function runBackup(extraEnv: Record<string, string> = {}) {
  // orders-service has members and one partition without a committed offset ("-"); billing is Empty.
  kafka.group('orders-service', 'Stable', [['orders', 0, 1200], ['orders', 1, '-']]);
  kafka.group('billing', 'Empty', [['invoices', 0, 42]]);
  kafka.output('kafka-topics.sh', TOPICS_OUTPUT);
  kafka.output('kafka-acls.sh', 'Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:\n');
  const work = path.join(kafka.root, 'work');
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'backup-id'), '20250301T120000Z');
  return { work, result: kafka.run('metadata-backup.sh', [], { WORK_DIR: work, CLUSTER_NAME: 'kafka-prod', NAMESPACE: 'kafka', ...extraEnv }) };
}
const backupsIn = (root: string) => (fs.existsSync(root) ? fs.readdirSync(root) : []);

test('saves groups, topics, configs and ACLs through the client config, as the restore format', () => {
  const { work, result } = runBackup();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const out = path.join(work, 'current');
  expect(fs.readFileSync(path.join(out, 'consumer-offsets.csv'), 'utf8')).toBe('group,topic,partition,offset\nbilling,invoices,0,42\norders-service,orders,0,1200\n');
  expect(fs.readFileSync(path.join(out, 'topics.csv'), 'utf8')).toBe(
    'topic,partitions,replicationFactor,configs\norders,2,3,"min.insync.replicas=2,retention.ms=604800000"\ninvoices,1,3,""\n',
  );
  const calls = kafka.calls();
  expect(calls).toEqual(expect.arrayContaining([expect.stringMatching(/^kafka-acls.sh .*--command-config \S+ --list$/), expect.stringMatching(/^kafka-configs.sh .* --entity-type brokers --all$/)]));
  expect(calls.every((c) => c.includes('--bootstrap-server kafka-bootstrap:9093 --command-config'))).toBe(true);
  expect(fs.readFileSync(path.join(out, 'MANIFEST'), 'utf8')).toMatch(/^format=kafka-platform-backup\/v1\nid=20250301T120000Z\ncluster=kafka-prod\n[\s\S]*groups=2\ntopics=2\n$/);
  // The checksums cover every file, so restore can detect a damaged backup.
  execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: out });
  expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toMatch(/consumer-offsets.csv[\s\S]*topics.csv/);
});

test('with BACKUP_ROOT: the backup appears under its id and old backups are pruned', () => {
  const root = path.join(kafka.root, 'pvc');
  fs.mkdirSync(path.join(root, '20240101T000000Z'), { recursive: true });
  const { result } = runBackup({ BACKUP_ROOT: root, RETENTION_DAYS: '30', BACKUP_NOW_EPOCH: String(Date.UTC(2025, 2, 1, 12) / 1000) });
  expect(result.status).toBe(0);
  expect(backupsIn(root)).toEqual(['20250301T120000Z']);
  expect(fs.readdirSync(path.join(root, '20250301T120000Z'))).toEqual(expect.arrayContaining(['consumer-offsets.csv', 'SHA256SUMS', 'MANIFEST', 'acls.txt']));
});

test('a Kafka tool exiting non-zero: exit 5 and no backup', () => {
  fs.writeFileSync(path.join(kafka.home, 'bin', 'kafka-acls.sh'), '#!/usr/bin/env bash\necho "Error while executing ACL command: Authorization failed."\nexit 1\n', { mode: 0o755 });
  const root = path.join(kafka.root, 'pvc');
  const { result } = runBackup({ BACKUP_ROOT: root });
  expect(result.status).toBe(5);
  expect(result.stderr).toMatch(/kafka-acls.sh --list exited 1: Error while executing ACL command/);
  expect(backupsIn(root)).toEqual([]);
});

test('kafka-consumer-groups.sh printing Error: with exit 0: exit 5 and no backup (not an empty, "successful" one)', () => {
  kafka.fault('describe-all', '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: describeGroups\n');
  const root = path.join(kafka.root, 'pvc');
  const { result } = runBackup({ BACKUP_ROOT: root });
  expect(result.status).toBe(5);
  expect(result.stderr).toMatch(/reported a failure \(exit code 0\): Error: Executing consumer group command failed due to .*TimeoutException/);
  expect(backupsIn(root)).toEqual([]);
});

test('a group deleted during the describe (GroupIdNotFoundException, exit 0): exit 5', () => {
  kafka.fault('describe-all', '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.GroupIdNotFoundException: Group billing not found.\n');
  expect(runBackup().result.status).toBe(5);
});

test('an empty describe while groups are listed: exit 6 naming the groups, no backup', () => {
  kafka.fault('describe-all', '');
  const root = path.join(kafka.root, 'pvc');
  const { result } = runBackup({ BACKUP_ROOT: root });
  expect(result.status).toBe(6);
  expect(result.stderr).toMatch(/consumer groups listed but missing from the offsets describe: billing orders-service \(2 listed, 0 described\)/);
  expect(backupsIn(root)).toEqual([]);
});

test('a describe that silently drops one listed group: exit 6', () => {
  kafka.fault('list', 'billing\norders-service\npayments-service\n');
  const { result } = runBackup();
  expect(result.status).toBe(6);
  expect(result.stderr).toMatch(/missing from the offsets describe: payments-service \(3 listed, 2 described\)/);
});

test('a topic describe that answers nothing while topics are listed: exit 6', () => {
  kafka.output('kafka-topics.sh.list', 'invoices\norders\n');
  const { work } = runBackup(); // seeds the fakes; the describe below answers empty
  kafka.output('kafka-topics.sh', '');
  const r = kafka.run('metadata-backup.sh', [], { WORK_DIR: work });
  expect(r.status).toBe(6);
  expect(r.stderr).toMatch(/topics listed but missing from the topic describe: invoices orders/);
});

test('no groups and no topics listed (a new cluster) is a valid, empty backup', () => {
  const work = path.join(kafka.root, 'work');
  fs.mkdirSync(work);
  const r = kafka.run('metadata-backup.sh', [], { WORK_DIR: work });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(fs.readFileSync(path.join(work, 'current', 'consumer-offsets.csv'), 'utf8')).toBe('group,topic,partition,offset\n');
});
