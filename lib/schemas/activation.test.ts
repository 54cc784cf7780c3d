import { describe, expect, it } from 'vitest';
import { parseActivationImport, ZSetActivationRuleInput } from './activation';

const issues = (text: string) => {
  const r = parseActivationImport(text);
  if (r.ok) throw new Error('expected issues');
  return r.issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.message}`);
};

describe('parseActivationImport', () => {
  it('accepts the plan format, one object or an array', () => {
    const one = parseActivationImport('{"user_id": "123", "tenant_id": "acme", "enabled_tools": ["kb_search"], "tool_limits": {"requests_per_min": 60}}');
    expect(one.ok && one.docs).toEqual([{ index: -1, doc: { user_id: '123', tenant_id: 'acme', enabled_tools: ['kb_search'], tool_limits: { requests_per_min: 60 } } }]);
    const many = parseActivationImport('[{"tenant_id": "acme", "enabled_tools": []}, {"tenant_id": "acme", "team_id": "support", "enabled_tools": ["a"]}]');
    expect(many.ok && many.docs.map((d) => d.index)).toEqual([0, 1]);
  });

  it.each([
    ['{"tenant_id": "acme",\n  "enabled_tools": ["a",]\n}', ['2:25  Invalid JSON: Trailing comma.']],
    ['{"tenant_id": "acme"\n "enabled_tools": []}', ["2:2  Invalid JSON: Expected ',' or '}', found '\"'."]],
    ['{"tenant_id": \'acme\'}', ["1:15  Invalid JSON: Unexpected '''."]],
    ['{"tenant_id": "acme", "enabled_tools": ["a"]} x', ["1:47  Invalid JSON: Unexpected 'x' after the end of the JSON value."]],
    ['{"tenant_id": "acme", "enabled_tools": ["a"]', ["1:45  Invalid JSON: Expected ',' or '}', found end of input."]],
    ['', ['1:1  Invalid JSON: Unexpected end of input.']],
  ])('JSON syntax errors name the line and column: %j', (text, expected) => {
    expect(issues(text)).toEqual(expected);
  });

  it('schema errors name the line of the offending value in an array', () => {
    const text = [
      '[',
      '  {"tenant_id": "acme", "enabled_tools": ["kb_search"]},',
      '  {"tenant_id": "acme",',
      '   "enabled_tools": ["kb_search", 42],',
      '   "tool_limits": {"requests_per_min": 0, "per_hour": 5}},',
      '  {"tenant_id": "acme", "user_id": "u", "team_id": "t", "enabled_tools": ["x", "x"]},',
      '  {"enabled_tools": "kb_search"}',
      ']',
    ].join('\n');
    expect(issues(text)).toEqual([
      '4:35 [1].enabled_tools[1] Expected a string, got number.',
      '5:40 [1].tool_limits.requests_per_min At least 1 request per minute.',
      '5:55 [1].tool_limits Unknown field "per_hour".',
      '6:52 [2].team_id Give user_id or team_id, not both.',
      '6:80 [2].enabled_tools[1] "x" is listed twice.',
      '7:3 [3].tenant_id tenant_id is required.',
      '7:21 [3].enabled_tools Expected an array, got string.',
    ]);
  });

  it('a single object reports paths without an index', () => {
    expect(issues('{\n  "tenant_id": "acme",\n  "enabled_tools": ["a"],\n  "toollimits": {}\n}')).toEqual(['4:17  Unknown field "toollimits".']);
  });

  it('an empty list or a wrong root type is refused', () => {
    expect(issues('[]')).toEqual(['1:1  The list is empty.']);
    expect(issues('"acme"')[0]).toMatch(/^1:1 /);
  });

  it('keeps counting lines inside multi-line strings escapes and CRLF', () => {
    expect(issues('{\r\n"tenant_id": "a\\nb",\r\n"enabled_tools": [1]}')).toEqual(['3:19 enabled_tools[0] Expected a string, got number.']);
  });
});

describe('ZSetActivationRuleInput', () => {
  const base = { tenantId: 't', toolId: 'x', scope: 'tenant', state: 'on', reason: 'pilot' } as const;
  it.each([
    [{ ...base, reason: 'x' }, 'reason'],
    [{ ...base, scope: 'team' }, 'teamId'],
    [{ ...base, scope: 'user' }, 'userId'],
    [{ ...base, scope: 'team', teamId: 'a', rolloutPercent: 10 }, 'rolloutPercent'],
    [{ ...base, state: 'off', rolloutPercent: 10 }, 'rolloutPercent'],
    [{ ...base, rolloutPercent: 101 }, 'rolloutPercent'],
  ])('refuses %j (field %s)', (input, field) => {
    const r = ZSetActivationRuleInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
  it('accepts a rollout on a tenant rule', () => {
    expect(ZSetActivationRuleInput.parse({ ...base, rolloutPercent: 25 }).rolloutPercent).toBe(25);
  });
});
