import { replicationChangeRule } from '../../../lib/review/rules/replication-change';
import { assess, kafka, topic } from '../../helpers/review-rules';

describe('KP-REVIEW-REPLICATION-CHANGE', () => {
  test('a replication factor change is blocked only when the cluster has no Cruise Control', () => {
    const noCc = kafka();
    const withCc = kafka({}, { cruiseControl: {} });
    expect(assess(replicationChangeRule, [noCc, topic('t', { replicas: 3 })], [noCc, topic('t', { replicas: 4 })])).toEqual([expect.stringMatching(/replicas 3 → 4 but cluster k has no Cruise Control/)]);
    expect(assess(replicationChangeRule, [withCc, topic('t', { replicas: 3 })], [withCc, topic('t', { replicas: 4 })])).toEqual([]);
  });

  test('a topic falling back to the broker default changes its replication factor too', () => {
    const k = kafka({ 'default.replication.factor': 3 });
    expect(assess(replicationChangeRule, [k, topic('t', { replicas: 2 })], [k, topic('t', {})])).toEqual([expect.stringMatching(/replicas 2 → 3/)]);
  });
});
