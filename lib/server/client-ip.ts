import 'server-only';
// The client's IP address, for the sign-in limits and the audit: one helper for every entry point.
// The production server (scripts/serve.ts) records each connection's peer address in PEER_HEADER (a client's own
// copy is removed first). X-Forwarded-For is believed only hop by hop from the right while the hop that added it
// is one of TRUSTED_PROXIES (addresses or CIDRs; default none): a client that sets the header itself changes
// nothing. The peer header is read only in a process that scripts/serve.ts started (PLATFORM_PEER_HEADER=1: that
// server removes a client's copy); elsewhere (next dev, `next start` run by hand) the address is unknown (null).
import ipaddr from 'ipaddr.js';

export const PEER_HEADER = 'x-platform-peer-address';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses TRUSTED_PROXIES ("10.0.0.0/8, 192.168.1.10, ::1"); throws on an entry that is not an address or CIDR. */
export function parseTrustedProxies(spec: string | undefined): Range[] {
  return (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    try {
      if (entry.includes('/')) return ipaddr.parseCIDR(entry);
      const a = ipaddr.parse(entry);
      return [a, a.kind() === 'ipv4' ? 32 : 128] as Range;
    } catch {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    }
  });
}

function normalize(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const a = ipaddr.parse(address.trim().replace(/^\[|\]$/g, ''));
    return a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;
  } catch {
    return null;
  }
}

function trusted(a: ipaddr.IPv4 | ipaddr.IPv6, proxies: Range[]): boolean {
  return proxies.some(([range, bits]) => range.kind() === a.kind() && a.match(range as never, bits));
}

/** The client address given the connection's peer and the X-Forwarded-For chain, trusting only `proxies`. */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, proxies: Range[]): string | null {
  const p = peer ? normalize(peer) : null;
  if (!p) return null;
  let current = p;
  const hops = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  while (trusted(current, proxies) && hops.length) {
    const next = normalize(hops.pop()!);
    if (!next) break; // a malformed hop: stop at the last address we could trust
    current = next;
  }
  return current.toString();
}

let proxiesCache: { spec: string | undefined; ranges: Range[] } | null = null;
function configuredProxies(): Range[] {
  const spec = process.env.TRUSTED_PROXIES;
  if (!proxiesCache || proxiesCache.spec !== spec) proxiesCache = { spec, ranges: parseTrustedProxies(spec) };
  return proxiesCache.ranges;
}

// Without trusted proxies the answer depends on the peer alone, and a server sees few distinct peers (its load
// balancers, a client's keep-alive connections): the parsed answer is kept instead of parsing on every request.
const peerCache = new Map<string, string | null>();
const PEER_CACHE_MAX = 4096;

/** From any header source (fetch Headers, Next's headers(), or Node's header record). */
export function clientIp(get: (name: string) => string | null | undefined): string | null {
  if (process.env.PLATFORM_PEER_HEADER !== '1') return null;
  const peer = get(PEER_HEADER) ?? null;
  const proxies = configuredProxies();
  if (proxies.length || !peer) return resolveClientIp(peer, get('x-forwarded-for') ?? null, proxies);
  let ip = peerCache.get(peer);
  if (ip === undefined) {
    if (peerCache.size >= PEER_CACHE_MAX) peerCache.clear();
    ip = resolveClientIp(peer, null, proxies);
    peerCache.set(peer, ip);
  }
  return ip;
}
