import 'server-only';
// Step 6: run the executor under the tool's time limit with an abort signal (also aborted when the client goes away).
import type { ToolContext, ToolExecutor, ToolResult } from '@/mcp-server/tools/types';
import { ToolRefusal } from '@/mcp-server/tools/types';

export async function executeWithTimeout<I, O>(executor: ToolExecutor<I, O>, ctx: Omit<ToolContext, 'signal'>, input: I, outer?: AbortSignal): Promise<ToolResult<O>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`time limit of ${ctx.timeoutMs} ms reached`, 'TimeoutError')), ctx.timeoutMs);
  const onOuter = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  try {
    const work = executor.execute({ ...ctx, signal: controller.signal }, input);
    return await new Promise<ToolResult<O>>((resolve, reject) => {
      // The tool's own time limit and a caller that cancels or goes away are recorded distinctly.
      const onAbort = () => {
        const r = controller.signal.reason as unknown;
        reject(r instanceof Error && r.name === 'TimeoutError'
          ? new ToolRefusal('TIMEOUT', `${executor.slug} stopped: ${r.message}.`)
          : new ToolRefusal('CANCELLED', `${executor.slug} stopped: the caller cancelled the call or went away.`));
      };
      if (controller.signal.aborted) onAbort();
      controller.signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => controller.signal.removeEventListener('abort', onAbort));
    });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

/**
 * Starts a call before its rate-limit claim has been counted (see call-tool.ts): the result is awaited only once the
 * claim fits; `cancel` aborts the execution when it does not (its outcome is then ignored, never returned).
 */
export function startEarly<I, O>(executor: ToolExecutor<I, O>, ctx: Omit<ToolContext, 'signal'>, input: I, outer?: AbortSignal): { result: Promise<ToolResult<O>>; cancel: () => void } {
  const controller = new AbortController();
  const result = executeWithTimeout(executor, ctx, input, outer ? eitherSignal(outer, controller.signal) : controller.signal);
  result.catch(() => undefined); // a cancelled execution's rejection is expected; a kept one is awaited by the caller
  return { result, cancel: () => controller.abort(new DOMException('the call was refused by a rate limit', 'AbortError')) };
}

/**
 * A signal aborted when either of two request-scoped signals aborts (with its reason). Both live only as long as the
 * request, so the links need no clean-up; AbortSignal.any, made for long-lived sources, registers them for garbage
 * collection tracking at several times this cost on every call.
 */
export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const first = a.aborted ? a : b.aborted ? b : null;
  if (first) {
    controller.abort(first.reason);
    return controller.signal;
  }
  const onAbort = (e: Event) => controller.abort((e.target as AbortSignal).reason);
  a.addEventListener('abort', onAbort, { once: true });
  b.addEventListener('abort', onAbort, { once: true });
  return controller.signal;
}
