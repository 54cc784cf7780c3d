// npm run tool:new: the generated tool type-checks against the real code base and its generated contract test
// passes. Generated into a temporary directory inside the repository (so "@/…" and node_modules resolve), with a
// tsconfig and a vitest config mapping "@/lib/schemas/tools/*" to the generated files; removed afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTool, render, toolNames } from './tool-new';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = path.join(ROOT, `.tool-new-test-${process.pid}-${Date.now().toString(36)}`);

beforeAll(() => fs.mkdirSync(dir, { recursive: true }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tool:new', () => {
  it('derives the names and refuses an invalid one', () => {
    expect(toolNames('invoice_lookup')).toEqual({ slug: 'invoice_lookup', kebab: 'invoice-lookup', camel: 'invoiceLookup', Pascal: 'InvoiceLookup', title: 'Invoice lookup' });
    expect(() => toolNames('Invoice-Lookup')).toThrow('"Invoice-Lookup" is not a valid tool name.');
    expect(render("title: '{{title}}'", toolNames('ab_c', "O'Neil"))).toBe("title: 'O\\'Neil'");
  });

  it('generates the executor, schemas and seed record, a contract test and a checklist that compile and pass', () => {
    const created = generateTool('invoice_lookup', { outDir: dir });
    expect(created).toEqual(['lib/schemas/tools/invoice-lookup.ts', 'mcp-server/tools/invoice-lookup.ts', 'mcp-server/tools/invoice-lookup.test.ts', 'mcp-server/tools/invoice-lookup.security.md']);
    expect(() => generateTool('invoice_lookup', { outDir: dir })).toThrow('Refusing to overwrite existing files');
    expect(fs.readFileSync(path.join(dir, 'mcp-server/tools/invoice-lookup.security.md'), 'utf8')).toContain('# Security checklist: `invoice_lookup`');

    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      extends: '../tsconfig.json',
      compilerOptions: { incremental: false, plugins: [], paths: { '@/lib/schemas/tools/*': ['./lib/schemas/tools/*'], '@/*': ['../*'] } },
      include: ['**/*.ts', '../types/**/*.d.ts'],
    }));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const typeCheck = () => { try { execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }); return ''; } catch (e) { return String((e as { stdout?: string }).stdout); } };
    expect(typeCheck()).toBe('');

    fs.writeFileSync(path.join(dir, 'vitest.config.mjs'), `export default { resolve: { alias: [
      { find: /^@\\/lib\\/schemas\\/tools\\/(.*)$/, replacement: ${JSON.stringify(dir)} + '/lib/schemas/tools/$1' },
      { find: /^@\\/(.*)$/, replacement: ${JSON.stringify(ROOT)} + '/$1' },
      { find: 'server-only', replacement: ${JSON.stringify(path.join(ROOT, 'lib/testing/empty.ts'))} },
    ] }, test: { include: ['mcp-server/tools/*.test.ts'], environment: 'node' } };\n`);
    const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
    const out = execFileSync(process.execPath, [vitest, 'run', '--root', dir, '--config', path.join(dir, 'vitest.config.mjs')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    expect(out).toMatch(/4 passed/);

    // A broken generated file is caught (the check can fail).
    fs.appendFileSync(path.join(dir, 'mcp-server/tools/invoice-lookup.ts'), '\nexport const broken: number = "x";\n');
    expect(typeCheck()).toContain("Type 'string' is not assignable to type 'number'");
  }, 240_000);
});
