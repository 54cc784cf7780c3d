import 'server-only';
// Refused /mcp authentications, aggregated: one audit event per source (token id, else client IP) and minute, written
// by the first refusal of that minute; the others only count in AuthFailureCounter. An anonymous flood then adds at
// most one event per source a minute instead of one per request.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { auditRow, writeAuditRow, type AuditInput } from '@/lib/server/audit';

const KEEP_DAYS = 30;

export function authFailureSource(tokenId: string | null | undefined, ip: string | null): string {
  return tokenId ? `token:${tokenId}` : `ip:${ip ?? 'unknown'}`;
}

export async function recordAuthFailure(db: PrismaClient, actor: Actor, e: AuditInput, now = new Date()): Promise<void> {
  const source = authFailureSource(e.resourceId, actor.ip);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  await db.$transaction(async (tx) => {
    const [counter] = await tx.$queryRaw<{ count: number }[]>`
      INSERT INTO "AuthFailureCounter" ("source", "minute", "count") VALUES (${source}, ${minute}::timestamp(3), 1)
      ON CONFLICT ("source", "minute") DO UPDATE SET "count" = "AuthFailureCounter"."count" + 1
      RETURNING "count"`;
    if (Number(counter?.count) !== 1) return;
    const details = { ...(e.details as Record<string, unknown> | undefined), source, minute, aggregated: 'later refusals of this source and minute are counted in AuthFailureCounter' };
    const row = auditRow(actor, { ...e, details });
    await writeAuditRow(tx, row);
    await tx.$executeRaw`UPDATE "AuthFailureCounter" SET "auditEventId" = ${row.id} WHERE "source" = ${source} AND "minute" = ${minute}::timestamp(3)`;
    await tx.$executeRaw`DELETE FROM "AuthFailureCounter" WHERE "minute" < ${minute}::timestamp(3) - make_interval(days => ${KEEP_DAYS})`;
  });
}
