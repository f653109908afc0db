import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { dev, prod, staging } from '../../stacks/environments';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { KafkaCluster } from '../../lib/cluster/kafka-cluster';
import { KafkaMonitoring } from '../../lib/monitoring/kafka-monitoring';
import { PrometheusOperatorSchemas } from '../helpers/prometheus-operator-schemas';
import { releaseObjects, resourceAddresses, resourcesOfType, synthJson, testStack } from '../helpers/synth';

const synthEnv = (env: EnvironmentConfig) => synthJson(new KafkaPlatformStack(Testing.app(), env));
type ConfigMap = { metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; data: Record<string, string> };
const configMaps = (json: ReturnType<typeof synthJson>) => Object.values(resourcesOfType(json, 'kubernetes_config_map_v1')) as unknown as ConfigMap[];

describe('KafkaMonitoring in the environments', () => {
  test('prod: the cluster exports metrics through the library rules ConfigMap', () => {
    const json = synthEnv(prod);
    const kafka = releaseObjects(json).get('kafka-prod-cluster')!.find((o) => o.kind === 'Kafka')!;
    expect((kafka.spec as { kafka: { metricsConfig: unknown } }).kafka.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'kafka-prod-jmx-exporter-rules', key: 'kafka-metrics.yaml' } },
    });
    const rules = configMaps(json).find((c) => c.metadata.name === 'kafka-prod-jmx-exporter-rules')!;
    expect(parse(rules.data['kafka-metrics.yaml']).rules.length).toBeGreaterThan(5);
    expect(parse(rules.data['mirror-maker-2-metrics.yaml']).rules.length).toBeGreaterThan(3);
  });

  test('prod: PodMonitors, the PrometheusRule and the AlertmanagerConfig travel in their own release and are valid', () => {
    const objects = releaseObjects(synthEnv(prod)).get('kafka-prod-monitoring')!;
    // Brokers, exporter, Cruise Control, MirrorMaker 2, the topic backup's Connect, Cluster and Entity Operators.
    expect(objects.map((o) => o.kind).sort()).toEqual(['AlertmanagerConfig', 'PodMonitor', 'PodMonitor', 'PodMonitor', 'PodMonitor', 'PodMonitor', 'PodMonitor', 'PodMonitor', 'PrometheusRule']);
    const schemas = new PrometheusOperatorSchemas();
    expect(objects.flatMap((o) => schemas.validate(o))).toEqual([]);
    expect(objects.every((o) => o.metadata.labels?.release === 'kube-prometheus-stack')).toBe(true);
  });

  test('prod declares its catalogue\'s consumer groups: their ownership series, and routing for their owner teams', () => {
    const releases = releaseObjects(synthEnv(prod));
    const objects = releases.get('kafka-prod-monitoring')!;
    // In a release of its own: it changes with the catalogue, not with the alerts.
    const [owners] = releases.get('kafka-prod-consumer-group-owners')!;
    expect(owners.metadata.name).toBe('kafka-prod-consumer-group-owners');
    expect(new PrometheusOperatorSchemas().validate(owners)).toEqual([]);
    const rules = (owners.spec as { groups: { rules: { expr: string; labels: Record<string, string> }[] }[] }).groups[0].rules;
    // The catalogue's consume grant and Streams application, each under its topology group; no Connect worker group.
    expect(rules.map((r) => [r.labels.owner_team, r.expr.match(/consumergroup=~"([^"]*)"/)![1]])).toEqual([
      ['orders', 'order-status-projector'],
      ['payments', 'payment-service'],
    ]);
    const am = objects.find((o) => o.kind === 'AlertmanagerConfig')! as unknown as { spec: { route: { matchers: unknown[] } } };
    expect(am.spec.route.matchers).toEqual([{ name: 'team', value: 'kafka-platform|orders|payments', matchType: '=~' }]);
  });

  test('every environment routes its alerts by priority; only prod pages an on-call pager; secrets are referenced', () => {
    type Receiver = { name: string; emailConfigs?: { to: string; authPassword?: unknown }[]; webhookConfigs?: { url?: string; urlSecret: unknown }[] };
    const routing = (env: EnvironmentConfig) => {
      const am = releaseObjects(synthEnv(env)).get(`kafka-${env.name}-monitoring`)!.find((o) => o.kind === 'AlertmanagerConfig')!;
      expect(new PrometheusOperatorSchemas().validate(am)).toEqual([]);
      return am as unknown as { metadata: { namespace: string }; spec: { receivers: Receiver[]; route: { routes: { receiver: string; matchers: { value: string }[] }[] } } };
    };
    const prodRouting = routing(prod);
    expect(prodRouting.metadata.namespace).toBe('kafka');
    expect(prodRouting.spec.route.routes.filter((r) => r.matchers[0].value === 'P1').map((r) => r.receiver)).toEqual(['l3-on-call-pager', 'l2-engineering-email']);
    const pager = prodRouting.spec.receivers.find((r) => r.webhookConfigs)!;
    expect(pager.webhookConfigs).toEqual([{ urlSecret: { name: 'alertmanager-pager', key: 'webhook-url' }, sendResolved: true }]);
    expect(prodRouting.spec.receivers.flatMap((r) => r.emailConfigs ?? []).every((e) => JSON.stringify(e.authPassword) === '{"name":"alertmanager-smtp","key":"password"}')).toBe(true);
    for (const env of [dev, staging]) {
      const r = routing(env);
      expect(r.spec.receivers.some((x) => x.webhookConfigs)).toBe(false);
      expect(r.spec.route.routes.filter((x) => x.matchers[0].value === 'P1').map((x) => x.receiver)).toEqual(['l2-engineering-email']);
    }
  });

  test('prod: nine dashboards as sidecar ConfigMaps in the folder (SLOs and capacity planning among them); dev has neither of those two', () => {
    const dashboards = configMaps(synthEnv(prod)).filter((c) => c.metadata.labels?.grafana_dashboard === '1');
    expect(dashboards.map((d) => d.metadata.name).sort()).toEqual([
      'kafka-prod-dashboard-kafka-brokers', 'kafka-prod-dashboard-kafka-capacity', 'kafka-prod-dashboard-kafka-consumer-groups', 'kafka-prod-dashboard-kafka-kraft',
      'kafka-prod-dashboard-kafka-mirror-maker-2', 'kafka-prod-dashboard-kafka-operations', 'kafka-prod-dashboard-kafka-operators', 'kafka-prod-dashboard-kafka-slos',
      'kafka-prod-dashboard-kafka-topics',
    ]);
    // Prod runs Cruise Control: the operators dashboard shows it.
    const operators = dashboards.find((d) => d.metadata.name === 'kafka-prod-dashboard-kafka-operators')!;
    expect(operators.data['kafka-operators.json']).toContain('kafka_cruisecontrol_anomalydetector_balancedness_score_value');
    const devNames = configMaps(synthEnv(dev)).filter((c) => c.metadata.labels?.grafana_dashboard === '1').map((d) => d.metadata.name);
    expect(devNames.filter((n) => /slos|capacity/.test(n))).toEqual([]);
    expect(dashboards.every((d) => d.metadata.annotations?.grafana_folder === 'Kafka')).toBe(true);
  });

  test('dev installs kube-prometheus-stack selecting by its release name; prod does not install one', () => {
    const stackRelease = (json: ReturnType<typeof synthJson>) => Object.values(resourcesOfType(json, 'helm_release')).find((r) => r.chart === 'kube-prometheus-stack');
    const devRelease = stackRelease(synthEnv(dev))!;
    expect(devRelease).toMatchObject({ name: 'kube-prometheus-stack', namespace: 'monitoring', repository: 'https://prometheus-community.github.io/helm-charts' });
    const values = parse((devRelease.values as string[])[0]);
    expect(values.prometheus.prometheusSpec.ruleSelector).toEqual({ matchLabels: { release: 'kube-prometheus-stack' } });
    expect(values.grafana.sidecar.dashboards).toMatchObject({ label: 'grafana_dashboard', labelValue: '1', folderAnnotation: 'grafana_folder' });
    expect(values.alertmanager.alertmanagerSpec).toEqual({
      alertmanagerConfigSelector: { matchLabels: { release: 'kube-prometheus-stack' } },
      alertmanagerConfigNamespaceSelector: {},
      alertmanagerConfigMatcherStrategy: { type: 'OnNamespace' },
    });
    expect(stackRelease(synthEnv(prod))).toBeUndefined();
  });

  test('changing a threshold changes only the monitoring release values, in place', () => {
    const before = synthEnv(prod);
    const after = synthEnv({ ...prod, monitoring: { ...prod.monitoring!, thresholds: { ...prod.monitoring!.thresholds, consumerLagMessages: { warning: 20_000, critical: 200_000 } } } });
    expect(resourceAddresses(after)).toEqual(resourceAddresses(before));
    const changed = resourceAddresses(before).filter((address) => {
      const [type, name] = address.split('.');
      return JSON.stringify(before.resource![type][name]) !== JSON.stringify(after.resource![type][name]);
    });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^helm_release\.monitoring_resources_release_/);
  });

  test('an environment without monitoring has no monitoring objects and no metricsConfig', () => {
    const json = synthEnv({ ...dev, monitoring: undefined });
    expect(releaseObjects(json).has('kafka-dev-monitoring')).toBe(false);
    const kafka = releaseObjects(json).get('kafka-dev-cluster')!.find((o) => o.kind === 'Kafka')!;
    expect((kafka.spec as { kafka: Record<string, unknown> }).kafka.metricsConfig).toBeUndefined();
  });
});

describe('KafkaMonitoring at scale', () => {
  test('5,000 declared consumer groups of 250 teams: their ownership release stays far within Helm\'s limit, the alerts\' release does not grow', () => {
    const build = (consumerGroups: { group: string; team: string }[]) => {
      const stack = testStack();
      const cluster = new KafkaCluster(stack, 'cluster', { ...prod.cluster, namespace: 'kafka', metrics: true });
      const monitoring = new KafkaMonitoring(stack, 'monitoring', { cluster, team: 'kafka-platform', runbookBaseUrl: 'https://x/runbooks', consumerGroups, alertRouting: prod.monitoring!.alertRouting });
      const releases = Object.values(resourcesOfType(synthJson(stack), 'helm_release') as Record<string, { name: string; values: string[] }>);
      const bytes = (name: string) => Buffer.byteLength(releases.find((r) => r.name === name)!.values.join(''));
      return { monitoring, bytes };
    };
    const groups = Array.from({ length: 5000 }, (_, i) => ({ group: `team-${i % 250}.application-${String(i).padStart(4, '0')}.consumer`, team: `team-${i % 250}` }));
    const large = build(groups);
    const small = build(groups.slice(0, 1));
    const ownership = large.bytes('kafka-prod-consumer-group-owners');
    // eslint-disable-next-line no-console
    console.log(`ownership release: ${ownership} bytes of values for 5000 groups of ${groups.reduce((n, g) => n + g.group.length, 0) / 5000} characters; alerts release ${large.bytes('kafka-prod-monitoring')} bytes`);
    // Each group costs its name and a few bytes; 5,000 use under half of the 900 KiB budget.
    expect(ownership / 5000).toBeLessThan(34 + 30);
    expect(ownership).toBeLessThan((900 * 1024) / 2);
    // The alerts' release grows only by the AlertmanagerConfig's list of the 250 owner teams.
    expect(large.bytes('kafka-prod-monitoring') - small.bytes('kafka-prod-monitoring')).toBeLessThan(250 * 20);
    const am = large.monitoring.alertmanagerConfig as unknown as { spec: { route: { matchers: { value: string }[] } } };
    expect(am.spec.route.matchers[0].value.split('|')).toHaveLength(251);
  });
});

describe('KafkaMonitoring validation', () => {
  const cluster = (stack: ReturnType<typeof testStack>, metrics: boolean) =>
    new KafkaCluster(stack, 'cluster', { ...dev.cluster, namespace: 'kafka', metrics });

  test('refuses a cluster that does not export through the library rules, reporting every issue', () => {
    const stack = testStack();
    expect(() => new KafkaMonitoring(stack, 'monitoring', { cluster: cluster(stack, false), team: 'Platform Team', runbookBaseUrl: 'https://x', thresholds: { diskUsagePercent: { warning: 95, critical: 90 } } })).toThrow(
      /3 invalid inputs[\s\S]*test\/monitoring: team = "Platform Team"[\s\S]*thresholds.diskUsagePercent.critical = 90[\s\S]*cluster.exportsMetrics = false: true \(a cluster with metrics: true, whose metricsConfig is \{"name":"kafka-dev-jmx-exporter-rules"/,
    );
  });

  test('refuses routing with a bad address and a certificate warning the maintenance window would trip, with the construct path', () => {
    const stack = testStack();
    const withWindow = new KafkaCluster(stack, 'cluster', { ...dev.cluster, namespace: 'kafka', metrics: true, maintenanceTimeWindows: ['* * 2-4 ? * SUN'] });
    expect(() => new KafkaMonitoring(stack, 'monitoring', {
      cluster: withWindow, team: 'platform', runbookBaseUrl: 'https://x/runbooks',
      thresholds: { certificateExpiryDays: { warning: 30, critical: 7 } },
      alertRouting: { supportEmail: 'support', engineeringEmail: 'eng@example.com', smtp: { from: 'am@example.com', smarthost: 'smtp.example.com:587' } },
    })).toThrow(/test\/monitoring: thresholds.certificateExpiryDays.warning = 30: below 23 \(renewalDays 30 minus up to 7 days[\s\S]*test\/monitoring: alertRouting.supportEmail = "support": an email address/);
  });

  test('accepts a correctly wired cluster', () => {
    const stack = testStack();
    const monitoring = new KafkaMonitoring(stack, 'monitoring', { cluster: cluster(stack, true), team: 'platform', runbookBaseUrl: 'https://x/runbooks' });
    expect(monitoring.release.releaseName).toBe('kafka-dev-monitoring');
    expect(monitoring.dashboards).toHaveLength(6);
  });

  test('a cluster with its own exporter rules ConfigMap equal to the library one counts as exporting', () => {
    const stack = testStack();
    const own = new KafkaCluster(stack, 'cluster', { ...dev.cluster, namespace: 'kafka', metricsConfigMap: { name: 'kafka-dev-jmx-exporter-rules', key: 'kafka-metrics.yaml' } });
    expect(own.exportsMetrics).toBe(true);
    expect(() => new KafkaMonitoring(stack, 'monitoring', { cluster: own, team: 'platform', runbookBaseUrl: 'https://x/runbooks' })).not.toThrow();
  });
});

describe('KafkaMonitoring of a referenced cluster', () => {
  const props = { team: 'platform', runbookBaseUrl: 'https://x/runbooks' };

  test('monitors a cluster known by its attributes exactly as the same cluster owned in the stack', () => {
    const ownedStack = testStack();
    const owned = new KafkaCluster(ownedStack, 'cluster', { ...prod.cluster, namespace: 'kafka', metrics: true });
    const fromOwned = new KafkaMonitoring(ownedStack, 'monitoring', { ...props, cluster: owned });
    const refStack = testStack();
    const referenced = KafkaCluster.fromClusterAttributes(refStack, 'cluster', {
      clusterName: owned.clusterName,
      namespace: 'kafka',
      nodePools: owned.nodePools,
      components: owned.components,
      exportsMetrics: true,
      certificateRenewalDays: owned.certificateRenewalDays,
      maintenanceTimeWindows: owned.maintenanceTimeWindows,
    });
    expect(referenced.brokerCount).toBe(owned.brokerCount);
    expect(referenced.controllerCount).toBe(owned.controllerCount);
    const fromReference = new KafkaMonitoring(refStack, 'monitoring', { ...props, cluster: referenced });
    expect(fromReference.spec).toEqual(fromOwned.spec);
    expect(fromReference.podMonitors).toEqual(fromOwned.podMonitors);
    expect(fromReference.prometheusRule).toEqual(fromOwned.prometheusRule);
  });

  test('refuses a referenced cluster whose pools or metrics export are not known, naming every gap', () => {
    const stack = testStack();
    const bare = KafkaCluster.fromClusterAttributes(stack, 'cluster', { clusterName: 'kafka-x', namespace: 'kafka' });
    expect(() => new KafkaMonitoring(stack, 'monitoring', { ...props, cluster: bare })).toThrow(
      /test\/monitoring: cluster.nodePools = undefined: known[\s\S]*cluster.brokerCount = undefined: known[\s\S]*cluster.exportsMetrics = false: true/,
    );
  });
});

describe('Kafka Connect monitoring', () => {
  const prodObjects = releaseObjects(synthEnv(prod)).get('kafka-prod-monitoring')!;
  test('prod scrapes every KafkaConnect pod of the namespace on the metrics port', () => {
    const pm = prodObjects.find((o) => o.kind === 'PodMonitor' && o.metadata.name === 'kafka-prod-kafka-connect') as Record<string, any>;
    expect(pm.spec.selector).toEqual({ matchLabels: { 'strimzi.io/kind': 'KafkaConnect' } });
    expect(pm.spec.podMetricsEndpoints[0].port).toBe('tcp-prometheus');
  });

  test('monitoring a KafkaConnect that exports no metrics through the library rules fails synth naming both', () => {
    const env = { ...prod, operations: { ...prod.operations!, topicBackup: { ...prod.operations!.topicBackup!, metrics: false } } };
    expect(() => synthEnv(env)).toThrow(/kafka-prod\/operations\/topic-backup\/connect: metrics = undefined: true \(the library's Connect exporter rules \{"name":"kafka-prod-jmx-exporter-rules","key":"kafka-connect-metrics.yaml"\}\)/);
  });
});
