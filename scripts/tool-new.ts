// npm run tool:new -- <name> [--out-dir DIR] [--title "Title"] [--force]
// Creates a new built-in tool from scripts/templates/builtin-tool: its contract and catalogue seed record
// (lib/schemas/tools/<name>.ts), its executor (mcp-server/tools/<name>.ts), a contract test beside it and the
// security checklist (mcp-server/tools/<name>.security.md), and registers it in BUILTIN_TOOLS, BUILTIN_EXECUTORS and
// BUILTIN_CONTRACT_EXAMPLES (REGISTRIES below), so the seed serves it and `npm run tools:contract` runs it. Everything
// compiles and passes as generated. Refuses a name that is already taken, and to overwrite files unless --force
// (and never files it did not generate); a registration already present is kept, so re-running is safe.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: npm run tool:new -- <name> [--out-dir DIR] [--title "Title"] [--force]\n  <name>: lowercase letters and digits, words joined by one "_", starting with a letter (3–63 characters), e.g. invoice_lookup\n  --out-dir: the checkout to generate into and register in (default: the current directory)';
const TEMPLATES = path.join(import.meta.dirname, 'templates', 'builtin-tool');

export interface ToolNames { slug: string; kebab: string; camel: string; Pascal: string; title: string }

export function toolNames(slug: string, title?: string): ToolNames {
  if (!/^[a-z][a-z0-9_]{2,62}$/.test(slug) || /__|_$/.test(slug)) throw new Error(`"${slug}" is not a valid tool name.\n${USAGE}`);
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

/** Where a new tool is registered, relative to the repository root. */
export const REGISTRIES = {
  tools: 'lib/schemas/builtin-tools.ts',
  executors: 'mcp-server/tools/index.ts',
  examples: 'lib/services/contracts/builtin-examples.ts',
} as const;

type Registry = keyof typeof REGISTRIES;
const marker = (n: ToolNames) => `npm run tool:new -- ${n.slug}\``;

function insertAfterLastImport(text: string, line: string): string {
  const imports = [...text.matchAll(/^import [^\n]*;$/gm)];
  const last = imports.at(-1);
  if (!last) return `${line}\n${text}`;
  const at = last.index + last[0].length;
  return `${text.slice(0, at)}\n${line}${text.slice(at)}`;
}

/** Inserts `entry` as the last element of the literal that starts with `opener` and ends at the next `closer` line. */
function insertLastElement(text: string, opener: string, closer: string, entry: string, file: string): string {
  const start = text.indexOf(opener);
  const end = start < 0 ? -1 : text.indexOf(`\n${closer}`, start + opener.length - 1);
  if (end < 0) throw new Error(`Could not find "${opener}" in ${file}: register the tool there by hand.`);
  const before = text.slice(0, end).trimEnd();
  const sep = before.endsWith(',') || before.endsWith(opener.slice(-1)) ? '' : ',';
  return `${before}${sep}\n  ${entry},${text.slice(end)}`;
}

/** The registrations of a generated tool: each registry's new text, or null when it is already registered there. */
function plannedRegistrations(n: ToolNames, outDir: string): Record<Registry, string | null> {
  const read = (r: Registry) => {
    const p = path.join(outDir, REGISTRIES[r]);
    if (!fs.existsSync(p)) throw new Error(`${REGISTRIES[r]} does not exist in ${outDir}: run tool:new from the repository root (or give --out-dir).`);
    return fs.readFileSync(p, 'utf8');
  };
  const tools = read('tools');
  const executors = read('executors');
  const examples = read('examples');
  const schemaModule = `'@/lib/schemas/tools/${n.kebab}'`;
  const generated = tools.includes(`from ${schemaModule};`);
  // A name taken by a hand-written built-in (or by another registration) is refused, --force or not.
  const taken = [
    !generated && new RegExp(`slug: '${n.slug}'`).test(tools) && REGISTRIES.tools,
    !generated && executors.includes(`from './${n.kebab}';`) && REGISTRIES.executors,
    !generated && new RegExp(`^\\s+${n.slug}:`, 'm').test(examples) && REGISTRIES.examples,
  ].filter(Boolean);
  if (taken.length) throw new Error(`A built-in tool named "${n.slug}" already exists (${taken.join(', ')}): choose another name.`);
  return {
    tools: generated ? null
      : insertLastElement(insertAfterLastImport(tools, `import { ${n.camel}Definition } from ${schemaModule};`), 'export const BUILTIN_TOOLS: BuiltinToolDefinition[] = [', '];', `${n.camel}Definition`, REGISTRIES.tools),
    executors: executors.includes(`from './${n.kebab}';`) ? null : registerExecutor(executors, n),
    examples: examples.includes(`${n.camel}ContractExamples`) ? null
      : insertLastElement(insertAfterLastImport(examples, `import { ${n.camel}ContractExamples } from ${schemaModule};`), 'export const BUILTIN_CONTRACT_EXAMPLES: Record<string, TContractExamples> = {', '};', `${n.slug}: ${n.camel}ContractExamples`, REGISTRIES.examples),
  };
}

function registerExecutor(text: string, n: ToolNames): string {
  const list = /(\[)([^\]]*)(\]\s*\.map\(\(e\) => \[e\.slug, e\]\))/.exec(text);
  if (!list) throw new Error(`Could not find the executor list of BUILTIN_EXECUTORS in ${REGISTRIES.executors}: register the tool there by hand.`);
  const withEntry = `${text.slice(0, list.index)}[${list[2]!.trimEnd()}, ${n.camel}${list[3]}${text.slice(list.index + list[0].length)}`;
  // Keep the executors' imports in alphabetical order.
  const line = `import { ${n.camel} } from './${n.kebab}';`;
  const siblings = [...withEntry.matchAll(/^import \{ \w+ \} from '\.\/([\w-]+)';$/gm)];
  const next = siblings.find((m) => m[1]! > n.kebab);
  if (next) return `${withEntry.slice(0, next.index)}${line}\n${withEntry.slice(next.index)}`;
  const last = siblings.at(-1);
  if (!last) return insertAfterLastImport(withEntry, line);
  const at = last.index + last[0].length;
  return `${withEntry.slice(0, at)}\n${line}${withEntry.slice(at)}`;
}

/**
 * Writes the tool's files and registers it (built-in list, executor registry, contract examples: the seed and
 * `npm run tools:contract` then include it). Idempotent with --force: a registration already made is kept as is.
 * Everything is checked before anything is written.
 */
export function generateTool(slug: string, opts: { outDir: string; title?: string; force?: boolean }): { created: string[]; registered: string[] } {
  const names = toolNames(slug, opts.title);
  const registrations = plannedRegistrations(names, opts.outDir);
  const files = plannedFiles(names);
  const existing = files.map((f) => path.join(opts.outDir, f.target)).filter((p) => fs.existsSync(p));
  if (existing.length && !opts.force) throw new Error(`Refusing to overwrite existing files (use --force): ${existing.join(', ')}`);
  const foreign = existing.filter((p) => !fs.readFileSync(p, 'utf8').includes(marker(names)));
  if (foreign.length) throw new Error(`Refusing to overwrite files tool:new did not generate for "${slug}", even with --force: ${foreign.join(', ')}`);
  for (const f of files) {
    const target = path.join(opts.outDir, f.target);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, render(fs.readFileSync(path.join(TEMPLATES, f.template), 'utf8'), names));
  }
  const registered: string[] = [];
  for (const [r, text] of Object.entries(registrations) as [Registry, string | null][]) {
    if (text === null) continue;
    fs.writeFileSync(path.join(opts.outDir, REGISTRIES[r]), text);
    registered.push(REGISTRIES[r]);
  }
  return { created: files.map((f) => f.target), registered };
}

function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'out-dir': { type: 'string' }, title: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const outDir = path.resolve(values['out-dir'] ?? process.cwd());
  try {
    const { created, registered } = generateTool(positionals[0]!, { outDir, title: values.title, force: values.force });
    const n = toolNames(positionals[0]!);
    console.log(`Created in ${outDir}:\n${created.map((c) => `  ${c}`).join('\n')}\n${registered.length ? `Registered in:\n${registered.map((c) => `  ${c}`).join('\n')}` : 'Already registered.'}\n\nNext steps:
  1. Implement mcp-server/tools/${n.kebab}.ts, its contract and its examples; run: npx vitest run --project unit mcp-server/tools/${n.kebab}.test.ts
  2. Fill in mcp-server/tools/${n.kebab}.security.md
  3. npx tsc --noEmit, npm run tools:contract, then npm run db:seed to serve it`);
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) process.exitCode = main();
