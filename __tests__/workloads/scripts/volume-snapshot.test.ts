import { FakeKubectl } from './fake-kubectl';

/**
 * volume-snapshot.sh (POSIX sh, as in the kubectl image) against a fake kubectl: snapshots of every
 * claim in one request, a bounded wait for readyToUse, failure on snapshot errors, pruning only after success.
 */
let kube: FakeKubectl;
beforeEach(() => {
  kube = new FakeKubectl();
  kube.pvcs('data-0-kafka-prod-brokers-0', 'data-0-kafka-prod-brokers-1', 'data-0-kafka-prod-controllers-3');
  kube.snapshot('data-0-kafka-prod-brokers-0-202401010000', '2024-01-01T00:00:00Z');
});
afterEach(() => kube.dispose());

const ENV = { CLUSTER_NAME: 'kafka-prod', NAMESPACE: 'kafka', SNAPSHOT_CLASS: 'csi-snapclass', RETENTION_DAYS: '28' };
const run = (env: Record<string, string> = {}) => kube.run('volume-snapshot.sh', { ...ENV, ...env });
const created = () => kube.calls().filter((c) => c.startsWith('kubectl --namespace kafka create'));
const deleted = () => kube.calls().filter((c) => c.includes(' delete volumesnapshot '));

test('one create for every claim, waits until all are ready, then prunes old snapshots', () => {
  kube.readyAfter(3);
  const r = run();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(created()).toHaveLength(1);
  const manifest = kube.calls().join('\n');
  for (const pvc of ['data-0-kafka-prod-brokers-0', 'data-0-kafka-prod-brokers-1', 'data-0-kafka-prod-controllers-3']) {
    expect(manifest).toContain(`persistentVolumeClaimName: ${pvc}`);
  }
  expect(manifest).toMatch(/kafka-platform\/snapshot-run: "\d{12}"/);
  expect(r.stdout).toMatch(/all 3 snapshots are readyToUse/);
  // Each snapshot was read until ready (3 reads each).
  expect(kube.calls().filter((c) => c.includes('get volumesnapshot data-0-kafka-prod-brokers-1-'))).toHaveLength(3);
  expect(deleted()).toEqual(['kubectl --namespace kafka delete volumesnapshot data-0-kafka-prod-brokers-0-202401010000']);
  expect(kube.snapshots()).toHaveLength(3);
});

test('a snapshot reporting an error: exit 6 naming it, nothing pruned', () => {
  kube.snapshotError('data-0-kafka-prod-brokers-1-', 'Failed to check and update snapshot content: rpc error: code = Internal desc = quota exceeded');
  const r = run();
  expect(r.status).toBe(6);
  expect(r.stderr).toMatch(/snapshot data-0-kafka-prod-brokers-1-\d{12} failed: Failed to check .*quota exceeded \(run \d{12} is not usable; older snapshots were kept\)/);
  expect(deleted()).toEqual([]);
  expect(kube.snapshots()).toContain('data-0-kafka-prod-brokers-0-202401010000');
});

test('snapshots never ready: exit 7 after the bounded wait, naming the pending ones, nothing pruned', () => {
  kube.readyAfter(Infinity);
  const started = Date.now();
  const r = run({ SNAPSHOT_TIMEOUT_SECONDS: '1' });
  expect(r.status).toBe(7);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(r.stderr).toMatch(/not ready after 1s: data-0-kafka-prod-brokers-0-\d{12} data-0-kafka-prod-brokers-1-\d{12} data-0-kafka-prod-controllers-3-\d{12}/);
  expect(deleted()).toEqual([]);
});

test('the API refusing the create (kubectl exit 1): exit 5, nothing waited for or pruned', () => {
  kube.refuse('create', 'Error from server (Forbidden): volumesnapshots.snapshot.storage.k8s.io is forbidden: User "system:serviceaccount:kafka:kafka-prod-volume-snapshot" cannot create resource "volumesnapshots"');
  const r = run();
  expect(r.status).toBe(5);
  expect(r.stderr).toMatch(/Forbidden[\s\S]*creating the snapshots failed/);
  expect(kube.calls().some((c) => c.includes('get volumesnapshot '))).toBe(false);
  expect(deleted()).toEqual([]);
});

test('no claims found, or listing them fails: exit 5, no snapshot created', () => {
  kube.pvcs();
  expect(run().status).toBe(5);
  kube.refuse('get-pvc', 'Error from server (Forbidden): persistentvolumeclaims is forbidden');
  expect(run().status).toBe(5);
  expect(created()).toEqual([]);
});

test('missing configuration: exit 2 before any kubectl call', () => {
  expect(kube.run('volume-snapshot.sh', { NAMESPACE: 'kafka' }).status).toBe(2);
  expect(kube.calls()).toEqual([]);
});
