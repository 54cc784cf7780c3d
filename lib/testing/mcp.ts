// Integration-test harness for /mcp: the SDK's real client, talking to handleMcpRequest in-process through the
// transport's fetch hook (the same Request/Response path the Next route uses), and token helpers.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { createAgentToken } from '@/lib/services/agent-tokens/create-agent-token';
import { handleMcpRequest, type McpDeps } from '@/mcp-server/http';
import type { ProtocolEra } from '@/mcp-server/server';

export const MCP_URL = 'http://localhost/mcp';

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'test', label: 'test', tenantId: null, teamIds: [], roles: ['platform_admin'], via: 'cli', ip: null };

export const inProcessFetch = (url: string | URL, init?: RequestInit) => handleMcpRequest(new Request(url, init));

export async function tokenFor(tenantSlug: string, opts: { name?: string; team?: string; scopes?: string[]; requestsPerMinute?: number; callsPerDay?: number } = {}): Promise<{ token: string; id: string }> {
  const db = await getDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: tenantSlug } });
  const team = opts.team ? await db.team.findFirstOrThrow({ where: { tenantId: tenant.id, name: { equals: opts.team, mode: 'insensitive' } } }) : null;
  const { token, record } = await createAgentToken({
    actor: SYSTEM_ACTOR, tenantId: tenant.id, name: opts.name ?? `it-${Math.random().toString(36).slice(2, 8)}`, teamId: team?.id,
    scopes: opts.scopes ?? [], requestsPerMinute: opts.requestsPerMinute, callsPerDay: opts.callsPerDay,
  });
  return { token, id: record.id };
}

/** The protocol eras /mcp serves: 2025 revisions (initialize handshake) and 2026-07-28 (per-request envelope). */
export const ERAS: readonly Era[] = ['legacy', 'modern'];
export type Era = ProtocolEra;

/**
 * An SDK (v2) client on /mcp, speaking the given era: 'legacy' runs the 2025 initialize handshake, 'modern' pins
 * 2026-07-28 (server/discover, then a per-request envelope). `deps.db` stands for another app instance (its own
 * connection pool) on the same database.
 */
export async function connect(token: string, deps: McpDeps & { era?: Era } = {}): Promise<Client> {
  const { era = 'legacy', ...instance } = deps;
  const client = new Client({ name: 'integration-test', version: '1.0.0' }, era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
  const fetch = (url: string | URL, init?: RequestInit) => handleMcpRequest(new Request(url, init), instance);
  const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), { fetch, requestInit: { headers: { authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  return client;
}

/** A raw POST to /mcp (for the protocol-level error cases a client library would never send). */
export function rawPost(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return handleMcpRequest(new Request(MCP_URL, { method: 'POST', body, headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }));
}
