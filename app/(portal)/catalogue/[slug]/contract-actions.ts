'use server';
// Contract tests from the tool page: the owner edits a version's examples; the owner, a reviewer or a platform admin
// runs them (through the pipeline's steps, mcp-server/contracts/run-contract.ts).
import { revalidatePath } from 'next/cache';
import { ZRunContractInput, ZSaveContractExamplesInput } from '@/lib/schemas/contracts';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { saveContractExamples } from '@/lib/services/contracts/save-contract-examples';
import { runContractAs } from '@/mcp-server/contracts/run-contract';

export async function saveContractExamplesAction(formData: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZSaveContractExamplesInput, Object.fromEntries(formData));
    const result = await saveContractExamples({ actor, ...input });
    revalidatePath(`/catalogue/${input.slug}`);
    return result;
  });
}

export async function runContractAction(formData: FormData) {
  return runAction(async () => {
    const actor = await requireActor();
    const input = parseInput(ZRunContractInput, Object.fromEntries(formData));
    const run = await runContractAs({ actor, ...input });
    revalidatePath(`/catalogue/${input.slug}`);
    return run;
  });
}
