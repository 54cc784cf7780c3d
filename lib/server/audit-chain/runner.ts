import 'server-only';
// Runs the sealer (then the SIEM export and the metric rollups of what it sealed) in the server process, once a
// second: started when the production server starts, or on the first audit write of a long-lived process (a timer that
// does not keep a CLI alive). Off under test (tests drive sealPending themselves) and with AUDIT_SEALER_DISABLED.
import type pg from 'pg';
import { env } from '@/lib/server/env';
import { getPgPool } from '@/lib/server/db/client';
import { configuredSinks, exportAll } from '@/lib/server/siem/export';
import { runRollups } from '@/lib/server/rollups/run';
import { sealPending } from './sealer';
import { forComponent } from '@/lib/server/logger';

const INTERVAL_MS = 1_000;
const BATCH = 1_000;

/**
 * One pass a tick, and more only while passes come back full (a backlog). Under load, looping "until nothing is left"
 * never ends: each pass finds the few events committed meanwhile, and the sealer's own statements (nine a pass) then
 * cost PostgreSQL more than the calls' inserts. A tick's single pass seals a second of traffic in one statement.
 */
async function sealBacklog(pool: pg.Pool): Promise<void> {
  for (;;) {
    const r = await sealPending(pool, { batch: BATCH });
    if (!r.locked || r.sealed < BATCH) return;
  }
}
const g = globalThis as unknown as { __auditSealer?: boolean };

/** This process leaves the sealer to another one (the production server's background process): never starts it. */
export function sealInAnotherProcess(): void {
  g.__auditSealer = true;
}

export function ensureAuditSealer(): void {
  if (g.__auditSealer) return;
  g.__auditSealer = true;
  const e = env();
  if (e.NODE_ENV === 'test' || e.AUDIT_SEALER_DISABLED) return;
  let running = false;
  let lastError = 0;
  const sinks = configuredSinks(e);
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    getPgPool()
      .then(async (pool) => {
        await sealBacklog(pool);
        if (sinks.length) await exportAll(pool, sinks);
        // The Metrics page's rollups read the sealed prefix; a failure here must not hold the sealer back.
        await runRollups().catch((err: unknown) => {
          if (Date.now() - lastError > 60_000) console.error('[metrics] the rollup could not run', err);
        });
      })
      .catch((err: unknown) => {
        // Reported at most once a minute: a database restart would otherwise log every second.
        if (Date.now() - lastError > 60_000) forComponent('audit').error({ err }, 'the sealer could not seal');
        lastError = Date.now();
      })
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  timer.unref();
}
