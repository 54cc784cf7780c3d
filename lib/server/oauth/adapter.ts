import 'server-only';
// oidc-provider's storage adapter on our database (one OAuthRecord table), so every replica shares clients, sessions,
// interactions, grants, codes and tokens. Ids are stored as their SHA-256: codes and tokens are bearer secrets.
// Rows are deleted when revoked or consumed-and-expired; expired rows are ignored on read and swept opportunistically.
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { sha256 } from '@/lib/server/crypto';
import { decryptSecret, encryptSecret, type EncryptedValue } from '@/lib/server/secrets';

/** The stored key of a library id (used by /mcp to find an access token without storing it). */
export function recordId(id: string): string {
  return sha256(id);
}

// Models that belong to one grant: a grant's revocation deletes them all (RFC 7009, refresh-token reuse).
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'Grant']);

export function prismaAdapterFor(db: Pick<PrismaClient, 'oAuthRecord'> | Prisma.TransactionClient) {
  return class PrismaOAuthAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
      // The library keeps the id in `jti`: drop it (find(id) puts it back). Sessions are found by uid, so keep theirs.
      const { jti, ...rest } = payload;
      // A confidential client's secret is kept encrypted at rest (AES-256-GCM, like tenant secrets).
      if (this.kind === 'Client' && typeof rest.client_secret === 'string') {
        rest.client_secret_enc = encryptSecret(rest.client_secret);
        delete rest.client_secret;
      }
      const data = {
        payload: (this.kind === 'Session' ? { jti, ...rest } : rest) as Prisma.InputJsonValue,
        grantId: GRANTABLE.has(this.kind) ? (payload.grantId ?? null) : null,
        uid: payload.uid ?? null,
        userCode: payload.userCode ?? null,
        expiresAt,
      };
      await db.oAuthRecord.upsert({ where: { kind_id: { kind: this.kind, id: recordId(id) } }, create: { kind: this.kind, id: recordId(id), ...data }, update: data });
    }

    private async findWhere(where: Prisma.OAuthRecordWhereInput): Promise<AdapterPayload | undefined> {
      const row = await db.oAuthRecord.findFirst({ where: { kind: this.kind, ...where }, select: { payload: true, expiresAt: true, consumedAt: true } });
      if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
      const { client_secret_enc, ...payload } = row.payload as AdapterPayload & { client_secret_enc?: EncryptedValue };
      if (client_secret_enc) payload.client_secret = decryptSecret(client_secret_enc);
      return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
    }

    async find(id: string) {
      const payload = await this.findWhere({ id: recordId(id) });
      return payload && { ...payload, jti: id };
    }

    findByUid(uid: string) {
      return this.findWhere({ uid });
    }

    findByUserCode(userCode: string) {
      return this.findWhere({ userCode });
    }

    async consume(id: string): Promise<void> {
      await db.oAuthRecord.updateMany({ where: { kind: this.kind, id: recordId(id) }, data: { consumedAt: new Date() } });
    }

    async destroy(id: string): Promise<void> {
      await db.oAuthRecord.deleteMany({ where: { kind: this.kind, id: recordId(id) } });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.oAuthRecord.deleteMany({ where: { grantId } });
    }
  };
}

/** Deletes records expired for more than a day (called now and then by the provider host; idempotent). */
export async function sweepExpiredOAuthRecords(db: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await db.oAuthRecord.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}
