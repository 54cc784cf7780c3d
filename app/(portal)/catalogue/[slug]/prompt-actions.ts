'use server';
// Usage prompts of a tool, edited by its owner: parse → actor → one service → result.
import { revalidatePath } from 'next/cache';
import { ZDeleteToolPromptInput, ZSaveToolPromptInput } from '@/lib/schemas/prompts';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { deleteToolPrompt } from '@/lib/services/prompts/delete-tool-prompt';
import { saveToolPrompt } from '@/lib/services/prompts/save-tool-prompt';

export async function saveToolPromptAction(formData: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZSaveToolPromptInput, Object.fromEntries(formData));
    const result = await saveToolPrompt({ actor, ...input });
    revalidatePath(`/catalogue/${input.slug}`);
    return result;
  });
}

export async function deleteToolPromptAction(formData: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZDeleteToolPromptInput, Object.fromEntries(formData));
    const result = await deleteToolPrompt({ actor, ...input });
    revalidatePath(`/catalogue/${input.slug}`);
    return result;
  });
}
