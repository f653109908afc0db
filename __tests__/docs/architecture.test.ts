import * as fs from 'fs';
import * as path from 'path';

/** docs/architecture.md stays true: every folder and file it names exists. */
const ROOT = path.join(__dirname, '..', '..');
const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');

/** Repository paths in backticks (`lib/...`, `stacks/...`, `docs/...`, `__tests__/...`), placeholders left out. */
export function namedPaths(text: string): string[] {
  const paths = [...text.matchAll(/`((?:lib|stacks|docs|__tests__|scripts|examples)\/[^`\s]*)`/g)].map((m) => m[1]);
  return [...new Set(paths.filter((p) => !p.includes('<')))];
}

describe('docs/architecture.md', () => {
  test('the path finder reads backticked paths and skips placeholders', () => {
    expect(namedPaths('`lib/core/` and `lib/x/<job>.ts` and `stacks/app.ts`')).toEqual(['lib/core/', 'stacks/app.ts']);
  });

  test('names the folders of lib/ it maps, and every one of them', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'lib'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `lib/${e.name}/`);
    expect(folders.filter((f) => !namedPaths(doc).includes(f))).toEqual([]);
  });

  test.each(namedPaths(doc))('%s exists', (p) => {
    expect(fs.existsSync(path.join(ROOT, p))).toBe(true);
  });

  test('the templates it names for new files have a real sibling (the folder exists and holds such files)', () => {
    const templates = [...doc.matchAll(/`((?:lib|__tests__|docs)\/[^`\s<]*)<[^>]+>[^`\s]*`/g)].map((m) => path.dirname(m[1] + 'x'));
    expect(templates.length).toBeGreaterThan(5);
    for (const dir of templates) expect(fs.readdirSync(path.join(ROOT, dir)).length).toBeGreaterThan(0);
  });
});
