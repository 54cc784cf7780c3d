// PII redaction applied to tool outputs (and the policy page's "test" box): built-in detectors with checksums
// where the format has one, plus the tenant's custom patterns. Pure and isomorphic.
//
// Detectors (each can be switched off in the tenant's rules), applied in this order on the text that is not
// already a redaction marker:
//   email  local@domain.tld
//   iban   2 letters, 2 check digits, 11–30 alphanumerics (spaces allowed), mod-97 checked
//   card   13–19 digits (spaces/dashes allowed), first digit 2–6 (the card networks), Luhn checked
//   nir    French social security number (15 digits, Corsica 2A/2B), key checked
//   phone  international (+33 6 12 34 56 78, 0033…, +1 (555) 123-4567) or French national (06 12 34 56 78)
//   custom the tenant's patterns (refused at save time when unsafe, re-checked here)
// Kept on purpose: order numbers (ORD-2024-000123), invoice ids, dates and timestamps, amounts, long numbers that
// fail their checksum.
import { checkRegexSafety } from '@/lib/regex-safety';
import type { TPiiRules } from '@/lib/schemas/tenant-policy';

export interface RedactionResult<T = unknown> {
  value: T;
  counts: Record<string, number>;
}

type Validator = (match: string) => string | null; // the part of the match to redact, or null to keep it

interface Detector {
  name: string;
  re: RegExp;
  validate?: Validator;
  /** What any match contains, checked before the pattern runs: most strings (keys, ids, prose) skip most detectors. */
  needs?: { char?: string; digits?: number };
}

const MARKER = /\[REDACTED:[^\]\n]{1,60}\]/g;

export function marker(name: string): string {
  return `[REDACTED:${name}]`;
}

// ─── checksums ───

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 mod-97 check of an IBAN without spaces. */
export function ibanValid(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

/** French NIR (13 digits + 2-digit key = 97 − number mod 97; Corsica 2A → 19, 2B → 18). */
export function nirValid(nir: string): boolean {
  const s = nir.replace(/\s/g, '').toUpperCase();
  if (!/^[1-478]\d{4}(?:\d{2}|2A|2B)\d{8}$/.test(s)) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(s.slice(13));
  let rem = 0;
  for (const d of body) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  return key === 97 - rem;
}

// ─── detectors ───

// IBAN lengths of the ISO 13616 registry (countries not listed: any length 15–34 that checks out).
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22,
  DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21,
  HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24,
  SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

function ibanPrefix(match: string): string | null {
  // The pattern is greedy (it may run into a following word): take the country's registered length, else the
  // longest prefix that checks out.
  const positions: number[] = [];
  for (let i = 0; i < match.length; i++) if (match[i] !== ' ') positions.push(i);
  const fixed = IBAN_LENGTHS[match.slice(0, 2)];
  if (fixed) {
    if (positions.length < fixed) return null;
    const candidate = match.slice(0, positions[fixed - 1]! + 1);
    return ibanValid(candidate.replace(/ /g, '')) ? candidate : null;
  }
  for (let n = positions.length; n >= 15; n--) {
    const end = positions[n - 1]! + 1;
    const candidate = match.slice(0, end);
    if (ibanValid(candidate.replace(/ /g, ''))) return candidate;
  }
  return null;
}

const BUILTIN: Record<Exclude<keyof TPiiRules, 'custom'>, Detector> = {
  email: { name: 'email', needs: { char: '@' }, re: /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])/g },
  iban: { name: 'iban', needs: { digits: 2 }, re: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])/g, validate: ibanPrefix },
  card: {
    name: 'card',
    needs: { digits: 13 },
    re: /(?<![\w-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\w-])/g,
    validate: (m) => (luhnValid(m.replace(/[ -]/g, '')) ? m : null),
  },
  nir: {
    name: 'nir',
    needs: { digits: 14 },
    re: /(?<![\w-])[1-478] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\w-])/g,
    validate: (m) => (nirValid(m) ? m : null),
  },
  phone: {
    name: 'phone',
    needs: { digits: 7 },
    re: /(?<![\w+\-/.])(?:(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0\)[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d(?:[ .-]?\d){5,13}|0[1-9](?:[ .-]?\d{2}){4})(?![\w\-/]|[.,]\d)/g,
  },
};

const ORDER = ['email', 'iban', 'card', 'nir', 'phone'] as const;

const customCache = new Map<string, RegExp | null>();

function customRegex(pattern: string): RegExp | null {
  if (!customCache.has(pattern)) {
    let re: RegExp | null = null;
    if (checkRegexSafety(pattern).ok) {
      try {
        re = new RegExp(pattern, 'gu');
      } catch {
        re = null;
      }
    }
    if (customCache.size > 500) customCache.clear();
    customCache.set(pattern, re);
  }
  return customCache.get(pattern) ?? null;
}

function detectorsFor(rules: TPiiRules): Detector[] {
  const list: Detector[] = ORDER.filter((k) => rules[k] !== false).map((k) => BUILTIN[k]);
  for (const c of rules.custom ?? []) {
    const re = customRegex(c.pattern);
    if (re) list.push({ name: c.name, re });
  }
  return list;
}

/** Applies `fn` to the parts of `text` that are not already redaction markers. */
function outsideMarkers(text: string, fn: (part: string) => string): string {
  if (!text.includes('[REDACTED:')) return fn(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    out += fn(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fn(text.slice(last));
}

function applyDetector(text: string, d: Detector, counts: Record<string, number>): string {
  return outsideMarkers(text, (part) => {
    d.re.lastIndex = 0;
    return part.replace(d.re, (m: string) => {
      if (m.length === 0) return m;
      const hit = d.validate ? d.validate(m) : m;
      if (!hit) return m;
      counts[d.name] = (counts[d.name] ?? 0) + 1;
      return marker(d.name) + m.slice(hit.length);
    });
  });
}

/** How many ASCII digits `text` has, counting no further than `upTo`. */
function digitCount(text: string, upTo: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < upTo; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

// The largest digit count a built-in detector needs (nir).
const MOST_DIGITS_NEEDED = 14;

function redactString(text: string, detectors: Detector[], counts: Record<string, number>): string {
  // Prerequisites are checked on the original text: redaction only ever removes characters from the text outside
  // markers (a marker's name has no digit and no "@"), so a later detector cannot find what the text lacked before.
  let digits = -1;
  let out = text;
  for (const d of detectors) {
    if (d.needs?.char !== undefined && !text.includes(d.needs.char)) continue;
    if (d.needs?.digits !== undefined) {
      if (digits < 0) digits = digitCount(text, MOST_DIGITS_NEEDED);
      if (digits < d.needs.digits) continue;
    }
    out = applyDetector(out, d, counts);
  }
  return out;
}

/** Redacts one text. */
export function redactText(text: string, rules: TPiiRules): RedactionResult<string> {
  const counts: Record<string, number> = {};
  return { value: redactString(text, detectorsFor(rules), counts), counts };
}

/** Walks a JSON-like value deeply and redacts every string (object keys included). */
export function redactPii(value: unknown, rules: TPiiRules): RedactionResult {
  const detectors = detectorsFor(rules);
  const counts: Record<string, number> = {};
  const seen = new WeakSet<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactString(v, detectors, counts);
    if (Array.isArray(v)) {
      if (seen.has(v)) return '[Circular]';
      seen.add(v);
      const out = v.map(walk);
      seen.delete(v);
      return out;
    }
    if (v !== null && typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      if (seen.has(v)) return '[Circular]';
      seen.add(v);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        let key = redactString(k, detectors, counts);
        for (let n = 2; key !== k && Object.hasOwn(out, key); n++) key = `${redactString(k, detectors, {})}#${n}`;
        out[key] = walk(x);
      }
      seen.delete(v);
      return out;
    }
    return v;
  };
  return { value: walk(value), counts };
}
