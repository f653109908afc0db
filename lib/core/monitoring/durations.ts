/**
 * Prometheus durations (`5m`, `1h30m`, `30d`, `4w`) as the rule language writes them: units from the
 * largest to the smallest, each at most once. SLO windows, burn-rate windows and capacity histories are
 * written this way in configuration and end up verbatim in rule expressions and recorded series names.
 */

const UNITS: readonly (readonly [string, number])[] = [
  ['y', 365 * 86400],
  ['w', 7 * 86400],
  ['d', 86400],
  ['h', 3600],
  ['m', 60],
  ['s', 1],
  ['ms', 0.001],
];

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Seconds of a Prometheus duration; undefined when the text is not one (or is empty or zero-free garbage). */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const m = DURATION.exec(text);
  if (!m) return undefined;
  return UNITS.reduce((sum, [, seconds], i) => sum + Number(m[i + 1] ?? 0) * seconds, 0);
}

/** A whole number of days (`30d`, `4w`), as SLO windows and capacity histories must be. */
export function parseDays(text: unknown): number | undefined {
  const seconds = parseDuration(text);
  return seconds !== undefined && seconds > 0 && seconds % 86400 === 0 ? seconds / 86400 : undefined;
}

/** The shortest Prometheus spelling of whole seconds: 2592000 -> `30d`, 5400 -> `1h30m` (weeks and years are written in days). */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return '0s';
  let rest = Math.round(seconds);
  let out = '';
  for (const [unit, size] of UNITS) {
    if (unit === 'y' || unit === 'w' || unit === 'ms') continue;
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** Days as people read them: `30 days`, `1 day`, `3.5 days`. */
export function daysText(seconds: number): string {
  const days = Number((seconds / 86400).toPrecision(3));
  return `${days} day${days === 1 ? '' : 's'}`;
}
