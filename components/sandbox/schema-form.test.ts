import { describe, expect, it } from 'vitest';
import { argumentsOf, fieldsOf } from './schema-form';

const schema = {
  type: 'object', required: ['id'],
  properties: { id: { type: 'string', description: 'Record id' }, limit: { type: 'integer' }, dry: { type: 'boolean' }, mode: { enum: ['a', 'b'] }, filter: { type: 'object' }, note: { type: ['string', 'null'] } },
};

describe('sandbox form from a JSON Schema', () => {
  it('describes one field per top-level property', () => {
    expect(fieldsOf(schema).map((f) => [f.name, f.kind, f.required])).toEqual([
      ['id', 'string', true], ['limit', 'integer', false], ['dry', 'boolean', false], ['mode', 'enum', false], ['filter', 'json', false], ['note', 'string', false],
    ]);
    expect(fieldsOf(null)).toEqual([]);
  });

  it('turns the typed values into arguments, leaving empty optional ones out', () => {
    const fields = fieldsOf(schema);
    expect(argumentsOf(fields, { id: 'r-1', limit: '5', dry: true, mode: '', filter: '{"a":1}', note: '  ' })).toEqual({ ok: true, args: { id: 'r-1', limit: 5, dry: true, filter: { a: 1 } } });
    expect(argumentsOf(fields, { limit: 'many' })).toEqual({ ok: false, field: 'limit', message: 'limit must be a number.' });
    expect(argumentsOf(fields, { filter: '{' })).toEqual({ ok: false, field: 'filter', message: 'filter must be valid JSON.' });
  });
});
