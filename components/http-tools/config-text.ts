// The declaration form edits mappings as short text lines ("param = argument"); these pure helpers turn the form's
// state into the configuration object the server validates (lib/schemas/http-tool.ts), so the user sees exactly
// one set of error messages: the server's.
import type { THttpToolConfigInput } from '@/lib/schemas/http-tool';

export interface HttpToolFormState {
  method: string;
  urlTemplate: string;
  query: string;
  headers: string;
  staticHeaders: string;
  bodyMode: 'none' | 'args' | 'rest';
  bodyArgs: string;
  responseFields: string;
  authType: 'none' | 'bearer' | 'header' | 'basic';
  authSecret: string;
  authHeader: string;
  authUsername: string;
  timeoutMs: string;
  maxResponseBytes: string;
}

/** "a = b" lines (or "a: b") to pairs; blank lines and lines starting with # are skipped. */
export function pairs(text: string, sep: RegExp = /\s*[=:]\s*/): [string, string][] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = sep.exec(l);
      return m ? [l.slice(0, m.index).trim(), l.slice(m.index + m[0].length).trim()] : [l, ''];
    });
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export function toConfig(f: HttpToolFormState): THttpToolConfigInput {
  const auth: THttpToolConfigInput['auth'] =
    f.authType === 'bearer' ? { type: 'bearer', secret: f.authSecret }
      : f.authType === 'header' ? { type: 'header', header: f.authHeader, secret: f.authSecret }
        : f.authType === 'basic' ? { type: 'basic', username: f.authUsername, secret: f.authSecret }
          : { type: 'none' };
  return {
    kind: 'http_declarative',
    method: f.method as THttpToolConfigInput['method'],
    urlTemplate: f.urlTemplate,
    query: pairs(f.query).map(([param, arg]) => ({ param, arg })),
    headers: pairs(f.headers, /\s*:\s*/).map(([header, arg]) => ({ header, arg })),
    staticHeaders: pairs(f.staticHeaders, /\s*:\s*/).map(([header, value]) => ({ header, value })),
    body: f.bodyMode === 'args' ? { mode: 'args', args: f.bodyArgs.split(/[\s,]+/).filter(Boolean) } : { mode: f.bodyMode },
    response: { fields: pairs(f.responseFields).map(([name, path]) => ({ name, path })) },
    auth,
    timeoutMs: num(f.timeoutMs),
    maxResponseBytes: num(f.maxResponseBytes),
  };
}

/** Parses JSON typed by the user: the value, or the parser's message. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : 'Not valid JSON.' };
  }
}
