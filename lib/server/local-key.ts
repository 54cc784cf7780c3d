// Keys the embedded setup generates once and keeps in its data directory (session secret, secrets master key),
// so a restart keeps sessions and decrypts what it encrypted. Created exclusively: two processes racing to create
// one both end up reading the winner's key.
import fs from 'node:fs';
import path from 'node:path';
import { embeddedDataDir } from '@/lib/server/db/connection';

export function readOrCreateLocalKey(file: string, make: () => string): string {
  const p = path.join(/*turbopackIgnore: true*/ embeddedDataDir(), file);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  try {
    fs.writeFileSync(p, make(), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return fs.readFileSync(p, 'utf8').trim();
}
