import { MONITORING_SHAPE, THRESHOLDS_SHAPE } from '../../../lib/core/monitoring/monitoring-shape';
import { Validator } from '../../../lib/core/validation';

function fields(value: unknown, shape: typeof MONITORING_SHAPE): string[] {
  const v = new Validator('p');
  shape.check(v, '', value);
  return v.issues.map((i) => i.field);
}

describe('monitoring shapes', () => {
  test('team, runbook URL and cluster are required', () => {
    expect(fields({}, MONITORING_SHAPE)).toEqual(['cluster', 'team', 'runbookBaseUrl']);
    expect(fields({ cluster: { clusterName: 'c', namespace: 'k', bootstrapServers: () => 'c:9093' }, team: 't', runbookBaseUrl: 'https://r' }, MONITORING_SHAPE)).toEqual([]);
    expect(fields({ cluster: { clusterName: 'c', namespace: 'k' }, team: 't', runbookBaseUrl: 'https://r' }, MONITORING_SHAPE)).toEqual(['cluster']);
  });

  test('thresholds are objects of numbers', () => {
    expect(fields([1], THRESHOLDS_SHAPE)).toEqual(['props']);
    expect(fields({ consumerLagMessages: { warning: '10', critical: 20 }, capacity: [] }, THRESHOLDS_SHAPE)).toEqual(['consumerLagMessages.warning', 'capacity']);
  });
});
