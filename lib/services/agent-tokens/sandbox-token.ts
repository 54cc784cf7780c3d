import 'server-only';
// The portal's "Try it" (lib/services/sandbox) calls /mcp as the user, with a token of the user's own: scoped to the
// one tool, expiring in minutes, flagged `sandbox` (its calls are audited with details.sandbox = true) and revoked as
// soon as the call is over. Minting and revoking are audited like any token; only the hash is stored.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { generateAgentToken } from '@/lib/server/crypto';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export const SANDBOX_TOKEN_TTL_MS = 5 * 60_000;

/** For a portal user of a tenant, already authorised by the caller (policy 'tool.sandbox' and the tool enabled for them). */
export async function mintSandboxToken(actor: Actor, toolSlug: string): Promise<{ token: string; tokenId: string }> {
  if (actor.kind !== 'user' || !actor.tenantId) throw new AppError('FORBIDDEN', { userMessage: 'The sandbox calls tools with your own rights in your tenant; it needs a tenant user.' });
  const tenantId = actor.tenantId;
  const generated = generateAgentToken();
  const db = await getDb();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.agentToken.create({
      data: {
        tenantId, userId: actor.id, createdById: actor.id, name: `sandbox:${toolSlug}`.slice(0, 80), prefix: generated.prefix, tokenHash: generated.hash,
        scopes: [toolSlug], requestsPerMinute: 10, callsPerDay: null, expiresAt: new Date(Date.now() + SANDBOX_TOKEN_TTL_MS), sandbox: true,
      },
      select: { id: true, prefix: true, expiresAt: true },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId, action: 'agent_token.created', resourceType: 'agent_token', resourceId: created.id,
      details: { name: `sandbox:${toolSlug}`, prefix: created.prefix, userId: actor.id, scopes: [toolSlug], expiresAt: created.expiresAt?.toISOString() ?? null, sandbox: true },
      resourcesTouched: [`agent_token:${created.id}`],
    });
    return created;
  });
  return { token: generated.token, tokenId: row.id };
}

/** Revokes a sandbox token of this user (idempotent: an already revoked one is left as it is). */
export async function revokeSandboxToken(actor: Actor, tokenId: string): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const res = await tx.agentToken.updateMany({ where: { id: tokenId, userId: actor.id, sandbox: true, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count !== 1) return;
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: actor.tenantId, action: 'agent_token.revoked', resourceType: 'agent_token', resourceId: tokenId,
      details: { sandbox: true, reason: 'sandbox call finished' }, resourcesTouched: [`agent_token:${tokenId}`],
    });
  });
}
