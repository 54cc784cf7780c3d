import 'server-only';
// The request form's "Submit" button: keeps the draft (always), then submits it, or resubmits it when the
// reviewers asked for changes. An incomplete request stays a saved draft and the missing fields are named.
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import type { TSaveToolRequestDraftInput } from '@/lib/schemas/tool-request';
import { resubmitToolRequest } from './resubmit-tool-request';
import { saveToolRequestDraft } from './save-tool-request-draft';
import { submitToolRequest } from './submit-tool-request';

export type SaveAndSubmitResult =
  | { id: string; submitted: true; status: string; riskLevel: string; riskScore: number }
  | { id: string; submitted: false; status: string; message: string; fieldErrors: Record<string, string[]> };

export async function saveAndSubmitToolRequest({ actor, ...fields }: TSaveToolRequestDraftInput & { actor: Actor }): Promise<SaveAndSubmitResult> {
  const draft = await saveToolRequestDraft({ actor, ...fields });
  try {
    const r = draft.status === 'changes_requested' ? await resubmitToolRequest({ actor, id: draft.id }) : await submitToolRequest({ actor, id: draft.id });
    return { id: draft.id, submitted: true, status: r.status, riskLevel: r.riskLevel, riskScore: r.riskScore };
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION') return { id: draft.id, submitted: false, status: draft.status, message: e.userMessage, fieldErrors: e.fieldErrors ?? {} };
    throw e;
  }
}
