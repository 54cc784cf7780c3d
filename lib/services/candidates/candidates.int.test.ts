// The candidates board: open requests ranked by estimated value against risk, filters, and who may see it; the
// request form's estimate fields saved and validated.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZFindCandidatesInput, type TFindCandidatesInput } from '@/lib/schemas/candidates';
import { ZSaveToolRequestDraftInput } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { saveToolRequestDraft } from '@/lib/services/tool-requests/save-tool-request-draft';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { findCandidates } from './find-candidates';

const tag = `cand${randomBytes(4).toString('hex')}`;
let t: FreshTenant;
let admin: Actor;
let reviewer: Actor;

const board = (actor: Actor, input: Partial<TFindCandidatesInput> = {}) => findCandidates({ actor, ...ZFindCandidatesInput.parse({ q: tag, ...input }) });

beforeAll(async () => {
  t = await createFreshTenant('cand');
  [admin, reviewer] = await Promise.all([actorFor('admin@example.com'), actorFor('reviewer@example.com')]);
  const db = await getDb();
  const request = (title: string, status: 'submitted' | 'in_review' | 'draft' | 'published', riskLevel: 'low' | 'critical', est: [number, number, number] | null) => db.toolRequest.create({ data: {
    tenantId: t.tenant.id, requesterId: t.users.inA, title: `${tag} ${title}`, useCase: 'Testing the board', workflow: 'other', ownerTeam: 'Test', dataConsulted: 'None',
    dataWritten: 'None', dataClassification: 'internal', status, riskLevel, submittedAt: new Date(),
    ...(est ? { estCallsPerWeek: est[0], estTeams: est[1], estMinutesSavedPerCall: est[2] } : {}),
  } });
  await request('cheap and safe', 'submitted', 'low', [100, 2, 6]); // 20 h/week, priority 20
  await request('big but critical', 'in_review', 'critical', [600, 1, 10]); // 100 h/week, priority 12.5
  await request('no estimate', 'submitted', 'low', null);
  await request('still a draft', 'draft', 'low', [1000, 10, 60]);
  await request('already published', 'published', 'low', [1000, 10, 60]);
});

describe('candidates board', () => {
  it('ranks open requests by value ÷ risk weight, unknown value last; drafts and published ones are not candidates', async () => {
    const r = await board(admin);
    expect(r.rows.map((x) => [x.title.replace(`${tag} `, ''), x.hoursPerWeek, x.priority])).toEqual([
      ['cheap and safe', 20, 20], ['big but critical', 100, 12.5], ['no estimate', null, null],
    ]);
    expect(r.rows[0]).toMatchObject({ kind: 'request', tenant: t.tenant.slug, href: `/reviews/${r.rows[0]!.id}` });
    expect((await board(reviewer, { sort: 'value' })).rows.map((x) => x.hoursPerWeek)).toEqual([100, 20, null]);
    expect((await board(admin, { sort: 'risk' })).rows[0]!.riskLevel).toBe('critical');
  });

  it('filters by risk and kind', async () => {
    expect((await board(admin, { risk: 'critical' })).rows.map((x) => x.priority)).toEqual([12.5]);
    expect((await board(admin, { kind: 'tool' })).rows).toEqual([]);
    expect((await board(admin, { kind: 'request' })).total).toBe(3);
  });

  it('is for platform admins and reviewers only', async () => {
    for (const actor of [t.admin, { ...t.admin, id: t.users.inA, roles: ['requester'] } as Actor, await actorFor('auditor@example.com')]) {
      const e = await board(actor).then(() => null, (x: unknown) => x);
      expect(isAppError(e) && e.code).toBe('FORBIDDEN');
    }
  });

  it('keeps the estimate a requester gives in the form, and explains a bad one', async () => {
    const requester: Actor = { ...t.admin, id: t.users.inA, roles: ['requester'] };
    const input = ZSaveToolRequestDraftInput.parse({ title: `${tag} from the form`, estCallsPerWeek: '250', estMinutesSavedPerCall: '1.5', estTeams: '4' });
    const { id } = await saveToolRequestDraft({ actor: requester, ...input });
    const saved = await (await getDb()).toolRequest.findUniqueOrThrow({ where: { id } });
    expect([saved.estCallsPerWeek, saved.estMinutesSavedPerCall, saved.estTeams]).toEqual([250, 1.5, 4]);
    const bad = ZSaveToolRequestDraftInput.safeParse({ title: 'x'.repeat(5), estTeams: '0', estMinutesSavedPerCall: '600', estCallsPerWeek: '2.5' });
    expect(bad.success).toBe(false);
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      estTeams: 'At least one team would use it.', estMinutesSavedPerCall: 'Minutes saved per call must be at most 480 (a working day).', estCallsPerWeek: 'Calls per week must be a whole number.',
    });
  });
});
