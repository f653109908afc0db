import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../../stacks/app';
import { Testing } from 'cdktf';
import { linkedReplicationTarget } from '../../lib';
import { endpointOf } from '../../stacks/disaster-recovery';
import { dr, prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { releaseObjects, resourcesOfType, synthJson } from '../helpers/synth';

/** The DR wiring between environment stacks: endpoint from the DR environment's code, deploy order. */
test('the DR endpoint comes from the DR environment: its listener\'s bootstrap name and port, its Secrets', () => {
  expect(endpointOf(dr)).toEqual({
    bootstrapServers: 'kafka-dr-bootstrap.dr.example.org:9095',
    namespace: 'kafka',
    caCertSecret: 'kafka-dr-cluster-ca-cert',
    credentialsSecret: 'kafka-prod-mirror',
    username: 'kafka-prod-mirror',
  });
});

test("prod's MirrorMaker 2 connects to the DR link's target: the endpoint and the Secrets the link writes", () => {
  // Derived once, by the link; the environment states no target of its own.
  expect(prod.operations!.replication!.target).toBeUndefined();
  const json = synthJson(new KafkaPlatformStack(Testing.app(), prod));
  const mm2 = releaseObjects(json).get('kafka-prod-operations')!.find((o) => o.kind === 'KafkaMirrorMaker2')!;
  const target = mm2.spec!.target as { alias: string; bootstrapServers: string; tls: { trustedCertificates: { secretName: string }[] }; authentication: { username: string; passwordSecret: { secretName: string } } };
  const copies = Object.values(resourcesOfType(json, 'kubernetes_secret_v1')).map((s) => (s.metadata as { name: string }).name);
  expect(target.bootstrapServers).toBe(endpointOf(dr).bootstrapServers);
  expect(target.authentication.username).toBe(endpointOf(dr).username);
  expect(copies).toEqual(expect.arrayContaining([target.tls.trustedCertificates[0].secretName, target.authentication.passwordSecret.secretName]));
});

test('replication states its target unless the environment is a DR source, and then it must not', () => {
  const withoutTarget = prod.operations!.replication!;
  const source = { ...prod, operations: { ...prod.operations!, replication: { ...withoutTarget, target: linkedReplicationTarget('kafka-prod', endpointOf(dr)) } } };
  expect(() => new KafkaPlatformStack(Testing.app(), source)).toThrow(/environments\[prod\]: operations.replication.target = .*: left out: a DR source/);
  const notSource = { ...prod, disasterRecovery: undefined, operations: { ...prod.operations!, replication: withoutTarget } };
  expect(() => new KafkaPlatformStack(Testing.app(), notSource)).toThrow(/environments\[prod\]: operations.replication.target = undefined: a ReplicationTarget, or disasterRecovery.role 'source'/);
});

test('an environment that is not a DR target, or names a missing listener, is refused', () => {
  expect(() => endpointOf(prod)).toThrow(/environments\[prod\]: disasterRecovery.role = "source": 'target'/);
  expect(() => endpointOf({ ...dr, disasterRecovery: { role: 'target', listenerName: 'nope', mirrorUserName: 'm' } })).toThrow(/disasterRecovery.listenerName = "nope": one of its listeners/);
});

test('the app deploys kafka-dr before kafka-prod', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-app-'));
  try {
    buildApp(out).synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.stacks['kafka-prod'].dependencies).toEqual(['kafka-dr']);
    expect(manifest.stacks['kafka-dr'].dependencies).toEqual([]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
