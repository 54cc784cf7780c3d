// The contract between the /mcp call pipeline and a tool executor. The pipeline has already authenticated the
// caller, resolved activation and scopes, validated the input with the tool's zod schema, applied limits and the
// approval gate; the executor only does the work, honouring `signal` (aborted at the tool's timeout).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { TPiiRules } from '@/lib/schemas/tenant-policy';

export interface ToolTenant {
  id: string;
  slug: string;
  name: string;
}

/** The tenant policy the executor must honour (egress, data scopes); PII redaction is applied by the pipeline. */
export interface ToolTenantPolicy {
  egressAllowlist: string[];
  dataScopes: string[];
  piiRules: TPiiRules;
}

export interface ToolCaller {
  tokenId: string;
  tokenName: string;
  teamId: string | null;
  userId: string | null;
}

export interface ToolContext {
  /** The platform database (tenant-scoped reads and writes only: always filter by tenant.id). */
  db: PrismaClient | Prisma.TransactionClient;
  tenant: ToolTenant;
  policy: ToolTenantPolicy;
  caller: ToolCaller;
  requestId: string;
  /** Aborted when the tool's timeout expires or the client goes away. */
  signal: AbortSignal;
  timeoutMs: number;
  maxOutputBytes: number;
  /** Decrypted tenant secret for this tool (e.g. GITHUB_TOKEN), or null when the tenant has not set it. */
  secret(name: string): Promise<string | null>;
}

/** What the executor reports besides its output, for the audit record ("resources touched") and cost. */
export interface ToolEffects {
  resourcesTouched: string[];
  costMicros?: number;
}

export interface ToolResult<O> {
  output: O;
  effects: ToolEffects;
}

/**
 * none: reads only — executed, then audited (if the audit fails the result is withheld).
 * db: writes the platform database — executed inside the audit's transaction (rolled back if the audit fails).
 * external: effect outside the database — an audit record is written before it runs (fail-closed).
 */
export type ToolEffectKind = 'none' | 'db' | 'external';

export interface ToolExecutor<I = unknown, O = unknown> {
  slug: string;
  effect: ToolEffectKind;
  /**
   * A read of the tenant's data in this platform's own database (no request leaves it): it may start while the
   * call's rate-limit claim is being counted, when the call is far from its limits; its result is released only
   * if the claim fits (call-tool.ts).
   */
  internalRead?: true;
  execute(ctx: ToolContext, input: I): Promise<ToolResult<O>>;
}

/** A refusal the caller should see as a tool error (isError result), e.g. host not on the allowlist. */
export class ToolRefusal extends Error {
  constructor(
    readonly code: 'EGRESS_DENIED' | 'SCOPE_DENIED' | 'NOT_FOUND' | 'INVALID' | 'UPSTREAM' | 'TOO_LARGE' | 'NOT_CONFIGURED' | 'TIMEOUT' | 'CANCELLED',
    message: string,
  ) {
    super(message);
    this.name = 'ToolRefusal';
  }
}
