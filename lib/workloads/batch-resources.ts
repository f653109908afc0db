import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformProviderGeneratorMetadata, TerraformResource, Tokenization } from 'cdktf';
// Types only: the generated classes and their structs (about 5 MB of JavaScript each, half a second of CPU to
// load) are loaded only when a stack is synthesized as HCL (`cdktf synth --hcl`).
import type * as jobV1 from '@cdktf/provider-kubernetes/lib/job-v1';
import type * as cronJobV1 from '@cdktf/provider-kubernetes/lib/cron-job-v1';

/** The configuration of `kubernetes_job_v1`, as the provider's generated `JobV1` takes it. */
export type KubernetesJobConfig = jobV1.JobV1Config;
/** The configuration of `kubernetes_cron_job_v1`, as the provider's generated `CronJobV1` takes it. */
export type KubernetesCronJobConfig = cronJobV1.CronJobV1Config;

/** What the generated classes declare (the provider-presence check of cdktf reads it). */
const KUBERNETES_PROVIDER: TerraformProviderGeneratorMetadata = { providerName: 'kubernetes', providerVersion: '2.38.0', providerVersionConstraint: '~> 2.0' };

/**
 * Attributes of the Job and CronJob schemas that are maps: their keys are data (label keys, resource
 * names), never converted to snake case. Checked against the generated structs by the tests.
 */
export const MAP_ATTRIBUTES: ReadonlySet<string> = new Set(['annotations', 'labels', 'limits', 'matchLabels', 'nodeSelector', 'options', 'requests', 'volumeAttributes']);

/** `fooBarBaz` to `foo_bar_baz`, how the provider names every attribute of these schemas. */
export function snakeCaseAttribute(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, (_m, a: string, b: string) => `${a}_${b.toLowerCase()}`).toLowerCase();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value.constructor === Object || Object.getPrototypeOf(value) === null);
}

/**
 * The struct as the generated output references hand it to their converters: a nested block reached
 * through them (not through a list) with fields but none of them set is left out.
 */
function pruneUnset(value: unknown, throughReference: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => pruneUnset(item, false));
  if (!isPlainObject(value) || Tokenization.isResolvable(value)) return value;
  const keys = Object.keys(value);
  if (throughReference && keys.length > 0 && keys.every((k) => value[k] === undefined)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = MAP_ATTRIBUTES.has(key) ? value[key] : pruneUnset(value[key], throughReference);
  return out;
}

/** A pruned struct as Terraform JSON, as the generated `...ToTerraform` functions write it: keys in snake case, maps and tokens as they are. */
function toTerraformJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toTerraformJson);
  if (!isPlainObject(value) || Tokenization.isResolvable(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    out[snakeCaseAttribute(key)] = MAP_ATTRIBUTES.has(key) && isPlainObject(v) ? { ...v } : toTerraformJson(v);
  }
  return out;
}

const META_ARGUMENTS = new Set<string>(['dependsOn', 'count', 'provider', 'lifecycle', 'forEach', 'provisioners', 'connection']);

type HclAttribute = { value: unknown; isBlock: boolean; type: string; storageClassType: string };

/** HCL attributes as the generated class writes them, without those whose value is undefined. */
function hclAttributes(attrs: Record<string, HclAttribute>): Record<string, HclAttribute> {
  return Object.fromEntries(Object.entries(attrs).filter(([, a]) => a.value !== undefined));
}

/**
 * A Terraform resource of the Kubernetes provider written without its generated class. It takes the
 * same configuration, has the same Terraform address and writes the same JSON as the generated class
 * (`JobV1`, `CronJobV1`), but costs nothing to load and creates no token per nested block. What it
 * lacks are the generated attribute getters; reference attributes with `getStringAttribute(...)`.
 */
abstract class LightKubernetesResource<C extends TerraformMetaArguments> extends TerraformResource {
  /** The configuration as given (the generated class's input). */
  public readonly config: C;

  protected constructor(scope: Construct, id: string, terraformResourceType: string, config: C) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata: KUBERNETES_PROVIDER,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.attributes())) out[snakeCaseAttribute(key)] = toTerraformJson(value);
    return out;
  }

  /** The resource's own attributes (no meta-arguments), pruned like the generated class prunes them. */
  protected attributes(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.config).filter(([k]) => !META_ARGUMENTS.has(k)).map(([k, v]) => [k, pruneUnset(v, true)]));
  }
}

/**
 * `kubernetes_job_v1` without the provider's generated `JobV1` class (same configuration, address and
 * JSON). The `JobV1` module is loaded only for `cdktf synth --hcl`.
 */
export class KubernetesJob extends LightKubernetesResource<KubernetesJobConfig> {
  static readonly tfResourceType = 'kubernetes_job_v1';

  constructor(scope: Construct, id: string, config: KubernetesJobConfig) {
    super(scope, id, KubernetesJob.tfResourceType, config);
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const g = require('@cdktf/provider-kubernetes/lib/job-v1') as typeof jobV1;
    const c = this.attributes() as Partial<KubernetesJobConfig>;
    return hclAttributes({
      id: { value: c.id, isBlock: false, type: 'simple', storageClassType: 'string' },
      wait_for_completion: { value: c.waitForCompletion, isBlock: false, type: 'simple', storageClassType: 'boolean' },
      metadata: { value: g.jobV1MetadataToHclTerraform(c.metadata), isBlock: true, type: 'list', storageClassType: 'JobV1MetadataList' },
      spec: { value: g.jobV1SpecToHclTerraform(c.spec), isBlock: true, type: 'list', storageClassType: 'JobV1SpecList' },
      timeouts: { value: g.jobV1TimeoutsToHclTerraform(c.timeouts), isBlock: true, type: 'struct', storageClassType: 'JobV1Timeouts' },
    });
  }
}

/**
 * `kubernetes_cron_job_v1` without the provider's generated `CronJobV1` class (same configuration,
 * address and JSON). The `CronJobV1` module is loaded only for `cdktf synth --hcl`.
 */
export class KubernetesCronJob extends LightKubernetesResource<KubernetesCronJobConfig> {
  static readonly tfResourceType = 'kubernetes_cron_job_v1';

  constructor(scope: Construct, id: string, config: KubernetesCronJobConfig) {
    super(scope, id, KubernetesCronJob.tfResourceType, config);
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    const g = require('@cdktf/provider-kubernetes/lib/cron-job-v1') as typeof cronJobV1;
    const c = this.attributes() as Partial<KubernetesCronJobConfig>;
    return hclAttributes({
      id: { value: c.id, isBlock: false, type: 'simple', storageClassType: 'string' },
      metadata: { value: g.cronJobV1MetadataToHclTerraform(c.metadata), isBlock: true, type: 'list', storageClassType: 'CronJobV1MetadataList' },
      spec: { value: g.cronJobV1SpecToHclTerraform(c.spec), isBlock: true, type: 'list', storageClassType: 'CronJobV1SpecList' },
      timeouts: { value: g.cronJobV1TimeoutsToHclTerraform(c.timeouts), isBlock: true, type: 'struct', storageClassType: 'CronJobV1Timeouts' },
    });
  }
}
