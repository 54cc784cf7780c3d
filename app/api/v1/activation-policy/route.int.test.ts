import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import type { PortalActor } from '@/lib/server/auth/actor';
import { countActivationRules, createFreshTenant, createFreshTool, type FreshTenant } from '@/lib/testing/fresh-tenant';

// The route resolves the caller from the session; here the session is a fresh tenant's admin (or nobody).
let current: PortalActor | null = null;
vi.mock('@/lib/server/auth/actor', () => ({
  requireActor: async () => {
    if (!current) throw new AppError('UNAUTHENTICATED');
    return current;
  },
}));
const { GET, POST } = await import('./route');

let f: FreshTenant;
let tool: { id: string; slug: string };
beforeAll(async () => {
  f = await createFreshTenant('api');
  tool = await createFreshTool();
  current = { ...f.admin, email: f.admin.label, tenantSlug: f.tenant.slug, tenantName: 'API test', via: 'api' };
});

const post = (body: string, query = '', headers: Record<string, string> = {}) =>
  POST(new Request(`http://localhost/api/v1/activation-policy${query}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));
const rules = () => countActivationRules(f.tenant.id);

describe('POST /api/v1/activation-policy', () => {
  it.each([
    ['empty body', '', 422, { code: 'VALIDATION', message: 'text: Paste a JSON document or choose a file.' }],
    ['invalid JSON', '{"tenant_id": "x",\n  "enabled_tools": [}', 422, { code: 'VALIDATION', message: "Line 2, column 21: Invalid JSON: Unexpected '}'. Nothing was applied." }],
    ['unknown field', '{"tenant_id": "x", "enabled_tools": [], "extra": 1}', 422, { code: 'VALIDATION', message: 'Line 1, column 50: Unknown field "extra". Nothing was applied.' }],
    ['missing enabled_tools', '{\n"tenant_id": "x"\n}', 422, { code: 'VALIDATION', message: 'Line 1, column 1 (enabled_tools): enabled_tools is required. Nothing was applied.' }],
    ['both user and team', '{"tenant_id": "x", "user_id": "u", "team_id": "t", "enabled_tools": []}', 422, { code: 'VALIDATION', message: 'Line 1, column 47 (team_id): Give user_id or team_id, not both. Nothing was applied.' }],
    ['limit out of range', '{"tenant_id": "x", "enabled_tools": [], "tool_limits": {"requests_per_min": -5}}', 422, { code: 'VALIDATION', message: 'Line 1, column 77 (tool_limits.requests_per_min): At least 1 request per minute. Nothing was applied.' }],
    ['another tenant', '{"tenant_id": "acme", "enabled_tools": []}', 422, { code: 'VALIDATION', message: 'Line 1, column 15 (tenant_id): Unknown tenant "acme" (you can import for your own tenant only). Nothing was applied.' }],
  ])('%s → %d', async (_name, body, status, error) => {
    const before = await rules();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatchObject(error);
    expect(await rules()).toBe(before);
  });

  it('refuses a body over 1 MiB before reading it, and a caller without a session', async () => {
    const big = await post('{}', '', { 'content-length': String(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    current = null;
    try {
      const res = await post('{}');
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
    } finally {
      current = { ...f.admin, email: f.admin.label, tenantSlug: f.tenant.slug, tenantName: 'API test', via: 'api' };
    }
  });

  it('previews with ?dryRun=1, applies without, and exports what it applied', async () => {
    const body = JSON.stringify({ tenant_id: f.tenant.slug, team_id: 'alpha', enabled_tools: [tool.slug], tool_limits: { requests_per_min: 60, calls_per_day: 900 } });
    const dry = await post(body, '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ ok: true, applied: false, changes: [{ subject: 'team Alpha', tool: tool.slug, change: 'enable' }, { change: 'limits', after: '60/min, 900/day' }] });
    expect(await rules()).toBe(0);
    const res = await post(body);
    expect(await res.json()).toMatchObject({ ok: true, applied: true, unchanged: 0 });
    expect(await rules()).toBe(1);
    const exp = await GET(new Request('http://localhost/api/v1/activation-policy'));
    expect(exp.headers.get('content-disposition')).toBe(`attachment; filename="activation-policy-${f.tenant.slug}.json"`);
    expect(await exp.json()).toEqual([{ tenant_id: f.tenant.slug, team_id: 'alpha', enabled_tools: [tool.slug], tool_limits: { requests_per_min: 60, calls_per_day: 900 } }]);
    const other = await GET(new Request('http://localhost/api/v1/activation-policy?tenant=acme'));
    expect(other.status).toBe(404);
  });
});
