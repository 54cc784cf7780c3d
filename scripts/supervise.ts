// A child Node process kept running: forked with the given Node flags and environment, restarted when it ends
// unexpectedly (after `initialDelayMs`, doubling up to `maxDelayMs` while it keeps ending within `stableMs` of its
// start; back to the initial delay once it has run that long), stopped with SIGTERM. scripts/serve.ts keeps its
// background process (scripts/serve-background.ts) this way.
import { fork, type ChildProcess } from 'node:child_process';

export interface SupervisorOptions {
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  stdio?: 'inherit' | 'ignore';
  initialDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
  /** Called when the child ended unexpectedly, with the delay before it is started again. */
  onExit?: (e: { code: number | null; signal: NodeJS.Signals | null; restartInMs: number }) => void;
  /** Called with each child started (tests; a restart is a new process). */
  onStart?: (child: ChildProcess) => void;
}

export interface Supervisor {
  /** Stops the child (SIGTERM) and does not restart it; resolves once it has ended. */
  stop: () => Promise<void>;
}

export function supervise(script: string, opts: SupervisorOptions = {}): Supervisor {
  const initial = opts.initialDelayMs ?? 1_000;
  const max = opts.maxDelayMs ?? 30_000;
  const stable = opts.stableMs ?? 60_000;
  let child: ChildProcess | null = null;
  let stopping = false;
  let delayMs = initial / 2;
  let timer: NodeJS.Timeout | null = null;
  const start = () => {
    timer = null;
    const startedAt = Date.now();
    const c = fork(script, [], { execArgv: opts.execArgv ?? process.execArgv, env: opts.env ?? process.env, stdio: opts.stdio ?? 'inherit' });
    child = c;
    c.on('exit', (code, signal) => {
      if (child === c) child = null;
      if (stopping) return;
      delayMs = Date.now() - startedAt >= stable ? initial : Math.min(Math.max(delayMs * 2, initial), max);
      opts.onExit?.({ code, signal, restartInMs: delayMs });
      timer = setTimeout(start, delayMs);
      timer.unref();
    });
    opts.onStart?.(c);
  };
  start();
  return {
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      });
    },
  };
}
