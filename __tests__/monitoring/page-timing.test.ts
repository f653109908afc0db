import { Testing } from 'cdktf';
import { PRIORITIES } from '../../lib/core/monitoring/alert-routing';
import { durationSeconds, formatTimeToPage, timeToPage } from '../../lib/core/monitoring/page-timing';
import { DerivedTiming, derivedTimings, RenderedRule, renderedRules } from '../helpers/page-timing';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';

/**
 * Every alert of every environment pages within its priority's budget (P1 5 min, P2 10 min, P3 1 h,
 * P4 24 h), derived from the rendered PrometheusRule: the rule's `for`, the look-back of its expression
 * (ranges, subqueries, offsets), the scrape interval, the evaluation interval and Alertmanager's group wait.
 */
const over = (timings: readonly DerivedTiming[]) =>
  timings.filter((t) => t.seconds > t.budgetSeconds).map((t) => `${t.alert} (${t.severity}, ${t.priority}): ${formatTimeToPage(t.seconds)} > ${formatTimeToPage(t.budgetSeconds)}`);

describe.each(ENVIRONMENTS.map((e) => [e.name, e] as const))('time to page: %s', (_name, env) => {
  let monitoring: KafkaMonitoring;
  let rules: RenderedRule[];
  let timings: DerivedTiming[];
  beforeAll(() => {
    monitoring = new KafkaPlatformStack(Testing.app(), env).monitoring!;
    rules = renderedRules(monitoring);
    timings = derivedTimings(rules, monitoring.spec.scrapeInterval);
  });

  test('every alert pages within its priority\'s budget', () => {
    expect(timings.length).toBe(rules.length);
    expect(over(timings)).toEqual([]);
  });

  test('a broker or controller that cannot be recovering pages within 5 minutes', () => {
    for (const alert of ['KafkaBrokerDown', 'KafkaControllerDown']) {
      const own = timings.filter((t) => t.alert === alert);
      expect(own.length).toBeGreaterThan(0);
      expect([alert, Math.max(...own.map((t) => t.seconds)) <= 5 * 60]).toEqual([alert, true]);
    }
  });

  test('the check fails for an alert over its budget (the test can fail)', () => {
    const slow = rules.map((r) => (r.alert === 'KafkaOfflinePartitions' ? { ...r, for: '4m' } : r.alert === 'KafkaIsrShrinks' ? { ...r, expr: r.expr.replace('[5m]', '[1h]') } : r));
    expect(over(derivedTimings(slow, monitoring.spec.scrapeInterval))).toEqual([
      'KafkaOfflinePartitions (critical, P1): 5.7 min > 5 min',
      'KafkaIsrShrinks (warning, P3): 77 min > 60 min',
    ]);
  });
});

test('the worst case adds scrape, evaluation and group wait to the rule\'s for and look-back', () => {
  // 30 s scrape + 1 m evaluation + 30 s group wait + 3 m for + 5 m range.
  expect(timeToPage({ for: '3m', longestRangeSeconds: 300, priority: 'P2', scrapeInterval: '30s' })).toEqual({ seconds: 600, budgetSeconds: 600 });
  // P1's group wait is 10 s.
  expect(timeToPage({ for: '1m', longestRangeSeconds: 0, priority: 'P1', scrapeInterval: '1m' }).seconds).toBe(60 + 60 + 10 + 60);
  expect(durationSeconds('1h30m')).toBe(5400);
  expect(() => durationSeconds('5 minutes')).toThrow(/not a Prometheus duration/);
});

test('the budgets are the issue\'s and the guide\'s: P1 5 minutes, P2 10, P3 an hour, P4 a day, each inside its response time', () => {
  const budgets = Object.fromEntries(Object.values(PRIORITIES).map((p) => [p.priority, durationSeconds(p.pageBudget)]));
  expect(budgets).toEqual({ P1: 300, P2: 600, P3: 3600, P4: 86400 });
  for (const p of Object.values(PRIORITIES)) expect(durationSeconds(p.pageBudget)).toBeLessThanOrEqual(durationSeconds(p.responseTime));
});
