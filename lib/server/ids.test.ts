import { describe, expect, it } from 'vitest';
import { newAuditId, newRequestId } from './ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('are UUIDv7, strictly increasing in text order within a process, and carry the time of their creation', () => {
    const before = Date.now();
    const ids = Array.from({ length: 2_000 }, (_, i) => (i % 2 ? newAuditId() : newRequestId()));
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(V7);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!, `${ids[i]} after ${ids[i - 1]}`).toBe(true);
    const ms = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(ms(ids[0]!)).toBeGreaterThanOrEqual(before);
    expect(ms(ids.at(-1)!)).toBeLessThanOrEqual(after + 1); // the sequence may run a millisecond ahead when it overflows
  });
});
