// Embedded PostgreSQL (PGlite) owned by this process and published on a loopback port, so that every
// client (this process's Prisma, the CLIs, the tests) speaks the PostgreSQL wire protocol through one queue.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { installConnectionAffinity } from './socket-queue';

export interface EmbeddedHandle {
  url: string;
  dataDir: string;
  close: () => Promise<void>;
}

interface EndpointFile {
  pid: number;
  port: number;
}

const LOCK = 'platform.lock';
const ENDPOINT = 'platform-endpoint.json';

export class EmbeddedDatabaseBusyError extends Error {}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(2000, () => done(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export function urlForPort(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** If another live process owns the data directory and publishes it, return its URL. */
export async function findPublishedEndpoint(dataDir: string): Promise<string | null> {
  const file = path.join(/*turbopackIgnore: true*/ dataDir, ENDPOINT);
  if (!fs.existsSync(file)) return null;
  try {
    const ep = JSON.parse(fs.readFileSync(file, 'utf8')) as EndpointFile;
    if (ep.pid !== process.pid && pidAlive(ep.pid) && (await canConnect(ep.port))) return urlForPort(ep.port);
  } catch {
    /* unreadable endpoint file: treat as absent */
  }
  return null;
}

function acquireLock(dataDir: string): void {
  const lockFile = path.join(/*turbopackIgnore: true*/ dataDir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && pidAlive(owner)) {
        throw new EmbeddedDatabaseBusyError(
          `The embedded database in ${dataDir} is already open in process ${owner} and is not reachable through ` +
            `its published port. Stop that process, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // stale lock from a process that is gone
    }
  }
  throw new EmbeddedDatabaseBusyError(`Could not lock the embedded database in ${dataDir}.`);
}

/** Open the data directory in this process and serve it on a loopback port. */
export async function openEmbedded(dataDir: string, opts: { maxConnections?: number } = {}): Promise<EmbeddedHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  acquireLock(dataDir);
  const release = () => {
    for (const f of [LOCK, ENDPOINT]) {
      try {
        const p = path.join(/*turbopackIgnore: true*/ dataDir, f);
        if (f === ENDPOINT || fs.readFileSync(p, 'utf8') === String(process.pid)) fs.rmSync(p, { force: true });
      } catch {
        /* already gone */
      }
    }
  };
  try {
    const db = await PGlite.create({ dataDir: path.join(/*turbopackIgnore: true*/ dataDir, 'pgdata') });
    const port = await freePort();
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: opts.maxConnections ?? 32 });
    installConnectionAffinity(server);
    await server.start();
    const endpoint: EndpointFile = { pid: process.pid, port };
    fs.writeFileSync(path.join(/*turbopackIgnore: true*/ dataDir, ENDPOINT), JSON.stringify(endpoint));
    process.once('exit', release);
    return {
      url: urlForPort(port),
      dataDir,
      close: async () => {
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
