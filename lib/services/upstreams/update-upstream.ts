import 'server-only';
// Edit an upstream server (name, URL, timeout, credential); its namespace and tenant stay. Audited with what changed.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZUpdateUpstreamInput, type TUpdateUpstreamInput } from '@/lib/schemas/upstreams';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadUpstreamForActor } from './load-upstream';
import { storeUpstreamCredential } from './store-credential';

export async function updateUpstream({ actor, ...raw }: TUpdateUpstreamInput & { actor: Actor }): Promise<{ id: string }> {
  const input = parseInput(ZUpdateUpstreamInput, raw);
  const s = await loadUpstreamForActor(actor, input.id, 'upstream.manage');
  const secretName = input.secretName ?? null;
  if (input.credential && !secretName) throw new AppError('VALIDATION', { userMessage: 'Name the secret the credential is stored as.', fieldErrors: { secretName: ['Enter a secret name, e.g. CRM_TOKEN.'] } });
  if (input.credential && s.tenantId === null) {
    throw new AppError('VALIDATION', { userMessage: 'A platform-wide server has no credential of its own: each tenant calls it with its own secret.', fieldErrors: { credential: ['Leave empty for a platform-wide server.'] } });
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.upstreamServer.findUniqueOrThrow({ where: { id: s.id }, select: { name: true, url: true, description: true, timeoutMs: true, secretName: true } });
    const after = { name: input.name, url: input.url, description: input.description, timeoutMs: input.timeoutMs, secretName };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
    // A new URL is a new server: its health is unknown until checked again.
    await tx.upstreamServer.update({ where: { id: s.id }, data: { ...after, ...(before.url !== after.url ? { status: 'pending', latencyMs: null, lastError: null } : {}) } });
    if (input.credential && s.tenantId && secretName) await storeUpstreamCredential(tx, actor, s.tenantId, s.namespace, secretName, input.credential);
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'upstream.updated', resourceType: 'upstream_server', resourceId: s.id, tenantId: s.tenantId,
      details: { namespace: s.namespace, changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])), credentialReplaced: Boolean(input.credential) },
      resourcesTouched: [`upstream:${s.namespace}`],
    });
    return { id: s.id };
  });
}
