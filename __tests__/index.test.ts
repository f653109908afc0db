import * as fs from 'fs';
import * as path from 'path';
import * as root from '../lib';
import * as core from '../lib/core';
import * as guardrails from '../lib/guardrails';
import * as review from '../lib/review';

const REPO = path.resolve(__dirname, '..');

/** Relative import specifiers of every .ts file below `dir`, with the file they are in. */
function imports(dir: string): { file: string; spec: string }[] {
  const out: { file: string; spec: string }[] = [];
  for (const entry of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) out.push({ file: path.relative(REPO, file), spec: m[1] });
  }
  return out;
}

describe('public API', () => {
  test('the root exports what a stack composes with, including runApp, KafkaTopology and the team guardrails', () => {
    for (const name of [
      'runApp', 'ValidationError', 'CustomResourceRelease', 'StrimziOperator', 'KafkaCluster', 'ImportedKafkaCluster', 'NodeTopology', 'Listener',
      'Storage', 'KafkaTopic', 'KafkaUser', 'KafkaTopology', 'Grant', 'UserAuthentication', 'KafkaMonitoring', 'PlatformOperations',
      'KafkaMirrorMaker2', 'PlatformGuardrails', 'TeamGuardrails', 'Acknowledgements', 'GuardrailError', 'productionRules', 'teamRules',
    ]) {
      expect([name, typeof (root as Record<string, unknown>)[name]]).toEqual([name, 'function']);
    }
    expect(typeof root.KafkaCluster.fromClusterAttributes).toBe('function');
    expect(root.Milliseconds.days(1)).toBe(86_400_000);
  });

  test('internals stay out of the root; builders, rule authoring and review sit at their subpaths', () => {
    const exported = Object.keys(root);
    for (const internal of ['field', 'toYaml', 'escapeTemplate', 'diffFields', 'collectInventory', 'buildTopic', 'validateTopic', 'targetRelease', 'reviewSynthOutputs', 'selectListener']) {
      expect(exported).not.toContain(internal);
    }
    expect(exported.length).toBeLessThan(80);
    expect(typeof core.buildTopic).toBe('function');
    expect(typeof core.toYaml).toBe('function');
    expect(typeof guardrails.field).toBe('function');
    expect(typeof guardrails.collectInventory).toBe('function');
    expect(typeof review.reviewSynthOutputs).toBe('function');
    expect(typeof review.renderMarkdown).toBe('function');
  });

  test('every value exported by the root is the same object as at its subpath (one class, one identity)', () => {
    expect(root.Grant).toBe(core.Grant);
    expect(root.Listener).toBe(core.Listener);
    expect(root.PlatformGuardrails).toBe(guardrails.PlatformGuardrails);
    expect(root.RULE_IDS).toBe(core.RULE_IDS);
    // One reader for guardrails and review: the guardrails toolkit re-exports the core's.
    expect(guardrails.field).toBe(core.field);
    expect(guardrails.clusterOf).toBe(core.clusterOf);
  });

  test('stacks, examples, scripts and main.ts import the library only through its entry points', () => {
    const entryPoints = ['lib', 'lib/core', 'lib/guardrails', 'lib/review'].map((p) => path.join(REPO, p));
    const deep = [...imports('stacks'), ...imports('examples'), ...imports('scripts')]
      .concat([...fs.readFileSync(path.join(REPO, 'main.ts'), 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => ({ file: 'main.ts', spec: m[1] })))
      .filter(({ file, spec }) => {
        const target = path.resolve(REPO, path.dirname(file), spec);
        return target.startsWith(path.join(REPO, 'lib')) && !entryPoints.includes(target);
      });
    expect(deep).toEqual([]);
  });
});
