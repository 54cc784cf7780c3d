'use server';
// Tool-request entry points for the portal: parse → actor → one use case → result or mapped error.
import { revalidatePath } from 'next/cache';
import { ZCommentInput, ZCreateToolRequestInput, ZSaveToolRequestDraftInput, ZToolRequestId } from '@/lib/schemas/tool-request';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { commentOnToolRequest } from '@/lib/services/tool-requests/comment-on-tool-request';
import { saveAndSubmitToolRequest } from '@/lib/services/tool-requests/save-and-submit-tool-request';
import { saveToolRequestDraft } from '@/lib/services/tool-requests/save-tool-request-draft';
import { submitToolRequest } from '@/lib/services/tool-requests/submit-tool-request';

/** Form fields → plain object; an empty field is "not filled" (a draft may leave it empty). */
function formObject(fd: FormData): Record<string, string> {
  return Object.fromEntries([...fd.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '' && e[0] !== 'intent'));
}

/** "Save draft" (intent=save) or "Submit"/"Resubmit" (intent=submit) from the request form. */
export async function saveToolRequestAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const fields = formObject(fd);
    // A submit that cannot even be kept as a draft names every field to fix at once, not just the title.
    if (fd.get('intent') === 'submit' && !ZSaveToolRequestDraftInput.safeParse(fields).success) parseInput(ZCreateToolRequestInput, fields);
    const input = parseInput(ZSaveToolRequestDraftInput, fields);
    const result = fd.get('intent') === 'submit'
      ? await saveAndSubmitToolRequest({ actor, ...input })
      : { ...(await saveToolRequestDraft({ actor, ...input })), submitted: false as const, message: 'Draft saved.', fieldErrors: {} };
    revalidatePath('/requests');
    return result;
  });
}

export async function submitToolRequestAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const { id } = parseInput(ZToolRequestId, formObject(fd));
    const result = await submitToolRequest({ actor, id });
    revalidatePath(`/requests/${id}`);
    return result;
  });
}

export async function commentOnToolRequestAction(fd: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZCommentInput, formObject(fd));
    const result = await commentOnToolRequest({ actor, ...input });
    revalidatePath(`/requests/${input.id}`);
    revalidatePath(`/reviews/${input.id}`);
    return result;
  });
}
