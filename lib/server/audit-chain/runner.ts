import 'server-only';
// Runs the sealer (and then the SIEM export of what it sealed) in the server process: started once, on the first audit write of a long-lived process (a timer that
// does not keep a CLI alive). Off under test (tests drive sealPending themselves) and with AUDIT_SEALER_DISABLED.
import { env } from '@/lib/server/env';
import { getPgPool } from '@/lib/server/db/client';
import { configuredSinks, exportAll } from '@/lib/server/siem/export';
import { sealAll } from './sealer';

const INTERVAL_MS = 1_000;
const g = globalThis as unknown as { __auditSealer?: boolean };

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
        await sealAll(pool);
        if (sinks.length) await exportAll(pool, sinks);
      })
      .catch((err: unknown) => {
        // Reported at most once a minute: a database restart would otherwise log every second.
        if (Date.now() - lastError > 60_000) console.error('[audit] the sealer could not seal', err);
        lastError = Date.now();
      })
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  timer.unref();
}
