import { IConstruct } from 'constructs';
import { stringify } from 'yaml';

/** Each release's values documents, by the YAML text written for them. */
const DOCUMENTS = new WeakMap<IConstruct, ReadonlyMap<string, unknown>>();

/**
 * The YAML `values` of a `helm_release` built from data, remembered with the data, so that readers at synth
 * (the guardrails) take the data instead of parsing the YAML back. Call `recordValues` once the release exists.
 */
export function valuesYaml(documents: readonly object[]): { readonly yaml: string[]; readonly record: (release: IConstruct) => void } {
  const yaml = documents.map((d) => stringify(d));
  return { yaml, record: (release) => DOCUMENTS.set(release, new Map(yaml.map((text, i) => [text, documents[i]]))) };
}

/**
 * A release's values as data: the recorded documents when every entry of `values` (as synthesized) is the text
 * recorded for one, undefined otherwise (another writer, an override), when only parsing the YAML is right.
 */
export function recordedValues(release: IConstruct, values: unknown): readonly unknown[] | undefined {
  const recorded = DOCUMENTS.get(release);
  if (!recorded || !Array.isArray(values) || !values.every((v) => typeof v === 'string' && recorded.has(v))) return undefined;
  return values.map((v: string) => recorded.get(v));
}
