import 'server-only';
// Step 1: who is calling. A Bearer agent token, looked up by its SHA-256 (the token itself is never stored).
// Unknown, expired and revoked tokens are refused alike; the reason is kept for the audit only.
import type { Actor } from '@/lib/policy';
import { sha256, TOKEN_PREFIX } from '@/lib/server/crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
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

/** What a token row must hold to become a caller (also read by the execution of approved calls). */
export const TOKEN_SELECT = {
  id: true, name: true, tenantId: true, teamId: true, userId: true, scopes: true, requestsPerMinute: true, callsPerDay: true,
  expiresAt: true, revokedAt: true, lastUsedAt: true,
  tenant: { select: { id: true, slug: true, name: true } },
  user: { select: { teams: { select: { teamId: true } } } },
} satisfies Prisma.AgentTokenSelect;
type TokenRow = Prisma.AgentTokenGetPayload<{ select: typeof TOKEN_SELECT }>;

function findToken(db: PrismaClient, tokenHash: string) {
  return db.agentToken.findUnique({ where: { tokenHash }, select: TOKEN_SELECT });
}

/** The caller a valid token stands for: it carries its team's activations, or the teams of the user it acts for. */
export function callerOf(row: TokenRow, ip: string | null): McpCaller {
  const teamIds = row.teamId ? [row.teamId] : (row.user?.teams.map((t) => t.teamId) ?? []);
  return {
    tokenId: row.id, tokenName: row.name, tenant: row.tenant, teamId: row.teamId, teamIds, userId: row.userId, scopes: row.scopes,
    limits: { requestsPerMinute: row.requestsPerMinute, callsPerDay: row.callsPerDay }, lastUsedAt: row.lastUsedAt,
    actor: { kind: 'agent', id: row.id, label: `token:${row.name}`, tenantId: row.tenantId, teamIds, roles: [], via: 'mcp', ip, tokenId: row.id, scopes: row.scopes },
  };
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
  return { ok: true, caller: callerOf(row, ip) };
}
