import 'server-only';
// Shared by the tools that write the tenant dataset (payment_refund, record_delete): the schema name and the
// mapping of "the dataset is missing" to a precise refusal.
import { datasetSchema } from '@/lib/server/seed/dataset';
import { pgError } from './shared';
import { ToolRefusal } from './types';

/** The quoted schema of the tenant's dataset ("ds_acme"); the slug is validated by datasetSchema(). */
export function quotedSchema(tenantSlug: string): string {
  return `"${datasetSchema(tenantSlug)}"`;
}

export function missingDataset(e: unknown, tenantSlug: string): unknown {
  const pg = pgError(e);
  if (pg && (pg.code === '42P01' || pg.code === '3F000')) {
    return new ToolRefusal('NOT_CONFIGURED', `Tenant "${tenantSlug}" has no dataset (schema ${datasetSchema(tenantSlug)} or its tables do not exist).`);
  }
  return e;
}

/** "123.40" → 12340 (numeric(12,2) text as integer cents). */
export function toCents(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`Not a 2-decimal amount: ${text}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
