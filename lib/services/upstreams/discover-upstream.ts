import 'server-only';
// "Discover" in the portal: lists the upstream server's tools, resources and prompts now; new tools become
// catalogue candidates in review, changed ones are quarantined until reviewed. Unreachable: a clear error.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZUpstreamIdInput } from '@/lib/schemas/upstreams';
import { parseInput } from '@/lib/server/boundary';
import { loadUpstreamForActor } from './load-upstream';
import { runDiscovery } from './run-discovery';

export async function discoverUpstream({ actor, ...raw }: { actor: Actor; id: string }) {
  const { id } = parseInput(ZUpstreamIdInput, raw);
  assertCan(actor, 'upstream.manage');
  const s = await loadUpstreamForActor(actor, id, 'upstream.manage');
  const r = await runDiscovery(actor, s);
  if (!r.ok) throw new AppError('UPSTREAM', { userMessage: `${s.name} could not be discovered: ${r.error}` });
  return r;
}
