import 'cdktf/lib/testing/adapters/jest';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { dev, ENVIRONMENTS, prod, staging } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { buildApp } from '../../stacks/app';
import { Listener } from '../../lib/core/strimzi/listener';
import { allReleaseObjects, releaseObjects, resourceAddresses, resourcesOfType, synthJson } from '../helpers/synth';

const stackOf = (env: EnvironmentConfig) => new KafkaPlatformStack(Testing.app(), env);
const objectsOf = (env: EnvironmentConfig) => allReleaseObjects(synthJson(stackOf(env)));
const find = (objects: ReturnType<typeof objectsOf>, kind: string) => objects.filter((o) => o.kind === kind);
type PoolSpec = { replicas: number; roles: string[]; storage: { volumes: { deleteClaim: boolean }[] }; template?: unknown };
type KafkaSpec = { kafka: { listeners: { tls: boolean; authentication?: unknown }[]; config: Record<string, unknown> } };

describe.each(ENVIRONMENTS.map((e) => [e.name, e] as const))('%s stack', (_name, env) => {
  test('matches its snapshot', () => {
    expect(Testing.synth(stackOf(env))).toMatchSnapshot();
  });

  test('delivers no Strimzi object through kubernetes_manifest', () => {
    const json = synthJson(stackOf(env));
    expect(resourcesOfType(json, 'kubernetes_manifest')).toEqual({});
    // The restore and drill Jobs carry their run's KafkaConnector as a template they create with kubectl at run time
    // (its staged prefix is known only then): a container variable, not a Terraform resource of the object.
    const resources = JSON.stringify(json.resource, (_key, v) => (v && typeof v === 'object' && (v as Record<string, unknown>).name === 'CONNECTOR_MANIFEST' ? { name: 'CONNECTOR_MANIFEST' } : v));
    expect(resources).not.toMatch(/"kafka\.strimzi\.io\/v1[^"]*"/);
    expect(find(allReleaseObjects(json), 'Kafka')).toHaveLength(1);
  });

  test('names its kube config and context; dev keeps local state outside the synth output, shared environments in a Secret of their cluster', () => {
    const json = synthJson(stackOf(env));
    expect((json.provider as { kubernetes: unknown[] }).kubernetes[0]).toEqual({ config_path: '~/.kube/config', config_context: env.kubernetes.context });
    const full = JSON.parse(fs.readFileSync(path.join(Testing.fullSynth(stackOf(env)), 'stacks', `kafka-${env.name}`, 'cdk.tf.json'), 'utf8'));
    expect(full.terraform.backend).toEqual(
      env.name === 'dev'
        ? // Relative to cdktf.out/stacks/kafka-dev, where Terraform runs: the project folder.
          { local: { path: '../../../terraform.kafka-dev.tfstate' } }
        : { kubernetes: { secret_suffix: `kafka-${env.name}`, namespace: 'kube-system', config_path: '~/.kube/config', config_context: `kafka-${env.name}` } },
    );
    if (env.name === 'dev') {
      const stackDir = path.join('/project', 'cdktf.out', 'stacks', 'kafka-dev');
      expect(path.resolve(stackDir, full.terraform.backend.local.path)).toBe('/project/terraform.kafka-dev.tfstate');
    }
  });
});

describe('environment shapes', () => {
  test('dev: one dual-role node, replication 1, plain listener allowed', () => {
    const objects = objectsOf(dev);
    const pools = find(objects, 'KafkaNodePool').map((p) => p.spec as PoolSpec);
    expect(pools.map((p) => [p.replicas, p.roles])).toEqual([[1, ['controller', 'broker']]]);
    const kafka = find(objects, 'Kafka')[0].spec as KafkaSpec;
    expect(kafka.kafka.config['default.replication.factor']).toBe(1);
    expect(kafka.kafka.listeners.some((l) => !l.tls)).toBe(true);
  });

  test('staging: 3 controllers and 3 brokers', () => {
    const pools = find(objectsOf(staging), 'KafkaNodePool').map((p) => p.spec as PoolSpec);
    expect(pools.map((p) => [p.roles.join(), p.replicas]).sort()).toEqual([['broker', 3], ['controller', 3]]);
  });

  test('prod: dedicated controllers, zone-spread brokers, RF 3, min ISR 2, secure listeners, claims kept', () => {
    const objects = objectsOf(prod);
    const pools = find(objects, 'KafkaNodePool').map((p) => p.spec as PoolSpec);
    const controllers = pools.filter((p) => p.roles.join() === 'controller');
    const brokers = pools.filter((p) => p.roles.join() === 'broker');
    expect(controllers.reduce((n, p) => n + p.replicas, 0)).toBe(3);
    expect(brokers.reduce((n, p) => n + p.replicas, 0)).toBeGreaterThanOrEqual(3);
    expect(pools.every((p) => p.template !== undefined)).toBe(true);
    expect(pools.flatMap((p) => p.storage.volumes).every((v) => v.deleteClaim === false)).toBe(true);
    const kafka = find(objects, 'Kafka')[0].spec as KafkaSpec;
    expect(kafka.kafka.config).toMatchObject({ 'default.replication.factor': 3, 'min.insync.replicas': 2, 'unclean.leader.election.enable': false });
    expect(kafka.kafka.listeners.every((l) => l.tls && l.authentication)).toBe(true);
  });

  test('prod refuses plans that would uninstall the cluster release; dev does not', () => {
    const release = (env: EnvironmentConfig) =>
      Object.values(resourcesOfType(synthJson(stackOf(env)), 'helm_release')).find((r) => r.name === `${env.cluster.name}-cluster`)!;
    expect(release(prod).lifecycle).toEqual({ prevent_destroy: true });
    expect(release(dev).lifecycle).toBeUndefined();
  });

  test('with monitoring, brokers and cruise control read exporter rules that exist in the rules ConfigMap', () => {
    const json = synthJson(stackOf(prod));
    const kafka = find(allReleaseObjects(json), 'Kafka')[0].spec as {
      kafka: { metricsConfig: { valueFrom: { configMapKeyRef: { name: string; key: string } } } };
      cruiseControl: { metricsConfig: { valueFrom: { configMapKeyRef: { name: string; key: string } } } };
    };
    const configMaps = Object.values(resourcesOfType(json, 'kubernetes_config_map_v1')) as { metadata: { name: string }; data: Record<string, string> }[];
    for (const ref of [kafka.kafka.metricsConfig.valueFrom.configMapKeyRef, kafka.cruiseControl.metricsConfig.valueFrom.configMapKeyRef]) {
      const cm = configMaps.find((c) => c.metadata.name === ref.name);
      expect(cm?.data[ref.key]).toMatch(/^lowercaseOutputName: true/);
    }
    expect(kafka.cruiseControl.metricsConfig.valueFrom.configMapKeyRef.key).not.toBe(kafka.kafka.metricsConfig.valueFrom.configMapKeyRef.key);
  });

  test('an environment that already runs Strimzi skips the operator', () => {
    // Other releases (topics, users, monitoring) come and go with configuration; only the operator's matters here.
    const operatorReleases = (install: boolean) =>
      Object.values(resourcesOfType(synthJson(stackOf({ ...dev, operator: { install } })), 'helm_release')).filter((r) => r.chart === 'strimzi-kafka-operator');
    expect(operatorReleases(false)).toEqual([]);
    expect(operatorReleases(true)).toHaveLength(1);
  });
});

describe('safe change of configuration', () => {
  test('changing a broker config key changes only the cluster release values, at the same addresses', () => {
    const before = synthJson(stackOf(prod));
    const after = synthJson(stackOf({ ...prod, cluster: { ...prod.cluster, config: { 'log.retention.bytes': 1073741824, 'compression.type': 'lz4' } } }));
    expect(resourceAddresses(after)).toEqual(resourceAddresses(before));
    const changed: string[] = [];
    for (const address of resourceAddresses(before)) {
      const [type, name] = address.split('.');
      const a = before.resource![type][name];
      const b = after.resource![type][name];
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changed.push(`${address}.${key}`);
      }
    }
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^helm_release\.cluster_resources_release_[0-9A-F]+\.values$/);
    const kafka = releaseObjects(after).get('kafka-prod-cluster')!.find((o) => o.kind === 'Kafka')!;
    expect((kafka.spec as KafkaSpec).kafka.config['compression.type']).toBe('lz4');
  });

  test('adding a listener is also an in-place values change', () => {
    const before = resourceAddresses(synthJson(stackOf(staging)));
    const after = resourceAddresses(synthJson(stackOf({ ...staging, cluster: { ...staging.cluster, listeners: [...staging.cluster.listeners!, Listener.external({ type: 'loadbalancer', port: 9095 })] } })));
    expect(after).toEqual(before);
  });
});

describe('backends', () => {
  test('s3 and kubernetes backends come from configuration', () => {
    const read = (env: EnvironmentConfig) => {
      const app = Testing.app();
      const stack = new KafkaPlatformStack(app, env);
      return JSON.parse(fs.readFileSync(path.join(Testing.fullSynth(stack), 'stacks', `kafka-${env.name}`, 'cdk.tf.json'), 'utf8')).terraform.backend;
    };
    expect(read({ ...prod, backend: { type: 's3', bucket: 'tf-state', key: 'kafka/prod.tfstate', region: 'eu-west-1' } })).toEqual({
      s3: { bucket: 'tf-state', key: 'kafka/prod.tfstate', region: 'eu-west-1', encrypt: true },
    });
    expect(read({ ...prod, backend: { type: 'kubernetes', secretSuffix: 'kafka-prod' } })).toEqual({
      kubernetes: { secret_suffix: 'kafka-prod', namespace: 'kube-system', config_path: '~/.kube/config', config_context: 'kafka-prod' },
    });
  });
});

describe('the app', () => {
  function synthTo(dir: string): Map<string, string> {
    buildApp(dir).synth();
    const files = new Map<string, string>();
    const walk = (d: string) => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else files.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
      }
    };
    walk(dir);
    return files;
  }

  test('synthesizes the four environments, byte-identical on a second run', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-platform-app-'));
    const first = synthTo(path.join(root, 'a'));
    const second = synthTo(path.join(root, 'b'));
    fs.rmSync(root, { recursive: true, force: true });
    expect([...first.keys()].filter((f) => f.endsWith('cdk.tf.json')).sort()).toEqual([
      'stacks/kafka-dev/cdk.tf.json',
      'stacks/kafka-dr/cdk.tf.json',
      'stacks/kafka-prod/cdk.tf.json',
      'stacks/kafka-staging/cdk.tf.json',
    ]);
    expect(second).toEqual(first);
  });

  test('an invalid environment fails synth naming the construct path', () => {
    const bad = { ...prod, cluster: { ...prod.cluster, brokerDefaults: { defaultReplicationFactor: 7 } } };
    expect(() => new KafkaPlatformStack(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'x-')) }), bad)).toThrow(
      /kafka-prod\/cluster: brokerDefaults.defaultReplicationFactor = 7: at most the number of brokers \(6\)/,
    );
  });
});

test('the operator PodMonitor follows the operator into a namespace of its own choosing', () => {
  const env: EnvironmentConfig = { ...staging, operator: { ...staging.operator, namespace: 'kafka-operators' } };
  const monitor = allReleaseObjects(synthJson(new KafkaPlatformStack(Testing.app(), env))).find((o) => o.kind === 'PodMonitor' && o.metadata.name.endsWith('-cluster-operator')) as Record<string, any>;
  expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['kafka-operators'] });
});
