// Custom PII patterns are tenant input that runs on every tool output: refuse the ones that can blow up
// (catastrophic backtracking) before they are stored. Pure and isomorphic.
//
// Refused: more than MAX_PATTERN_LENGTH characters; a syntax error; back-references; nested quantifiers (a group
// repeated without bound that contains a quantifier, "(a+)+", "(\w?)*", "(?:a{1,3})+", or a group repeated a bounded
// number of times that contains an unbounded quantifier, "(a+){3}"; "(\d{3}[ -]?){3}" is fine); a repeated group whose
// alternatives can match the same text ("(a|a)*", "(a|ab)*", "(\w|\d)+"); bounded repetition above 1000;
// a pattern that matches the empty string (it would redact nothing but loop on every position).

export const MAX_PATTERN_LENGTH = 200;

export type RegexCheck = { ok: true } | { ok: false; reason: string };

interface Group {
  hasQuantifier: boolean;
  hasUnbounded: boolean;
  alternatives: string[];
  current: string;
}

export function checkRegexSafety(pattern: string): RegexCheck {
  if (pattern.length === 0) return { ok: false, reason: 'The pattern is empty.' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.` };
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch (e) {
    return { ok: false, reason: `Invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
  }
  const stack: Group[] = [{ hasQuantifier: false, hasUnbounded: false, alternatives: [], current: '' }];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) return { ok: false, reason: 'Back-references are not allowed.' };
      top.current += c + next;
      i++;
      continue;
    }
    if (inClass) {
      top.current += c;
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      top.current += c;
      continue;
    }
    if (c === '(') {
      stack.push({ hasQuantifier: false, hasUnbounded: false, alternatives: [], current: '' });
      if (pattern[i + 1] === '?') {
        // (?:  (?=  (?!  (?<=  (?<!  (?<name>
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(pattern.slice(i + 1));
        if (m) i += m[0].length;
      }
      continue;
    }
    if (c === '|') {
      top.alternatives.push(top.current);
      top.current = '';
      continue;
    }
    const quant = /^(?:[*+?]|\{(\d+)(?:,(\d*))?\})\??/.exec(pattern.slice(i));
    if (quant) {
      const max = quant[0].startsWith('?') ? 1 : quant[2] !== undefined ? (quant[2] === '' ? Infinity : Number(quant[2])) : quant[1] !== undefined ? Number(quant[1]) : Infinity;
      if (Number(quant[1] ?? 0) > 1000 || (Number.isFinite(max) && max > 1000)) return { ok: false, reason: 'Repetition counts above 1000 are not allowed.' };
      top.hasQuantifier = true;
      if (max === Infinity) top.hasUnbounded = true;
      top.current += quant[0];
      i += quant[0].length - 1;
      continue;
    }
    if (c === ')') {
      const group = stack.pop()!;
      group.alternatives.push(group.current);
      const parent = stack[stack.length - 1];
      if (!parent) return { ok: false, reason: 'Unbalanced parenthesis.' };
      const after = repeats(pattern.slice(i + 1));
      if (after !== 'once') {
        if (after === 'unbounded' ? group.hasQuantifier : group.hasUnbounded) return { ok: false, reason: 'Nested quantifiers (a repeated group that itself repeats, like "(a+)+") can take exponential time.' };
        if (group.alternatives.length > 1 && alternativesOverlap(group.alternatives)) {
          return { ok: false, reason: 'A repeated group whose alternatives can match the same text (like "(a|ab)*") can take exponential time.' };
        }
      }
      parent.hasQuantifier ||= group.hasQuantifier;
      parent.hasUnbounded ||= group.hasUnbounded;
      parent.current += '(' + group.alternatives.join('|') + ')';
      continue;
    }
    top.current += c;
  }
  if (re.test('')) return { ok: false, reason: 'The pattern matches empty text; make it match at least one character.' };
  return { ok: true };
}

/** Is the text at this point a quantifier that lets the preceding atom repeat (more than once)? */
function repeats(rest: string): 'once' | 'bounded' | 'unbounded' {
  if (rest.startsWith('*') || rest.startsWith('+')) return 'unbounded';
  const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
  if (!m) return 'once';
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return max === Infinity ? 'unbounded' : max > 1 ? 'bounded' : 'once';
}

/** Conservative: alternatives overlap when one's first atom could start another (same literal, a class or a dot). */
function alternativesOverlap(alts: string[]): boolean {
  const firsts = alts.map(firstAtom);
  for (let a = 0; a < firsts.length; a++) {
    for (let b = a + 1; b < firsts.length; b++) {
      const x = firsts[a]!;
      const y = firsts[b]!;
      if (x === '' || y === '') return true;
      if (x === y) return true;
      const broad = (s: string) => s === '.' || s.startsWith('[') || /^\\[wWdDsS.pP]/.test(s);
      if (broad(x) || broad(y)) return true;
    }
  }
  return false;
}

function firstAtom(alt: string): string {
  if (alt.startsWith('\\')) return alt.slice(0, 2);
  if (alt.startsWith('[')) {
    const end = alt.indexOf(']', 1);
    return end < 0 ? alt : alt.slice(0, end + 1);
  }
  if (alt.startsWith('(')) return alt.slice(1) === '' ? '' : firstAtom(alt.slice(1));
  return alt.slice(0, 1);
}
