// Contract tests: the built-in tools keep theirs against the demo data, and a version whose contract fails (or has
// not run) is never served.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { BUILTIN_TOOLS } from '@/lib/schemas/builtin-tools';
import { getDb } from '@/lib/server/db/client';
import { approveToolVersion } from '@/lib/services/catalogue/approve-tool-version';
import { findLastContractRuns } from '@/lib/services/contracts/find-contract-runs';
import { saveContractExamples } from '@/lib/services/contracts/save-contract-examples';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant, createFreshTool } from '@/lib/testing/fresh-tenant';
import { runContractAs, runContractExamples } from './run-contract';

describe('built-in tools', () => {
  it('every built-in tool has examples, and all of them pass against the demo tenant (rolled back, nothing sent)', async () => {
    const db = await getDb();
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    const ticketsBefore = await db.ticket.count({ where: { tenantId: acme.id } });
    for (const t of BUILTIN_TOOLS) {
      const tool = await db.tool.findUniqueOrThrow({ where: { slug: t.slug }, select: { servedVersion: true, versions: { select: { id: true, version: true } } } });
      const results = await runContractExamples(db, tool.versions.find((v) => v.version === tool.servedVersion)!.id, acme.id);
      expect(results.length, t.slug).toBeGreaterThanOrEqual(2);
      expect(results.filter((r) => r.status !== 'passed'), t.slug).toEqual([]);
    }
    expect(await db.ticket.count({ where: { tenantId: acme.id } })).toBe(ticketsBefore);
  });
});

describe('the publication gate', () => {
  let owner: Actor;
  let reviewer: Actor;
  let tool: { id: string; slug: string };
  let versionId: string;

  beforeAll(async () => {
    const db = await getDb();
    const t = await createFreshTenant('contract');
    const u = await db.user.create({ data: { email: `owner-${randomBytes(3).toString('hex')}@${t.tenant.slug}.test`, name: 'Owner', tenantId: t.tenant.id, roles: ['tool_owner'] } });
    owner = { kind: 'user', id: u.id, label: u.email, tenantId: t.tenant.id, teamIds: [], roles: ['tool_owner'], via: 'portal', ip: null };
    reviewer = await actorFor('reviewer@example.com');
    tool = await createFreshTool();
    await db.tool.update({ where: { id: tool.id }, data: { ownerUserId: u.id } });
    const v = await db.toolVersion.create({
      data: {
        toolId: tool.id, version: 4, status: 'in_review', name: tool.slug, description: 'v4', authorId: u.id, definitionHash: `h4-${tool.slug}`, annotations: { readOnlyHint: true },
        inputSchema: { type: 'object', properties: { q: { type: 'string', minLength: 2 } }, required: ['q'], additionalProperties: false },
      },
    });
    versionId = v.id;
  });

  it('refuses to run a contract for someone who neither owns the tool nor reviews', async () => {
    const requester = await actorFor('requester@acme.example');
    const otherOwner = await actorFor('owner@acme.example');
    for (const actor of [requester, otherOwner]) await expect(runContractAs({ actor, slug: tool.slug, versionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('blocks approval until the contract has run, then while it fails; serves the version once it passes', async () => {
    const failing = [{ name: 'refuses a missing q', input: {}, expect: { outcome: 'error' as const, messagePattern: 'no such message' } }];
    await saveContractExamples({ actor: owner, slug: tool.slug, versionId, examples: failing });
    await expect(approveToolVersion({ actor: reviewer, versionId })).rejects.toMatchObject({ code: 'INVALID_STATE', userMessage: expect.stringContaining('have not run') });

    const run = await runContractAs({ actor: owner, slug: tool.slug, versionId });
    expect(run).toMatchObject({ passed: false, total: 1, failed: 1 });
    expect(run.results[0]!.problems[0]).toContain('does not match /no such message/');
    await expect(approveToolVersion({ actor: reviewer, versionId })).rejects.toMatchObject({ code: 'INVALID_STATE', userMessage: expect.stringContaining('failed 1 of 1 examples') });
    const db = await getDb();
    expect((await db.tool.findUniqueOrThrow({ where: { id: tool.id } })).servedVersion).toBe(2);

    await saveContractExamples({ actor: owner, slug: tool.slug, versionId, examples: [{ ...failing[0]!, expect: { outcome: 'error', messagePattern: 'q: is required' } }] });
    const passing = await runContractAs({ actor: owner, slug: tool.slug, versionId });
    expect(passing).toMatchObject({ passed: true, failed: 0 });
    expect((await findLastContractRuns({ actor: reviewer, toolIds: [tool.id] })).get(versionId)).toMatchObject({ id: passing.id, passed: true, version: 4 });
    await approveToolVersion({ actor: reviewer, versionId });
    expect((await db.tool.findUniqueOrThrow({ where: { id: tool.id } })).servedVersion).toBe(4);
    const audit = await db.auditEvent.findMany({ where: { resourceId: versionId, action: 'tool_contract.ran' }, select: { outcome: true } });
    expect(audit.map((a) => a.outcome).sort()).toEqual(['error', 'success']);
  });

  it('keeps examples of a version owners may not edit and of another owner’s tool unchanged', async () => {
    const otherOwner = await actorFor('owner@acme.example');
    await expect(saveContractExamples({ actor: otherOwner, slug: tool.slug, versionId, examples: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(saveContractExamples({ actor: owner, slug: 'no_such_tool', versionId, examples: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
