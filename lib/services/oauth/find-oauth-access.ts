import 'server-only';
// /mcp's view of an OAuth access token: the token is looked up by its SHA-256 (never stored), must be unexpired,
// bound to this resource (RFC 8707 audience) and belong to a live connection. It resolves to the connection's backing
// agent token, which /mcp then authenticates like any agent token (tenant suspension, user deactivation, revocation),
// with the tools narrowed to the token's scopes and the audit actor "user via client".
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { choiceScopes, parseToolsScope, toolsForScopes } from '@/lib/schemas/oauth';
import { recordId } from '@/lib/server/oauth/adapter';

export type OAuthAccess =
  | { ok: true; tokenHash: string; scopes: string[]; label: string; clientName: string; connectionId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'wrong_audience' | 'insufficient_scope' };

interface AccessTokenPayload {
  accountId?: string;
  grantId?: string;
  scope?: string;
  aud?: string | string[];
}

export async function findOAuthAccess(db: PrismaClient, token: string, resource: string, now = new Date()): Promise<OAuthAccess> {
  const row = await db.oAuthRecord.findUnique({ where: { kind_id: { kind: 'AccessToken', id: recordId(token) } }, select: { payload: true, expiresAt: true } });
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: 'expired' };
  const p = row.payload as AccessTokenPayload;
  const aud = Array.isArray(p.aud) ? p.aud : p.aud ? [p.aud] : [];
  if (!aud.includes(resource)) return { ok: false, reason: 'wrong_audience' };
  if (!p.grantId || !p.accountId) return { ok: false, reason: 'unknown' };
  const conn = await db.oAuthConnection.findUnique({
    where: { grantId: p.grantId },
    select: { id: true, userId: true, clientName: true, revokedAt: true, scopes: true, agentToken: { select: { tokenHash: true } } },
  });
  if (!conn || conn.userId !== p.accountId) return { ok: false, reason: 'unknown' };
  if (conn.revokedAt) return { ok: false, reason: 'revoked' };

  // The token's scopes and the user's choice (tool slugs and groups; empty: every tool the user may use) narrow
  // each other. Groups resolve against the catalogue now, so a tool added to a chosen category later is included;
  // /mcp then keeps only the tools the user may use (activation). Something that names no tool grants nothing.
  const scopes = (p.scope ?? '').split(' ').filter(Boolean);
  const chosen = choiceScopes(conn.scopes);
  const named = [...scopes, ...chosen].map(parseToolsScope);
  const catalogue = named.some((s) => s?.kind === 'group')
    ? await db.tool.findMany({ select: { slug: true, category: true } })
    : [...new Set(named.flatMap((s) => (s?.kind === 'tool' ? [s.slug] : [])))].map((slug) => ({ slug, category: '' }));
  const byToken = toolsForScopes(scopes, catalogue);
  const byChoice = chosen.length ? toolsForScopes(chosen, catalogue) : { all: true, slugs: [] };
  let slugs: string[] = [];
  if (!byToken.all || !byChoice.all) {
    slugs = byToken.all ? byChoice.slugs : byChoice.all ? byToken.slugs : byToken.slugs.filter((s) => byChoice.slugs.includes(s));
    if (!slugs.length) return { ok: false, reason: 'insufficient_scope' };
  }
  const user = await db.user.findUnique({ where: { id: conn.userId }, select: { email: true } });
  return { ok: true, tokenHash: conn.agentToken.tokenHash, scopes: slugs, label: `${user?.email ?? conn.userId} via ${conn.clientName}`, clientName: conn.clientName, connectionId: conn.id };
}
