import { connectorDeletionRule } from '../../../lib/review/rules/connector-deletion';
import { assess, sinkConnector } from '../../helpers/review-rules';

const sink = sinkConnector;
const backup = (topics: string, extra: Record<string, unknown> = {}) => sinkConnector(topics, extra, 'topic-backup');

describe('KP-REVIEW-CONNECTOR-DELETION (WARN)', () => {
  test('a connector removed, paused or stopped warns; the production backup is the BLOCK rule\'s', () => {
    expect(assess(connectorDeletionRule, [sink('a')], [])).toEqual([expect.stringMatching(/leaves the release, so Strimzi deletes the connector .*offsets\.retention\.minutes/)]);
    expect(assess(connectorDeletionRule, [sink('a')], [sink('a', { state: 'paused' })])).toEqual([expect.stringMatching(/set to paused: it moves no data/)]);
    expect(assess(connectorDeletionRule, [sink('a', { state: 'paused' })], [sink('a')])).toEqual([]);
    expect(assess(connectorDeletionRule, [backup('a')], [])).toEqual([]);
    expect(assess(connectorDeletionRule, [backup('a')], [], false)).toHaveLength(1);
  });
});
