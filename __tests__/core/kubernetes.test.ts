import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { managedByLabels, platformLabels } from '../../lib/core/kubernetes';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { synthJson } from '../helpers/synth';

const LIB = path.join(__dirname, '..', '..', 'lib');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

describe('platform labels', () => {
  test('platformLabels: managed by kafka-platform, the component, then any extra labels', () => {
    expect(platformLabels('metadata-backup', { team: 'x' })).toEqual({ ...managedByLabels(), 'app.kubernetes.io/component': 'metadata-backup', team: 'x' });
    expect(managedByLabels()).toEqual({ 'app.kubernetes.io/managed-by': 'kafka-platform' });
  });

  test('the label keys are spelled in one file: every construct takes them from platformLabels or managedByLabels', () => {
    const spelled = sources(LIB).filter((f) => /app\.kubernetes\.io\/(managed-by|component)'\s*:/.test(fs.readFileSync(f, 'utf8')));
    expect(spelled.map((f) => path.relative(LIB, f))).toEqual([path.join('core', 'kubernetes.ts')]);
  });

  test.each(ENVIRONMENTS.map((e) => [e.name, e] as const))('every Kubernetes resource of %s carries the managed-by label', (_name, env) => {
    const json = synthJson(new KafkaPlatformStack(Testing.app(), env));
    const unlabelled = Object.entries(json.resource ?? {})
      .filter(([type]) => type.startsWith('kubernetes_'))
      .flatMap(([type, rs]) => Object.entries(rs).map(([name, r]) => [`${type}.${name}`, (r.metadata as { labels?: Record<string, string> } | undefined)?.labels] as const))
      .filter(([, labels]) => labels?.['app.kubernetes.io/managed-by'] !== 'kafka-platform')
      .map(([address]) => address);
    expect(unlabelled).toEqual([]);
  });
});
