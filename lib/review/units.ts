/** Human units beside raw Kafka config values, so a reviewer reads `604800000 (7 d)` instead of counting digits. */

const DURATIONS: readonly [number, string][] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
  [1_000, 's'],
  [1, 'ms'],
];
const SIZES: readonly [number, string][] = [
  [1024 ** 4, 'TiB'],
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
  [1, 'B'],
];

function scaled(n: number, units: readonly [number, string][]): string {
  const [size, unit] = units.find(([u]) => Math.abs(n) >= u) ?? units[units.length - 1];
  const v = n / size;
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit}`;
}

/** `7 d`, `1.5 h`, `250 ms`; -1 (Kafka's "no limit") is `unlimited`. */
export function humanDuration(ms: number): string {
  return ms < 0 ? 'unlimited' : scaled(ms, DURATIONS);
}

/** `1 GiB`, `476.8 MiB`; -1 is `unlimited`. */
export function humanBytes(bytes: number): string {
  return bytes < 0 ? 'unlimited' : scaled(bytes, SIZES);
}

/** The unit a config key's value is in, from Kafka's naming (`*.ms`, `*.bytes`, `*.minutes`, `*.hours`). */
function unitOf(key: string): ((n: number) => string) | undefined {
  if (/(^|\.)ms$/.test(key)) return humanDuration;
  if (/\.minutes$/.test(key)) return (n) => (n < 0 ? 'unlimited' : humanDuration(n * 60_000));
  if (/\.hours$/.test(key)) return (n) => (n < 0 ? 'unlimited' : humanDuration(n * 3_600_000));
  if (/(^|\.)bytes$/.test(key)) return humanBytes;
  return undefined;
}

/**
 * The human reading of a config value, or undefined when there is none (not a duration or size key, not a
 * number, or a value too small for a unit to help).
 */
export function humanValue(key: string, value: unknown): string | undefined {
  const unit = unitOf(key);
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  // Below 1000 ms or bytes the raw value reads as well as any unit; hours and minutes always get one.
  const small = n >= 0 && n < 1000 && /(^|\.)(ms|bytes)$/.test(key);
  if (!unit || !Number.isFinite(n) || small) return undefined;
  return unit(n);
}

/** `604800000 (7 d)` for a duration or size key, else the value as text. */
export function withUnit(key: string, value: number | string): string {
  const human = humanValue(key, value);
  return human ? `${value} (${human})` : String(value);
}
