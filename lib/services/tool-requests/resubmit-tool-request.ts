import 'server-only';
// changes_requested → submitted, starting a new review round (approvals of earlier rounds no longer count).
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { submitInTx } from './submit-tool-request';

export async function resubmitToolRequest({ actor, id }: { actor: Actor; id: string }) {
  const db = await getDb();
  return db.$transaction((tx) => submitInTx(tx, actor, id, 'resubmit'));
}
