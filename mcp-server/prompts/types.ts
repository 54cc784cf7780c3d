import 'server-only';
// What serves MCP prompts: one provider per source (catalogue tools' usage prompts, conformance fixtures under the
// test switch, upstream MCP servers once federated). A provider lists only what the caller may use; prompts/get
// answers a name absent from the caller's list exactly like an unknown one.
import type { GetPromptResult, Prompt } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';

export interface ServedPrompt {
  prompt: Prompt;
  /** Arguments are checked (required ones present) before this is called. */
  render(args: Record<string, string>): Promise<GetPromptResult> | GetPromptResult;
  /** Completion values of one argument (only values the caller may use); absent: no suggestions. */
  complete?(argument: { name: string; value: string }, context: Record<string, string>): Promise<string[]> | string[];
  audit: { resourceType: string; resourceId: string; toolSlug?: string; details?: Record<string, unknown> };
}

export interface PromptProvider {
  readonly id: string;
  /** Every prompt of this source the caller may use (bounded: prompts are authored, not data). */
  list(ctx: CallContext): Promise<ServedPrompt[]>;
}
