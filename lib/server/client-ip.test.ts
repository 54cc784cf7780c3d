import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClientIp } from './client-ip';

describe('client IP', () => {
  const none = parseTrustedProxies('');
  const lb = parseTrustedProxies('10.0.0.0/8, ::1');
  it('ignores X-Forwarded-For unless the peer is a trusted proxy (a client cannot pick its address)', () => {
    expect(resolveClientIp('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9');
    expect(resolveClientIp('203.0.113.9', '1.2.3.4', lb)).toBe('203.0.113.9');
    expect(resolveClientIp('::ffff:203.0.113.9', null, none)).toBe('203.0.113.9');
  });
  it('walks the chain from the right through trusted proxies only', () => {
    expect(resolveClientIp('10.0.0.5', '198.51.100.7', lb)).toBe('198.51.100.7');
    // The client prepended a fake address: the proxy appended the real one, which is what counts.
    expect(resolveClientIp('10.0.0.5', '1.2.3.4, 198.51.100.7', lb)).toBe('198.51.100.7');
    expect(resolveClientIp('10.0.0.5', '198.51.100.7, 10.1.2.3', lb)).toBe('198.51.100.7');
    expect(resolveClientIp('::1', '10.9.9.9, 10.0.0.2', lb)).toBe('10.9.9.9');
    expect(resolveClientIp('10.0.0.5', 'not-an-ip', lb)).toBe('10.0.0.5');
  });
  it('unknown without a peer; a bad TRUSTED_PROXIES entry is named', () => {
    expect(resolveClientIp(null, '1.2.3.4', lb)).toBeNull();
    expect(() => parseTrustedProxies('10.0.0.0/8, proxy.internal')).toThrow('TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range.');
  });
});
