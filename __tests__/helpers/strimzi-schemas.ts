import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { readPins, repositoryRoot } from '../../scripts/strimzi-crds';

/**
 * Validates objects against the real Strimzi 1.2.0 CRD schemas, read from the folder named by
 * STRIMZI_CRD_DIR (CI points it at ../shared/schemas/strimzi) or, when it is unset, from the cache that
 * `npm run crds` fills (pinned SHA-256). Stricter than the API server in one respect: an unknown field
 * is an error here, where Kubernetes would silently prune it.
 */
export const CRD_DIR_VARIABLE = 'STRIMZI_CRD_DIR';

/** Where the CRDs are, or why they are not there. */
export function locateCrds(): { readonly dir?: string; readonly reason?: string } {
  const dir = process.env[CRD_DIR_VARIABLE];
  if (dir) return fs.existsSync(dir) ? { dir } : { reason: `${CRD_DIR_VARIABLE}=${dir} does not exist` };
  const root = repositoryRoot(__dirname);
  const pins = readPins(root);
  const cached = path.join(root, pins.cacheDir);
  if (Object.keys(pins.files).every((f) => fs.existsSync(path.join(cached, f)))) return { dir: cached };
  return { reason: `${CRD_DIR_VARIABLE} is not set and ${pins.cacheDir} is empty` };
}

/** The line printed once per test run (by the global setup) when the CRD suites are skipped. */
export function skippedLine(reason: string): string {
  return `Strimzi CRD conformance suites SKIPPED: ${reason}. Run \`npm run crds\` (downloads the pinned Strimzi 1.2.0 CRDs) or set ${CRD_DIR_VARIABLE}.`;
}

/** The CRD folder; undefined (suite skipped) without one, except in CI (CI=true), where that is an error. */
export function crdDir(): string | undefined {
  const { dir, reason } = locateCrds();
  if (dir) return dir;
  if (process.env.CI === 'true') throw new Error(`Strimzi CRD conformance cannot run in CI: ${reason}`);
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

  /** Without a folder (a suite skipped for want of CRDs still runs its describe body) it knows no kinds. */
  constructor(dir: string | undefined) {
    if (dir === undefined) return;
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
