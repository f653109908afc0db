import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { KubernetesObject } from '../../lib/core/kubernetes';
import { buildApp } from '../../stacks/app';
import { EnvironmentConfig } from '../../stacks/environment-config';

type StackJson = { resource: Record<string, Record<string, Record<string, unknown>>>; locals?: Record<string, unknown> };

// Not under jest's shared TMPDIR: a concurrent jest run's teardown empties that folder.
const root = fs.mkdtempSync(path.join(os.tmpdir(), '..', 'review-'));
let n = 0;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A fresh folder for a test's own files, removed after the test file. */
export function scratchDir(): string {
  const dir = path.join(root, `scratch-${n++}`);
  fs.mkdirSync(dir);
  return dir;
}

/** Synthesizes real environment stacks into a fresh cdktf output folder. */
export function synthOutput(environments: readonly EnvironmentConfig[]): string {
  const dir = path.join(root, `out-${n++}`);
  buildApp(dir, environments).synth();
  return dir;
}

/** A copy of a synth output with one stack's Terraform JSON edited. */
export function editStack(dir: string, stack: string, edit: (json: StackJson) => void): string {
  const copy = path.join(root, `out-${n++}`);
  fs.cpSync(dir, copy, { recursive: true });
  const file = path.join(copy, 'stacks', stack, 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as StackJson;
  edit(json);
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
  return copy;
}

/** A copy of a synth output without one stack. */
export function removeStack(dir: string, stack: string): string {
  const copy = path.join(root, `out-${n++}`);
  fs.cpSync(dir, copy, { recursive: true });
  fs.rmSync(path.join(copy, 'stacks', stack), { recursive: true });
  return copy;
}

/** Puts `objects` into a release of the library chart named `release` (created when missing), like the topics and access modules do. */
export function setReleaseObjects(json: StackJson, release: string, objects: KubernetesObject[]): void {
  const releases = (json.resource.helm_release ??= {});
  const existing = Object.values(releases).find((r) => r.name === release);
  const values = stringify({ resources: objects }, { lineWidth: 0 });
  if (existing) existing.values = [values];
  else releases[`${release}_release`] = { name: release, namespace: 'kafka', chart: 'assets/kafka-platform-resources-chart/ABC', values: [values], wait: false };
}

/** Edits the objects of an existing library release in place. */
export function editReleaseObjects(json: StackJson, release: string, edit: (objects: KubernetesObject[]) => void): void {
  const r = Object.values(json.resource.helm_release).find((x) => x.name === release)!;
  const values = parse((r.values as string[])[0]) as { resources: KubernetesObject[] };
  edit(values.resources);
  r.values = [stringify(values, { lineWidth: 0 })];
}

export function topic(name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubernetesObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaTopic',
    metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka-prod' }, ...(annotations ? { annotations } : {}) },
    spec,
  };
}

export function user(name: string, acls: unknown[]): KubernetesObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaUser',
    metadata: { name, namespace: 'kafka', labels: { 'strimzi.io/cluster': 'kafka-prod' } },
    spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls } },
  };
}
