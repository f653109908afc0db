import * as fs from 'fs';
import * as path from 'path';
import { deflateRawSync, gzipSync } from 'zlib';

/**
 * What Helm stores for one revision of a release, estimated at synth.
 *
 * Helm (v3 and v4, `pkg/storage/driver/secrets.go` and `util.go`) keeps each revision in a Secret
 * `sh.helm.release.v1.<release>.v<revision>` whose one data value, `release`, is
 * `base64(gzip(json(release)))`: the JSON of the release (its name and namespace, `info`, the chart with its
 * metadata, templates, default values and files, `config` (the values given) and `manifest` (the rendered
 * documents)), gzipped at `BestCompression` and base64-encoded (standard alphabet, padded). The API server
 * refuses a Secret whose data values add up to more than 1 MiB (1,048,576 bytes: "data: Too long: must have at
 * most 1048576 bytes"); that base64 text is what counts. The API's own base64 of `data` in JSON is transport
 * only: etcd keeps the bytes.
 *
 * The estimate builds the same JSON: `config` as Go's `encoding/json` writes it (HTML characters escaped),
 * the library's values YAML standing in for the manifest (Helm's `toYaml` of the same objects: sorted keys,
 * other quoting and indentation, within a few per cent of it and compressing alike), the chart's files as
 * they ship, and gzips it with zlib at level 9. Measured against Helm 4.1.4 (`helm install --dry-run=client
 * -o json`, the stored JSON, gzipped by Go's compressor): within 0.1 % on large releases and tens of bytes on
 * small ones (`__tests__/delivery/helm-render.test.ts` checks every release with the real binary).
 */

/** Kubernetes' limit on a Secret's data (`MaxSecretSize`), the one Helm's release Secret must fit. */
export const HELM_RELEASE_SECRET_LIMIT_BYTES = 1024 * 1024;

/**
 * The budget a release's estimated Secret must stay within: the limit less 1/16 (64 KiB), for what the
 * estimate does not see (Helm's YAML folding long strings, timestamps and descriptions of a later revision,
 * fields a newer Helm adds) and for a reviewer to split a growing release before it fails.
 */
export const MAX_STORED_RELEASE_BYTES = HELM_RELEASE_SECRET_LIMIT_BYTES - HELM_RELEASE_SECRET_LIMIT_BYTES / 16;

/** Go's `encoding/json` escapes these inside strings (`\u003c` ...); JSON.stringify writes them as they are. */
const GO_ESCAPED = /[<>&\u2028\u2029]/g;
const goEscape = (json: string) => json.replace(GO_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A timestamp as Go writes `time.Time` (RFC 3339, nanoseconds). */
const TIMESTAMP = '"2006-01-02T15:04:05.999999999Z"';

interface ChartJson {
  /** The chart's JSON, as the release embeds it. */
  readonly json: string;
}

const charts = new Map<string, ChartJson>();

function filesOf(dir: string, rel = ''): string[] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesOf(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]));
}

/**
 * The chart part of the release JSON, read once per chart folder: `Chart.yaml` as metadata (flat keys),
 * `values.yaml` as the default values, each `templates/` file base64 as Helm stores bytes, any other file
 * under `files`.
 */
function chartJson(dir: string): ChartJson {
  const cached = charts.get(dir);
  if (cached) return cached;
  const metadata: Record<string, string> = {};
  const templates: string[] = [];
  const files: string[] = [];
  let values = '{}';
  for (const file of filesOf(dir)) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const entry = `{"name":${JSON.stringify(file)},"data":"${bytes.toString('base64')}","modtime":${TIMESTAMP}}`;
    if (file === 'Chart.yaml') {
      for (const m of bytes.toString('utf8').matchAll(/^([A-Za-z]+):\s*(.*)$/gm)) metadata[m[1]] = m[2];
    } else if (file === 'values.yaml') {
      // The chart's own defaults are tiny (`resources: []`); their text is close to their JSON.
      values = JSON.stringify(bytes.toString('utf8'));
    } else if (file.startsWith('templates/')) {
      templates.push(entry);
    } else if (file !== '.helmignore') {
      files.push(entry);
    }
  }
  const json =
    `{"metadata":${goEscape(JSON.stringify(metadata))},"lock":null,"templates":[${templates.join(',')}],"values":${values},` +
    `"schema":null,"schemamodtime":"0001-01-01T00:00:00Z","files":${files.length > 0 ? `[${files.join(',')}]` : 'null'},"modtime":${TIMESTAMP}}`;
  const chart = { json };
  charts.set(dir, chart);
  return chart;
}

/** One release as Helm would store it. */
export interface StoredReleaseInput {
  readonly name: string;
  readonly namespace: string;
  /** The local chart's folder. */
  readonly chartDir: string;
  /** The values given to the release (Helm's `config`). */
  readonly values: Record<string, unknown>;
  /** The values as the library renders them: the stand-in for Helm's rendered manifest. */
  readonly valuesYaml: string;
}

/** The release JSON the estimate gzips. */
export function storedReleaseJson(r: StoredReleaseInput): string {
  const info = `{"first_deployed":${TIMESTAMP},"last_deployed":${TIMESTAMP},"description":"Upgrade complete","status":"superseded"}`;
  return (
    `{"name":${JSON.stringify(r.name)},"info":${info},"chart":${chartJson(r.chartDir).json},` +
    `"config":${goEscape(JSON.stringify(r.values))},"manifest":${goEscape(JSON.stringify(r.valuesYaml))},` +
    `"version":100,"namespace":${JSON.stringify(r.namespace)},"apply_method":"ssa"}`
  );
}

/** Bytes of base64 text for `n` bytes (standard alphabet, padded). */
export const base64Length = (n: number): number => 4 * Math.ceil(n / 3);

/** The estimated size of the release's Secret data: base64(gzip(release JSON)). */
export function storedReleaseBytes(r: StoredReleaseInput): number {
  return base64Length(gzipSync(storedReleaseJson(r), { level: 9 }).length);
}

/** zlib's `deflateBound` for `n` bytes (stored blocks at worst), plus the gzip header and trailer. */
const gzipBound = (n: number) => n + (n >> 12) + (n >> 14) + (n >> 25) + 32;

/**
 * The estimated Secret size when it could exceed `budget`, else undefined; cheap answers first, since synth
 * checks every release:
 * 1. Without compressing: the config JSON and the JSON string of the manifest take at most 6 bytes per byte of
 *    the values YAML (`<` becomes `\u003c`), and deflate never grows its input by more than its block overhead.
 *    Every release of the four environments is decided here.
 * 2. From the values YAML gzipped at level 1 (a tenth of the full estimate's cost): the stored release, which
 *    holds that content twice, measured at most 2.7 times its size (plus the chart) on the environments'
 *    releases, topic releases of 200 to 20,000 topics, random data and PromQL full of `<>&`; 3 times is assumed.
 * 3. The full estimate, for releases near the budget.
 */
export function storedReleaseBytesOver(r: StoredReleaseInput, budget = MAX_STORED_RELEASE_BYTES): number | undefined {
  const yaml = Buffer.byteLength(r.valuesYaml);
  const fixed = Buffer.byteLength(chartJson(r.chartDir).json) + 1024;
  if (base64Length(gzipBound(12 * yaml + fixed)) <= budget) return undefined;
  if (3 * base64Length(deflateRawSync(r.valuesYaml, { level: 1 }).length) + 2 * fixed + 4096 <= budget) return undefined;
  const size = storedReleaseBytes(r);
  return size > budget ? size : undefined;
}
