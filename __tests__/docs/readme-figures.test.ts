import * as fs from 'fs';
import * as path from 'path';
import { computeFigures, packedFiles, readmeBlocks, withFigures } from '../../scripts/readme-figures';

/** The README's figures are what the code gives now (`npm run docs:figures` regenerates them). */
const ROOT = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README figures', () => {
  test('every generated block matches the code (run `npm run docs:figures` when this fails)', () => {
    const figures = computeFigures(ROOT);
    const blocks = readmeBlocks(readme);
    expect([...blocks.keys()].sort()).toEqual([...figures.keys()].sort());
    for (const [name, figure] of figures) expect({ block: name, text: blocks.get(name) }).toEqual({ block: name, text: figure });
  });

  test('the monitoring table has a row per environment stack, and the generator replaces only what is between the markers', () => {
    const table = computeFigures(ROOT).get('monitoring')!;
    expect(table.split('\n').slice(2).map((row) => row.split(' | ')[0])).toEqual(expect.arrayContaining(['| kafka-dev', '| kafka-staging', '| kafka-prod', '| kafka-dr']));
    const text = 'a <!-- figures:suites -->9<!-- /figures:suites --> b\n<!-- figures:pack -->\nold\n<!-- /figures:pack -->\n<!-- figures:unknown -->x<!-- /figures:unknown -->';
    expect(withFigures(text, new Map([['suites', '12'], ['pack', '| t |']]))).toBe('a <!-- figures:suites -->12<!-- /figures:suites --> b\n<!-- figures:pack -->\n| t |\n<!-- /figures:pack -->\n<!-- figures:unknown -->x<!-- /figures:unknown -->');
  });

  test('the packed files follow package.json `files`: the PromQL test tooling is left out, the chart and job scripts are in', () => {
    const files = packedFiles(ROOT);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/lib/index.js', 'dist/lib/delivery/chart/Chart.yaml', 'dist/lib/workloads/scripts/metadata-backup.sh']));
    expect(files.filter((f) => /promql-check|\.test\.|^dist\/(stacks|scripts|examples)/.test(f))).toEqual([]);
  });
});
