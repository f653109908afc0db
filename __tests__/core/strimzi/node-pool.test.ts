import { Validator } from '../../../lib/core/validation';
import { buildNodePool, validateNodePool } from '../../../lib/core/strimzi/node-pool';
import { Storage } from '../../../lib/core/strimzi/storage';

const base = { name: 'brokers', replicas: 3, roles: ['broker'] as const, storage: Storage.persistentClaim({ size: '100Gi' }) };

describe('node pools', () => {
  test('JVM defaults to the guide G1 options; heap sets Xms and Xmx alike', () => {
    const spec = buildNodePool('events', 'kafka', { ...base, jvm: { heap: '8g' } }, {}).spec as { jvmOptions: Record<string, unknown> };
    expect(spec.jvmOptions).toEqual({
      '-XX': { UseG1GC: 'true', MaxGCPauseMillis: '20', InitiatingHeapOccupancyPercent: '35' },
      '-Xms': '8g',
      '-Xmx': '8g',
    });
  });

  test('zone spread constrains scheduling on the zone label for this pool only', () => {
    const spec = buildNodePool('events', 'kafka', { ...base, spreadAcrossZones: true }, {}).spec as {
      template: { pod: { topologySpreadConstraints: { topologyKey: string; whenUnsatisfiable: string; labelSelector: unknown }[] } };
    };
    const [zone] = spec.template.pod.topologySpreadConstraints;
    expect(zone).toMatchObject({
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { 'strimzi.io/cluster': 'events', 'strimzi.io/pool-name': 'brokers' } },
    });
    expect(buildNodePool('events', 'kafka', base, {}).spec).not.toHaveProperty('template');
  });

  test('requests above limits, bad heap and zero replicas are reported', () => {
    const v = new Validator('p');
    validateNodePool(v, 'pool', {
      ...base,
      replicas: 0,
      jvm: { heap: '8 GB' },
      resources: { requests: { memory: '16Gi' }, limits: { memory: '8Gi' } },
    });
    expect(v.issues.map((i) => i.field).sort()).toEqual(['pool.jvm.heap', 'pool.replicas', 'pool.resources.requests.memory']);
  });
});
