import 'server-only';
// A held call's arguments: stored encrypted (AES-256-GCM, tenant-secret keys) in canonical JSON with their SHA-256,
// so exactly the approved arguments run, and a stored value that no longer matches its hash never runs.
import { sha256 } from '@/lib/server/crypto';
import { decryptSecret, encryptSecret, type EncryptedValue, type MasterKey } from '@/lib/server/secrets';
import { canonicalJson } from '@/lib/tool-definition';

export function sealArguments(args: Record<string, unknown>): { enc: string; hash: string } {
  const plain = canonicalJson(args);
  return { enc: JSON.stringify(encryptSecret(plain)), hash: sha256(plain) };
}

/** The arguments as approved, or null when the stored value does not decrypt to what was hashed at the call. */
export function openArguments(enc: string, hash: string): Record<string, unknown> | null {
  try {
    const plain = decryptSecret(JSON.parse(enc) as EncryptedValue);
    if (sha256(plain) !== hash) return null;
    const v = JSON.parse(plain) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Re-encrypts under the current key (secrets rotation); null when already under it. */
export function reencryptArguments(enc: string, keys: MasterKey[]): string | null {
  const v = JSON.parse(enc) as EncryptedValue;
  if (v.keyId === keys[0]!.id) return null;
  return JSON.stringify(encryptSecret(decryptSecret(v, keys), keys));
}
