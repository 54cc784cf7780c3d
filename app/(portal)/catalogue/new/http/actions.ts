'use server';
// Declaring an HTTP tool: the form's live check and its submission (parse → actor → one service → result).
import { revalidatePath } from 'next/cache';
import { ZDeclareHttpToolInput, ZPreviewHttpToolInput } from '@/lib/schemas/http-tool';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { declareHttpTool } from '@/lib/services/http-tools/declare-http-tool';
import { previewHttpTool } from '@/lib/services/http-tools/preview-http-tool';

export async function previewHttpToolAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    return previewHttpTool({ actor, ...parseInput(ZPreviewHttpToolInput, input) });
  });
}

export async function declareHttpToolAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    const result = await declareHttpTool({ actor, ...parseInput(ZDeclareHttpToolInput, input) });
    revalidatePath('/catalogue');
    return result;
  });
}
