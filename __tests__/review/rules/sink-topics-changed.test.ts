import { sinkTopicsChangedRule } from '../../../lib/review/rules/sink-topics-changed';
import { assess, sinkConnector } from '../../helpers/review-rules';

const sink = sinkConnector;

describe('KP-REVIEW-SINK-TOPICS-CHANGED (WARN)', () => {
  test('topics added (a backfill from the earliest record) and removed warn', () => {
    expect(assess(sinkTopicsChangedRule, [sink('a,b')], [sink('a,c')])).toEqual([
      expect.stringMatching(/reads c from now on, from the earliest retained record/),
      expect.stringMatching(/no longer reads b/),
    ]);
    expect(assess(sinkTopicsChangedRule, [sink('a,b')], [sink('b,a')])).toEqual([]);
  });
});
