import { ObjectChange, StackChanges } from './changes';

/** BLOCK fails the review (exit status 1); WARN asks the reviewer to look twice. */
export type RiskLevel = 'BLOCK' | 'WARN';

export interface Risk {
  readonly ruleId: string;
  readonly level: RiskLevel;
  /** `Kind namespace/name` of the object. */
  readonly subject: string;
  readonly message: string;
  /** The acknowledgement in the head that accepts this risk; acknowledged risks do not fail the review. */
  readonly acknowledgement?: { readonly path: string; readonly reason: string };
}

/** What a risk rule may consult besides the change itself. */
export interface RiskContext {
  readonly stack: StackChanges;
  readonly production: boolean;
}

/** One dangerous kind of change; one rule per file under `rules/`. */
export interface RiskRule {
  readonly id: string;
  readonly level: RiskLevel;
  /**
   * Id of the acknowledgement (see `Acknowledgements`) that accepts this risk when recorded on the
   * construct that owns the object. @default - the risk cannot be acknowledged
   */
  readonly acknowledgedBy?: string;
  /** What the rule catches, for the report legend. */
  readonly title: string;
  /** Messages for every dangerous aspect of the change (empty when it is safe). */
  assess(change: ObjectChange, context: RiskContext): string[];
}
