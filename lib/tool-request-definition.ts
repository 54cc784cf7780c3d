// Derives the registration record and the first tool definition (what agents see) of an approved tool
// request, and the contract tests recorded at publication. Pure (no I/O).
import type { TContractExamples } from '@/lib/schemas/contracts';
import type { TToolRequestFields, TRiskLevel } from '@/lib/schemas/tool-request';
import { definitionHash, type ToolDefinitionView } from '@/lib/tool-definition';

export type RequestForDefinition = TToolRequestFields & { id: string; riskLevel: TRiskLevel };

export function slugFromTitle(title: string): string {
  const s = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const withLetter = /^[a-z]/.test(s) ? s : `tool_${s}`;
  return withLetter.slice(0, 56).replace(/_+$/, '') || 'tool';
}

export function deriveDefinition(r: RequestForDefinition, slug: string): ToolDefinitionView {
  const properties: Record<string, unknown> = {
    query: { type: 'string', minLength: 1, maxLength: 2000, description: `What to look up in: ${r.dataConsulted}` },
  };
  const required = ['query'];
  if (r.writeActions) {
    properties.changes = { type: 'object', description: `The change to apply to: ${r.dataWritten || r.dataConsulted}`, additionalProperties: true };
    required.push('changes');
  }
  if (r.criticalActions) {
    properties.reason = { type: 'string', minLength: 3, maxLength: 500, description: 'Why this critical action is needed (shown to the approving operator)' };
    required.push('reason');
  }
  return {
    name: slug,
    description: `${r.title}. ${r.useCase}`.slice(0, 2000),
    inputSchema: { type: 'object', properties, required, additionalProperties: false },
    outputSchema: {
      type: 'object',
      properties: {
        result: { type: 'object', description: 'The data returned by the tool', additionalProperties: true },
        source: { type: 'string', description: 'Where the data came from' },
      },
      required: ['result'],
      additionalProperties: false,
    },
    annotations: { title: r.title, readOnlyHint: !r.writeActions, destructiveHint: r.criticalActions, idempotentHint: !r.writeActions, openWorldHint: r.externalHosts.length > 0 },
  };
}

export function deriveRecord(r: RequestForDefinition) {
  return {
    title: r.title,
    description: r.useCase,
    category: r.workflow,
    kind: 'http_declarative' as const,
    lifecycle: 'published' as const,
    ownerTeam: r.ownerTeam,
    riskLevel: r.riskLevel,
    dataClassification: r.dataClassification,
    dataRead: [r.dataConsulted],
    dataWritten: r.dataWritten ? [r.dataWritten] : [],
    requiredScopes: r.requestedScopes,
    auditLevel: r.criticalActions ? ('full' as const) : r.dataClassification === 'public' ? ('metadata' as const) : ('full_redacted' as const),
    critical: r.criticalActions,
    readOnly: !r.writeActions,
    destructive: r.criticalActions,
    idempotent: !r.writeActions,
    openWorld: r.externalHosts.length > 0,
    tags: [r.workflow, r.dataClassification, ...(r.writeActions ? ['write'] : ['read-only'])],
    config: { source: 'tool_request', requestId: r.id, egressHosts: r.externalHosts, expectedVolumePerDay: r.expectedVolume },
  };
}

export interface ContractCheck { name: string; passed: boolean; detail: string }

/** The contract tests recorded when a request is published; publication is refused if one fails. */
export function contractChecks(r: RequestForDefinition, def: ToolDefinitionView, record: ReturnType<typeof deriveRecord>): ContractCheck[] {
  const schema = def.inputSchema as { type?: unknown; additionalProperties?: unknown; required?: unknown; properties?: Record<string, unknown> };
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const props = Object.keys(schema.properties ?? {});
  const ann = def.annotations as Record<string, unknown>;
  const hash = definitionHash(def);
  return [
    { name: 'name is a valid tool name', passed: /^[a-z][a-z0-9_]{2,62}$/.test(def.name), detail: def.name },
    { name: 'input schema is a closed object', passed: schema.type === 'object' && schema.additionalProperties === false, detail: 'type object, additionalProperties false' },
    { name: 'required fields are declared', passed: required.every((k) => props.includes(k)), detail: required.join(', ') },
    { name: 'every field is described', passed: Object.values(schema.properties ?? {}).every((p) => typeof (p as { description?: unknown }).description === 'string'), detail: `${props.length} fields` },
    { name: 'annotations match the request', passed: ann.readOnlyHint === !r.writeActions && ann.destructiveHint === r.criticalActions, detail: `readOnlyHint=${String(ann.readOnlyHint)}, destructiveHint=${String(ann.destructiveHint)}` },
    { name: 'critical actions require a reason and a human approval', passed: !r.criticalActions || (required.includes('reason') && record.critical), detail: r.criticalActions ? 'reason required, critical flag set' : 'not critical' },
    { name: 'egress hosts are declared in the configuration', passed: r.externalHosts.every((h) => record.config.egressHosts.includes(h)), detail: r.externalHosts.join(', ') || 'none' },
    { name: 'definition hash is stable', passed: hash === definitionHash(JSON.parse(JSON.stringify(def)) as ToolDefinitionView), detail: hash.slice(0, 12) },
  ];
}

const SAMPLE: Record<string, unknown> = { query: 'example', changes: {}, reason: 'contract check' };

/**
 * Version 1's contract examples: the refusals its input schema promises (each required field missing, an unknown
 * field). They run through the pipeline's input checks before the version is served, like any later version's.
 */
export function deriveContractExamples(def: ToolDefinitionView): TContractExamples {
  const schema = def.inputSchema as { required?: unknown };
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const valid = Object.fromEntries(required.map((k) => [k, SAMPLE[k] ?? 'example']));
  return [
    ...required.map((k) => ({
      name: `refuses a call without ${k}`,
      input: Object.fromEntries(Object.entries(valid).filter(([f]) => f !== k)),
      expect: { outcome: 'error' as const, messagePattern: `${k}: is required` },
    })),
    { name: 'refuses an unknown argument', input: { ...valid, unexpected_argument: true }, expect: { outcome: 'error' as const, messagePattern: 'unknown field "unexpected_argument"' } },
  ];
}
