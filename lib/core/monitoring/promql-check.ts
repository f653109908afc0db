// The package is ESM-typed but ships a CommonJS build (`exports.require`), which is what jest and the
// CommonJS output of this library load; `require` with an import-mode type keeps both TypeScript and jest happy.
type LezerPromql = typeof import('@prometheus-io/lezer-promql', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as LezerPromql;
import { isCatalogued } from './catalogue';
import { isRecorded } from './recorded-series';

/**
 * Static checks of PromQL: syntax (the Prometheus UI's own lezer grammar) and metric names against the
 * catalogue and the platform's recorded series. Used by the tests over every rule and panel; it needs the `@prometheus-io/lezer-promql`
 * development dependency and is therefore not part of the public API (`lib/index.ts`).
 */

/** Grafana's template variables are not PromQL: substitute representative values before parsing. */
export function substituteGrafanaVariables(expr: string): string {
  return expr
    .replace(/\$__(rate_interval|interval|range)\b/g, '5m')
    .replace(/\$\{?(\w+)\}?/g, (_m, name: string) => `grafana_variable_${name}`);
}

export interface PromqlProblems {
  readonly syntaxErrors: readonly string[];
  readonly unknownMetrics: readonly string[];
}

/** Metric names an expression selects (plain selectors and `__name__="..."` matchers). */
export function metricNames(expr: string): string[] {
  const names = new Set<string>();
  const tree = parser.parse(expr);
  const cursor = tree.cursor();
  do {
    if (cursor.type.name === 'VectorSelector') {
      const node = cursor.node;
      const identifier = node.getChild('Identifier');
      if (identifier) names.add(expr.slice(identifier.from, identifier.to));
      for (const quoted of node.getChild('LabelMatchers')?.getChildren('QuotedLabelName') ?? []) {
        names.add(expr.slice(quoted.from + 1, quoted.to - 1));
      }
      for (const matcher of node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
        const label = matcher.getChild('LabelName');
        const value = matcher.getChild('StringLiteral');
        if (label && value && expr.slice(label.from, label.to) === '__name__') names.add(expr.slice(value.from + 1, value.to - 1));
      }
    }
  } while (cursor.next());
  return [...names].sort();
}

/** Syntax errors (as positions with context) and names missing from the catalogue. */
export function checkPromql(expr: string): PromqlProblems {
  const syntaxErrors: string[] = [];
  const tree = parser.parse(expr);
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) syntaxErrors.push(`syntax error at ${cursor.from}: "${expr.slice(Math.max(0, cursor.from - 20), cursor.from + 20)}"`);
  } while (cursor.next());
  const unknownMetrics = metricNames(expr).filter((n) => !isCatalogued(n) && !isRecorded(n));
  return { syntaxErrors, unknownMetrics };
}

type SyntaxNodeOf = ReturnType<ReturnType<typeof parser.parse>['topNode']['getChild']>;

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
function durationLiteralSeconds(text: string): number {
  let seconds = 0;
  for (const m of text.matchAll(/([0-9]+)(ms|s|m|h|d|w|y)/g)) seconds += Number(m[1]) * DURATION_UNITS[m[2]];
  return seconds;
}

/**
 * How far back an expression looks, in seconds: range selectors (`x[5m]`), subquery ranges
 * (`f(...)[1h:1m]`) and offsets, summed where they nest (`max_over_time(rate(x[5m])[1h:])` looks back
 * 65 minutes) and the longest path taken. This is the part of an alert's time to page that its query
 * adds to its `for` (see `page-timing.ts`).
 */
export function lookbackSeconds(expr: string): number {
  const walk = (node: NonNullable<SyntaxNodeOf>): number => {
    let own = 0;
    let children = 0;
    let durations = 0;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.type.name === 'DurationExpr' || child.type.name === 'OffsetDurationExpr') {
        // A subquery's first duration is its range, the second its resolution; a matrix selector has one.
        if (durations === 0 && ['MatrixSelector', 'SubqueryExpr', 'OffsetExpr'].includes(node.type.name)) own = durationLiteralSeconds(expr.slice(child.from, child.to));
        durations++;
      } else {
        children = Math.max(children, walk(child));
      }
    }
    return own + children;
  };
  return walk(parser.parse(expr).topNode);
}
