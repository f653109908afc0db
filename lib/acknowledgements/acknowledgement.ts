import { IConstruct } from 'constructs';
import { CONSTRUCT_RULE_IDS } from '../core/well-known';
import { ValidationError } from '../core/validation';

const METADATA_TYPE = 'kafka-platform:acknowledgement';
const RULE_ID = /^\S+$/;
/**
 * Acknowledgeable rules other than the guardrail rules, which `PlatformGuardrails` knows itself: those the
 * constructs enforce (from the one registry, `RULE_IDS`) and any declared with `registerRuleId`.
 */
const REGISTERED_RULE_IDS = new Set<string>(CONSTRUCT_RULE_IDS);
/** Acknowledgements per app root, in the order they were added. */
const RECORDED = new WeakMap<IConstruct, { readonly ruleId: string; readonly path: string }[]>();

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
    const issues = [];
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) {
      issues.push({ path: scope.node.path, field: 'acknowledgement.ruleId', value: ruleId, allowed: 'a rule id without spaces, such as "KP-PROD-MIN-ISR"' });
    }
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      issues.push({ path: scope.node.path, field: `acknowledgement(${String(ruleId)}).reason`, value: reason, allowed: 'a reason of at least 10 characters that a reviewer can judge' });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    scope.node.addMetadata(METADATA_TYPE, { ruleId, reason: reason.trim() }, { stackTrace: false });
    const root = scope.node.root;
    RECORDED.set(root, [...(RECORDED.get(root) ?? []), { ruleId, path: scope.node.path }]);
  }

  /**
   * Rule id and path of every acknowledgement recorded in the app of `scope`, without walking the
   * construct tree (cheap for checks that run on every synth of large estates).
   */
  static recorded(scope: IConstruct): readonly { readonly ruleId: string; readonly path: string }[] {
    return RECORDED.get(scope.node.root) ?? [];
  }

  /**
   * Declares a rule id that can be acknowledged besides the production guardrail rules (e.g. a rule a
   * construct enforces itself). `PlatformGuardrails` refuses acknowledgements of ids nobody declared.
   */
  static registerRuleId(ruleId: string): void {
    REGISTERED_RULE_IDS.add(ruleId);
  }

  /** Rule ids declared with `registerRuleId`. */
  static registeredRuleIds(): readonly string[] {
    return [...REGISTERED_RULE_IDS];
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
    return root.node.findAll().flatMap((c) => Acknowledgements.on(c));
  }

  /** The acknowledgements recorded on `scope` itself (not its ancestors or children), in the order added. */
  static on(scope: IConstruct): Acknowledgement[] {
    return scope.node.metadata
      .filter((m) => m.type === METADATA_TYPE)
      .map((m) => ({ ...(m.data as { ruleId: string; reason: string }), path: scope.node.path }));
  }
}
