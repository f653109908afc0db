import { Construct, IConstruct } from 'constructs';
import { AnnotationMetadataEntryType, Aspects, IAspect, Lazy, TerraformLocal, TerraformStack } from 'cdktf';
import { refuseBadShapeAt, S } from '../core/shape';
import { uniqueChildId, ValidationError, ValidationIssue, Validator } from '../core/validation';
import { Acknowledgements } from '../acknowledgements/acknowledgement';
import { constructAtPath, scanStack, StackScan } from './collect-inventory';
import { GuardrailError, RuleViolation } from './guardrail-error';
import { describeObject } from './inventory';
import { GuardrailRule } from './rule';
import { everyEnvironmentRules, productionRules } from './rules';
import { escapeTemplate, GuardrailSummary, SUMMARY_LOCAL } from './summary';

/** An acknowledgement declared in configuration rather than code. */
export interface AcknowledgementConfig {
  /** Rule id, e.g. `KP-PROD-MIN-ISR`. */
  readonly ruleId: string;
  /** Construct path below the stack, e.g. `cluster` or `topics/orders`. */
  readonly path: string;
  /** Why the exception is acceptable (at least 10 characters); shown in the plan review. */
  readonly reason: string;
}

export interface PlatformGuardrailsProps {
  /** Environment name recorded in the summary (the review shows it). */
  readonly environment: string;
  /** Enforce the production rules: synth fails on any unacknowledged finding. */
  readonly production: boolean;
  /** Acknowledgements from configuration. @default [] */
  readonly acknowledgements?: readonly AcknowledgementConfig[];
  /** Principals allowed as Kafka super users. @default ['platform-admin'] */
  readonly admins?: readonly string[];
  /** The rules to enforce in production. @default productionRules({ admins }); elsewhere everyEnvironmentRules() */
  readonly rules?: readonly GuardrailRule[];
}

const GUARDRAILS_SHAPE = S.object({
  environment: S.string(),
  production: S.boolean(),
  acknowledgements: S.optional(S.array(S.object({ ruleId: S.string(), path: S.string(), reason: S.string({ allowEmpty: true }) }))),
  admins: S.optional(S.array(S.string())),
  rules: S.optional(S.array(S.where('a GuardrailRule (an object with id and check)', (x) => typeof x === 'object' && x !== null && typeof (x as { check?: unknown }).check === 'function'))),
});

/**
 * Production guardrails of a stack, in the spirit of cdk-nag. In production an aspect runs every rule
 * over the finished stack at synth and refuses it with every unacknowledged finding at once. In every
 * stack it records a summary (Terraform local `kafka_platform`) with the acknowledgements, which the
 * plan review shows.
 *
 * Add it last in the stack's constructor, so that configured acknowledgements can name any construct.
 */
export class PlatformGuardrails extends Construct {
  public readonly rules: readonly GuardrailRule[];
  private readonly extraRuleIds: readonly string[];
  private readonly inputChecks: ((scan: StackScan) => ValidationIssue[])[] = [];

  constructor(scope: Construct, id: string, props: PlatformGuardrailsProps) {
    super(scope, uniqueChildId(scope, id, 'PlatformGuardrails'));
    refuseBadShapeAt(this.node.path, props, GUARDRAILS_SHAPE);
    const stack = TerraformStack.of(this);
    this.rules = props.production ? (props.rules ?? productionRules({ admins: props.admins })) : everyEnvironmentRules();
    this.extraRuleIds = (props.rules ?? []).map((r) => r.id);
    this.applyConfiguredAcknowledgements(stack, props.acknowledgements ?? []);
    // Acknowledgements made in code (Acknowledgements.add) must name a rule that exists, too.
    this.node.addValidation({
      validate: () => {
        const known = this.knownRuleIds();
        const inStack = (path: string) => path === stack.node.path || path.startsWith(`${stack.node.path}/`);
        return Acknowledgements.recorded(stack)
          .filter((a) => inStack(a.path) && !known.includes(a.ruleId))
          .map((a) => `${a.path}: acknowledgement.ruleId = ${JSON.stringify(a.ruleId)}: one of ${known.join(', ')}`);
      },
    });

    // The aspect writes the summary from the walk the rules saw. cdktf resolves every element once before the
    // aspects run (its "preparing" pass, whose result it discards): the Lazy answers that pass with nothing, and
    // computes the summary itself only where no aspects run at all.
    const summary = new TerraformLocal(
      this,
      'summary',
      Lazy.anyValue({ produce: (context) => (context.preparing ? {} : this.summary(props, scanStack(stack, { objectsOnly: true }), new Map())) }),
    );
    summary.overrideLogicalId(SUMMARY_LOCAL);
    Aspects.of(stack).add(
      new GuardrailAspect(stack, this.rules, this.inputChecks, (scan, covers) => {
        summary.expression = this.summary(props, scan, covers);
      }),
    );
  }

  /**
   * Adds a check of the stack's input that runs, on the same walk, before the rules: its issues refuse the
   * stack as invalid input (a `ValidationError`), before any policy finding. Used by `TeamGuardrails`.
   * @internal
   */
  addInputCheck(check: (scan: StackScan) => ValidationIssue[]): void {
    this.inputChecks.push(check);
  }

  /** Rule ids an acknowledgement may name: the production rules, custom rules and registered ids. */
  private knownRuleIds(): string[] {
    return [...new Set([...productionRules().map((r) => r.id), ...this.extraRuleIds, ...Acknowledgements.registeredRuleIds()])];
  }

  private applyConfiguredAcknowledgements(stack: TerraformStack, acks: readonly AcknowledgementConfig[]): void {
    const v = new Validator(this.node.path);
    const known = this.knownRuleIds();
    const targets = acks.map((ack, i) => {
      v.check(known.includes(ack.ruleId), `acknowledgements[${i}].ruleId`, ack.ruleId, `one of ${known.join(', ')}`);
      if (typeof ack.path !== 'string') return undefined;
      const target = ack.path.split('/').reduce<IConstruct | undefined>((c, id) => c?.node.tryFindChild(id), stack);
      v.check(target !== undefined, `acknowledgements[${i}].path`, ack.path, `the path of a construct below ${stack.node.path}, e.g. "cluster"`);
      return target;
    });
    v.throwIfAny();
    acks.forEach((ack, i) => Acknowledgements.add(targets[i]!, ack.ruleId, ack.reason));
  }

  private summary(props: PlatformGuardrailsProps, scan: StackScan, covers: ReadonlyMap<string, readonly string[]>): GuardrailSummary {
    const acks = scan.acknowledgements;
    const owned = acks.length ? scan.inventory.objects : [];
    const below = (path: string) => owned.filter((o) => o.owner === path || o.owner.startsWith(`${path}/`)).map((o) => describeObject(o.object));
    return {
      environment: props.environment,
      production: props.production,
      enforcedRules: this.rules.map((r) => r.id),
      acknowledgements: acks.map((a) => ({
        ruleId: a.ruleId,
        path: a.path,
        reason: escapeTemplate(a.reason),
        covers: [...(covers.get(`${a.ruleId} ${a.path}`) ?? [])],
        // Lets the plan review match an acknowledgement to the objects it is about.
        objects: below(a.path),
      })),
    };
  }
}

/**
 * Runs once per synth, when the aspect pass reaches the stack itself: one walk of the stack (`scanStack`)
 * feeds the input checks, every rule and the summary.
 */
class GuardrailAspect implements IAspect {
  constructor(
    private readonly stack: TerraformStack,
    private readonly rules: readonly GuardrailRule[],
    private readonly inputChecks: readonly ((scan: StackScan) => ValidationIssue[])[],
    private readonly onScanned: (scan: StackScan, covers: ReadonlyMap<string, readonly string[]>) => void,
  ) {}

  visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const scan = scanStack(this.stack, { objectsOnly: this.rules.length === 0 });
    const issues = this.inputChecks.flatMap((check) => check(scan));
    if (issues.length > 0) throw new ValidationError(issues);
    const violations: RuleViolation[] = [];
    const covers = new Map<string, string[]>();
    for (const rule of this.rules) {
      for (const finding of rule.check(scan.inventory)) {
        const owner = constructAtPath(this.stack, finding.owner);
        const ack = owner && Acknowledgements.find(owner, rule.id);
        if (!ack && rule.severity === 'warning') {
          // Without a stack trace: synth output stays byte-identical between runs (a trace names the caller's lines).
          (owner ?? this.stack).node.addMetadata(AnnotationMetadataEntryType.WARN, `[${rule.id}] ${finding.subject}: ${rule.requirement}. ${rule.why}. Fix: ${finding.fix ?? rule.fix}`, { stackTrace: false });
          continue;
        }
        if (!ack) {
          violations.push({ ...finding, rule });
          continue;
        }
        const key = `${ack.ruleId} ${ack.path}`;
        covers.set(key, [...(covers.get(key) ?? []), finding.subject]);
      }
    }
    if (violations.length > 0) throw new GuardrailError(this.stack.node.path, violations);
    this.onScanned(scan, covers);
  }
}
