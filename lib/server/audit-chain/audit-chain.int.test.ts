// The audit trail against the real database (embedded and PostgreSQL): one write path that cleans unstorable text,
// UPDATE/DELETE refused by the database, the sealer's chain verified, tampering (as superuser, triggers disabled,
// inside a transaction that is rolled back) named by audit:verify's core, holes told from deletions, refused
// authentications aggregated, and a retention purge that keeps the chain verifiable. The sealer is driven directly.
import crypto, { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { auditRow, writeAudit, type AuditInput } from '@/lib/server/audit';
import { getDb, getPgPool } from '@/lib/server/db/client';
import { createFreshTenant } from '@/lib/testing/fresh-tenant';
import { SYSTEM_ACTOR } from '@/lib/testing/mcp';
import { getAuditChainStatus } from '@/lib/services/audit/get-audit-chain-status';
import { purgeAuditEvents } from '@/lib/services/audit/purge-audit-events';
import { insertAuditRow } from '@/mcp-server/pipeline/hot-sql';
import { recordAuthFailure } from './auth-failures';
import { checkpointNow, sealPending } from './sealer';
import { auditSigningKey } from './signing';
import { recordVerification, verifyAuditChain, type ChainVerification } from './verify';

process.env.AUDIT_SIGNING_KEY ??= crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

const actor: Actor = { kind: 'user', id: 'u-chain', label: 'chain tester', tenantId: `t-${randomUUID()}`, teamIds: [], roles: [], via: 'portal', ip: '10.0.0.1' };
let pool: pg.Pool;
beforeAll(async () => {
  pool = await getPgPool();
});

async function event(e: Partial<AuditInput> = {}): Promise<{ id: string; seq: bigint }> {
  const requestId = randomUUID();
  await writeAudit(await getDb(), actor, { requestId, action: 'chain.tested', resourceType: 'test', ...e });
  const row = await (await getDb()).auditEvent.findFirstOrThrow({ where: { requestId }, select: { id: true, seq: true } });
  return row;
}

/** Drives the sealer until `seq` is sealed (holes declared as soon as provable; no timing assumed). */
async function sealThrough(seq: bigint): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await sealPending(pool, { holeAfterMs: 0, checkpointAfterMs: 3_600_000, checkpointEvery: 1_000_000 });
    if (await (await getDb()).auditSeal.findUnique({ where: { seq } })) return;
  }
  throw new Error(`seq ${seq} was not sealed`);
}

/** Verifies the chain as it would be after `tamper`, which runs as superuser with triggers off and is rolled back. */
async function verifyTampered(tamper: (c: pg.PoolClient) => Promise<unknown>): Promise<ChainVerification> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL');
    await c.query('ALTER TABLE "AuditSeal" DISABLE TRIGGER ALL');
    await tamper(c);
    await c.query('ALTER TABLE "AuditEvent" ENABLE TRIGGER ALL');
    await c.query('ALTER TABLE "AuditSeal" ENABLE TRIGGER ALL');
    return await verifyAuditChain(c, auditSigningKey());
  } finally {
    await c.query('ROLLBACK');
    c.release();
  }
}

describe('one write path', () => {
  it('writes NUL and lone surrogates as U+FFFD on the Prisma path and the hot path alike', async () => {
    const dirty = { requestId: randomUUID(), action: 'chain.dirty\0', resourceType: 'test', details: { arg: 'a\0b \uD800' } };
    await writeAudit(await getDb(), actor, dirty);
    const hot = { ...dirty, requestId: randomUUID() };
    await insertAuditRow(pool, auditRow(actor, hot));
    const rows = await (await getDb()).auditEvent.findMany({ where: { requestId: { in: [dirty.requestId, hot.requestId] } } });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.action).toBe('chain.dirty\uFFFD');
      expect(r.details).toEqual({ arg: 'a\uFFFDb \uFFFD' });
      expect(r.seq).toBeGreaterThan(0n);
    }
  });
});

describe('append-only', () => {
  it('refuses UPDATE and DELETE of an event, sealed or not, and any change or second write of its seal', async () => {
    const db = await getDb();
    const e = await event();
    await expect(db.auditEvent.update({ where: { id: e.id }, data: { actorLabel: 'mallory' } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await sealThrough(e.seq);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorLabel" = 'm' WHERE "id" = $1`, e.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = $1`, e.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditSeal" SET "hash" = 'x' WHERE "seq" = $1::bigint`, e.seq.toString())).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditSeal" WHERE "seq" = $1::bigint`, e.seq.toString())).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`INSERT INTO "AuditSeal" ("seq", "hash", "prevHash") VALUES ($1::bigint, 'x', 'y')`, e.seq.toString())).rejects.toThrow(/unique|duplicate/i);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { id: e.id, actorLabel: actor.label } })).toBe(1);
  });
});

describe('hash chain', () => {
  it('seals in seq order, checkpoints with a valid signature, and verifies', async () => {
    const e = await event();
    await sealThrough(e.seq);
    expect(await checkpointNow(pool)).toBeGreaterThanOrEqual(e.seq);
    const r = await verifyAuditChain(pool, auditSigningKey());
    expect(r.message).toMatch(/^verified \d+ events up to seq \d+ \(last checkpoint at seq \d+, signature valid\)/);
    expect(r.ok).toBe(true);
    expect(BigInt(r.upToSeq!)).toBeGreaterThanOrEqual(e.seq);
    await recordVerification(pool, r);
    const status = await getAuditChainStatus({ actor: SYSTEM_ACTOR });
    expect(BigInt(status.sealedUpTo!)).toBeGreaterThanOrEqual(e.seq);
    expect(status.lastCheckpoint?.seq).toBeDefined();
    expect(status.lastVerification).toMatchObject({ ok: true, message: r.message });
  });

  it('tells a rolled-back insert (a hole) from a deleted event', async () => {
    const db = await getDb();
    const before = await db.auditChainGap.count();
    await db.$transaction(async (tx) => {
      await writeAudit(tx, actor, { requestId: randomUUID(), action: 'chain.rolled_back', resourceType: 'test' });
      throw new Error('roll back');
    }).catch(() => undefined);
    const after = await event();
    await sealThrough(after.seq);
    expect(await db.auditChainGap.count()).toBeGreaterThan(before);
    expect((await verifyAuditChain(pool, auditSigningKey())).ok).toBe(true);
  });

  it('names a changed, a deleted and a reordered event', async () => {
    const a = await event({ details: { n: 1 } });
    const b = await event({ details: { n: 2 } });
    await sealThrough(b.seq);

    const changed = await verifyTampered((c) => c.query(`UPDATE "AuditEvent" SET "details" = '{"n": 99}' WHERE "id" = $1`, [a.id]));
    expect(changed).toMatchObject({ ok: false, problem: { kind: 'changed', seq: a.seq.toString(), id: a.id } });
    expect(changed.message).toContain(`event seq ${a.seq} (id ${a.id}) was changed`);

    const deleted = await verifyTampered((c) => c.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [a.id]));
    expect(deleted).toMatchObject({ ok: false, problem: { kind: 'missing', seq: a.seq.toString() } });
    expect(deleted.message).toContain(`event seq ${a.seq} is missing (deleted)`);

    // Two events swapped with their seals: the order itself was changed.
    const reordered = await verifyTampered(async (c) => {
      await c.query(`UPDATE "AuditEvent" SET "seq" = -1 WHERE "id" = $1`, [a.id]);
      await c.query(`UPDATE "AuditEvent" SET "seq" = $1 WHERE "id" = $2`, [a.seq.toString(), b.id]);
      await c.query(`UPDATE "AuditEvent" SET "seq" = $1 WHERE "id" = $2`, [b.seq.toString(), a.id]);
      await c.query(`UPDATE "AuditSeal" SET "seq" = -1 WHERE "seq" = $1`, [a.seq.toString()]);
      await c.query(`UPDATE "AuditSeal" SET "seq" = $1 WHERE "seq" = $2`, [a.seq.toString(), b.seq.toString()]);
      await c.query(`UPDATE "AuditSeal" SET "seq" = $1 WHERE "seq" = -1`, [b.seq.toString()]);
    });
    expect(reordered).toMatchObject({ ok: false, problem: { kind: 'reordered', seq: a.seq.toString(), id: b.id } });

    // Two events swapped, their seals left in place: each position now holds another event.
    const swapped = await verifyTampered(async (c) => {
      await c.query(`UPDATE "AuditEvent" SET "seq" = -1 WHERE "id" = $1`, [a.id]);
      await c.query(`UPDATE "AuditEvent" SET "seq" = $1 WHERE "id" = $2`, [a.seq.toString(), b.id]);
      await c.query(`UPDATE "AuditEvent" SET "seq" = $1 WHERE "id" = $2`, [b.seq.toString(), a.id]);
    });
    expect(swapped).toMatchObject({ ok: false, problem: { kind: 'changed', seq: a.seq.toString(), id: b.id } });

    const resealed = await verifyTampered((c) => c.query(`DELETE FROM "AuditSeal" WHERE "seq" = $1`, [a.seq.toString()]));
    expect(resealed).toMatchObject({ ok: false, problem: { kind: 'changed', seq: a.seq.toString() } });
    expect(resealed.message).toContain('lost its seal');

    // The tampering was rolled back: the chain verifies again.
    expect((await verifyAuditChain(pool, auditSigningKey())).ok).toBe(true);
  });

  it('refuses a forged checkpoint signature', async () => {
    const r = await verifyTampered((c) => c.query(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER ALL; UPDATE "AuditCheckpoint" SET "hash" = repeat('f', 64) WHERE "seq" = (SELECT max("seq") FROM "AuditCheckpoint")`));
    expect(r).toMatchObject({ ok: false, problem: { kind: 'checkpoint' } });
  });
});

describe('refused authentications', () => {
  it('50 refusals from one source in one minute leave one audit event and a count of 50', async () => {
    const db = await getDb();
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}:${randomUUID()}`;
    const anon: Actor = { kind: 'agent', id: 'anonymous', label: 'anonymous', tenantId: null, teamIds: [], roles: [], via: 'mcp', ip };
    const now = new Date();
    await Promise.all(Array.from({ length: 50 }, () => recordAuthFailure(db, anon, {
      requestId: randomUUID(), tenantId: null, action: 'mcp.auth_failed', resourceType: 'agent_token', resourceId: null, outcome: 'denied', errorCode: 'UNAUTHENTICATED', details: { reason: 'missing' },
    }, now)));
    expect(await db.auditEvent.count({ where: { action: 'mcp.auth_failed', ip } })).toBe(1);
    const counter = await db.authFailureCounter.findFirstOrThrow({ where: { source: `ip:${ip}` } });
    expect(counter.count).toBe(50);
    expect(counter.auditEventId).not.toBeNull();
  });
});

describe('retention purge', () => {
  it('deletes a tenant\'s expired events up to the anchor checkpoint, is audited, and the chain still verifies', async () => {
    const db = await getDb();
    const { tenant } = await createFreshTenant('purge');
    await db.tenantPolicy.update({ where: { tenantId: tenant.id }, data: { auditRetentionDays: 30 } });
    const mine: Actor = { ...actor, tenantId: tenant.id };
    const write = async () => {
      const requestId = randomUUID();
      await writeAudit(db, mine, { requestId, action: 'chain.purgeable', resourceType: 'test' });
      return db.auditEvent.findFirstOrThrow({ where: { requestId }, select: { id: true, seq: true } });
    };
    const [e1, e2] = [await write(), await write()];
    await sealThrough(e2.seq);
    const anchor = await checkpointNow(pool);
    const e3 = await write();
    await sealThrough(e3.seq);
    // 31 days from now every event of the tenant is past its retention; only those up to the anchor may go.
    const r = await purgeAuditEvents({ actor: SYSTEM_ACTOR, tenantId: tenant.id, now: new Date(Date.now() + 31 * 86_400_000) });
    expect(r).toMatchObject({ retentionDays: 30, anchorSeq: anchor!.toString() });
    expect(r.deleted).toBeGreaterThanOrEqual(2);
    expect(await db.auditEvent.count({ where: { id: { in: [e1.id, e2.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { id: e3.id } })).toBe(1);
    const purged = await db.auditEvent.findFirstOrThrow({ where: { action: 'audit.purged', resourceId: tenant.id } });
    expect(purged.details).toMatchObject({ anchorSeq: anchor!.toString(), deleted: r.deleted });
    await sealThrough(purged.seq);
    const v = await verifyAuditChain(pool, auditSigningKey());
    expect(v.message).toContain(`from the purge anchor at seq ${anchor}`);
    expect(v.ok).toBe(true);
    // Outside the purge, even an expired event before the anchor stays.
    await expect(db.auditEvent.delete({ where: { id: e3.id } })).rejects.toThrow(/append-only/);
  });
});
