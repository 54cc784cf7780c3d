import 'server-only';
// The list cursor across providers: which provider the next page starts in, and that provider's own cursor.
// Opaque to clients (base64url JSON); a cursor that does not decode is refused with -32602.
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';

export interface ListPosition {
  provider: string;
  cursor?: string;
}

export function encodeCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify(p.cursor === undefined ? { p: p.provider } : { p: p.provider, c: p.cursor })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): ListPosition | null {
  if (cursor === undefined) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p?: unknown; c?: unknown };
    if (typeof v.p === 'string' && (v.c === undefined || typeof v.c === 'string')) return { provider: v.p, ...(v.c === undefined ? {} : { cursor: v.c }) };
  } catch {
    // fall through
  }
  throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid cursor: pass the nextCursor of a previous list answer unchanged, or no cursor for the first page.');
}
