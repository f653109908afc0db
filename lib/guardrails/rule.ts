import { StackInventory } from './inventory';

/** One place where a rule is not met. */
export interface GuardrailFinding {
  /** Path of the construct to fix or acknowledge. */
  readonly owner: string;
  /** The offending object and field, e.g. `KafkaTopic kafka/orders spec.replicas`. */
  readonly subject: string;
  /** The offending value. */
  readonly value: unknown;
  /** How to comply in this place, when it differs from the rule's `fix` (e.g. what the cluster's brokers allow). @default - the rule's fix */
  readonly fix?: string;
}

/**
 * A production policy check in the spirit of cdk-nag: one rule per file, each with an id a construct
 * can acknowledge (`Acknowledgements.add(construct, rule.id, reason)`), a reason and a fix.
 */
export interface GuardrailRule {
  /** Stable id, e.g. `KP-PROD-REPLICATION`. */
  readonly id: string;
  /**
   * `error` findings refuse the stack unless acknowledged; `warning` findings are reported as synth warnings
   * (on the construct) and never refuse it.
   * @default 'error'
   */
  readonly severity?: 'error' | 'warning';
  /** What must hold, in a few words. */
  readonly requirement: string;
  /** Why production needs it. */
  readonly why: string;
  /** How to comply. */
  readonly fix: string;
  /** Every place in the stack that does not comply. */
  check(inventory: StackInventory): GuardrailFinding[];
}
