// npm run tool:new -- <name> [--out-dir DIR] [--title "Title"] [--force]
// Creates a new built-in tool from scripts/templates/builtin-tool: its contract and catalogue seed record
// (lib/schemas/tools/<name>.ts), its executor (mcp-server/tools/<name>.ts), a contract test beside it and the
// security checklist (mcp-server/tools/<name>.security.md). Everything compiles and the test passes as generated;
// then it prints the two lines that register the tool. Refuses to overwrite existing files unless --force.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: npm run tool:new -- <name> [--out-dir DIR] [--title "Title"] [--force]\n  <name>: lowercase letters, digits and "_", starting with a letter (3–63 characters), e.g. invoice_lookup';
const TEMPLATES = path.join(import.meta.dirname, 'templates', 'builtin-tool');

export interface ToolNames { slug: string; kebab: string; camel: string; Pascal: string; title: string }

export function toolNames(slug: string, title?: string): ToolNames {
  if (!/^[a-z][a-z0-9_]{2,62}$/.test(slug)) throw new Error(`"${slug}" is not a valid tool name.\n${USAGE}`);
  const words = slug.split('_').filter(Boolean);
  const Pascal = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return { slug, kebab: words.join('-'), camel: Pascal[0]!.toLowerCase() + Pascal.slice(1), Pascal, title: title ?? words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ') };
}

export function render(template: string, names: ToolNames): string {
  return template.replace(/\{\{(slug|kebab|camel|Pascal|title)\}\}/g, (_m, k: keyof ToolNames) => (k === 'title' ? names.title.replace(/'/g, "\\'") : names[k]));
}

/** The files of a new tool, relative to the repository root. */
export function plannedFiles(n: ToolNames): { template: string; target: string }[] {
  return [
    { template: 'schema.ts.tpl', target: `lib/schemas/tools/${n.kebab}.ts` },
    { template: 'executor.ts.tpl', target: `mcp-server/tools/${n.kebab}.ts` },
    { template: 'executor.test.ts.tpl', target: `mcp-server/tools/${n.kebab}.test.ts` },
    { template: 'security.md.tpl', target: `mcp-server/tools/${n.kebab}.security.md` },
  ];
}

export function generateTool(slug: string, opts: { outDir: string; title?: string; force?: boolean }): string[] {
  const names = toolNames(slug, opts.title);
  const files = plannedFiles(names);
  const existing = files.map((f) => path.join(opts.outDir, f.target)).filter((p) => fs.existsSync(p));
  if (existing.length && !opts.force) throw new Error(`Refusing to overwrite existing files (use --force): ${existing.join(', ')}`);
  for (const f of files) {
    const target = path.join(opts.outDir, f.target);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, render(fs.readFileSync(path.join(TEMPLATES, f.template), 'utf8'), names));
  }
  return files.map((f) => f.target);
}

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'out-dir': { type: 'string' }, title: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const outDir = path.resolve(values['out-dir'] ?? process.cwd());
  try {
    const created = generateTool(positionals[0]!, { outDir, title: values.title, force: values.force });
    const n = toolNames(positionals[0]!);
    console.log(`Created in ${outDir}:\n${created.map((c) => `  ${c}`).join('\n')}\n\nNext steps:
  1. Implement mcp-server/tools/${n.kebab}.ts and its contract; run: npx vitest run --project unit mcp-server/tools/${n.kebab}.test.ts
  2. Register it: add ${n.camel}Definition to BUILTIN_TOOLS (lib/schemas/builtin-tools.ts) and ${n.camel} to BUILTIN_EXECUTORS (mcp-server/tools/index.ts)
  3. Fill in mcp-server/tools/${n.kebab}.security.md, then npm run db:seed and npm run tools:contract`);
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) process.exitCode = main();
