'use server';
// "Try it" on a tool page: parse → actor → one service → result. The call goes to this server's own /mcp (the
// public origin, NEXTAUTH_URL, or the local port), through the real MCP client.
import { ZSandboxCallInput } from '@/lib/schemas/sandbox';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { env } from '@/lib/server/env';
import { runSandboxCall } from '@/lib/services/sandbox/run-sandbox-call';

function ownMcpUrl(): URL {
  return new URL('/mcp', env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT || 3000}`);
}

export async function sandboxCallAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    return runSandboxCall({ actor, ...parseInput(ZSandboxCallInput, input), mcpUrl: ownMcpUrl() });
  });
}
