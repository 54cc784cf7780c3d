// npm run tool:new: the generated tool is registered (built-in list, executor registry, contract examples), type-checks
// against the real code base, its generated contract test passes, the registry test still holds and its contract
// examples pass through the pipeline's own input and output checks. Generated into a temporary copy of the
// repository (node_modules linked), so the real checkout is never modified; removed afterwards.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTool, REGISTRIES, render, toolNames } from './tool-new';

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.git', 'test-results', 'playwright-report', 'tsconfig.tsbuildinfo']);
let dir = '';

const digest = (root: string) => Object.values(REGISTRIES).map((f) => createHash('sha256').update(fs.readFileSync(path.join(root, f))).digest('hex')).join();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tool-new-test-'));
  for (const entry of fs.readdirSync(ROOT)) {
    if (SKIP.has(entry) || /^\.(next|data|tool-new-test)/.test(entry)) continue;
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Run inside the copy: every example of the new tool through the served-schema checks tools:contract applies.
const CONTRACT_CHECK = `import { describe, expect, it } from 'vitest';
import { builtinTool } from '@/lib/schemas/builtin-tools';
import { ZPiiRules } from '@/lib/schemas/tenant-policy';
import { BUILTIN_CONTRACT_EXAMPLES } from '@/lib/services/contracts/builtin-examples';
import { builtinDefinitionView, definitionHash } from '@/lib/tool-definition';
import { makeToolContext } from '@/lib/testing/tool-context';
import { checkExample, type CallOutcome } from '@/mcp-server/contracts/check-example';
import { checkAgainstSchema } from '@/mcp-server/executors/json-schema';
import { checkServedOutput } from '@/mcp-server/pipeline/redact-output';
import { validateServedInput } from '@/mcp-server/pipeline/validate-input';
import { executorFor } from '@/mcp-server/tools';

describe('invoice_lookup contract examples', () => {
  it('are registered and pass', async () => {
    const def = builtinTool('invoice_lookup')!;
    const view = builtinDefinitionView(def);
    const served = { definitionHash: definitionHash(view), inputSchema: view.inputSchema as Record<string, unknown>, outputSchema: (view.outputSchema ?? null) as Record<string, unknown> | null };
    const examples = BUILTIN_CONTRACT_EXAMPLES.invoice_lookup ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      const input = validateServedInput(served, def.input, example.input, def.maxInputBytes);
      let outcome: CallOutcome;
      if (!input.ok) outcome = { ok: false, message: input.message };
      else {
        const r = await executorFor('invoice_lookup')!.execute(makeToolContext(), input.value);
        const out = checkServedOutput(served, def.output, r.output, def.maxOutputBytes, ZPiiRules.parse({}));
        outcome = out.ok ? { ok: true, output: out.value } : { ok: false, message: out.message };
      }
      const problems = checkExample(example, outcome, (schema, output) => { const c = checkAgainstSchema('t', 'output', schema, output); return c.ok ? [] : c.problems; });
      expect(problems, example.name).toEqual([]);
    }
  });
});
`;

describe('tool:new', () => {
  it('derives the names and refuses an invalid one', () => {
    expect(toolNames('invoice_lookup')).toEqual({ slug: 'invoice_lookup', kebab: 'invoice-lookup', camel: 'invoiceLookup', Pascal: 'InvoiceLookup', title: 'Invoice lookup' });
    for (const bad of ['Invoice-Lookup', 'invoice__lookup', 'invoice_']) expect(() => toolNames(bad)).toThrow(`"${bad}" is not a valid tool name.`);
    expect(render("title: '{{title}}'", toolNames('ab_c', "O'Neil"))).toBe("title: 'O\\'Neil'");
  });

  it('refuses a name already taken, with --force too, and writes nothing', () => {
    const before = digest(dir);
    expect(() => generateTool('kb_search', { outDir: dir, force: true })).toThrow('A built-in tool named "kb_search" already exists (lib/schemas/builtin-tools.ts, mcp-server/tools/index.ts, lib/services/contracts/builtin-examples.ts): choose another name.');
    expect(() => generateTool('types', { outDir: dir, force: true })).toThrow('already exists');
    expect(fs.existsSync(path.join(dir, 'lib/schemas/tools/kb-search.ts'))).toBe(false);
    expect(digest(dir)).toBe(before);
  });

  it('generates and registers a tool that compiles, passes its tests and keeps its contract', () => {
    const realBefore = digest(ROOT);
    const { created, registered } = generateTool('invoice_lookup', { outDir: dir });
    expect(created).toEqual(['lib/schemas/tools/invoice-lookup.ts', 'mcp-server/tools/invoice-lookup.ts', 'mcp-server/tools/invoice-lookup.test.ts', 'mcp-server/tools/invoice-lookup.security.md']);
    expect(registered).toEqual([REGISTRIES.tools, REGISTRIES.executors, REGISTRIES.examples]);
    expect(digest(ROOT)).toBe(realBefore);
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    expect(read(REGISTRIES.tools)).toMatch(/import \{ invoiceLookupDefinition \} from '@\/lib\/schemas\/tools\/invoice-lookup';[\s\S]*\n {2}invoiceLookupDefinition,\n\];/);
    expect(read(REGISTRIES.executors)).toMatch(/import \{ invoiceLookup \} from '\.\/invoice-lookup';\nimport \{ kbSearch \}[\s\S]*recordDelete, invoiceLookup\]\.map/);
    expect(read(REGISTRIES.examples)).toContain('  invoice_lookup: invoiceLookupContractExamples,\n};');
    expect(read('mcp-server/tools/invoice-lookup.security.md')).toContain('# Security checklist: `invoice_lookup`');

    // Idempotent: refused without --force; with it the files are rewritten and nothing is registered twice.
    expect(() => generateTool('invoice_lookup', { outDir: dir })).toThrow('Refusing to overwrite existing files');
    const registeredOnce = digest(dir);
    expect(generateTool('invoice_lookup', { outDir: dir, force: true }).registered).toEqual([]);
    expect(digest(dir)).toBe(registeredOnce);

    // Type-check what the registration touches and everything it imports (the seed, tools:contract, the registry).
    fs.writeFileSync(path.join(dir, 'tsconfig.tool-new.json'), JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { incremental: false, plugins: [] },
      include: [...created.filter((f) => f.endsWith('.ts')), ...Object.values(REGISTRIES), 'lib/server/seed/catalogue.ts', 'scripts/tools-contract.ts', 'mcp-server/tools/index.test.ts', 'types/**/*.d.ts', 'next-env.d.ts'],
    }));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const typeCheck = () => { try { execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.tool-new.json')], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }); return ''; } catch (e) { return String((e as { stdout?: string }).stdout); } };
    expect(typeCheck()).toBe('');

    fs.writeFileSync(path.join(dir, 'mcp-server/tools/invoice-lookup.contract-check.test.ts'), CONTRACT_CHECK);
    const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
    const out = execFileSync(process.execPath, [vitest, 'run', '--project', 'unit', 'mcp-server/tools/invoice-lookup', 'mcp-server/tools/index.test.ts'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    expect(out).toMatch(/Test Files .*3 passed/);
    expect(out).toMatch(/Tests .*7 passed/);

    // A broken generated file is caught (the check can fail).
    fs.appendFileSync(path.join(dir, 'mcp-server/tools/invoice-lookup.ts'), '\nexport const broken: number = "x";\n');
    expect(typeCheck()).toContain("Type 'string' is not assignable to type 'number'");
  }, 240_000);
});
