import * as fs from 'fs';
import * as path from 'path';
import { KubernetesObject } from '../core/kubernetes';
import { GuardrailSummary, SUMMARY_LOCAL, unescapeTemplate } from '../guardrails/summary';
import { readLibraryValues } from './values-reader';

// The library chart's releases carry Kubernetes objects in `values`; the environment label names a stack's environment.
export { ENVIRONMENT_LABEL, LIBRARY_CHART } from '../core/well-known';
import { ENVIRONMENT_LABEL, LIBRARY_CHART } from '../core/well-known';

/** A typed Terraform resource of a synthesized stack. */
export interface SynthResource {
  /** `type.name` */
  readonly address: string;
  readonly type: string;
  readonly config: Record<string, unknown>;
}

/** A Kubernetes object inside one of the library's Helm releases. */
export interface SynthObject {
  /** `release/Kind/namespace/name`: how an object is matched between base and head. */
  readonly key: string;
  readonly release: string;
  readonly object: KubernetesObject;
}

/** A Helm release of the library's chart: its `values` text, opened into objects only when needed. */
export class SynthRelease {
  private parsed?: ReadonlyMap<string, SynthObject>;

  constructor(
    public readonly name: string,
    /** The release's `values` exactly as synthesized; equal text means equal objects. */
    public readonly values: string,
  ) {}

  /** The release's objects by key (parsed on first use). */
  get objects(): ReadonlyMap<string, SynthObject> {
    if (!this.parsed) {
      const doc = readLibraryValues(this.values) as { resources?: KubernetesObject[] } | null;
      const objects = new Map<string, SynthObject>();
      for (const object of doc?.resources ?? []) {
        const key = `${this.name}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
        objects.set(key, { key, release: this.name, object });
      }
      this.parsed = objects;
    }
    return this.parsed;
  }

  /** False when the release certainly holds no object of `kind` (a text search, no parsing). */
  mayHold(kind: string): boolean {
    for (const needle of [`kind: ${kind}`, `kind: "${kind}"`]) {
      // indexOf, not a RegExp: this runs over every release of both outputs.
      for (let i = this.values.indexOf(needle); i >= 0; i = this.values.indexOf(needle, i + 1)) {
        const c = this.values.charCodeAt(i + needle.length);
        const alphanumeric = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
        if (!alphanumeric) return true;
      }
    }
    return false;
  }
}

/** One synthesized stack (`stacks/<name>/cdk.tf.json`), read for review. */
export interface SynthStack {
  readonly name: string;
  readonly production: boolean;
  /** How `production` was decided, for the report. */
  readonly productionBasis: string;
  readonly summary?: GuardrailSummary;
  /** Typed resources; library releases without their `values` (their objects are compared one by one). */
  readonly resources: ReadonlyMap<string, SynthResource>;
  /** Releases of the library chart, by release name. */
  readonly releases: ReadonlyMap<string, SynthRelease>;
  /** Every object of every library release (opens every release: prefer `objectsOfKind` or `releases`). */
  readonly objects: ReadonlyMap<string, SynthObject>;
  /** Objects of one kind, opening only the releases that may hold it. */
  objectsOfKind(kind: string): SynthObject[];
  /** One object, opening only the releases whose text names it. */
  findObject(kind: string, namespace: string, name: string): SynthObject | undefined;
}

type StackJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  locals?: Record<string, unknown>;
};

class ParsedStack implements SynthStack {
  public readonly production: boolean;
  public readonly productionBasis: string;
  private all?: Map<string, SynthObject>;
  private readonly byKind = new Map<string, SynthObject[]>();

  constructor(
    public readonly name: string,
    public readonly summary: GuardrailSummary | undefined,
    public readonly resources: ReadonlyMap<string, SynthResource>,
    public readonly releases: ReadonlyMap<string, SynthRelease>,
  ) {
    [this.production, this.productionBasis] = decideProduction(name, summary, this);
  }

  get objects(): ReadonlyMap<string, SynthObject> {
    this.all ??= new Map([...this.releases.values()].flatMap((r) => [...r.objects]));
    return this.all;
  }

  findObject(kind: string, namespace: string, name: string): SynthObject | undefined {
    for (const r of this.releases.values()) {
      if (!r.values.includes(name) || !r.mayHold(kind)) continue;
      const found = r.objects.get(`${r.name}/${kind}/${namespace}/${name}`);
      if (found) return found;
    }
    return undefined;
  }

  objectsOfKind(kind: string): SynthObject[] {
    let found = this.byKind.get(kind);
    if (!found) {
      found = [...this.releases.values()].filter((r) => r.mayHold(kind)).flatMap((r) => [...r.objects.values()].filter((o) => o.object.kind === kind));
      this.byKind.set(kind, found);
    }
    return found;
  }
}

/**
 * Reads one stack's Terraform JSON. Releases of the library chart are kept apart: their objects are compared
 * one by one instead of as one `values` string, so a reviewer sees "partitions 6 -> 12", not a YAML blob,
 * and releases whose values are byte-identical on both sides are never opened.
 */
export function parseStack(name: string, json: StackJson): SynthStack {
  const resources = new Map<string, SynthResource>();
  const releases = new Map<string, SynthRelease>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [id, raw] of Object.entries(byName)) {
      const { ['//']: _metadata, ...config } = raw;
      if (type === 'helm_release' && String(config.chart).includes(LIBRARY_CHART)) {
        const release = String(config.name);
        releases.set(release, new SynthRelease(release, ((config.values as string[] | undefined) ?? [])[0] ?? ''));
        delete config.values;
      }
      resources.set(`${type}.${id}`, { address: `${type}.${id}`, type, config });
    }
  }
  return new ParsedStack(name, readSummary(json.locals?.[SUMMARY_LOCAL]), resources, releases);
}

function readSummary(raw: unknown): GuardrailSummary | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as GuardrailSummary;
  return { ...s, acknowledgements: (s.acknowledgements ?? []).map((a) => ({ ...a, reason: unescapeTemplate(a.reason) })) };
}

/**
 * Production is what the stack says of itself (its guardrails summary); older outputs without one fall
 * back to the environment label on its Kafka objects, then to a stack name ending in `-prod`.
 */
function decideProduction(name: string, summary: GuardrailSummary | undefined, stack: SynthStack): [boolean, string] {
  if (summary) return [summary.production === true, `the stack's guardrails summary (environment ${summary.environment})`];
  for (const { object } of stack.objectsOfKind('Kafka')) {
    const env = object.metadata.labels?.[ENVIRONMENT_LABEL];
    if (env) return [env === 'prod' || env === 'production', `the Kafka label ${ENVIRONMENT_LABEL}=${env}`];
  }
  return [/(^|-)prod(uction)?$/.test(name), 'its stack name'];
}

/**
 * Every stack of a cdktf output folder (`<dir>/stacks/<name>/cdk.tf.json`), by name. Refuses, with a
 * one-line reason, a folder that is not a cdktf synth output or holds a stack that is not one of this
 * library's (neither a guardrails summary nor a release of its chart): such a pair is not comparable.
 */
export function readSynthOutput(dir: string): Map<string, SynthStack> {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a cdktf synth output: no such folder`);
  if (!fs.existsSync(manifest)) throw new Error(`${dir} is not a cdktf synth output: it has no manifest.json (run cdktf synth / npm run synth)`);
  const stacksDir = path.join(dir, 'stacks');
  const stacks = new Map<string, SynthStack>();
  for (const name of fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).sort() : []) {
    const file = path.join(stacksDir, name, 'cdk.tf.json');
    if (!fs.existsSync(file)) continue;
    let json: StackJson;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8')) as StackJson;
    } catch (err) {
      throw new Error(`${file} is not valid JSON: ${(err as Error).message}`);
    }
    const stack = parseStack(name, json);
    if (!stack.summary && stack.releases.size === 0) {
      throw new Error(`${dir} is not a synth output of this library: stack ${name} has neither a ${SUMMARY_LOCAL} summary nor a ${LIBRARY_CHART} release`);
    }
    stacks.set(name, stack);
  }
  if (!stacks.size) throw new Error(`${dir} is not a synth output of this library: it has no stack`);
  return stacks;
}
