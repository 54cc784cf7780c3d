import { describe, expect, it } from 'vitest';
import { httpToolConfigProblems, httpToolConfigSchema, schemaMappingProblems, urlTemplateHost, urlTemplateParams, ZHttpToolConfigChecked } from './http-tool';

const base = { kind: 'http_declarative', method: 'GET', urlTemplate: 'https://api.example.com/v1/orders/{orderId}' };
const firstError = (v: unknown) => {
  const r = ZHttpToolConfigChecked.safeParse(v);
  return r.success ? null : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`;
};

describe('httpToolConfigSchema', () => {
  it('applies the defaults', () => {
    expect(httpToolConfigSchema.parse(base)).toEqual({
      ...base, query: [], headers: [], staticHeaders: [], body: { mode: 'none' }, response: { fields: [] }, auth: { type: 'none' }, timeoutMs: 10_000, maxResponseBytes: 262_144,
    });
  });

  it.each([
    [{ urlTemplate: 'ftp://x.example.com/a' }, 'urlTemplate: The URL must start with https:// or http:// followed by a host.'],
    [{ urlTemplate: 'https://{tenant}.example.com/a' }, 'urlTemplate: The host cannot contain a placeholder: only the path and query can.'],
    [{ urlTemplate: 'https://user:pw@api.example.com/a' }, 'urlTemplate: The URL cannot contain a user name or password.'],
    [{ urlTemplate: 'https://api.example.com/a#frag' }, 'urlTemplate: The URL cannot contain a fragment (#…).'],
    [{ urlTemplate: 'https://*.example.com/a' }, 'urlTemplate: The host cannot be a wildcard.'],
    [{ urlTemplate: 'https://api.example.com/{1bad}' }, 'urlTemplate: Placeholders look like {name}: letters, digits and "_", starting with a letter or "_".'],
    [{ method: 'TRACE' }, 'method: Choose GET, POST, PUT, PATCH or DELETE.'],
    [{ headers: [{ header: 'Authorization', arg: 'x' }] }, 'headers.0.header: Header "authorization" is set by the platform and cannot be mapped (use the auth section for credentials).'],
    [{ headers: [{ header: 'Bad Header', arg: 'x' }] }, 'headers.0.header: "Bad Header" is not a valid HTTP header name.'],
    [{ staticHeaders: [{ header: 'X-A', value: 'a\r\nb' }] }, 'staticHeaders.0.value: Header values cannot contain line breaks.'],
    [{ response: { fields: [{ name: 'x', path: '__proto__.a' }] } }, 'response.fields.0.path: This path segment is not allowed.'],
    [{ auth: { type: 'bearer', secret: '1TOKEN' } }, 'auth.secret: Letters, digits and "_", starting with a letter (e.g. GITHUB_TOKEN).'],
    [{ auth: { type: 'basic', username: 'a:b', secret: 'PW' } }, 'auth.username: The user name cannot contain ":".'],
    [{ timeoutMs: 50 }, 'timeoutMs: At least 100 ms.'],
    [{ maxResponseBytes: 10 * 1024 * 1024 }, 'maxResponseBytes: At most 5242880 bytes (5 MiB).'],
    [{ body: { mode: 'rest' } }, 'body: A GET request has no body: choose POST, PUT or PATCH, or send the arguments in the query.'],
    [{ urlTemplate: 'https://api.example.com/{a}/{a}' }, 'urlTemplate: Placeholder {a} appears twice.'],
    [{ headers: [{ header: 'X-Key', arg: 'a' }], auth: { type: 'header', header: 'x-key', secret: 'K' } }, 'headers: Header "x-key" is set twice.'],
    [{ response: { fields: [{ name: 'a', path: '/x' }, { name: 'a', path: '/y' }] } }, 'response.fields: Result field "a" is defined twice.'],
  ])('refuses %j', (over, message) => {
    expect(firstError({ ...base, ...over })).toBe(message);
  });

  it('accepts IP and single-label hosts (reachable only when trusted) and extracts host and parameters', () => {
    expect(firstError({ ...base, urlTemplate: 'http://127.0.0.1:8080/a/{id}?x=1' })).toBeNull();
    expect(urlTemplateHost('http://[::1]:8080/a')).toBe('::1');
    expect(urlTemplateHost('https://API.example.com:8443/x')).toBe('api.example.com');
    expect(urlTemplateParams('https://h.example.com/{a}/x/{b_2}?q={c}')).toEqual(['a', 'b_2', 'c']);
  });

  it('checks the input schema declares every mapped argument and requires the path parameters', () => {
    const c = httpToolConfigSchema.parse({ ...base, query: [{ param: 'q', arg: 'search' }] });
    expect(httpToolConfigProblems(c)).toEqual([]);
    expect(schemaMappingProblems(c, { type: 'object', properties: { orderId: { type: 'string' } } })).toEqual([
      'The mapping uses argument "search", which the input schema does not declare in "properties".',
      'Path parameter "orderId" must be listed in "required".',
    ]);
    expect(schemaMappingProblems(c, { type: 'array' })[0]).toBe('The input schema must have "type": "object" at the top level.');
  });
});
