/** Field-level differences between two JSON values, in words a reviewer reads. */

/** One changed field. Lists of plain values report what was added and removed instead of before/after. */
export interface FieldChange {
  /** Path such as `spec.config[retention.ms]` or `spec.authorization.acls[topic:orders].operations`. */
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly added?: readonly unknown[];
  readonly removed?: readonly unknown[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The identity of a list element, so that lists are compared element by element even when reordered:
 * listeners and pools by name, volumes by id, alert rules by alert name and severity (or record name),
 * ACLs by resource.
 */
export function elementKey(element: unknown): string | undefined {
  if (!isObject(element)) return undefined;
  const r = element.resource;
  if (isObject(r)) {
    const host = element.host && element.host !== '*' ? `@${String(element.host)}` : '';
    const deny = element.type === 'deny' ? 'deny ' : '';
    return `${deny}${String(r.type)}:${String(r.name ?? '')}${r.patternType === 'prefix' ? '*' : ''}${host}`;
  }
  // Warning and critical rules of one alert share its name: the severity tells them apart.
  if (typeof element.alert === 'string') {
    const severity = isObject(element.labels) ? element.labels.severity : undefined;
    return typeof severity === 'string' ? `${element.alert} ${severity}` : element.alert;
  }
  for (const k of ['name', 'record', 'id']) {
    if (typeof element[k] === 'string' || typeof element[k] === 'number') return String(element[k]);
  }
  return undefined;
}

function child(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${key}]`;
}

/** Differences from `before` to `after`. */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (same(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffFields(before[k], after[k], child(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) return diffLists(before, after, path);
  return [{ path, before, after }];
}

function diffLists(before: unknown[], after: unknown[], path: string): FieldChange[] {
  if ([...before, ...after].every((v) => !isObject(v) && !Array.isArray(v))) {
    const b = new Set(before.map((v) => JSON.stringify(v)));
    const a = new Set(after.map((v) => JSON.stringify(v)));
    const added = after.filter((v) => !b.has(JSON.stringify(v)));
    const removed = before.filter((v) => !a.has(JSON.stringify(v)));
    return added.length || removed.length ? [{ path, added, removed }] : [];
  }
  const keysB = before.map(elementKey);
  const keysA = after.map(elementKey);
  const unique = (keys: (string | undefined)[]) => keys.every((k) => k !== undefined) && new Set(keys).size === keys.length;
  if (!unique(keysB) || !unique(keysA)) {
    // No identity: compare by position.
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => diffFields(before[i], after[i], `${path}[${i}]`)).flat();
  }
  const byKeyB = new Map(before.map((v, i) => [keysB[i]!, v]));
  const byKeyA = new Map(after.map((v, i) => [keysA[i]!, v]));
  const out: FieldChange[] = [];
  for (const [k, v] of byKeyB) {
    out.push(...(byKeyA.has(k) ? diffFields(v, byKeyA.get(k), `${path}[${k}]`) : [{ path: `${path}[${k}]`, before: v }]));
  }
  for (const [k, v] of byKeyA) if (!byKeyB.has(k)) out.push({ path: `${path}[${k}]`, after: v });
  return out;
}
