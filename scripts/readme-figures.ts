import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { buildApp } from '../stacks/app';

/**
 * The README's figures that change with the code (the pack listing, monitoring objects per environment, the
 * number of test suites) are generated, never typed: `npm run docs:figures` rewrites each block between
 * `<!-- figures:<name> -->` and `<!-- /figures:<name> -->`, and `__tests__/docs/readme-figures.test.ts` fails
 * while a block differs from what the code gives.
 */

export const README = 'README.md';

/** Where the figures come from; `repositoryRoot()` unless a test points elsewhere. */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/**
 * The files `npm pack` puts in the tarball, worked out from the sources and package.json's `files` (the consumer
 * test compares it with a real `npm pack`): package.json, README.md, and `dist/lib/` as `npm run build` writes it
 * (each `lib/**\/*.ts` as `.js` and `.d.ts`, the chart and the job scripts copied), minus the excluded patterns.
 */
export function packedFiles(root = repositoryRoot()): string[] {
  const lib = path.join(root, 'lib');
  const files = walk(lib).flatMap((file) => {
    const rel = path.relative(lib, file).split(path.sep).join('/');
    if (rel.endsWith('.d.ts')) return [`dist/lib/${rel}`];
    if (rel.endsWith('.ts')) return [`dist/lib/${rel.replace(/\.ts$/, '.js')}`, `dist/lib/${rel.replace(/\.ts$/, '.d.ts')}`];
    const copied = rel.startsWith('delivery/chart/') || rel.startsWith('workloads/scripts/');
    return copied ? [`dist/lib/${rel}`] : [];
  });
  const excluded = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).files as string[])
    .filter((f) => f.startsWith('!'))
    .map((f) => new RegExp(`^${f.slice(1).replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`));
  return ['README.md', 'package.json', ...files.filter((f) => !excluded.some((re) => re.test(f)))].sort();
}

function packTable(root: string): string {
  const perFolder = new Map<string, number>();
  const files = packedFiles(root);
  for (const f of files.filter((x) => x.startsWith('dist/lib/'))) {
    const rest = f.slice('dist/lib/'.length);
    const folder = rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '(entry: index.js, index.d.ts)';
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
  }
  const rows = [...perFolder].sort(([a], [b]) => (a.startsWith('(') ? -1 : b.startsWith('(') ? 1 : a.localeCompare(b)));
  return [
    '| `dist/lib/` | Files |',
    '| --- | ---: |',
    ...rows.map(([folder, n]) => `| ${folder.startsWith('(') ? folder : `\`${folder}/\``} | ${n} |`),
    `| **tarball, with \`package.json\` and \`README.md\`** | **${files.length}** |`,
  ].join('\n');
}

type StackJson = { resource?: Record<string, Record<string, { metadata?: { name?: string; labels?: Record<string, string> }; chart?: string; values?: string[] }>> };

const MONITORING_KINDS = ['PodMonitor', 'PrometheusRule', 'AlertmanagerConfig'] as const;

/** Monitoring objects of each environment as `npm run synth` writes them. */
function monitoringTable(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-figures-'));
  try {
    buildApp(outdir).synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
    const rows = Object.entries(manifest.stacks).map(([name, s]) => {
      const json = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf8')) as StackJson;
      const counts = new Map<string, number>();
      for (const release of Object.values(json.resource?.helm_release ?? {})) {
        if (!String(release.chart).includes('kafka-platform-resources-chart')) continue;
        const doc = parse(release.values?.[0] ?? '') as { resources?: { kind: string }[] } | null;
        for (const o of doc?.resources ?? []) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
      }
      const configMaps = Object.values(json.resource?.kubernetes_config_map_v1 ?? {}).filter((c) => c.metadata?.labels?.['app.kubernetes.io/component'] === 'monitoring');
      const dashboards = configMaps.filter((c) => c.metadata?.labels?.grafana_dashboard === '1').length;
      return `| ${name} | ${MONITORING_KINDS.map((k) => counts.get(k) ?? 0).join(' | ')} | ${dashboards} | ${configMaps.length - dashboards} |`;
    });
    return ['| Stack | PodMonitors | PrometheusRules | AlertmanagerConfigs | Dashboard ConfigMaps | Other monitoring ConfigMaps |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Test suites `npm test` runs (`__tests__/**\/*.test.ts`, the e2e consumer test apart). */
function suiteCount(root: string): string {
  return String(walk(path.join(root, '__tests__')).filter((f) => f.endsWith('.test.ts') && !f.endsWith('.e2e.test.ts')).length);
}

/** Every generated figure, by block name. */
export function computeFigures(root = repositoryRoot()): Map<string, string> {
  return new Map([
    ['pack', packTable(root)],
    ['monitoring', monitoringTable()],
    ['suites', suiteCount(root)],
  ]);
}

const BLOCK = /(<!-- figures:([a-z-]+) -->)([\s\S]*?)(<!-- \/figures:\2 -->)/g;

/** The README's blocks by name, as they are now. */
export function readmeBlocks(readme: string): Map<string, string> {
  return new Map([...readme.matchAll(BLOCK)].map((m) => [m[2], m[3].trim()]));
}

/** The README with every block replaced by its figure (a block table on its own lines, a number inline). */
export function withFigures(readme: string, figures: ReadonlyMap<string, string>): string {
  return readme.replace(BLOCK, (whole, open: string, name: string, body: string, close: string) => {
    const figure = figures.get(name);
    if (figure === undefined) return whole;
    return body.includes('\n') || figure.includes('\n') ? `${open}\n${figure}\n${close}` : `${open}${figure}${close}`;
  });
}

if (require.main === module) {
  const root = repositoryRoot();
  const file = path.join(root, README);
  const before = fs.readFileSync(file, 'utf8');
  const after = withFigures(before, computeFigures(root));
  fs.writeFileSync(file, after);
  process.stdout.write(before === after ? 'README figures are up to date\n' : 'README figures updated\n');
}
