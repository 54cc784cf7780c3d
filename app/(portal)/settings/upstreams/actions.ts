'use server';
// Server actions of Settings → Upstream credentials: a tenant's own credential for each platform-wide upstream
// server. The value goes in and never comes back.
import { ZRemoveTenantUpstreamCredentialInput, ZSetTenantUpstreamCredentialInput } from '@/lib/schemas/upstreams';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { removeTenantUpstreamCredential } from '@/lib/services/upstreams/remove-tenant-upstream-credential';
import { setTenantUpstreamCredential } from '@/lib/services/upstreams/set-tenant-upstream-credential';

export async function setTenantUpstreamCredentialAction(input: unknown) {
  return runAction(async () => setTenantUpstreamCredential({ actor: await requireActor(), ...parseInput(ZSetTenantUpstreamCredentialInput, input) }));
}

export async function removeTenantUpstreamCredentialAction(input: unknown) {
  return runAction(async () => removeTenantUpstreamCredential({ actor: await requireActor(), ...parseInput(ZRemoveTenantUpstreamCredentialInput, input) }));
}
