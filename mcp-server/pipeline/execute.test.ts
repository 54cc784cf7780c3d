import { describe, expect, it } from 'vitest';
import { ToolRefusal, type ToolContext, type ToolExecutor } from '@/mcp-server/tools/types';
import { executeWithTimeout } from './execute';

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
