// Test stand-in for the GitHub REST API on loopback (an ephemeral port): GET [prefix]/search/issues with Bearer
// auth, GitHub's error shapes (401 bad credentials, 403 rate limit and forbidden, 422 validation) and the request log.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  repo: string;
}

export interface GithubStub {
  /** API base URL, e.g. http://localhost:PORT/api/v3 for a GitHub Enterprise-style prefix. */
  url: string;
  port: number;
  requests: { path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export const STUB_ISSUES: StubIssue[] = [
  { number: 101, title: 'Crash when exporting invoices to CSV', state: 'open', repo: 'acme/billing' },
  { number: 102, title: 'Refund button disabled for partial refunds', state: 'open', repo: 'acme/billing' },
  { number: 7, title: 'Export times out for large invoices', state: 'closed', repo: 'acme/reports' },
  { number: 55, title: 'Dark mode for the portal', state: 'open', repo: 'acme/portal' },
];

export async function startGithubStub(opts: { token: string; prefix?: string; host?: string } ): Promise<GithubStub> {
  const prefix = opts.prefix ?? '';
  const requests: GithubStub['requests'] = [];
  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    requests.push({ path: u.pathname, query: u.searchParams, headers: req.headers });
    if (req.method !== 'GET' || u.pathname !== `${prefix}/search/issues`) return json(res, 404, { message: 'Not Found' });
    if (req.headers.authorization !== `Bearer ${opts.token}`) return json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const q = u.searchParams.get('q') ?? '';
    if (q.includes('trigger:rate-limit')) {
      return json(res, 403, { message: 'API rate limit exceeded for user ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1893456000' });
    }
    if (q.includes('trigger:secondary')) return json(res, 403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '60' });
    if (q.includes('trigger:forbidden')) return json(res, 403, { message: 'Resource not accessible by personal access token' });
    if (q.includes('trigger:unavailable')) return json(res, 503, { message: 'Service Unavailable' });
    if (q.includes('trigger:invalid')) {
      return json(res, 422, { message: 'Validation Failed', errors: [{ message: 'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.', resource: 'Search', field: 'q', code: 'invalid' }] });
    }
    const words = q.split(/\s+/).filter((w) => w && !w.includes(':'));
    const repo = /repo:(\S+)/.exec(q)?.[1];
    const state = /is:(open|closed)/.exec(q)?.[1];
    const matches = STUB_ISSUES.filter((i) => (!repo || i.repo === repo) && (!state || i.state === state) && words.every((w) => i.title.toLowerCase().includes(w.toLowerCase())));
    const perPage = Number(u.searchParams.get('per_page') ?? 30);
    const base = `http://${req.headers.host}${prefix}`;
    json(res, 200, {
      total_count: matches.length,
      incomplete_results: false,
      items: matches.slice(0, perPage).map((i) => ({
        number: i.number, title: i.title, state: i.state, html_url: `https://github.example/${i.repo}/issues/${i.number}`,
        repository_url: `${base}/repos/${i.repo}`, body: 'Long body '.repeat(20), user: { login: 'someone' },
      })),
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? 'localhost'}:${port}${prefix}`,
    port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
