// Percentile maths on a known set: the histogram's p50/p95 against the exact nearest-rank values.
import { describe, expect, it } from 'vitest';
import { BOUNDS, BUCKETS, GROWTH, bucketOf, countAbove, emptyHistogram, exactPercentile, merge, percentile, record, total } from './histogram';

const hist = (values: number[]) => {
  const h = emptyHistogram();
  for (const v of values) record(h, v);
  return h;
};

describe('latency histogram', () => {
  it('has increasing log-scale bounds from 1 ms to about 2 minutes', () => {
    expect(BOUNDS[0]).toBe(1);
    expect(BOUNDS.at(-1)).toBeGreaterThanOrEqual(120_000);
    for (let i = 1; i < BOUNDS.length; i++) expect(BOUNDS[i]! / BOUNDS[i - 1]!).toBeCloseTo(GROWTH, 2);
    expect(BUCKETS).toBe(BOUNDS.length + 1);
  });

  it('puts each value in the bucket whose bounds hold it', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(-5)).toBe(0);
    expect(bucketOf(1)).toBe(0);
    expect(bucketOf(2)).toBe(BOUNDS.indexOf(2)); // exactly on a bound: that bucket
    expect(bucketOf(2.001)).toBe(BOUNDS.indexOf(2) + 1);
    expect(bucketOf(10_000_000)).toBe(BUCKETS - 1);
    for (let v = 1; v < 150_000; v = Math.ceil(v * 1.07)) {
      const i = bucketOf(v);
      if (i < BOUNDS.length) expect(v).toBeLessThanOrEqual(BOUNDS[i]!);
      if (i > 0) expect(v).toBeGreaterThan(BOUNDS[i - 1]!);
    }
  });

  it('gives p50 and p95 of a known set: the upper bound of the bucket holding the exact nearest-rank value', () => {
    // 100 calls: 1..100 ms. Exact nearest rank: p50 = 50, p95 = 95.
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const h = hist(values);
    expect(exactPercentile(values, 0.5)).toBe(50);
    expect(exactPercentile(values, 0.95)).toBe(95);
    expect(percentile(h, 0.5)).toBe(53.817); // bucket (45.255, 53.817] holds 50
    expect(percentile(h, 0.95)).toBe(107.635); // bucket (90.51, 107.635] holds 95
    expect(percentile(h, 1)).toBe(107.635);
  });

  it('never reports below the exact percentile, and at most 18.9 % above it', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let run = 0; run < 50; run++) {
      const values = Array.from({ length: 1 + Math.floor(rnd() * 500) }, () => Math.round(2 + rnd() ** 3 * 5000));
      const h = hist(values);
      for (const p of [0.5, 0.9, 0.95, 0.99]) {
        const exact = exactPercentile(values, p)!;
        const est = percentile(h, p)!;
        expect(est).toBeGreaterThanOrEqual(exact);
        expect(est).toBeLessThanOrEqual(exact * GROWTH + 1e-9);
      }
    }
  });

  it('merges by adding counts: merged rows give the percentile of the union', () => {
    const a = [5, 7, 9, 300];
    const b = [12, 15, 18, 20, 1000];
    const merged = merge(hist(a), hist(b));
    expect(total(merged)).toBe(9);
    expect(merged).toEqual(hist([...a, ...b]));
    expect(percentile(merged, 0.5)).toBe(percentile(hist([...a, ...b]), 0.5));
    expect(merge(emptyHistogram(), null)).toEqual(emptyHistogram());
  });

  it('is empty-safe and refuses a percentile outside (0, 1]', () => {
    expect(percentile(emptyHistogram(), 0.95)).toBeNull();
    expect(() => percentile(emptyHistogram(), 0)).toThrow(RangeError);
    expect(() => percentile(emptyHistogram(), 95)).toThrow(RangeError);
  });

  it('counts values above an SLO threshold conservatively', () => {
    const h = hist([10, 20, 400, 900, 5000]);
    expect(countAbove(h, 500)).toBe(2);
    expect(countAbove(h, 10_000)).toBe(0);
    expect(countAbove(hist([1_000_000]), 100_000)).toBe(1);
  });
});
