import { describe, expect, it } from 'vitest';
import { BUILTIN_TOOLS } from '@/lib/schemas/builtin-tools';
import { BUILTIN_EXECUTORS, executorFor } from './index';

describe('BUILTIN_EXECUTORS', () => {
  it('has exactly one executor per catalogued built-in tool, with the effect its contract implies', () => {
    expect(Object.keys(BUILTIN_EXECUTORS).sort()).toEqual(BUILTIN_TOOLS.map((t) => t.slug).sort());
    for (const t of BUILTIN_TOOLS) {
      const e = executorFor(t.slug)!;
      expect(e.slug).toBe(t.slug);
      if (t.readOnly) expect(e.effect).toBe('none');
      else expect(e.effect, t.slug).toBe(t.openWorld ? 'external' : 'db');
    }
  });

  it('knows nothing else (prototype keys included)', () => {
    expect(executorFor('nope')).toBeUndefined();
    expect(executorFor('constructor')).toBeUndefined();
    expect(executorFor('__proto__')).toBeUndefined();
  });
});
