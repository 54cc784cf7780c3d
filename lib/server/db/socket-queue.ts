// Keeps each connection's extended-protocol exchange together on the embedded database.
//
// PGlite is one backend; pglite-socket multiplexes every client connection onto it through a queue of protocol
// messages. Its queue keeps a connection's messages together only inside a transaction, so outside one, two
// connections' Parse/Bind/Execute can interleave and clobber each other's unnamed statement and portal
// ("portal \"\" does not exist", "bind message supplies N parameters…"; upstream electric-sql/pglite#1046). It also
// stops processing after a failed message. This replaces the queue's scheduler on our server instance: a connection
// that has started an extended-protocol exchange keeps the backend until its Sync (or for its whole transaction),
// a simple Query is complete alone, and a failure never stalls the queue.
import type { PGlite } from '@electric-sql/pglite';

interface QueueItem {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (e: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface QueryQueue {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
/** Messages after which the connection's exchange is complete (startup/auth messages have no type byte we track). */
const ENDS_EXCHANGE = new Set([SYNC, QUERY, TERMINATE]);
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush

export function installConnectionAffinity(server: unknown): void {
  const q = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!q || !Array.isArray(q.queue) || typeof q.processQueue !== 'function') {
    throw new Error('pglite-socket internals changed: cannot install the connection-affinity scheduler (see lib/server/db/socket-queue.ts).');
  }
  let owner: number | null = null;

  q.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = holder === null ? 0 : this.queue.findIndex((m) => m.handlerId === holder);
        if (index === -1) break; // wait for the owning connection's next message
        const item = this.queue.splice(index, 1)[0]!;
        const type = item.message[0] ?? 0;
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(item.message, { onRawData: (d: Uint8Array) => ((bytes += d.length), item.onData(d)) }));
        } catch (e) {
          owner = null;
          item.reject(e);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        if (ENDS_EXCHANGE.has(type)) owner = null;
        else if (EXTENDED.has(type)) owner = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(q);

  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (owner === handlerId) owner = null;
    setImmediate(() => void q.processQueue());
  };
}
