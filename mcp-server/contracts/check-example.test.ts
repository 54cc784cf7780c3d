import { describe, expect, it } from 'vitest';
import { ZContractExamples, type TContractExample } from '@/lib/schemas/contracts';
import { checkExample, valueAt } from './check-example';

const noSchema = () => [];
const ex = (expect: TContractExample['expect']): TContractExample => ({ name: 'example', input: {}, expect });

describe('valueAt', () => {
  it.each([
    ['', { a: 1 }, { a: 1 }],
    ['/a', { a: 1 }, 1],
    ['/a/0/b', { a: [{ b: 'x' }] }, 'x'],
    ['/a~1b', { 'a/b': 2 }, 2],
    ['/missing', { a: 1 }, undefined],
    ['/a/01', { a: [1, 2] }, undefined],
  ])('%s', (pointer, root, value) => expect(valueAt(root, pointer)).toEqual(value));
});

describe('checkExample', () => {
  it('passes a success whose values match, and names each mismatch', () => {
    const e = ex({ outcome: 'success', values: [{ path: '/rows', minItems: 2 }, { path: '/status', equals: 'ok' }, { path: '/id', pattern: '^t-' }] });
    expect(checkExample(e, { ok: true, output: { rows: [1, 2], status: 'ok', id: 't-1' } }, noSchema)).toEqual([]);
    expect(checkExample(e, { ok: true, output: { rows: [1], status: 'ko', id: 'x' } }, noSchema)).toEqual([
      '/rows: expected an array of at least 2 items, got 1.', '/status: expected "ok", got "ko".', '/id: x does not match /^t-/.',
    ]);
    expect(checkExample(e, { ok: true, output: {} }, noSchema)).toHaveLength(3);
  });

  it('compares objects whatever their key order', () => {
    const e = ex({ outcome: 'success', values: [{ path: '', equals: { a: 1, b: [1, { c: 2, d: 3 }] } }] });
    expect(checkExample(e, { ok: true, output: { b: [1, { d: 3, c: 2 }], a: 1 } }, noSchema)).toEqual([]);
  });

  it('fails a success expectation on a refusal, and an error expectation on a result', () => {
    expect(checkExample(ex({ outcome: 'success', values: [] }), { ok: false, message: 'Invalid arguments.' }, noSchema)).toEqual(['Expected a result, but the call was refused: Invalid arguments.']);
    expect(checkExample(ex({ outcome: 'error' }), { ok: true, output: {} }, noSchema)).toEqual(['Expected the call to be refused, but it succeeded.']);
    expect(checkExample(ex({ outcome: 'error', messagePattern: 'allowlist' }), { ok: false, message: 'host not on the egress allowlist' }, noSchema)).toEqual([]);
    expect(checkExample(ex({ outcome: 'error', messagePattern: 'allowlist' }), { ok: false, message: 'timeout' }, noSchema)).toHaveLength(1);
  });

  it('reports what the output schema check finds', () => {
    const e = ex({ outcome: 'success', outputSchema: { type: 'object' }, values: [] });
    expect(checkExample(e, { ok: true, output: {} }, () => ['rows: is required'])).toEqual(['Output schema: rows: is required']);
  });
});

describe('ZContractExamples', () => {
  it.each([
    [[{ name: 'okay', input: {}, expect: { outcome: 'success' } }], null],
    [[{ name: 'x', input: {}, expect: { outcome: 'success' } }], 'Name each example (at least 3 characters).'],
    [[{ name: 'one', input: [], expect: { outcome: 'success' } }], 'expected record'],
    [[{ name: 'one', input: {}, expect: { outcome: 'maybe' } }], 'expect.outcome must be "success" or "error".'],
    [[{ name: 'one', input: {}, expect: { outcome: 'success', values: [{ path: '/a' }] } }], 'The check of /a needs equals, pattern or minItems.'],
    [[{ name: 'one', input: {}, expect: { outcome: 'success', values: [{ path: 'a', equals: 1 }] } }], 'A path is a JSON Pointer'],
    [[{ name: 'one', input: {}, expect: { outcome: 'success', values: [{ path: '/a', pattern: '(' }] } }], 'not a valid regular expression'],
    [[{ name: 'same', input: {}, expect: { outcome: 'error' } }, { name: 'same', input: {}, expect: { outcome: 'error' } }], 'Two examples are named "same"'],
  ])('%j → %s', (value, message) => {
    const r = ZContractExamples.safeParse(value);
    if (message === null) return expect(r.success).toBe(true);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join(' | ')).toContain(message);
  });
});
