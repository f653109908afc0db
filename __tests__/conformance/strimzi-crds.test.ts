import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { crdDir, StrimziSchemas } from '../helpers/strimzi-schemas';
import { allReleaseObjects, synthJson } from '../helpers/synth';
import { prod } from '../../stacks/environments';
import { EnvironmentConfig } from '../../stacks/environment-config';

/** prod with a restore declared (dry-run), so its Job is synthesized too. */
const prodWithRestore: EnvironmentConfig = {
  ...prod,
  operations: { ...prod.operations!, topicBackup: { ...prod.operations!.topicBackup!, restores: [{ name: 'orders-fix', topic: 'orders.order-status.v1', targetTopic: 'orders.order-status.v1.restored' }] } },
};

/**
 * Every Strimzi custom resource every environment generates must validate against the real
 * Strimzi 1.2.0 CRD schemas (unknown fields included).
 */
const dir = crdDir();
const describeIfSchemas = dir ? describe : describe.skip;

describeIfSchemas('Strimzi 1.2.0 CRD conformance', () => {
  const schemas = new StrimziSchemas(dir!);

  test('the schemas of every kind the library emits are loaded', () => {
    for (const kind of ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser', 'KafkaMirrorMaker2', 'KafkaRebalance', 'KafkaConnect', 'KafkaConnector']) {
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

  test.each([...ENVIRONMENTS, prodWithRestore].map((e, i) => [i < ENVIRONMENTS.length ? e.name : 'prod with a restore', e] as const))('every Strimzi resource of %s conforms', (_name, env) => {
    const objects = allReleaseObjects(synthJson(new KafkaPlatformStack(Testing.app(), env))).filter((o) => o.apiVersion.startsWith('kafka.strimzi.io/'));
    expect(objects.length).toBeGreaterThan(1);
    const problems = objects.flatMap((o) => schemas.validate(o));
    expect(problems).toEqual([]);
  });
});

describeIfSchemas('Strimzi 1.2.0 CRD conformance of the restore connectors created at run time', () => {
  const schemas = new StrimziSchemas(dir!);
  test('the KafkaConnector each restore and drill Job creates (its template, run id filled in) conforms', () => {
    const json = synthJson(new KafkaPlatformStack(Testing.app(), prodWithRestore));
    const templates = Object.values(json.resource?.kubernetes_cron_job_v1 ?? {}).concat(Object.values(json.resource?.kubernetes_job_v1 ?? {}))
      .flatMap((r: Record<string, any>) => {
        const pod = r.spec.job_template ? r.spec.job_template.spec.template.spec : r.spec.template.spec;
        return [...pod.init_container, ...pod.container].flatMap((c: Record<string, any>) => c.env.filter((e: { name: string }) => e.name === 'CONNECTOR_MANIFEST'));
      })
      .map((e: { value: string }) => JSON.parse(e.value.replace(/__RUN__/g, '20250301T120000Z')));
    expect(templates.map((t) => t.metadata.name).sort()).toEqual(['kafka-prod-restore-drill', 'kafka-prod-restore-orders-fix']);
    expect(templates.flatMap((t) => schemas.validate(t))).toEqual([]);
  });
});
