import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../../stacks/app';
import { endpointOf, replicationTargetFor } from '../../stacks/disaster-recovery';
import { dr, prod } from '../../stacks/environments';

/** The DR wiring between environment stacks: endpoint from the DR environment's code, deploy order. */
test('the DR endpoint comes from the DR environment: its listener\'s bootstrap name and port, its Secrets', () => {
  expect(endpointOf(dr)).toEqual({
    bootstrapServers: 'kafka-dr-bootstrap.dr.example.org:9095',
    namespace: 'kafka',
    caCertSecret: 'kafka-dr-cluster-ca-cert',
    credentialsSecret: 'kafka-prod-mirror',
    username: 'kafka-prod-mirror',
  });
  // prod's MirrorMaker 2 target is exactly what its link writes.
  expect(prod.operations!.replication!.target).toEqual(replicationTargetFor('kafka-prod', dr));
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
