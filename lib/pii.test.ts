import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, nirValid, redactPii, redactText } from './pii';
import { ZPiiRules, type TPiiRules } from './schemas/tenant-policy';

const ALL: TPiiRules = ZPiiRules.parse({});
const NONE: TPiiRules = { email: false, phone: false, iban: false, card: false, nir: false, custom: [] };

describe('checksums', () => {
  it.each([
    ['4111111111111111', true], ['5555555555554444', true], ['378282246310005', true], ['4111111111111112', false], ['12a4', false],
  ])('luhn %s → %s', (s, ok) => expect(luhnValid(s)).toBe(ok));
  it.each([
    ['FR7630006000011234567890189', true], ['DE89370400440532013000', true], ['GB82WEST12345698765432', true],
    ['FR7630006000011234567890188', false], ['DE00370400440532013000', false], ['XX12', false],
  ])('iban %s → %s', (s, ok) => expect(ibanValid(s)).toBe(ok));
  it.each([
    ['184017645108964', true], ['2 69 05 49 588 157 80', true], ['185022A12345682', true], ['184017645108965', false], ['984017645108964', false],
  ])('nir %s → %s', (s, ok) => expect(nirValid(s)).toBe(ok));
});

describe('redactText: what is redacted', () => {
  it.each([
    ['email', 'Write to jane.doe+billing@acme-corp.example.com today', 'Write to [REDACTED:email] today'],
    ['email', 'CONTACT: J.Martin@Example.FR.', 'CONTACT: [REDACTED:email].'],
    ['phone', 'Call +33 6 12 34 56 78 now', 'Call [REDACTED:phone] now'],
    ['phone', 'Mobile: 06 12 34 56 78.', 'Mobile: [REDACTED:phone].'],
    ['phone', 'Office 01.45.67.89.10', 'Office [REDACTED:phone]'],
    ['phone', 'Tel 0612345678', 'Tel [REDACTED:phone]'],
    ['phone', 'Intl 0033 6 12 34 56 78', 'Intl [REDACTED:phone]'],
    ['phone', 'US +1 (555) 123-4567', 'US [REDACTED:phone]'],
    ['phone', 'UK +44 (0)20 7946 0958', 'UK [REDACTED:phone]'],
    ['iban', 'IBAN FR76 3000 6000 0112 3456 7890 189 please', 'IBAN [REDACTED:iban] please'],
    ['iban', 'Pay to DE89370400440532013000.', 'Pay to [REDACTED:iban].'],
    ['iban', 'GB82 WEST 1234 5698 7654 32 AND MORE', 'GB82 WEST 1234 5698 7654 32 AND MORE'.replace('GB82 WEST 1234 5698 7654 32', '[REDACTED:iban]')],
    ['card', 'Card 4111 1111 1111 1111 exp 12/29', 'Card [REDACTED:card] exp 12/29'],
    ['card', 'card=5555-5555-5555-4444;', 'card=[REDACTED:card];'],
    ['card', 'Amex 378282246310005', 'Amex [REDACTED:card]'],
    ['nir', 'NIR 1 84 01 76 451 089 64', 'NIR [REDACTED:nir]'],
    ['nir', 'secu: 185022A12345682', 'secu: [REDACTED:nir]'],
  ])('%s: %s', (kind, input, expected) => {
    const r = redactText(input, ALL);
    expect(r.value).toBe(expected);
    expect(r.counts).toEqual({ [kind]: 1 });
  });

  it('redacts several kinds in one text and counts each', () => {
    const r = redactText('a@b.example, b@c.example, +33 1 23 45 67 89 and 4111111111111111', ALL);
    expect(r.value).toBe('[REDACTED:email], [REDACTED:email], [REDACTED:phone] and [REDACTED:card]');
    expect(r.counts).toEqual({ email: 2, phone: 1, card: 1 });
  });
});

describe('redactText: false positives kept', () => {
  it.each([
    ['order number', 'Order ORD-2024-000123 shipped'],
    ['seed order number', 'Refund request for order ORD-2026-00042'],
    ['invoice id', 'Invoice INV-2026-0001234 and invoice #100042'],
    ['ISO timestamp', 'at 2026-11-25T06:43:24.123Z'],
    ['date', 'due 25/11/2026 or 2026-11-25 or 01-02-2024'],
    ['time', 'at 06:43:24'],
    ['amounts', 'total 1234.56 EUR, 1,234,567.89 USD, 0.50'],
    ['16 digits failing Luhn', 'Tracking 4111 1111 1111 1112'],
    ['13-digit ms timestamp', 'ts=1764053004000'],
    ['long number failing mod-97', 'FR7630006000011234567890188'],
    ['NIR with a wrong key', '1 84 01 76 451 089 65'],
    ['version and IP-like numbers', 'v2.14.3 on 10.0.12.7'],
    ['plain short numbers', 'qty 12, id 12345, zip 75011'],
    ['UUID', '3f2b6c1e-8a4d-4e21-9c55-0b7a1d2e3f40'],
    ['not an email', 'user@localhost and @handle and a@b'],
  ])('%s', (_name, input) => {
    const r = redactText(input, ALL);
    expect(r.value).toBe(input);
    expect(r.counts).toEqual({});
  });
});

describe('rules', () => {
  it('a detector switched off keeps its matches', () => {
    const r = redactText('jane@acme.example +33 6 12 34 56 78', { ...ALL, email: false });
    expect(r.value).toBe('jane@acme.example [REDACTED:phone]');
  });

  it('all off: nothing changes', () => {
    expect(redactText('jane@acme.example 4111111111111111', NONE).value).toBe('jane@acme.example 4111111111111111');
  });

  it('custom patterns are applied globally with their name, never inside an earlier marker', () => {
    const rules: TPiiRules = { ...ALL, custom: [{ name: 'employee_id', pattern: 'EMP-\\d{6}' }, { name: 'caps', pattern: '[A-Z]{4,}' }] };
    const r = redactText('EMP-001234 and EMP-999999 wrote to jane@acme.example, URGENT', rules);
    expect(r.value).toBe('[REDACTED:employee_id] and [REDACTED:employee_id] wrote to [REDACTED:email], [REDACTED:caps]');
    expect(r.counts).toEqual({ employee_id: 2, email: 1, caps: 1 });
  });

  it('an unsafe custom pattern (never storable) is ignored rather than run', () => {
    const r = redactText('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', { ...NONE, custom: [{ name: 'bad', pattern: '(a+)+$' }] });
    expect(r.value).toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');
  });
});

describe('redactPii walks JSON deeply', () => {
  it('redacts strings at any depth, keys included, and leaves other values alone', () => {
    const input = {
      rows: [{ id: 7, email: 'a@b.example', phone: '+33 6 12 34 56 78', total: 12.5, paid: true, note: null }],
      nested: { deeper: ['x', { card: '4111-1111-1111-1111' }] },
      'c@d.example': 'key with an email',
      columns: ['id', 'email'],
    };
    const r = redactPii(input, ALL);
    expect(r.value).toEqual({
      rows: [{ id: 7, email: '[REDACTED:email]', phone: '[REDACTED:phone]', total: 12.5, paid: true, note: null }],
      nested: { deeper: ['x', { card: '[REDACTED:card]' }] },
      '[REDACTED:email]': 'key with an email',
      columns: ['id', 'email'],
    });
    expect(r.counts).toEqual({ email: 2, phone: 1, card: 1 });
    expect(input.rows[0]!.email).toBe('a@b.example'); // the input is not mutated
  });

  it('handles primitives and cycles', () => {
    expect(redactPii('x@y.example', ALL).value).toBe('[REDACTED:email]');
    expect(redactPii(42, ALL).value).toBe(42);
    const a: Record<string, unknown> = { s: 'ok' };
    a.self = a;
    expect(redactPii(a, ALL).value).toEqual({ s: 'ok', self: '[Circular]' });
  });
});

describe('prerequisite checks (a detector is skipped when the text lacks what every match contains)', () => {
  it.each([
    ['phone', 'call +1 234567 now', 'call [REDACTED:phone] now'], // 7 digits: the fewest a phone number has
    ['nir', 'secu 185022A12345682', 'secu [REDACTED:nir]'], // 14 digits: the fewest a NIR has (Corsica)
    ['card', 'card 4222222222222', 'card [REDACTED:card]'], // 13 digits: the fewest a card number has
  ])('%s at its minimum digit count is still redacted', (kind, input, expected) => {
    expect(redactText(input, ALL)).toEqual({ value: expected, counts: { [kind]: 1 } });
  });

  it('never changes a result: random texts redact the same with and without a suffix that passes every check', () => {
    // The suffix has "@" and 14 digits but cannot be (part of) a match, so with it every detector runs.
    const SUFFIX = '\n@\n1a2a3a4a5a6a7a8a9a0a1a2a3a4a';
    const pieces = ['4111 1111 1111 1111', 'a@b.example', '+33 6 12 34 56 78', '06 12 34 56 78', 'FR76 3000 6000 0112 3456 7890 189', '185022A12345682',
      '1 84 01 76 451 089 64', '[REDACTED:x]', '@', '+', '-', '.', ' ', '(', ')', '0', '1', '5', '9', 'A', 'B', 'FR', 'x', 'é', '12', '345', '2A'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = next() % 12; n > 0; n--) text += pieces[next() % pieces.length];
      const plain = redactText(text, ALL);
      const forced = redactText(text + SUFFIX, ALL);
      expect(forced.value, JSON.stringify(text)).toBe(plain.value + SUFFIX);
      expect(forced.counts, JSON.stringify(text)).toEqual(plain.counts);
    }
  });
});
