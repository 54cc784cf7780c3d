// Upstream MCP servers (federation): registration, edits and what the portal shows. Isomorphic: the same schemas
// drive the form, the server action, the route and the services.
import { z } from 'zod';
import { ZSecretName } from './tenant-policy';

export const UPSTREAM_TIMEOUT = { min: 500, max: 60_000, default: 10_000 } as const;

export const ZUpstreamNamespace = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,30}$/, 'The namespace must be 2–31 characters: lowercase letters, digits and "_", starting with a letter (e.g. crm).')
  .describe('Prefix of the server\'s tools in the catalogue: <namespace>.<remote tool name>');

export const ZUpstreamUrl = z
  .url({ protocol: /^https?$/, message: 'Enter the http(s) URL of the server\'s MCP endpoint, e.g. https://crm.example.com/mcp.' })
  .max(2048)
  .refine((u) => {
    const url = new URL(u);
    return !url.username && !url.password;
  }, 'The URL must not contain a user name or password: store the credential as a secret instead.')
  .describe('The server\'s Streamable HTTP MCP endpoint');

const ZTimeout = z.coerce
  .number({ message: 'Enter a time limit in milliseconds.' })
  .int('Whole milliseconds.')
  .min(UPSTREAM_TIMEOUT.min, `At least ${UPSTREAM_TIMEOUT.min} ms.`)
  .max(UPSTREAM_TIMEOUT.max, `At most ${UPSTREAM_TIMEOUT.max} ms.`)
  .describe('Time limit of one call, discovery or health check, in milliseconds');

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ZRegisterUpstreamInput = z.object({
  tenantId: z.preprocess(emptyToUndefined, z.string().min(1).nullable().default(null)).describe('The tenant it serves; empty for every tenant (platform-wide, platform admins only)'),
  name: z.string().trim().min(2, 'Enter a name of at least 2 characters.').max(80, 'At most 80 characters.').describe('Display name'),
  namespace: ZUpstreamNamespace,
  url: ZUpstreamUrl,
  description: z.string().trim().max(500, 'At most 500 characters.').default(''),
  timeoutMs: ZTimeout.default(UPSTREAM_TIMEOUT.default),
  secretName: z.preprocess(emptyToUndefined, ZSecretName.optional()).describe('Name of the tenant secret holding the server\'s bearer credential'),
  /** Write-only: stored encrypted as the tenant's secret `secretName`, never shown again. */
  credential: z.preprocess(emptyToUndefined, z.string().max(4096, 'At most 4096 characters.').optional()).describe('The credential value (stored encrypted, never shown again)'),
});
export type TRegisterUpstreamInput = z.input<typeof ZRegisterUpstreamInput>;

export const ZUpdateUpstreamInput = ZRegisterUpstreamInput.omit({ tenantId: true, namespace: true }).extend({ id: z.string().min(1) });
export type TUpdateUpstreamInput = z.input<typeof ZUpdateUpstreamInput>;

export const ZUpstreamIdInput = z.object({ id: z.string().min(1, 'Choose an upstream server.') });

export const UPSTREAM_STATUSES = ['pending', 'reachable', 'unreachable'] as const;

export const ZUpstreamFilters = z.object({
  q: z.string().trim().max(100).default(''),
  status: z.enum(UPSTREAM_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});
export type TUpstreamFilters = z.infer<typeof ZUpstreamFilters>;

export interface TUpstreamToolDto {
  slug: string;
  remoteName: string;
  lifecycle: string;
  servedVersion: number;
  quarantined: boolean;
}

export interface TUpstreamDto {
  id: string;
  tenantId: string | null;
  tenantName: string | null;
  name: string;
  namespace: string;
  url: string;
  description: string;
  timeoutMs: number;
  secretName: string | null;
  status: (typeof UPSTREAM_STATUSES)[number];
  latencyMs: number | null;
  lastCheckedAt: string | null;
  lastError: string | null;
  discovery: TUpstreamDiscovery;
  tools: TUpstreamToolDto[];
}

export const ZUpstreamDiscovery = z.object({
  at: z.string().optional(),
  tools: z.array(z.object({ name: z.string(), slug: z.string().nullable(), outcome: z.string() })).default([]),
  resources: z.array(z.object({ uri: z.string(), name: z.string(), mimeType: z.string().optional() })).default([]),
  resourceTemplates: z.array(z.object({ uriTemplate: z.string(), name: z.string(), description: z.string().optional(), mimeType: z.string().optional() })).default([]),
  prompts: z.array(z.object({
    name: z.string(), description: z.string().optional(),
    arguments: z.array(z.object({ name: z.string(), description: z.string().optional(), required: z.boolean().optional() })).optional(),
  })).default([]),
});
export type TUpstreamDiscovery = z.infer<typeof ZUpstreamDiscovery>;

/** A tenant's own credential for a platform-wide upstream server (Settings → Upstream credentials). Write-only. */
export const ZSetTenantUpstreamCredentialInput = z.object({
  tenantId: z.string().min(1),
  upstreamId: z.string().min(1, 'Choose an upstream server.'),
  value: z.string().min(1, 'Enter the credential.').max(4096, 'At most 4096 characters.').refine((v) => v.trim() === v && !/[\r\n]/.test(v), 'The credential must not start or end with spaces or contain line breaks.')
    .describe('The bearer credential this tenant calls the server with (stored encrypted, never shown again)'),
});
export type TSetTenantUpstreamCredentialInput = z.infer<typeof ZSetTenantUpstreamCredentialInput>;

export const ZRemoveTenantUpstreamCredentialInput = ZSetTenantUpstreamCredentialInput.pick({ tenantId: true, upstreamId: true });
export type TRemoveTenantUpstreamCredentialInput = z.infer<typeof ZRemoveTenantUpstreamCredentialInput>;

/** A platform-wide upstream server as a tenant's settings show it: whether this tenant has set its credential. */
export interface TTenantUpstreamCredentialDto {
  id: string;
  name: string;
  namespace: string;
  description: string;
  /** Name of the secret the server needs; null when it needs none. */
  secretName: string | null;
  status: (typeof UPSTREAM_STATUSES)[number];
  credential: { last4: string; updatedAt: string } | null;
}
