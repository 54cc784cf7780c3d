import { describe, expect, it } from 'vitest';
import { checkAgainstSchema, schemaProblem } from './json-schema';

const SCHEMA = {
  type: 'object',
  properties: { query: { type: 'string', minLength: 2 }, limit: { type: 'integer', minimum: 1, maximum: 20, default: 5 }, email: { type: 'string', format: 'email' }, kind: { enum: ['a', 'b'] } },
  required: ['query'],
  additionalProperties: false,
};
const hash = (n: number) => n.toString(16).padStart(64, '0');

describe('checkAgainstSchema (served ToolVersion JSON Schema)', () => {
  it('fills declared defaults on a copy, never on the caller\'s object', () => {
    const args = { query: 'vpn' };
    const r = checkAgainstSchema(hash(1), 'input', SCHEMA, args);
    expect(r).toEqual({ ok: true, value: { query: 'vpn', limit: 5 } });
    expect(args).toEqual({ query: 'vpn' });
  });

  it('copies nested values for a schema with defaults, keeping a "__proto__" key as data', () => {
    const schema = { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer', default: 1 } } } } } };
    const args = JSON.parse('{"items":[{},{"n":2}],"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const r = checkAgainstSchema(hash(7), 'input', schema, args);
    expect(r.ok).toBe(true);
    const value = (r as { value: Record<string, unknown> }).value;
    expect(value.items).toEqual([{ n: 1 }, { n: 2 }]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['items', '__proto__']);
    expect(args.items).toEqual([{}, { n: 2 }]);
  });

  it('validates in place, without a copy, when the schema declares no default', () => {
    const value = { n: 3 };
    const r = checkAgainstSchema(hash(8), 'output', { type: 'object', properties: { n: { type: 'number' } } }, value);
    expect(r).toEqual({ ok: true, value });
    expect((r as { value: unknown }).value).toBe(value);
  });

  it.each([
    [{}, ['query: is required']],
    [{ query: 'x', limit: 500 }, ['query: must NOT have fewer than 2 characters', 'limit: must be <= 20']],
    [{ query: 'ok', extra: 1 }, ['(arguments): unknown field "extra"']],
    [{ query: 'ok', email: 'nope' }, ['email: must be a valid email']],
    [{ query: 'ok', kind: 'c' }, ['kind: must be one of "a", "b"']],
    [{ query: 'ok', limit: '3' }, ['limit: must be integer']],
  ])('%j is refused naming each field', (args, problems) => {
    expect(checkAgainstSchema(hash(1), 'input', SCHEMA, args)).toEqual({ ok: false, problems });
  });

  it('without an output schema any output passes; a schema that does not compile is reported, not thrown', () => {
    expect(checkAgainstSchema(hash(2), 'output', null, { a: 1 })).toEqual({ ok: true, value: { a: 1 } });
    const broken = { type: 'object', properties: { a: { type: 'no-such-type' } } };
    expect(schemaProblem(broken)).toMatch(/type/);
    const r = checkAgainstSchema(hash(3), 'input', broken, {});
    expect(r.ok).toBe(false);
  });

  it('ignores a declared $schema draft (upstream servers send draft-07)', () => {
    const s = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { n: { type: 'number' } } };
    expect(schemaProblem(s)).toBeNull();
    expect(checkAgainstSchema(hash(4), 'input', s, { n: 'x' })).toEqual({ ok: false, problems: ['n: must be number'] });
  });

  it('compiles once per definition hash: the same hash keeps its validator', () => {
    const a = { type: 'object', properties: { n: { type: 'number' } } };
    const b = { type: 'object', properties: { n: { type: 'string' } } };
    expect(checkAgainstSchema(hash(5), 'input', a, { n: 1 }).ok).toBe(true);
    // Same hash, different schema object: the cached validator (of `a`) answers — a hash names one definition.
    expect(checkAgainstSchema(hash(5), 'input', b, { n: 1 }).ok).toBe(true);
    expect(checkAgainstSchema(hash(6), 'input', b, { n: 1 }).ok).toBe(false);
  });
});
