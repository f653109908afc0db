/**
 * Bundles the compiled app (`dist/main.js`, the library, the stacks and their dependencies) into one file,
 * `dist/app/main.js`, which `dist/scripts/run-bundle.js` runs with a V8 code cache. Part of `npm run build`.
 *
 * Why: half the CPU of a synth was Node resolving, reading and compiling about a thousand module files
 * (cdktf ships each with an inline source map). One bundle is read and resolved once; the code cache skips
 * compiling it again on every later synth. The bundle runs the same compiled code as `dist/main.js`: a test
 * compares the two outputs byte for byte (`__tests__/app/bundle.test.ts`).
 *
 * The assets the code finds next to itself (`__dirname`) are copied beside the bundle: the chart
 * (`lib/delivery/chart-asset.ts`) and the workload scripts (`lib/workloads/scripts/index.ts`).
 */
import { createHash } from 'crypto';
import { buildSync } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

const DIST = resolve(__dirname, '..');
export const BUNDLE_DIR = join(DIST, 'app');

function bundle(): void {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const outfile = join(BUNDLE_DIR, 'main.js');
  buildSync({
    entryPoints: [join(DIST, 'main.js')],
    outfile,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    // Not minified (it saved nothing measurable) and without `keepNames` (its `__name` wrappers cost 10 ms): names
    // stay as written but for the few esbuild renames where two modules declare the same one (stack traces only).
    logLevel: 'warning',
  });
  cpSync(join(DIST, 'lib', 'delivery', 'chart'), join(BUNDLE_DIR, 'chart'), { recursive: true });
  const scripts = join(DIST, 'lib', 'workloads', 'scripts');
  for (const f of readdirSync(scripts).filter((n) => n.endsWith('.sh'))) cpSync(join(scripts, f), join(BUNDLE_DIR, f));
  // The code cache is keyed by the bundle's content: V8 itself checks only the source's length.
  const sha256 = createHash('sha256').update(readFileSync(outfile)).digest('hex');
  writeFileSync(join(BUNDLE_DIR, 'bundle.json'), `${JSON.stringify({ sha256 }, null, 2)}\n`);
}

if (require.main === module) bundle();
