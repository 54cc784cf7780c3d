// Canonical JSON and hash of what an agent sees of a tool (name, description, schemas, annotations).
// Isomorphic except for the hash, which uses Web Crypto where available.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BuiltinToolDefinition } from '@/lib/schemas/builtin-tools';
import { mcpAnnotations } from '@/lib/schemas/builtin-tools';

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface ToolDefinitionView {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown> | null;
  annotations: Record<string, unknown>;
}

export function definitionHash(d: ToolDefinitionView): string {
  return createHash('sha256').update(canonicalJson(d)).digest('hex');
}

export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const js = z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as Record<string, unknown>;
  delete js.$schema;
  return js;
}

export function builtinDefinitionView(t: BuiltinToolDefinition): ToolDefinitionView {
  return {
    name: t.slug,
    description: t.description,
    inputSchema: jsonSchemaOf(t.input, 'input'),
    outputSchema: jsonSchemaOf(t.output, 'output'),
    annotations: mcpAnnotations(t),
  };
}
