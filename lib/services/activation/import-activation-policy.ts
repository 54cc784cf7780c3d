import 'server-only';
// Import of the plan's activation policy format (one document or a list). Every reference (tenant, team, user, tool)
// is checked and every problem is reported with its line and column; when anything is wrong nothing is applied.
// dryRun: the preview of what would change. Otherwise all changes and one audit event commit in one transaction.
// Semantics per subject (tenant, team_id or user_id; documents for the same subject are merged): each listed tool
// gets an enabled rule at that level; the subject's other enabled rules are turned off; tool_limits set the
// tenant × tool limits of the listed tools (the fields given only).
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, can, type Actor } from '@/lib/policy';
import { docPath, formatPath, parseActivationImport, type ImportIssue, type TImportChange, type TImportPreview } from '@/lib/schemas/activation';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { recordFirstActivation } from '@/lib/services/tool-requests/record-first-activation';
import { scopeKeyOf } from './shared';
import { newRequestId } from '@/lib/server/ids';

type Tx = Prisma.TransactionClient;
type Subject = { tenantId: string; tenantSlug: string; scope: 'tenant' | 'team' | 'user'; teamId: string | null; userId: string | null; label: string };
type Plan = { subject: Subject; tools: Map<string, { id: string; slug: string }> };
type Write = { kind: 'rule'; subject: Subject; toolId: string; enabled: boolean } | { kind: 'limits'; tenantId: string; toolId: string; requestsPerMinute?: number; callsPerDay?: number };

const REASON = 'Imported activation policy';
const fmtLimits = (rpm: number | null | undefined, day: number | null | undefined) => `${rpm ?? 'default'}/min, ${day ?? 'default'}/day`;

export async function importActivationPolicy({ actor, text, dryRun }: { actor: Actor; text: string; dryRun: boolean }): Promise<TImportPreview> {
  assertCan(actor, 'activation.manage');
  const parsed = parseActivationImport(text);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  const run = async (tx: Tx): Promise<TImportPreview & { writes?: Write[] }> => {
    const issues: ImportIssue[] = [];
    const at = (index: number, path: (string | number)[], message: string) => {
      const full = [...docPath(index), ...path];
      issues.push({ ...parsed.locate(full), path: formatPath(full), message });
    };
    const plans = new Map<string, Plan>();
    const limits = new Map<string, { tenantId: string; toolId: string; slug: string; rpm?: number; day?: number; index: number }>();
    for (const { doc, index } of parsed.docs) {
      const tenant = await tx.tenant.findFirst({ where: { OR: [{ slug: doc.tenant_id }, { id: doc.tenant_id }] }, select: { id: true, slug: true } });
      if (!tenant || !can(actor, 'activation.manage', { tenantId: tenant.id })) {
        at(index, ['tenant_id'], `Unknown tenant "${doc.tenant_id}"${actor.tenantId ? ' (you can import for your own tenant only)' : ''}.`);
        continue;
      }
      let subject: Subject = { tenantId: tenant.id, tenantSlug: tenant.slug, scope: 'tenant', teamId: null, userId: null, label: 'tenant' };
      if (doc.team_id) {
        const team = await tx.team.findFirst({ where: { tenantId: tenant.id, OR: [{ slug: doc.team_id }, { id: doc.team_id }] }, select: { id: true, name: true } });
        if (!team) { at(index, ['team_id'], `Unknown team "${doc.team_id}" in ${tenant.slug}.`); continue; }
        subject = { ...subject, scope: 'team', teamId: team.id, label: `team ${team.name}` };
      } else if (doc.user_id) {
        const user = await tx.user.findFirst({ where: { tenantId: tenant.id, OR: [{ id: doc.user_id }, { email: doc.user_id.toLowerCase() }] }, select: { id: true, email: true } });
        if (!user) { at(index, ['user_id'], `Unknown user "${doc.user_id}" in ${tenant.slug}.`); continue; }
        subject = { ...subject, scope: 'user', userId: user.id, label: `user ${user.email}` };
      }
      const key = `${tenant.id}|${scopeKeyOf(subject.scope, subject.teamId, subject.userId)}`;
      const plan = plans.get(key) ?? { subject, tools: new Map() };
      plans.set(key, plan);
      const tools = await tx.tool.findMany({ where: { slug: { in: doc.enabled_tools }, lifecycle: { not: 'draft' } }, select: { id: true, slug: true } });
      doc.enabled_tools.forEach((slug, i) => {
        const tool = tools.find((t) => t.slug === slug);
        if (!tool) { at(index, ['enabled_tools', i], `Unknown tool "${slug}".`); return; }
        plan.tools.set(tool.id, tool);
        if (!doc.tool_limits) return;
        const lk = `${tenant.id}|${tool.id}`;
        const prev = limits.get(lk);
        const next = { tenantId: tenant.id, toolId: tool.id, slug, rpm: doc.tool_limits.requests_per_min ?? prev?.rpm, day: doc.tool_limits.calls_per_day ?? prev?.day, index };
        if (prev && ((prev.rpm !== undefined && next.rpm !== prev.rpm) || (prev.day !== undefined && next.day !== prev.day))) {
          at(index, ['tool_limits'], `Conflicting limits for ${slug}: another document${prev.index >= 0 ? ` ([${prev.index}])` : ''} sets different ones.`);
        }
        limits.set(lk, next);
      });
    }
    if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line || a.column - b.column) };

    const changes: TImportChange[] = [];
    const writes: Write[] = [];
    let unchanged = 0;
    for (const { subject, tools } of plans.values()) {
      const existing = await tx.toolActivation.findMany({
        where: { tenantId: subject.tenantId, scopeKey: scopeKeyOf(subject.scope, subject.teamId, subject.userId) },
        select: { toolId: true, enabled: true, rolloutPercent: true, tool: { select: { slug: true } } },
      });
      for (const tool of tools.values()) {
        const r = existing.find((e) => e.toolId === tool.id);
        if (r?.enabled) { unchanged++; continue; }
        changes.push({ tenant: subject.tenantSlug, subject: subject.label, tool: tool.slug, change: 'enable', before: r ? 'off' : 'inherit', after: 'on' });
        writes.push({ kind: 'rule', subject, toolId: tool.id, enabled: true });
      }
      for (const r of existing.filter((e) => e.enabled && !tools.has(e.toolId))) {
        changes.push({ tenant: subject.tenantSlug, subject: subject.label, tool: r.tool.slug, change: 'disable', before: r.rolloutPercent !== null && r.rolloutPercent < 100 ? `on (${r.rolloutPercent}%)` : 'on', after: 'off' });
        writes.push({ kind: 'rule', subject, toolId: r.toolId, enabled: false });
      }
    }
    for (const l of limits.values()) {
      const p = await tx.tenantToolPolicy.findUnique({ where: { tenantId_toolId: { tenantId: l.tenantId, toolId: l.toolId } }, select: { requestsPerMinute: true, callsPerDay: true } });
      const rpm = l.rpm ?? p?.requestsPerMinute ?? null;
      const day = l.day ?? p?.callsPerDay ?? null;
      if (rpm === (p?.requestsPerMinute ?? null) && day === (p?.callsPerDay ?? null)) { unchanged++; continue; }
      const slug = [...plans.values()].find((x) => x.subject.tenantId === l.tenantId)?.subject.tenantSlug ?? '';
      changes.push({ tenant: slug, subject: 'tenant', tool: l.slug, change: 'limits', before: fmtLimits(p?.requestsPerMinute, p?.callsPerDay), after: fmtLimits(rpm, day) });
      writes.push({ kind: 'limits', tenantId: l.tenantId, toolId: l.toolId, requestsPerMinute: l.rpm, callsPerDay: l.day });
    }
    return { ok: true, changes, unchanged, writes };
  };

  if (dryRun) {
    const { writes: _w, ...preview } = await db.$transaction(run);
    return preview;
  }
  return db.$transaction(async (tx) => {
    const result = await run(tx);
    if (!result.ok || !result.writes) return result;
    const { writes, ...preview } = result;
    for (const w of writes) {
      if (w.kind === 'limits') {
        const data = { ...(w.requestsPerMinute !== undefined ? { requestsPerMinute: w.requestsPerMinute } : {}), ...(w.callsPerDay !== undefined ? { callsPerDay: w.callsPerDay } : {}) };
        await tx.tenantToolPolicy.upsert({ where: { tenantId_toolId: { tenantId: w.tenantId, toolId: w.toolId } }, create: { tenantId: w.tenantId, toolId: w.toolId, ...data }, update: data });
        continue;
      }
      const { subject } = w;
      const scopeKey = scopeKeyOf(subject.scope, subject.teamId, subject.userId);
      const data = { enabled: w.enabled, rolloutPercent: null, reason: REASON, updatedById: actor.id };
      await tx.toolActivation.upsert({
        where: { tenantId_toolId_scopeKey: { tenantId: subject.tenantId, toolId: w.toolId, scopeKey } },
        create: { tenantId: subject.tenantId, toolId: w.toolId, scope: subject.scope, teamId: subject.teamId, userId: subject.userId, scopeKey, ...data },
        update: data,
      });
      if (w.enabled) await recordFirstActivation(tx, w.toolId);
    }
    const tenantIds = [...new Set(writes.map((w) => (w.kind === 'rule' ? w.subject.tenantId : w.tenantId)))];
    if (writes.length > 0) {
      await writeAudit(tx, actor, {
        requestId: newRequestId(),
        tenantId: tenantIds.length === 1 ? tenantIds[0] : null,
        action: 'activation_policy.imported',
        resourceType: 'activation_policy',
        resourceId: null,
        details: { changes: preview.changes.slice(0, 500), changeCount: preview.changes.length, unchanged: preview.unchanged },
        resourcesTouched: [...new Set(preview.changes.flatMap((c) => [`tenant:${c.tenant}`, `tool:${c.tool}`]))],
      });
    }
    return preview;
  });
}
