// The embedded database under concurrent connections: each connection's extended-protocol exchanges and
// transactions stay together (no clobbered unnamed statements or portals, no stalled queue after an error).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openEmbedded, type EmbeddedHandle } from './embedded';

let handle: EmbeddedHandle;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-queue-'));
  handle = await openEmbedded(dir, { maxConnections: 16 });
});
afterAll(async () => {
  await handle?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps concurrent connections’ parameterised queries, errors and transactions apart', async () => {
  const clients = await Promise.all(Array.from({ length: 6 }, async () => {
    const c = new pg.Client({ connectionString: handle.url });
    await c.connect();
    return c;
  }));
  await clients[0]!.query('CREATE TABLE IF NOT EXISTS t (id serial primary key, who int not null)');
  try {
    const work = clients.map(async (c, who) => {
      for (let i = 0; i < 40; i++) {
        if (i % 10 === 3) {
          await expect(c.query('SELECT $1::int / 0 AS boom', [i])).rejects.toThrow(/division by zero/);
        } else if (i % 5 === 0) {
          await c.query('BEGIN');
          await c.query('INSERT INTO t (who) VALUES ($1)', [who]);
          const { rows } = await c.query('SELECT count(*)::int AS n FROM t WHERE who = $1', [who]);
          expect(rows[0].n).toBeGreaterThan(0);
          await c.query('COMMIT');
        } else {
          const params = Array.from({ length: (i % 4) + 1 }, (_, k) => who * 1000 + i * 10 + k);
          const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(' + ')} AS s, $1::int AS first`;
          const { rows } = await c.query(sql, params);
          expect(rows[0]).toEqual({ s: params.reduce((a, b) => a + b, 0), first: params[0] });
        }
      }
    });
    await Promise.all(work);
    const { rows } = await clients[0]!.query('SELECT who, count(*)::int AS n FROM t GROUP BY who ORDER BY who');
    expect(rows).toEqual(clients.map((_, who) => ({ who, n: 8 })));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
});
