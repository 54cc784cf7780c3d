import 'server-only';
// /mcp settings from the environment (parsed once by lib/server/env.ts).
import { env } from '@/lib/server/env';

export interface McpConfig {
  maxBodyBytes: number;
  /** Hostnames (no port) a request's Host may name; DNS-rebinding protection. */
  allowedHosts: Set<string>;
  /** Extra browser origins allowed besides those on allowed hosts. */
  allowedOrigins: Set<string>;
  fixtures: boolean;
  policyCacheMs: number;
}

let cached: McpConfig | null = null;

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);

export function mcpConfig(): McpConfig {
  if (cached) return cached;
  const e = env();
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', ...list(e.MCP_ALLOWED_HOSTS)]);
  if (e.NEXTAUTH_URL) hosts.add(new URL(e.NEXTAUTH_URL).hostname.toLowerCase());
  cached = { maxBodyBytes: e.MCP_MAX_BODY_BYTES, allowedHosts: hosts, allowedOrigins: new Set(list(e.MCP_ALLOWED_ORIGINS)), fixtures: e.MCP_TEST_FIXTURES, policyCacheMs: e.MCP_POLICY_CACHE_MS };
  return cached;
}

/** Tests reset the cache after changing process.env. */
export function resetMcpConfig(): void {
  cached = null;
}
