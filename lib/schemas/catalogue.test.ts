import { describe, expect, it } from 'vitest';
import { cleanParams, ZExportToolsInput, ZFindToolsInput, ZToolVersionDecisionInput, ZUpdateToolInput } from './catalogue';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);

describe('ZFindToolsInput', () => {
  it('defaults', () => expect(ZFindToolsInput.parse({})).toEqual({ q: '', sort: 'name', page: 1, pageSize: 25 }));
  it.each([
    [{ risk: 'extreme' }, 'risk: risk must be one of low, medium, high, critical.'],
    [{ dataClassification: 'secret' }, 'dataClassification: dataClassification must be one of public, internal, confidential, pii.'],
    [{ lifecycle: 'gone' }, 'lifecycle: lifecycle must be one of draft, in_review, published, deprecated, retired.'],
    [{ access: 'rw' }, 'access: access must be read_only or write.'],
    [{ enabled: 'maybe' }, 'enabled: enabled must be yes or no.'],
    [{ sort: 'random' }, 'sort: sort must be one of name, recent, risk_desc, risk_asc, owner.'],
    [{ page: '0' }, 'page: page starts at 1.'],
    [{ page: 'two' }, 'page: page must be a number.'],
    [{ pageSize: '1000' }, 'pageSize: pageSize is at most 100.'],
    [{ pageSize: '2.5' }, 'pageSize: pageSize must be a whole number.'],
    [{ q: 'x'.repeat(201) }, 'q: Keep the search under 200 characters.'],
  ])('%j → %s', (input, message) => expect(messages(ZFindToolsInput.safeParse(input))).toEqual([message]));
  it('refuses unknown parameters by name', () => expect(messages(ZFindToolsInput.safeParse({ riks: 'high' })).join(' ')).toContain('riks'));
  it('export takes the same filters and a format', () => {
    expect(ZExportToolsInput.parse({ format: 'csv', risk: 'low' })).toMatchObject({ format: 'csv', risk: 'low' });
    expect(messages(ZExportToolsInput.safeParse({ format: 'xml' }))).toEqual(['format: format must be json or csv.']);
  });
  it('cleanParams drops empty values', () => expect(cleanParams({ q: '', risk: 'low', x: undefined })).toEqual({ risk: 'low' }));
});

describe('ZUpdateToolInput', () => {
  const ok = {
    slug: 'kb_search', category: 'knowledge', ownerTeam: 'Platform', tags: 'a, b', dataRead: 'kb', dataWritten: '', timeoutMs: '5000', maxInputBytes: '1024',
    maxOutputBytes: '2048', sloP95Ms: '800', sloSuccessRate: '99.5', name: 'kb_search', title: 'KB search', description: 'Searches the knowledge base articles.',
    inputSchema: '{"type":"object"}', outputSchema: '', readOnlyHint: 'on',
  };
  it('parses form values', () => {
    expect(ZUpdateToolInput.parse(ok)).toMatchObject({ tags: ['a', 'b'], dataWritten: [], timeoutMs: 5000, sloSuccessRate: 99.5, inputSchema: { type: 'object' }, outputSchema: null, readOnlyHint: true, destructiveHint: false });
  });
  it.each([
    [{ inputSchema: '{not json' }, /^inputSchema: The input schema is not valid JSON/],
    [{ inputSchema: '[1]' }, /^inputSchema: The input schema must be a JSON object\.$/],
    [{ inputSchema: '' }, /^inputSchema: The input schema is required\.$/],
    [{ name: 'Bad Name' }, /^name: The tool name must be 3–63 characters/],
    [{ timeoutMs: '10' }, /^timeoutMs: Timeout is at least 100 ms\.$/],
    [{ sloSuccessRate: '101' }, /^sloSuccessRate: The success-rate target is at most 100 %\.$/],
    [{ description: 'short' }, /^description: Describe the tool for agents in at least 20 characters\.$/],
  ])('%j is refused', (patch, re) => expect(messages(ZUpdateToolInput.safeParse({ ...ok, ...patch }))[0]).toMatch(re));
});

describe('ZToolVersionDecisionInput', () => {
  it('needs a reason to reject', () => {
    expect(messages(ZToolVersionDecisionInput.safeParse({ versionId: 'v', outcome: 'reject', reason: 'no' }))).toEqual(['reason: Give the reason for the rejection (at least 10 characters).']);
    expect(ZToolVersionDecisionInput.parse({ versionId: 'v', outcome: 'approve' }).reason).toBe('');
  });
});
