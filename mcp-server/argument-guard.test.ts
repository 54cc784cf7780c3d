import { describe, expect, it } from 'vitest';
import { argumentProblem, MAX_ARGUMENT_DEPTH } from './argument-guard';

const nested = (levels: number) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

describe('argument guard', () => {
  it.each([
    [{ reason: 'Colis ab\u0000îmé' }, 'arguments.reason', 'arguments.reason contains a NUL character (U+0000), which cannot be stored.'],
    [{ reason: 'lone \ud800 surrogate' }, 'arguments.reason', 'arguments.reason contains an unpaired surrogate (U+D800), which is not valid Unicode.'],
    [{ items: ['ok', { 'bad key': 'x\udc00' }] }, 'arguments.items[1]["bad key"]', 'arguments.items[1]["bad key"] contains an unpaired surrogate (U+DC00), which is not valid Unicode.'],
    [{ ['k\u0000']: 1 }, 'arguments', 'A field name in arguments contains a NUL character (U+0000), which cannot be stored.'],
  ])('%j → %s', (args, field, message) => {
    expect(argumentProblem(args)).toEqual({ field, message });
  });

  it('accepts well-formed text (emoji are surrogate pairs) and the documented depth', () => {
    expect(argumentProblem({ note: 'Remboursé 👍 — ok', deep: nested(MAX_ARGUMENT_DEPTH - 1) })).toBeNull();
  });

  it('refuses deeper nesting, even 5,000 levels, without overflowing the stack', () => {
    expect(argumentProblem(nested(MAX_ARGUMENT_DEPTH + 1))?.message).toMatch(/is nested deeper than 32 levels/);
    expect(argumentProblem({ x: nested(5_000) })?.field).toBe(`arguments.x${'.a'.repeat(MAX_ARGUMENT_DEPTH - 1)}`);
  });
});
