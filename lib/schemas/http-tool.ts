// Declarative HTTP tools: the typed configuration of a catalogue tool of kind `http_declarative` (Tool.config).
// Isomorphic (portal form, server action, executor). Arguments map to the request by name; the URL template's
// `{name}` placeholders are path parameters. The host must be on the tenant's egress allowlist at call time
// (checked by the executor, since the allowlist can change after review).
import { z } from 'zod';
import { ZSecretName } from '@/lib/schemas/tenant-policy';
import { DATA_CLASSIFICATIONS, RISK_LEVELS } from '@/lib/schemas/tool-request';

export const HTTP_TOOL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type THttpToolMethod = (typeof HTTP_TOOL_METHODS)[number];

export const HTTP_TOOL_LIMITS = {
  timeoutMs: { min: 100, max: 60_000, default: 10_000 },
  maxResponseBytes: { min: 1_024, max: 5 * 1024 * 1024, default: 256 * 1024 },
} as const;

/** Argument names (top-level properties of the input schema) usable in the mapping. */
const ZArgName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Argument names use letters, digits and "_", starting with a letter or "_".')
  .describe('Name of a top-level argument of the input schema');

/** Header names as RFC 9110 tokens; credentials, Host and hop-by-hop headers are refused (auth has its own field). */
const FORBIDDEN_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'cookie2', 'host', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer',
  'upgrade', 'content-length', 'expect', 'accept-encoding', 'proxy-connection', 'forwarded',
]);
export function headerNameProblem(raw: string): string | null {
  const name = raw.trim().toLowerCase();
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]{1,100}$/.test(name)) return `"${raw.slice(0, 100)}" is not a valid HTTP header name.`;
  if (FORBIDDEN_HEADERS.has(name) || name.startsWith('proxy-') || name.startsWith('x-forwarded-')) {
    return `Header "${name}" is set by the platform and cannot be mapped (use the auth section for credentials).`;
  }
  return null;
}
export const ZHttpHeaderName = z
  .string()
  .trim()
  .superRefine((h, ctx) => {
    const p = headerNameProblem(h);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  })
  .describe('HTTP header name, e.g. X-Request-Source');

/** A response field kept: a JSON pointer ("/data/items/0/name") or a dotted path ("data.items.0.name"). */
export const ZResponsePath = z
  .string()
  .trim()
  .min(1, 'Enter a JSON pointer ("/data/id") or a dotted path ("data.id").')
  .max(300, 'At most 300 characters.')
  .refine((p) => p === '/' || !/(^|[./])(__proto__|prototype|constructor)($|[./])/.test(p), 'This path segment is not allowed.')
  .describe('JSON pointer ("/data/id") or dotted path ("data.id") of a response field');

export const ZResponseField = z.object({
  name: ZArgName.describe('Key of this field in the tool result'),
  path: ZResponsePath,
});

const ZUrlTemplate = z
  .string()
  .trim()
  .min(1, 'Enter the URL, e.g. https://api.example.com/v1/orders/{orderId}.')
  .max(2000, 'At most 2000 characters.')
  .superRefine((raw, ctx) => {
    const problem = urlTemplateProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('URL template: https://host/path/{arg}; {arg} is replaced by the URL-encoded argument');

/** Placeholders `{name}` in the URL template, in order (path parameters). */
export function urlTemplateParams(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!);
}

/** null when the template is usable: http(s), a fixed host (no placeholder before the path), no user, no fragment. */
export function urlTemplateProblem(raw: string): string | null {
  const m = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(raw.trim());
  if (!m) return 'The URL must start with https:// or http:// followed by a host.';
  const authority = m[2]!;
  if (authority.includes('{') || authority.includes('}')) return 'The host cannot contain a placeholder: only the path and query can.';
  if (authority.includes('@')) return 'The URL cannot contain a user name or password.';
  if (m[3]!.includes('#')) return 'The URL cannot contain a fragment (#…).';
  const hostOnly = authority.replace(/:\d{1,5}$/, '').replace(/^\[|\]$/g, '');
  if (!hostOnly) return 'The URL has no host.';
  if (hostOnly.includes('*')) return 'The host cannot be a wildcard.';
  // IP literals and single-label names are accepted here: they are reachable only when a platform admin lists them
  // as trusted internal hosts (checked at call time with the tenant's egress allowlist).
  if (!/^[a-z0-9.:-]+$/i.test(hostOnly)) return `Host "${hostOnly}": letters, digits, "." and "-" only.`;
  const rest = m[3]!.replace(/\{[A-Za-z_][A-Za-z0-9_]*\}/g, 'x');
  if (/[{}]/.test(rest)) return 'Placeholders look like {name}: letters, digits and "_", starting with a letter or "_".';
  try {
    new URL(`${m[1]}://${authority}${rest}`);
  } catch {
    return 'The URL is not valid.';
  }
  return null;
}

/** The URL template's host (lower case, without port), or null when the template is invalid. */
export function urlTemplateHost(raw: string): string | null {
  if (urlTemplateProblem(raw)) return null;
  const m = /^https?:\/\/([^/?#]*)/i.exec(raw.trim());
  return m ? m[1]!.replace(/:\d{1,5}$/, '').replace(/^\[|\]$/g, '').toLowerCase() : null;
}

export const ZHttpToolAuth = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }),
    z.object({ type: z.literal('bearer'), secret: ZSecretName.describe('Tenant secret holding the token') }),
    z.object({
      type: z.literal('header'),
      header: ZHttpHeaderName.describe('Header carrying the secret, e.g. X-Api-Key'),
      secret: ZSecretName.describe('Tenant secret holding the header value'),
    }),
    z.object({
      type: z.literal('basic'),
      username: z.string().trim().min(1, 'Enter the user name.').max(200, 'At most 200 characters.').refine((u) => !u.includes(':'), 'The user name cannot contain ":".')
        .describe('User name (not secret)'),
      secret: ZSecretName.describe('Tenant secret holding the password'),
    }),
  ])
  .describe('Credentials sent to the target, taken from a tenant secret at call time (never shown to agents)');
export type THttpToolAuth = z.infer<typeof ZHttpToolAuth>;

const ZHeaderMapping = z.object({ header: ZHttpHeaderName, arg: ZArgName });
const ZStaticHeader = z.object({
  header: ZHttpHeaderName,
  value: z.string().max(1000, 'At most 1000 characters.').refine((v) => !/[\r\n\0]/.test(v), 'Header values cannot contain line breaks.'),
});

// Without refinements, so lib/schemas/tool-config.ts can extend it inside its discriminated union (zod 4 refuses to
// extend a refined object); the cross-field checks are `httpToolConfigProblems`, applied by ZHttpToolConfigChecked
// (portal, service) and again by the executor at call time.
export const httpToolConfigSchema = z
  .object({
    kind: z.literal('http_declarative'),
    method: z.enum(HTTP_TOOL_METHODS, { message: 'Choose GET, POST, PUT, PATCH or DELETE.' }).describe('HTTP method'),
    urlTemplate: ZUrlTemplate,
    /** Arguments sent as query parameters (name → query key). */
    query: z.array(z.object({ param: z.string().trim().min(1, 'Enter the query parameter name.').max(100), arg: ZArgName })).max(50).default([])
      .describe('Arguments sent as query-string parameters'),
    headers: z.array(ZHeaderMapping).max(20, 'At most 20 mapped headers.').default([]).describe('Arguments sent as request headers'),
    staticHeaders: z.array(ZStaticHeader).max(20, 'At most 20 fixed headers.').default([]).describe('Fixed headers sent with every call'),
    /** JSON body: `args` copies each named argument under its name; `all` sends every argument not used elsewhere. */
    body: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('none') }),
        z.object({ mode: z.literal('args'), args: z.array(ZArgName).min(1, 'Pick at least one argument for the body.').max(100) }),
        z.object({ mode: z.literal('rest') }),
      ])
      .default({ mode: 'none' })
      .describe('How arguments form the JSON body: none, the listed ones, or all those not used in the path/query/headers'),
    response: z
      .object({
        fields: z.array(ZResponseField).max(50, 'At most 50 fields.').default([]).describe('Fields kept from the JSON response; empty keeps the whole body'),
      })
      .default({ fields: [] }),
    auth: ZHttpToolAuth.default({ type: 'none' }),
    timeoutMs: z.number().int('Whole milliseconds.').min(HTTP_TOOL_LIMITS.timeoutMs.min, `At least ${HTTP_TOOL_LIMITS.timeoutMs.min} ms.`)
      .max(HTTP_TOOL_LIMITS.timeoutMs.max, `At most ${HTTP_TOOL_LIMITS.timeoutMs.max} ms.`).default(HTTP_TOOL_LIMITS.timeoutMs.default)
      .describe('Time limit of one call in milliseconds'),
    maxResponseBytes: z.number().int('Whole bytes.').min(HTTP_TOOL_LIMITS.maxResponseBytes.min, `At least ${HTTP_TOOL_LIMITS.maxResponseBytes.min} bytes.`)
      .max(HTTP_TOOL_LIMITS.maxResponseBytes.max, `At most ${HTTP_TOOL_LIMITS.maxResponseBytes.max} bytes (5 MiB).`).default(HTTP_TOOL_LIMITS.maxResponseBytes.default)
      .describe('Largest response body read; a larger one fails the call'),
  })
  .describe('Declarative HTTP tool: one HTTP request built from the arguments, its JSON response mapped to the result');

export type THttpToolConfig = z.infer<typeof httpToolConfigSchema>;

/** Cross-field problems of a parsed configuration (empty when usable), each with the form path it belongs to. */
export function httpToolConfigProblems(c: THttpToolConfig): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  const pathParams = urlTemplateParams(c.urlTemplate);
  const dupPath = pathParams.find((p, i) => pathParams.indexOf(p) !== i);
  if (dupPath) out.push({ path: ['urlTemplate'], message: `Placeholder {${dupPath}} appears twice.` });
  const headerNames = [...c.headers.map((h) => h.header.toLowerCase()), ...c.staticHeaders.map((h) => h.header.toLowerCase())];
  if (c.auth.type === 'header') headerNames.push(c.auth.header.toLowerCase());
  const dupHeader = headerNames.find((h, i) => headerNames.indexOf(h) !== i);
  if (dupHeader) out.push({ path: ['headers'], message: `Header "${dupHeader}" is set twice.` });
  if (c.body.mode !== 'none' && (c.method === 'GET' || c.method === 'DELETE')) {
    out.push({ path: ['body'], message: `A ${c.method} request has no body: choose POST, PUT or PATCH, or send the arguments in the query.` });
  }
  const names = c.response.fields.map((f) => f.name);
  const dupName = names.find((n, i) => names.indexOf(n) !== i);
  if (dupName) out.push({ path: ['response', 'fields'], message: `Result field "${dupName}" is defined twice.` });
  return out;
}

export const ZHttpToolConfigChecked = httpToolConfigSchema.superRefine((c, ctx) => {
  for (const p of httpToolConfigProblems(c)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});
export type THttpToolConfigInput = z.input<typeof httpToolConfigSchema>;
export { httpToolConfigSchema as ZHttpToolConfig };

/** Every argument name the mapping uses (path, query, headers, body list). */
export function mappedArguments(c: THttpToolConfig): string[] {
  const used = new Set<string>([...urlTemplateParams(c.urlTemplate), ...c.query.map((q) => q.arg), ...c.headers.map((h) => h.arg)]);
  if (c.body.mode === 'args') c.body.args.forEach((a) => used.add(a));
  return [...used];
}

// ─── Declaring a tool in the portal ───
const ZJsonObject = z.record(z.string(), z.unknown());

export const ZDeclareHttpToolInput = z.object({
  name: z.string().trim().regex(/^[a-z][a-z0-9_]{2,62}$/, 'The tool name must be 3–63 characters: lowercase letters, digits and underscores, starting with a letter.')
    .describe('The name agents see in tools/list'),
  title: z.string().trim().min(3, 'Give a title of at least 3 characters.').max(120, 'At most 120 characters.'),
  description: z.string().trim().min(20, 'Describe the tool for agents in at least 20 characters.').max(2000, 'Keep the description under 2,000 characters.'),
  category: z.string().trim().min(2, 'Give a category of at least 2 characters.').max(60, 'At most 60 characters.'),
  ownerTeam: z.string().trim().min(2, 'Name the owner team.').max(80, 'At most 80 characters.'),
  riskLevel: z.enum(RISK_LEVELS, { error: 'Choose a risk level: low, medium, high or critical.' }),
  dataClassification: z.enum(DATA_CLASSIFICATIONS, { error: 'Choose a data classification: public, internal, confidential or PII.' }),
  critical: z.boolean().default(false).describe('Every call waits for a human approval (and the sandbox only dry-runs it)'),
  inputSchema: ZJsonObject.describe('JSON Schema (2020-12) of the arguments: an object whose properties the mapping uses'),
  config: ZHttpToolConfigChecked,
});
export type TDeclareHttpToolInput = z.infer<typeof ZDeclareHttpToolInput>;

/** The live check of the form: the declaration so far and a sample input whose request is previewed. */
export const ZPreviewHttpToolInput = z.object({
  inputSchema: z.unknown(),
  config: z.unknown(),
  sample: z.unknown(),
});

export const ZHttpRequestPreview = z.object({
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string().nullable(),
});
export type THttpRequestPreview = z.infer<typeof ZHttpRequestPreview>;

export interface HttpToolPreviewResult {
  configErrors: { path: string; message: string }[];
  schemaErrors: string[];
  sampleErrors: string[];
  request: THttpRequestPreview | null;
  requestError: string | null;
  /** Where the host stands for the actor's tenant (null when the URL is not valid yet). */
  hostStatus: 'allowlisted' | 'trusted_internal' | 'not_allowed' | null;
  host: string | null;
}

/** Arguments the mapping uses that the input schema does not declare, and path parameters it does not require. */
export function schemaMappingProblems(config: THttpToolConfig, inputSchema: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (inputSchema.type !== 'object') out.push('The input schema must have "type": "object" at the top level.');
  const props = inputSchema.properties && typeof inputSchema.properties === 'object' ? Object.keys(inputSchema.properties) : [];
  const required = Array.isArray(inputSchema.required) ? inputSchema.required.filter((r): r is string => typeof r === 'string') : [];
  for (const arg of mappedArguments(config)) if (!props.includes(arg)) out.push(`The mapping uses argument "${arg}", which the input schema does not declare in "properties".`);
  for (const p of urlTemplateParams(config.urlTemplate)) if (props.includes(p) && !required.includes(p)) out.push(`Path parameter "${p}" must be listed in "required".`);
  return out;
}
