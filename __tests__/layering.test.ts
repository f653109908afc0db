import * as fs from 'fs';
import * as path from 'path';

/**
 * The folders of lib/ form layers: an import goes from a folder to one below it, never back. The test
 * parses every import of lib/**\/*.ts, builds the graph of top-level folders and reports a cycle.
 */
const LIB = path.join(__dirname, '..', 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative module specifiers of a file's imports and re-exports (static and `import('…')` types). */
export function relativeImports(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) specs.push(m[1]);
  return specs;
}

/** Top-level folder of lib/ a file belongs to ('.' for the entry file lib/index.ts). */
function folderOf(file: string): string {
  const rel = path.relative(LIB, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0];
}

/** Edges between top-level folders of lib/, with one example import for each. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(LIB)) {
    const from = folderOf(file);
    for (const spec of relativeImports(fs.readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(LIB + path.sep)) continue;
      const to = folderOf(target + '.ts');
      if (to === from || to === '.') continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path.relative(LIB, file)} imports '${spec}'`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** A cycle as the list of folders and the imports closing it, or undefined. */
export function findCycle(graph: Map<string, Map<string, string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        return cycle.slice(1).map((to, i) => `${cycle[i]} -> ${to} (${graph.get(cycle[i])!.get(to)})`);
      }
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return undefined;
}

/** The layers of docs/architecture.md, first to last. */
const LAYERS: readonly (readonly string[])[] = [
  ['core'],
  ['delivery', 'acknowledgements'],
  ['operator', 'cluster', 'topics', 'access'],
  ['workloads'],
  ['connect', 'backup', 'maintenance', 'security', 'loadtest', 'replication', 'topology', 'monitoring'],
  ['operations'],
  ['guardrails', 'review', 'app'],
];

describe('layering of lib/', () => {
  const graph = folderGraph();

  test('the import parser sees static, re-exported and type-only imports', () => {
    const text = "import { A } from '../a';\nexport * from './b';\ntype T = import('../c').T;\nimport 'constructs';\nimport './side-effect';";
    expect(relativeImports(text)).toEqual(['../a', './b', '../c', './side-effect']);
  });

  test('the cycle finder reports a cycle with the imports that close it', () => {
    const g = new Map([
      ['a', new Map([['b', 'a/x.ts imports ../b/y']])],
      ['b', new Map([['a', 'b/y.ts imports ../a/x']])],
    ]);
    expect(findCycle(g)).toEqual(['a -> b (a/x.ts imports ../b/y)', 'b -> a (b/y.ts imports ../a/x)']);
    expect(findCycle(new Map([['a', new Map([['b', '']])]]))).toBeUndefined();
  });

  test('the graph is not empty (the parser found the folders)', () => {
    expect(graph.get('workloads')?.has('core')).toBe(true);
    expect(graph.get('operations')?.has('backup')).toBe(true);
  });

  test('no import cycle between top-level folders of lib/', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  test('core imports nothing outside core', () => {
    expect([...(graph.get('core')?.entries() ?? [])].map(([to, why]) => `core -> ${to} (${why})`)).toEqual([]);
  });

  test('a folder imports only from its own layer or an earlier one (the layers of docs/architecture.md)', () => {
    const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
    const upward: string[] = [];
    for (const [from, edges] of graph) {
      if (from === '.') continue; // the entry file re-exports everything
      for (const [to, why] of edges) {
        expect([from, layerOf.get(from), to, layerOf.get(to)]).not.toContain(undefined);
        if (layerOf.get(to)! > layerOf.get(from)!) upward.push(`${from} -> ${to} (${why})`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('every folder of lib/ is in a layer', () => {
    const folders = fs.readdirSync(LIB, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(LAYERS.flat().sort());
  });

  test('the operations toolkit sits below the workloads that use it, the composer above them', () => {
    for (const folder of ['backup', 'maintenance', 'security', 'loadtest', 'replication']) {
      expect(graph.get(folder)?.has('operations') ?? false).toBe(false);
    }
    expect(graph.get('workloads')?.has('operations') ?? false).toBe(false);
  });
});
