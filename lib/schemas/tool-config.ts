// Tool.config, typed by the tool's kind (one discriminated union on `kind`): what the executor of that kind needs
// besides the served ToolVersion. Isomorphic: the portal's forms and the /mcp pipeline parse the same object.
import { z } from 'zod';
import { httpToolConfigSchema } from './http-tool';

export const ZBuiltinToolConfig = z.object({
  kind: z.literal('builtin'),
});

export const ZUpstreamToolConfig = z.object({
  kind: z.literal('upstream_mcp'),
  upstreamServerId: z.string().min(1).describe('The registered upstream MCP server this tool is forwarded to'),
  remoteName: z.string().min(1).max(128).describe('The tool name on the upstream server (ours is <namespace>.<remoteName>)'),
  /** The definition hash of the upstream's definition when it was last discovered (rug-pull defence). */
  remoteHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** Set when the upstream started serving a different definition: not listed, not callable until reviewed. */
  quarantined: z
    .object({ since: z.iso.datetime(), newHash: z.string(), version: z.number().int().positive().optional() })
    .optional(),
});

export const ZHttpDeclarativeToolConfig = httpToolConfigSchema.extend({ kind: z.literal('http_declarative') });

export const ZToolConfig = z.discriminatedUnion('kind', [ZBuiltinToolConfig, ZUpstreamToolConfig, ZHttpDeclarativeToolConfig]);

export type TToolConfig = z.infer<typeof ZToolConfig>;
export type TUpstreamToolConfig = z.infer<typeof ZUpstreamToolConfig>;
export type THttpDeclarativeToolConfig = z.infer<typeof ZHttpDeclarativeToolConfig>;

/** Tool.config as stored (null for built-ins written before configs existed), checked against the tool's kind. */
export function parseToolConfig(kind: string, raw: unknown): { ok: true; config: TToolConfig } | { ok: false; message: string } {
  const value = raw == null && kind === 'builtin' ? { kind } : raw;
  const parsed = ZToolConfig.safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ') };
  if (parsed.data.kind !== kind) return { ok: false, message: `config is for kind ${parsed.data.kind}, the tool is ${kind}` };
  return { ok: true, config: parsed.data };
}
