// Contract tests of tool versions: examples (input → the output's JSON Schema plus expected values or patterns, or an
// expected refusal) and the results of their runs. Isomorphic: the tool page's editor, the services, the runner.
import { z } from 'zod';

const jsonObject = z.record(z.string(), z.unknown());

/** One expectation on a value of the output, addressed by a JSON Pointer (RFC 6901), e.g. /articles/0/title. */
export const ZContractValueCheck = z
  .object({
    path: z.string().regex(/^(\/[^/]*)*$/, 'A path is a JSON Pointer: empty for the whole output, or /field/0/sub.').max(300).describe('JSON Pointer into the output'),
    equals: z.unknown().optional().describe('The exact value expected there'),
    pattern: z.string().max(500).optional().describe('A regular expression the value (as text) must match'),
    minItems: z.number().int().min(0).max(10_000).optional().describe('For an array: at least this many items'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.equals === undefined && c.pattern === undefined && c.minItems === undefined) ctx.addIssue({ code: 'custom', message: `The check of ${c.path || 'the output'} needs equals, pattern or minItems.` });
    if (c.pattern !== undefined) {
      try {
        new RegExp(c.pattern);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: `The pattern ${c.pattern} is not a valid regular expression.` });
      }
    }
  });

export const ZContractExpectation = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('success').describe('The tool answers normally'),
    outputSchema: jsonObject.optional().describe('JSON Schema the output must match (besides the version\'s own output schema)'),
    values: z.array(ZContractValueCheck).max(30, 'At most 30 value checks per example.').default([]),
  }).strict(),
  z.object({
    outcome: z.literal('error').describe('The call is refused: invalid input or a tool error'),
    messagePattern: z.string().max(500).optional().describe('A regular expression the error message must match'),
  }).strict(),
], { error: 'expect.outcome must be "success" or "error".' });

export const ZContractExample = z
  .object({
    name: z.string().trim().min(3, 'Name each example (at least 3 characters).').max(120, 'Keep example names under 120 characters.'),
    input: jsonObject.describe('The arguments of the call'),
    expect: ZContractExpectation,
  })
  .strict();
export type TContractExample = z.infer<typeof ZContractExample>;

export const ZContractExamples = z
  .array(ZContractExample)
  .max(20, 'A version holds at most 20 examples.')
  .superRefine((list, ctx) => {
    const names = list.map((e) => e.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) ctx.addIssue({ code: 'custom', message: `Two examples are named "${dup}": give each a distinct name.` });
  });
export type TContractExamples = z.infer<typeof ZContractExamples>;

/** The tool page's editor: the examples of one version, as JSON text. */
export const ZSaveContractExamplesInput = z.object({
  slug: z.string().min(1).max(120),
  versionId: z.string().min(1).max(64),
  examples: z.string().transform((s, ctx) => {
    let raw: unknown;
    try {
      raw = JSON.parse(s.trim() || '[]');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `The examples are not valid JSON: ${e instanceof Error ? e.message : 'parse error'}.` });
      return z.NEVER;
    }
    const r = ZContractExamples.safeParse(raw);
    if (!r.success) {
      const i = r.error.issues[0]!;
      ctx.addIssue({ code: 'custom', message: `${i.path.length ? `examples.${i.path.join('.')}: ` : ''}${i.message}` });
      return z.NEVER;
    }
    return r.data;
  }),
});
export type TSaveContractExamplesInput = z.infer<typeof ZSaveContractExamplesInput>;

export const ZRunContractInput = z.object({
  slug: z.string().min(1).max(120),
  versionId: z.string().min(1, 'Choose a version.').max(64),
});

export const CONTRACT_RESULT_STATUSES = ['passed', 'failed', 'skipped'] as const;
export const ZContractExampleResult = z.object({
  name: z.string(),
  status: z.enum(CONTRACT_RESULT_STATUSES),
  problems: z.array(z.string()),
  latencyMs: z.number(),
});
export type TContractExampleResult = z.infer<typeof ZContractExampleResult>;

export const ZContractRunView = z.object({
  id: z.string(), version: z.number(), passed: z.boolean(), total: z.number(), failed: z.number(),
  results: z.array(ZContractExampleResult), ranAt: z.string(), ranBy: z.string(),
});
export type TContractRunView = z.infer<typeof ZContractRunView>;

/** The results column, read defensively. */
export function storedContractResults(v: unknown): TContractExampleResult[] {
  const r = z.array(ZContractExampleResult).safeParse(v);
  return r.success ? r.data : [];
}

/** Examples as stored on a version (a corrupt column counts as none, and is shown so). */
export function storedContractExamples(v: unknown): TContractExamples {
  const r = ZContractExamples.safeParse(v);
  return r.success ? r.data : [];
}

/** One live version's contract on the tool page. */
export interface TVersionContract {
  versionId: string;
  version: number;
  status: string;
  served: boolean;
  examples: TContractExamples;
  lastRun: TContractRunView | null;
}
