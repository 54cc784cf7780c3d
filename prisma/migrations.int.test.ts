import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from '@/lib/server/db/schema-engine';

describe('migrations', () => {
  it('match schema.prisma exactly (no drift)', async () => {
    const sql = await diffMigrationsToSchema();
    expect(sql, `schema.prisma and prisma/migrations drift; run npm run db:migration -- <name>:\n${sql}`).toBe('');
  });
});
