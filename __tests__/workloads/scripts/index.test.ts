import * as fs from 'fs';
import * as path from 'path';
import { scripts } from '../../../lib/workloads/scripts';

const DIR = path.join(__dirname, '../../../lib/workloads/scripts');

describe('scripts', () => {
  test('returns the files\' contents by name, in the order asked', () => {
    const out = scripts('kafka-client.sh', 'acl-audit.sh');
    expect(Object.keys(out)).toEqual(['kafka-client.sh', 'acl-audit.sh']);
    expect(out['acl-audit.sh']).toBe(fs.readFileSync(path.join(DIR, 'acl-audit.sh'), 'utf8'));
  });

  test('every script in the folder can be shipped, and each starts with a shebang', () => {
    for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.sh'))) {
      expect(scripts(file as Parameters<typeof scripts>[0])[file]).toMatch(/^#!(\/usr\/bin\/env |\/bin\/)(ba)?sh\n/);
    }
  });
});
