import { Testing } from 'cdktf';
import { dr, prod } from '../../stacks/environments';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { Listener } from '../../lib/core/strimzi/listener';
import { allReleaseObjects, resourcesOfType, synthJson } from '../helpers/synth';

/** The DR cluster as code (kafka-dr) and the prod side that reads it at deploy time. */
type Any = Record<string, any>;
const synth = (env: EnvironmentConfig) => synthJson(new KafkaPlatformStack(Testing.app(), env));

describe('DR stack (kafka-dr)', () => {
  const json = synth(dr);
  const objects = allReleaseObjects(json);

  test('an external listener reachable from prod only: TLS, SCRAM, stable bootstrap name, source ranges', () => {
    const kafka = objects.find((o) => o.kind === 'Kafka') as Any;
    expect(kafka.spec.kafka.listeners.find((l: Any) => l.name === 'repl')).toEqual({
      name: 'repl',
      port: 9095,
      type: 'loadbalancer',
      tls: true,
      authentication: { type: 'scram-sha-512' },
      configuration: {
        loadBalancerSourceRanges: ['10.20.0.0/16'],
        bootstrap: { alternativeNames: ['kafka-dr-bootstrap.dr.example.org'], annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'kafka-dr-bootstrap.dr.example.org' } },
      },
    });
  });

  test('the MirrorMaker 2 user has exactly the target ACLs: no Delete, nothing on transactional ids', () => {
    const user = objects.find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'kafka-prod-mirror') as Any;
    expect(user.spec.authentication).toEqual({ type: 'scram-sha-512' });
    const acls = user.spec.authorization.acls.map((a: Any) => `${a.resource.type} ${a.resource.name ?? ''} ${[...a.operations].sort().join(',')}`).sort();
    expect(acls).toEqual(['cluster  Describe', 'group * Describe,Read', 'topic * Alter,AlterConfigs,Create,Describe,DescribeConfigs,Read,Write']);
  });

  test('a DR listener that is internal, or without a bootstrap host, is refused naming the listeners', () => {
    const internalOnly: EnvironmentConfig = { ...dr, cluster: { ...dr.cluster, listeners: [Listener.internalTls(), Listener.external({ name: 'repl', type: 'loadbalancer' })] } };
    expect(() => synth(internalOnly)).toThrow(/kafka-dr\/disaster-recovery: listenerName = "repl": an external \(loadbalancer or route\) listener of kafka-dr with TLS, SCRAM-SHA-512 and a bootstrapHost.*\(listeners: tls \(internal\), repl \(loadbalancer\)\)/);
  });
});

describe('prod stack: the DR link', () => {
  const json = synth(prod);

  test('reads the DR CA and the user password from the DR cluster through its own provider, at every plan', () => {
    const providers = (json.provider as Any).kubernetes as Any[];
    expect(providers).toContainEqual({ alias: 'dr', config_path: '~/.kube/config', config_context: 'kafka-dr' });
    const reads = Object.values(resourcesOfType(json as Any, 'kubernetes_secret_v1')).length; // copies
    expect(reads).toBe(2);
    const data = Object.values((json as Any).data.kubernetes_secret_v1) as Any[];
    expect(data.map((d) => [d.provider, d.metadata.namespace, d.metadata.name]).sort()).toEqual([
      ['kubernetes.dr', 'kafka', 'kafka-dr-cluster-ca-cert'],
      ['kubernetes.dr', 'kafka', 'kafka-prod-mirror'],
    ]);
  });

  test('copies them into the kafka namespace, refusing the plan while the DR side has not created them', () => {
    const copies = Object.values(resourcesOfType(json as Any, 'kubernetes_secret_v1')) as Any[];
    const ca = copies.find((c) => c.metadata.name === 'kafka-prod-dr-cluster-ca-cert')!;
    expect(ca.metadata.namespace).toBe('kafka');
    expect(ca.data['ca.crt']).toMatch(/^\$\{data\.kubernetes_secret_v1\.[^.]+\.data\["ca\.crt"\]\}$/);
    expect(ca.lifecycle.precondition[0].condition).toMatch(/^\$\{length\(lookup\(data\.kubernetes_secret_v1\.[^.]+\.data, "ca\.crt", ""\)\) > 0\}$/);
    expect(ca.lifecycle.precondition[0].error_message).toMatch(/deploy the DR stack first/);
    expect(copies.find((c) => c.metadata.name === 'kafka-prod-dr-mirror-credentials')!.data.password).toMatch(/data\["password"\]/);
  });

  test('MirrorMaker 2 targets the DR bootstrap name with the copies; the CA check watches the same copy and address', () => {
    const mm2 = allReleaseObjects(json).find((o) => o.kind === 'KafkaMirrorMaker2') as Any;
    expect(mm2.spec.target).toMatchObject({
      alias: 'dr',
      bootstrapServers: 'kafka-dr-bootstrap.dr.example.org:9095',
      tls: { trustedCertificates: [{ secretName: 'kafka-prod-dr-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'kafka-prod-mirror', passwordSecret: { secretName: 'kafka-prod-dr-mirror-credentials', password: 'password' } },
    });
    const check = (Object.values(resourcesOfType(json as Any, 'kubernetes_cron_job_v1')) as Any[]).find((c) => c.metadata.name === 'kafka-prod-dr-ca-check')!;
    const container = check.spec.job_template.spec.template.spec.container[0];
    expect(container.env).toEqual(expect.arrayContaining([{ name: 'BOOTSTRAP', value: 'kafka-dr-bootstrap.dr.example.org:9095' }, { name: 'WARN_DAYS', value: '30' }]));
    const rules = allReleaseObjects(json).find((o) => o.kind === 'PrometheusRule' && o.metadata.name === 'kafka-prod-alerts') as Any;
    const stale = rules.spec.groups.flatMap((g: Any) => g.rules).find((r: Any) => r.alert === 'KafkaDrCaCopyStale');
    expect(stale.expr).toContain('cronjob="kafka-prod-dr-ca-check"');
  });
});
