// Types only (erased at runtime): the dashboards are plain objects checked against the Grafana foundation SDK's
// types at compile time. Loading the SDK's builders costs a synth 228 modules and more CPU than everything the
// dashboards need; `composer.test.ts` proves these objects equal what the SDK builders produce.
import type * as common from '@grafana/grafana-foundation-sdk/common';
import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import type * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import type * as stat from '@grafana/grafana-foundation-sdk/stat';
import type * as table from '@grafana/grafana-foundation-sdk/table';
import type * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

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

const GRID_COLUMNS = 24;

/**
 * A value of one of the SDK's string enums, checked against the enum's values at compile time (the enums are
 * runtime objects of the SDK, which is not loaded).
 */
function sdkEnum<E extends string>(value: `${E}`): E {
  return value as E;
}
// Numeric enum values, checked the same way by their type.
const CROSSHAIR: dashboard.DashboardCursorSync = 1;
const ON_TIME_RANGE_CHANGED: dashboard.VariableRefresh = 2;
const ALPHABETICAL_ASC: dashboard.VariableSort = 1;

/** The SDK's marker method of a data query variant (a no-op; JSON leaves it out). */
function implementsDataqueryVariant(): void {}

/**
 * Builds one dashboard as the foundation SDK's builders would (same fields, defaults, key order and grid
 * layout), and fills in what the SDK leaves out: stable panel ids (Grafana keys panel links and library
 * references on them) and query refIds, A, B, C... per panel. Panels are laid out left to right, wrapping
 * at 24 columns.
 */
export class DashboardComposer {
  private readonly dashboard: dashboard.Dashboard;
  private nextId = 1;
  // Where the next panel goes, as the SDK's DashboardBuilder tracks it.
  private x = 0;
  private y = 0;
  private rowHeight = 0;

  constructor(uid: string, title: string, tags: readonly string[], description: string) {
    // The SDK's defaultDashboard() first, then the fields in the order the builder calls set them.
    this.dashboard = {
      timezone: 'browser',
      editable: true,
      graphTooltip: CROSSHAIR,
      fiscalYearStartMonth: 0,
      schemaVersion: 42,
      templating: {},
      annotations: {},
      title,
      uid,
      description,
      tags: [...tags],
      refresh: '30s',
      time: { from: 'now-6h', to: 'now' },
    };
  }

  /** Data source, namespace and cluster variables; further variables depend on them. */
  clusterVariables(): this {
    this.addVariable({ ...variable(sdkEnum<dashboard.VariableType>('datasource'), 'datasource'), label: 'Data source', query: 'prometheus' });
    this.addVariable(this.query('namespace', 'Namespace', 'label_values(kafka_server_kafkaserver_brokerstate, namespace)'));
    this.addVariable(this.query('cluster', 'Cluster', 'label_values(kafka_server_kafkaserver_brokerstate{namespace="$namespace"}, strimzi_io_cluster)'));
    return this;
  }

  /** A further query variable, e.g. topic or consumer group; multi-select with "All". */
  variable(name: string, label: string, query: string): this {
    this.addVariable({ ...this.query(name, label, query), multi: true, includeAll: true, allValue: '.*' });
    return this;
  }

  row(title: string): this {
    const row: dashboard.RowPanel = { type: 'row', collapsed: false, id: this.nextId++, panels: [], title };
    row.gridPos = { x: 0, y: this.y + this.rowHeight, h: 1, w: GRID_COLUMNS };
    this.panels().push(row);
    this.x = 0;
    this.y = row.gridPos.y + 1;
    this.rowHeight = 0;
    return this;
  }

  timeseries(o: PanelOptions): this {
    const options: timeseries.Options = {
      legend: { displayMode: sdkEnum<common.LegendDisplayMode>('table'), placement: sdkEnum<common.LegendPlacement>('bottom'), showLegend: true, calcs: ['lastNotNull', 'max'] },
      tooltip: { mode: sdkEnum<common.TooltipDisplayMode>('single'), sort: sdkEnum<common.SortOrder>('asc') },
    };
    const custom: timeseries.FieldConfig = { fillOpacity: 10, lineWidth: 1 };
    return this.add({ ...panel('timeseries'), options, fieldConfig: { defaults: { custom }, overrides: [] } }, o, false);
  }

  stat(o: PanelOptions): this {
    const options: stat.Options = {
      graphMode: sdkEnum<common.BigValueGraphMode>('none'),
      colorMode: sdkEnum<common.BigValueColorMode>('background'),
      justifyMode: sdkEnum<common.BigValueJustifyMode>('auto'),
      textMode: sdkEnum<common.BigValueTextMode>('auto'),
      wideLayout: true,
      showPercentChange: false,
      reduceOptions: { calcs: ['lastNotNull'], values: false },
      percentChangeColorMode: sdkEnum<common.PercentChangeColorMode>('standard'),
      orientation: sdkEnum<common.VizOrientation>('auto'),
    };
    return this.add({ ...panel('stat'), options }, o, true);
  }

  table(o: PanelOptions): this {
    const options: table.Options = {
      frameIndex: 0,
      showHeader: true,
      showTypeIcons: false,
      footer: { show: false, reducer: [], countRows: false },
      cellHeight: sdkEnum<common.TableCellHeight>('sm'),
    };
    const custom: table.FieldConfig = { align: sdkEnum<common.FieldTextAlignment>('auto'), inspect: false };
    return this.add({ ...panel('table'), options, fieldConfig: { defaults: { custom }, overrides: [] } }, o, true);
  }

  build(): dashboard.Dashboard {
    return this.dashboard;
  }

  private addVariable(v: dashboard.VariableModel): void {
    const templating = this.dashboard.templating;
    (templating.list ??= []).push(v);
  }

  private panels(): NonNullable<dashboard.Dashboard['panels']> {
    return (this.dashboard.panels ??= []);
  }

  private query(name: string, label: string, query: string): dashboard.VariableModel {
    return {
      ...variable(sdkEnum<dashboard.VariableType>('query'), name),
      label,
      datasource: DATASOURCE,
      query,
      definition: query,
      refresh: ON_TIME_RANGE_CHANGED,
      sort: ALPHABETICAL_ASC,
    };
  }

  private add(p: dashboard.Panel, o: PanelOptions, instantByDefault: boolean): this {
    p.id = this.nextId++;
    p.title = o.title;
    p.datasource = DATASOURCE;
    const fieldConfig = (p.fieldConfig ??= { defaults: {}, overrides: [] });
    fieldConfig.defaults.unit = o.unit;
    const gridPos: dashboard.GridPos = { h: o.height ?? 8, w: o.width ?? 12, x: this.x, y: this.y };
    p.gridPos = gridPos;
    if (o.description) p.description = o.description;
    if (o.thresholds) {
      fieldConfig.defaults.thresholds = {
        mode: sdkEnum<dashboard.ThresholdsMode>('absolute'),
        steps: [{ value: null, color: 'green' }, ...o.thresholds.map(([value, color]) => ({ value, color }))],
      };
    }
    if (o.queries.length > 0) {
      p.targets = o.queries.map((q, i): prometheus.Dataquery => {
        const target: prometheus.Dataquery = { expr: q.expr, _implementsDataqueryVariant: implementsDataqueryVariant, refId: String.fromCharCode(65 + i), datasource: DATASOURCE, legendFormat: q.legend };
        return (q.instant ?? instantByDefault) ? { ...target, instant: true, range: false } : { ...target, range: true, instant: false };
      });
    }
    this.panels().push(p);
    // The next position, as the SDK's DashboardBuilder.withPanel computes it.
    this.x += gridPos.w;
    this.rowHeight = Math.max(this.rowHeight, gridPos.h);
    if (this.x >= GRID_COLUMNS) {
      this.x = 0;
      this.y += this.rowHeight;
      this.rowHeight = 0;
    }
    return this;
  }
}

/** The SDK's defaultPanel() with its type. */
function panel(type: string): dashboard.Panel {
  return { type, transparent: false, repeatDirection: 'h' };
}

/** The SDK's defaultVariableModel() with its type and name. */
function variable(type: dashboard.VariableType, name: string): dashboard.VariableModel {
  return { type, name, skipUrlSync: false, multi: false, allowCustomValue: true, includeAll: false, auto: false, auto_min: '10s', auto_count: 30 };
}
