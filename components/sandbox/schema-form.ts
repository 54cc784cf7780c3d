// The sandbox form is generated from the tool's input schema (top-level properties); these pure helpers turn the
// schema into field descriptions and the typed-in strings back into arguments. Anything the form cannot express
// (nested objects, arrays) is edited as JSON.
export type SandboxField =
  | { name: string; kind: 'string' | 'number' | 'integer' | 'json'; required: boolean; description?: string }
  | { name: string; kind: 'boolean'; required: boolean; description?: string }
  | { name: string; kind: 'enum'; options: string[]; required: boolean; description?: string };

export function fieldsOf(schema: Record<string, unknown> | null): SandboxField[] {
  const props = schema?.properties && typeof schema.properties === 'object' ? (schema.properties as Record<string, Record<string, unknown>>) : {};
  const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
  return Object.entries(props).map(([name, p]) => {
    const base = { name, required: required.includes(name), description: typeof p.description === 'string' ? p.description : undefined };
    if (Array.isArray(p.enum) && p.enum.every((v) => typeof v === 'string')) return { ...base, kind: 'enum', options: p.enum as string[] };
    const type = Array.isArray(p.type) ? p.type.find((t) => t !== 'null') : p.type;
    if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return { ...base, kind: type };
    return { ...base, kind: 'json' };
  });
}

/** Arguments from the form's values: empty optional fields are left out; a JSON field that does not parse is an error. */
export function argumentsOf(fields: SandboxField[], values: Record<string, string | boolean>): { ok: true; args: Record<string, unknown> } | { ok: false; field: string; message: string } {
  const args: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'boolean') {
      if (v !== undefined) args[f.name] = v === true;
      continue;
    }
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (f.kind === 'number' || f.kind === 'integer') {
      const n = Number(v);
      if (!Number.isFinite(n)) return { ok: false, field: f.name, message: `${f.name} must be a number.` };
      args[f.name] = n;
    } else if (f.kind === 'json') {
      try {
        args[f.name] = JSON.parse(v) as unknown;
      } catch {
        return { ok: false, field: f.name, message: `${f.name} must be valid JSON.` };
      }
    } else args[f.name] = v;
  }
  return { ok: true, args };
}
