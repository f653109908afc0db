import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { allAlertRules } from '../../lib/core/monitoring/alert-rules';
import { buildDashboards } from '../../lib/core/monitoring/dashboards';
import { podMonitorNames } from '../../lib/core/monitoring/pod-monitors';
import { Testing } from 'cdktf';
import { prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { promtool, promtoolAvailable, promtoolWorkdir } from '../helpers/promtool';
import { targetLabels } from '../helpers/relabel';

/**
 * The MirrorMaker 2 queries of prod's alerts and dashboard, evaluated by promtool on series shaped as
 * Strimzi 1.2 / Kafka 4.x really export them: replication consumer client ids quoted by the JMX sanitizer
 * (`"a->b|a->b.MirrorSourceConnector-0|replication-consumer"`), consumer topic labels with `.` -> `_`.
 */
const available = promtoolAvailable();
(available ? describe : describe.skip)('MirrorMaker 2 queries on realistic series (promtool)', () => {
  const monitoring = new KafkaPlatformStack(Testing.app(), prod).monitoring!;
  const rules = allAlertRules(monitoring.alertGroups);
  const mm2 = targetLabels(monitoring.podMonitors.find((m) => m.metadata.name === podMonitorNames('kafka-prod').mirrorMaker2)!, {
    name: 'kafka-prod-mirror-mirrormaker2-0',
    namespace: 'kafka',
    container: 'kafka-prod-mirror-mirrormaker2',
    labels: { 'strimzi.io/cluster': 'kafka-prod-mirror', 'strimzi.io/kind': 'KafkaMirrorMaker2', 'strimzi.io/name': 'kafka-prod-mirror-mirrormaker2' },
  });
  const series = (name: string, labels: Record<string, string>) =>
    `${name}{${Object.entries({ ...mm2, ...labels }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
  const client = (task: number) => `"kafka-prod->dr|kafka-prod->dr.MirrorSourceConnector-${task}|replication-consumer"`;
  const input = [
    { series: series('kafka_consumer_fetch_manager_records_lag', { clientid: client(0), topic: 'payments_payment-settled_v1', partition: '0' }), values: '20000x15' },
    { series: series('kafka_consumer_fetch_manager_records_lag', { clientid: client(1), topic: 'payments_payment-settled_v1', partition: '1' }), values: '5000x15' },
    { series: series('kafka_consumer_fetch_manager_records_lag', { clientid: client(1), topic: 'orders', partition: '0' }), values: '3x15' },
    { series: series('kafka_consumer_fetch_manager_records_lag', { clientid: 'kafka-prod-mirror-connect-offsets', topic: 'kafka-prod-mirror-connect-offsets', partition: '0' }), values: '999999x15' },
    { series: series('kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms', { source: 'kafka-prod', target: 'dr', group: 'orders-service', topic: 'orders', partition: '0' }), values: '450000x15' },
  ];
  const dashboard = buildDashboards({ mirrorMaker2: true }).find((d) => d.uid === 'kafka-mirror-maker-2')!;
  const panelExpr = (title: string) =>
    ((dashboard.panels as { title: string; targets?: { expr: string }[] }[]).find((p) => p.title === title)!.targets![0].expr).replace(/\$namespace/g, 'kafka');
  let dir: string;
  beforeAll(() => {
    dir = promtoolWorkdir('mm2-queries');
    const groups = (monitoring.prometheusRule.spec as { groups: { name: string; rules: Record<string, unknown>[] }[] }).groups;
    fs.writeFileSync(path.join(dir, 'rules.yaml'), stringify({ groups: groups.map((g) => ({ ...g, rules: g.rules.map(({ annotations: _a, ...r }) => r) })) }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (exprTests: { expr: string; exp_samples: { labels: string; value: number }[] }[], alertTests: Record<string, unknown>[] = []) => {
    const file = path.join(dir, `t-${Math.random().toString(36).slice(2)}.yaml`);
    fs.writeFileSync(file, stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests: [{ interval: '1m', input_series: input, promql_expr_test: exprTests.map((t) => ({ ...t, eval_time: '12m' })), alert_rule_test: alertTests }] }, { lineWidth: 0 }));
    return promtool(['test', 'rules', path.basename(file)], dir);
  };

  test('the lag alert matches the quoted client ids, per topic, and fires with the sanitized topic label', () => {
    const lag = rules.find((r) => r.alert === 'KafkaMirrorMaker2ReplicationLag')!;
    const result = run(
      [{ expr: lag.expr.replace(/ > \d+$/, ''), exp_samples: [{ labels: '{namespace="kafka", topic="orders"}', value: 3 }, { labels: '{namespace="kafka", topic="payments_payment-settled_v1"}', value: 25000 }] }],
      [{ eval_time: '12m', alertname: 'KafkaMirrorMaker2ReplicationLag', exp_alerts: [{ exp_labels: { severity: 'warning', priority: 'P3', team: 'kafka-platform', namespace: 'kafka', topic: 'payments_payment-settled_v1' } }] }],
    );
    expect(result.output).toContain('SUCCESS');
  });

  test('the dashboard lag panel shows the same per-topic lag, and the checkpoint panel the group latency', () => {
    const result = run([
      { expr: panelExpr('Replication consumer lag by topic'), exp_samples: [{ labels: '{topic="orders"}', value: 3 }, { labels: '{topic="payments_payment-settled_v1"}', value: 25000 }] },
      { expr: panelExpr('Checkpoint latency by group (max)'), exp_samples: [{ labels: '{group="orders-service"}', value: 450000 }] },
    ]);
    expect(result.output).toContain('SUCCESS');
  });

  test('the checkpoint-latency alert fires for the slow group', () => {
    const result = run([], [{ eval_time: '12m', alertname: 'KafkaMirrorMaker2CheckpointLatency', exp_alerts: [{ exp_labels: { severity: 'warning', priority: 'P3', team: 'kafka-platform', namespace: 'kafka', group: 'orders-service' } }] }]);
    expect(result.output).toContain('SUCCESS');
  });

  test('the former matcher (clientid=~".*replication-consumer") finds nothing on these series (the harness can fail)', () => {
    const result = run([{ expr: `sum(kafka_consumer_fetch_manager_records_lag{namespace="kafka", clientid=~".*replication-consumer"})`, exp_samples: [{ labels: '{}', value: 25003 }] }]);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/got: nil/);
  });
});
