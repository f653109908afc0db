import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * `npm run crds`: fetches the Strimzi 1.2.0 CRDs the conformance tests validate against, checks each file
 * against the SHA-256 pinned in `scripts/strimzi-crd-pins.json`, and stores it in the git-ignored cache the tests
 * read when `STRIMZI_CRD_DIR` is unset. A file whose digest differs from its pin, or that has no pin, is
 * refused and nothing is written for it.
 *
 *   npm run crds                    download from the Strimzi repository at the release tag
 *   npm run crds -- --from <dir>    copy from a local folder instead (same pins), e.g. ../shared/schemas/strimzi
 */

export interface CrdPins {
  readonly version: string;
  /** Folder URL at the release tag; file names are appended. */
  readonly baseUrl: string;
  /** Cache folder, relative to the repository root. */
  readonly cacheDir: string;
  /** File name to lower-case hex SHA-256. */
  readonly files: Readonly<Record<string, string>>;
}

export interface FetchCrdsOptions {
  readonly pins: CrdPins;
  /** Folder to store the verified files in. */
  readonly dest: string;
  /** Read the files from this folder instead of downloading them. */
  readonly from?: string;
  readonly log?: (line: string) => void;
}

/** Refusal with a one-line reason. */
export class CrdFetchError extends Error {}

/** The repository root, from the source (`scripts/`) or the compiled (`dist/scripts/`) location. */
export function repositoryRoot(start = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'scripts', 'strimzi-crd-pins.json'))) return dir;
    if (path.dirname(dir) === dir) throw new CrdFetchError(`cannot find scripts/strimzi-crd-pins.json above ${start}`);
  }
}

export function readPins(root = repositoryRoot()): CrdPins {
  return JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'strimzi-crd-pins.json'), 'utf8')) as CrdPins;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function download(url: string): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
  } catch (err) {
    throw new CrdFetchError(`cannot download ${url}: ${(err as Error).cause ?? (err as Error).message}`);
  }
  if (!response.ok) throw new CrdFetchError(`cannot download ${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Fetches, verifies and caches every pinned file; a file already cached with the pinned digest is kept. */
export async function fetchCrds(o: FetchCrdsOptions): Promise<string[]> {
  const log = o.log ?? (() => undefined);
  const entries = Object.entries(o.pins.files);
  if (entries.length === 0) throw new CrdFetchError('no CRD files are pinned in scripts/strimzi-crd-pins.json');
  const unpinned = entries.filter(([, pin]) => !/^[0-9a-f]{64}$/.test(pin ?? '')).map(([file]) => file);
  if (unpinned.length > 0) {
    throw new CrdFetchError(`no SHA-256 pinned for ${unpinned.join(', ')}: set each pin in scripts/strimzi-crd-pins.json from a trusted copy (sha256sum <file>) before downloading`);
  }
  fs.mkdirSync(o.dest, { recursive: true });
  const stored: string[] = [];
  for (const [file, pin] of entries) {
    const target = path.join(o.dest, file);
    if (fs.existsSync(target) && sha256(fs.readFileSync(target)) === pin) {
      log(`${file}: cached, sha256 ${pin}`);
      stored.push(target);
      continue;
    }
    const source = o.from ? path.join(o.from, file) : `${o.pins.baseUrl}${file}`;
    if (o.from && !fs.existsSync(source)) throw new CrdFetchError(`${source} does not exist`);
    const bytes = o.from ? fs.readFileSync(source) : await download(source);
    const digest = sha256(bytes);
    if (digest !== pin) throw new CrdFetchError(`${source}: sha256 ${digest} does not match the pinned ${pin}; not stored`);
    const partial = `${target}.partial`;
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, target);
    log(`${file}: verified, sha256 ${pin}`);
    stored.push(target);
  }
  return stored;
}

async function main(argv: readonly string[]): Promise<void> {
  const root = repositoryRoot();
  const pins = readPins(root);
  const fromAt = argv.indexOf('--from');
  const from = fromAt >= 0 ? argv[fromAt + 1] : undefined;
  if (fromAt >= 0 && !from) throw new CrdFetchError('--from needs a folder');
  const dest = path.join(root, pins.cacheDir);
  await fetchCrds({ pins, dest, from: from && path.resolve(from), log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`Strimzi ${pins.version} CRDs in ${path.relative(process.cwd(), dest) || dest}; the tests use them when STRIMZI_CRD_DIR is unset.\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: Error) => {
    if (!(err instanceof CrdFetchError)) throw err;
    process.stderr.write(`strimzi-crds: ${err.message}\n`);
    process.exitCode = 1;
  });
}
