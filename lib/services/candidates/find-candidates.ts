import 'server-only';
// The candidates board: tool requests still to decide or build (submitted → approved) and catalogue tools waiting
// for review (draft, in review: e.g. discovered on an upstream server), ranked by estimated value against risk.
// The open set is small (hundreds at most), so ranking and paging happen here, after one read of each table.
import { assertCan, type Actor } from '@/lib/policy';
import type { CandidateRow, TFindCandidatesInput } from '@/lib/schemas/candidates';
import { getDb } from '@/lib/server/db/client';
import { hoursSavedPerWeek, priorityScore, RISK_WEIGHT } from './value';

export const CANDIDATES_PAGE_SIZE = 20;
const OPEN_REQUESTS = ['submitted', 'in_review', 'changes_requested', 'approved'] as const;

export async function findCandidates({ actor, q, kind, risk, sort, page }: TFindCandidatesInput & { actor: Actor }) {
  assertCan(actor, 'candidates.read');
  const db = await getDb();
  const text = q ? { OR: [{ title: { contains: q, mode: 'insensitive' as const } }, { useCase: { contains: q, mode: 'insensitive' as const } }] } : {};
  const [requests, tools] = await Promise.all([
    kind === 'tool' ? [] : db.toolRequest.findMany({
      where: { status: { in: [...OPEN_REQUESTS] }, ...(risk ? { riskLevel: risk } : {}), ...text },
      select: { id: true, title: true, status: true, riskLevel: true, estCallsPerWeek: true, estMinutesSavedPerCall: true, estTeams: true, createdAt: true, tenant: { select: { slug: true } } },
    }),
    kind === 'request' ? [] : db.tool.findMany({
      where: { lifecycle: { in: ['draft', 'in_review'] }, ...(risk ? { riskLevel: risk } : {}), ...(q ? { OR: [{ title: { contains: q, mode: 'insensitive' as const } }, { description: { contains: q, mode: 'insensitive' as const } }] } : {}) },
      select: { id: true, slug: true, title: true, lifecycle: true, riskLevel: true, createdAt: true },
    }),
  ]);
  const rows: CandidateRow[] = [
    ...requests.map((r) => ({
      kind: 'request' as const, id: r.id, title: r.title, href: `/reviews/${r.id}`, tenant: r.tenant.slug, status: r.status, riskLevel: r.riskLevel,
      estCallsPerWeek: r.estCallsPerWeek, estMinutesSavedPerCall: r.estMinutesSavedPerCall, estTeams: r.estTeams,
      hoursPerWeek: hoursSavedPerWeek(r), priority: priorityScore(r, r.riskLevel), createdAt: r.createdAt.toISOString(),
    })),
    ...tools.map((t) => ({
      kind: 'tool' as const, id: t.id, title: t.title, href: `/catalogue/${t.slug}`, tenant: null, status: t.lifecycle, riskLevel: t.riskLevel,
      estCallsPerWeek: null, estMinutesSavedPerCall: null, estTeams: null, hoursPerWeek: null, priority: null, createdAt: t.createdAt.toISOString(),
    })),
  ];
  const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);
  rows.sort((a, b) =>
    (sort === 'value' ? desc(a.hoursPerWeek, b.hoursPerWeek)
      : sort === 'risk' ? RISK_WEIGHT[b.riskLevel] - RISK_WEIGHT[a.riskLevel]
      : sort === 'newest' ? b.createdAt.localeCompare(a.createdAt)
      : desc(a.priority, b.priority)) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const pageCount = Math.max(1, Math.ceil(rows.length / CANDIDATES_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  return { rows: rows.slice((current - 1) * CANDIDATES_PAGE_SIZE, current * CANDIDATES_PAGE_SIZE), total: rows.length, page: current, pageCount, pageSize: CANDIDATES_PAGE_SIZE };
}
