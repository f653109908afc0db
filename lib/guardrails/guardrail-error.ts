import { describeValue, ValidationError } from '../core/validation';
import { GuardrailFinding, GuardrailRule } from './rule';

/** A finding together with the rule it breaks. */
export interface RuleViolation extends GuardrailFinding {
  readonly rule: GuardrailRule;
}

/**
 * Production guardrails refused the stack. Lists every violation with rule id, construct path, why and
 * how to fix; a ValidationError, so `runApp` prints it without a stack trace.
 */
export class GuardrailError extends ValidationError {
  public readonly violations: readonly RuleViolation[];

  constructor(stack: string, violations: readonly RuleViolation[]) {
    super(violations.map((v) => ({ path: v.owner, field: `${v.rule.id} ${v.subject}`, value: v.value, allowed: v.rule.requirement })));
    this.name = 'GuardrailError';
    this.violations = violations;
    const lines = violations.map((v) =>
      [
        `  - [${v.rule.id}] ${v.owner}: ${v.subject} = ${describeValue(v.value)}`,
        `      required: ${v.rule.requirement}`,
        `      why: ${v.rule.why}`,
        `      fix: ${v.fix ?? v.rule.fix}`,
      ].join('\n'),
    );
    const kind = violations.some((v) => v.rule.id.startsWith('KP-PROD-')) ? 'production guardrail' : 'guardrail';
    const noun = violations.length === 1 ? `1 ${kind} finding` : `${violations.length} ${kind} findings`;
    this.message =
      `${noun} in ${stack}\n${lines.join('\n')}\n` +
      `  A deliberate exception is acknowledged on the construct with a reason: Acknowledgements.add(construct, '<rule id>', '<reason>'), ` +
      `or in the guardrails' acknowledgements ({ ruleId, path, reason }): an environment's guardrails, or TeamGuardrails in a team stack.`;
  }
}
