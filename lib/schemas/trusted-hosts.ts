// Trusted internal hosts: the private destinations (exact host names or CIDR ranges) that upstream MCP servers and
// declarative HTTP tools may reach. http_fetch never consults this list. Isomorphic (form, action, SSRF guard).
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A host name, an IP address or a CIDR range; normalised to lower case (CIDRs to their network address). */
export const ZTrustedHostPattern = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter a host name, an IP address or a CIDR range.')
  .max(253)
  .transform((v, ctx) => {
    const host = v.replace(/^\[|\]$/g, '').replace(/\.$/, '');
    if (host.includes('/')) {
      try {
        const [addr, bits] = ipaddr.parseCIDR(host);
        const net = addr.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(host) : ipaddr.IPv6.networkAddressFromCIDR(host);
        return `${net.toString()}/${bits}`;
      } catch {
        ctx.addIssue({ code: 'custom', message: `"${v}" is not a valid CIDR range (e.g. 10.20.0.0/16).` });
        return z.NEVER;
      }
    }
    if (ipaddr.isValid(host)) return ipaddr.parse(host).toString();
    if (host.includes('*')) {
      ctx.addIssue({ code: 'custom', message: 'Wildcards are not allowed: list each internal host, or use a CIDR range.' });
      return z.NEVER;
    }
    if (!HOST.test(host)) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a valid host name, IP address or CIDR range.` });
      return z.NEVER;
    }
    return host;
  })
  .describe('Exact host name (e.g. crm.internal), IP address, or CIDR range (e.g. 10.20.0.0/16)');

export const ZAddTrustedHostInput = z.object({
  pattern: ZTrustedHostPattern,
  tenantId: z.string().min(1).nullable().describe('The tenant it applies to; null for every tenant (platform-wide)'),
  note: z.string().trim().max(300, 'Keep the note under 300 characters.').default('').describe('Why this internal destination is trusted'),
});
export type TAddTrustedHostInput = z.input<typeof ZAddTrustedHostInput>;

export const ZRemoveTrustedHostInput = z.object({ id: z.string().min(1) });

export const ZTrustedHostDto = z.object({
  id: z.string(),
  tenantId: z.string().nullable(),
  tenantName: z.string().nullable(),
  pattern: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type TTrustedHostDto = z.infer<typeof ZTrustedHostDto>;

/**
 * Whether a private destination is trusted: the URL's host equals an exact entry, or its resolved address lies in
 * a CIDR entry (or equals an IP entry). Pure, used by the SSRF guard.
 */
export function trustedInternal(entries: readonly string[], host: string, address: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  let ip: ipaddr.IPv4 | ipaddr.IPv6 | null = null;
  if (ipaddr.isValid(address)) {
    ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  return entries.some((entry) => {
    if (entry.includes('/')) {
      if (!ip) return false;
      try {
        const range = ipaddr.parseCIDR(entry);
        return ip.kind() === range[0].kind() && ip.match(range);
      } catch {
        return false;
      }
    }
    if (ipaddr.isValid(entry)) return ip !== null && ipaddr.parse(entry).toString() === ip.toString();
    return entry === h;
  });
}
