/**
 * Per-minute series for promtool scenarios, written as plain functions of the minute and rendered in
 * promtool's expanding notation. A value of `undefined` is no sample (the series keeps its last value
 * for Prometheus' 5-minute lookback); `STALE` ends the series at once, as Prometheus does when a target
 * or a pod disappears.
 */
export const STALE = 'stale' as const;
export type Sample = number | undefined | typeof STALE;

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15))));

/** promtool `values` for the samples at minutes 0..length-1 of `at`. */
export function timeline(length: number, at: (minute: number) => Sample): string {
  const samples = Array.from({ length }, (_, m) => at(m));
  const parts: string[] = [];
  let i = 0;
  while (i < samples.length) {
    const v = samples[i];
    if (v === undefined) {
      let j = i;
      while (j < samples.length && samples[j] === undefined) j++;
      parts.push(`_x${j - i}`);
      i = j;
    } else if (v === STALE) {
      parts.push('stale');
      i++;
    } else {
      // The longest arithmetic run from i: `a+bxn` expands to n+1 values.
      const next = samples[i + 1];
      const step = typeof next === 'number' ? next - v : 0;
      let j = i + 1;
      while (j < samples.length && typeof samples[j] === 'number' && Math.abs((samples[j] as number) - (v + step * (j - i))) < 1e-9 * Math.max(1, Math.abs(v))) j++;
      const n = j - i - 1;
      parts.push(n === 0 ? num(v) : `${num(v)}${step < 0 ? '-' : '+'}${num(Math.abs(step))}x${n}`);
      i = j;
    }
  }
  return parts.join(' ');
}
