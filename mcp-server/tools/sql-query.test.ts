import { describe, expect, it } from 'vitest';
import { parseJsonSafe } from './sql-query';

describe('parseJsonSafe', () => {
  it.each([
    ['{"a":1,"b":-2.5,"c":1e+30}', { a: 1, b: -2.5, c: 1e30 }],
    ['{"big":9007199254740993,"neg":-12345678901234567890}', { big: '9007199254740993', neg: '-12345678901234567890' }],
    ['{"money":1234567890123456.78}', { money: '1234567890123456.78' }],
    ['{"s":"9007199254740993 and \\"1234567890123456789\\""}', { s: '9007199254740993 and "1234567890123456789"' }],
    ['{"arr":[123456789012345,0.000000000000000001]}', { arr: [123456789012345, 1e-18] }],
  ])('%s', (text, expected) => expect(parseJsonSafe(text)).toEqual(expected));
});
