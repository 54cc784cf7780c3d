// Agent tokens for e2e specs, created the way an operator would: with the token CLI against the running server's data.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run token:create -- <args>` and returns the token (the CLI prints it alone on its last line). */
export function createToken(args: string[]): string {
  const out = execFileSync('npx', ['tsx', '--conditions=react-server', 'scripts/token-create.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, PGLITE_DATA_DIR: process.env.E2E_DATA_DIR || '.data-e2e', DATABASE_URL: '' },
  });
  return out.trim().split('\n').at(-1)!.trim();
}

