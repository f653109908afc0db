import * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

/** One PromQL query of a panel. */
export interface PanelQuery {
  readonly expr: string;
  /** Legend, e.g. `{{pod}}`. */
  readonly legend: string;
  /** Evaluate once for the latest value (stat and table panels). @default false */
  readonly instant?: boolean;
}

export interface PanelOptions {
  readonly title: string;
  readonly description?: string;
  /** Grafana unit id, e.g. `short`, `ms`, `percent`, `bytes`, `Bps`. */
  readonly unit: string;
  readonly queries: readonly PanelQuery[];
  /** Width in grid columns (24 is the full width). @default 12 */
  readonly width?: number;
  /** @default 8 */
  readonly height?: number;
  /** Threshold steps above the base (green): [[value, colour], ...]. */
  readonly thresholds?: readonly (readonly [number, string])[];
}

/** The Prometheus data source is a dashboard variable, so the dashboards work with any data source name. */
export const DATASOURCE: common.DataSourceRef = { type: 'prometheus', uid: '${datasource}' };

/**
 * Builds one dashboard with the foundation SDK and fills in what the SDK leaves out: stable panel ids
 * (Grafana keys panel links and library references on them) and query refIds, A, B, C... per panel.
 * Panels are laid out left to right, wrapping at 24 columns.
 */
export class DashboardComposer {
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

  /** Data source, namespace and cluster variables; further variables depend on them. */
  clusterVariables(): this {
    this.builder
      .withVariable(new dashboard.DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'))
      .withVariable(this.query('namespace', 'Namespace', 'label_values(kafka_server_kafkaserver_brokerstate, namespace)'))
      .withVariable(this.query('cluster', 'Cluster', 'label_values(kafka_server_kafkaserver_brokerstate{namespace="$namespace"}, strimzi_io_cluster)'));
    return this;
  }

  /** A further query variable, e.g. topic or consumer group; multi-select with "All". */
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

  private add(
    panel: timeseries.PanelBuilder | stat.PanelBuilder | table.PanelBuilder,
    o: PanelOptions,
    instantByDefault: boolean,
  ): this {
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
        new dashboard.ThresholdsConfigBuilder()
          .mode(dashboard.ThresholdsMode.Absolute)
          .steps([{ value: null, color: 'green' }, ...o.thresholds.map(([value, color]) => ({ value, color }))]),
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
