// OAuth for MCP clients: the scope vocabulary, the client-metadata policy (DCR, CIMD, pre-registered clients) and the
// consent and connection inputs. Isomorphic: the consent form, the server actions and the authorization server share it.
import { z } from 'zod';

/** Every tool the user may use (follows the user's activation over time). */
export const SCOPE_ALL_TOOLS = 'mcp:tools';
const TOOL_PREFIX = 'tool:';
const GROUP_PREFIX = 'tools:group:';

export function toolScope(slug: string): string {
  return `${TOOL_PREFIX}${slug}`;
}

/** A catalogue category as a scope token (RFC 6749 scope tokens have no spaces). */
export function groupKey(category: string): string {
  return category.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'other';
}
/** "All tools of a catalogue category that the user may use", resolved when the token is used (tools:group:<key>). */
export function groupScope(category: string): string {
  return `${GROUP_PREFIX}${groupKey(category)}`;
}

export const ZToolSlug = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'Unknown tool.');
export const ZGroupKey = z.string().max(64, 'Unknown tool group.').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Unknown tool group.');

/** One tool scope token: every tool, one tool (`tool:<slug>`) or one catalogue group (`tools:group:<key>`). */
export const ZToolsScope = z.union([
  z.literal(SCOPE_ALL_TOOLS).transform(() => ({ kind: 'all' as const })),
  z.string().startsWith(TOOL_PREFIX).transform((s) => s.slice(TOOL_PREFIX.length)).pipe(ZToolSlug).transform((slug) => ({ kind: 'tool' as const, slug })),
  z.string().startsWith(GROUP_PREFIX).transform((s) => s.slice(GROUP_PREFIX.length)).pipe(ZGroupKey).transform((key) => ({ kind: 'group' as const, key })),
]);
export type TToolsScope = z.output<typeof ZToolsScope>;

/** A scope token as a tools scope; null for anything else (OpenID scopes, unknown or malformed tokens). */
export function parseToolsScope(scope: string): TToolsScope | null {
  const parsed = ZToolsScope.safeParse(scope);
  return parsed.success ? parsed.data : null;
}

/**
 * A connection's stored choice (a tool slug or a group scope per entry; the agent token backing the connection holds
 * the same list) as scope tokens.
 */
export function choiceScopes(entries: readonly string[]): string[] {
  return entries.map((e) => (e.startsWith(GROUP_PREFIX) ? e : toolScope(e)));
}

/** How a stored choice entry reads for a person ("All data tools" for a group). */
export function choiceLabel(entry: string): string {
  return entry.startsWith(GROUP_PREFIX) ? `All ${entry.slice(GROUP_PREFIX.length)} tools` : entry;
}

export interface ScopeTool {
  slug: string;
  category: string;
}

/**
 * The tool slugs a set of scopes names among `tools` (the tools the user may use): never more than those.
 * `all: true` when the scopes ask for every tool the user may use. A group or tool that names none of `tools` grants nothing.
 */
export function toolsForScopes(scopes: Iterable<string>, tools: readonly ScopeTool[]): { all: boolean; slugs: string[] } {
  const slugs = new Set<string>();
  const groups = new Set<string>();
  for (const s of scopes) {
    const parsed = parseToolsScope(s);
    if (parsed?.kind === 'all') return { all: true, slugs: tools.map((t) => t.slug) };
    if (parsed?.kind === 'tool') slugs.add(parsed.slug);
    if (parsed?.kind === 'group') groups.add(parsed.key);
  }
  return { all: false, slugs: tools.filter((t) => slugs.has(t.slug) || groups.has(groupKey(t.category))).map((t) => t.slug) };
}

/** What an authorization request asks for, as the consent form's initial choice: named tools and named groups. */
export function requestedChoice(scopes: Iterable<string>, tools: readonly ScopeTool[]): { all: boolean; slugs: string[]; groups: string[] } {
  const parsed = [...scopes].map(parseToolsScope);
  if (parsed.some((p) => p?.kind === 'all')) return { all: true, slugs: [], groups: [] };
  const keys = new Set(tools.map((t) => groupKey(t.category)));
  return {
    all: false,
    slugs: parsed.flatMap((p) => (p?.kind === 'tool' && tools.some((t) => t.slug === p.slug) ? [p.slug] : [])),
    groups: [...new Set(parsed.flatMap((p) => (p?.kind === 'group' && keys.has(p.key) ? [p.key] : [])))],
  };
}

/** The catalogue groups among `tools` (only categories holding at least one of them), in the tools' order. */
export function toolGroups(tools: readonly ScopeTool[]): { key: string; category: string; slugs: string[] }[] {
  const m = new Map<string, { key: string; category: string; slugs: string[] }>();
  for (const t of tools) {
    const key = groupKey(t.category);
    const g = m.get(key) ?? { key, category: t.category, slugs: [] };
    g.slugs.push(t.slug);
    m.set(key, g);
  }
  return [...m.values()];
}

/** The scopes a resource server may grant for these catalogue tools. */
export function scopesForCatalogue(tools: readonly ScopeTool[]): string[] {
  return [SCOPE_ALL_TOOLS, ...new Set(tools.map((t) => groupScope(t.category))), ...tools.map((t) => toolScope(t.slug))];
}

// ─── client metadata policy (RFC 7591 registration, Client ID Metadata Documents, pre-registered clients) ───

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'about:', 'ftp:', 'ws:', 'wss:']);

/** https anywhere; http only on a loopback host (RFC 8252 native clients); a private-use scheme for native apps. */
export function redirectUriProblem(uri: string): string | null {
  if (uri.length > 2000) return 'A redirect URI must be at most 2000 characters.';
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return `"${uri.slice(0, 100)}" is not a valid URL.`;
  }
  if (u.hash || uri.includes('#')) return 'A redirect URI must not contain a fragment (#).';
  if (u.username || u.password) return 'A redirect URI must not contain a user name or password.';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:') return LOOPBACK_HOSTS.has(u.hostname) ? null : 'Plain http redirect URIs are only allowed on a loopback address (localhost, 127.0.0.1, [::1]).';
  if (FORBIDDEN_SCHEMES.has(u.protocol)) return `The ${u.protocol.slice(0, -1)} scheme is not allowed in a redirect URI.`;
  if (!/^[a-z][a-z0-9+.-]*:$/.test(u.protocol)) return 'A redirect URI needs a valid scheme.';
  return null;
}

const httpsUrl = (what: string) =>
  z
    .string({ error: `${what} must be a URL.` })
    .max(2000, `${what} must be at most 2000 characters.`)
    .refine((v) => URL.canParse(v) && new URL(v).protocol === 'https:', `${what} must be an https URL.`);

/** What we accept from a registering client on top of the library's own checks (enforced for every kind of client). */
export const ZOAuthClientMetadataPolicy = z.object({
  redirect_uris: z
    .array(z.string({ error: 'Each redirect URI must be a string.' }), { error: 'redirect_uris must be a list of URLs.' })
    .min(1, 'Register at least one redirect URI.')
    .max(10, 'Register at most 10 redirect URIs.')
    .superRefine((uris, ctx) => {
      for (const uri of uris) {
        const problem = redirectUriProblem(uri);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  client_name: z
    .string({ error: 'client_name must be text.' })
    .trim()
    .min(1, 'client_name must not be empty.')
    .max(100, 'client_name must be at most 100 characters.')
    .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), 'client_name must not contain control characters or < >.')
    .optional(),
  grant_types: z
    .array(z.enum(['authorization_code', 'refresh_token'], { error: 'Only the authorization_code and refresh_token grant types are supported.' }))
    .optional(),
  response_types: z.array(z.literal('code', { error: 'Only the code response type is supported.' })).optional(),
  token_endpoint_auth_method: z
    .enum(['none', 'client_secret_basic', 'client_secret_post'], { error: 'token_endpoint_auth_method must be none, client_secret_basic or client_secret_post.' })
    .optional(),
  client_uri: httpsUrl('client_uri').optional(),
  logo_uri: httpsUrl('logo_uri').optional(),
  policy_uri: httpsUrl('policy_uri').optional(),
  tos_uri: httpsUrl('tos_uri').optional(),
});

/** The first problem of a client's metadata, written for a person; null when it passes the policy. */
export function clientMetadataProblem(metadata: Record<string, unknown>): string | null {
  const parsed = ZOAuthClientMetadataPolicy.safeParse(metadata);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const field = issue.path[0];
  return field && !issue.message.includes(String(field)) ? `${String(field)}: ${issue.message}` : issue.message;
}

// ─── portal inputs ───

export const ZConsentDecisionInput = z.object({
  uid: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, 'This authorization request is not valid.').describe('Interaction id of the authorization request'),
  decision: z.enum(['allow', 'deny'], { error: 'Choose Allow or Deny.' }),
  all: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).default(false).describe('Grant every tool the user may use'),
  tools: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(ZToolSlug).max(500))
    .default([])
    .describe('Tool slugs chosen by the user'),
  groups: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(ZGroupKey).max(100))
    .default([])
    .describe('Catalogue groups chosen by the user: every tool of the category the user may use, now and later'),
});
export type TConsentDecisionInput = z.input<typeof ZConsentDecisionInput>;

export const ZRevokeConnectionInput = z.object({ connectionId: z.string().min(1, 'Choose a connection to revoke.').max(64) });

export const ZCreateOAuthClientInput = z.object({
  clientName: z.string().trim().min(2, 'Give the client a name of at least 2 characters.').max(100, 'Keep the name under 100 characters.'),
  redirectUris: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/\s+/).filter(Boolean) : v),
    z.array(z.string()).min(1, 'Give at least one redirect URI.').max(10, 'At most 10 redirect URIs.').superRefine((uris, ctx) => {
      for (const uri of uris) {
        const problem = redirectUriProblem(uri);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  ),
  confidential: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).default(false).describe('Issue a client secret (server-side clients)'),
});
export type TCreateOAuthClientInput = z.input<typeof ZCreateOAuthClientInput>;

export interface TOAuthConnectionDto {
  id: string;
  clientId: string;
  clientName: string;
  user: { id: string; name: string; email: string };
  tools: string[] | 'all';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TOAuthClientDto {
  clientId: string;
  clientName: string;
  redirectUris: string[];
  kind: 'pre-registered' | 'dynamic';
  confidential: boolean;
  createdAt: string | null;
}

export const ZListOAuthConnectionsInput = z.object({
  q: z.string().trim().max(100, 'Keep the search under 100 characters.').optional().describe('Client name or user e-mail contains'),
  status: z.enum(['active', 'revoked', 'all']).default('active'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TListOAuthConnectionsInput = z.input<typeof ZListOAuthConnectionsInput>;
