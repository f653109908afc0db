import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { KubernetesObject } from '../core/kubernetes';
import { GuardrailSummary, SUMMARY_LOCAL, unescapeTemplate } from '../guardrails/summary';

/** The chart name of the library's resources chart; its releases carry Kubernetes objects in `values`. */
export const LIBRARY_CHART = 'kafka-platform-resources-chart';

/** Label on every custom resource of a platform stack naming its environment. */
export const ENVIRONMENT_LABEL = 'kafka-platform/environment';

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

/** One synthesized stack (`stacks/<name>/cdk.tf.json`), read for review. */
export interface SynthStack {
  readonly name: string;
  readonly production: boolean;
  /** How `production` was decided, for the report. */
  readonly productionBasis: string;
  readonly summary?: GuardrailSummary;
  readonly resources: ReadonlyMap<string, SynthResource>;
  readonly objects: ReadonlyMap<string, SynthObject>;
}

type StackJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  locals?: Record<string, unknown>;
};

/**
 * Reads one stack's Terraform JSON. Releases of the library chart are opened: their objects are compared
 * one by one instead of as one `values` string, so a reviewer sees "partitions 6 -> 12", not a YAML blob.
 */
export function parseStack(name: string, json: StackJson): SynthStack {
  const resources = new Map<string, SynthResource>();
  const objects = new Map<string, SynthObject>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [id, raw] of Object.entries(byName)) {
      const { ['//']: _metadata, ...config } = raw;
      if (type === 'helm_release' && String(config.chart).includes(LIBRARY_CHART)) {
        const release = String(config.name);
        const values = parse(((config.values as string[] | undefined) ?? [])[0] ?? '') as { resources?: KubernetesObject[] } | null;
        for (const object of values?.resources ?? []) {
          const key = `${release}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
          objects.set(key, { key, release, object });
        }
        config.values = [`(${values?.resources?.length ?? 0} objects, compared one by one)`];
      }
      resources.set(`${type}.${id}`, { address: `${type}.${id}`, type, config });
    }
  }
  const summary = readSummary(json.locals?.[SUMMARY_LOCAL]);
  const [production, productionBasis] = decideProduction(name, summary, objects);
  return { name, production, productionBasis, summary, resources, objects };
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
function decideProduction(name: string, summary: GuardrailSummary | undefined, objects: Map<string, SynthObject>): [boolean, string] {
  if (summary) return [summary.production === true, `the stack's guardrails summary (environment ${summary.environment})`];
  for (const { object } of objects.values()) {
    const env = object.kind === 'Kafka' ? object.metadata.labels?.[ENVIRONMENT_LABEL] : undefined;
    if (env) return [env === 'prod' || env === 'production', `the Kafka label ${ENVIRONMENT_LABEL}=${env}`];
  }
  return [/(^|-)prod(uction)?$/.test(name), 'its stack name'];
}

/** Every stack of a cdktf output folder (`<dir>/stacks/<name>/cdk.tf.json`), by name. */
export function readSynthOutput(dir: string): Map<string, SynthStack> {
  const stacksDir = path.join(dir, 'stacks');
  if (!fs.existsSync(stacksDir)) throw new Error(`${dir} is not a cdktf synth output: ${stacksDir} does not exist`);
  const stacks = new Map<string, SynthStack>();
  for (const name of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, name, 'cdk.tf.json');
    if (fs.existsSync(file)) stacks.set(name, parseStack(name, JSON.parse(fs.readFileSync(file, 'utf8'))));
  }
  return stacks;
}
