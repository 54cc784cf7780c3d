'use server';
// Security-review entry points: parse → actor → one use case → result or mapped error ("no longer in review"…).
import { revalidatePath } from 'next/cache';
import { ZToolVersionDecisionInput } from '@/lib/schemas/catalogue';
import { ZDeprecateToolRequestInput, ZPublishToolRequestInput, ZReviewDecisionInput, ZToolRequestId } from '@/lib/schemas/tool-request';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { approveToolVersion } from '@/lib/services/catalogue/approve-tool-version';
import { rejectToolVersion } from '@/lib/services/catalogue/reject-tool-version';
import { decideToolRequest } from '@/lib/services/tool-requests/decide-tool-request';
import { deprecateToolRequest } from '@/lib/services/tool-requests/deprecate-tool-request';
import { publishToolRequest } from '@/lib/services/tool-requests/publish-tool-request';
import { startReview } from '@/lib/services/tool-requests/start-review';

function form(fd: FormData) {
  const out: Record<string, unknown> = {};
  const checklist: Record<string, string> = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v !== 'string') continue;
    if (k.startsWith('checklist.')) checklist[k.slice('checklist.'.length)] = v;
    else out[k] = v;
  }
  if (Object.keys(checklist).length || fd.has('outcome')) out.checklist = checklist;
  return out;
}

function refresh(id: string) {
  revalidatePath(`/reviews/${id}`);
  revalidatePath('/reviews');
}

export async function startReviewAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const { id } = parseInput(ZToolRequestId, form(fd));
    const r = await startReview({ actor, id });
    refresh(id);
    return r;
  });
}

export async function decideToolRequestAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZReviewDecisionInput, form(fd));
    const r = await decideToolRequest({ actor, ...input });
    refresh(input.id);
    return r;
  });
}

export async function publishToolRequestAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZPublishToolRequestInput, form(fd));
    const r = await publishToolRequest({ actor, ...input });
    refresh(input.id);
    revalidatePath('/catalogue');
    return r;
  });
}

export async function deprecateToolRequestAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZDeprecateToolRequestInput, form(fd));
    const r = await deprecateToolRequest({ actor, ...input });
    refresh(input.id);
    revalidatePath('/catalogue');
    return r;
  });
}

export async function decideToolVersionAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZToolVersionDecisionInput, form(fd));
    const r = input.outcome === 'approve'
      ? await approveToolVersion({ actor, versionId: input.versionId, reason: input.reason || undefined })
      : await rejectToolVersion({ actor, versionId: input.versionId, reason: input.reason });
    revalidatePath('/reviews');
    revalidatePath(`/catalogue/${r.slug}`);
    return r;
  });
}
