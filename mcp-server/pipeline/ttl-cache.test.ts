import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('serves a value until its TTL expires, then reloads', async () => {
    let clock = 0;
    let loads = 0;
    const cache = new TtlCache<string, number>(1000, 10, () => clock);
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    clock = 999;
    expect(await cache.get('a', load)).toBe(1);
    clock = 1000;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('coalesces concurrent misses into one load and never caches a failure', async () => {
    let loads = 0;
    const cache = new TtlCache<string, number>(1000, 10, () => 0);
    const [a, b] = await Promise.all([cache.get('k', async () => ++loads), cache.get('k', async () => ++loads)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    await expect(cache.get('bad', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    await Promise.resolve();
    expect(await cache.get('bad', async () => 42)).toBe(42);
  });

  it('a TTL of 0 disables caching, and the size stays bounded', async () => {
    let loads = 0;
    const off = new TtlCache<string, number>(0);
    await off.get('a', async () => ++loads);
    await off.get('a', async () => ++loads);
    expect(loads).toBe(2);
    let clock = 0;
    const small = new TtlCache<number, number>(10, 3, () => clock);
    for (let i = 0; i < 10; i++) {
      clock = i;
      await small.get(i, async () => i);
    }
    expect(small.size).toBeLessThanOrEqual(3);
  });
});
