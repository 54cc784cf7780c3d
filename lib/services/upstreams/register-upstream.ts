import 'server-only';
// Register a Streamable HTTP MCP server, for one tenant (its admins or platform admins) or platform-wide (platform
// admins only). Its namespace names its tools in the catalogue and cannot change afterwards. Nothing is contacted
// here: "Discover" reads what it offers. Audited with the credential's name, never its value.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZRegisterUpstreamInput, type TRegisterUpstreamInput } from '@/lib/schemas/upstreams';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { storeUpstreamCredential } from './store-credential';

export async function registerUpstream({ actor, ...raw }: TRegisterUpstreamInput & { actor: Actor }): Promise<{ id: string; namespace: string }> {
  const input = parseInput(ZRegisterUpstreamInput, raw);
  assertCan(actor, 'upstream.manage', { tenantId: input.tenantId });
  if (input.credential && !input.secretName) {
    throw new AppError('VALIDATION', { userMessage: 'Name the secret the credential is stored as.', fieldErrors: { secretName: ['Enter a secret name, e.g. CRM_TOKEN.'] } });
  }
  if (input.credential && input.tenantId === null) {
    throw new AppError('VALIDATION', { userMessage: 'A platform-wide server has no credential of its own: each tenant calls it with its own secret.', fieldErrors: { credential: ['Leave empty for a platform-wide server.'] } });
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (input.tenantId && !(await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } }))) {
      throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    }
    if (await tx.upstreamServer.findFirst({ where: { namespace: input.namespace }, select: { id: true } })) {
      throw new AppError('CONFLICT', { userMessage: `The namespace "${input.namespace}" is already used by another upstream server.`, fieldErrors: { namespace: ['Choose another namespace.'] } });
    }
    const s = await tx.upstreamServer.create({
      data: {
        tenantId: input.tenantId, name: input.name, namespace: input.namespace, url: input.url, description: input.description, timeoutMs: input.timeoutMs,
        secretName: input.secretName ?? null, transport: 'streamable_http', status: 'pending', createdById: actor.kind === 'user' ? actor.id : null,
      },
      select: { id: true, namespace: true },
    });
    if (input.credential && input.tenantId && input.secretName) await storeUpstreamCredential(tx, actor, input.tenantId, input.namespace, input.secretName, input.credential);
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'upstream.registered', resourceType: 'upstream_server', resourceId: s.id, tenantId: input.tenantId,
      details: { name: input.name, namespace: input.namespace, url: input.url, timeoutMs: input.timeoutMs, secretName: input.secretName ?? null, platformWide: input.tenantId === null },
      resourcesTouched: [`upstream:${input.namespace}`],
    });
    return { id: s.id, namespace: s.namespace! };
  });
}
