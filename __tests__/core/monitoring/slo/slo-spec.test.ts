import { burnRate, DEFAULT_PAGE_WINDOWS, DEFAULT_TICKET_WINDOWS, GUIDE_SLOS, resolveSlos } from '../../../../lib/core/monitoring/slo/slo-spec';

describe('SLO specs', () => {
  test('the guide\'s objectives: 99.99 % availability and produce p99 under 100 ms, over 30 days', () => {
    expect(GUIDE_SLOS.map((s) => [s.sli, s.objective, s.window])).toEqual([
      [{ kind: 'partition-availability' }, 99.99, '30d'],
      [{ kind: 'produce-latency', thresholdMs: 100 }, 99.9, '30d'],
    ]);
  });

  test('defaults: names from the SLI, a 30-day window, the workbook\'s windows, a 10 % budget alert; false switches an alert class off', () => {
    const [a, b] = resolveSlos([
      { sli: { kind: 'partition-availability' }, objective: 99.9 },
      { name: 'produce-fast', sli: { kind: 'produce-latency', thresholdMs: 50 }, objective: 99, window: '28d', alerting: { page: false, budgetRemainingPercent: false } },
    ]);
    expect(a).toEqual({ name: 'availability', objective: 99.9, window: '30d', sli: { kind: 'partition-availability' }, page: DEFAULT_PAGE_WINDOWS, ticket: DEFAULT_TICKET_WINDOWS, budgetRemainingPercent: 10 });
    expect([b.name, b.window, b.page, b.ticket, b.budgetRemainingPercent]).toEqual(['produce-fast', '28d', [], DEFAULT_TICKET_WINDOWS, undefined]);
  });

  test('burn rates follow from the budget share: the workbook\'s 14.4x, 6x, 3x and 1x over 30 days, less over 28', () => {
    const thirty = 30 * 86400;
    const rates = (window: number) => [...DEFAULT_PAGE_WINDOWS, ...DEFAULT_TICKET_WINDOWS].map((w) => burnRate(window, w, { '1h': 3600, '6h': 21600, '1d': 86400, '3d': 259200 }[w.long]!));
    expect(rates(thirty)).toEqual([14.4, 6, 3, 1]);
    expect(rates(28 * 86400)).toEqual([13.44, 5.6, 2.8, 0.933333]);
  });
});
