import 'server-only';
// github_search_issues: GET {GITHUB_API_URL}/search/issues?q=…&per_page=… with the tenant's GitHub token.
//
// Base URL: env GITHUB_API_URL (default https://api.github.com; GitHub Enterprise: https://host/api/v3).
// Token: the tenant secret GITHUB_TOKEN (ctx.secret), sent as "Authorization: Bearer"; never logged, never returned,
//   never in an error message, and only sent to the API's own origin (not to a redirect elsewhere).
// Egress decision: the GitHub host goes through the same egress guard as http_fetch — it must be on the tenant's
//   egress allowlist (the demo tenants list api.github.com) and resolve to a public address, with the connection
//   pinned to it. A tenant that has not allowlisted GitHub gets EGRESS_DENIED naming the host. Consequence for
//   GitHub Enterprise on a private address: it is refused until the platform adds an operator-level trusted-host
//   list; tests reach their loopback stand-in only through createGithubSearchIssues({ allowPrivateAddresses: true }).
// Errors are mapped to precise refusals: 401 (token invalid/expired), 403/429 rate limits (with the reset time),
//   403 forbidden (token scopes), 422 (query GitHub cannot run), 5xx.
import type { z } from 'zod';
import type { ZGithubSearchIssuesInput, ZGithubSearchIssuesOutput } from '@/lib/schemas/builtin-tools';
import { env } from '@/lib/server/env';
import { guardedGet } from '@/mcp-server/egress/ssrf';
import { ToolRefusal, type ToolExecutor } from './types';

type Input = z.output<typeof ZGithubSearchIssuesInput>;
type Output = z.output<typeof ZGithubSearchIssuesOutput>;

/** GitHub's search answers are large (issue bodies); we keep only a few fields of at most 50 items. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export interface GithubSearchOptions {
  /** API base URL; defaults to env GITHUB_API_URL at call time. */
  baseUrl?: string;
  /** Test-only escape: reach a loopback stand-in (the allowlist still applies). Never from configuration. */
  allowPrivateAddresses?: boolean;
}

interface SearchItem {
  number?: unknown;
  title?: unknown;
  state?: unknown;
  html_url?: unknown;
  repository_url?: unknown;
}

function githubMessage(body: Buffer): string {
  try {
    const j = JSON.parse(body.toString('utf8')) as { message?: unknown; errors?: { message?: unknown }[] };
    const detail = j.errors?.map((e) => (typeof e.message === 'string' ? e.message : null)).filter(Boolean).join('; ');
    const msg = typeof j.message === 'string' ? j.message : 'no message';
    return detail ? `${msg}: ${detail}` : msg;
  } catch {
    return 'unreadable error body';
  }
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function refusalForStatus(status: number, headers: Record<string, string | string[] | undefined>, body: Buffer, host: string): ToolRefusal {
  const msg = githubMessage(body).slice(0, 500);
  const remaining = header(headers, 'x-ratelimit-remaining');
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  const retryAfter = Number(header(headers, 'retry-after'));
  if (status === 401) return new ToolRefusal('NOT_CONFIGURED', `GitHub (${host}) rejected the tenant's GITHUB_TOKEN (401 ${msg}): it is invalid, expired or revoked; a tenant admin must replace it.`);
  if ((status === 403 || status === 429) && remaining === '0') {
    const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString()}.` : '';
    return new ToolRefusal('UPSTREAM', `GitHub rate limit reached for the tenant's token (${status}).${when}`);
  }
  if ((status === 403 || status === 429) && (Number.isFinite(retryAfter) || /rate limit/i.test(msg))) {
    return new ToolRefusal('UPSTREAM', `GitHub secondary rate limit reached (${status})${Number.isFinite(retryAfter) ? `; retry after ${retryAfter} s` : ''}.`);
  }
  if (status === 403) return new ToolRefusal('SCOPE_DENIED', `GitHub refused the search (403 ${msg}); the tenant's token may lack access to these repositories.`);
  if (status === 422) return new ToolRefusal('INVALID', `GitHub cannot run this search (422 ${msg}).`);
  if (status >= 500) return new ToolRefusal('UPSTREAM', `GitHub (${host}) is unavailable (${status} ${msg}).`);
  return new ToolRefusal('UPSTREAM', `GitHub (${host}) answered ${status} (${msg}).`);
}

function repositoryName(repositoryUrl: unknown): string {
  if (typeof repositoryUrl !== 'string') return '';
  const m = /\/repos\/([^/]+\/[^/]+)\/?$/.exec(repositoryUrl);
  return m?.[1] ?? '';
}

export function createGithubSearchIssues(options: GithubSearchOptions = {}): ToolExecutor<Input, Output> {
  return {
    slug: 'github_search_issues',
    effect: 'none',
    async execute(ctx, input) {
      const token = await ctx.secret('GITHUB_TOKEN');
      if (!token) throw new ToolRefusal('NOT_CONFIGURED', 'No GitHub token is configured for this tenant: a tenant admin sets the secret GITHUB_TOKEN for github_search_issues.');
      const base = (options.baseUrl ?? env().GITHUB_API_URL).replace(/\/+$/, '');
      const url = `${base}/search/issues?q=${encodeURIComponent(input.query)}&per_page=${input.limit}`;
      const host = new URL(base).host;
      const res = await guardedGet(url, {
        allowlist: ctx.policy.egressAllowlist,
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'mcp-tool-platform/1.0 (github_search_issues)' },
        trustedHeaders: { authorization: `Bearer ${token}` },
        signal: ctx.signal,
        maxBytes: MAX_RESPONSE_BYTES,
        allowPrivateAddresses: options.allowPrivateAddresses === true,
      });
      if (res.status !== 200) throw refusalForStatus(res.status, res.headers, res.body, host);
      if (res.truncated) throw new ToolRefusal('TOO_LARGE', `GitHub's answer exceeded ${MAX_RESPONSE_BYTES} bytes; narrow the query or lower the limit.`);
      let data: { total_count?: unknown; items?: unknown };
      try {
        data = JSON.parse(res.body.toString('utf8')) as typeof data;
      } catch {
        throw new ToolRefusal('UPSTREAM', `GitHub (${host}) returned a response that is not JSON.`);
      }
      const items = Array.isArray(data.items) ? (data.items as SearchItem[]) : [];
      const issues = items.slice(0, input.limit).map((i) => ({
        number: typeof i.number === 'number' ? i.number : 0,
        title: typeof i.title === 'string' ? i.title : '',
        state: typeof i.state === 'string' ? i.state : '',
        url: typeof i.html_url === 'string' ? i.html_url : '',
        repository: repositoryName(i.repository_url),
      }));
      return {
        output: { totalCount: typeof data.total_count === 'number' ? data.total_count : issues.length, issues },
        effects: { resourcesTouched: [`GET ${new URL(base).origin}${new URL(base).pathname.replace(/\/$/, '')}/search/issues`] },
      };
    },
  };
}

/** The production executor: public addresses only, base URL from GITHUB_API_URL. */
export const githubSearchIssues = createGithubSearchIssues();
