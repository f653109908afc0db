/**
 * Runs the bundled app (`dist/app/main.js`, see `scripts/bundle.ts`) with a V8 code cache: the first synth
 * compiles the bundle and stores V8's compiled code; later synths of the same bundle, Node version and
 * architecture load it instead of compiling again. This is what `npm run synth` and cdktf.json's `app` run.
 *
 * The cache lives in `node_modules/.cache/kafka-platform/` (git-ignored, like other tools' caches), one file per
 * bundle hash, Node version and architecture, written atomically. A missing, unreadable or rejected cache only
 * costs the compile; a cache that cannot be written is skipped. `KAFKA_PLATFORM_CODE_CACHE=off` disables it,
 * `KAFKA_PLATFORM_CODE_CACHE_DIR` moves it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import Module from 'module';
import { basename, dirname, join, resolve } from 'path';
import { Script } from 'vm';

const BUNDLE_DIR = resolve(__dirname, '..', 'app');
const DEFAULT_CACHE_DIR = resolve(__dirname, '..', '..', 'node_modules', '.cache', 'kafka-platform');

/** Where the cache of this bundle, Node version and architecture lives (undefined: no cache). */
export function codeCacheFile(bundleSha256: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.KAFKA_PLATFORM_CODE_CACHE === 'off') return undefined;
  const dir = env.KAFKA_PLATFORM_CODE_CACHE_DIR || DEFAULT_CACHE_DIR;
  return join(dir, `app-${bundleSha256.slice(0, 16)}-node${process.versions.node}-${process.arch}.cache`);
}

function readOrUndefined(file: string | undefined): Buffer | undefined {
  try {
    return file === undefined ? undefined : readFileSync(file);
  } catch {
    return undefined;
  }
}

function store(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    // Caches of earlier bundles or Node versions are never read again.
    for (const old of readdirSync(dirname(file))) if (/^app-.*\.cache$/.test(old) && old !== basename(file)) rmSync(join(dirname(file), old), { force: true });
  } catch {
    // A read-only checkout still synthesizes; it only compiles every time.
  }
}

function runBundle(): void {
  const file = join(BUNDLE_DIR, 'main.js');
  const { sha256 } = JSON.parse(readFileSync(join(BUNDLE_DIR, 'bundle.json'), 'utf8')) as { sha256: string };
  const cacheFile = codeCacheFile(sha256);
  const cachedData = readOrUndefined(cacheFile);
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const app = new Module(file, module);
  app.filename = file;
  app.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(BUNDLE_DIR);
  const localRequire = Object.assign((id: string) => app.require(id), {
    resolve: (id: string) => (Module as unknown as { _resolveFilename(id: string, parent: Module): string })._resolveFilename(id, app),
    main: require.main,
    cache: require.cache,
  });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // Created after the run, the cache also holds the functions compiled lazily while synthesizing.
    process.once('exit', () => store(cacheFile, script.createCachedData()));
  }
  (script.runInThisContext() as (...args: unknown[]) => void).call(app.exports, app.exports, localRequire, app, file, BUNDLE_DIR);
}

if (require.main === module) runBundle();
