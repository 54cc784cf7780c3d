import 'server-only';
// Creates or updates a draft. Only the title is required; what is filled must be well-formed. A request sent
// back with "changes requested" is edited the same way before it is resubmitted.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { assessRisk } from '@/lib/risk';
import { isEditable } from '@/lib/request-state';
import type { TSaveToolRequestDraftInput } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { assertRequester, loadRequestOrThrow, recordChange } from './shared';

export async function saveToolRequestDraft({ actor, id, ...f }: TSaveToolRequestDraftInput & { actor: Actor }): Promise<{ id: string; status: string }> {
  assertCan(actor, 'tool_request.create', { tenantId: actor.tenantId });
  if (!actor.tenantId) throw new AppError('FORBIDDEN', { userMessage: 'Tool requests are filed by a tenant member; platform staff have no tenant.' });
  const risk = assessRisk({
    dataClassification: f.dataClassification ?? 'internal', writeActions: f.writeActions ?? false, criticalActions: f.criticalActions ?? false,
    externalHosts: f.externalHosts ?? [], expectedVolume: f.expectedVolume ?? 0,
  });
  const data = {
    title: f.title, useCase: f.useCase ?? '', workflow: f.workflow ?? '', ownerTeam: f.ownerTeam ?? '', dataConsulted: f.dataConsulted ?? '',
    dataWritten: f.dataWritten ?? '', dataClassification: f.dataClassification ?? ('internal' as const), externalHosts: f.externalHosts ?? [],
    writeActions: f.writeActions ?? false, criticalActions: f.criticalActions ?? false, expectedVolume: f.expectedVolume ?? 0,
    requestedScopes: f.requestedScopes ?? [], estCallsPerWeek: f.estCallsPerWeek ?? null, estMinutesSavedPerCall: f.estMinutesSavedPerCall ?? null, estTeams: f.estTeams ?? null,
    riskScore: risk.score, riskLevel: risk.level, riskFactors: risk.factors, requiredApprovals: risk.requiredApprovals,
  };
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (!id) {
      const req = await tx.toolRequest.create({ data: { ...data, tenantId: actor.tenantId!, requesterId: actor.id, status: 'draft' } });
      await recordChange(tx, actor, req, { type: 'created', to: 'draft', notify: { title: `Draft created: ${req.title}` }, audience: 'requester' });
      return { id: req.id, status: req.status };
    }
    const req = await loadRequestOrThrow(tx, actor, id);
    assertRequester(actor, req);
    const res = await tx.toolRequest.updateMany({ where: { id, status: { in: ['draft', 'changes_requested'] } }, data });
    if (res.count !== 1 || !isEditable(req.status)) {
      throw new AppError('INVALID_STATE', { userMessage: 'This request can no longer be edited: it is with the reviewers or already decided.' });
    }
    await recordChange(tx, actor, req, { type: 'edited', data: { fields: Object.keys(f) }, notify: { title: `Request edited: ${f.title}` }, audience: 'requester' });
    return { id, status: req.status };
  });
}
