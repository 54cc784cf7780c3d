import 'server-only';
// The chain's hash: sha256 over the previous hash and the event's canonical JSON (keys sorted at every level, null
// columns left out so that a nullable column added later does not change the hashes of older events).
import crypto from 'node:crypto';
import { HASHED_COLUMNS } from './columns';

/** The hash the first event is chained to. */
export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Sequence ranges the chain skips before an event (never committed), [from, to] inclusive, as decimal strings. */
export type SkippedRanges = [string, string][];

/**
 * The hash of an event, from its row as `to_jsonb` gives it (timestamps as ISO text without a zone), chained to the
 * previous hash; the ranges of never-committed sequence numbers skipped just before it are part of what it seals.
 */
export function chainHash(prevHash: string, doc: Record<string, unknown>, skipped: SkippedRanges = []): string {
  const fields: Record<string, unknown> = {};
  for (const c of HASHED_COLUMNS) if (doc[c] !== null && doc[c] !== undefined) fields[c] = doc[c];
  if (skipped.length > 0) fields.$skipped = skipped;
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
