// The production server's periodic upstream health check, one pass as its timer runs it: every registered server is
// checked with bounded concurrency, healthy loopback upstreams are recorded reachable with their latency while a
// hanging one still holds its slot, a refused and a timed-out one are recorded unreachable, and the hanging one is
// recorded once it fails. Results go through the one health write path (runDiscovery: row + audit).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { addTrustedHost } from '@/lib/services/trusted-hosts/add-trusted-host';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { startUpstreamStub, type UpstreamStub } from '@/lib/testing/upstream-server';
import { registerUpstream } from './register-upstream';
import { runUpstreamHealthPass } from './upstream-health-schedule';

describe('the periodic upstream health check (one pass)', () => {
  let stub: UpstreamStub;
  let hanging: http.Server;
  let hangingUrl = '';
  let refusedUrl = '';
  let fresh: FreshTenant;
  const held: http.ServerResponse[] = [];
  const ns = (label: string) => `h${label}${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    stub = await startUpstreamStub();
    // An upstream that accepts the connection and never answers.
    hanging = http.createServer((_req, res) => void held.push(res));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/mcp`;
    // A port nothing listens on any more: the connection is refused at once.
    const gone = http.createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    refusedUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/mcp`;
    await new Promise((r) => gone.close(r));
    fresh = await createFreshTenant('health');
    await addTrustedHost({ actor: await actorFor('admin@example.com'), tenantId: fresh.tenant.id, pattern: '127.0.0.0/8', note: 'health check test upstreams on loopback' });
  });
  afterAll(async () => {
    await stub?.close();
    hanging?.closeAllConnections();
    await new Promise((r) => hanging?.close(r));
  });

  it('checks every server with bounded concurrency: a hanging one never holds the others back', async () => {
    const register = async (label: string, url: string, timeoutMs: number) =>
      (await registerUpstream({ actor: fresh.admin, tenantId: fresh.tenant.id, name: `Health ${label}`, namespace: ns(label), url, timeoutMs })).id;
    const healthy = [await register('a', stub.url, 10_000), await register('b', stub.url, 10_000), await register('c', stub.url, 10_000)];
    const refused = await register('r', refusedUrl, 10_000);
    const timedOut = await register('t', hangingUrl, 500);
    const hang = await register('x', hangingUrl, 60_000);
    const ids = [...healthy, refused, timedOut, hang];

    let settled = false;
    const pass = runUpstreamHealthPass({ ids, concurrency: 2 }).finally(() => {
      settled = true;
    });
    const db = await getDb();
    const rows = async () => new Map((await db.upstreamServer.findMany({ where: { id: { in: ids } } })).map((s) => [s.id, s]));

    // Everything but the hanging server is recorded while it still holds its slot (its request is held open).
    await vi.waitFor(async () => {
      const r = await rows();
      for (const id of healthy) expect(r.get(id)).toMatchObject({ status: 'reachable', lastError: null });
      expect(r.get(refused)).toMatchObject({ status: 'unreachable', latencyMs: null });
      expect(r.get(timedOut)).toMatchObject({ status: 'unreachable', lastError: expect.stringContaining('did not answer within 500 ms') });
      expect(held.length).toBeGreaterThanOrEqual(2);
    }, { timeout: 30_000, interval: 50 });
    const during = await rows();
    expect(settled).toBe(false);
    expect(during.get(hang)).toMatchObject({ status: 'pending', lastCheckedAt: null });
    for (const id of healthy) expect(during.get(id)!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(during.get(refused)!.lastError).toMatch(/unreachable \(ECONNREFUSED\)/);

    // The hanging upstream drops the connection: its failure is recorded and the pass ends.
    hanging.closeAllConnections();
    const results = await pass;
    expect(results.map((x) => x.id).sort()).toEqual([...ids].sort());
    expect(Object.fromEntries(results.map((x) => [x.id, x.result.ok]))).toEqual({ [healthy[0]!]: true, [healthy[1]!]: true, [healthy[2]!]: true, [refused]: false, [timedOut]: false, [hang]: false });
    expect((await rows()).get(hang)).toMatchObject({ status: 'unreachable', latencyMs: null, lastCheckedAt: expect.any(Date) });
    // Recorded through the discovery write path: one audit event per reachable server.
    expect(await db.auditEvent.count({ where: { action: 'upstream.discovered', resourceId: { in: ids } } })).toBe(3);
    // And one per server that became unreachable.
    expect(await db.auditEvent.count({ where: { action: 'upstream.unreachable', resourceId: { in: ids } } })).toBe(3);

    // A second pass that finds nothing changed records the check on each server but adds no audit event.
    const quiet = [...healthy, refused];
    const checkedBefore = await rows();
    await runUpstreamHealthPass({ ids: quiet, concurrency: 2 });
    const after = await rows();
    for (const id of quiet) expect(after.get(id)!.lastCheckedAt!.getTime()).toBeGreaterThanOrEqual(checkedBefore.get(id)!.lastCheckedAt!.getTime());
    expect(await db.auditEvent.count({ where: { action: { in: ['upstream.discovered', 'upstream.unreachable'] }, resourceId: { in: quiet } } })).toBe(4);
  });
});
