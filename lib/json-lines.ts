// A strict JSON parser (RFC 8259) that remembers where every value starts, so a validation error on a path
// (zod's ['0', 'enabled_tools', 2]) can name the line and column of the pasted or uploaded text.
// Pure and isomorphic. Syntax errors carry the line and column of the offending character.

export interface JsonPosition {
  line: number; // 1-based
  column: number; // 1-based
}

export class JsonSyntaxError extends Error {
  constructor(readonly reason: string, readonly position: JsonPosition) {
    super(`${reason} at line ${position.line}, column ${position.column}`);
    this.name = 'JsonSyntaxError';
  }
}

export interface LocatedJson {
  value: unknown;
  /** Position of the value at this path (or of its closest existing parent). */
  locate(path: ReadonlyArray<PropertyKey>): JsonPosition;
}

const MAX_DEPTH = 64;

export function parseJsonWithPositions(text: string): LocatedJson {
  const positions = new Map<string, JsonPosition>();
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const pos = (): JsonPosition => ({ line, column: i - lineStart + 1 });
  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, pos());
  };
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === '\n') {
        i++;
        line++;
        lineStart = i;
      } else if (c === ' ' || c === '\t' || c === '\r') i++;
      else break;
    }
  };
  const describe = (c: string | undefined) => (c === undefined ? 'end of input' : `'${c}'`);
  const str = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('Unterminated string');
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n' || (c !== undefined && c < ' ')) fail('Control character in string');
      if (c === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && map[e] !== undefined) {
          out += map[e];
          i += 2;
        } else {
          i++;
          fail(`Invalid escape ${describe(e)}`);
        }
      } else {
        out += c;
        i++;
      }
    }
  };
  const value = (path: string, depth: number): unknown => {
    ws();
    if (depth > MAX_DEPTH) fail('Nested too deeply');
    positions.set(path, pos());
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`Expected a property name in double quotes, found ${describe(text[i])}`);
        const key = str();
        ws();
        if (text[i] !== ':') fail(`Expected ':' after property name, found ${describe(text[i])}`);
        i++;
        obj[key] = value(path + '\u0000' + key, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('Trailing comma');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`Expected ',' or '}', found ${describe(text[i])}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(path + '\u0000' + arr.length, depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('Trailing comma');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`Expected ',' or ']', found ${describe(text[i])}`);
      }
    }
    if (c === '"') return str();
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return Number(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(`Unexpected ${describe(c)}`);
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1; // BOM
  const v = value('', 0);
  ws();
  if (i < text.length) fail(`Unexpected ${describe(text[i])} after the end of the JSON value`);
  return {
    value: v,
    locate(path) {
      const parts = path.map(String);
      for (let n = parts.length; n >= 0; n--) {
        const p = positions.get(parts.slice(0, n).map((x) => '\u0000' + x).join(''));
        if (p) return p;
      }
      return { line: 1, column: 1 };
    },
  };
}
