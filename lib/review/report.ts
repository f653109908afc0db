import { ChangeStatus, ObjectChange, ResourceChange } from './changes';
import { FieldChange } from './field-diff';
import { Review, StackReview } from './review';

export interface ReportOptions {
  /** Objects listed one by one per stack and kind when a whole kind is added or removed; the rest are counted. @default 50 */
  readonly maxListed?: number;
}

const SIGN: Record<ChangeStatus, string> = { added: '+', removed: '−', changed: '~' };

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 160 ? `${text.slice(0, 157)}...` : text;
  return `\`${short.replace(/`/g, "'")}\``;
}

function fieldLine(f: FieldChange): string {
  if (f.added || f.removed) {
    const parts = [...(f.added ?? []).map((v) => `+${show(v)}`), ...(f.removed ?? []).map((v) => `−${show(v)}`)];
    return `\`${f.path}\`: ${parts.join(' ')}`;
  }
  if (f.before === undefined) return `\`${f.path}\`: added ${show(f.after)}`;
  if (f.after === undefined) return `\`${f.path}\`: removed (was ${show(f.before)})`;
  return `\`${f.path}\`: ${show(f.before)} → ${show(f.after)}`;
}

function objectLines(changes: readonly ObjectChange[], maxListed: number): string[] {
  const out: string[] = [];
  const byRelease = new Map<string, ObjectChange[]>();
  for (const c of changes) byRelease.set(c.release, [...(byRelease.get(c.release) ?? []), c]);
  for (const [release, list] of byRelease) {
    const counts = (['added', 'changed', 'removed'] as const).map((s) => [s, list.filter((c) => c.status === s).length] as const).filter(([, n]) => n);
    out.push(`**Release \`${release}\`** (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})`, '');
    const listedPerKind = new Map<string, number>();
    const hidden = new Map<string, number>();
    for (const c of list) {
      const k = `${c.status} ${c.kind}`;
      const n = listedPerKind.get(k) ?? 0;
      if (c.status !== 'changed' && n >= maxListed) {
        hidden.set(k, (hidden.get(k) ?? 0) + 1);
        continue;
      }
      listedPerKind.set(k, n + 1);
      out.push(`- ${SIGN[c.status]} ${c.kind} \`${c.name}\``);
      for (const f of c.fields) out.push(`  - ${fieldLine(f)}`);
    }
    for (const [k, n] of hidden) out.push(`- … and ${n} more ${k} objects`);
    out.push('');
  }
  return out;
}

function resourceLines(changes: readonly ResourceChange[]): string[] {
  if (!changes.length) return [];
  const out = ['**Terraform resources**', ''];
  for (const c of changes) {
    out.push(`- ${SIGN[c.status]} \`${c.address}\``);
    for (const f of c.fields) out.push(`  - ${fieldLine(f)}`);
  }
  return [...out, ''];
}

function stackSection(s: StackReview, maxListed: number): string[] {
  const { changes } = s;
  const blocks = s.risks.filter((r) => r.level === 'BLOCK' && !r.acknowledgement).length;
  const warns = s.risks.filter((r) => r.level === 'WARN' && !r.acknowledgement).length;
  const env = s.production ? 'production' : 'not production';
  const out = [
    `## ${changes.name}: ${changes.status}${blocks ? `, ${blocks} BLOCK` : ''}${warns ? `, ${warns} WARN` : ''}`,
    '',
    `_${env} (from ${s.productionBasis})_`,
    '',
  ];
  if (s.risks.length) {
    out.push('| Level | Rule | Object | Why |', '| --- | --- | --- | --- |');
    for (const r of s.risks) {
      const level = r.acknowledgement ? `☑️ acknowledged ${r.level}` : r.level === 'BLOCK' ? '⛔ BLOCK' : '⚠️ WARN';
      const why = r.acknowledgement ? `${r.message} — acknowledged at \`${r.acknowledgement.path}\`: ${r.acknowledgement.reason}` : r.message;
      out.push(`| ${level} | ${r.ruleId} | ${r.subject} | ${why.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  out.push(...objectLines(changes.objects, maxListed), ...resourceLines(changes.resources));
  if (s.acknowledgements.length) {
    const fresh = new Set(s.newAcknowledgements);
    out.push('**Acknowledged guardrail exceptions**', '', '| Rule | Construct | Reason | Covers |', '| --- | --- | --- | --- |');
    for (const a of s.acknowledgements) {
      out.push(`| ${a.ruleId}${fresh.has(a) ? ' (new)' : ''} | \`${a.path}\` | ${a.reason.replace(/\|/g, '\\|')} | ${a.covers.length ? a.covers.join('; ') : '(nothing at present)'} |`);
    }
    out.push('');
  }
  return out;
}

/** The review as Markdown: a verdict, then one section per stack. */
export function renderMarkdown(review: Review, options: ReportOptions = {}): string {
  const maxListed = options.maxListed ?? 50;
  const verdict = review.blocks
    ? `⛔ **${review.blocks} BLOCK** finding${review.blocks === 1 ? '' : 's'}: this change must not be applied as is.`
    : review.warnings
      ? `⚠️ ${review.warnings} warning${review.warnings === 1 ? '' : 's'}, no blocking risk.`
      : '✅ No risky changes.';
  const lines = ['# Kafka platform plan review', '', verdict, ''];
  const unchanged = review.stacks.filter((s) => s.changes.status === 'unchanged' && !s.newAcknowledgements.length);
  for (const s of review.stacks) if (!unchanged.includes(s)) lines.push(...stackSection(s, maxListed));
  if (unchanged.length) lines.push(`Unchanged: ${unchanged.map((s) => s.changes.name).join(', ')}.`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
