// Dynamic Client Registration is limited per client IP and hour: over the limit, 429 with Retry-After and an OAuth
// error body written for a person; another IP keeps its own budget.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PEER_HEADER } from '@/lib/server/client-ip';
import { startAuthServer, type TestAuthServer } from '@/lib/testing/oauth';

let as: TestAuthServer;
// A fixed instant 15 minutes into an hour (only Date is faked: timers and I/O run normally).
const NOW = new Date('2031-03-04T10:15:00.000Z');
// Random documentation addresses: counters outlive a run on a persistent test database.
const randomIp = () => `2001:db8:${crypto.randomBytes(6).toString('hex').match(/.{4}/g)!.join(':')}::1`;

beforeAll(async () => {
  vi.stubEnv('PLATFORM_PEER_HEADER', '1'); // as under scripts/serve.ts: the peer address header is the client IP
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  as = await startAuthServer({ install: false, registrationsPerIpPerHour: 3 });
});
afterAll(async () => {
  await as?.close();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const register = (ip: string) =>
  fetch(`${as.issuer}/oauth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PEER_HEADER]: ip },
    body: JSON.stringify({ redirect_uris: ['http://127.0.0.1:4567/callback'], token_endpoint_auth_method: 'none', client_name: 'Limit test' }),
  });

describe('registration rate limit', () => {
  it('accepts the limit per IP and hour, then answers 429 with Retry-After and a readable OAuth error', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await register(ip)).status).toBe(201);
    const refused = await register(ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2700');
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await refused.json()).toEqual({
      error: 'too_many_requests',
      error_description: 'Too many client registrations from your network: at most 3 per hour. Try again in 45 minutes, or reuse the client you registered before.',
    });
    // Another address has its own budget.
    expect((await register(randomIp())).status).toBe(201);
  });

  it('a new hour starts a new budget', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await register(ip)).status).toBe(201);
    expect((await register(ip)).status).toBe(429);
    vi.setSystemTime(new Date(NOW.getTime() + 3_600_000));
    expect((await register(ip)).status).toBe(201);
  });
});
