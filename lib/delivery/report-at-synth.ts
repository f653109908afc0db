import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformStack } from 'cdktf';
import { ValidationError, ValidationIssue } from '../core/validation';

/**
 * Invalid values of topics and users are reported at synth, all of a stack together: a team stack that
 * declares three topics with problems sees the three in one run, not one per run. What cannot be built
 * (a wrongly shaped input, no release) is still refused in the constructor.
 */

interface Recorded {
  readonly path: string;
  readonly issues: readonly ValidationIssue[];
}

const recorded = new WeakMap<TerraformStack, Recorded[]>();

/** Records a construct's invalid input; the synth of its stack refuses it with every other recorded problem. */
export function reportAtSynth(construct: IConstruct, issues: readonly ValidationIssue[]): void {
  if (issues.length === 0) return;
  const stack = TerraformStack.of(construct);
  let list = recorded.get(stack);
  if (!list) {
    list = [];
    recorded.set(stack, list);
    // Added with the first problem, so it runs before the guardrails' aspects: bad input before policy findings.
    Aspects.of(stack).add(new RefuseRecordedIssues(stack));
  }
  list.push({ path: construct.node.path, issues });
}

/**
 * Takes (and forgets) the recorded problems of `scope` and the constructs below it, for a composite that
 * reports them at once with its own (`KafkaTopology`).
 */
export function takeRecordedIssues(scope: IConstruct): ValidationIssue[] {
  const list = recorded.get(TerraformStack.of(scope));
  if (!list) return [];
  const prefix = `${scope.node.path}/`;
  const below = (r: Recorded) => r.path === scope.node.path || r.path.startsWith(prefix);
  const taken = list.filter(below);
  recorded.set(TerraformStack.of(scope), list.filter((r) => !below(r)));
  return taken.flatMap((r) => r.issues);
}

class RefuseRecordedIssues implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const issues = (recorded.get(this.stack) ?? []).flatMap((r) => r.issues);
    if (issues.length > 0) throw new ValidationError(issues);
  }
}
