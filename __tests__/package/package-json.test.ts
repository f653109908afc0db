import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const PEERS = ['@cdktf/provider-helm', '@cdktf/provider-kubernetes', 'cdktf', 'constructs'];

/** `version` satisfies a caret range `^x.y.z` (the only form the peer ranges use). */
function satisfiesCaret(version: string, range: string): boolean {
  const [v, r] = [version, range.replace(/^\^/, '')].map((s) => s.split('.').map(Number));
  const fixed = r[0] > 0 ? 1 : r[1] > 0 ? 2 : 3; // ^0.21.0 fixes major and minor
  for (let i = 0; i < fixed; i++) if (v[i] !== r[i]) return false;
  for (let i = 0; i < 3; i++) if (v[i] !== r[i]) return v[i] > r[i];
  return true;
}

describe('package.json', () => {
  test('is publishable under a scope the organisation owns (the unscoped name is anyone\'s to take)', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.name).toMatch(/^@[a-z0-9-]+\/kafka-platform$/);
  });

  test('cdktf, constructs and the providers are peer dependencies (never dependencies), pinned as devDependencies inside the ranges', () => {
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(PEERS);
    expect(Object.keys(pkg.dependencies).filter((d) => PEERS.includes(d) || d.startsWith('@cdktf/'))).toEqual([]);
    for (const peer of PEERS) {
      expect(pkg.peerDependencies[peer]).toMatch(/^\^\d+\.\d+\.\d+$/);
      expect([peer, satisfiesCaret(pkg.devDependencies[peer], pkg.peerDependencies[peer])]).toEqual([peer, true]);
      const installed = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', peer, 'package.json'), 'utf8')).version;
      expect([peer, installed]).toEqual([peer, pkg.devDependencies[peer]]);
    }
    expect(satisfiesCaret('10.8.1', pkg.peerDependencies.constructs)).toBe(true);
    expect(satisfiesCaret('0.22.0', pkg.peerDependencies.cdktf)).toBe(false);
  });

  test('every exported subpath has its entry file in lib/, with types for exports-aware and node10 resolution', () => {
    for (const [subpath, target] of Object.entries(pkg.exports as Record<string, { types: string; default: string } | string>)) {
      if (subpath === './package.json') continue;
      const t = target as { types: string; default: string };
      const source = t.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts');
      expect(fs.existsSync(path.join(REPO, source))).toBe(true);
      expect(t.types).toBe(t.default.replace(/\.js$/, '.d.ts'));
      if (subpath !== '.') expect(pkg.typesVersions['*'][subpath.slice(2)]).toEqual([t.types.slice(2)]);
    }
    expect(pkg.exports['.'].default).toBe(`./${pkg.main}`);
  });

  test('ships only the compiled library (with its chart and job scripts), built on pack and on git installs', () => {
    expect(pkg.files).toEqual(['dist/lib/', '!dist/lib/core/monitoring/promql-check.*']);
    expect(pkg.scripts.prepare).toMatch(/rmSync\('dist'.*&& npm run --silent build$/);
    expect(pkg.scripts.build).toContain("cpSync('lib/delivery/chart','dist/lib/delivery/chart'");
    expect(pkg.scripts.build).toContain("cpSync('lib/workloads/scripts','dist/lib/workloads/scripts'");
  });

  test('the README test command needs no setup beyond npm ci', () => {
    expect(pkg.scripts.test).toBe('tsc -p tsconfig.json --noEmit && jest');
    expect(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')).toMatch(/\n# 2\. Run the tests.*\nnpm test\n```/);
  });
});
