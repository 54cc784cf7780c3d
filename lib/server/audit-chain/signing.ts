import 'server-only';
// Checkpoint signatures: Ed25519 (node:crypto). The key comes from AUDIT_SIGNING_KEY (PEM or base64 PKCS#8 DER); on
// the embedded database without it, one is generated once in the data directory (like the other local keys).
import crypto from 'node:crypto';
import { env } from '@/lib/server/env';
import { readOrCreateLocalKey } from '@/lib/server/local-key';

export interface SigningKey {
  privateKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  keyId: string;
}

let cached: SigningKey | null = null;

export function parseSigningKey(spec: string): SigningKey {
  const text = spec.trim();
  const privateKey = text.startsWith('-----')
    ? crypto.createPrivateKey(text)
    : crypto.createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key.');
  const publicKey = crypto.createPublicKey(privateKey);
  const keyId = crypto.createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex').slice(0, 16);
  return { privateKey, publicKey, keyId };
}

/** The signing key of this deployment (throws when none is configured on PostgreSQL). */
export function auditSigningKey(): SigningKey {
  if (cached) return cached;
  const e = env();
  if (e.AUDIT_SIGNING_KEY) cached = parseSigningKey(e.AUDIT_SIGNING_KEY);
  else if (!e.DATABASE_URL) {
    cached = parseSigningKey(readOrCreateLocalKey('audit-signing-key.pem', () => crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()));
  } else throw new Error('AUDIT_SIGNING_KEY must be set when DATABASE_URL is set (audit checkpoints are signed with it).');
  return cached;
}

const message = (seq: bigint | string, hash: string) => Buffer.from(`audit-checkpoint:v1:${seq}:${hash}`);

export function signCheckpoint(key: SigningKey, seq: bigint, hash: string): string {
  return crypto.sign(null, message(seq, hash), key.privateKey).toString('base64');
}

export function checkpointSignatureValid(key: SigningKey, cp: { seq: bigint | string; hash: string; signature: string; keyId: string }): boolean {
  return cp.keyId === key.keyId && crypto.verify(null, message(cp.seq, cp.hash), key.publicKey, Buffer.from(cp.signature, 'base64'));
}
