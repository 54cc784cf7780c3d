import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalesce';

/** A statement whose completion the test controls. */
function controlled() {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const fail = new Set<number>();
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve, reject) => {
      release.push(() => (items.some((i) => fail.has(i)) ? reject(new Error(`item ${items.find((i) => fail.has(i))} refused`)) : resolve(items.map((i) => i * 10))));
    });
  };
  return { batches, release, fail, run };
}

/** Lets the event loop run two turns: whatever the coalescer scheduled for the next turn has happened. */
const settle = async () => {
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
};

describe('Coalescer', () => {
  it('sends a lone item at once, and gathers the items that arrive while a statement runs into the next one', async () => {
    const s = controlled();
    const c = new Coalescer(s.run, { maxBatch: 10, maxInFlight: 1 });
    const first = c.submit(1);
    await settle();
    expect(s.batches).toEqual([[1]]);
    const later = [c.submit(2), c.submit(3), c.submit(4)];
    await settle();
    expect(s.batches).toEqual([[1]]); // waiting for the running statement
    s.release.shift()!();
    expect(await first).toBe(10);
    await settle();
    expect(s.batches).toEqual([[1], [2, 3, 4]]);
    s.release.shift()!();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    expect(c.running).toBe(0);
  });

  it('lets the items that arrive in the same turn as a statement ends join the next statement', async () => {
    const s = controlled();
    const c = new Coalescer(s.run, { maxBatch: 10, maxInFlight: 1 });
    const first = c.submit(1);
    await settle();
    const second = c.submit(2);
    s.release.shift()!();
    expect(await first).toBe(10);
    for (let i = 0; i < 20; i++) await Promise.resolve(); // the statement has ended and its promise callbacks have run
    const third = c.submit(3); // an item arriving in the same turn of the event loop still joins
    await settle();
    expect(s.batches).toEqual([[1], [2, 3]]);
    s.release.shift()!();
    expect(await Promise.all([second, third])).toEqual([20, 30]);
  });

  it('keeps to maxBatch and maxInFlight', async () => {
    const s = controlled();
    const c = new Coalescer(s.run, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5].map((i) => c.submit(i));
    await settle();
    expect(s.batches).toEqual([[1, 2], [3, 4]]);
    expect(c.running).toBe(2);
    s.release.shift()!();
    await settle();
    expect(s.batches).toEqual([[1, 2], [3, 4], [5]]);
    while (s.release.length) s.release.shift()!();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it('retries a failed batch item by item, so an error reaches only the caller it concerns', async () => {
    const s = controlled();
    s.fail.add(3);
    const c = new Coalescer(s.run, { maxBatch: 10, maxInFlight: 1 });
    const all = [1, 2, 3].map((i) => c.submit(i).then((v) => ({ v }), (e: Error) => ({ e: e.message })));
    await settle();
    s.release.shift()!(); // the batch [1, 2, 3] fails
    await settle();
    expect(s.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    while (s.release.length) s.release.shift()!();
    expect(await Promise.all(all)).toEqual([{ v: 10 }, { v: 20 }, { e: 'item 3 refused' }]);
  });

  it('rejects a lone failed item without retrying it', async () => {
    const s = controlled();
    s.fail.add(1);
    const c = new Coalescer(s.run, { maxBatch: 10, maxInFlight: 1 });
    const one = c.submit(1);
    await settle();
    s.release.shift()!();
    await expect(one).rejects.toThrow('item 1 refused');
    expect(s.batches).toEqual([[1]]);
  });

  it('keeps a batch within maxWeight, letting a heavier item go alone', async () => {
    const s = controlled();
    const c = new Coalescer(s.run, { maxBatch: 10, maxInFlight: 1, maxWeight: 10, weight: (i) => i });
    const all = [3, 4, 5, 20, 1].map((i) => c.submit(i));
    await settle();
    expect(s.batches).toEqual([[3, 4]]);
    for (const expected of [[[3, 4], [5]], [[3, 4], [5], [20]], [[3, 4], [5], [20], [1]]]) {
      s.release.shift()!();
      await settle();
      expect(s.batches).toEqual(expected);
    }
    s.release.shift()!();
    expect(await Promise.all(all)).toEqual([30, 40, 50, 200, 10]);
  });

  it('fails every item of a batch, without retrying, when the error leaves unknown what the statement wrote', async () => {
    const s = controlled();
    s.fail.add(2);
    const c = new Coalescer(s.run, { maxBatch: 10, maxInFlight: 1, retryable: () => false });
    const all = [1, 2].map((i) => c.submit(i).then((v) => ({ v }), (e: Error) => ({ e: e.message })));
    await settle();
    s.release.shift()!();
    expect(await Promise.all(all)).toEqual([{ e: 'item 2 refused' }, { e: 'item 2 refused' }]);
    expect(s.batches).toEqual([[1, 2]]);
  });
});
