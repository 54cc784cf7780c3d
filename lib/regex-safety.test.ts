import { describe, expect, it } from 'vitest';
import { checkRegexSafety, MAX_PATTERN_LENGTH } from './regex-safety';

describe('checkRegexSafety', () => {
  it.each([
    String.raw`ORD-\d{6}`,
    String.raw`[A-Z]{2}\d{2}[A-Z0-9]{10,30}`,
    String.raw`(\d{3}[ -]?){3}`,
    String.raw`(?:EMP|CTR)-\d+`,
    String.raw`\bsk_(live|test)_[A-Za-z0-9]{24}\b`,
    String.raw`(?<code>[A-Z]{3})-\d{4}`,
    String.raw`(ab|cd)+`,
    String.raw`[(+*]x`,
  ])('accepts %s', (p) => {
    expect(checkRegexSafety(p)).toEqual({ ok: true });
  });

  it.each([
    ['(a+)+', 'Nested quantifiers'],
    [String.raw`(\w*)*$`, 'Nested quantifiers'],
    ['(?:a{1,3})+', 'Nested quantifiers'],
    ['((ab)+)+', 'Nested quantifiers'],
    ['(a+){3}', 'Nested quantifiers'],
    ['(x?)*y', 'Nested quantifiers'],
    ['(a|a)*b', 'alternatives can match the same text'],
    ['(a|ab)*c', 'alternatives can match the same text'],
    [String.raw`(\w|\d)+!`, 'alternatives can match the same text'],
    [String.raw`(a)\1`, 'Back-references'],
    [String.raw`(?<x>a)\k<x>`, 'Back-references'],
    ['a{1,5000}', 'above 1000'],
    ['(unclosed', 'Invalid regular expression'],
    ['a*', 'matches empty text'],
    ['', 'empty'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), 'longer than 200'],
  ])('refuses %s', (p, reason) => {
    const r = checkRegexSafety(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
