'use server';
// Server actions of the activation pages: parse with the shared zod schemas, resolve the actor, call one use case.
import { ZImportActivationInput, ZSetActivationRuleInput, ZSetKillSwitchInput, ZSetTokenLimitsInput, ZSetToolPolicyInput } from '@/lib/schemas/activation';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { importActivationPolicy } from '@/lib/services/activation/import-activation-policy';
import { setActivationRule } from '@/lib/services/activation/set-activation-rule';
import { setKillSwitch } from '@/lib/services/activation/set-kill-switch';
import { setTokenLimits } from '@/lib/services/activation/set-token-limits';
import { setToolPolicy } from '@/lib/services/activation/set-tool-policy';

export async function setActivationRuleAction(input: unknown) {
  return runAction(async () => setActivationRule({ actor: await requireActor(), ...parseInput(ZSetActivationRuleInput, input) }));
}

export async function setKillSwitchAction(input: unknown) {
  return runAction(async () => setKillSwitch({ actor: await requireActor(), ...parseInput(ZSetKillSwitchInput, input) }));
}

export async function setToolPolicyAction(input: unknown) {
  return runAction(async () => setToolPolicy({ actor: await requireActor(), ...parseInput(ZSetToolPolicyInput, input) }));
}

export async function setTokenLimitsAction(input: unknown) {
  return runAction(async () => setTokenLimits({ actor: await requireActor(), ...parseInput(ZSetTokenLimitsInput, input) }));
}

/** Preview (dryRun) or apply an activation policy document; { ok:false, issues } carries line-precise errors. */
export async function importActivationAction(input: unknown, dryRun: boolean) {
  return runAction(async () => importActivationPolicy({ actor: await requireActor(), ...parseInput(ZImportActivationInput, input), dryRun }));
}
