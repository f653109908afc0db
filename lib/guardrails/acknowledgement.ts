import { IConstruct } from 'constructs';
import { ValidationError } from '../core/validation';

const METADATA_TYPE = 'kafka-platform:acknowledgement';

/** A deliberate, reviewed exception to a rule, recorded on a construct. */
export interface Acknowledgement {
  /** Id of the rule, e.g. `KP-PROD-003` or `KP-ACCESS-WILDCARD`. */
  readonly ruleId: string;
  /** Why the exception is acceptable; shown in synth output and in the plan review report. */
  readonly reason: string;
  /** Path of the construct the acknowledgement was recorded on. */
  readonly path: string;
}

/**
 * Acknowledgements of rule findings, in the spirit of cdk-nag suppressions. An acknowledgement on a
 * construct covers that construct and everything below it, so a whole stack or one topic can be exempted.
 */
export class Acknowledgements {
  /** Records that `ruleId` is deliberately not met at `scope`, for `reason` (at least 10 characters). */
  static add(scope: IConstruct, ruleId: string, reason: string): void {
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      throw new ValidationError([
        { path: scope.node.path, field: `acknowledgement(${ruleId}).reason`, value: reason, allowed: 'a reason of at least 10 characters that a reviewer can judge' },
      ]);
    }
    scope.node.addMetadata(METADATA_TYPE, { ruleId, reason: reason.trim() }, { stackTrace: false });
  }

  /** The acknowledgement of `ruleId` on `scope` or its nearest ancestor that has one. */
  static find(scope: IConstruct, ruleId: string): Acknowledgement | undefined {
    for (const s of [...scope.node.scopes].reverse()) {
      const entry = s.node.metadata.find((m) => m.type === METADATA_TYPE && (m.data as { ruleId: string }).ruleId === ruleId);
      if (entry) return { ...(entry.data as { ruleId: string; reason: string }), path: s.node.path };
    }
    return undefined;
  }

  /** Every acknowledgement recorded at or below `root`, in tree order. */
  static all(root: IConstruct): Acknowledgement[] {
    return root.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === METADATA_TYPE)
          .map((m) => ({ ...(m.data as { ruleId: string; reason: string }), path: c.node.path })),
      );
  }
}
