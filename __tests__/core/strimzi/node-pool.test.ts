import { Validator } from '../../../lib/core/validation';
import { buildNodePool, defaultTerminationGraceSeconds, KAFKA_DEFAULT_JVM_XX, validateNodePool } from '../../../lib/core/strimzi/node-pool';
import { Storage } from '../../../lib/core/strimzi/storage';

const base = { name: 'brokers', replicas: 3, roles: ['broker'] as const, storage: Storage.persistentClaim({ size: '100Gi' }) };

describe('node pools', () => {
  test('JVM: only the heap by default (Kafka keeps its own -XX options); heap sets Xms and Xmx alike', () => {
    const spec = buildNodePool('events', 'kafka', { ...base, jvm: { heap: '8g' } }, {}).spec as { jvmOptions: Record<string, unknown> };
    expect(spec.jvmOptions).toEqual({ '-Xms': '8g', '-Xmx': '8g' });
    expect(buildNodePool('events', 'kafka', base, {}).spec).not.toHaveProperty('jvmOptions');
  });

  test('an -XX override is rendered on top of Kafka\'s defaults, which Strimzi would otherwise drop', () => {
    const spec = buildNodePool('events', 'kafka', { ...base, jvm: { xx: { MaxGCPauseMillis: '50', AlwaysPreTouch: 'true' } } }, {}).spec as { jvmOptions: Record<string, Record<string, string>> };
    expect(spec.jvmOptions['-XX']).toEqual({ ...KAFKA_DEFAULT_JVM_XX, MaxGCPauseMillis: '50', AlwaysPreTouch: 'true' });
    expect(spec.jvmOptions['-XX'].ExplicitGCInvokesConcurrent).toBe('true');
  });

  test('an -XX option that restates Kafka\'s default, or is written with its prefix, is reported', () => {
    const v = new Validator('p');
    validateNodePool(v, 'pool', { ...base, jvm: { xx: { MaxGCPauseMillis: '20', '-XX:+UseG1GC': 'true' } } });
    expect(v.issues.map((i) => `${i.field} = ${String(i.value)}: ${i.allowed}`)).toEqual([
      "pool.jvm.xx.MaxGCPauseMillis = 20: a value other than Kafka's default (20); omit it to keep the default",
      'pool.jvm.xx.-XX:+UseG1GC = true: a -XX option name without "-XX:", "+" or "=", e.g. MaxGCPauseMillis',
    ]);
  });

  test('termination grace is sized to the volumes in brackets (growth within one does not roll) unless set; at least 30 s', () => {
    const grace = (size: string) => defaultTerminationGraceSeconds({ ...base, storage: Storage.persistentClaim({ size }) });
    expect([grace('20Gi'), grace('100Gi'), grace('200Gi'), grace('500Gi'), grace('1Ti'), grace('4Ti'), grace('5Ti')]).toEqual([60, 60, 120, 120, 120, 300, 600]);
    const jbod = Storage.jbod([{ id: 0, size: '1Ti' }, { id: 1, size: '1Ti' }]);
    expect(defaultTerminationGraceSeconds({ ...base, storage: jbod })).toBe(300);
    const pod = (p: object) => (buildNodePool('events', 'kafka', { ...base, ...p }, {}).spec as { template: { pod: Record<string, unknown> } }).template.pod;
    expect(pod({ storage: Storage.persistentClaim({ size: '1Ti' }) }).terminationGracePeriodSeconds).toBe(120);
    expect(pod({ terminationGracePeriodSeconds: 300 }).terminationGracePeriodSeconds).toBe(300);
    const v = new Validator('p');
    validateNodePool(v, 'pool', { ...base, terminationGracePeriodSeconds: 10 });
    expect(v.issues.map((i) => `${i.field} = ${String(i.value)}: ${i.allowed}`)).toEqual(['pool.terminationGracePeriodSeconds = 10: a whole number from 30 to 3600']);
  });

  test('priority class: the pool\'s own, else the cluster default', () => {
    const pod = (p: object, defaults = {}) => (buildNodePool('events', 'kafka', { ...base, ...p }, {}, defaults).spec as { template: { pod: Record<string, unknown> } }).template.pod;
    expect(pod({}, { priorityClassName: 'kafka-critical' }).priorityClassName).toBe('kafka-critical');
    expect(pod({ priorityClassName: 'own' }, { priorityClassName: 'kafka-critical' }).priorityClassName).toBe('own');
    expect(pod({})).not.toHaveProperty('priorityClassName');
  });

  test('zone spread constrains scheduling on the zone label for this pool only', () => {
    const spec = buildNodePool('events', 'kafka', { ...base, spreadAcrossZones: true }, {}).spec as {
      template: { pod: { topologySpreadConstraints: { topologyKey: string; whenUnsatisfiable: string; labelSelector: unknown }[] } };
    };
    const [zone] = spec.template.pod.topologySpreadConstraints;
    expect(zone).toMatchObject({
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      minDomains: 3,
      labelSelector: { matchLabels: { 'strimzi.io/cluster': 'events', 'strimzi.io/pool-name': 'brokers' } },
    });
    expect((buildNodePool('events', 'kafka', base, {}).spec as { template: { pod: object } }).template.pod).not.toHaveProperty('topologySpreadConstraints');
  });

  test('minDomains follows zones, capped at the replica count; zones only with spreadAcrossZones', () => {
    const minDomains = (p: object) =>
      (buildNodePool('events', 'kafka', { ...base, spreadAcrossZones: true, ...p }, {}).spec as { template: { pod: { topologySpreadConstraints: { minDomains?: number }[] } } }).template.pod.topologySpreadConstraints[0].minDomains;
    expect(minDomains({ replicas: 6, zones: 2 })).toBe(2);
    expect(minDomains({ replicas: 2 })).toBe(2);
    const v = new Validator('p');
    validateNodePool(v, 'pool', { ...base, zones: 3 });
    expect(v.issues.map((i) => i.field)).toEqual(['pool.zones']);
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
