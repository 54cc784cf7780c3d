import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZGithubSearchIssuesInput, ZGithubSearchIssuesOutput } from '@/lib/schemas/builtin-tools';
import { startGithubStub, type GithubStub } from '@/lib/testing/github-stub';
import { makeToolContext } from '@/lib/testing/tool-context';
import { createGithubSearchIssues, githubSearchIssues } from './github-search-issues';
import { ToolRefusal } from './types';

const TOKEN = 'ghp_test_0123456789abcdef';
let gh: GithubStub, ghe: GithubStub;
beforeAll(async () => {
  [gh, ghe] = await Promise.all([startGithubStub({ token: TOKEN }), startGithubStub({ token: TOKEN, prefix: '/api/v3' })]);
});
afterAll(async () => {
  await Promise.all([gh.close(), ghe.close()]);
});

const ctx = (over: Parameters<typeof makeToolContext>[0] = {}) => makeToolContext({ egressAllowlist: ['localhost'], secrets: { GITHUB_TOKEN: TOKEN }, ...over });
const tool = (base: string) => createGithubSearchIssues({ baseUrl: base, allowPrivateAddresses: true });
const search = (base: string, query: string, c = ctx(), limit?: number) => tool(base).execute(c, ZGithubSearchIssuesInput.parse({ query, limit }));
async function refused(p: Promise<unknown>): Promise<ToolRefusal> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, `expected a refusal, got ${String(e)}`).toBeInstanceOf(ToolRefusal);
  expect((e as Error).message).not.toContain(TOKEN);
  return e as ToolRefusal;
}

describe('github_search_issues', () => {
  it('searches with the Bearer token and maps the issues', async () => {
    const r = await search(gh.url, 'repo:acme/billing is:open refund', ctx(), 5);
    expect(ZGithubSearchIssuesOutput.parse(r.output)).toEqual({
      totalCount: 1,
      issues: [{ number: 102, title: 'Refund button disabled for partial refunds', state: 'open', url: 'https://github.example/acme/billing/issues/102', repository: 'acme/billing' }],
    });
    const req = gh.requests[gh.requests.length - 1]!;
    expect([req.query.get('q'), req.query.get('per_page'), req.headers.authorization, req.headers.accept]).toEqual(['repo:acme/billing is:open refund', '5', `Bearer ${TOKEN}`, 'application/vnd.github+json']);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(r.effects.resourcesTouched).toEqual([`GET ${new URL(gh.url).origin}/search/issues`]);
  });

  it('works against a GitHub Enterprise base URL (/api/v3) and honours the limit', async () => {
    const r = await search(ghe.url, 'export', ctx(), 1);
    expect([r.output.totalCount, r.output.issues.length]).toEqual([2, 1]);
    expect(ghe.requests[ghe.requests.length - 1]!.path).toBe('/api/v3/search/issues');
  });

  it.each([
    ['trigger:rate-limit', 'UPSTREAM', "GitHub rate limit reached for the tenant's token (403). It resets at 2030-01-01T00:00:00.000Z."],
    ['trigger:secondary', 'UPSTREAM', 'GitHub secondary rate limit reached (403); retry after 60 s.'],
    ['trigger:forbidden', 'SCOPE_DENIED', "GitHub refused the search (403 Resource not accessible by personal access token); the tenant's token may lack access to these repositories."],
    ['trigger:invalid', 'INVALID', 'GitHub cannot run this search (422 Validation Failed: The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.).'],
  ])('maps %s', async (q, code, message) => {
    const e = await refused(search(gh.url, q));
    expect([e.code, e.message]).toEqual([code, message]);
  });

  it('maps 5xx and 401 (bad token) without leaking the token', async () => {
    expect((await refused(search(gh.url, 'trigger:unavailable'))).message).toBe(`GitHub (${new URL(gh.url).host}) is unavailable (503 Service Unavailable).`);
    const e = await refused(search(gh.url, 'x', ctx({ secrets: { GITHUB_TOKEN: 'ghp_wrong' } })));
    expect([e.code, e.message]).toEqual(['NOT_CONFIGURED', `GitHub (${new URL(gh.url).host}) rejected the tenant's GITHUB_TOKEN (401 Bad credentials): it is invalid, expired or revoked; a tenant admin must replace it.`]);
  });

  it('refuses without a token, and when the GitHub host is not allowlisted', async () => {
    const e1 = await refused(search(gh.url, 'x', ctx({ secrets: {} })));
    expect([e1.code, e1.message]).toEqual(['NOT_CONFIGURED', 'No GitHub token is configured for this tenant: a tenant admin sets the secret GITHUB_TOKEN for github_search_issues.']);
    const before = gh.requests.length;
    const e2 = await refused(search(gh.url, 'x', ctx({ egressAllowlist: ['api.github.com'] })));
    expect([e2.code, e2.message]).toEqual(['EGRESS_DENIED', 'Host "localhost" is not on the tenant\'s egress allowlist (api.github.com).']);
    expect(gh.requests.length).toBe(before);
  });

  it('the production executor is strict (loopback refused even when allowlisted)', async () => {
    const strict = createGithubSearchIssues({ baseUrl: gh.url });
    const e = await refused(strict.execute(ctx(), ZGithubSearchIssuesInput.parse({ query: 'x' })));
    expect(e.code).toBe('EGRESS_DENIED');
    expect(githubSearchIssues.slug).toBe('github_search_issues');
  });
});
