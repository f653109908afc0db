/**
 * The guardrails summary every platform stack carries as the Terraform local `kafka_platform`: which
 * environment it is, whether the production rules were enforced, and every acknowledged exception.
 * The plan review reads it from the synth output, so reviewers see acknowledgements without a cluster.
 */

/** Name of the Terraform local that holds the summary. */
export const SUMMARY_LOCAL = 'kafka_platform';

export interface AcknowledgementRecord {
  readonly ruleId: string;
  /** Construct path the acknowledgement was recorded on. */
  readonly path: string;
  readonly reason: string;
  /** Findings the acknowledgement exempted at this synth (empty when it currently covers nothing). */
  readonly covers: readonly string[];
  /** Objects of the library's releases added by the acknowledged construct or below (`Kind namespace/name`). */
  readonly objects: readonly string[];
}

export interface GuardrailSummary {
  readonly environment: string;
  readonly production: boolean;
  /** Ids of the rules enforced on this stack (empty outside production). */
  readonly enforcedRules: readonly string[];
  readonly acknowledgements: readonly AcknowledgementRecord[];
}

// Terraform interpolates `${` and `%{` in every string of a local; free-text reasons must not be read as templates.
export function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

export function unescapeTemplate(text: string): string {
  return text.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
}
