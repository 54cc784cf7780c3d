import 'server-only';
// Dynamic Client Registration (RFC 7591) is open to anyone, so each client IP may register a bounded number of
// clients per hour (OAUTH_REGISTRATIONS_PER_IP_PER_HOUR). A fixed hourly window counted in RateCounter, like the /mcp
// limits: one atomic upsert, exact across replicas. Expired windows are swept with the other counters.
import { getDb } from '@/lib/server/db/client';

const HOUR_MS = 3_600_000;

export type RegistrationSlot = { ok: true } | { ok: false; limit: number; retryAfterSeconds: number };

export function registrationCounterKey(ip: string): string {
  return `rl:oauth_register:${ip}:hour`;
}

export async function claimRegistrationSlot({ ip, limit, now = new Date() }: { ip: string; limit: number; now?: Date }): Promise<RegistrationSlot> {
  const db = await getDb();
  const windowStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  const key = registrationCounterKey(ip);
  const row = await db.rateCounter.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1, expiresAt: new Date(windowStart.getTime() + 2 * HOUR_MS) },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  if (row.count <= limit) return { ok: true };
  return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + HOUR_MS - now.getTime()) / 1000)) };
}
