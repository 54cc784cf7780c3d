'use server';
// Server actions of the settings pages: parse with the shared zod schemas, resolve the actor, call one use case.
// Secret values go in and never come back; an agent token is returned once, at creation.
import { ZCreateAgentTokenInput, ZRevokeAgentTokenInput } from '@/lib/schemas/agent-token';
import { ZDeleteSecretInput, ZSetApprovalRuleInput, ZSetDataScopesInput, ZSetDefaultLimitsInput, ZSetEgressAllowlistInput, ZSetPiiRulesInput, ZSetSecretInput } from '@/lib/schemas/tenant-policy';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { createAgentToken } from '@/lib/services/agent-tokens/create-agent-token';
import { revokeAgentToken } from '@/lib/services/agent-tokens/revoke-agent-token';
import { deleteSecret } from '@/lib/services/secrets/delete-secret';
import { setSecret } from '@/lib/services/secrets/set-secret';
import { setApprovalRule } from '@/lib/services/tenant-policy/set-approval-rule';
import { setDataScopes } from '@/lib/services/tenant-policy/set-data-scopes';
import { setDefaultLimits } from '@/lib/services/tenant-policy/set-default-limits';
import { setEgressAllowlist } from '@/lib/services/tenant-policy/set-egress-allowlist';
import { setPiiRules } from '@/lib/services/tenant-policy/set-pii-rules';

export async function setEgressAllowlistAction(input: unknown) {
  return runAction(async () => setEgressAllowlist({ actor: await requireActor(), ...parseInput(ZSetEgressAllowlistInput, input) }));
}

export async function setPiiRulesAction(input: unknown) {
  return runAction(async () => setPiiRules({ actor: await requireActor(), ...parseInput(ZSetPiiRulesInput, input) }));
}

export async function setDataScopesAction(input: unknown) {
  return runAction(async () => setDataScopes({ actor: await requireActor(), ...parseInput(ZSetDataScopesInput, input) }));
}

export async function setDefaultLimitsAction(input: unknown) {
  return runAction(async () => setDefaultLimits({ actor: await requireActor(), ...parseInput(ZSetDefaultLimitsInput, input) }));
}

export async function setApprovalRuleAction(input: unknown) {
  return runAction(async () => setApprovalRule({ actor: await requireActor(), ...parseInput(ZSetApprovalRuleInput, input) }));
}

export async function setSecretAction(input: unknown) {
  return runAction(async () => setSecret({ actor: await requireActor(), ...parseInput(ZSetSecretInput, input) }));
}

export async function deleteSecretAction(input: unknown) {
  return runAction(async () => deleteSecret({ actor: await requireActor(), ...parseInput(ZDeleteSecretInput, input) }));
}

export async function createAgentTokenAction(input: unknown) {
  return runAction(async () => createAgentToken({ actor: await requireActor(), ...parseInput(ZCreateAgentTokenInput, input) }));
}

export async function revokeAgentTokenAction(input: unknown) {
  return runAction(async () => revokeAgentToken({ actor: await requireActor(), ...parseInput(ZRevokeAgentTokenInput, input) }));
}
