import * as fs from 'fs';
import * as path from 'path';
import { allAlertRules, buildAlertGroups, buildPrometheusRule, runbookSlug } from '../../../lib/core/monitoring/alert-rules';
import { PRIORITIES } from '../../../lib/core/monitoring/alert-routing';
import { validateMonitoringSpec } from '../../../lib/core/monitoring/monitoring-spec';
import { maintenanceWindowGapDays } from '../../../lib/core/strimzi/quartz';
import { Validator } from '../../../lib/core/validation';
import { PrometheusOperatorSchemas } from '../../helpers/prometheus-operator-schemas';
import { spec } from './fixtures';

const RUNBOOKS = path.join(__dirname, '..', '..', '..', 'docs', 'runbooks');
const GUIDE_ALERTS = ['KafkaBrokerDown', 'KafkaUnderReplicatedPartitions', 'KafkaOfflinePartitions', 'KafkaConsumerLag', 'KafkaDiskSpaceHigh', 'KafkaHighThroughput', 'KafkaSlowProducer'];

describe('alert rules', () => {
  const full = spec({ mirrorMaker2: true });
  const rule = buildPrometheusRule(full, buildAlertGroups(full));
  type Rendered = { alert: string; for: string; labels: Record<string, string>; annotations: Record<string, string> };
  const rendered = (rule.spec as { groups: { rules: Rendered[] }[] }).groups.flatMap((g) => g.rules);

  test('keeps the operations guide\'s alert names and adds the issue\'s', () => {
    const names = new Set(rendered.map((r) => r.alert));
    for (const name of [...GUIDE_ALERTS, 'KafkaControllerDown', 'KafkaMultipleBrokersDown', 'KafkaFencedBrokers', 'KafkaMetadataErrors', 'KafkaIsrShrinks',
      'KafkaRequestHandlerIdleLow', 'KafkaNetworkProcessorIdleLow', 'KafkaOperatorReconciliationFailing', 'KafkaResourceNotReady', 'KafkaEntityOperatorDown',
      'KafkaCronJobFailed', 'KafkaMessageRateCapacity', 'KafkaNoActiveController', 'KafkaMultipleActiveControllers', 'KafkaUnderMinIsrPartitions', 'KafkaOfflineLogDirectory', 'KafkaCertificateExpiring', 'KafkaBackupOverdue', 'KafkaDiskFullForecast', 'KafkaMirrorMaker2ReplicationLag']) {
      expect(names).toContain(name);
    }
  });

  test('SLO alerts come in warning/critical pairs', () => {
    for (const name of ['KafkaUnderReplicatedPartitions', 'KafkaSlowProducer', 'KafkaConsumerLag', 'KafkaDiskSpaceHigh', 'KafkaCertificateExpiring']) {
      expect(rendered.filter((r) => r.alert === name).map((r) => r.labels.severity).sort()).toEqual(['critical', 'warning']);
    }
    const urp = rendered.filter((r) => r.alert === 'KafkaUnderReplicatedPartitions');
    // The guide's critical 15 minutes would break P2's page budget (docs/alerting.md).
    expect(Object.fromEntries(urp.map((r) => [r.labels.severity, r.for]))).toEqual({ warning: '5m', critical: '8m' });
  });

  test('every alert has severity, team, summary, description and a runbook_url pointing at an existing page', () => {
    expect(new PrometheusOperatorSchemas().validate(rule)).toEqual([]);
    for (const r of rendered) {
      // A declared consumer group's alert belongs to its owner, read from the ownership series.
      expect([r.alert, r.labels.team]).toEqual([r.alert, r.alert === 'KafkaConsumerGroupStalled' ? '{{ $labels.owner_team }}' : 'kafka-platform']);
      expect(r.labels.namespace).toBe('kafka');
      expect(r.annotations.runbook_url).toBe(`https://runbooks.example.com/kafka/${runbookSlug(r.alert)}.md`);
      expect([r.alert, fs.existsSync(path.join(RUNBOOKS, `${runbookSlug(r.alert)}.md`))]).toEqual([r.alert, true]);
    }
  });

  test('every alert has a priority; cluster down and data loss are P1; its runbook states the priority and the first response time', () => {
    const p1 = new Set(rendered.filter((r) => r.labels.priority === 'P1').map((r) => r.alert));
    expect([...p1].sort()).toEqual(['KafkaMultipleActiveControllers', 'KafkaMultipleBrokersDown', 'KafkaNoActiveController', 'KafkaOfflinePartitions', 'KafkaUncleanLeaderElection', 'KafkaUnderMinIsrPartitions']);
    for (const alert of new Set(rendered.map((r) => r.alert))) {
      const page = fs.readFileSync(path.join(RUNBOOKS, `${runbookSlug(alert)}.md`), 'utf8');
      const line = page.split('\n').find((l) => l.startsWith('Priority: ')) ?? '';
      for (const r of rendered.filter((x) => x.alert === alert)) {
        const p = r.labels.priority as keyof typeof PRIORITIES;
        const time = PRIORITIES[p].responseTime.replace('15m', '15 minutes').replace('30m', '30 minutes').replace('2h', '2 hours').replace('24h', '24 hours');
        expect([alert, line.includes(p), line.includes(`${p}: first response within ${time}`)]).toEqual([alert, true, true]);
      }
    }
  });

  test('offline partitions take the max over the controllers (each publishes the count), never the sum', () => {
    const offline = allAlertRules(buildAlertGroups(full)).find((r) => r.alert === 'KafkaOfflinePartitions')!;
    expect(offline.expr).toMatch(/^max\(kafka_controller_kafkacontroller_offlinepartitionscount\{[^}]*strimzi_io_controller_role="true"\}\) > 0$/);
  });

  test('routine-sensitive alerts are quiet while a broker pod was recreated within the recovery window', () => {
    const rules = allAlertRules(buildAlertGroups(spec({ thresholds: { brokerRecoveryMinutes: 30 } })));
    for (const name of ['KafkaUnderReplicatedPartitions', 'KafkaIsrShrinks']) {
      expect([name, rules.find((r) => r.alert === name)!.expr]).toEqual([name, expect.stringContaining('unless on () (((time() - max by (namespace, pod) (kube_pod_created{')]);
      expect(rules.find((r) => r.alert === name)!.expr).toContain('< 1800)');
      // A container restarting in place (the pod stays) is a restart too.
      expect(rules.find((r) => r.alert === name)!.expr).toContain('or (max by (namespace, pod) (time() - kube_pod_container_state_started{');
    }
    // The recovery window bounds log recovery inside the expression; the page itself waits 3 minutes.
    const down = rules.find((r) => r.alert === 'KafkaBrokerDown')!;
    expect(down.for).toBe('3m');
    expect(down.expr).toContain('kafka_server_kafkaserver_brokerstate{');
    expect(down.expr).toContain('kube_pod_container_state_started{namespace="kafka", pod=~"kafka-prod-(?:brokers)-[0-9]+", container="kafka"}) < 1800)');
    expect(rules.find((r) => r.alert === 'KafkaConsumerLag')!.expr).toContain('and on (namespace, consumergroup) (max by (namespace, consumergroup) (kafka_consumergroup_members{');
  });

  test('the certificate warning must lie below renewalDays minus the wait for a maintenance window', () => {
    expect(maintenanceWindowGapDays([])).toBe(0);
    expect(maintenanceWindowGapDays(['* * 2-4 ? * SUN'])).toBe(7);
    expect(maintenanceWindowGapDays(['* * 2-4 1 * ?'])).toBe(31);
    expect(maintenanceWindowGapDays(['* * 2-4 * * ?', '* * 2-4 ? * SUN'])).toBe(1);
    const weekly = (warning: number) => {
      const v = new Validator('m');
      const s = spec({ thresholds: { certificateExpiryDays: { warning, critical: 7 } } });
      validateMonitoringSpec(v, { ...s, cluster: { ...s.cluster, certificateRenewalDays: 30, maintenanceTimeWindows: ['* * 2-4 ? * SUN'] } });
      return v.issues.map((i) => `${i.field} = ${i.value}`);
    };
    expect(weekly(30)).toEqual(['thresholds.certificateExpiryDays.warning = 30']);
    expect(weekly(23)).toEqual(['thresholds.certificateExpiryDays.warning = 23']);
    expect(weekly(21)).toEqual([]);
  });

  test('every runbook page has meaning, impact, diagnosis and mitigation', () => {
    for (const alert of new Set(rendered.map((r) => r.alert))) {
      const page = fs.readFileSync(path.join(RUNBOOKS, `${runbookSlug(alert)}.md`), 'utf8');
      expect([alert, ['## Meaning', '## Impact', '## Diagnosis', '## Mitigation'].filter((h) => !page.includes(h))]).toEqual([alert, []]);
      expect(page).toContain(`# ${alert}`);
      expect(page).not.toMatch(/systemctl|\/var\/kafka|zookeeper/i);
    }
  });

  test('the schema rejects a rule without severity (the check can fail)', () => {
    const groups = (rule.spec as { groups: { name: string; rules: Rendered[] }[] }).groups;
    const broken = { ...rule, spec: { groups: [{ ...groups[0], rules: [{ ...groups[0].rules[0], labels: { team: 'x' } }] }] } };
    expect(new PrometheusOperatorSchemas().validate(broken).join()).toMatch(/severity/);
  });

  test('MirrorMaker 2 alerts only when replication is on', () => {
    const names = (s: ReturnType<typeof spec>) => allAlertRules(buildAlertGroups(s)).map((r) => r.alert);
    expect(names(spec()).filter((n) => n.includes('MirrorMaker2'))).toEqual([]);
    expect(names(full).filter((n) => n.includes('MirrorMaker2'))).toEqual(['KafkaMirrorMaker2Down', 'KafkaMirrorMaker2ReplicationLag', 'KafkaMirrorMaker2CheckpointLatency', 'KafkaMirrorMaker2ConnectorFailed']);
  });

  test('thresholds come from configuration', () => {
    const custom = spec({ thresholds: { consumerLagMessages: { warning: 123, critical: 456 } } });
    const lag = allAlertRules(buildAlertGroups(custom)).filter((r) => r.alert === 'KafkaConsumerLag');
    expect(lag.map((r) => / > (\d+) and on /.exec(r.expr)?.[1])).toEqual(['123', '456']);
  });

  test('backup CronJobs default to the operations names and are configurable; none means no backup alert', () => {
    const expr = (s: ReturnType<typeof spec>) => allAlertRules(buildAlertGroups(s)).find((r) => r.alert === 'KafkaBackupOverdue')?.expr ?? '';
    expect(expr(spec())).toContain('cronjob="kafka-prod-metadata-backup"');
    expect(expr(spec())).toContain('cronjob="kafka-prod-volume-snapshot"');
    // Each default job is overdue after its own schedule's gap plus 2 hours: 6-hourly -> 8 h, weekly -> 170 h.
    expect(expr(spec())).toMatch(/cronjob="kafka-prod-metadata-backup"\} > 28800\)/);
    expect(expr(spec())).toMatch(/cronjob="kafka-prod-volume-snapshot"\} > 612000\)/);
    expect(expr(spec({ backupCronJobs: [{ name: 'nightly', maxAgeHours: 50 }] }))).toMatch(/cronjob="nightly"\} > 180000/);
    expect(expr(spec({ backupCronJobs: [] }))).toBe('');
  });

  test('selectors are exact to the cluster\'s pools (no prefix match of another cluster)', () => {
    const disk = allAlertRules(buildAlertGroups(spec())).find((r) => r.alert === 'KafkaDiskSpaceHigh')!;
    const pvc = /persistentvolumeclaim=~"([^"]+)"/.exec(disk.expr)![1];
    const re = new RegExp(`^(?:${pvc})$`);
    expect(['data-kafka-prod-brokers-0', 'data-0-kafka-prod-brokers-11', 'data-1-kafka-prod-controllers-2'].every((n) => re.test(n))).toBe(true);
    expect(['data-0-kafka-prod-eu-brokers-0', 'data-0-kafka-prod-brokers-0-old', 'kafka-prod-brokers-0'].some((n) => re.test(n))).toBe(false);
  });

  test('invalid thresholds and inputs are reported together with field and allowed values', () => {
    const v = new Validator('stack/monitoring');
    validateMonitoringSpec(v, spec({
      team: '',
      runbookBaseUrl: 'wiki/runbooks',
      thresholds: { diskUsagePercent: { warning: 92, critical: 90 }, certificateExpiryDays: { warning: 7, critical: 30 }, capacity: { cpuPercentOfLimit: 180 }, brokerRecoveryMinutes: 2.5, requestHandlerIdlePercent: { warning: 10, critical: 30 } },
      backupCronJobs: [{ name: 'Backup_Job' }],
    }));
    expect(v.issues.map((i) => i.field)).toEqual([
      'team', 'runbookBaseUrl', 'thresholds.diskUsagePercent.critical', 'thresholds.certificateExpiryDays.critical',
      'thresholds.requestHandlerIdlePercent.critical', 'thresholds.brokerRecoveryMinutes',
      'thresholds.capacity.cpuPercentOfLimit', 'backupCronJobs[0].name',
    ]);
    expect(() => v.throwIfAny()).toThrow(/stack\/monitoring: thresholds.diskUsagePercent.critical = 90: above the warning level \(92\)/);
  });
});
