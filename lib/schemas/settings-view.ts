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

export type TSecretsView = { secrets: TSecretDto[]; tools: { slug: string; title: string }[] };
