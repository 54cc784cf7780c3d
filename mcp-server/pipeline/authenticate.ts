import 'server-only';
// Step 1: who is calling. A Bearer agent token, looked up by its SHA-256 (the token itself is never stored).
// Unknown, expired and revoked tokens are refused alike; the reason is kept for the audit only.
import type { Actor } from '@/lib/policy';
import { sha256, TOKEN_PREFIX } from '@/lib/server/crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { mcpConfig } from '@/mcp-server/config';
import { TtlCache } from './ttl-cache';

export interface McpCaller {
  tokenId: string;
  tokenName: string;
  tenant: { id: string; slug: string; name: string };
  teamId: string | null;
  teamIds: string[];
  userId: string | null;
  scopes: string[];
  limits: { requestsPerMinute: number | null; callsPerDay: number | null };
  lastUsedAt: Date | null;
  actor: Actor;
}

export type AuthResult = { ok: true; caller: McpCaller } | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked'; tenantId: string | null; tokenId: string | null };

let tokens: TtlCache<string, Awaited<ReturnType<typeof findToken>>> | null = null;

function findToken(db: PrismaClient, tokenHash: string) {
  return db.agentToken.findUnique({
    where: { tokenHash },
    select: {
      id: true, name: true, tenantId: true, teamId: true, userId: true, scopes: true, requestsPerMinute: true, callsPerDay: true,
      expiresAt: true, revokedAt: true, lastUsedAt: true,
      tenant: { select: { id: true, slug: true, name: true } },
      user: { select: { teams: { select: { teamId: true } } } },
    },
  });
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

export async function authenticate(db: PrismaClient, authorization: string | null, ip: string | null, now = new Date()): Promise<AuthResult> {
  if (!authorization) return { ok: false, reason: 'missing', tenantId: null, tokenId: null };
  const m = BEARER.exec(authorization);
  if (!m || !m[1]!.startsWith(TOKEN_PREFIX) || m[1]!.length > 200) return { ok: false, reason: 'malformed', tenantId: null, tokenId: null };
  const hash = sha256(m[1]!);
  tokens ??= new TtlCache(mcpConfig().policyCacheMs);
  const row = await tokens.get(hash, () => findToken(db, hash));
  if (!row) return { ok: false, reason: 'unknown', tenantId: null, tokenId: null };
  if (row.revokedAt) return { ok: false, reason: 'revoked', tenantId: row.tenantId, tokenId: row.id };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: 'expired', tenantId: row.tenantId, tokenId: row.id };
  // A token carries its team's activations, or the teams of the user whose rights it carries.
  const teamIds = row.teamId ? [row.teamId] : (row.user?.teams.map((t) => t.teamId) ?? []);
  return {
    ok: true,
    caller: {
      tokenId: row.id, tokenName: row.name, tenant: row.tenant, teamId: row.teamId, teamIds, userId: row.userId, scopes: row.scopes,
      limits: { requestsPerMinute: row.requestsPerMinute, callsPerDay: row.callsPerDay }, lastUsedAt: row.lastUsedAt,
      actor: { kind: 'agent', id: row.id, label: `token:${row.name}`, tenantId: row.tenantId, teamIds, roles: [], via: 'mcp', ip, tokenId: row.id, scopes: row.scopes },
    },
  };
}
