import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { FakeKafka } from './fake-kafka';

/** metadata-backup.sh against fake tools: what it saves, how it converts, where it writes. */
let kafka: FakeKafka;
beforeEach(() => (kafka = new FakeKafka()));
afterEach(() => kafka.dispose());

// kafka-consumer-groups.sh --describe --all-groups --offsets output (Kafka 4.x): a header per group,
// "-" where a partition has no committed offset.
const GROUPS_OUTPUT = `
GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID                                  HOST            CLIENT-ID
orders-service  orders          0          1200            1210            10              consumer-1-5b0c0e4e                          /10.0.0.7       consumer-1
orders-service  orders          1          -               40              -               consumer-1-5b0c0e4e                          /10.0.0.7       consumer-1

GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID
billing         invoices        0          42              42              0               -               -               -
`;
const TOPICS_OUTPUT =
  'Topic: orders\tTopicId: AbC\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,retention.ms=604800000\n' +
  '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\n' +
  'Topic: invoices\tTopicId: DeF\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: \n';

function runBackup(extraEnv: Record<string, string> = {}) {
  kafka.output('kafka-consumer-groups.sh', GROUPS_OUTPUT);
  kafka.output('kafka-topics.sh', TOPICS_OUTPUT);
  kafka.output('kafka-acls.sh', 'Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`:\n');
  const work = path.join(kafka.root, 'work');
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(work, 'backup-id'), '20250301T120000Z');
  return { work, result: kafka.run('metadata-backup.sh', [], { WORK_DIR: work, CLUSTER_NAME: 'kafka-prod', NAMESPACE: 'kafka', ...extraEnv }) };
}

test('saves groups, topics, configs and ACLs through the client config, as the restore format', () => {
  const { work, result } = runBackup();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const out = path.join(work, 'current');
  expect(fs.readFileSync(path.join(out, 'consumer-offsets.csv'), 'utf8')).toBe('group,topic,partition,offset\norders-service,orders,0,1200\nbilling,invoices,0,42\n');
  expect(fs.readFileSync(path.join(out, 'topics.csv'), 'utf8')).toBe(
    'topic,partitions,replicationFactor,configs\norders,2,3,"min.insync.replicas=2,retention.ms=604800000"\ninvoices,1,3,""\n',
  );
  const calls = kafka.calls();
  expect(calls).toEqual(expect.arrayContaining([expect.stringMatching(/^kafka-acls.sh .*--command-config \S+ --list$/), expect.stringMatching(/^kafka-configs.sh .* --entity-type brokers --all$/)]));
  expect(calls.every((c) => c.includes('--bootstrap-server kafka-bootstrap:9093 --command-config'))).toBe(true);
  expect(fs.readFileSync(path.join(out, 'MANIFEST'), 'utf8')).toMatch(/^format=kafka-platform-backup\/v1\nid=20250301T120000Z\ncluster=kafka-prod\n/);
  // The checksums cover every file, so restore can detect a damaged backup.
  execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: out });
  expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toMatch(/consumer-offsets.csv[\s\S]*topics.csv/);
});

test('with BACKUP_ROOT: the backup appears under its id and old backups are pruned', () => {
  const root = path.join(kafka.root, 'pvc');
  fs.mkdirSync(path.join(root, '20240101T000000Z'), { recursive: true });
  const { result } = runBackup({ BACKUP_ROOT: root, RETENTION_DAYS: '30', BACKUP_NOW_EPOCH: String(Date.UTC(2025, 2, 1, 12) / 1000) });
  expect(result.status).toBe(0);
  expect(fs.readdirSync(root)).toEqual(['20250301T120000Z']);
  expect(fs.readdirSync(path.join(root, '20250301T120000Z'))).toEqual(expect.arrayContaining(['consumer-offsets.csv', 'SHA256SUMS', 'MANIFEST', 'acls.txt']));
});

test('a failing Kafka tool fails the backup and leaves no backup behind', () => {
  fs.writeFileSync(path.join(kafka.home, 'bin', 'kafka-acls.sh'), '#!/usr/bin/env bash\necho "Authorization failed" >&2\nexit 1\n', { mode: 0o755 });
  const root = path.join(kafka.root, 'pvc');
  const { result } = runBackup({ BACKUP_ROOT: root });
  expect(result.status).not.toBe(0);
  expect(fs.existsSync(root) ? fs.readdirSync(root) : []).toEqual([]);
});
