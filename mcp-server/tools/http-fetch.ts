import 'server-only';
// http_fetch: HTTP GET of a URL on the tenant's egress allowlist, through the SSRF guard (mcp-server/egress/ssrf.ts):
// own DNS resolution, public addresses only, connection pinned to the checked address, redirects (max 5) re-checked,
// Authorization/Cookie/Host and hop-by-hop headers dropped, body capped to the tool's output budget, ctx.signal honoured.
// Text responses only (text/*, JSON, XML, JavaScript…); a binary type is refused with its content type.
import type { z } from 'zod';
import type { ZHttpFetchInput, ZHttpFetchOutput } from '@/lib/schemas/builtin-tools';
import { guardedGet, MAX_REDIRECTS } from '@/mcp-server/egress/ssrf';
import { ToolRefusal, type ToolExecutor } from './types';

type Input = z.output<typeof ZHttpFetchInput>;
type Output = z.output<typeof ZHttpFetchOutput>;

const TEXTUAL = /^(text\/|application\/(json|ld\+json|problem\+json|xml|xhtml\+xml|rss\+xml|atom\+xml|javascript|ecmascript|x-www-form-urlencoded|yaml|x-yaml|graphql)|[a-z]+\/[a-z0-9.+-]*\+(json|xml)$|image\/svg\+xml)/;
/** Room kept in the output budget for the other fields and JSON escaping. */
const ENVELOPE_BYTES = 2048;

export interface HttpFetchOptions {
  /** Test-only escape: reach loopback/private addresses (the allowlist still applies). Never from configuration. */
  allowPrivateAddresses?: boolean;
}

function decode(body: Buffer, contentType: string): string {
  const charset = /charset="?([\w-]+)"?/i.exec(contentType)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** Trims `text` until its JSON encoding fits `budget` bytes. */
export function fitJson(text: string, budget: number): { text: string; trimmed: boolean } {
  let out = text;
  let trimmed = false;
  for (let size = Buffer.byteLength(JSON.stringify(out)); size > budget; size = Buffer.byteLength(JSON.stringify(out))) {
    out = out.slice(0, Math.max(0, Math.floor((out.length * budget) / size) - 1));
    trimmed = true;
  }
  return { text: out, trimmed };
}

export function createHttpFetch(options: HttpFetchOptions = {}): ToolExecutor<Input, Output> {
  return {
    slug: 'http_fetch',
    effect: 'none',
    async execute(ctx, input) {
      const budget = Math.max(1024, ctx.maxOutputBytes - ENVELOPE_BYTES);
      const res = await guardedGet(input.url, {
        allowlist: ctx.policy.egressAllowlist,
        headers: { 'user-agent': 'mcp-tool-platform/1.0 (http_fetch)', accept: 'text/*, application/json;q=0.9, */*;q=0.5', ...input.headers },
        signal: ctx.signal,
        maxBytes: budget,
        maxRedirects: MAX_REDIRECTS,
        allowPrivateAddresses: options.allowPrivateAddresses === true,
      });
      const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      if (encoding !== 'identity' && encoding !== '' && res.body.length > 0) {
        throw new ToolRefusal('UPSTREAM', `${new URL(res.finalUrl).host} sent ${encoding}-compressed content although http_fetch asked for uncompressed content (Accept-Encoding: identity).`);
      }
      const contentType = String(res.headers['content-type'] ?? '').trim();
      const mime = contentType.split(';')[0]!.trim().toLowerCase();
      if (res.body.length > 0 && mime && !TEXTUAL.test(mime)) {
        throw new ToolRefusal('INVALID', `${new URL(res.finalUrl).host} returned ${mime} content (HTTP ${res.status}); http_fetch returns text only (text/*, JSON, XML).`);
      }
      const fitted = fitJson(decode(res.body, contentType), budget);
      return {
        output: { status: res.status, contentType, body: fitted.text, truncated: res.truncated || fitted.trimmed, finalUrl: res.finalUrl },
        effects: { resourcesTouched: res.hops.map((u) => `GET ${new URL(u).origin}${new URL(u).pathname}`) },
      };
    },
  };
}

/** The production executor: public addresses only. */
export const httpFetch = createHttpFetch();
