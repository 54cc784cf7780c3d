import 'server-only';
// Real crypto only: argon2id for passwords, SHA-256 for agent tokens (high-entropy secrets),
// AES-256-GCM with key ids for tenant secrets.
import crypto from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';

const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch {
    return false;
  }
}

/** A dummy hash so that unknown accounts take as long as known ones. */
let dummy: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-' + crypto.randomUUID());
  return dummy;
}

export const TOKEN_PREFIX = 'mcp_';

export function generateAgentToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, 12), hash: sha256(token) };
}

export function sha256(s: string | Buffer): string {
  return crypto.hash('sha256', s, 'hex'); // one-shot: no Hash object (it runs on every /mcp request)
}

export function randomId(bytes = 12): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/**
 * A signature a receiver checks for origin and freshness: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * (the approval webhook and the SIEM export sign their bodies this way).
 */
export function signTimestamped(secret: string, body: string, at = Math.floor(Date.now() / 1000)): string {
  return `t=${at},v1=${crypto.createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}
