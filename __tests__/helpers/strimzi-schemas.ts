import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/**
 * Validates objects against the real Strimzi 1.2.0 CRD schemas, read from the folder named by
 * STRIMZI_CRD_DIR (CI points it at ../shared/schemas/strimzi). Stricter than the API server in one
 * respect: an unknown field is an error here, where Kubernetes would silently prune it.
 */
export const CRD_DIR_VARIABLE = 'STRIMZI_CRD_DIR';

export function crdDir(): string | undefined {
  const dir = process.env[CRD_DIR_VARIABLE];
  if (dir && fs.existsSync(dir)) return dir;
  const reason = dir ? `${CRD_DIR_VARIABLE}=${dir} does not exist` : `${CRD_DIR_VARIABLE} is not set`;
  if (process.env.CI === 'true') throw new Error(`Strimzi CRD conformance cannot run in CI: ${reason}`);
  // eslint-disable-next-line no-console
  console.warn(`\n*** STRIMZI CRD CONFORMANCE DID NOT RUN: ${reason}. Set it to the folder of the Strimzi 1.2.0 CRDs. ***\n`);
  return undefined;
}

type Schema = Record<string, unknown>;

/** Closes every object schema that lists its properties, unless it preserves unknown fields. */
function closeObjects(schema: Schema): Schema {
  const out: Schema = { ...schema };
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  for (const [k, v] of Object.entries(out)) {
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, Schema>).map(([name, s]) => [name, closeObjects(s)]));
    } else if ((k === 'items' || k === 'additionalProperties') && v && typeof v === 'object') {
      out[k] = closeObjects(v as Schema);
    } else if ((k === 'oneOf' || k === 'anyOf' || k === 'allOf') && Array.isArray(v)) {
      // oneOf branches in Strimzi CRDs only state `required`; keep them as they are.
      out[k] = v;
    }
  }
  return out;
}

export class StrimziSchemas {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(dir: string) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const crd = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions) {
        const apiVersion = `${crd.spec.group}/${version.name}`;
        const schema = closeObjects(version.schema.openAPIV3Schema);
        // metadata is validated by Kubernetes itself; the CRD leaves it open.
        (schema.properties as Record<string, unknown>).metadata = { type: 'object' };
        this.validators.set(`${apiVersion}/${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }

  get kinds(): string[] {
    return [...this.validators.keys()];
  }

  /** Problems of one object, as readable strings; empty when it conforms. */
  validate(object: { apiVersion: string; kind: string; metadata?: { name?: string }; [key: string]: unknown }): string[] {
    const validator = this.validators.get(`${object.apiVersion}/${object.kind}`);
    if (!validator) return [`no CRD for ${object.apiVersion} ${object.kind}`];
    const where = `${object.kind}/${object.metadata?.name}`;
    if (validator(object)) return [];
    return (validator.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
}
