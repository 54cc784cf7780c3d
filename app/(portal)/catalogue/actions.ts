'use server';
// Owner edits of a tool: parse → actor → one service → result.
import { revalidatePath } from 'next/cache';
import { ZUpdateToolInput } from '@/lib/schemas/catalogue';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { updateTool } from '@/lib/services/catalogue/update-tool';

export async function updateToolAction(formData: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZUpdateToolInput, Object.fromEntries(formData));
    const result = await updateTool({ actor, ...input });
    revalidatePath(`/catalogue/${input.slug}`);
    revalidatePath('/catalogue');
    return result;
  });
}
