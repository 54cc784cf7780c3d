// Tool usage prompts: what a tool owner authors on the tool page and agents get through prompts/get.
// Isomorphic (the form, the action, the service and the /mcp renderer share it).
import { z } from 'zod';

const NAME = /^[a-z][a-z0-9_-]{0,62}$/;
const ARG_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]{0,39})\s*\}\}/g;

export const ZPromptArgument = z.object({
  name: z.string().trim().regex(ARG_NAME, 'An argument name starts with a letter and holds letters, digits and _ (at most 40).').describe('Argument name, used as {{name}} in the template'),
  description: z.string().trim().max(300, 'Keep the argument description under 300 characters.').default('').describe('What the agent should pass'),
  required: z.boolean().default(false).describe('Whether prompts/get refuses a call without it'),
});
export type TPromptArgument = z.infer<typeof ZPromptArgument>;

/** The names of the {{placeholders}} a template uses, in order of first use. */
export function templatePlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The template with each {{name}} replaced by its argument (an absent optional argument becomes empty). */
export function renderPromptTemplate(template: string, args: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => (Object.hasOwn(args, name) ? args[name]! : ''));
}

export const ZToolPromptFields = z
  .object({
    name: z.string().trim().regex(NAME, 'The name starts with a lowercase letter and holds lowercase letters, digits, - and _ (at most 63).').describe('Prompt name, unique per tool; agents see <tool>.<name>'),
    title: z.string().trim().min(3, 'Give a title of at least 3 characters.').max(120, 'Keep the title under 120 characters.').describe('Human-readable title'),
    description: z.string().trim().min(10, 'Describe the prompt in at least 10 characters.').max(1000, 'Keep the description under 1000 characters.').describe('When an agent should use it'),
    arguments: z.array(ZPromptArgument).max(10, 'A prompt takes at most 10 arguments.').default([]).describe('Arguments the template uses'),
    template: z.string().trim().min(10, 'Write a template of at least 10 characters.').max(8000, 'Keep the template under 8000 characters.').describe('Message text with {{argument}} placeholders'),
  })
  .superRefine((p, ctx) => {
    const names = p.arguments.map((a) => a.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) ctx.addIssue({ code: 'custom', path: ['arguments'], message: `The argument ${dup} is declared twice.` });
    const undeclared = templatePlaceholders(p.template).filter((n) => !names.includes(n));
    if (undeclared.length) ctx.addIssue({ code: 'custom', path: ['template'], message: `The template uses ${undeclared.map((n) => `{{${n}}}`).join(', ')} but no such argument is declared: add it or fix the spelling.` });
  });
export type TToolPromptFields = z.infer<typeof ZToolPromptFields>;

/** The portal form: arguments arrive as JSON text. */
export const ZSaveToolPromptInput = z
  .object({
    slug: z.string().min(1).max(120).describe('The tool the prompt belongs to'),
    promptId: z.string().trim().max(64).optional().transform((v) => v || undefined).describe('The prompt being edited; absent to create one'),
    name: z.string(), title: z.string(), description: z.string(), template: z.string(),
    arguments: z.string().default('[]').transform((s, ctx) => {
      try {
        return JSON.parse(s.trim() || '[]') as unknown;
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `The arguments are not valid JSON: ${e instanceof Error ? e.message : 'parse error'}.` });
        return z.NEVER;
      }
    }),
  })
  .transform((v, ctx) => {
    const fields = ZToolPromptFields.safeParse({ name: v.name, title: v.title, description: v.description, template: v.template, arguments: v.arguments });
    if (!fields.success) {
      for (const issue of fields.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { slug: v.slug, promptId: v.promptId, ...fields.data };
  });
export type TSaveToolPromptInput = z.infer<typeof ZSaveToolPromptInput>;

export const ZDeleteToolPromptInput = z.object({
  slug: z.string().min(1).max(120),
  promptId: z.string().min(1, 'Choose a prompt to delete.').max(64),
});

export const ZToolPromptView = z.object({
  id: z.string(), name: z.string(), title: z.string(), description: z.string(),
  arguments: z.array(ZPromptArgument), template: z.string(), updatedAt: z.string(),
});
export type TToolPromptView = z.infer<typeof ZToolPromptView>;

/** A stored arguments column, read defensively (a corrupt row serves no arguments rather than failing the list). */
export function storedPromptArguments(v: unknown): TPromptArgument[] {
  const r = z.array(ZPromptArgument).safeParse(v);
  return r.success ? r.data : [];
}
