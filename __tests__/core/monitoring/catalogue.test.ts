import { isCatalogued, metric, METRICS } from '../../../lib/core/monitoring/catalogue';

describe('metric catalogue', () => {
  test('names are unique and valid Prometheus metric names', () => {
    const names = METRICS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(n))).toEqual([]);
  });

  test('counters end in _total or _count and gauges do not end in _total', () => {
    expect(METRICS.filter((m) => m.type === 'counter' && !/_(total|count|sum)$/.test(m.name)).map((m) => m.name)).toEqual([]);
    expect(METRICS.filter((m) => m.type === 'gauge' && m.name.endsWith('_total')).map((m) => m.name)).toEqual([]);
  });

  test('the guide\'s outdated names are not in it (they would make empty panels)', () => {
    for (const name of ['kafka_server_brokertopicmetrics_messagesinpersec', 'kafka_consumer_lag_sum', 'kafka_log_size', 'kafka_log_dir_size', 'kafka_producer_request_latency_avg']) {
      expect(isCatalogued(name)).toBe(false);
    }
    expect(() => metric('kafka_consumer_lag_sum')).toThrow(/not in the platform's metric catalogue/);
  });
});
