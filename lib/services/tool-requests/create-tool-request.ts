import 'server-only';
// A complete request in one call (REST and agents): saved as a draft, then submitted when asked.
import type { Actor } from '@/lib/policy';
import type { TCreateToolRequestInput } from '@/lib/schemas/tool-request';
import { saveToolRequestDraft } from './save-tool-request-draft';
import { submitToolRequest } from './submit-tool-request';

export async function createToolRequest({ actor, submit, ...fields }: TCreateToolRequestInput & { actor: Actor }) {
  const draft = await saveToolRequestDraft({ actor, ...fields });
  if (!submit) return draft;
  return submitToolRequest({ actor, id: draft.id });
}
