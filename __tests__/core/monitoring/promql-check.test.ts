import { allAlertRules, buildAlertGroups } from '../../../lib/core/monitoring/alert-rules';
import { buildDashboards, dashboardExpressions } from '../../../lib/core/monitoring/dashboards';
import { checkPromql, lookbackSeconds, metricNames, substituteGrafanaVariables } from '../../../lib/core/monitoring/promql-check';
import { spec } from './fixtures';

describe('PromQL checks', () => {
  test('extracts metric names from selectors, matchers and nested functions', () => {
    expect(metricNames('sum by (x) (rate(a_total{b="c"}[5m])) / on () group_left b and {__name__="c"} or {"d_e"}')).toEqual(['a_total', 'b', 'c', 'd_e']);
  });

  test('flags unknown metrics and syntax errors (the check can fail)', () => {
    expect(checkPromql('kafka_consumer_lag_sum > 100000')).toEqual({ syntaxErrors: [], unknownMetrics: ['kafka_consumer_lag_sum'] });
    expect(checkPromql('histogram_quantile(0.99, kafka_network_requestmetrics_totaltimems').syntaxErrors.length).toBeGreaterThan(0);
    expect(checkPromql('sum(rate(kafka_server_brokertopicmetrics_messagesin_total[5m])) >')).not.toEqual({ syntaxErrors: [], unknownMetrics: [] });
  });

  test('the look-back of an expression: ranges, subqueries and offsets, summed where they nest, the longest path', () => {
    expect(lookbackSeconds('up == 0')).toBe(0);
    // Brackets inside a label value are not a range.
    expect(lookbackSeconds('rate(x_total{clientid=~"a[|]b[5m]"}[5m]) > 1')).toBe(300);
    expect(lookbackSeconds('max_over_time(rate(x_total[5m])[1h:30s]) > 0')).toBe(3900);
    expect(lookbackSeconds('max_over_time(rate(x_total[5m])[1h:30s]) > 0 and predict_linear(y[6h], 3600) < 0')).toBe(21600);
    expect(lookbackSeconds('x offset 5m > 0')).toBe(300);
    expect(lookbackSeconds('delta(x[1h30m]) > 0')).toBe(5400);
  });

  test('Grafana variables are substituted so panel queries parse', () => {
    const expr = substituteGrafanaVariables('rate(kafka_server_brokertopicmetrics_bytesin_total{namespace="$namespace"}[$__rate_interval])');
    expect(checkPromql(expr)).toEqual({ syntaxErrors: [], unknownMetrics: [] });
  });

  test.each([
    ['without MirrorMaker 2', false],
    ['with MirrorMaker 2', true],
  ])('every alert expression parses and uses only catalogued metrics (%s)', (_n, mirrorMaker2) => {
    const problems = allAlertRules(buildAlertGroups(spec({ mirrorMaker2 }))).map((r) => ({ alert: r.alert, ...checkPromql(r.expr) }));
    expect(problems.filter((p) => p.syntaxErrors.length || p.unknownMetrics.length)).toEqual([]);
  });

  test('every dashboard query and variable parses and uses only catalogued metrics', () => {
    const expressions = buildDashboards({ mirrorMaker2: true }).flatMap(dashboardExpressions);
    expect(expressions.length).toBeGreaterThan(40);
    const problems = expressions.map((e) => ({ where: e.where, ...checkPromql(substituteGrafanaVariables(e.expr)) }));
    expect(problems.filter((p) => p.syntaxErrors.length || p.unknownMetrics.length)).toEqual([]);
  });
});
