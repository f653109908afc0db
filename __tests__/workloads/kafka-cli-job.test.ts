import { Construct } from 'constructs';
import { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import { AclResources, allow } from '../../lib/core/strimzi/acl';
import { KafkaCliJobProps, kafkaCliJob, kafkaCliStep } from '../../lib/workloads/kafka-cli-job';
import { Acknowledgements } from '../../lib/acknowledgements/acknowledgement';
import { WILDCARD_RULE_ID } from '../../lib/core/access/grant';
import { Listener } from '../../lib/core/strimzi/listener';
import { allReleaseObjects, synthJson } from '../helpers/synth';
import { byName, MTLS_LISTENER, podOf, workloadSetup } from '../helpers/workloads';

type Any = Record<string, any>;

function declare(overrides: Partial<KafkaCliJobProps> = {}, listeners?: readonly Listener[]) {
  const { stack, cluster, release } = workloadSetup(listeners);
  const scope = new Construct(stack, 'job');
  const job = kafkaCliJob(scope, {
    cluster,
    release,
    name: 'events-inspect',
    acls: [allow(AclResources.topic('*'), ['Describe'])],
    why: 'inspection describes every topic, nothing else',
    workloads: (client) => ({ workload: { component: 'inspect', schedule: '0 * * * *', steps: [kafkaCliStep('inspect', 'acl-audit.sh', client)], volumes: client.volumes, scripts: ['acl-audit.sh'] } }),
    ...overrides,
  });
  return { stack, scope, job, release };
}

describe('kafkaCliJob', () => {
  test('a few lines declare the user with its ACLs, the client wiring and the CronJob, all named after the job', () => {
    const { stack, job } = declare();
    expect(job.name).toBe('events-inspect');
    const user = allReleaseObjects(synthJson(stack)).find((o) => o.kind === 'KafkaUser') as Any;
    expect(user.metadata.name).toBe('events-inspect');
    expect(user.spec.authentication.type).toBe('scram-sha-512');
    expect(user.spec.authorization.acls).toEqual([{ resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['Describe'] }]);
    const cron = byName(stack, 'kubernetes_cron_job_v1')['events-inspect'];
    const pod = podOf(cron);
    expect(pod.container[0].command).toEqual(['/bin/bash', '/opt/kafka-platform/scripts/acl-audit.sh']);
    expect(pod.container[0].env).toEqual(expect.arrayContaining([{ name: 'KAFKA_USERNAME', value: 'events-inspect' }, { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'events-kafka-bootstrap.kafka.svc:9093' }]));
    expect(pod.volume.find((v: Any) => v.name === 'kafka-user').secret.secret_name).toBe('events-inspect');
    // The workload waits for the release that creates its user (whose Secret it mounts).
    expect(cron.depends_on.some((d: string) => d.startsWith('helm_release.'))).toBe(true);
  });

  test('kafka-client.sh is always shipped with the job\'s own scripts', () => {
    const { stack } = declare();
    expect(Object.keys(byName(stack, 'kubernetes_config_map_v1')['events-inspect-scripts'].data).sort()).toEqual(['acl-audit.sh', 'kafka-client.sh']);
  });

  test('wildcard ACLs are acknowledged with the reason; a job without wildcards records none', () => {
    const wild = declare();
    expect(Acknowledgements.find(wild.job.user, WILDCARD_RULE_ID)?.reason).toBe('inspection describes every topic, nothing else');
    const narrow = declare({ acls: [allow(AclResources.cluster(), ['Describe'])], why: '' });
    expect(Acknowledgements.find(narrow.job.user, WILDCARD_RULE_ID)).toBeUndefined();
  });

  test('an mTLS listener gives the user TLS authentication and the client its keystore', () => {
    const { stack } = declare({ listenerName: 'mtls' }, [Listener.internalTls(), MTLS_LISTENER]);
    const user = allReleaseObjects(synthJson(stack)).find((o) => o.kind === 'KafkaUser') as Any;
    expect(user.spec.authentication.type).toBe('tls');
    const pod = podOf(byName(stack, 'kubernetes_cron_job_v1')['events-inspect']);
    expect(pod.volume.find((v: Any) => v.name === 'kafka-user').secret.items.map((i: Any) => i.key)).toEqual(['user.p12', 'user.password']);
    expect(pod.container[0].env).toEqual(expect.arrayContaining([{ name: 'KAFKA_SECURITY_PROTOCOL', value: 'SSL' }]));
  });

  test('the job\'s own checks and the listener check fail together, at the job\'s path, before anything is prepared', () => {
    const prepare = jest.fn(() => []);
    expect(() => declare({ listenerName: 'nope', prepare, check: (v) => v.integer('retentionDays', 0, 1, 10) })).toThrow(
      /test\/job: retentionDays = 0: .*\n.*test\/job: listenerName = "nope": an internal TLS listener with authentication of cluster events: tls/s,
    );
    expect(prepare).not.toHaveBeenCalled();
  });

  test('what prepare returns is created once the input is valid and waited for by every workload', () => {
    const { stack, cluster, release } = workloadSetup();
    const scope = new Construct(stack, 'job');
    kafkaCliJob(scope, {
      cluster,
      release,
      name: 'events-inspect',
      acls: [allow(AclResources.cluster(), ['Describe'])],
      why: '',
      prepare: () => [new PersistentVolumeClaimV1(scope, 'volume', { metadata: { name: 'events-inspect', namespace: 'kafka' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, waitUntilBound: false })],
      workloads: (client) => ({
        a: { name: 'events-inspect-a', component: 'inspect', steps: [kafkaCliStep('a', 'acl-audit.sh', client)], volumes: client.volumes, scripts: [] },
        b: { name: 'events-inspect-b', component: 'inspect', steps: [kafkaCliStep('b', 'acl-audit.sh', client)], volumes: client.volumes, scripts: [] },
      }),
    });
    const jobs = byName(stack, 'kubernetes_job_v1');
    expect(Object.keys(jobs).sort()).toEqual(['events-inspect-a', 'events-inspect-b']);
    for (const job of Object.values(jobs)) expect(job.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\./)]));
  });
});

describe('kafkaCliStep', () => {
  const client = { env: [{ name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b:9093' }], volumes: [], mounts: [{ volume: 'kafka-user', path: '/etc/kafka-platform/user' }] };

  test('runs the script with bash in the Kafka image: arguments after it, client variables first, own mounts first', () => {
    const step = kafkaCliStep('restore', 'restore-offsets.sh', client, { args: ['/backups/x'], env: [{ name: 'MODE', value: 'dry-run' }], mounts: [{ volume: 'backups', path: '/backups' }] });
    expect(step.command).toEqual(['/bin/bash', '/opt/kafka-platform/scripts/restore-offsets.sh', '/backups/x']);
    expect(step.image).toMatch(/^quay\.io\/strimzi\/kafka:/);
    expect(step.env).toEqual([{ name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'b:9093' }, { name: 'MODE', value: 'dry-run' }]);
    expect(step.mounts).toEqual([{ volume: 'backups', path: '/backups' }, { volume: 'kafka-user', path: '/etc/kafka-platform/user' }]);
  });

  test('the Kafka CLI resources unless the step gives its own', () => {
    expect(kafkaCliStep('a', 'acl-audit.sh', client).resources.limits?.memory).toBeDefined();
    const own = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } };
    expect(kafkaCliStep('a', 'load-test.sh', client, { resources: own }).resources).toBe(own);
  });
});
