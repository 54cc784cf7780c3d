// The request a declarative HTTP tool sends for given arguments, and the mapping of its JSON response. Pure (no I/O):
// the /mcp executor sends what this builds, and the portal's preview shows exactly the same thing with the
// credential masked. Path parameters and query values are URL-encoded; a header value with a line break or NUL is
// refused (header injection), never cleaned.
import type { THttpToolConfig } from '@/lib/schemas/http-tool';
import { urlTemplateParams } from '@/lib/schemas/http-tool';

export const MASK = '••••••';

/** An argument cannot be placed where the declaration maps it; the message is written for the agent. */
export class HttpToolInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpToolInputError';
  }
}

export interface BuiltHttpRequest {
  method: THttpToolConfig['method'];
  url: string;
  headers: Record<string, string>;
  /** The JSON body as sent (null when none). */
  body: string | null;
}

/** The credential header for the auth declaration: `value` is the secret (or MASK for a preview). */
export function authHeader(auth: THttpToolConfig['auth'], value: string): { name: string; value: string } | null {
  switch (auth.type) {
    case 'none': return null;
    case 'bearer': return { name: 'authorization', value: `Bearer ${value}` };
    case 'header': return { name: auth.header.toLowerCase(), value };
    case 'basic': return { name: 'authorization', value: value === MASK ? `Basic ${MASK}` : `Basic ${Buffer.from(`${auth.username}:${value}`).toString('base64')}` };
  }
}

function scalar(arg: string, value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  throw new HttpToolInputError(`Argument "${arg}" goes into the ${where}, so it must be a string, a number or a boolean.`);
}

/** Arguments used in the path, query or headers (the "rest" body mode sends the others). */
function placedArgs(config: THttpToolConfig): Set<string> {
  return new Set([...urlTemplateParams(config.urlTemplate), ...config.query.map((q) => q.arg), ...config.headers.map((h) => h.arg)]);
}

export function buildHttpRequest(config: THttpToolConfig, args: Record<string, unknown>, credential: { name: string; value: string } | null): BuiltHttpRequest {
  const has = (name: string) => Object.prototype.hasOwnProperty.call(args, name) && args[name] !== undefined && args[name] !== null;
  let missing: string | null = null;
  const path = config.urlTemplate.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
    if (!has(name)) {
      missing ??= name;
      return '';
    }
    // Every reserved character is encoded, "/" and "." included, so a value cannot climb out of its path segment.
    const encoded = encodeURIComponent(scalar(name, args[name], 'URL path'));
    return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
  });
  if (missing) throw new HttpToolInputError(`Argument "${missing}" is required: it is part of the URL path.`);
  const url = new URL(path);
  for (const q of config.query) {
    if (!has(q.arg)) continue;
    const v = args[q.arg];
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(q.param, scalar(q.arg, item, 'query string'));
  }
  const headers: Record<string, string> = {};
  for (const h of config.staticHeaders) headers[h.header.toLowerCase()] = h.value;
  for (const h of config.headers) {
    if (!has(h.arg)) continue;
    const v = scalar(h.arg, args[h.arg], `"${h.header}" header`);
    if (/[\r\n\0]/.test(v)) throw new HttpToolInputError(`Argument "${h.arg}" goes into the "${h.header}" header and cannot contain a line break or NUL character.`);
    if (v.length > 4096) throw new HttpToolInputError(`Argument "${h.arg}" goes into the "${h.header}" header: at most 4096 characters.`);
    headers[h.header.toLowerCase()] = v;
  }
  let body: string | null = null;
  if (config.body.mode !== 'none' && config.method !== 'GET' && config.method !== 'DELETE') {
    const placed = placedArgs(config);
    const keys = config.body.mode === 'args' ? config.body.args : Object.keys(args).filter((k) => !placed.has(k));
    const obj: Record<string, unknown> = {};
    for (const k of keys) if (Object.prototype.hasOwnProperty.call(args, k) && args[k] !== undefined) obj[k] = args[k];
    body = JSON.stringify(obj);
    headers['content-type'] = 'application/json';
  }
  headers.accept ??= 'application/json';
  if (credential) headers[credential.name] = credential.value;
  return { method: config.method, url: url.toString(), headers, body };
}

/** The value at a JSON pointer ("/a/0/b", RFC 6901 escapes) or a dotted path ("a.0.b"); undefined when absent. */
export function valueAtPath(doc: unknown, path: string): unknown {
  const segments = path.startsWith('/')
    ? path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    : path.split('.');
  let cur: unknown = doc;
  for (const seg of path === '/' ? [] : segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return cur;
}

/** The tool result's `data`: the kept fields (absent ones as null), or the whole body when none is declared. */
export function mapResponse(config: THttpToolConfig, body: unknown): unknown {
  if (config.response.fields.length === 0) return body;
  return Object.fromEntries(config.response.fields.map((f) => [f.name, valueAtPath(body, f.path) ?? null]));
}
