// What the settings pages show (isomorphic types): one tenant's policies and its secrets (never their values).
import type { ApprovalCondition, ApprovalMode } from '@/lib/activation';
import type { TPiiRules, TSecretDto } from '@/lib/schemas/tenant-policy';

export type TApprovalRuleDto = {
  toolId: string;
  slug: string;
  title: string;
  critical: boolean;
  mode: ApprovalMode;
  condition: ApprovalCondition | null;
  approvalsRequired: number;
  /** Minutes a held call waits for a decision (the default when the tenant has not set one). */
  approvalTtlMinutes: number;
};

export type TTenantPolicyDto = {
  tenant: { id: string; slug: string; name: string };
  egressAllowlist: string[];
  piiRules: TPiiRules;
  dataScopes: string[];
  defaults: { requestsPerMinute: number; callsPerDay: number };
  approvalRules: TApprovalRuleDto[];
  updatedAt: string | null;
};

/**
 * A secret kept for an upstream MCP server (scope `upstream:<namespace>`) is written only through the upstream
 * credential path, so the Secrets page needs to know whose it is: a platform-wide server's (set in Settings →
 * Upstream credentials), the tenant's own server's (set on that server's page), or nobody's any more.
 */
export type TSecretUpstream = {
  namespace: string;
  /** The server of that namespace; null when none exists any more. */
  server: { id: string; name: string; platformWide: boolean } | null;
  /** Whether the server still reads this secret (false once its secret name has changed or it was removed). */
  inUse: boolean;
};

export type TSecretRow = TSecretDto & { upstream: TSecretUpstream | null };

export type TSecretsView = { secrets: TSecretRow[]; tools: { slug: string; title: string }[] };
