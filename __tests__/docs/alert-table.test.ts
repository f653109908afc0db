import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { PRIORITIES } from '../../lib/core/monitoring/alert-routing';
import { formatTimeToPage } from '../../lib/core/monitoring/page-timing';
import { ALERT_NAMES } from '../../lib/core/monitoring/rules';
import { ENVIRONMENTS } from '../../stacks/environments';
import { KafkaPlatformStack } from '../../stacks/platform-stack';
import { DerivedTiming, derivedTimings, renderedRules } from '../helpers/page-timing';

/**
 * The README's alert table cannot drift from the rules: one row per alert of the registry, its severities and
 * priorities as rendered, and its "Pages within" column equal to the worst case derived from every
 * environment's rendered rules. The routing table states each priority's page budget as routed.
 */
const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

interface Row {
  readonly alerts: readonly string[];
  readonly classes: readonly { readonly severity: string; readonly priority: string }[];
  readonly pagesWithin: readonly string[];
}

/** Rows of the markdown table whose header starts with `header`. */
function tableRows(text: string, header: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith(header));
  if (start < 0) throw new Error(`no table "${header}" in README.md`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(line.trim().slice(1, -1).split(' | ').map((c) => c.trim()));
  }
  return rows;
}

function alertRows(): Row[] {
  return tableRows(README, '| Alert | Severity (priority) |').map((cells) => ({
    alerts: cells[0].split(/\s*[,/]\s*/),
    classes: [...cells[1].matchAll(/(critical|warning|info) \((P[1-4])\)/g)].map((m) => ({ severity: m[1], priority: m[2] })),
    pagesWithin: cells[cells.length - 1].split(' / '),
  }));
}

describe('README alert table', () => {
  let timings: DerivedTiming[];
  beforeAll(() => {
    timings = ENVIRONMENTS.flatMap((env) => {
      const monitoring = new KafkaPlatformStack(Testing.app(), env).monitoring!;
      return derivedTimings(renderedRules(monitoring), monitoring.spec.scrapeInterval);
    });
  });

  test('has one row per registered alert, naming only registered alerts', () => {
    const named = alertRows().flatMap((r) => r.alerts);
    expect(named.filter((a) => !(ALERT_NAMES as readonly string[]).includes(a))).toEqual([]);
    expect(ALERT_NAMES.filter((a) => named.filter((n) => n === a).length !== 1)).toEqual([]);
  });

  test('states each row\'s severities and priorities as rendered, and the worst-case time to page of each', () => {
    const problems: string[] = [];
    for (const row of alertRows()) {
      const own = timings.filter((t) => row.alerts.includes(t.alert));
      const rendered = [...new Set(own.map((t) => `${t.severity} (${t.priority})`))].sort();
      const stated = [...new Set(row.classes.map((c) => `${c.severity} (${c.priority})`))].sort();
      if (rendered.join() !== stated.join()) problems.push(`${row.alerts.join(', ')}: states ${stated.join(', ')}, renders ${rendered.join(', ')}`);
      if (row.pagesWithin.length !== row.classes.length) problems.push(`${row.alerts.join(', ')}: ${row.classes.length} severities but ${row.pagesWithin.length} times to page`);
      row.classes.forEach((c, i) => {
        const seconds = Math.max(...own.filter((t) => t.severity === c.severity && t.priority === c.priority).map((t) => t.seconds));
        if (formatTimeToPage(seconds) !== row.pagesWithin[i]) problems.push(`${row.alerts.join(', ')} (${c.severity}): states ${row.pagesWithin[i]}, derived ${formatTimeToPage(seconds)}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test('the routing table states each priority\'s page budget and group wait as routed', () => {
    const rows = tableRows(README, '| Priority | Page budget');
    const readable = (d: string) => d.replace(/^(\d+)([smh])$/, '$1 $2');
    expect(rows.map((r) => [r[0].slice(0, 2), r[1], r[2]])).toEqual(Object.values(PRIORITIES).map((p) => [p.priority, readable(p.pageBudget), readable(p.groupWait)]));
  });
});
