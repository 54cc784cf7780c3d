import 'server-only';
// What serves MCP resources: one provider per source (the tenant's knowledge base, conformance fixtures under the
// test switch, upstream MCP servers once federated). The registry (registry.ts) pages through providers in order and
// asks each in turn to read a URI; a provider answers null for a URI that is not its own or that the caller may not
// see, so another tenant's resource is answered exactly like an unknown one.
import type { Resource, ResourceTemplateType as ResourceTemplate, ReadResourceResult } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';

export interface ResourcePage {
  resources: Resource[];
  /** The provider's own opaque cursor for its next page, if any. */
  nextCursor?: string;
}

/** A resource as read, with what the audit records of it. */
export interface ResourceRead {
  result: ReadResourceResult;
  audit: { resourceType: string; resourceId: string; toolSlug?: string; details?: Record<string, unknown> };
}

export interface ResourceProvider {
  /** Stable id, part of the list cursor (e.g. "kb", "fixtures", "upstream:crm"). */
  readonly id: string;
  /** Whether this caller may see anything of this provider (activation). Not available: lists nothing, reads nothing. */
  available(ctx: CallContext): Promise<boolean>;
  list(ctx: CallContext, cursor: string | undefined): Promise<ResourcePage>;
  templates(ctx: CallContext): Promise<ResourceTemplate[]>;
  /** The resource at uri, or null when it is not this provider's or the caller may not see it. */
  read(ctx: CallContext, uri: string): Promise<ResourceRead | null>;
  /**
   * Completion values of one variable of one of this provider's templates (null: not this provider's template).
   * Only values the caller may read.
   */
  complete?(ctx: CallContext, uriTemplate: string, argument: { name: string; value: string }, context: Record<string, string>): Promise<string[] | null>;
}
