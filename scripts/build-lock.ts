// One build for several processes started from one directory (replicas, CI shards): the first takes a lock file
// (its pid inside) and builds; the others wait until it is released, then find the build current. A lock whose
// process is gone (crash) is taken over.
import fs from 'node:fs';

function holderAlive(lock: string): boolean {
  try {
    process.kill(Number(fs.readFileSync(lock, 'utf8')), 0);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EPERM' || (code === undefined && fs.existsSync(lock)); // EPERM: alive, another user's
  }
}

export async function buildOnce(lock: string, isCurrent: () => boolean, build: () => void | Promise<void>, log: (m: string) => void = () => undefined, pollMs = 1000): Promise<'current' | 'built'> {
  if (isCurrent()) {
    log('build is current');
    return 'current';
  }
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (!holderAlive(lock)) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    log('another process is building: waiting for it…');
    while (fs.existsSync(lock) && holderAlive(lock)) await new Promise((r) => setTimeout(r, pollMs));
    if (isCurrent()) {
      log('build is current (built by the other process)');
      return 'current';
    }
  }
  try {
    if (isCurrent()) return 'current';
    await build();
    return 'built';
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
