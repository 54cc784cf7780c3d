import { describe, expect, it } from 'vitest';
import { definitionHash } from '@/lib/tool-definition';
import { validateServedInput } from '@/mcp-server/pipeline/validate-input';
import { contractChecks, deriveContractExamples, deriveDefinition, deriveRecord, slugFromTitle, type RequestForDefinition } from './tool-request-definition';

const req: RequestForDefinition = {
  id: 'r1', title: 'Supplier payout scheduler', useCase: 'Finance schedules supplier payouts from approved invoices.', workflow: 'finance',
  ownerTeam: 'Finance', dataConsulted: 'approved invoices', dataWritten: 'payout orders', dataClassification: 'confidential',
  externalHosts: ['bank-api.example'], writeActions: true, criticalActions: true, expectedVolume: 50, requestedScopes: ['bank:payout'], riskLevel: 'critical',
};

describe('definition derived from a tool request', () => {
  it('names the tool from its title', () => {
    expect(slugFromTitle('Supplier payout scheduler')).toBe('supplier_payout_scheduler');
    expect(slugFromTitle('Élan: 3rd-party CRM!')).toBe('elan_3rd_party_crm');
    expect(slugFromTitle('42 things')).toBe('tool_42_things');
  });

  it('derives a closed schema with changes and reason for write/critical tools, and matching annotations', () => {
    const d = deriveDefinition(req, 'supplier_payout_scheduler');
    expect(d.inputSchema).toMatchObject({ type: 'object', additionalProperties: false, required: ['query', 'changes', 'reason'] });
    expect(d.annotations).toEqual({ title: req.title, readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    const ro = deriveDefinition({ ...req, writeActions: false, criticalActions: false, externalHosts: [] }, 'x_tool');
    expect(ro.inputSchema).toMatchObject({ required: ['query'] });
    expect(JSON.stringify(ro)).not.toMatch(/TODO|placeholder/i);
  });

  it('passes every contract test for a consistent definition and fails one that drifts', () => {
    const d = deriveDefinition(req, 'supplier_payout_scheduler');
    const rec = deriveRecord(req);
    expect(rec).toMatchObject({ kind: 'http_declarative', lifecycle: 'published', auditLevel: 'full', critical: true, readOnly: false });
    expect(contractChecks(req, d, rec).every((c) => c.passed)).toBe(true);
    const drift = { ...d, annotations: { ...d.annotations, readOnlyHint: true } };
    expect(contractChecks(req, drift, rec).filter((c) => !c.passed).map((c) => c.name)).toEqual(['annotations match the request']);
    expect(contractChecks(req, d, { ...rec, critical: false }).filter((c) => !c.passed).map((c) => c.name)).toEqual(['critical actions require a reason and a human approval']);
  });

  it('derives version 1 contract examples that the served input schema refuses as they expect', () => {
    for (const r of [req, { ...req, writeActions: false, criticalActions: false }]) {
      const d = deriveDefinition(r, 'supplier_payout_scheduler');
      const served = { definitionHash: definitionHash(d), inputSchema: d.inputSchema as Record<string, unknown>, outputSchema: null };
      const examples = deriveContractExamples(d);
      expect(examples.map((e) => e.name)).toEqual([...(d.inputSchema as { required: string[] }).required.map((k) => `refuses a call without ${k}`), 'refuses an unknown argument']);
      for (const e of examples) {
        const check = validateServedInput(served, undefined, e.input, 64 * 1024);
        expect(check.ok, e.name).toBe(false);
        if (e.expect.outcome !== 'error' || check.ok) throw new Error(`${e.name} must expect a refusal`);
        expect(check.message, e.name).toMatch(new RegExp(e.expect.messagePattern!));
      }
      // Without the missing field or the unknown one, the same input is accepted: each example refuses for its reason.
      const valid = Object.fromEntries(Object.entries(examples.at(-1)!.input).filter(([k]) => k !== 'unexpected_argument'));
      expect(validateServedInput(served, undefined, valid, 64 * 1024).ok).toBe(true);
    }
  });
});
