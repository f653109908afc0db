import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { SCRIPTS } from './fake-kafka';

/** prune-backups.sh: age comes from the backup's name; nothing but backups is ever deleted. */
let root: string;
beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-'))));
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const NOW = String(Date.UTC(2025, 5, 30, 12) / 1000); // 2025-06-30T12:00:00Z
const prune = (days: string) => spawnSync('bash', [path.join(SCRIPTS, 'prune-backups.sh'), root, days], { encoding: 'utf8', env: { PATH: process.env.PATH, BACKUP_NOW_EPOCH: NOW } });

test('deletes backups older than the retention and keeps the rest', () => {
  for (const d of ['20250530T115959Z', '20250530T120001Z', '20250630T060000Z', '.partial-20250630T120000Z', 'notes']) fs.mkdirSync(path.join(root, d));
  fs.writeFileSync(path.join(root, '20240101T000000Z'), 'a file, not a backup');
  const r = prune('31');
  expect(r.status).toBe(0);
  expect(fs.readdirSync(root).sort()).toEqual(['.partial-20250630T120000Z', '20240101T000000Z', '20250530T120001Z', '20250630T060000Z', 'notes']);
  expect(r.stdout).toContain('pruned backup 20250530T115959Z');
});

test.each(['0', '-1', 'thirty', ''])('refuses retention %j and deletes nothing', (days) => {
  fs.mkdirSync(path.join(root, '20000101T000000Z'));
  expect(prune(days).status).not.toBe(0);
  expect(fs.readdirSync(root)).toEqual(['20000101T000000Z']);
});
