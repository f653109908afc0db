import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { crdDir, StrimziSchemas } from '../helpers/strimzi-schemas';
import { allReleaseObjects, synthJson } from '../helpers/synth';

/**
 * Every Strimzi custom resource every environment generates must validate against the real
 * Strimzi 1.2.0 CRD schemas (unknown fields included).
 */
const dir = crdDir();
const describeIfSchemas = dir ? describe : describe.skip;

describeIfSchemas('Strimzi 1.2.0 CRD conformance', () => {
  const schemas = new StrimziSchemas(dir!);

  test('the schemas of every kind the library emits are loaded', () => {
    for (const kind of ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser', 'KafkaMirrorMaker2', 'KafkaRebalance']) {
      expect(schemas.kinds).toContain(`kafka.strimzi.io/v1/${kind}`);
    }
  });

  test('the validator rejects unknown fields, wrong enums, missing required fields and v1beta2', () => {
    const pool = { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', metadata: { name: 'p' }, spec: { replicas: 1, roles: ['broker'], storage: { type: 'jbod', volumes: [] } } };
    expect(schemas.validate(pool)).toEqual([]);
    expect(schemas.validate({ ...pool, spec: { ...pool.spec, replica: 3 } }).join()).toMatch(/must NOT have additional properties .*replica/);
    expect(schemas.validate({ ...pool, spec: { ...pool.spec, roles: ['leader'] } }).join()).toMatch(/allowed values/);
    expect(schemas.validate({ ...pool, spec: { roles: ['broker'] } }).join()).toMatch(/required/);
    expect(schemas.validate({ ...pool, apiVersion: 'kafka.strimzi.io/v1beta2' })).toEqual(['no CRD for kafka.strimzi.io/v1beta2 KafkaNodePool']);
  });

  test.each(ENVIRONMENTS.map((e) => [e.name, e] as const))('every Strimzi resource of %s conforms', (_name, env) => {
    const objects = allReleaseObjects(synthJson(new KafkaPlatformStack(Testing.app(), env))).filter((o) => o.apiVersion.startsWith('kafka.strimzi.io/'));
    expect(objects.length).toBeGreaterThan(1);
    const problems = objects.flatMap((o) => schemas.validate(o));
    expect(problems).toEqual([]);
  });
});
