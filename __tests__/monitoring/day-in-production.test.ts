import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { stringify } from 'yaml';
import { prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';
import { allAlertRules } from '../../lib/core/monitoring/alert-rules';
import { promtool, promtoolAvailable, promtoolWorkdir } from '../helpers/promtool';
import { renderedRuleGroups } from '../helpers/rule-files';
import { CANNOT_RECOVER_MINUTES, expectedPriority } from './alert-scenarios';
import { ExpectedAlert, FleetEvents, ProductionFleet } from './production-fleet';

/**
 * Production's real rules replayed with promtool on a simulated prod cluster (3 controllers, 6 brokers of
 * 1 TiB, relabelled Strimzi series): routine work must stay quiet and the real faults must page, with
 * exactly the expected alerts and no others.
 */
const available = promtoolAvailable();
const describeIfPromtool = available ? describe : describe.skip;

interface Check {
  readonly minute: number;
  /** Alerts expected firing at that minute, by name; every other alert of the rules is expected silent. */
  readonly firing: Readonly<Record<string, readonly ExpectedAlert[]>>;
}

describeIfPromtool('promtool: prod under routine work and real faults', () => {
  let monitoring: KafkaMonitoring;
  let dir: string;
  let alertNames: string[];

  beforeAll(() => {
    fs.mkdirSync(os.tmpdir(), { recursive: true });
    monitoring = new KafkaPlatformStack(Testing.app(), prod).monitoring!;
    dir = promtoolWorkdir('day-in-production');
    const groups = renderedRuleGroups(monitoring);
    fs.writeFileSync(path.join(dir, 'rules.yaml'), stringify({ groups }));
    const bare = groups.map((g) => ({ ...g, rules: g.rules.map(({ annotations: _annotations, ...rule }) => rule) }));
    fs.writeFileSync(path.join(dir, 'rules-without-annotations.yaml'), stringify({ groups: bare }));
    alertNames = [...new Set(allAlertRules(monitoring.alertGroups).map((r) => r.alert))];
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const fleet = (length: number, events: FleetEvents) => new ProductionFleet(monitoring.spec, monitoring.podMonitors, length, events);

  /** Runs promtool on the fleet's series; `only` limits the alerts checked (default: every alert of the rules). */
  function replay(name: string, f: ProductionFleet, checks: readonly Check[], only?: readonly string[]) {
    const s = monitoring.spec;
    const tests = [
      {
        name,
        interval: '1m',
        input_series: f.series().map((x) => ({ series: x.series, values: x.values })),
        alert_rule_test: checks.flatMap((check) =>
          (only ?? alertNames).map((alert) => ({
            eval_time: `${check.minute}m`,
            alertname: alert,
            exp_alerts: (check.firing[alert] ?? []).map((e) => ({
              exp_labels: { ...e.labels, severity: e.severity, priority: expectedPriority(alert, e.severity), team: e.labels.team ?? s.team, namespace: s.cluster.namespace },
            })),
          })),
        ),
      },
    ];
    const file = `${name.replace(/[^a-z0-9]+/gi, '-')}.yaml`;
    fs.writeFileSync(path.join(dir, file), stringify({ rule_files: ['rules-without-annotations.yaml'], evaluation_interval: '1m', tests }, { lineWidth: 0 }));
    return promtool(['test', 'rules', file], dir);
  }
  const expectPasses = (result: { ok: boolean; output: string }) => {
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  };
  const every = (from: number, to: number, step: number) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

  describe('each routine event stays quiet; the real fault it resembles pages', () => {
    const routineAlerts = ['KafkaBrokerDown', 'KafkaBrokerRecovering', 'KafkaMultipleBrokersDown', 'KafkaUnderReplicatedPartitions', 'KafkaIsrShrinks', 'KafkaFencedBrokers', 'KafkaMetricsTargetDown', 'KafkaControllerDown'];

    test('rolling restart of six 1 TiB brokers (each 12 minutes in log recovery): silence', () => {
      const f = fleet(140, { rolls: [{ start: 10, pods: fleet(1, {}).brokers, each: 15, recovery: 12 }] });
      expectPasses(replay('rolling restart', f, every(5, 135, 5).map((minute) => ({ minute, firing: {} })), routineAlerts));
    });

    test('a rolling restart where one broker never finishes log recovery: KafkaBrokerDown for that pod when its recovery window ends', () => {
      const brokers = fleet(1, {}).brokers;
      // brokers[2] is recreated at minute 40 and stays in log recovery; Strimzi's roll waits on it.
      const f = fleet(90, { rolls: [{ start: 10, pods: brokers, each: 15, recovery: 12, stuck: brokers[2] }] });
      const recovery = monitoring.spec.thresholds.brokerRecoveryMinutes;
      const pageAt = 40 + recovery + CANNOT_RECOVER_MINUTES;
      const urpAfter = 40 + recovery + monitoring.spec.thresholds.underReplicatedMinutes.warning;
      const checks: Check[] = [
        { minute: 40 + recovery - 2, firing: {} },
        { minute: pageAt - 1, firing: {} },
        { minute: pageAt + 1, firing: { KafkaBrokerDown: [{ severity: 'critical', labels: { pod: brokers[2] } }] } },
        {
          minute: urpAfter + 2,
          firing: {
            KafkaBrokerDown: [{ severity: 'critical', labels: { pod: brokers[2] } }],
            KafkaUnderReplicatedPartitions: brokers.filter((b) => b !== brokers[2]).map((b) => ({ severity: 'warning' as const, labels: f.targetAt(b, urpAfter + 2) })),
          },
        },
      ];
      expectPasses(replay('stuck roll', f, checks, routineAlerts));
    });

    test('a rolling restart whose recreated broker stays Pending pages within 5 minutes, not after the recovery window', () => {
      const brokers = fleet(1, {}).brokers;
      const f = fleet(60, { rolls: [{ start: 10, pods: brokers, each: 15, recovery: 12, stuck: brokers[2], stuckAs: 'pending' }] });
      const pageAt = 40 + CANNOT_RECOVER_MINUTES;
      expect(pageAt + 1 - 40).toBeLessThanOrEqual(5);
      expectPasses(replay('pending in a roll', f, [
        { minute: pageAt - 1, firing: {} },
        { minute: pageAt + 1, firing: { KafkaBrokerDown: [{ severity: 'critical', labels: { pod: brokers[2] } }] } },
      ], routineAlerts));
    });

    test('a broker restarting in place warns while it recovers and stays quiet once ready; one in CrashLoopBackOff pages within 5 minutes', () => {
      const brokers = fleet(1, {}).brokers;
      const alerts = routineAlerts;
      const recovering = fleet(40, { restarts: [{ pod: brokers[1], at: 5, recovery: 12 }] });
      const pod = { pod: brokers[1] };
      expectPasses(replay('restart in place', recovering, [
        { minute: 6, firing: {} },
        { minute: 10, firing: { KafkaBrokerRecovering: [{ severity: 'warning', labels: pod }] } },
        { minute: 16, firing: { KafkaBrokerRecovering: [{ severity: 'warning', labels: pod }] } },
        { minute: 20, firing: {} },
        { minute: 35, firing: {} },
      ], alerts));
      // Its failing scrape (KafkaMetricsTargetDown after 5 minutes) and, past the window, its peers'
      // under-replication follow: Alertmanager inhibits both under KafkaBrokerDown.
      const crashing = fleet(40, { restarts: [{ pod: brokers[1], at: 5, recovery: 0, crashLoop: true }] });
      expectPasses(replay('crash loop', crashing, [
        { minute: 5 + CANNOT_RECOVER_MINUTES - 1, firing: {} },
        { minute: 5 + CANNOT_RECOVER_MINUTES + 1, firing: { KafkaBrokerDown: [{ severity: 'critical', labels: pod }] } },
        { minute: 35, firing: { KafkaBrokerDown: [{ severity: 'critical', labels: pod }] } },
      ], ['KafkaBrokerDown', 'KafkaBrokerRecovering', 'KafkaMultipleBrokersDown', 'KafkaFencedBrokers', 'KafkaControllerDown']));
    });

    test('a controller roll is quiet; a Pending controller (no up series) pages KafkaControllerDown', () => {
      const controllers = fleet(1, {}).controllers;
      const roll = fleet(40, { rolls: [{ start: 5, pods: controllers, each: 4, recovery: 2 }] });
      expectPasses(replay('controller roll', roll, every(3, 38, 5).map((minute) => ({ minute, firing: {} })), routineAlerts));
      const lost = fleet(40, { losses: [{ pod: controllers[1], at: 5, evictAfter: 5 }] });
      const after = 5 + CANNOT_RECOVER_MINUTES;
      expectPasses(replay('controller lost', lost, [
        { minute: after - 1, firing: {} },
        { minute: after + 1, firing: { KafkaControllerDown: [{ severity: 'critical', labels: { pod: controllers[1] } }] } },
        { minute: 35, firing: { KafkaControllerDown: [{ severity: 'critical', labels: { pod: controllers[1] } }] } },
      ], routineAlerts));
    });

    test('a CA inside its renewal period waiting for the maintenance window is quiet; a CA the window did not renew warns', () => {
      const waiting = fleet(30, { clusterCa: { daysLeft: 25 } });
      expectPasses(replay('ca waiting', waiting, [{ minute: 25, firing: {} }], ['KafkaCertificateExpiring']));
      const missed = fleet(30, { clusterCa: { daysLeft: 20 } });
      const operatorTarget = { container: 'strimzi-cluster-operator', endpoint: 'http', instance: '10.1.0.1:9404', job: `${monitoring.spec.cluster.namespace}/kafka-prod-cluster-operator`, pod: 'strimzi-cluster-operator-7c9d5b8f4-abcde', kubernetes_pod_name: 'strimzi-cluster-operator-7c9d5b8f4-abcde', node_name: 'node-a', node_ip: '10.0.0.1', strimzi_io_kind: 'cluster-operator' };
      expectPasses(replay('ca missed', missed, [
        { minute: 25, firing: { KafkaCertificateExpiring: [{ severity: 'warning', labels: { ...operatorTarget, type: 'cluster-ca', cluster: 'kafka-prod', resource_namespace: 'kafka' } }] } },
      ], ['KafkaCertificateExpiring']));
    });

    test('a consumer group stopped on purpose is quiet; a group with members falling behind pages', () => {
      const lagAlerts = ['KafkaConsumerLag', 'KafkaConsumerLagCapacity'];
      const stopped = fleet(40, { stoppedGroup: { group: 'reporting-batch', at: 2 } });
      expectPasses(replay('stopped group', stopped, [{ minute: 35, firing: {} }], lagAlerts));
      const lagging = fleet(40, { laggingGroup: { group: 'billing', from: 2, perMinute: 20_000 } });
      const labels = { consumergroup: 'billing', topic: 'orders' };
      expectPasses(replay('lagging group', lagging, [
        { minute: 35, firing: { KafkaConsumerLag: [{ severity: 'warning', labels }, { severity: 'critical', labels }], KafkaConsumerLagCapacity: [{ severity: 'info', labels }] } },
      ], lagAlerts));
    });

    test('a declared consumer group whose members vanish while its lag grows alerts its owning team; an undeclared one stays quiet', () => {
      const declared = monitoring.spec.consumerGroups.find((g) => g.group === 'payment-service')!;
      expect(declared.team).toBe('payments');
      const f = fleet(20, { stoppedGroup: { group: declared.group, at: 2 } });
      const labels = { consumergroup: declared.group, topic: 'orders', owner_team: declared.team, team: declared.team };
      expectPasses(replay('declared group stopped', f, [
        { minute: 4, firing: {} },
        { minute: 15, firing: { KafkaConsumerGroupStalled: [{ severity: 'warning', labels }, { severity: 'critical', labels }] } },
      ], ['KafkaConsumerGroupStalled', 'KafkaConsumerLag', 'KafkaConsumerLagCapacity']));
      const undeclared = fleet(20, { stoppedGroup: { group: 'reporting-batch', at: 2 } });
      expectPasses(replay('undeclared group stopped', undeclared, [{ minute: 15, firing: {} }], ['KafkaConsumerGroupStalled']));
    });

    test('a vanished Kafka Exporter alerts (no `up` series left for KafkaMetricsTargetDown to see); one that is there stays quiet', () => {
      const targets = ['KafkaExporterDown', 'KafkaMetricsTargetDown', 'KafkaMetricsTargetMissing'];
      expectPasses(replay('exporter present', fleet(30, {}), [{ minute: 25, firing: {} }], targets));
      const gone = fleet(30, { kafkaExporterGone: { at: 5 } });
      expectPasses(replay('exporter gone', gone, [
        // A restart of the exporter is shorter than this.
        { minute: 8, firing: {} },
        { minute: 15, firing: { KafkaExporterDown: [{ severity: 'warning', labels: {} }] } },
        { minute: 25, firing: { KafkaExporterDown: [{ severity: 'warning', labels: {} }] } },
      ], targets));
    });

    test('the topic backup: a Connect worker roll is quiet; the sink stalling warns; both workers gone page KafkaConnectDown', () => {
      const backupAlerts = ['KafkaConnectDown', 'KafkaConnectConnectorFailed', 'KafkaConnectTaskFailed', 'KafkaTopicBackupBehind', 'KafkaRestoreDrillFailed', 'KafkaMetricsTargetDown'];
      const s = monitoring.spec;
      const connect = s.kafkaConnect[0];
      const b = s.topicBackups[0];
      // A rolling restart of the two workers (each 3 minutes gone), and hours of a healthy backup.
      const roll = fleet(200, { connectRoll: { start: 20, each: 10, down: 3 } });
      expectPasses(replay('connect roll', roll, every(5, 195, 10).map((minute) => ({ minute, firing: {} })), backupAlerts));
      // The sink's last commit is at minute 20: two flush intervals and 15 minutes later no commit moved while
      // records waited (the warning's limit), and the warning fires 5 minutes after that.
      const warnAt = 20 + 2 * b.flushIntervalMinutes + 15 + 5;
      const stalled = fleet(warnAt + 20, { backupStalled: { at: 20 } });
      const labels = { strimzi_io_cluster: s.cluster.name, consumergroup: b.consumerGroup, topic: 'orders.order-placed.v1' };
      expectPasses(replay('backup stalled', stalled, [
        { minute: warnAt - 3, firing: {} },
        { minute: warnAt + 3, firing: { KafkaTopicBackupBehind: [{ severity: 'warning', labels }] } },
      ], backupAlerts));
      // Both workers gone (their image cannot be pulled): KafkaConnectDown after 5 minutes, not before.
      const lost = fleet(40, { connectLost: { at: 5 } });
      expectPasses(replay('connect lost', lost, [
        { minute: 8, firing: {} },
        { minute: 12, firing: { KafkaConnectDown: [{ severity: 'critical', labels: { strimzi_io_cluster: connect } }] } },
      ], ['KafkaConnectDown', 'KafkaTopicBackupBehind', 'KafkaConnectConnectorFailed']));
    });

    test('offline partitions reported by all three controllers page once, with the count, not three times it', () => {
      const f = fleet(10, { offlinePartitions: { from: 2, count: 4 } });
      const rule = (monitoring.prometheusRule.spec as { groups: { rules: { alert: string; annotations: Record<string, string> }[] }[] }).groups.flatMap((g) => g.rules).find((r) => r.alert === 'KafkaOfflinePartitions')!;
      const s = monitoring.spec;
      const tests = [{
        interval: '1m',
        input_series: f.series().map((x) => ({ series: x.series, values: x.values })),
        alert_rule_test: [{
          eval_time: '5m',
          alertname: 'KafkaOfflinePartitions',
          exp_alerts: [{
            exp_labels: { severity: 'critical', priority: 'P1', team: s.team, namespace: s.cluster.namespace },
            exp_annotations: { ...rule.annotations, description: rule.annotations.description.replace('{{ $value }}', '4') },
          }],
        }],
      }];
      fs.writeFileSync(path.join(dir, 'offline.yaml'), stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests }, { lineWidth: 0 }));
      expectPasses(promtool(['test', 'rules', 'offline.yaml'], dir));
    });
  });

  test('a day in production: roll, CA renewal with its roll, backups, a stopped consumer group, then a broker loss and a controller loss page exactly as they should', () => {
    const base = fleet(1, {});
    const [c0, c1, c2] = base.controllers;
    const b = base.brokers;
    const lostBroker = b[3];
    const events: FleetEvents = {
      rolls: [
        // 00:30 a configuration change rolls the controllers, then the brokers (8-minute slots, 6 minutes of log recovery).
        { start: 30, pods: [c0, c1, c2], each: 3, recovery: 1 },
        { start: 40, pods: b, each: 8, recovery: 6 },
        // 02:00 the maintenance window renews the cluster CA, which rolls the brokers again.
        { start: 120, pods: b, each: 8, recovery: 6 },
      ],
      clusterCa: { daysLeft: 25, renewedAt: 120 },
      jobs: [
        { cronjob: 'kafka-prod-volume-snapshot', start: 195, minutes: 3, succeeds: true },
        { cronjob: 'kafka-prod-metadata-backup', start: 200, minutes: 10, succeeds: true },
      ],
      stoppedGroup: { group: 'reporting-batch', at: 215 },
      // 04:00 a node is lost under a broker; 05:00 under a controller. Kubernetes evicts after 5 minutes; the
      // pods come back Pending (their volumes are bound to the lost node's zone).
      losses: [
        { pod: lostBroker, at: 240, evictAfter: 5 },
        { pod: c2, at: 300, evictAfter: 5 },
      ],
    };
    const f = fleet(360, events);
    const t = monitoring.spec.thresholds;
    // The broker pod is not ready from 04:00 and its node answers no scrape: it cannot be recovering, so it pages
    // within minutes. Its replacement pod was created at 04:05, so its peers' under-replication counts as a
    // restart until 04:05 + the window, then pages after its for (Alertmanager inhibits it under KafkaBrokerDown).
    const brokerDownAt = 240 + CANNOT_RECOVER_MINUTES;
    const urpFrom = 245 + t.brokerRecoveryMinutes;
    const controllerDownAt = 300 + CANNOT_RECOVER_MINUTES;
    const checks: Check[] = every(3, 353, 10).map((minute) => {
      const firing: Record<string, ExpectedAlert[]> = {};
      if (minute >= brokerDownAt) firing.KafkaBrokerDown = [{ severity: 'critical', labels: { pod: lostBroker } }];
      const peers = b.filter((x) => x !== lostBroker);
      const urp = (['warning', 'critical'] as const).filter((sev) => minute >= urpFrom + t.underReplicatedMinutes[sev]);
      if (urp.length) firing.KafkaUnderReplicatedPartitions = urp.flatMap((severity) => peers.map((p) => ({ severity, labels: f.targetAt(p, minute) })));
      if (minute >= controllerDownAt) firing.KafkaControllerDown = [{ severity: 'critical', labels: { pod: c2 } }];
      return { minute, firing };
    });
    // The scenario must contain the pages: the harness would pass vacuously otherwise.
    expect(checks.filter((c) => Object.keys(c.firing).length > 0).length).toBeGreaterThan(5);
    expect(checks.some((c) => c.firing.KafkaUnderReplicatedPartitions?.some((a) => a.severity === 'critical'))).toBe(true);
    expectPasses(replay('a day in production', f, checks));
  });

  test('the day fails when a routine event would page (the harness can fail)', () => {
    // The same roll, judged by rules that do not tolerate restarts: expecting silence must fail.
    const f = fleet(140, { rolls: [{ start: 10, pods: fleet(1, {}).brokers, each: 15, recovery: 12 }] });
    const groups = (monitoring.prometheusRule.spec as { groups: { name: string; rules: Record<string, unknown>[] }[] }).groups;
    const naive = groups.map((g) => ({ ...g, rules: g.rules.map(({ annotations: _a, ...r }) => (r.alert === 'KafkaUnderReplicatedPartitions' ? { ...r, expr: String(r.expr).replace(/\) unless on \(\) .*$/, '').replace(/^\(/, '') } : r)) }));
    fs.writeFileSync(path.join(dir, 'naive.yaml'), stringify({ groups: naive }));
    const tests = [{ interval: '1m', input_series: f.series().map((x) => ({ series: x.series, values: x.values })), alert_rule_test: every(5, 135, 10).map((m) => ({ eval_time: `${m}m`, alertname: 'KafkaUnderReplicatedPartitions', exp_alerts: [] })) }];
    fs.writeFileSync(path.join(dir, 'naive-test.yaml'), stringify({ rule_files: ['naive.yaml'], evaluation_interval: '1m', tests }, { lineWidth: 0 }));
    const result = promtool(['test', 'rules', 'naive-test.yaml'], dir);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('KafkaUnderReplicatedPartitions');
  });
});
