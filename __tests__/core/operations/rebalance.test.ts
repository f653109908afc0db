import { buildManualRebalance, ManualRebalanceSpec, validateManualRebalance } from '../../../lib/core/operations/rebalance';
import { Validator } from '../../../lib/core/validation';

const spec: ManualRebalanceSpec = { cluster: 'events', namespace: 'kafka' };
const problems = (s: ManualRebalanceSpec) => {
  const v = new Validator('r');
  validateManualRebalance(v, s);
  return v.issues.map((i) => i.field);
};

describe('manual KafkaRebalance', () => {
  test('a full rebalance named `<cluster>-rebalance`, throttled, bounded movements, for the cluster', () => {
    const r = buildManualRebalance(spec) as unknown as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
    expect(r).toMatchObject({ kind: 'KafkaRebalance', metadata: { name: 'events-rebalance', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'events' } } });
    expect(r.spec).toMatchObject({ mode: 'full', concurrentPartitionMovementsPerBroker: 5 });
    expect(r.spec.replicationThrottle).toBeGreaterThan(0);
    expect(r.spec.goals).toBeUndefined();
  });

  test('goals and excluded topics when given; the cluster label cannot be overridden', () => {
    const r = buildManualRebalance({ ...spec, goals: ['RackAwareGoal'], excludedTopics: '^__', labels: { 'strimzi.io/cluster': 'other', team: 'platform' } }) as unknown as { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> };
    expect(r.spec).toMatchObject({ goals: ['RackAwareGoal'], excludedTopics: '^__' });
    expect(r.metadata.labels).toEqual({ 'strimzi.io/cluster': 'events', team: 'platform' });
  });

  test('bad name, goals and movement bounds are reported together', () => {
    expect(problems(spec)).toEqual([]);
    expect(problems({ ...spec, name: 'Bad_Name', goals: ['rack'], concurrentPartitionMovementsPerBroker: 0 })).toEqual(expect.arrayContaining(['name', 'goals', 'concurrentPartitionMovementsPerBroker']));
  });
});
