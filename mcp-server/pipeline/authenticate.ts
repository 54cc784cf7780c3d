import 'server-only';
// Step 1: who is calling. A Bearer agent token, looked up by its SHA-256 (the token itself is never stored).
// Unknown, expired and revoked tokens are refused alike; the reason is kept for the audit only.
import type { Actor } from '@/lib/policy';
import { sha256, TOKEN_PREFIX } from '@/lib/server/crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { mcpConfig } from '@/mcp-server/config';
import { mcpResource } from '@/lib/server/oauth/config';
import { findOAuthAccess, type OAuthAccess } from '@/lib/services/oauth/find-oauth-access';
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
  /** A portal "Try it" token (lib/services/sandbox): its calls are audited with details.sandbox = true. */
  sandbox?: boolean;
}

export type AuthResult = { ok: true; caller: McpCaller } | { ok: false; reason: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' | 'wrong_audience' | 'insufficient_scope'; tenantId: string | null; tokenId: string | null };

let tokens: TtlCache<string, Awaited<ReturnType<typeof findToken>>> | null = null;
let oauthTokens: TtlCache<string, OAuthAccess> | null = null;

/** What a token row must hold to become a caller (also read by the execution of approved calls). */
export const TOKEN_SELECT = {
  id: true, name: true, tenantId: true, teamId: true, userId: true, scopes: true, requestsPerMinute: true, callsPerDay: true,
  expiresAt: true, revokedAt: true, lastUsedAt: true, sandbox: true,
  tenant: { select: { id: true, slug: true, name: true, suspendedAt: true } },
  user: { select: { teams: { select: { teamId: true } }, disabled: true } },
} satisfies Prisma.AgentTokenSelect;
type TokenRow = Prisma.AgentTokenGetPayload<{ select: typeof TOKEN_SELECT }>;

function findToken(db: PrismaClient, tokenHash: string) {
  return db.agentToken.findUnique({ where: { tokenHash }, select: TOKEN_SELECT });
}

/** The caller a valid token stands for: it carries its team's activations, or the teams of the user it acts for. */
export function callerOf(row: TokenRow, ip: string | null): McpCaller {
  const teamIds = row.teamId ? [row.teamId] : (row.user?.teams.map((t) => t.teamId) ?? []);
  return {
    tokenId: row.id, tokenName: row.name, tenant: { id: row.tenant.id, slug: row.tenant.slug, name: row.tenant.name }, teamId: row.teamId, teamIds, userId: row.userId, scopes: row.scopes,
    limits: { requestsPerMinute: row.requestsPerMinute, callsPerDay: row.callsPerDay }, lastUsedAt: row.lastUsedAt, sandbox: row.sandbox,
    actor: { kind: 'agent', id: row.id, label: `token:${row.name}`, tenantId: row.tenantId, teamIds, roles: [], via: 'mcp', ip, tokenId: row.id, scopes: row.scopes },
  };
}

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

export async function authenticate(db: PrismaClient, authorization: string | null, ip: string | null, now = new Date()): Promise<AuthResult> {
  if (!authorization) return { ok: false, reason: 'missing', tenantId: null, tokenId: null };
  const m = BEARER.exec(authorization);
  if (!m || m[1]!.length > 200) return { ok: false, reason: 'malformed', tenantId: null, tokenId: null };
  // An OAuth access token (lib/services/oauth) resolves to its connection's backing agent token, checked below alike.
  let oauth: OAuthAccess | null = null;
  let hash = sha256(m[1]!);
  if (!m[1]!.startsWith(TOKEN_PREFIX)) {
    oauthTokens ??= new TtlCache(mcpConfig().policyCacheMs);
    const raw = m[1]!;
    oauth = await oauthTokens.get(hash, () => findOAuthAccess(db, raw, mcpResource(), now));
    if (!oauth.ok) return { ok: false, reason: oauth.reason, tenantId: null, tokenId: null };
    hash = oauth.tokenHash;
  }
  tokens ??= new TtlCache(mcpConfig().policyCacheMs);
  const row = await tokens.get(hash, () => findToken(db, hash));
  if (!row) return { ok: false, reason: 'unknown', tenantId: null, tokenId: null };
  if (row.revokedAt) return { ok: false, reason: 'revoked', tenantId: row.tenantId, tokenId: row.id };
  // A suspended tenant's tokens and a deactivated user's tokens are answered like revoked ones (within the cache's TTL).
  if (row.tenant.suspendedAt || row.user?.disabled) return { ok: false, reason: 'revoked', tenantId: row.tenantId, tokenId: row.id };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: 'expired', tenantId: row.tenantId, tokenId: row.id };
  const caller = callerOf(row, ip);
  if (!oauth?.ok) return { ok: true, caller };
  // Through an MCP client the user connected: the token's tools, audited as "user via client".
  return { ok: true, caller: { ...caller, scopes: oauth.scopes, actor: { ...caller.actor, label: oauth.label, scopes: oauth.scopes } } };
}
