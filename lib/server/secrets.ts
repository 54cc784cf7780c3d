import 'server-only';
// Tenant secrets: AES-256-GCM under a master key from the environment, with a key id so keys can rotate.
// SECRETS_MASTER_KEYS="k2:<base64 32 bytes>,k1:<base64 32 bytes>" — the first key encrypts, all decrypt.
// On the embedded database without that variable, a key is generated once in the data directory.
import crypto from 'node:crypto';
import { readOrCreateLocalKey } from '@/lib/server/local-key';

export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface EncryptedValue {
  keyId: string;
  iv: string;
  ciphertext: string;
  authTag: string;
}

export function parseMasterKeys(spec: string): MasterKey[] {
  const keys = spec.split(',').map((s) => s.trim()).filter(Boolean).map((part) => {
    const i = part.indexOf(':');
    if (i <= 0) throw new Error('SECRETS_MASTER_KEYS: each entry must be "<keyId>:<base64 key>".');
    const key = Buffer.from(part.slice(i + 1), 'base64');
    if (key.length !== 32) throw new Error(`SECRETS_MASTER_KEYS: key "${part.slice(0, i)}" must be 32 bytes (base64).`);
    return { id: part.slice(0, i), key };
  });
  if (keys.length === 0) throw new Error('SECRETS_MASTER_KEYS is empty.');
  return keys;
}

let cached: MasterKey[] | null = null;

export function masterKeys(): MasterKey[] {
  if (cached) return cached;
  const spec = process.env.SECRETS_MASTER_KEYS;
  if (spec) {
    cached = parseMasterKeys(spec);
  } else if (!process.env.DATABASE_URL) {
    cached = parseMasterKeys(readOrCreateLocalKey('secrets-master.key', () => `local1:${crypto.randomBytes(32).toString('base64')}`));
  } else {
    throw new Error('SECRETS_MASTER_KEYS must be set when DATABASE_URL is set.');
  }
  return cached;
}

export function resetMasterKeysCache(): void {
  cached = null;
}

export function encryptSecret(plain: string, keys: MasterKey[] = masterKeys()): EncryptedValue {
  const current = keys[0]!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', current.key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { keyId: current.id, iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), authTag: cipher.getAuthTag().toString('base64') };
}

export function decryptSecret(v: EncryptedValue, keys: MasterKey[] = masterKeys()): string {
  const k = keys.find((x) => x.id === v.keyId);
  if (!k) throw new Error(`No master key with id "${v.keyId}" is configured.`);
  const decipher = crypto.createDecipheriv('aes-256-gcm', k.key, Buffer.from(v.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(v.authTag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(v.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
