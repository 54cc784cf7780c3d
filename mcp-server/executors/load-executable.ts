import 'server-only';
// A tool version as an executor runs it, read fresh (for the execution of an approved call, which must not run a
// version other than the approved one, nor a quarantined upstream tool).
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parseToolConfig } from '@/lib/schemas/tool-config';
import type { ServedSchema } from '@/mcp-server/pipeline/validate-input';
import type { ExecutableTool } from './types';

export async function loadExecutable(db: PrismaClient, toolId: string, version: number): Promise<{ tool: ExecutableTool & ServedSchema } | { error: string }> {
  const v = await db.toolVersion.findUnique({
    where: { toolId_version: { toolId, version } },
    select: {
      definitionHash: true, inputSchema: true, outputSchema: true, annotations: true,
      tool: { select: { id: true, slug: true, kind: true, config: true, timeoutMs: true, maxOutputBytes: true, readOnly: true } },
    },
  });
  if (!v) return { error: `version ${version} has no definition` };
  const config = parseToolConfig(v.tool.kind, v.tool.config);
  if (!config.ok) return { error: `its ${v.tool.kind} configuration is invalid (${config.message})` };
  if (config.config.kind === 'upstream_mcp' && config.config.quarantined) return { error: 'it is quarantined: its upstream changed its definition, which must be reviewed first' };
  return {
    tool: {
      id: v.tool.id, slug: v.tool.slug, kind: v.tool.kind, config: config.config, version, definitionHash: v.definitionHash,
      inputSchema: v.inputSchema as Record<string, unknown>, outputSchema: (v.outputSchema as Record<string, unknown> | null) ?? null,
      annotations: v.annotations as Record<string, unknown>, timeoutMs: v.tool.timeoutMs, maxOutputBytes: v.tool.maxOutputBytes, readOnly: v.tool.readOnly,
    },
  };
}
