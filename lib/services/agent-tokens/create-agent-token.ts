import 'server-only';
// Creates an agent token for a tenant (optionally carrying a team's or a user's rights). Only the SHA-256 of the
// token is stored; the token itself is returned once. Audited in the same transaction.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { parseDuration, ZCreateAgentTokenInput, type TAgentTokenDto, type TCreateAgentTokenInput } from '@/lib/schemas/agent-token';
import { writeAudit } from '@/lib/server/audit';
import { generateAgentToken } from '@/lib/server/crypto';
import { getDb } from '@/lib/server/db/client';
import { AGENT_TOKEN_SELECT, toAgentTokenDto } from './agent-token-dto';
import { newRequestId } from '@/lib/server/ids';

export async function createAgentToken({ actor, ...raw }: TCreateAgentTokenInput & { actor: Actor }): Promise<{ token: string; record: TAgentTokenDto }> {
  const input = ZCreateAgentTokenInput.parse(raw);
  assertCan(actor, 'agent_token.manage', { tenantId: input.tenantId });
  const db = await getDb();
  const generated = generateAgentToken();
  const created = await db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, slug: true } });
    if (!tenant) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    if (input.teamId && !(await tx.team.findFirst({ where: { id: input.teamId, tenantId: tenant.id }, select: { id: true } }))) {
      throw new AppError('VALIDATION', { userMessage: 'This team does not belong to the tenant.', fieldErrors: { teamId: ['Unknown team for this tenant.'] } });
    }
    if (input.userId && !(await tx.user.findFirst({ where: { id: input.userId, tenantId: tenant.id }, select: { id: true } }))) {
      throw new AppError('VALIDATION', { userMessage: 'This user does not belong to the tenant.', fieldErrors: { userId: ['Unknown user for this tenant.'] } });
    }
    if (input.scopes.length) {
      const known = await tx.tool.findMany({ where: { slug: { in: input.scopes } }, select: { slug: true } });
      const unknown = input.scopes.filter((s) => !known.some((k) => k.slug === s));
      if (unknown.length) throw new AppError('VALIDATION', { userMessage: `Unknown tool in scopes: ${unknown.join(', ')}.`, fieldErrors: { scopes: [`Unknown tool: ${unknown.join(', ')}.`] } });
    }
    const ms = input.expiresIn ? parseDuration(input.expiresIn) : null;
    const row = await tx.agentToken.create({
      data: {
        tenantId: tenant.id, teamId: input.teamId ?? null, userId: input.userId ?? null, name: input.name,
        prefix: generated.prefix, tokenHash: generated.hash, scopes: input.scopes,
        requestsPerMinute: input.requestsPerMinute ?? null, callsPerDay: input.callsPerDay ?? null,
        expiresAt: ms ? new Date(Date.now() + ms) : null,
        createdById: actor.kind === 'user' ? actor.id : null,
      },
      // Scalars only inside the transaction: Prisma loads a select's relations with concurrent queries, which on the
      // transaction's single connection pg deprecates (and pg 9 refuses). The DTO is read once committed.
      select: { id: true, name: true, prefix: true, teamId: true, userId: true, scopes: true, expiresAt: true },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'agent_token.created', resourceType: 'agent_token', resourceId: row.id,
      details: { name: row.name, prefix: row.prefix, teamId: row.teamId, userId: row.userId, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null },
      resourcesTouched: [`tenant:${tenant.slug}`, `agent_token:${row.id}`],
    });
    return row;
  });
  const record = await db.agentToken.findUniqueOrThrow({ where: { id: created.id }, select: AGENT_TOKEN_SELECT });
  return { token: generated.token, record: toAgentTokenDto(record) };
}
