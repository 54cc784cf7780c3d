// Decides which PostgreSQL this process talks to: DATABASE_URL when set, otherwise the embedded database
// (reached through the process that already owns it, or opened here).
import path from 'node:path';
import { findPublishedEndpoint, openEmbedded, type EmbeddedHandle } from './embedded';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  owner: EmbeddedHandle | null;
}

export function embeddedDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR || './.data');
}

export async function resolveDatabaseTarget(): Promise<DatabaseTarget> {
  const url = process.env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgresql:// URL (got "${url.split(':')[0]}:…").`);
    }
    return { url, embedded: false, owner: null };
  }
  const dir = embeddedDataDir();
  const published = await findPublishedEndpoint(dir);
  if (published) return { url: published, embedded: true, owner: null };
  const owner = await openEmbedded(dir);
  return { url: owner.url, embedded: true, owner };
}
