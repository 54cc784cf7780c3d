// A JSON Schema shown readably: one row per field with its type, whether it is required, its constraints and
// description; nested objects indented. The raw JSON stays one click away.
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

interface Row { path: string; depth: number; type: string; required: boolean; constraints: string[]; description: string }

function typeOf(s: Obj): string {
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((x) => JSON.stringify(x)).join(', ')}`;
  if (s.const !== undefined) return `= ${JSON.stringify(s.const)}`;
  const t = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : Array.isArray(s.anyOf) ? (s.anyOf as unknown[]).map((x) => typeOf(asObj(x))).join(' | ') : 'any';
  if (t === 'array') return `array of ${typeOf(asObj(s.items))}`;
  return t;
}

const CONSTRAINTS: [string, string][] = [
  ['minLength', 'min length'], ['maxLength', 'max length'], ['minimum', '≥'], ['maximum', '≤'], ['exclusiveMinimum', '>'], ['exclusiveMaximum', '<'],
  ['minItems', 'min items'], ['maxItems', 'max items'], ['pattern', 'pattern'], ['format', 'format'], ['default', 'default'],
];

function rows(schema: Obj, prefix = '', depth = 0, out: Row[] = []): Row[] {
  const props = asObj(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, raw] of Object.entries(props)) {
    const s = asObj(raw);
    out.push({
      path: prefix ? `${prefix}.${name}` : name, depth, type: typeOf(s), required: required.has(name),
      constraints: CONSTRAINTS.filter(([k]) => s[k] !== undefined).map(([k, label]) => `${label} ${typeof s[k] === 'string' ? s[k] : JSON.stringify(s[k])}`),
      description: typeof s.description === 'string' ? s.description : '',
    });
    if (s.type === 'object' && depth < 4) rows(s, prefix ? `${prefix}.${name}` : name, depth + 1, out);
    if (s.type === 'array' && asObj(s.items).type === 'object' && depth < 4) rows(asObj(s.items), `${prefix ? `${prefix}.` : ''}${name}[]`, depth + 1, out);
  }
  return out;
}

export function SchemaView({ schema, label }: { schema: Obj | null; label: string }) {
  if (!schema) return <p className="text-sm text-muted-foreground">No {label.toLowerCase()}: the tool returns unstructured content.</p>;
  const r = rows(schema);
  return (
    <div className="space-y-2">
      {r.length === 0 ? <p className="text-sm text-muted-foreground">No fields.</p> : (
        <Table aria-label={label}>
          <THead><TR><TH>Field</TH><TH>Type</TH><TH>Required</TH><TH>Constraints</TH><TH>Description</TH></TR></THead>
          <TBody>
            {r.map((x) => (
              <TR key={x.path}>
                <TD style={{ paddingLeft: `${0.75 + x.depth * 1.25}rem` }}><code className="text-xs">{x.path}</code></TD>
                <TD className="text-xs">{x.type}</TD>
                <TD className="text-xs">{x.required ? 'required' : 'optional'}</TD>
                <TD className="text-xs text-muted-foreground">{x.constraints.join(' · ') || '—'}</TD>
                <TD className="text-xs">{x.description || '—'}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {schema.additionalProperties === false ? <p className="text-xs text-muted-foreground">Closed: any other field is refused.</p> : null}
      <details className="text-xs">
        <summary className="cursor-pointer text-muted-foreground">Raw JSON Schema</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-muted p-3">{JSON.stringify(schema, null, 2)}</pre>
      </details>
    </div>
  );
}
