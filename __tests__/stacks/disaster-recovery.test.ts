import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../../stacks/app';
import { Testing } from 'cdktf';
import { linkedReplicationTarget } from '../../lib';
import { DISASTER_RECOVERY_STATES, DisasterRecoveryState, disasterRecoveryEnvironments, endpointOf } from '../../stacks/disaster-recovery';
import { EnvironmentConfig } from '../../stacks/environment-config';
import { dr, DR_PAIR, ENVIRONMENTS, prod } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { allReleaseObjects, releaseObjects, resourcesOfType, synthJson } from '../helpers/synth';

const ROOT = path.join(__dirname, '..', '..');

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

describe('fail-over and fail-back are one switch (DISASTER_RECOVERY_STATE in stacks/environments.ts)', () => {
  type Json = { resource?: Record<string, Record<string, Record<string, unknown>>> };
  /** Synthesizes the app with environments.ts as the DR guide's edit leaves it: each stack's JSON and dependencies. */
  function synthState(state: DisasterRecoveryState) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `dr-${state}-`));
    try {
      const [primary, standby] = disasterRecoveryEnvironments(state, PAIR);
      buildApp(out, [primary, standby]).synth();
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, { dependencies: string[]; synthesizedStackPath: string }> };
      const stack = (name: string) => JSON.parse(fs.readFileSync(path.join(out, manifest.stacks[name].synthesizedStackPath), 'utf8')) as Json;
      return { prod: stack('kafka-prod'), dr: stack('kafka-dr'), dependsOn: (name: string) => manifest.stacks[name].dependencies };
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  const objects = (json: Json) => allReleaseObjects(json as never).map((o) => `${o.kind}/${o.metadata.name}`);
  const named = (json: Json, type: string) => Object.values(json.resource?.[type] ?? {}).map((r) => (r.metadata as { name: string }).name);
  const PAIR = DR_PAIR;

  test("'replicating' is the pair as declared", () => {
    expect(disasterRecoveryEnvironments('replicating', PAIR)).toEqual([prod, dr]);
    expect(ENVIRONMENTS.filter((e) => e.name === 'prod' || e.name === 'dr')).toEqual([prod, dr]);
  });

  test("'failed-over': dr serves prod's topics and applications and admits no MirrorMaker 2; prod replicates nothing", () => {
    const s = synthState('failed-over');
    const prodObjects = objects(s.prod);
    expect(prodObjects.filter((o) => o.startsWith('KafkaMirrorMaker2/') || o === 'KafkaUser/kafka-prod-mirror-source')).toEqual([]);
    expect(named(s.prod, 'kubernetes_cron_job_v1')).not.toContain('kafka-prod-dr-ca-check');
    expect(named(s.prod, 'kubernetes_secret_v1').filter((n) => n.startsWith('kafka-prod-dr-'))).toEqual([]);
    expect(s.dependsOn('kafka-prod')).toEqual([]);
    // dr declares what prod declared (the topics MirrorMaker 2 created, adopted), and no longer the mirror's user.
    // prod's topic backup (its Connect's storage, probe and drill scratch topics) stays prod's: dr runs none.
    const prodTopics = prodObjects.filter((o) => o.startsWith('KafkaTopic/') && !o.startsWith('KafkaTopic/kafka-prod-'));
    expect(prodTopics.length).toBeGreaterThan(3);
    expect(objects(s.dr)).toEqual(expect.arrayContaining([...prodTopics, 'KafkaUser/order-service', 'KafkaUser/platform-admin']));
    expect(objects(s.dr)).not.toContain('KafkaUser/kafka-prod-mirror');
  });

  test("'failing-back': dr mirrors back to the rebuilt prod, which opens its fail-back listener and is deployed first", () => {
    const s = synthState('failing-back');
    expect(s.dependsOn('kafka-dr')).toEqual(['kafka-prod']);
    expect(s.dependsOn('kafka-prod')).toEqual([]);
    expect(objects(s.prod)).toContain('KafkaUser/kafka-dr-mirror');
    const mirror = allReleaseObjects(s.dr as never).find((o) => o.kind === 'KafkaMirrorMaker2')!;
    expect((mirror.spec as { target: { bootstrapServers: string } }).target.bootstrapServers).toBe('kafka-prod-bootstrap.prod.example.org:9095');
    expect(named(s.dr, 'kubernetes_cron_job_v1')).toContain('kafka-dr-dr-ca-check');
    // dr keeps serving prod's applications meanwhile.
    expect(objects(s.dr)).toContain('KafkaUser/order-service');
  });

  test('a pair that is not declared as replicating is refused with the reason', () => {
    expect(() => disasterRecoveryEnvironments('failed-over', { ...PAIR, primary: { ...prod, disasterRecovery: undefined } })).toThrow(
      "environments[prod]: disasterRecovery = undefined: the 'replicating' declaration of the pair (role 'source' with operations.replication, its target role 'target'), from which 'failed-over' is derived",
    );
  });

  test("the DR guide's edits are the one line of environments.ts, and the file so edited synthesizes", () => {
    const guide = fs.readFileSync(path.join(ROOT, 'docs', 'disaster-recovery.md'), 'utf8');
    const source = fs.readFileSync(path.join(ROOT, 'stacks', 'environments.ts'), 'utf8');
    const line = "export const DISASTER_RECOVERY_STATE: DisasterRecoveryState = 'replicating';";
    expect(source.split('\n').filter((l) => l === line)).toHaveLength(1);
    const edits = [...guide.matchAll(/set `DISASTER_RECOVERY_STATE`(?:\s+in\s+`stacks\/environments\.ts`)?\s+to\s+`'([a-z-]+)'`/g)].map((m) => m[1]);
    expect(edits).toEqual(['failed-over', 'failing-back', 'replicating']);
    for (const state of edits) {
      expect(DISASTER_RECOVERY_STATES).toContain(state);
      // The file as the operator leaves it, loaded and synthesized (written next to the original for its imports).
      const copy = path.join(ROOT, 'stacks', `environments.docs-edit-${process.pid}-${state}.tmp.ts`);
      fs.writeFileSync(copy, source.replace(line, line.replace("'replicating'", `'${state}'`)));
      try {
        const edited = require(copy) as { ENVIRONMENTS: readonly EnvironmentConfig[] };
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-edit-'));
        try {
          expect(() => buildApp(out, edited.ENVIRONMENTS).synth()).not.toThrow();
        } finally {
          fs.rmSync(out, { recursive: true, force: true });
        }
      } finally {
        fs.rmSync(copy, { force: true });
      }
    }
  });
});
