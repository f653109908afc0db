import { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { parseDays, parseDuration } from '../durations';
import { RECORDS, sloErrorRatio } from '../recorded-series';
import { budgetRatio, sloWindows, windowName, windowThreshold } from '../slo/slo-rules';
import { ResolvedSlo } from '../slo/slo-spec';
import { DashboardComposer } from './composer';
import { BROKERS } from './selectors';

/** Recorded series of the selected cluster (every recording rule sets these two labels). */
export const RECORDED = 'namespace="$namespace", strimzi_io_cluster="$cluster"';

/** What each SLI measures and what it cannot see, as the dashboard states it. */
export const SLI_TEXT: Readonly<Record<ResolvedSlo['sli']['kind'], string>> = {
  'partition-availability':
    'Broker and controller view: the share of partitions accepting acks=all writes (not offline, not under min.insync.replicas), sampled at every evaluation; with no broker answering its scrape the whole cluster counts as down. It does not see client-side failures (DNS, network policies, authentication, quotas).',
  'produce-latency':
    'Broker-side approximation, not an end-to-end probe: the share of produce requests served by brokers whose Produce p99 request time met the objective, weighted by each broker\'s request rate. The p99 is a per-broker decaying-reservoir quantile (biased to the last ~5 minutes; no buckets, cannot be aggregated), so a spike lingers for minutes and client-side time (batching, network, retries) is not seen.',
};

/** The SLO dashboard of one cluster: its SLIs, and per SLO the budget left, the burn rates and their alert thresholds. */
export function sloDashboard(slos: readonly ResolvedSlo[], options: { readonly scrapeInterval: string }): Dashboard {
  const d = new DashboardComposer('kafka-slos', 'Kafka / SLOs and error budgets', ['kafka', 'strimzi', 'slo'], 'Service level indicators, error budgets left and burn rates of one Kafka cluster.')
    .clusterVariables()
    .row('Service level indicators')
    .stat({ title: 'Partitions not accepting writes', description: 'Offline or under min.insync.replicas, now.', unit: 'percentunit', width: 6, height: 4, thresholds: [[0.000001, 'red']], queries: [{ expr: `${RECORDS.partitionsUnwritable}{${RECORDED}}`, legend: 'unwritable' }] })
    .stat({ title: 'Failed produce appends (5 m)', description: 'Unexpected broker errors per partition append, NotEnoughReplicas included; leader moves are not counted as failures by Kafka.', unit: 'percentunit', width: 6, height: 4, queries: [{ expr: `${RECORDS.produceRequestsFailed}{${RECORDED}}`, legend: 'failed' }] })
    .stat({ title: 'Slowest broker: Produce p99', unit: 'ms', width: 6, height: 4, thresholds: [[100, 'orange'], [500, 'red']], queries: [{ expr: `${RECORDS.produceP99}{${RECORDED}}`, legend: 'p99' }] })
    .stat({ title: 'Fullest data volume: free', unit: 'percentunit', width: 6, height: 4, queries: [{ expr: `${RECORDS.dataVolumeAvailable}{${RECORDED}}`, legend: 'free' }] })
    .timeseries({
      title: 'Request p99, slowest broker',
      description: 'Quantiles of different brokers cannot be combined: this is the maximum of the per-broker p99s. Fetch includes waiting up to fetch.max.wait.ms.',
      unit: 'ms',
      queries: [
        { expr: `${RECORDS.produceP99}{${RECORDED}}`, legend: 'Produce' },
        { expr: `${RECORDS.fetchConsumerP99}{${RECORDED}}`, legend: 'FetchConsumer' },
      ],
    })
    .timeseries({ title: 'Consumer lag of groups with members (top 10)', unit: 'short', queries: [{ expr: `topk(10, ${RECORDS.consumerLagWithMembers}{${RECORDED}})`, legend: '{{consumergroup}}' }] });

  for (const slo of slos) {
    const sel = `${RECORDED}, slo="${slo.name}"`;
    const budget = budgetRatio(slo.objective);
    const window = windowName(slo.window);
    const windowSeconds = parseDays(slo.window)! * 86400;
    const evaluation = parseDuration(options.scrapeInterval)!;
    const page = slo.page.map((w) => windowThreshold(slo, w));
    const ticket = slo.ticket.map((w) => windowThreshold(slo, w));
    const lowestTicket = Math.min(...ticket.map((t) => t.rate), ...page.map((t) => t.rate));
    const lowestPage = Math.min(...page.map((t) => t.rate));
    const burnThresholds: [number, string][] = [
      ...(Number.isFinite(lowestTicket) ? [[lowestTicket, 'orange'] as [number, string]] : []),
      ...(Number.isFinite(lowestPage) && lowestPage > lowestTicket ? [[lowestPage, 'red'] as [number, string]] : []),
    ];
    d.row(`SLO ${slo.name}: ${slo.objective} % over ${slo.window}`)
      .stat({ title: `SLI over ${slo.window}`, description: SLI_TEXT[slo.sli.kind], unit: 'percentunit', width: 6, height: 4, queries: [{ expr: `1 - ${sloErrorRatio(window)}{${sel}}`, legend: slo.name }] })
      .stat({ title: 'Error budget spent', description: `Of the ${slo.window} budget (${Number((budget * 100).toPrecision(6))} % of events). Above 100 % the objective is missed.`, unit: 'percentunit', width: 6, height: 4, thresholds: [[0.5, 'orange'], [0.9, 'red']], queries: [{ expr: `1 - ${RECORDS.budgetRemaining}{${sel}}`, legend: 'spent' }] })
      .stat({ title: 'Burn rate, last hour', description: '1 spends the budget exactly over the window; alerts fire at the thresholds of the burn-rate panel.', unit: 'short', width: 6, height: 4, thresholds: burnThresholds, queries: [{ expr: `${sloErrorRatio('1h')}{${sel}} / ${budget}`, legend: '1h' }] })
      .stat({
        title: 'SLI data coverage of the window',
        description: `Share of the ${slo.window} window with SLI samples (one per ${options.scrapeInterval}). Below 100 % Prometheus keeps less than the window or evaluations were missed: the budget covers only that part.`,
        unit: 'percentunit',
        width: 6,
        height: 4,
        queries: [{ expr: `count_over_time(${RECORDS.sloTotal}{${sel}}[${window}]) * ${evaluation} / ${windowSeconds}`, legend: 'coverage' }],
      })
      .timeseries({
        title: 'Burn rate by window',
        description: `Error ratio over each window divided by the budget (${budget}). Pages: ${page.map((p) => `${p.rate}x over ${p.long} and ${p.short}`).join(', ') || 'none'}. Tickets: ${ticket.map((p) => `${p.rate}x over ${p.long} and ${p.short}`).join(', ') || 'none'}.`,
        unit: 'short',
        queries: [
          ...sloWindows(slo).filter((w) => w !== window).map((w) => ({ expr: `${sloErrorRatio(w)}{${sel}} / ${budget}`, legend: w })),
          ...[...new Set([...page, ...ticket].map((p) => p.rate))].map((rate) => ({ expr: `vector(${rate})`, legend: `threshold ${rate}x` })),
        ],
      })
      .timeseries({ title: 'Error budget remaining', unit: 'percentunit', queries: [{ expr: `${RECORDS.budgetRemaining}{${sel}}`, legend: 'remaining' }] });
    if (slo.sli.kind === 'produce-latency') {
      d.timeseries({
        title: 'Produce p99 per broker (the SLI\'s input)',
        unit: 'ms',
        width: 24,
        thresholds: [[slo.sli.thresholdMs, 'red']],
        queries: [{ expr: `kafka_network_requestmetrics_totaltimems{${BROKERS}, request="Produce", quantile="0.99"}`, legend: '{{pod}}' }],
      });
    }
  }
  return d.build();
}
