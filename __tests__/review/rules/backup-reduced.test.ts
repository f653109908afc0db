import { backupReducedRule } from '../../../lib/review/rules/backup-reduced';
import { assess, sinkConnector } from '../../helpers/review-rules';

const sink = sinkConnector;
const backup = (topics: string, extra: Record<string, unknown> = {}) => sinkConnector(topics, extra, 'topic-backup');

describe('KP-REVIEW-BACKUP-REDUCED (BLOCK, production)', () => {
  test('the backup connector removed, stopped, or a topic taken out of it is blocked in production', () => {
    expect(assess(backupReducedRule, [backup('a,b')], [])).toEqual([expect.stringMatching(/sink connector is deleted: no topic is backed up any more/)]);
    expect(assess(backupReducedRule, [backup('a,b')], [backup('a,b', { state: 'stopped' })])).toEqual([expect.stringMatching(/the topic backup is set to stopped/)]);
    expect(assess(backupReducedRule, [backup('a,b')], [backup('a')])).toEqual([expect.stringMatching(/: b leaves the topic backup: new records are not backed up/)]);
  });
  test('a topic added to the backup, another sink, or a non-production stack is not', () => {
    expect(assess(backupReducedRule, [backup('a')], [backup('a,b')])).toEqual([]);
    expect(assess(backupReducedRule, [sink('a,b')], [])).toEqual([]);
    expect(assess(backupReducedRule, [backup('a,b')], [], false)).toEqual([]);
  });
});
