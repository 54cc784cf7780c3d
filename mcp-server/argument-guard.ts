// Tool arguments refused before anything runs, as invalid params (-32602) naming the field: text PostgreSQL cannot
// store (a NUL character, or an unpaired UTF-16 surrogate, which is not Unicode), and nesting deeper than
// MAX_ARGUMENT_DEPTH levels (no tool takes more; deeper values only cost stack and time). Iterative, so a hostile
// depth cannot overflow the stack while it is being checked.
export const MAX_ARGUMENT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored';
  const m = LONE_SURROGATE.exec(s);
  if (m) return `contains an unpaired surrogate (U+${m[0].charCodeAt(0).toString(16).toUpperCase()}), which is not valid Unicode`;
  return null;
}

const fieldPath = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

export function argumentProblem(value: unknown, root = 'arguments'): { field: string; message: string } | null {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) return { field: path, message: `${path} ${p}.` };
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_ARGUMENT_DEPTH) return { field: path, message: `${path} is nested deeper than ${MAX_ARGUMENT_DEPTH} levels, the most a tool call's arguments may have.` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], fieldPath(path, i), depth + 1]);
      continue;
    }
    for (const [k, x] of Object.entries(v)) {
      const p = textProblem(k);
      if (p) return { field: path, message: `A field name in ${path} ${p}.` };
      stack.push([x, fieldPath(path, k), depth + 1]);
    }
  }
  return null;
}
