import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { getSettingsTenant } from '@/lib/services/tenant-policy/get-settings-tenant';

/** The tenant a settings page works on (?tenant= for platform staff); an unknown or foreign one is a 404. */
export async function loadSettingsTenant(actor: Actor, searchParams: Promise<{ tenant?: string | string[] }>) {
  const { tenant } = await searchParams;
  try {
    return await getSettingsTenant({ actor, tenant: typeof tenant === 'string' ? tenant : null });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
