import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { ResolvedCapacityPlanning } from '../capacity/capacity-spec';
import { ResolvedSlo } from '../slo/slo-spec';
import { capacityDashboard } from './capacity';
import { sloDashboard } from './slo';
import { brokersDashboard } from './brokers';
import { consumerGroupsDashboard } from './consumer-groups';
import { kraftDashboard } from './kraft';
import { mirrorMaker2Dashboard } from './mirror-maker-2';
import { operationsDashboard } from './operations';
import { operatorsDashboard } from './operators';
import { topicsDashboard } from './topics';

/**
 * The platform's dashboards; MirrorMaker 2's only where replication runs; per-partition panels only when
 * exported; Cruise Control's panels only where it runs; the SLO and capacity dashboards where SLOs and capacity
 * planning are configured.
 */
export function buildDashboards(options: {
  readonly mirrorMaker2: boolean;
  readonly perPartitionMetrics?: boolean;
  readonly cruiseControl?: boolean;
  readonly slos?: readonly ResolvedSlo[];
  readonly scrapeInterval?: string;
  readonly capacityPlanning?: ResolvedCapacityPlanning;
  readonly brokers?: number;
}): Dashboard[] {
  return [
    operationsDashboard(),
    topicsDashboard({ perPartition: options.perPartitionMetrics }),
    consumerGroupsDashboard(),
    kraftDashboard(),
    brokersDashboard(),
    operatorsDashboard({ cruiseControl: options.cruiseControl }),
    ...(options.mirrorMaker2 ? [mirrorMaker2Dashboard()] : []),
    ...(options.slos?.length ? [sloDashboard(options.slos, { scrapeInterval: options.scrapeInterval ?? '30s' })] : []),
    ...(options.capacityPlanning ? [capacityDashboard(options.capacityPlanning, { brokers: options.brokers ?? 1 })] : []),
  ];
}

/** Every PromQL expression of a dashboard: panel targets and query variables' `label_values` selectors. */
export function dashboardExpressions(d: Dashboard): { readonly where: string; readonly expr: string }[] {
  const out: { where: string; expr: string }[] = [];
  for (const panel of d.panels ?? []) {
    for (const target of ('targets' in panel ? panel.targets : undefined) ?? []) {
      const expr = (target as { expr?: string }).expr;
      if (expr !== undefined) out.push({ where: `${d.uid}/panel ${panel.id} "${panel.title}"`, expr });
    }
  }
  for (const variable of d.templating?.list ?? []) {
    const match = typeof variable.query === 'string' ? /^label_values\((.*),\s*\w+\)$/.exec(variable.query) : null;
    if (match) out.push({ where: `${d.uid}/variable ${variable.name}`, expr: match[1] });
  }
  return out;
}
