import { daysText, formatDuration, parseDays, parseDuration } from '../../../lib/core/monitoring/durations';

describe('Prometheus durations', () => {
  test('parse as Prometheus does: units largest first, each once', () => {
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('4w')).toBe(28 * 86400);
    expect(parseDuration('1y')).toBe(365 * 86400);
    expect(parseDuration('250ms')).toBe(0.25);
    for (const bad of ['', '30days', '30m1h', '1.5h', '1h 30m', '-5m', 'd', 30, undefined]) expect([bad, parseDuration(bad)]).toEqual([bad, undefined]);
  });

  test('whole days only where windows and histories are days', () => {
    expect(parseDays('30d')).toBe(30);
    expect(parseDays('4w')).toBe(28);
    expect(parseDays('36h')).toBeUndefined();
    expect(parseDays('0d')).toBeUndefined();
  });

  test('format in the shortest spelling, so equal windows share one recorded name', () => {
    expect(formatDuration(3600)).toBe('1h');
    expect(formatDuration(parseDuration('60m')!)).toBe('1h');
    expect(formatDuration(30 * 86400)).toBe('30d');
    expect(formatDuration(5400)).toBe('1h30m');
    expect(daysText(86400)).toBe('1 day');
    expect(daysText(3.5 * 86400)).toBe('3.5 days');
  });
});
