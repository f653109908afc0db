import { ChangeStatus, ObjectChange, ResourceChange } from './changes';
import { elementKey, FieldChange } from './field-diff';
import { humanValue } from './units';
import { Review, StackReview } from './review';

export interface ReportOptions {
  /** Objects listed one by one per stack and kind when a whole kind is added or removed; the rest are counted. @default 50 */
  readonly maxListed?: number;
}

const SIGN: Record<ChangeStatus, string> = { added: '+', removed: '−', changed: '~' };

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** The config key a field path ends in (`spec.config[retention.ms]` → `retention.ms`). */
function lastKey(path: string): string {
  const m = /(?:\[([^\]]+)\]|\.?([A-Za-z_][A-Za-z0-9_]*))$/.exec(path);
  return m ? (m[1] ?? m[2]) : path;
}

function show(value: unknown, key = ''): string {
  if (value === undefined) return '(unset)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 160 ? `${text.slice(0, 157)}...` : text;
  const human = humanValue(key, value);
  return human ? `${code(short)} (${human})` : code(short);
}

/** Characters of unchanged text shown on each side of the part of a long string that differs. */
const CONTEXT = 40;

/**
 * Two long strings (alert expressions, scripts) as the part that differs with some context on each side,
 * so both sides never look identical because they were cut at the same place.
 */
function showChangedText(before: string, after: string): string {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let q = 0;
  while (q < before.length - p && q < after.length - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
  // Widen to whole words and numbers, so 85 → 80 reads as such rather than 8⟦5⟧ → 8⟦0⟧.
  const word = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.]/.test(c);
  while (p > 0 && word(before[p - 1])) p--;
  while (q > 0 && word(before[before.length - q])) q--;
  const excerpt = (t: string) => {
    const from = Math.max(0, p - CONTEXT);
    const to = Math.min(t.length, t.length - q + CONTEXT);
    const middle = t.slice(p, t.length - q);
    return `${from > 0 ? '…' : ''}${t.slice(from, p)}⟦${middle.length > 300 ? `${middle.slice(0, 297)}...` : middle}⟧${t.slice(t.length - q, to)}${to < t.length ? '…' : ''}`;
  };
  return `${code(excerpt(before))} → ${code(excerpt(after))}`;
}

function fieldLine(f: FieldChange): string {
  const key = lastKey(f.path);
  if (f.added || f.removed) {
    const parts = [...(f.added ?? []).map((v) => `+${show(v)}`), ...(f.removed ?? []).map((v) => `−${show(v)}`)];
    return `\`${f.path}\`: ${parts.join(' ')}`;
  }
  if (f.before === undefined) return `\`${f.path}\`: added ${show(f.after, key)}`;
  if (f.after === undefined) return `\`${f.path}\`: removed (was ${show(f.before, key)})`;
  if (typeof f.before === 'string' && typeof f.after === 'string' && Math.max(f.before.length, f.after.length) > 80) {
    return `\`${f.path}\`: ${showChangedText(f.before, f.after)}`;
  }
  return `\`${f.path}\`: ${show(f.before, key)} → ${show(f.after, key)}`;
}

type Acl = { resource?: { type?: string; name?: string; patternType?: string }; operations?: string[]; host?: string; type?: string };

const ACLS_PATH = 'spec.authorization.acls';
const aclsOf = (o: unknown): Acl[] => ((o as { spec?: { authorization?: { acls?: Acl[] } } } | undefined)?.spec?.authorization?.acls ?? []);

/** A user's ACL changes as table rows: one per added, removed or changed ACL. */
function aclRows(change: ObjectChange): string[] {
  const before = new Map(aclsOf(change.before).map((a) => [elementKey(a) ?? JSON.stringify(a), a]));
  const after = new Map(aclsOf(change.after).map((a) => [elementKey(a) ?? JSON.stringify(a), a]));
  const row = (sign: string, a: Acl, operations: string) => {
    const r = a.resource ?? {};
    const name = r.type === 'cluster' ? '—' : r.name === '' || r.name === undefined ? '(all)' : r.name;
    return `| ${sign} | ${a.type ?? 'allow'} | ${r.type ?? '?'} | ${code(name)} | ${r.type === 'cluster' ? '—' : (r.patternType ?? 'literal')} | ${operations} | ${a.host ?? '*'} |`;
  };
  const rows: string[] = [];
  for (const [k, a] of after) {
    const b = before.get(k);
    const ops = a.operations ?? [];
    if (!b) rows.push(row('+', a, ops.join(', ')));
    else if (JSON.stringify(b) !== JSON.stringify(a)) {
      const added = ops.filter((o) => !(b.operations ?? []).includes(o));
      const removed = (b.operations ?? []).filter((o) => !ops.includes(o));
      const delta = [...added.map((o) => `+${o}`), ...removed.map((o) => `−${o}`)].join(' ');
      rows.push(row('~', a, `${ops.join(', ')}${delta ? ` (${delta})` : ''}`));
    }
  }
  for (const [k, b] of before) if (!after.has(k)) rows.push(row('−', b, (b.operations ?? []).join(', ')));
  return rows.length ? ['', '  | ACL | Type | Resource | Name | Pattern | Operations | Host |', '  | --- | --- | --- | --- | --- | --- | --- |', ...rows.map((r) => `  ${r}`), ''] : [];
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
      const isUser = c.kind === 'KafkaUser';
      for (const f of c.fields) if (!isUser || !f.path.startsWith(ACLS_PATH)) out.push(`  - ${fieldLine(f)}`);
      if (isUser && c.status !== 'removed') out.push(...aclRows(c));
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

function acknowledgementRows(s: StackReview, list: readonly StackReview['acknowledgements'][number][]): string[] {
  const fresh = new Set(s.newAcknowledgements);
  return [
    '| Rule | Construct | Reason | Covers |',
    '| --- | --- | --- | --- |',
    ...list.map((a) => `| ${a.ruleId}${fresh.has(a) ? ' (new)' : ''} | \`${a.path}\` | ${a.reason.replace(/\|/g, '\\|')} | ${(s.covers.get(a) ?? []).join('; ') || 'nothing at present'} |`),
  ];
}

/**
 * New or changed acknowledgements in the open (they are part of what is reviewed); the ones the merge base
 * already had folded, so that a stack's standing exceptions do not fill every pull request's comment.
 */
function acknowledgementLines(s: StackReview): string[] {
  if (!s.acknowledgements.length) return [];
  const fresh = new Set(s.newAcknowledgements);
  const standing = s.acknowledgements.filter((a) => !fresh.has(a));
  const out: string[] = [];
  if (fresh.size) out.push('**Acknowledged guardrail exceptions, new or changed**', '', ...acknowledgementRows(s, s.newAcknowledgements), '');
  if (standing.length) {
    const n = standing.length;
    out.push(`<details><summary>${n} acknowledged guardrail exception${n === 1 ? '' : 's'}, unchanged</summary>`, '', ...acknowledgementRows(s, standing), '', '</details>', '');
  }
  return out;
}

/** What reaches the stack from other stacks' changes, grouped by what carries it. */
function indirectLines(s: StackReview): string[] {
  if (!s.indirectEffects.length) return [];
  const out = ['**Indirect effects** (from changes of other stacks; nothing to deploy here)', ''];
  const byVia = new Map<string, typeof s.indirectEffects>();
  for (const e of s.indirectEffects) byVia.set(`${e.from}: ${e.via}`, [...(byVia.get(`${e.from}: ${e.via}`) ?? []), e]);
  for (const [via, effects] of byVia) {
    out.push(`- via ${via.replace(/^([^:]+): /, '`$1` ')}`);
    for (const e of effects) out.push(`  - ${e.subject}: ${e.change}`);
  }
  return [...out, ''];
}

function stackSection(s: StackReview, maxListed: number): string[] {
  const { changes } = s;
  const blocks = s.risks.filter((r) => r.level === 'BLOCK' && !r.acknowledgement).length;
  const warns = s.risks.filter((r) => r.level === 'WARN' && !r.acknowledgement).length;
  const env = s.production ? 'production' : 'not production';
  const status = changes.status === 'unchanged' && s.indirectEffects.length ? `unchanged in code, affected by ${[...new Set(s.indirectEffects.map((e) => e.from))].join(', ')}` : changes.status;
  const out = [
    `## ${changes.name}: ${status}${blocks ? `, ${blocks} BLOCK` : ''}${warns ? `, ${warns} WARN` : ''}`,
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
  out.push(...objectLines(changes.objects, maxListed), ...resourceLines(changes.resources), ...indirectLines(s), ...acknowledgementLines(s));
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
  const unchanged = review.stacks.filter((s) => s.changes.status === 'unchanged' && !s.newAcknowledgements.length && !s.indirectEffects.length);
  for (const s of review.stacks) if (!unchanged.includes(s)) lines.push(...stackSection(s, maxListed));
  if (unchanged.length) lines.push(`Unchanged: ${unchanged.map((s) => s.changes.name).join(', ')}.`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}
