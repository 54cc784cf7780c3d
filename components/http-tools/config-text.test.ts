import { describe, expect, it } from 'vitest';
import { ZHttpToolConfigChecked } from '@/lib/schemas/http-tool';
import { pairs, parseJson, toConfig, type HttpToolFormState } from './config-text';

const form: HttpToolFormState = {
  method: 'POST', urlTemplate: 'https://api.example.com/orders/{id}', query: 'expand = expand\n# comment\n', headers: 'X-Customer: customer', staticHeaders: 'X-Source: mcp: portal',
  bodyMode: 'args', bodyArgs: 'note, qty', responseFields: 'id = /order/id\nsku = order.items.0.sku', authType: 'basic', authSecret: 'PW', authHeader: '', authUsername: 'svc',
  timeoutMs: '2000', maxResponseBytes: '',
};

describe('declaration form text', () => {
  it('reads "a = b" lines, skipping blanks and comments, splitting at the first separator', () => {
    expect(pairs('a = b\n\n# x\nc: d = e')).toEqual([['a', 'b'], ['c', 'd = e']]);
  });

  it('builds a configuration the server schema accepts', () => {
    const c = ZHttpToolConfigChecked.parse(toConfig(form));
    expect(c).toMatchObject({
      query: [{ param: 'expand', arg: 'expand' }], headers: [{ header: 'X-Customer', arg: 'customer' }], staticHeaders: [{ header: 'X-Source', value: 'mcp: portal' }],
      body: { mode: 'args', args: ['note', 'qty'] }, response: { fields: [{ name: 'id', path: '/order/id' }, { name: 'sku', path: 'order.items.0.sku' }] },
      auth: { type: 'basic', username: 'svc', secret: 'PW' }, timeoutMs: 2000, maxResponseBytes: 262_144,
    });
  });

  it('reports JSON errors', () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson('{').ok).toBe(false);
  });
});
