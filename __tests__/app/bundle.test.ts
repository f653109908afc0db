import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeCacheFile } from '../../scripts/run-bundle';

/**
 * `npm run synth` (and cdktf.json's `app`) run the bundled app with a code cache (scripts/bundle.ts,
 * scripts/run-bundle.ts). It must write exactly what the unbundled compiled app writes, with or without
 * its cache, and a damaged cache must cost only the compile. Needs `npm run build` (CI's synth runs it first).
 */
const ROOT = path.join(__dirname, '..', '..');
const UNBUNDLED = path.join(ROOT, 'dist', 'main.js');
const RUNNER = path.join(ROOT, 'dist', 'scripts', 'run-bundle.js');
const BUNDLE = path.join(ROOT, 'dist', 'app', 'main.js');
const built = fs.existsSync(UNBUNDLED) && fs.existsSync(RUNNER) && fs.existsSync(BUNDLE);
if (!built && process.env.CI === 'true') throw new Error('the bundle test cannot run in CI without dist/: run npm run build first');
const describeIfBuilt = built ? describe : (name: string) => describe.skip(name, () => test('needs npm run build', () => undefined));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every file of a synth output, by path, as its SHA-256. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

let runs = 0;
function synth(script: string, env: Record<string, string> = {}): Record<string, string> {
  const outdir = path.join(work, `out-${runs++}`);
  const r = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_OUTDIR: outdir, ...env } });
  expect([r.status, r.stderr]).toEqual([0, '']);
  return tree(outdir);
}

describeIfBuilt('the bundled app', () => {
  const cacheDir = path.join(work, 'cache');
  const sha256 = built ? (JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'app', 'bundle.json'), 'utf8')) as { sha256: string }).sha256 : '';
  const cacheFile = codeCacheFile(sha256, { KAFKA_PLATFORM_CODE_CACHE_DIR: cacheDir })!;
  let reference: Record<string, string>;
  beforeAll(() => {
    reference = synth(UNBUNDLED);
  }, 60_000);

  test('writes byte for byte what the unbundled app writes, every stack and asset', () => {
    expect(Object.keys(reference).filter((f) => f.endsWith('cdk.tf.json'))).toHaveLength(4);
    expect(synth(RUNNER, { KAFKA_PLATFORM_CODE_CACHE: 'off' })).toEqual(reference);
    expect(fs.existsSync(cacheDir)).toBe(false);
  }, 60_000);

  test('the first run stores the code cache and the next one uses it unchanged, with the same output', () => {
    const env = { KAFKA_PLATFORM_CODE_CACHE_DIR: cacheDir };
    expect(synth(RUNNER, env)).toEqual(reference);
    const stored = fs.readFileSync(cacheFile);
    expect(stored.length).toBeGreaterThan(100_000);
    expect(synth(RUNNER, env)).toEqual(reference);
    // Accepted: not rewritten (a rejected cache would be replaced).
    expect(fs.readFileSync(cacheFile).equals(stored)).toBe(true);
  }, 60_000);

  test('a damaged cache costs only the compile: same output, and the cache is replaced', () => {
    fs.writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    expect(synth(RUNNER, { KAFKA_PLATFORM_CODE_CACHE_DIR: cacheDir })).toEqual(reference);
    expect(fs.readFileSync(cacheFile).length).toBeGreaterThan(100_000);
  }, 60_000);

  test('the cache is keyed by the bundle, the Node version and the architecture', () => {
    const a = codeCacheFile('a'.repeat(64), { KAFKA_PLATFORM_CODE_CACHE_DIR: cacheDir })!;
    const b = codeCacheFile('b'.repeat(64), { KAFKA_PLATFORM_CODE_CACHE_DIR: cacheDir })!;
    expect(a).not.toBe(b);
    expect(path.basename(a)).toBe(`app-${'a'.repeat(16)}-node${process.versions.node}-${process.arch}.cache`);
    expect(codeCacheFile('a'.repeat(64), { KAFKA_PLATFORM_CODE_CACHE: 'off' })).toBeUndefined();
  });
});
