// Agent tokens: what an agent presents to /mcp (Authorization: Bearer). Isomorphic: drives the Settings form,
// the server action, the CLI and the REST route.
import { z } from 'zod';

const DURATION = /^(\d{1,5})([hdw])$/;
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** "12h", "30d", "4w" → milliseconds; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n * UNIT_MS[m[2] as keyof typeof UNIT_MS] : null;
}

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().min(1).optional());
const optionalLimit = (what: string) =>
  z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v) : v),
    z.number({ error: `${what} must be a whole number.` }).int(`${what} must be a whole number.`).min(1, `${what} must be at least 1.`).max(1_000_000, `${what} must be at most 1,000,000.`).optional(),
  );

export const ZAgentTokenScopes = z.preprocess(
  (v) => {
    const arr = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\s,]+/) : v;
    return Array.isArray(arr) ? [...new Set(arr.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== ''))] : arr;
  },
  // Upstream MCP tools are named <namespace>.<remote name> (lib/services/upstreams).
  z.array(z.string().regex(/^[a-z][a-z0-9_]{1,63}(\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63})?$/, 'Scopes are tool slugs such as kb_search or crm.search_contacts.')).max(100, 'At most 100 scopes.'),
);

export const ZCreateAgentTokenInput = z.object({
  tenantId: z.string().min(1).describe('Tenant the token belongs to'),
  name: z.string().trim().min(2, 'Give the token a name of at least 2 characters.').max(80, 'Keep the name under 80 characters.').regex(/^[\w .:@/-]+$/, 'Use letters, digits, spaces and . _ - : @ / only.').describe('Name of the agent, e.g. support-bot'),
  teamId: optionalId.describe('Team whose activations the token carries'),
  userId: optionalId.describe('User whose rights the token carries'),
  scopes: ZAgentTokenScopes.default([]).describe('Tool slugs the token may use; empty: every tool the tenant has'),
  expiresIn: z
    .preprocess((v) => (v === '' || v === null ? undefined : v), z.string().refine((s) => parseDuration(s) !== null, 'Expiry must look like 12h, 30d or 4w.').optional())
    .describe('Lifetime such as 30d; empty: does not expire'),
  requestsPerMinute: optionalLimit('Requests per minute'),
  callsPerDay: optionalLimit('Calls per day'),
});
export type TCreateAgentTokenInput = z.input<typeof ZCreateAgentTokenInput>;

export const ZRevokeAgentTokenInput = z.object({ tenantId: z.string().min(1), tokenId: z.string().min(1) });
export type TRevokeAgentTokenInput = z.infer<typeof ZRevokeAgentTokenInput>;

export const ZAgentTokenDto = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  prefix: z.string(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  user: z.object({ id: z.string(), email: z.string() }).nullable(),
  scopes: z.array(z.string()),
  requestsPerMinute: z.number().int().nullable(),
  callsPerDay: z.number().int().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type TAgentTokenDto = z.infer<typeof ZAgentTokenDto>;
