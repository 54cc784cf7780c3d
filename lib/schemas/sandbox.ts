// The tool page's sandbox ("Try it"): the input of a call and what the portal shows of it.
import { z } from 'zod';

export const ZSandboxCallInput = z.object({
  slug: z.string().trim().min(1, 'Name the tool.').max(80).describe('The tool to try'),
  arguments: z.record(z.string(), z.unknown(), { error: 'The arguments must be a JSON object.' }).describe('The arguments, as an agent would send them'),
});
export type TSandboxCallInput = z.infer<typeof ZSandboxCallInput>;

export interface SandboxExchange {
  /** The JSON-RPC message the MCP client sent (null for a GET/DELETE without body). */
  request: unknown;
  /** The JSON-RPC message(s) the server answered (SSE events parsed), or its raw text. */
  response: unknown;
  httpStatus: number;
}

export type SandboxResult =
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'dry_run'; reason: string; request: unknown; httpRequest: { method: string; url: string; headers: Record<string, string>; body: string | null } | null; httpRequestError: string | null }
  | { kind: 'called'; latencyMs: number; isError: boolean; result: unknown; exchanges: SandboxExchange[] };
