import * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import { DashboardComposer, DATASOURCE, PanelOptions } from '../../../../lib/core/monitoring/dashboards/composer';

/**
 * `DashboardComposer` writes plain objects (the SDK is not loaded at synth); the oracle is the Grafana
 * foundation SDK's builders driven through the same calls. Both must give equal objects and the same JSON
 * text (key order included), which is what the dashboard ConfigMaps carry.
 */

/** The composer on the SDK's builders: the reference the plain-object composer must equal. */
class SdkComposer {
  private readonly builder: dashboard.DashboardBuilder;
  private nextId = 1;

  constructor(uid: string, title: string, tags: readonly string[], description: string) {
    this.builder = new dashboard.DashboardBuilder(title)
      .uid(uid)
      .description(description)
      .tags([...tags])
      .editable()
      .refresh('30s')
      .time({ from: 'now-6h', to: 'now' })
      .timezone('browser')
      .tooltip(dashboard.DashboardCursorSync.Crosshair);
  }

  clusterVariables(): this {
    this.builder
      .withVariable(new dashboard.DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'))
      .withVariable(this.query('namespace', 'Namespace', 'label_values(kafka_server_kafkaserver_brokerstate, namespace)'))
      .withVariable(this.query('cluster', 'Cluster', 'label_values(kafka_server_kafkaserver_brokerstate{namespace="$namespace"}, strimzi_io_cluster)'));
    return this;
  }

  variable(name: string, label: string, query: string): this {
    this.builder.withVariable(this.query(name, label, query).multi(true).includeAll(true).allValue('.*'));
    return this;
  }

  row(title: string): this {
    this.builder.withRow(new dashboard.RowBuilder(title).id(this.nextId++));
    return this;
  }

  timeseries(o: PanelOptions): this {
    const panel = new timeseries.PanelBuilder()
      .legend(new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.Table).placement(common.LegendPlacement.Bottom).calcs(['lastNotNull', 'max']))
      .fillOpacity(10)
      .lineWidth(1);
    return this.add(panel, o, false);
  }

  stat(o: PanelOptions): this {
    const panel = new stat.PanelBuilder()
      .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
      .colorMode(common.BigValueColorMode.Background)
      .graphMode(common.BigValueGraphMode.None);
    return this.add(panel, o, true);
  }

  table(o: PanelOptions): this {
    return this.add(new table.PanelBuilder(), o, true);
  }

  build(): dashboard.Dashboard {
    return this.builder.build();
  }

  private query(name: string, label: string, query: string): dashboard.QueryVariableBuilder {
    return new dashboard.QueryVariableBuilder(name)
      .label(label)
      .datasource(DATASOURCE)
      .query(query)
      .definition(query)
      .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
      .sort(dashboard.VariableSort.AlphabeticalAsc);
  }

  private add(panel: timeseries.PanelBuilder | stat.PanelBuilder | table.PanelBuilder, o: PanelOptions, instantByDefault: boolean): this {
    panel
      .id(this.nextId++)
      .title(o.title)
      .datasource(DATASOURCE)
      .unit(o.unit)
      .span(o.width ?? 12)
      .height(o.height ?? 8);
    if (o.description) panel.description(o.description);
    if (o.thresholds) {
      panel.thresholds(
        new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps([{ value: null, color: 'green' }, ...o.thresholds.map(([value, color]) => ({ value, color }))]),
      );
    }
    o.queries.forEach((q, i) => {
      const target = new prometheus.DataqueryBuilder()
        .refId(String.fromCharCode(65 + i))
        .datasource(DATASOURCE)
        .expr(q.expr)
        .legendFormat(q.legend);
      if (q.instant ?? instantByDefault) target.instant();
      else target.range();
      panel.withTarget(target);
    });
    this.builder.withPanel(panel as cog.Builder<dashboard.Panel>);
    return this;
  }
}

/** Functions (the SDK's no-op variant marker on each query) compared by kind, not identity; JSON drops them. */
function comparable(value: unknown): unknown {
  if (typeof value === 'function') return '<function>';
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

function expectSame(mine: dashboard.Dashboard, sdk: dashboard.Dashboard): void {
  expect(comparable(mine)).toEqual(comparable(sdk));
  expect(JSON.stringify(mine, null, 1)).toBe(JSON.stringify(sdk, null, 1));
}

const LIBRARY_COMPOSER = require.resolve('../../../../lib/core/monitoring/dashboards/composer');
const OPTIONS = [
  { mirrorMaker2: false },
  { mirrorMaker2: true, perPartitionMetrics: false },
  { mirrorMaker2: true, perPartitionMetrics: true },
];

describe('DashboardComposer builds what the Grafana foundation SDK builders build', () => {
  test.each(OPTIONS)('every dashboard of the library (%j), rebuilt with the SDK builders', (options) => {
    const build = (composer?: typeof SdkComposer) => {
      let dashboards: dashboard.Dashboard[] = [];
      jest.isolateModules(() => {
        if (composer) jest.doMock(LIBRARY_COMPOSER, () => ({ ...jest.requireActual(LIBRARY_COMPOSER), DashboardComposer: composer }));
        dashboards = (require('../../../../lib/core/monitoring/dashboards') as typeof import('../../../../lib/core/monitoring/dashboards')).buildDashboards(options);
        jest.dontMock(LIBRARY_COMPOSER);
      });
      return dashboards;
    };
    const mine = build();
    const sdk = build(SdkComposer);
    expect(mine.map((d) => d.uid)).toEqual(sdk.map((d) => d.uid));
    expect(mine.length).toBeGreaterThanOrEqual(4);
    mine.forEach((d, i) => expectSame(d, sdk[i]));
  });

  const q = (expr: string, instant?: boolean) => ({ expr, legend: `{{${expr}}}`, instant });
  const drive = <C extends DashboardComposer | SdkComposer>(c: C): C =>
    c
      .clusterVariables()
      .variable('topic', 'Topic', 'label_values(kafka_topic_partitions, topic)')
      .stat({ title: 'Brokers', unit: 'short', width: 6, height: 4, queries: [q('up')], thresholds: [[1, 'red'], [3, 'orange']] })
      .stat({ title: 'Ranged stat', unit: 'percent', width: 6, queries: [q('a', false)], description: 'a stat over a range' })
      .row('First row after a partial line')
      .timeseries({ title: 'Wide', unit: 'Bps', width: 24, queries: [q('a'), q('b'), q('c', true)] })
      .timeseries({ title: 'Tall', unit: 'ms', width: 8, height: 12, queries: [q('d')], thresholds: [[100, 'red']] })
      .table({ title: 'Table', unit: 'short', width: 10, queries: [q('e'), q('f', false)] })
      .table({ title: 'Wraps the line', unit: 'short', width: 12, queries: [] })
      .row('Second row')
      .row('Third row, directly after')
      .timeseries({ title: 'Default size', unit: 'reqps', queries: [q('g')], description: '' }) as C;

  test('every method and option: rows after partial lines, wrapping, sizes, thresholds, descriptions, instant and range queries', () => {
    expectSame(drive(new DashboardComposer('u', 'T', ['a', 'b'], 'd')).build(), drive(new SdkComposer('u', 'T', ['a', 'b'], 'd')).build());
  });

  test('an empty dashboard, and one with variables only', () => {
    expectSame(new DashboardComposer('e', 'Empty', [], '').build(), new SdkComposer('e', 'Empty', [], '').build());
    expectSame(new DashboardComposer('v', 'V', ['x'], 'v').clusterVariables().build(), new SdkComposer('v', 'V', ['x'], 'v').clusterVariables().build());
  });
});
