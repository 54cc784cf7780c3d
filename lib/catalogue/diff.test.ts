import { describe, expect, it } from 'vitest';
import { diffSummary } from './diff';

const v1: { name: string; description: string; inputSchema: unknown; outputSchema: unknown; annotations: unknown } = {
  name: 'kb_search', description: 'Search articles',
  inputSchema: { type: 'object', properties: { query: { type: 'string' }, limit: { type: 'integer' } }, required: ['query'] },
  outputSchema: { type: 'object', properties: { hits: { type: 'array' } } },
  annotations: { title: 'KB', readOnlyHint: true },
};

describe('diffSummary', () => {
  it('names the initial version', () => expect(diffSummary(null, v1)).toEqual(['Initial version']));
  it('says when nothing agents see changed', () => expect(diffSummary(v1, structuredClone(v1))).toEqual(['No change to what agents see']));
  it('lists each change', () => {
    const v2 = structuredClone(v1);
    v2.name = 'kb_find';
    v2.description = 'Find articles';
    v2.inputSchema = { type: 'object', properties: { query: { type: 'string', maxLength: 100 }, tag: { type: 'string' } }, required: ['query', 'tag'] };
    v2.annotations = { title: 'KB', readOnlyHint: false };
    expect(diffSummary(v1, v2)).toEqual([
      'Name: kb_search → kb_find',
      'Description changed',
      'Input schema: field tag added',
      'Input schema: field limit removed',
      'Input schema: field query changed',
      'Input schema: tag now required',
      'Annotation readOnlyHint: true → false',
    ]);
  });
  it('reports an added or removed output schema', () => {
    expect(diffSummary(v1, { ...v1, outputSchema: null })).toEqual(['Output schema removed']);
    expect(diffSummary({ ...v1, outputSchema: null }, v1)).toEqual(['Output schema added']);
  });
});
