import 'server-only';
// For the upstream MCP executor (inside the /mcp pipeline): where and how to reach an upstream server on behalf of
// a tenant, or null when the server is unknown or belongs to another tenant (answered alike). The credential is
// the tenant's encrypted secret named by the server (stored under `upstream:<namespace>`), decrypted here and
// handed only to our MCP client. A platform-wide server is called with the calling tenant's own credential (set in
// Settings → Upstream credentials), never another tenant's.
import { ZUpstreamDiscovery, type TUpstreamDiscovery } from '@/lib/schemas/upstreams';
import { getDb } from '@/lib/server/db/client';
import { getSecretValue } from '@/lib/services/secrets/get-secret-value';
import { upstreamSecretScope } from './shared';

export interface UpstreamForCall {
  id: string;
  name: string;
  namespace: string;
  url: string;
  timeoutMs: number;
  credential: string | null;
  /** The secret the server needs (null: none); with `credential` null, this tenant has not set it. */
  secretName: string | null;
  /** Serves every tenant (each with its own credential), rather than one tenant. */
  platformWide: boolean;
  /** What the last discovery found (federated resources and prompts are served from it). */
  discovery: TUpstreamDiscovery;
}

export async function getUpstreamForCall(upstreamServerId: string, tenantId: string): Promise<UpstreamForCall | null> {
  const db = await getDb();
  const s = await db.upstreamServer.findUnique({
    where: { id: upstreamServerId },
    select: { id: true, name: true, namespace: true, url: true, timeoutMs: true, tenantId: true, secretName: true, discovery: true },
  });
  if (!s || (s.tenantId !== null && s.tenantId !== tenantId) || !s.namespace) return null;
  const credential = s.secretName ? await getSecretValue(tenantId, upstreamSecretScope(s.namespace), s.secretName) : null;
  const discovery = ZUpstreamDiscovery.safeParse(s.discovery);
  return { id: s.id, name: s.name, namespace: s.namespace, url: s.url, timeoutMs: s.timeoutMs, credential, secretName: s.secretName, platformWide: s.tenantId === null, discovery: discovery.success ? discovery.data : { tools: [], resources: [], resourceTemplates: [], prompts: [] } };
}

/**
 * Why this tenant cannot reach the server (it needs a credential the tenant has not set), as the tail of a sentence
 * written for the agent and the tenant admin; null when nothing is missing. Tool calls, resource reads and prompt
 * renders all refuse with it, before anything is sent upstream.
 */
export function missingCredential(s: Pick<UpstreamForCall, 'secretName' | 'credential' | 'platformWide' | 'name'>): string | null {
  if (!s.secretName || s.credential) return null;
  const where = s.platformWide ? 'in Settings → Upstream credentials' : 'on the server\'s page under Upstream servers';
  return `your tenant has no credential (${s.secretName}) for the upstream server "${s.name}"; a tenant admin must set it ${where}.`;
}
