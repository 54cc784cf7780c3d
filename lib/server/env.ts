import 'server-only';
// Environment, parsed once by one zod schema; a bad value stops the process with a clear message.
import { z } from 'zod';
import { parseTrustedProxies } from './client-ip';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgresql://').optional()),
  PGLITE_DATA_DIR: z.string().optional(),
  SEED_DEMO: bool,
  NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  // Public origin of the OAuth authorization server for MCP clients (default: NEXTAUTH_URL's origin).
  OAUTH_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(8 * 3600),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DEFAULT_TENANT: z.string().optional(),
  // Scopes the SSO sign-in asks for; `groups` brings the group claims the tenants' SSO mappings read (drop it for an
  // identity provider that refuses unknown scopes and sends groups anyway).
  OIDC_SCOPES: z.string().trim().default('openid email profile groups').refine((v) => v.split(/\s+/).includes('openid'), 'must include openid'),
  SECRETS_MASTER_KEYS: z.string().optional(), // "kid1:base64key,kid2:base64key" (first = current)
  MCP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  MCP_ALLOWED_ORIGINS: z.string().optional(), // comma-separated extra origins
  MCP_ALLOWED_HOSTS: z.string().optional(), // comma-separated extra Host names (public name behind a proxy)
  MCP_TEST_FIXTURES: bool,
  // How long /mcp may reuse a token, activation or tenant-policy read: changes apply on every replica within it.
  MCP_POLICY_CACHE_MS: z.coerce.number().int().min(0).max(2000, 'must be at most 2000 (changes must apply within 2 s)').default(1000),
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  // SMTP relay of email_send: SMTP_URL (smtp://host:587, smtps://host:465) or SMTP_HOST/SMTP_PORT/SMTP_SECURE; SMTP_FROM.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_SECURE: bool,
  SMTP_FROM: z.string().optional(),
  // Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, comma-separated); default none.
  TRUSTED_PROXIES: z.string().optional().superRefine((v, ctx) => {
    try {
      parseTrustedProxies(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : 'invalid' });
    }
  }),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // OAuth Dynamic Client Registrations (POST /oauth/register) one client IP may make per hour.
  OAUTH_REGISTRATIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  // Ed25519 private key (PEM or base64 PKCS#8 DER) signing audit checkpoints; generated in the data directory if unset
  // on the embedded database, required with DATABASE_URL.
  AUDIT_SIGNING_KEY: z.string().optional(),
  // Continuous SIEM export of sealed audit events: JSON Lines to a rotated file and/or signed POSTs to an endpoint.
  SIEM_FILE_PATH: z.string().min(1).optional(),
  SIEM_FILE_MAX_BYTES: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  SIEM_HTTP_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIEM_HTTP_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  // Bearer token a Prometheus scraper sends to /api/metrics; unset: the endpoint is off (404).
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  AUDIT_SEALER_DISABLED: bool, // this replica does not run the audit sealer (another one does)
  // The production server's periodic health check of upstream MCP servers, in seconds (0: off on this replica).
  UPSTREAM_HEALTH_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400, 'must be at most 86400 (one day)').default(60),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  const e = parsed.data;
  if ((e.OIDC_ISSUER || e.OIDC_CLIENT_ID || e.OIDC_CLIENT_SECRET) && !(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET)) {
    throw new Error('Invalid environment configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together.');
  }
  cached = e;
  return e;
}

/** Demo data (and demo passwords) are on by default on the embedded database, opt-in on PostgreSQL. */
export function demoDataEnabled(): boolean {
  const e = env();
  return e.SEED_DEMO || !e.DATABASE_URL;
}
