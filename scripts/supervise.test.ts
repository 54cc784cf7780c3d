import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { supervise } from './supervise';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supervise-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A child that ends with code 3 on its first run and stays up on the next (until SIGTERM or its parent goes).
function flakyScript(): string {
  const runs = path.join(dir, `runs-${Math.random().toString(36).slice(2)}`);
  const file = path.join(dir, `flaky-${Math.random().toString(36).slice(2)}.mjs`);
  fs.writeFileSync(file, `import fs from 'node:fs';
const n = fs.existsSync(${JSON.stringify(runs)}) ? Number(fs.readFileSync(${JSON.stringify(runs)}, 'utf8')) : 0;
fs.writeFileSync(${JSON.stringify(runs)}, String(n + 1));
if (n === 0) process.exit(3);
process.send?.('up');
process.on('disconnect', () => process.exit(0));
`);
  return file;
}

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

describe('supervise', () => {
  it('restarts a child that ended, then stops the new one for good', async () => {
    const started: ChildProcess[] = [];
    const exits: { code: number | null; signal: NodeJS.Signals | null; restartInMs: number }[] = [];
    let sup!: ReturnType<typeof supervise>;
    const up = new Promise<ChildProcess>((resolve) => {
      sup = supervise(flakyScript(), {
        execArgv: [], stdio: 'ignore', initialDelayMs: 5, maxDelayMs: 50,
        onExit: (e) => exits.push(e),
        onStart: (c) => {
          started.push(c);
          c.on('message', (m) => m === 'up' && resolve(c));
        },
      });
    });
    const second = await up;
    expect(alive(second)).toBe(true);
    await sup.stop();
    await new Promise<void>((r) => (second.exitCode !== null || second.signalCode !== null ? r() : second.once('exit', () => r())));
    expect(started).toHaveLength(2);
    expect(exits).toEqual([{ code: 3, signal: null, restartInMs: 5 }]);
    expect(second.signalCode).toBe('SIGTERM');
  });

  it('does not restart a child it stopped', async () => {
    const file = path.join(dir, 'steady.mjs');
    fs.writeFileSync(file, "process.send?.('up'); process.on('disconnect', () => process.exit(0));\n");
    const started: ChildProcess[] = [];
    let exits = 0;
    let sup!: ReturnType<typeof supervise>;
    await new Promise<void>((resolve) => {
      sup = supervise(file, { execArgv: [], stdio: 'ignore', initialDelayMs: 5, onExit: () => exits++, onStart: (c) => { started.push(c); c.on('message', () => resolve()); } });
    });
    await sup.stop();
    expect(started).toHaveLength(1);
    expect(alive(started[0]!)).toBe(false);
    expect(exits).toBe(0);
  });
});
