import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { REQUEST_ACTIONS, TRANSITIONS, type TRequestAction } from '@/lib/request-state';
import { REQUEST_STATUSES, type TToolRequestStatus } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { approveToolRequest } from './approve-tool-request';
import { commentOnToolRequest } from './comment-on-tool-request';
import { createToolRequest } from './create-tool-request';
import { deprecateToolRequest } from './deprecate-tool-request';
import { findToolRequests } from './find-tool-requests';
import { getToolRequestOrThrow } from './get-tool-request';
import { publishToolRequest } from './publish-tool-request';
import { rejectToolRequest } from './reject-tool-request';
import { requestChanges } from './request-changes';
import { resubmitToolRequest } from './resubmit-tool-request';
import { saveToolRequestDraft } from './save-tool-request-draft';
import { startReview } from './start-review';
import { submitToolRequest } from './submit-tool-request';

const ALL_CHECKED = { leastPrivilegeScopes: true, piiHandling: true, egressAllowlist: true, auditLevel: true, humanApproval: true, limits: true };
let requester: Actor, reviewer: Actor, reviewer2: Actor, admin: Actor, globex: Actor, owner: Actor;
let n = 0;
const uniq = (what: string) => `${what} ${Date.now().toString(36)}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

function fields(risk: 'low' | 'high') {
  return {
    title: uniq(risk === 'low' ? 'Low tool' : 'High tool'), useCase: 'Support agents read the order history while answering tickets.', workflow: 'support' as const,
    ownerTeam: 'Support', dataConsulted: 'orders', dataWritten: '', dataClassification: risk === 'low' ? ('internal' as const) : ('pii' as const),
    externalHosts: risk === 'low' ? [] : ['crm.example.com'], writeActions: false, criticalActions: false, expectedVolume: 200, requestedScopes: ['orders:read'],
  };
}

async function expectError(p: Promise<unknown>, code: string, message?: string | RegExp) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(isAppError(e), `expected AppError ${code}, got ${String(e)}`).toBe(true);
  if (!isAppError(e)) return;
  expect(e.code).toBe(code);
  if (message) expect(e.userMessage).toMatch(message);
}

/** A fresh request brought to `status` through the real use cases. */
async function requestIn(status: TToolRequestStatus, risk: 'low' | 'high' = 'low'): Promise<string> {
  const { id } = await createToolRequest({ actor: requester, ...fields(risk), submit: false });
  if (status === 'draft') return id;
  await submitToolRequest({ actor: requester, id });
  if (status === 'submitted') return id;
  await startReview({ actor: reviewer, id });
  if (status === 'in_review') return id;
  if (status === 'changes_requested') return (await requestChanges({ actor: reviewer, id, reason: 'Narrow the scopes please.' })).id;
  if (status === 'rejected') return (await rejectToolRequest({ actor: reviewer, id, reason: 'Out of scope for agents.' })).id;
  await approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED });
  if (risk === 'high') await approveToolRequest({ actor: reviewer2, id, checklist: ALL_CHECKED });
  if (status === 'approved') return id;
  await publishToolRequest({ actor: reviewer, id });
  if (status === 'published') return id;
  await deprecateToolRequest({ actor: admin, id, reason: 'Replaced by a better tool.' });
  return id;
}

function run(action: TRequestAction, id: string) {
  switch (action) {
    case 'submit': return submitToolRequest({ actor: requester, id });
    case 'start_review': return startReview({ actor: reviewer, id });
    case 'request_changes': return requestChanges({ actor: reviewer, id, reason: 'Please narrow the scopes.' });
    case 'approve': return approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED });
    case 'reject': return rejectToolRequest({ actor: reviewer, id, reason: 'Not needed any more.' });
    case 'resubmit': return resubmitToolRequest({ actor: requester, id });
    case 'publish': return publishToolRequest({ actor: reviewer, id });
    case 'deprecate': return deprecateToolRequest({ actor: admin, id, reason: 'Replaced by a better tool.' });
  }
}

beforeAll(async () => {
  [requester, reviewer, reviewer2, admin, globex, owner] = await Promise.all([
    actorFor('requester@acme.example'), actorFor('reviewer@example.com'), actorFor('reviewer2@example.com'),
    actorFor('admin@example.com'), actorFor('requester@globex.example'), actorFor('owner@acme.example'),
  ]);
});

describe('tool-request state machine against the database', () => {
  const statuses = REQUEST_STATUSES;
  for (const from of statuses) {
    for (const action of REQUEST_ACTIONS) {
      const allowed = TRANSITIONS[action].from.includes(from);
      it(`${from} --${action}--> ${allowed ? TRANSITIONS[action].to : 'refused'}`, async () => {
        const id = await requestIn(from);
        if (allowed) {
          await run(action, id);
          const db = await getDb();
          expect((await db.toolRequest.findUniqueOrThrow({ where: { id } })).status).toBe(TRANSITIONS[action].to);
        } else {
          await expectError(run(action, id), 'INVALID_STATE');
          const db = await getDb();
          expect((await db.toolRequest.findUniqueOrThrow({ where: { id } })).status).toBe(from);
        }
      });
    }
  }
});

describe('review rules', () => {
  it('concurrent approvals of a one-approval request: exactly one succeeds, the other is told it is no longer in review', async () => {
    const id = await requestIn('in_review');
    const results = await Promise.allSettled([
      approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED }),
      approveToolRequest({ actor: reviewer2, id, checklist: ALL_CHECKED }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(isAppError(lost?.reason) && lost.reason.code).toBe('INVALID_STATE');
    expect(isAppError(lost?.reason) && lost.reason.userMessage).toBe('This request is no longer in review.');
    const db = await getDb();
    expect(await db.reviewDecision.count({ where: { requestId: id } })).toBe(1);
    expect(await db.toolRequestEvent.count({ where: { requestId: id, type: 'approved' } })).toBe(1);
  });

  it('concurrent approve and reject: one wins, the state matches the winner', async () => {
    const id = await requestIn('in_review');
    const results = await Promise.allSettled([
      approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED }),
      rejectToolRequest({ actor: reviewer2, id, reason: 'This should not be automated.' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const db = await getDb();
    const status = (await db.toolRequest.findUniqueOrThrow({ where: { id } })).status;
    expect(status).toBe(results[0].status === 'fulfilled' ? 'approved' : 'rejected');
  });

  it('high risk needs two different reviewers; concurrent approvals by both approve it exactly once', async () => {
    const id = await requestIn('in_review', 'high');
    const db = await getDb();
    expect((await db.toolRequest.findUniqueOrThrow({ where: { id } })).requiredApprovals).toBe(2);
    await Promise.all([approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED }), approveToolRequest({ actor: reviewer2, id, checklist: ALL_CHECKED })]);
    expect((await db.toolRequest.findUniqueOrThrow({ where: { id } })).status).toBe('approved');
    expect(await db.toolRequestEvent.count({ where: { requestId: id, type: 'approved' } })).toBe(1);
    expect(await db.toolRequestEvent.count({ where: { requestId: id, type: 'approval_recorded' } })).toBe(1);
  });

  it('the same reviewer cannot approve a high-risk request twice', async () => {
    const id = await requestIn('in_review', 'high');
    const first = await approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED });
    expect(first).toMatchObject({ status: 'in_review', approvals: 1, requiredApprovals: 2 });
    await expectError(approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED }), 'CONFLICT', /second, different reviewer/);
    const second = await approveToolRequest({ actor: reviewer2, id, checklist: ALL_CHECKED });
    expect(second.status).toBe('approved');
  });

  it('approvals of an earlier round do not count after a resubmission', async () => {
    const id = await requestIn('in_review', 'high');
    await approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED });
    await requestChanges({ actor: reviewer2, id, reason: 'Explain the retention of the contact data.' });
    await saveToolRequestDraft({ actor: requester, id, ...fields('high'), useCase: 'Support agents read contacts; nothing is stored beyond the session.' });
    expect((await resubmitToolRequest({ actor: requester, id })).round).toBe(2);
    await startReview({ actor: reviewer2, id });
    expect((await approveToolRequest({ actor: reviewer2, id, checklist: ALL_CHECKED })).status).toBe('in_review');
    expect((await approveToolRequest({ actor: reviewer, id, checklist: ALL_CHECKED })).status).toBe('approved');
  });

  it('four-eyes: nobody reviews or publishes their own request', async () => {
    const { id } = await saveToolRequestDraft({ actor: owner, ...fields('low') });
    await submitToolRequest({ actor: owner, id });
    const db = await getDb();
    // An owner who is also a reviewer (role granted later) still cannot review their own request.
    const selfReviewer: Actor = { ...owner, roles: ['tool_owner', 'security_reviewer'] };
    await expectError(startReview({ actor: selfReviewer, id }), 'FORBIDDEN');
    await startReview({ actor: reviewer, id });
    await expectError(approveToolRequest({ actor: selfReviewer, id, checklist: ALL_CHECKED }), 'FORBIDDEN');
    expect((await db.toolRequest.findUniqueOrThrow({ where: { id } })).status).toBe('in_review');
  });

  it('refuses reviews by requesters and hides requests from other tenants', async () => {
    const id = await requestIn('submitted');
    await expectError(startReview({ actor: requester, id }), 'FORBIDDEN');
    await expectError(getToolRequestOrThrow({ actor: globex, id }), 'NOT_FOUND');
    await expectError(commentOnToolRequest({ actor: globex, id, comment: 'hi' }), 'NOT_FOUND');
    await expectError(submitToolRequest({ actor: owner, id }), 'FORBIDDEN', /Only the requester/);
    const list = await findToolRequests({ actor: globex, view: 'all', q: '', page: 1, pageSize: 100 });
    expect(list.items.some((r) => r.id === id)).toBe(false);
  });

  it('requires a reason to reject, and precise fields to submit', async () => {
    const id = await requestIn('in_review');
    await expectError(rejectToolRequest({ actor: reviewer, id, reason: 'no' }), 'VALIDATION');
    const { id: draft } = await saveToolRequestDraft({ actor: requester, title: uniq('Half-filled') });
    const e = await submitToolRequest({ actor: requester, id: draft }).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe('VALIDATION');
    expect(isAppError(e) && Object.keys(e.fieldErrors ?? {}).sort()).toEqual(['dataConsulted', 'ownerTeam', 'useCase', 'workflow']);
  });
});

describe('timeline, notifications, audit and publication', () => {
  it('records every change, notifies the requester and the reviewers, audits in the same transaction', async () => {
    const id = await requestIn('changes_requested');
    const db = await getDb();
    const detail = await getToolRequestOrThrow({ actor: requester, id });
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'submitted', 'review_started', 'changes_requested']);
    expect(detail.events.at(-1)?.comment).toBe('Narrow the scopes please.');
    expect(await db.notification.count({ where: { userId: requester.id, href: `/requests/${id}`, kind: 'tool_request.changes_requested' } })).toBe(1);
    expect(await db.notification.count({ where: { userId: reviewer2.id, href: `/reviews/${id}`, kind: 'tool_request.submitted' } })).toBe(1);
    expect(await db.notification.count({ where: { userId: reviewer.id, kind: 'tool_request.changes_requested', href: `/reviews/${id}` } })).toBe(0);
    const audit = await db.auditEvent.findMany({ where: { resourceId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['tool_request.created', 'tool_request.submitted', 'tool_request.review_started', 'tool_request.changes_requested']);
  });

  it('publishing creates the registration record, version 1 with a hash, and records the contract tests', async () => {
    const id = await requestIn('published', 'high');
    const db = await getDb();
    const req = await db.toolRequest.findUniqueOrThrow({ where: { id }, include: { tool: { include: { versions: true } } } });
    expect(req.tool).toMatchObject({ kind: 'http_declarative', lifecycle: 'published', riskLevel: 'high', dataClassification: 'pii', servedVersion: 1, ownerUserId: requester.id });
    expect(req.tool?.versions).toHaveLength(1);
    expect(req.tool?.versions[0]?.definitionHash).toMatch(/^[0-9a-f]{64}$/);
    const tests = await db.toolRequestEvent.findFirstOrThrow({ where: { requestId: id, type: 'contract_tests' } });
    expect((tests.data as { passed: boolean }).passed).toBe(true);
    await expectError(publishToolRequest({ actor: reviewer, id }), 'INVALID_STATE');
  });
});
