/**
 * A small YAML writer for plain data (objects, arrays, strings, finite numbers, booleans, null), used
 * for Helm release values, the hot path of synth for large estates: about 5x faster than a general
 * YAML library. Block style, two-space indent, one field per line so plan diffs stay line-oriented.
 * Strings are written plain only when no YAML reader could take them for anything else; otherwise
 * double-quoted (JSON string syntax, a subset of YAML's) or, for multi-line text, as a literal block.
 */

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function scalarString(value: string, indent: string, isKey = false): string {
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  if (!isKey && value.includes('\n') && /^[^\s]/.test(value) && !/[\r\t\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]|[ ]\n|\n\n$|[ ]$/.test(value)) {
    const body = value.endsWith('\n') ? value.slice(0, -1) : value;
    const chomp = value.endsWith('\n') ? '|' : '|-';
    return `${chomp}\n${body
      .split('\n')
      .map((line) => (line === '' ? '' : indent + line))
      .join('\n')}`;
  }
  return JSON.stringify(value);
}

function scalar(value: unknown, indent: string, path: readonly (string | number)[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return scalarString(value, indent);
    case 'boolean':
      return String(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`toYaml: ${where(path)} is ${value}; only finite numbers can be written`);
      return String(value);
    default:
      throw new Error(`toYaml: ${where(path)} is a ${typeof value}; only plain data can be written`);
  }
}

/** `$.a.b[0]`: where a value sits, for errors (the path is kept as parts, joined only then). */
function where(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^/, '$');
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Record<string, unknown> | unknown[]): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

/**
 * Writes `value` at `indent`; its first line starts with `lead` instead (same length: `- ` in place of the
 * indent's last two spaces when the value is an item of a list, so the item's first field follows the dash).
 */
function write(value: unknown, indent: string, lead: string, out: string[], path: (string | number)[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const start = i === 0 ? lead : indent;
      path.push(i);
      if (isCollection(item) && !isEmpty(item)) {
        const before = out.length;
        write(item, indent + '  ', `${start}- `, out, path);
        // An object whose fields are all unset is an empty object, still an item of the list.
        if (out.length === before) out.push(`${start}- {}`);
      } else {
        out.push(`${start}- ${isCollection(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item, indent + '  ', path)}`);
      }
      path.pop();
    }
    return;
  }
  let first = true;
  for (const key of Object.keys(value as Record<string, unknown>)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    const k = scalarString(key, indent, true);
    const start = first ? lead : indent;
    first = false;
    path.push(key);
    if (isCollection(child) && !isEmpty(child)) {
      out.push(`${start}${k}:`);
      write(child, indent + '  ', indent + '  ', out, path);
    } else {
      out.push(`${start}${k}: ${isCollection(child) ? (Array.isArray(child) ? '[]' : '{}') : scalar(child, indent + '  ', path)}`);
    }
    path.pop();
  }
}

/** Writes a plain-data object as a YAML document (with a final newline). */
export function toYaml(document: Record<string, unknown>): string {
  const out: string[] = [];
  write(document, '', '', out, []);
  return out.join('\n') + '\n';
}
