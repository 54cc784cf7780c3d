// What the activation pages show: DTOs of the per-tenant page and of the platform matrix, and their query input.
// Isomorphic (types and zod only): the services build these, the components render them.
import { z } from 'zod';
import type { DecisionSource } from '@/lib/activation';

export type TRuleDto = { enabled: boolean; rolloutPercent: number | null; reason: string; updatedAt: string };
export type TEffectiveDto = { enabled: boolean; source: DecisionSource; reason: string; version: number };
export type TUsageDto = { minute: number; day: number };

export type TToolRowDto = {
  id: string;
  slug: string;
  title: string;
  lifecycle: string;
  critical: boolean;
  riskLevel: string;
  servedVersion: number;
  versions: number[];
  killedGlobally: boolean;
  killedReason: string | null;
  killed: boolean;
  killedTenantReason: string | null;
  pinnedVersion: number | null;
  /** The tool policy's own limits (null = the tenant default applies). */
  ownLimits: { requestsPerMinute: number | null; callsPerDay: number | null };
  limits: { requestsPerMinute: number; callsPerDay: number; source: 'tool_policy' | 'tenant_default' };
  usage: TUsageDto;
  tenantRule: TRuleDto | null;
  teamRules: Record<string, TRuleDto>;
  userRuleCount: number;
  /** Effective for a caller of the whole tenant (no team, no user) and for a member of each team. */
  effective: { tenant: TEffectiveDto; teams: Record<string, TEffectiveDto> };
};

export type TTeamDto = { id: string; slug: string; name: string; memberCount: number };

export type TTokenLimitDto = {
  id: string;
  name: string;
  prefix: string;
  team: string | null;
  requestsPerMinute: number | null;
  callsPerDay: number | null;
  usage: TUsageDto;
  revoked: boolean;
  expired: boolean;
};

export type TActivationOverview = {
  tenant: { id: string; slug: string; name: string };
  defaults: { requestsPerMinute: number; callsPerDay: number };
  teams: TTeamDto[];
  tools: TToolRowDto[];
  tokens: TTokenLimitDto[];
};

export const ZFindUserActivationsInput = z.object({
  tenantId: z.string().min(1),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TFindUserActivationsInput = z.input<typeof ZFindUserActivationsInput>;

export type TUserCellDto = { rule: TRuleDto | null; effective: TEffectiveDto };
export type TUserRowDto = { id: string; email: string; name: string; teams: string[]; cells: Record<string, TUserCellDto> };
export type TUserActivations = {
  tools: { id: string; slug: string }[];
  items: TUserRowDto[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

export const ZFindActivationMatrixInput = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(25),
});
export type TFindActivationMatrixInput = z.input<typeof ZFindActivationMatrixInput>;

export type TMatrixCellDto = {
  state: 'on' | 'off' | 'rollout' | 'none';
  rolloutPercent: number | null;
  killed: boolean;
  pinnedVersion: number | null;
  overrides: { teams: number; users: number };
  effective: TEffectiveDto;
};
export type TActivationMatrix = {
  tools: { id: string; slug: string; title: string; lifecycle: string; killedGlobally: boolean; killedReason: string | null }[];
  tenants: { id: string; slug: string; name: string; cells: Record<string, TMatrixCellDto> }[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};
