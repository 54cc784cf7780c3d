import { describe, expect, it } from 'vitest';
import { ToolRefusal, type ToolContext, type ToolExecutor } from '@/mcp-server/tools/types';
import { eitherSignal, executeWithTimeout, startEarly } from './execute';

// An executor that never finishes on its own: only the time limit or the caller can stop it.
const hanging: ToolExecutor<unknown, unknown> = { slug: 'hang', effect: 'none', execute: () => new Promise(() => undefined) };
const ctx = (timeoutMs: number) => ({ timeoutMs } as Omit<ToolContext, 'signal'>);

describe('executeWithTimeout', () => {
  it("records the tool's own time limit as TIMEOUT", async () => {
    const e = await executeWithTimeout(hanging, ctx(5), {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ToolRefusal);
    expect([(e as ToolRefusal).code, (e as ToolRefusal).message]).toEqual(['TIMEOUT', 'hang stopped: time limit of 5 ms reached.']);
  });
  it('records a caller that cancels or goes away as CANCELLED', async () => {
    const ac = new AbortController();
    const call = executeWithTimeout(hanging, ctx(60_000), {}, ac.signal).catch((x: unknown) => x);
    ac.abort();
    const e = await call;
    expect([(e as ToolRefusal).code, (e as ToolRefusal).message]).toEqual(['CANCELLED', 'hang stopped: the caller cancelled the call or went away.']);
  });
});

describe('eitherSignal', () => {
  it("aborts when either source aborts, with that source's reason", () => {
    const a = new AbortController();
    const b = new AbortController();
    const s = eitherSignal(a.signal, b.signal);
    expect(s.aborted).toBe(false);
    b.abort('second');
    expect([s.aborted, s.reason]).toEqual([true, 'second']);
    a.abort('first');
    expect(s.reason).toBe('second');
  });
  it('is already aborted when a source is', () => {
    const a = new AbortController();
    a.abort('gone');
    expect(eitherSignal(new AbortController().signal, a.signal).reason).toBe('gone');
  });
});

describe('startEarly', () => {
  it('is cancelled by the caller signal as CANCELLED, and by cancel()', async () => {
    const outer = new AbortController();
    const early = startEarly(hanging, ctx(60_000), {}, outer.signal);
    outer.abort();
    expect(((await early.result.catch((x: unknown) => x)) as ToolRefusal).code).toBe('CANCELLED');
    const second = startEarly(hanging, ctx(60_000), {});
    second.cancel();
    expect(((await second.result.catch((x: unknown) => x)) as ToolRefusal).code).toBe('CANCELLED');
  });
});
