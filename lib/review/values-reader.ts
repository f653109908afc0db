import { parse } from 'yaml';

/**
 * Reads the `values` of the library's own Helm releases. They are written by `toYaml` (lib/core/yaml.ts),
 * a small block-style subset of YAML, so a line reader for exactly that subset parses them at close to
 * `JSON.parse` speed; a general YAML parser took most of the review's time on large estates. Anything
 * outside the subset (hand-written or older values) falls back to the general parser, so the result is
 * always what a YAML reader would give.
 */
export function readLibraryValues(text: string): unknown {
  const fast = readValuesSubset(text);
  return fast === OUTSIDE ? parse(text) : fast;
}

/** Returned by `readValuesSubset` for text outside the subset `toYaml` writes. */
export const OUTSIDE: unique symbol = Symbol('outside the toYaml subset');

/** The document when `text` is in the subset `toYaml` writes, else `OUTSIDE`. */
export function readValuesSubset(text: string): unknown {
  try {
    return new SubsetReader(text).document();
  } catch (err) {
    if (err instanceof OutsideSubset) return OUTSIDE;
    throw err;
  }
}

class OutsideSubset extends Error {}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const PLAIN_KEY = /^([A-Za-z_/][A-Za-z0-9_./-]*):( |$)/;

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Length of the JSON string token at the start of `text` (which starts with a double quote). */
function quotedLength(text: string): number {
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i + 1;
  }
  throw new OutsideSubset();
}

class SubsetReader {
  private readonly lines: string[];
  private i = 0;

  constructor(text: string) {
    this.lines = text.split('\n');
    if (this.lines[this.lines.length - 1] === '') this.lines.pop();
  }

  document(): unknown {
    if (!this.lines.length) return null;
    const value = this.block(0);
    if (this.i !== this.lines.length) throw new OutsideSubset();
    return value;
  }

  private block(indent: number): unknown {
    const line = this.lines[this.i];
    if (line === undefined || indentOf(line) !== indent) throw new OutsideSubset();
    return line.startsWith('- ', indent) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.lines[this.i]; line !== undefined && indentOf(line) === indent && line.startsWith('- ', indent); line = this.lines[this.i]) {
      const rest = line.slice(indent + 2);
      if (rest.startsWith('- ') || this.keyOf(rest) !== undefined) {
        // A nested collection starts after the dash: read it as if that line were indented two more.
        this.lines[this.i] = ' '.repeat(indent + 2) + rest;
        out.push(this.block(indent + 2));
      } else {
        this.i++;
        out.push(this.scalar(rest, indent + 2));
      }
    }
    return out;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let line = this.lines[this.i]; line !== undefined && indentOf(line) === indent && !line.startsWith('- ', indent); line = this.lines[this.i]) {
      const rest = line.slice(indent);
      const key = this.keyOf(rest);
      if (key === undefined) throw new OutsideSubset();
      const after = rest.slice(key[1]);
      this.i++;
      if (after === '') {
        const next = this.lines[this.i];
        if (next === undefined || indentOf(next) <= indent) throw new OutsideSubset();
        out[key[0]] = this.block(indentOf(next));
      } else {
        out[key[0]] = this.scalar(after.slice(1), indent + 2);
      }
    }
    const line = this.lines[this.i];
    if (line !== undefined && indentOf(line) > indent) throw new OutsideSubset();
    return out;
  }

  /** The key of a `key:` line and the length up to and including its colon. */
  private keyOf(rest: string): [string, number] | undefined {
    if (rest.startsWith('"')) {
      const n = quotedLength(rest);
      return rest[n] === ':' && (rest.length === n + 1 || rest[n + 1] === ' ') ? [JSON.parse(rest.slice(0, n)) as string, n + 1] : undefined;
    }
    const m = PLAIN_KEY.exec(rest);
    return m ? [m[1], m[1].length + 1] : undefined;
  }

  private scalar(text: string, indent: number): unknown {
    if (text.startsWith('"')) {
      if (quotedLength(text) !== text.length) throw new OutsideSubset();
      return JSON.parse(text);
    }
    if (text === '|' || text === '|-') return this.literal(indent, text === '|');
    if (text === '[]') return [];
    if (text === '{}') return {};
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    if (NUMBER.test(text)) return Number(text);
    if (PLAIN.test(text) && !RESERVED.test(text)) return text;
    throw new OutsideSubset();
  }

  private literal(indent: number, keepNewline: boolean): string {
    const body: string[] = [];
    const prefix = ' '.repeat(indent);
    for (let line = this.lines[this.i]; line !== undefined && (line === '' || line.startsWith(prefix)); line = this.lines[this.i]) {
      body.push(line.slice(indent));
      this.i++;
    }
    if (!body.length || body[0] === '' || body[0].startsWith(' ') || body[body.length - 1] === '') throw new OutsideSubset();
    return body.join('\n') + (keepNewline ? '\n' : '');
  }
}
