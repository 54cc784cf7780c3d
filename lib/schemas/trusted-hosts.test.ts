import { describe, expect, it } from 'vitest';
import { trustedInternal, ZTrustedHostPattern } from './trusted-hosts';

describe('ZTrustedHostPattern', () => {
  it.each([
    ['CRM.Internal.', 'crm.internal'], ['10.20.0.7/16', '10.20.0.0/16'], ['127.0.0.1', '127.0.0.1'], ['fd00::1/64', 'fd00::/64'], ['[::1]', '::1'],
  ])('%s is kept as %s', (input, out) => expect(ZTrustedHostPattern.parse(input)).toBe(out));

  it.each([
    ['', 'Enter a host name, an IP address or a CIDR range.'],
    ['*.internal', 'Wildcards are not allowed: list each internal host, or use a CIDR range.'],
    ['10.0.0.0/33', '"10.0.0.0/33" is not a valid CIDR range (e.g. 10.20.0.0/16).'],
    ['bad host', '"bad host" is not a valid host name, IP address or CIDR range.'],
  ])('%j is refused: %s', (input, message) => {
    const r = ZTrustedHostPattern.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });
});

describe('trustedInternal', () => {
  const list = ['crm.internal', '10.20.0.0/16', '127.0.0.1', 'fd00::/64'];
  it.each([
    ['crm.internal', '10.9.9.9', true], ['other.internal', '10.20.3.4', true], ['x', '10.21.0.1', false], ['localhost', '127.0.0.1', true],
    ['localhost', '127.0.0.2', false], ['v6', 'fd00::5', true], ['v6', 'fd01::5', false], ['mapped', '::ffff:10.20.1.1', true], ['CRM.INTERNAL.', '192.168.1.1', true],
  ])('%s → %s: %s', (host, address, ok) => expect(trustedInternal(list, host, address)).toBe(ok));
  it('an empty list trusts nothing', () => expect(trustedInternal([], 'crm.internal', '10.20.0.1')).toBe(false));
});
