// Mergeable latency histogram with fixed log-scale bounds: bucket i (1 ≤ i < N-1) counts latencies in
// (BOUNDS[i-1], BOUNDS[i]] ms, bucket 0 counts [0, 1] ms and the last bucket everything above the largest bound.
// The bounds grow by 2^(1/4) (≈ 18.9 %) from 1 ms to about 2 minutes. Every bucket has the same bounds in every
// row, so rows (per 5 minutes, per tenant, per tool) merge by adding their counts.
//
// Percentiles use the nearest-rank definition (the smallest value with at least p of the values at or below it) and
// report the upper bound of the bucket that holds that rank. Resolution: the reported value is never below the true
// percentile and at most 18.9 % above it (reported as 1 ms when the true value is under 1 ms); beyond the last bound (~ 2 min) only "more than
// the last bound" is known, and the last bound is reported.
export const GROWTH = 2 ** 0.25;
export const MAX_MS = 120_000;

function makeBounds(): number[] {
  const bounds: number[] = [];
  for (let k = 0; ; k++) {
    const b = Math.round(GROWTH ** k * 1000) / 1000; // ms, 3 decimals
    bounds.push(b);
    if (b >= MAX_MS) return bounds;
  }
}

/** Upper bounds in ms of every bucket but the last (overflow) one. */
export const BOUNDS: readonly number[] = Object.freeze(makeBounds());
/** Number of buckets (the bounds plus one overflow bucket). */
export const BUCKETS = BOUNDS.length + 1;

export function emptyHistogram(): number[] {
  return new Array<number>(BUCKETS).fill(0);
}

/** The bucket that counts a latency (negative latencies count as 0). */
export function bucketOf(latencyMs: number): number {
  const v = Math.max(0, latencyMs);
  if (v <= 1) return 0;
  if (v > BOUNDS[BOUNDS.length - 1]!) return BUCKETS - 1;
  // Guess from the logarithm, then correct for rounding at the edges.
  let i = Math.min(BOUNDS.length - 1, Math.max(0, Math.ceil(Math.log(v) / Math.log(GROWTH))));
  while (i > 0 && v <= BOUNDS[i - 1]!) i--;
  while (v > BOUNDS[i]!) i++;
  return i;
}

export function record(hist: number[], latencyMs: number): void {
  const i = bucketOf(latencyMs);
  hist[i] = (hist[i] ?? 0) + 1;
}

/** Adds `b` into `a` (in place) and returns `a`; a shorter or missing array counts as zeros. */
export function merge(a: number[], b: readonly number[] | null | undefined): number[] {
  if (!b) return a;
  for (let i = 0; i < Math.min(a.length, b.length); i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return a;
}

export function total(hist: readonly number[]): number {
  return hist.reduce((s, n) => s + n, 0);
}

/** Nearest-rank percentile (0 < p ≤ 1) as the upper bound of the bucket holding that rank; null when empty. */
export function percentile(hist: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError('A percentile is a fraction above 0 and at most 1.');
  const n = total(hist);
  if (n === 0) return null;
  const rank = Math.ceil(p * n);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i] ?? 0;
    if (seen >= rank) return BOUNDS[Math.min(i, BOUNDS.length - 1)]!;
  }
  return BOUNDS[BOUNDS.length - 1]!;
}

/** How many recorded latencies exceed `thresholdMs`, counted conservatively (a bucket straddling it counts as over). */
export function countAbove(hist: readonly number[], thresholdMs: number): number {
  let n = 0;
  for (let i = 0; i < hist.length; i++) if (i === BOUNDS.length || BOUNDS[i]! > thresholdMs) n += hist[i] ?? 0;
  return n;
}

/** Exact nearest-rank percentile of raw values (the reference the histogram is tested against). */
export function exactPercentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
