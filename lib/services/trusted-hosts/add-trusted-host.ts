import 'server-only';
// A platform admin trusts a private destination (exact host, IP or CIDR), platform-wide or for one tenant: upstream
// MCP servers and declarative HTTP tools may then reach it (http_fetch never). Audited.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZAddTrustedHostInput, type TAddTrustedHostInput } from '@/lib/schemas/trusted-hosts';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function addTrustedHost({ actor, ...raw }: TAddTrustedHostInput & { actor: Actor }): Promise<{ id: string; pattern: string }> {
  const input = parseInput(ZAddTrustedHostInput, raw);
  assertCan(actor, 'trusted_host.manage', { tenantId: input.tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (input.tenantId && !(await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } }))) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    if (await tx.trustedHost.findFirst({ where: { tenantId: input.tenantId, pattern: input.pattern }, select: { id: true } })) {
      throw new AppError('CONFLICT', { userMessage: `${input.pattern} is already trusted ${input.tenantId ? 'for this tenant' : 'platform-wide'}.`, fieldErrors: { pattern: ['Already on the list.'] } });
    }
    const row = await tx.trustedHost.create({ data: { tenantId: input.tenantId, pattern: input.pattern, note: input.note, createdById: actor.kind === 'user' ? actor.id : null }, select: { id: true, pattern: true } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'trusted_host.added', resourceType: 'trusted_host', resourceId: row.id, tenantId: input.tenantId,
      details: { pattern: input.pattern, note: input.note, platformWide: input.tenantId === null },
    });
    return row;
  });
}
