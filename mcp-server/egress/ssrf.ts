import 'server-only';
// The egress guard every tool that reaches the network goes through (http_fetch, github_search_issues).
//
// 1. The URL: http(s) only, no userinfo ("https://allowed@evil" is refused, not "fixed"), host on the tenant's
//    egress allowlist (hostAllowed; a trailing dot is ignored). WHATWG URL parsing has already normalised every IPv4
//    spelling (2130706433, 0177.0.0.1, 0x7f.1, 127.1) to dotted decimal, and IPv6 to its canonical form.
// 2. The address: we resolve DNS ourselves and refuse the host when ANY of its addresses is not public unicast
//    (loopback, private, link-local, CGNAT, multicast, unspecified, broadcast, reserved, documentation, benchmarking,
//    unique-local, IPv4-mapped/translated/6to4/Teredo tunnels of those, cloud metadata 169.254.169.254 and
//    fd00:ec2::254, and the metadata host names).
// 3. The connection: the socket connects to the address we checked (a pinned `lookup`), so a second DNS answer
//    cannot rebind the host to an internal address between the check and the connect (TOCTOU). TLS still verifies
//    the certificate against the host name.
// 4. Redirects are followed by hand (at most 5), each hop re-checked from step 1.
// Tests reach a stand-in server on loopback only through `allowPrivateAddresses: true`, an option passed in code by
// the test (createHttpFetch / createGithubSearchIssues); nothing in the environment can turn it on.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { hostAllowed } from '@/lib/schemas/tenant-policy';
import { trustedInternal } from '@/lib/schemas/trusted-hosts';
import { ToolRefusal } from '@/mcp-server/tools/types';
import { abortRefusal, raceAbort } from '@/mcp-server/tools/shared';

export const MAX_REDIRECTS = 5;

/** Private ranges a trusted internal host may be in (never metadata, multicast, unspecified or broadcast). */
const TRUSTABLE_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'linkLocal', 'carrierGradeNat']);

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal']);

export interface EgressOptions {
  /** Test-only: let loopback/private addresses through (the allowlist still applies). Never set from configuration. */
  allowPrivateAddresses?: boolean;
  /**
   * Trusted internal hosts (lib/schemas/trusted-hosts.ts): private destinations an upstream MCP server or a
   * declarative HTTP tool may reach. Passed only by those executors (mcp-server/executors/); http_fetch never does.
   */
  trustedInternal?: readonly string[];
  /** DNS resolution (tests inject answers to exercise rebinding and blocked ranges). */
  resolve?: (host: string) => Promise<{ address: string; family: 4 | 6 }[]>;
}

export interface EgressTarget {
  url: URL;
  host: string;
  address: string;
  family: 4 | 6;
}

/** null when the address is public unicast, else the name of its range ("loopback", "private", "metadata"…). */
export function blockedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.toNormalizedString() === 'fd00:ec2:0:0:0:0:0:254') return 'metadata';
    else if (v6.parts.slice(0, 6).every((p) => p === 0) && v6.range() === 'unicast') return 'ipv4Compatible'; // ::a.b.c.d (deprecated)
  }
  if (ip.kind() === 'ipv4' && ip.toString() === '169.254.169.254') return 'metadata';
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

async function defaultResolve(host: string): Promise<{ address: string; family: 4 | 6 }[]> {
  const list = await dns.promises.lookup(host, { all: true, verbatim: true });
  return list.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** Checks one URL (steps 1 and 2) and returns the address to connect to. Throws ToolRefusal('EGRESS_DENIED'). */
export async function checkEgressTarget(raw: string | URL, allowlist: readonly string[], opts: EgressOptions = {}): Promise<EgressTarget> {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new ToolRefusal('INVALID', `"${String(raw).slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ToolRefusal('EGRESS_DENIED', `Only http and https URLs are allowed (got "${url.protocol}").`);
  if (url.username || url.password) throw new ToolRefusal('EGRESS_DENIED', `URLs with a user name or password ("user@host") are not allowed: ${url.protocol}//…@${url.host}.`);
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (!host) throw new ToolRefusal('INVALID', 'The URL has no host.');
  if (!hostAllowed(allowlist, host)) {
    throw new ToolRefusal('EGRESS_DENIED', `Host "${host}" is not on the tenant's egress allowlist${allowlist.length ? ` (${allowlist.join(', ')})` : ' (it is empty)'}.`);
  }
  if (METADATA_HOSTS.has(host)) throw new ToolRefusal('EGRESS_DENIED', `Host "${host}" is a cloud metadata endpoint; it is never reachable.`);
  let addresses: { address: string; family: 4 | 6 }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await (opts.resolve ?? defaultResolve)(host);
    } catch (e) {
      throw new ToolRefusal('UPSTREAM', `Host "${host}" could not be resolved (${(e as NodeJS.ErrnoException).code ?? 'DNS error'}).`);
    }
    if (addresses.length === 0) throw new ToolRefusal('UPSTREAM', `Host "${host}" has no address.`);
  }
  for (const a of addresses) {
    const range = blockedRange(a.address);
    if (range === 'metadata') throw new ToolRefusal('EGRESS_DENIED', `Host "${host}" resolves to ${a.address}, a cloud metadata address; it is never reachable.`);
    if (range && !opts.allowPrivateAddresses && !(TRUSTABLE_RANGES.has(range) && opts.trustedInternal && trustedInternal(opts.trustedInternal, host, a.address))) {
      throw new ToolRefusal('EGRESS_DENIED', `Host "${host}" resolves to ${a.address} (${range} address); only public addresses${opts.trustedInternal ? ' and trusted internal hosts (kept by platform admins)' : ''} are reachable.`);
    }
  }
  const first = addresses[0]!;
  return { url, host, address: first.address, family: first.family };
}

/** A `lookup` that always answers with the address already checked (no second DNS query). */
export function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

/**
 * Opens a request to a checked target: connected to the address that was checked (pinned lookup, no second DNS query),
 * SNI for host names, no compression, no shared agent. The one way egress code (http_fetch, HTTP tools, upstream
 * MCP servers) opens a connection.
 */
export function pinnedRequest(target: EgressTarget, o: { method: string; headers: Record<string, string>; body?: Buffer | null; signal?: AbortSignal; close?: boolean }): http.ClientRequest {
  const mod = target.url.protocol === 'https:' ? https : http;
  return mod.request({
    protocol: target.url.protocol,
    host: target.host,
    servername: ipaddr.isValid(target.host) ? undefined : target.host,
    port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
    path: target.url.pathname + target.url.search,
    method: o.method,
    headers: { ...o.headers, host: target.url.host, 'accept-encoding': 'identity', ...(o.close ? { connection: 'close' } : {}), ...(o.body ? { 'content-length': String(o.body.length) } : {}) },
    lookup: pinnedLookup(target.address, target.family),
    agent: false,
    signal: o.signal,
  });
}

const STRIPPED_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'cookie2', 'host', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer',
  'upgrade', 'content-length', 'expect', 'accept-encoding', 'proxy-connection',
]);

/** Caller-supplied headers without credentials, Host or hop-by-hop headers. */
export function sanitizeHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const name = k.trim().toLowerCase();
    if (!name || STRIPPED_HEADERS.has(name) || name.startsWith('proxy-') || name.startsWith('x-forwarded-') || name === 'forwarded') continue;
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) throw new ToolRefusal('INVALID', `Header name "${k.slice(0, 100)}" is not a valid HTTP header name.`);
    if (/[\r\n\0]/.test(v)) throw new ToolRefusal('INVALID', `Header "${name}" contains a line break or NUL character.`);
    out[name] = v;
  }
  return out;
}

export interface GuardedGetOptions extends EgressOptions {
  allowlist: readonly string[];
  headers?: Record<string, string>;
  /** Headers set by the platform (e.g. a tenant's API token): sent as is, and only to the first URL's origin. */
  trustedHeaders?: Record<string, string>;
  signal: AbortSignal;
  maxBytes: number;
  maxRedirects?: number;
}

export interface GuardedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
  finalUrl: string;
  hops: string[];
}

function requestOnce(target: EgressTarget, headers: Record<string, string>, signal: AbortSignal, maxBytes: number, followable: boolean, send?: { method: 'POST'; body: Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; truncated: boolean }>((resolve, reject) => {
    const req = pinnedRequest(target, { method: send?.method ?? 'GET', headers, body: send?.body, signal, close: true });
    signal.addEventListener('abort', () => reject(abortRefusal(signal, `the request to ${target.host}`)), { once: true });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (signal.aborted) reject(abortRefusal(signal, `the request to ${target.host}`));
      else reject(new ToolRefusal('UPSTREAM', `The request to ${target.host} failed: ${e.code ?? e.message}.`));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      if (followable && status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        resolve({ status, headers: res.headers, body: Buffer.alloc(0), truncated: false });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        const room = maxBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size = maxBytes;
          truncated = true;
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks), truncated });
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks), truncated }));
      res.on('error', (e) => {
        if (truncated) return;
        if (signal.aborted) reject(abortRefusal(signal, `reading the response of ${target.host}`));
        else reject(new ToolRefusal('UPSTREAM', `Reading the response of ${target.host} failed: ${e.message}.`));
      });
      res.on('aborted', () => {
        if (!truncated && !signal.aborted) reject(new ToolRefusal('UPSTREAM', `${target.host} closed the connection before the end of the response.`));
      });
    });
    req.end(send?.body);
  });
}

/** GET through the guard, redirects followed by hand and re-checked; the body is capped at `maxBytes`. */
export async function guardedGet(rawUrl: string, opts: GuardedGetOptions): Promise<GuardedResponse> {
  const headers = sanitizeHeaders(opts.headers);
  let firstOrigin: string | null = null;
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  let current = rawUrl;
  const hops: string[] = [];
  for (let hop = 0; ; hop++) {
    if (opts.signal.aborted) throw abortRefusal(opts.signal, `the request to ${current}`);
    let target: EgressTarget;
    try {
      target = await raceAbort(checkEgressTarget(current, opts.allowlist, opts), opts.signal, `resolving ${current}`);
    } catch (e) {
      if (hop > 0 && e instanceof ToolRefusal) throw new ToolRefusal(e.code, `Redirect from ${hops[hops.length - 1]} to ${current} refused: ${e.message}`);
      throw e;
    }
    hops.push(target.url.toString());
    firstOrigin ??= target.url.origin;
    const sameOrigin = target.url.origin === firstOrigin;
    const res = await requestOnce(target, sameOrigin ? { ...headers, ...opts.trustedHeaders } : headers, opts.signal, opts.maxBytes, true);
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) {
      if (hop >= maxRedirects) throw new ToolRefusal('UPSTREAM', `Too many redirects (more than ${maxRedirects}), last from ${target.url.toString()}.`);
      let next: URL;
      try {
        next = new URL(location, target.url);
      } catch {
        throw new ToolRefusal('UPSTREAM', `${target.host} redirected to an invalid location.`);
      }
      current = next.toString();
      continue;
    }
    return { ...res, finalUrl: target.url.toString(), hops };
  }
}

export interface GuardedPostOptions extends EgressOptions {
  allowlist: readonly string[];
  /** Headers set by the platform (content type, signature). */
  headers: Record<string, string>;
  body: Buffer;
  signal: AbortSignal;
  maxBytes: number;
}

/** POST through the guard (same address checks and pinning as guardedGet); redirects are not followed. */
export async function guardedPost(rawUrl: string, opts: GuardedPostOptions): Promise<{ status: number; body: Buffer }> {
  const target = await raceAbort(checkEgressTarget(rawUrl, opts.allowlist, opts), opts.signal, `resolving ${rawUrl}`);
  const res = await requestOnce(target, opts.headers, opts.signal, opts.maxBytes, false, { method: 'POST', body: opts.body });
  return { status: res.status, body: res.body };
}
