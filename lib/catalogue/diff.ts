// What changed between two versions of a tool definition (what agents see), as short human sentences.
// Pure and isomorphic: used by the tool page and by the review of a proposed version.

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export interface DefinitionLike {
  name: string;
  description: string;
  inputSchema: unknown;
  outputSchema: unknown;
  annotations: unknown;
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function schemaChanges(label: string, before: unknown, after: unknown): string[] {
  if (same(before, after)) return [];
  if (before == null) return [`${label} added`];
  if (after == null) return [`${label} removed`];
  const bp = asObj(asObj(before).properties);
  const ap = asObj(asObj(after).properties);
  const out: string[] = [];
  const added = Object.keys(ap).filter((k) => !(k in bp));
  const removed = Object.keys(bp).filter((k) => !(k in ap));
  const changed = Object.keys(ap).filter((k) => k in bp && !same(ap[k], bp[k]));
  if (added.length) out.push(`${label}: field${added.length > 1 ? 's' : ''} ${added.join(', ')} added`);
  if (removed.length) out.push(`${label}: field${removed.length > 1 ? 's' : ''} ${removed.join(', ')} removed`);
  if (changed.length) out.push(`${label}: field${changed.length > 1 ? 's' : ''} ${changed.join(', ')} changed`);
  const br = new Set((asObj(before).required as string[] | undefined) ?? []);
  const ar = new Set((asObj(after).required as string[] | undefined) ?? []);
  const nowReq = [...ar].filter((k) => !br.has(k));
  const noLongerReq = [...br].filter((k) => !ar.has(k));
  if (nowReq.length) out.push(`${label}: ${nowReq.join(', ')} now required`);
  if (noLongerReq.length) out.push(`${label}: ${noLongerReq.join(', ')} no longer required`);
  if (!out.length) out.push(`${label} changed`);
  return out;
}

/** Sentences describing the change from `before` to `after`; ['Initial version'] when there is no `before`. */
export function diffSummary(before: DefinitionLike | null, after: DefinitionLike): string[] {
  if (!before) return ['Initial version'];
  const out: string[] = [];
  if (before.name !== after.name) out.push(`Name: ${before.name} → ${after.name}`);
  if (before.description !== after.description) out.push('Description changed');
  out.push(...schemaChanges('Input schema', before.inputSchema, after.inputSchema));
  out.push(...schemaChanges('Output schema', before.outputSchema, after.outputSchema));
  const ba = asObj(before.annotations);
  const aa = asObj(after.annotations);
  for (const k of [...new Set([...Object.keys(ba), ...Object.keys(aa)])].sort()) {
    if (!same(ba[k], aa[k])) out.push(`Annotation ${k}: ${JSON.stringify(ba[k] ?? null)} → ${JSON.stringify(aa[k] ?? null)}`);
  }
  return out.length ? out : ['No change to what agents see'];
}
