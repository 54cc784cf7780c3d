// Version 1 of a tool published from an approved request goes through the same contract gate as later versions:
// its examples run against the requesting tenant's data before it is served, a failing contract refuses publication
// (nothing created, the request still approved, a message saying which example failed) and a passing one is
// recorded as the version's contract run.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { findLastContractRuns } from '@/lib/services/contracts/find-contract-runs';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant } from '@/lib/testing/fresh-tenant';
import { approveToolRequest } from './approve-tool-request';
import { createToolRequest } from './create-tool-request';
import { publishToolRequest } from './publish-tool-request';
import { startReview } from './start-review';
import { submitToolRequest } from './submit-tool-request';

const ALL_CHECKED = { leastPrivilegeScopes: true, piiHandling: true, egressAllowlist: true, auditLevel: true, humanApproval: true, limits: true };

describe('publishing a tool request: the contract gate on version 1', () => {
  let requester: Actor;
  let reviewer: Actor;
  let tenantId: string;
  const slug = `it_pub_${Math.random().toString(36).slice(2, 10)}`;

  beforeAll(async () => {
    const t = await createFreshTenant('publish');
    tenantId = t.tenant.id;
    const db = await getDb();
    const u = await db.user.findUniqueOrThrow({ where: { id: t.users.inA } });
    requester = { kind: 'user', id: u.id, label: u.email, tenantId, teamIds: [t.teams.a], roles: ['requester'], via: 'portal', ip: null };
    reviewer = await actorFor('reviewer@example.com');
  });

  async function approvedRequest(): Promise<string> {
    const { id } = await createToolRequest({
      actor: requester, submit: false, title: `Order reader ${slug}`, useCase: 'Support agents read the order history while answering tickets.', workflow: 'support',
      ownerTeam: 'Support', dataConsulted: 'orders', dataWritten: '', dataClassification: 'internal', externalHosts: [], writeActions: false, criticalActions: false,
      expectedVolume: 50, requestedScopes: ['orders:read'],
    });
    await submitToolRequest({ actor: requester, id });
    await startReview({ actor: reviewer, id });
    await approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED });
    return id;
  }

  it('refuses publication when an example of version 1 fails, and creates nothing', async () => {
    const id = await approvedRequest();
    const failing = [
      { name: 'refuses a call without query', input: {}, expect: { outcome: 'error' as const, messagePattern: 'query: is required' } },
      { name: 'answers a lookup', input: { query: 'order 42' }, expect: { outcome: 'success' as const, values: [] } },
    ];
    const err = await publishToolRequest({ actor: reviewer, id, slug, contractExamples: failing }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_STATE' });
    expect((err as { userMessage: string }).userMessage).toMatch(new RegExp(`^Publication refused: version 1 of ${slug} failed 1 of 2 contract examples \\("answers a lookup": The tool cannot be executed: .+\\)\\. Nothing was published; fix the request or its examples and publish again\\.$`));
    const db = await getDb();
    expect(await db.tool.findUnique({ where: { slug } })).toBeNull();
    expect(await db.toolRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'approved', toolId: null });
  });

  it('serves version 1 once its contract passes, with the run recorded and audited', async () => {
    const id = await approvedRequest();
    await expect(publishToolRequest({ actor: reviewer, id, slug })).resolves.toMatchObject({ status: 'published', toolSlug: slug });
    const db = await getDb();
    const tool = await db.tool.findUniqueOrThrow({ where: { slug }, include: { versions: true } });
    expect(tool.servedVersion).toBe(1);
    const v1 = tool.versions[0]!;
    expect(v1).toMatchObject({ version: 1, status: 'approved' });
    expect((v1.contractExamples as { name: string }[]).map((e) => e.name)).toEqual(['refuses a call without query', 'refuses an unknown argument']);
    const run = (await findLastContractRuns({ actor: reviewer, toolIds: [tool.id] })).get(v1.id);
    expect(run).toMatchObject({ passed: true, version: 1, total: 2, failed: 0 });
    expect(await db.contractRun.count({ where: { toolVersionId: v1.id, tenantId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'tool_contract.ran', resourceId: v1.id, outcome: 'success' } })).toBe(1);
    const timeline = await db.toolRequestEvent.findFirstOrThrow({ where: { requestId: id, type: 'contract_tests' } });
    expect(timeline.data).toMatchObject({ passed: true, contractRunId: expect.any(String) });
  });
});
