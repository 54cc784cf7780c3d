'use server';
// Server actions of the upstream servers pages: parse with the shared zod schemas, resolve the actor, call one use case.
import { ZRegisterUpstreamInput, ZUpdateUpstreamInput, ZUpstreamIdInput } from '@/lib/schemas/upstreams';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { discoverUpstream } from '@/lib/services/upstreams/discover-upstream';
import { registerUpstream } from '@/lib/services/upstreams/register-upstream';
import { removeUpstream } from '@/lib/services/upstreams/remove-upstream';
import { updateUpstream } from '@/lib/services/upstreams/update-upstream';

export async function registerUpstreamAction(input: unknown) {
  return runAction(async () => registerUpstream({ actor: await requireActor(), ...parseInput(ZRegisterUpstreamInput, input) }));
}
export async function updateUpstreamAction(input: unknown) {
  return runAction(async () => updateUpstream({ actor: await requireActor(), ...parseInput(ZUpdateUpstreamInput, input) }));
}
export async function removeUpstreamAction(input: unknown) {
  return runAction(async () => removeUpstream({ actor: await requireActor(), ...parseInput(ZUpstreamIdInput, input) }));
}
/** Discovery and health check in one: reaches the server now, records its health, syncs its tools. */
export async function discoverUpstreamAction(input: unknown) {
  return runAction(async () => {
    const r = await discoverUpstream({ actor: await requireActor(), ...parseInput(ZUpstreamIdInput, input) });
    return { latencyMs: r.latencyMs, tools: r.discovery.tools.length, changed: r.discovery.tools.filter((t) => t.outcome.startsWith('changed')).length };
  });
}
