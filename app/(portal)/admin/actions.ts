'use server';
// Server actions of the administration pages: parse with the shared zod schemas, resolve the actor, call one use
// case. Invitation and reset links come back only in the result of the action that issued them (shown once).
import {
  ZCreateTeamInput, ZCreateTenantInput, ZCreateUserInput, ZDeleteSsoGroupMappingInput, ZIssueAccountLinkInput, ZRemoveTeamInput, ZRenameTeamInput,
  ZSetTenantSuspendedInput, ZSetUserActiveInput, ZSsoGroupMappingInput, ZUpdateTenantInput, ZUpdateUserInput,
} from '@/lib/schemas/admin';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { deleteSsoGroupMapping } from '@/lib/services/admin/delete-sso-group-mapping';
import { setSsoGroupMapping } from '@/lib/services/admin/set-sso-group-mapping';
import { createTeam } from '@/lib/services/tenants/create-team';
import { createTenant } from '@/lib/services/tenants/create-tenant';
import { removeTeam } from '@/lib/services/tenants/remove-team';
import { renameTeam } from '@/lib/services/tenants/rename-team';
import { setTenantSuspended } from '@/lib/services/tenants/set-tenant-suspended';
import { updateTenant } from '@/lib/services/tenants/update-tenant';
import { createUser } from '@/lib/services/users/create-user';
import { issueAccountLinkForUser } from '@/lib/services/users/issue-account-link-for-user';
import { setUserActive } from '@/lib/services/users/set-user-active';
import { updateUser } from '@/lib/services/users/update-user';

export async function createTenantAction(input: unknown) {
  return runAction(async () => createTenant({ actor: await requireActor(), ...parseInput(ZCreateTenantInput, input) }));
}
export async function updateTenantAction(input: unknown) {
  return runAction(async () => updateTenant({ actor: await requireActor(), ...parseInput(ZUpdateTenantInput, input) }));
}
export async function setTenantSuspendedAction(input: unknown) {
  return runAction(async () => setTenantSuspended({ actor: await requireActor(), ...parseInput(ZSetTenantSuspendedInput, input) }));
}
export async function createTeamAction(input: unknown) {
  return runAction(async () => createTeam({ actor: await requireActor(), ...parseInput(ZCreateTeamInput, input) }));
}
export async function renameTeamAction(input: unknown) {
  return runAction(async () => renameTeam({ actor: await requireActor(), ...parseInput(ZRenameTeamInput, input) }));
}
export async function removeTeamAction(input: unknown) {
  return runAction(async () => removeTeam({ actor: await requireActor(), ...parseInput(ZRemoveTeamInput, input) }));
}
export async function createUserAction(input: unknown) {
  return runAction(async () => createUser({ actor: await requireActor(), ...parseInput(ZCreateUserInput, input) }));
}
export async function updateUserAction(input: unknown) {
  return runAction(async () => updateUser({ actor: await requireActor(), ...parseInput(ZUpdateUserInput, input) }));
}
export async function setUserActiveAction(input: unknown) {
  return runAction(async () => setUserActive({ actor: await requireActor(), ...parseInput(ZSetUserActiveInput, input) }));
}
export async function issueAccountLinkAction(input: unknown) {
  return runAction(async () => issueAccountLinkForUser({ actor: await requireActor(), ...parseInput(ZIssueAccountLinkInput, input) }));
}
export async function setSsoGroupMappingAction(input: unknown) {
  return runAction(async () => setSsoGroupMapping({ actor: await requireActor(), ...parseInput(ZSsoGroupMappingInput, input) }));
}
export async function deleteSsoGroupMappingAction(input: unknown) {
  return runAction(async () => deleteSsoGroupMapping({ actor: await requireActor(), ...parseInput(ZDeleteSsoGroupMappingInput, input) }));
}
