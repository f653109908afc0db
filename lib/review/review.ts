import { AcknowledgementRecord } from '../guardrails/summary';
import { diffStacks, ObjectChange, StackChanges } from './changes';
import { crossStackEffects, IndirectEffect } from './cross-stack';
import { Risk, RiskContext, RiskRule } from './risk';
import { RISK_RULES } from './rules';
import { SynthStack } from './synth-output';

/** The review of one stack. */
export interface StackReview {
  readonly changes: StackChanges;
  readonly production: boolean;
  readonly productionBasis: string;
  readonly risks: readonly Risk[];
  /** Guardrail exceptions acknowledged in the head (the code under review). */
  readonly acknowledgements: readonly AcknowledgementRecord[];
  /** Acknowledgements that are new or changed compared with the base. */
  readonly newAcknowledgements: readonly AcknowledgementRecord[];
  /**
   * What each acknowledgement covers in the head: the guardrail findings it exempted at synth, plus, for
   * an acknowledgement that accepts a review rule, the objects it owns that the rule would flag if new.
   */
  readonly covers: ReadonlyMap<AcknowledgementRecord, readonly string[]>;
  /** What reaches this stack from changes of other stacks (topics mirrored to its cluster), see `crossStackEffects`. */
  readonly indirectEffects: readonly IndirectEffect[];
}

export interface Review {
  readonly stacks: readonly StackReview[];
  readonly blocks: number;
  readonly warnings: number;
}

const ackKey = (a: AcknowledgementRecord) => `${a.ruleId} ${a.path} ${a.reason}`;

/** What an acknowledgement covers now (see `StackReview.covers`). */
function coverage(ack: AcknowledgementRecord, head: SynthStack | undefined, context: RiskContext, rules: readonly RiskRule[]): string[] {
  const out = [...ack.covers];
  const accepting = rules.filter((r) => r.acknowledgedBy === ack.ruleId);
  if (!head || !accepting.length) return out;
  for (const subject of ack.objects ?? []) {
    const [kind, name] = subject.split(' ');
    const slash = name.indexOf('/');
    const found = slash < 0 ? head.findObject(kind, '', name) : head.findObject(kind, name.slice(0, slash), name.slice(slash + 1));
    if (!found) continue;
    // Judged as if the object were new: what the acknowledgement accepts about it today, not only what changed.
    const asNew: ObjectChange = { status: 'added', key: found.key, release: found.release, kind, name, after: found.object, fields: [] };
    for (const rule of accepting) for (const message of rule.assess(asNew, context)) out.push(`${subject}: ${message.split(': ')[0]}`);
  }
  return out;
}

/** Compares two synth outputs stack by stack and assesses every change against the risk rules. */
export function reviewSynthOutputs(base: ReadonlyMap<string, SynthStack>, head: ReadonlyMap<string, SynthStack>, rules: readonly RiskRule[] = RISK_RULES): Review {
  const names = [...new Set([...base.keys(), ...head.keys()])].sort();
  const allChanges = names.map((name) => diffStacks(name, base.get(name), head.get(name)));
  const indirect = crossStackEffects(allChanges, head);
  const stacks = allChanges.map((changes): StackReview => {
    const name = changes.name;
    // A removed stack is judged by what it was; otherwise by what it becomes.
    const subject = (head.get(name) ?? base.get(name))!;
    const context = { stack: changes, production: subject.production };
    const acknowledgements = head.get(name)?.summary?.acknowledgements ?? [];
    const risks = changes.objects.flatMap((change) =>
      rules.flatMap((rule) => {
        const subject = `${change.kind} ${change.name}`;
        const ack = rule.acknowledgedBy ? acknowledgements.find((a) => a.ruleId === rule.acknowledgedBy && (a.objects ?? []).includes(subject)) : undefined;
        const acknowledgement = ack ? { path: ack.path, reason: ack.reason } : undefined;
        return rule.assess(change, context).map((message): Risk => ({ ruleId: rule.id, level: rule.level, subject, message, ...(acknowledgement ? { acknowledgement } : {}) }));
      }),
    );
    const rank = (r: Risk) => (r.acknowledgement ? 2 : r.level === 'BLOCK' ? 0 : 1);
    risks.sort((a, b) => rank(a) - rank(b));
    const before = new Set((base.get(name)?.summary?.acknowledgements ?? []).map(ackKey));
    return {
      changes,
      production: subject.production,
      productionBasis: subject.productionBasis,
      risks,
      acknowledgements,
      newAcknowledgements: acknowledgements.filter((a) => !before.has(ackKey(a))),
      covers: new Map(acknowledgements.map((a) => [a, coverage(a, head.get(name), context, rules)])),
      indirectEffects: indirect.get(name) ?? [],
    };
  });
  const count = (level: string) => stacks.reduce((n, s) => n + s.risks.filter((r) => r.level === level && !r.acknowledgement).length, 0);
  return { stacks, blocks: count('BLOCK'), warnings: count('WARN') };
}
