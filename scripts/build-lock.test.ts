import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOnce } from './build-lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'build-lock-'));

describe('buildOnce', () => {
  it('builds once for concurrent starters; the others wait and find the build current', async () => {
    const dir = tmp();
    const lock = path.join(dir, '.next.build-lock');
    let built = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const isCurrent = () => fs.existsSync(path.join(dir, 'BUILD_ID'));
    const build = async () => {
      built++;
      await gate;
      fs.writeFileSync(path.join(dir, 'BUILD_ID'), 'x');
    };
    const first = buildOnce(lock, isCurrent, build, undefined, 5);
    await expect.poll(() => fs.existsSync(lock)).toBe(true);
    const second = buildOnce(lock, isCurrent, build, undefined, 5);
    release();
    expect(await Promise.all([first, second])).toEqual(['built', 'current']);
    expect(built).toBe(1);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over the lock of a process that is gone', async () => {
    const dir = tmp();
    const lock = path.join(dir, '.next.build-lock');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.on('exit', r));
    fs.writeFileSync(lock, String(gone.pid));
    let built = 0;
    expect(await buildOnce(lock, () => built > 0, () => void built++, undefined, 5)).toBe('built');
    expect(built).toBe(1);
  });
});
