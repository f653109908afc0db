import * as fs from 'fs';
import * as path from 'path';
import { FakeKafka, writeBackup } from './fake-kafka';

/**
 * restore-offsets.sh against fake kafka-*.sh tools on fixture backups: a good backup restores every
 * group with its own offsets file; a missing, corrupt or unsafe one fails clearly and changes nothing.
 */
const GOOD = path.join(__dirname, 'fixtures/backups/20250101T060000Z');
let kafka: FakeKafka;
beforeEach(() => (kafka = new FakeKafka()));
afterEach(() => kafka.dispose());

const resets = () => kafka.calls().filter((c) => c.includes('--reset-offsets'));

describe('restore-offsets.sh', () => {
  test('good backup, execute: one reset per group with exactly that group\'s offsets', () => {
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const calls = kafka.calls();
    const orders = calls.findIndex((c) => c.includes('--group orders-service --reset-offsets'));
    expect(calls[orders]).toMatch(/--bootstrap-server kafka-bootstrap:9093 --command-config \S+client.properties .*--execute$/);
    expect(calls.slice(orders + 1, orders + 4)).toEqual(['  | orders,0,1200', '  | orders,1,1187', '  | payments,0,55']);
    const billing = calls.findIndex((c) => c.includes('--group billing --reset-offsets'));
    expect(calls.slice(billing + 1, billing + 3)).toEqual(['  | invoices,0,42', '  | invoices,1,0']);
    expect(resets()).toHaveLength(2);
    // The client configuration carries the SCRAM credentials from the mounted Secret file.
    expect(fs.readFileSync(path.join(kafka.root, 'client.properties'), 'utf8')).toMatch(/security.protocol=SASL_SSL[\s\S]*username="backup" password="s3cret"/);
  });

  test('dry-run is the default and passes --dry-run, never --execute', () => {
    const r = kafka.run('restore-offsets.sh', [GOOD]);
    expect(r.status).toBe(0);
    expect(resets().every((c) => c.endsWith('--dry-run'))).toBe(true);
    expect(kafka.calls().join('\n')).not.toContain('--execute');
    expect(kafka.offsets('billing')).toEqual([]);
  });

  test('execute reads every group back and verifies its committed offsets', () => {
    // billing exists with other offsets; orders-service does not exist yet (GroupIdNotFoundException): the reset creates it.
    kafka.group('billing', 'Empty', [['invoices', 0, 7], ['invoices', 1, 9]]);
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(kafka.offsets('billing').sort()).toEqual(['invoices,0,42', 'invoices,1,0']);
    expect(kafka.offsets('orders-service').sort()).toEqual(['orders,0,1200', 'orders,1,1187', 'payments,0,55']);
    expect(kafka.calls().filter((c) => / --describe --group \S+ --offsets$/.test(c))).toHaveLength(2);
    expect(r.stdout).toMatch(/group orders-service verified: 3 committed offsets match the backup/);
    expect(r.stdout).toMatch(/finished, every offset verified/);
  });

  test('an error printed with exit 0 while checking a group: exit 5, no reset', () => {
    kafka.fault('state', '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment.\n');
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/checking group orders-service: Error: .*TimeoutException.*nothing was changed/);
    expect(resets()).toEqual([]);
  });

  test('a state answer without a state (empty describe): exit 5, no reset', () => {
    kafka.fault('state', '');
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/no state in the answer/);
    expect(resets()).toEqual([]);
  });

  test('Kafka refusing the reset with Error: and exit 0: exit 5, never "finished"', () => {
    kafka.fault('reset', "\nError: Assignments can only be reset if the group 'orders-service' is inactive, but the current state is Stable.\n");
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/resetting group orders-service: Error: Assignments can only be reset .*no group was changed/);
    expect(r.stdout).not.toMatch(/finished/);
  });

  test('an empty reset answer (no plan printed): exit 6', () => {
    kafka.fault('reset', '');
    const r = kafka.run('restore-offsets.sh', [GOOD]);
    expect(r.status).toBe(6);
    expect(r.stderr).toMatch(/group orders-service: Kafka's plan differs from the backup/);
  });

  test('a reset Kafka printed but did not apply: exit 6 naming the missing offsets and the groups already restored', () => {
    kafka.group('billing', 'Empty', [['invoices', 0, 7], ['invoices', 1, 9]]);
    kafka.ignoreResets('billing');
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(6);
    expect(r.stderr).toMatch(/group billing: committed offsets after the reset differ from the backup: invoices,0,42 invoices,1,0 not committed \(groups already restored: orders-service\)/);
  });

  test('the verification describe failing (Error:, exit 0): exit 6', () => {
    kafka.fault('offsets', '\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.CoordinatorNotAvailableException: The coordinator is not available.\n');
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(6);
    expect(r.stderr).toMatch(/verifying group orders-service after the reset: Error: .*CoordinatorNotAvailableException/);
  });

  test('RESTORE_GROUPS limits the restore to matching groups', () => {
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute', RESTORE_GROUPS: 'bill.*' });
    expect(r.status).toBe(0);
    expect(resets()).toHaveLength(1);
    expect(resets()[0]).toContain('--group billing');
  });

  test('missing backup: exit 2, clear message, no Kafka call', () => {
    const r = kafka.run('restore-offsets.sh', [path.join(kafka.root, 'backups/20240101T000000Z')], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/backup '.*20240101T000000Z' not found/);
    expect(kafka.calls()).toEqual([]);
  });

  test('backup without its offsets file: exit 2, no Kafka call', () => {
    const dir = writeBackup(path.join(kafka.root, 'b'), { MANIFEST: 'format=kafka-platform-backup/v1\n' });
    const r = kafka.run('restore-offsets.sh', [dir], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has no consumer-offsets.csv/);
    expect(kafka.calls()).toEqual([]);
  });

  test('file changed after the backup (checksum mismatch): exit 3, no Kafka call', () => {
    const dir = path.join(kafka.root, 'copy');
    fs.cpSync(GOOD, dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'consumer-offsets.csv'), 'billing,invoices,2,9\n');
    const r = kafka.run('restore-offsets.sh', [dir], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/does not match its checksums/);
    expect(kafka.calls()).toEqual([]);
  });

  test('missing checksums: exit 3, no Kafka call', () => {
    const dir = path.join(kafka.root, 'copy');
    fs.cpSync(GOOD, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'SHA256SUMS'));
    const r = kafka.run('restore-offsets.sh', [dir], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/no SHA256SUMS/);
    expect(kafka.calls()).toEqual([]);
  });

  test.each([
    ['a truncated line', 'group,topic,partition,offset\norders-service,orders,0,1200\norders-service,orders,1\n', /line 3 = "orders-service,orders,1"/],
    ['a negative offset', 'group,topic,partition,offset\norders-service,orders,0,-5\n', /line 2/],
    ['a topic name Kafka forbids', 'group,topic,partition,offset\nbilling,in voices,0,1\n', /line 2/],
    ['a wrong header', 'topic,partition,offset\norders,0,1\n', /line 1 = 'topic,partition,offset'/],
  ])('well-checksummed file with %s: exit 3 naming the line, no Kafka call', (_what, csv, message) => {
    // The last good line comes first, so a script that acted line by line would already have called Kafka.
    const dir = writeBackup(path.join(kafka.root, 'bad'), { 'consumer-offsets.csv': csv });
    const r = kafka.run('restore-offsets.sh', [dir], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(kafka.calls()).toEqual([]);
  });

  test('a group with active members stops the whole restore before any reset', () => {
    kafka.groupState('billing', 'Stable');
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'execute' });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/still have members: billing \(Stable\).*nothing was changed/);
    expect(resets()).toEqual([]);
  });

  test('an unknown mode is refused before anything is read', () => {
    const r = kafka.run('restore-offsets.sh', [GOOD], { RESTORE_MODE: 'force' });
    expect(r.status).toBe(2);
    expect(kafka.calls()).toEqual([]);
  });
});
