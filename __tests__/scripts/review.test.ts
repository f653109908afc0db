import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../scripts/review';
import { prod } from '../../stacks/environments';
import { editReleaseObjects, editStack, scratchDir, synthOutput } from '../helpers/review-fixtures';

describe('review CLI', () => {
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeEach(() => {
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    out.mockRestore();
    err.mockRestore();
  });
  const printed = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => String(c[0])).join('');

  const base = synthOutput([prod]);

  test('exit 0 and a report for an unchanged pair; --out writes the same Markdown', () => {
    const file = path.join(scratchDir(), 'report.md');
    expect(main(['--base', base, '--head', base, '--out', file])).toBe(0);
    expect(printed(out)).toMatch(/^# Kafka platform plan review\n\n✅ No risky changes\./);
    expect(fs.readFileSync(file, 'utf8')).toBe(printed(out));
  });

  test('exit 1 when anything is BLOCK', () => {
    const head = editStack(base, 'kafka-prod', (json) =>
      editReleaseObjects(json, 'kafka-prod-cluster', (o) => o.splice(o.findIndex((x) => x.kind === 'KafkaNodePool'), 1)),
    );
    expect(main(['--base', base, '--head', head])).toBe(1);
    expect(printed(out)).toContain('⛔ BLOCK | cluster-or-node-pool-deletion');
  });

  test('exit 2 with usage on bad arguments or input', () => {
    expect(main(['--base', base])).toBe(2);
    expect(main(['--base', base, '--head', '/nonexistent'])).toBe(2);
    expect(printed(err)).toMatch(/review: --base and --head are required\nusage: npm run review/);
    expect(out).not.toHaveBeenCalled();
  });
});
