import Link from 'next/link';
import { Download } from 'lucide-react';
import { requirePagePermission } from '@/lib/server/auth/guard';
import type { PortalActor } from '@/lib/server/auth/actor';
import { canCrossTenants } from '@/lib/policy';
import { isAppError } from '@/lib/errors';
import { tenantForActor } from '@/lib/services/activation/shared';
import { getActivationOverview } from '@/lib/services/activation/get-activation-overview';
import { findUserActivations } from '@/lib/services/activation/find-user-activations';
import { findActivationMatrix } from '@/lib/services/activation/find-activation-matrix';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StatCard } from '@/components/ui/stat-card';
import { PlatformMatrix } from '@/components/activation/platform-matrix';
import { TenantActivation } from '@/components/activation/tenant-activation';

export const metadata = { title: 'Activation' };

const ACTIVATION_TABS = ['teams', 'users', 'limits', 'import'];

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

async function load(actor: PortalActor, sp: SP) {
  const tenantParam = one(sp.tenant);
  if (canCrossTenants(actor) && !tenantParam) {
    const q = one(sp.q) ?? '';
    return { kind: 'matrix' as const, q, matrix: await findActivationMatrix({ actor, q: q || undefined, page: one(sp.page) ?? 1 }) };
  }
  const tenant = await tenantForActor(actor, tenantParam);
  const uq = one(sp.uq) ?? '';
  const [overview, users] = await Promise.all([
    getActivationOverview({ actor, tenantId: tenant.id }),
    findUserActivations({ actor, tenantId: tenant.id, q: uq || undefined, page: one(sp.upage) ?? 1 }),
  ]);
  return { kind: 'tenant' as const, uq, overview, users };
}

export default async function ActivationPage({ searchParams }: { searchParams: Promise<SP> }) {
  const actor = await requirePagePermission('activation.manage');
  const sp = await searchParams;
  const data = await load(actor, sp).catch((e: unknown) => {
    if (isAppError(e)) return { kind: 'error' as const, message: e.userMessage };
    throw e;
  });
  if (data.kind === 'error') {
    return (
      <>
        <PageHeader title="Tool activation" eyebrow={canCrossTenants(actor) ? <Link href="/activation">← All tenants</Link> : undefined} />
        <Alert variant="destructive">{data.message}</Alert>
      </>
    );
  }
  if (data.kind === 'matrix') {
    return (
      <>
        <PageHeader title="Tool activation" description="Every tenant × every tool: the tenant-wide rule and its effective state. Open a tenant to manage its teams, users, limits and imports; kill a tool everywhere from the first row."
          actions={<Button asChild variant="outline"><a href="/api/v1/activation-policy" download><Download aria-hidden />Export all</a></Button>} />
        <PlatformMatrix data={data.matrix} q={data.q} />
      </>
    );
  }
  const { overview, users, uq } = data;
  const tab = ACTIVATION_TABS.includes(one(sp.tab) ?? '') ? one(sp.tab)! : 'teams';
  const params = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))).toString();
  const on = overview.tools.filter((t) => t.effective.tenant.enabled).length;
  const partial = overview.tools.filter((t) => !t.effective.tenant.enabled && Object.values(t.effective.teams).some((e) => e.enabled)).length;
  const killed = overview.tools.filter((t) => t.killed || t.killedGlobally).length;
  return (
    <>
      <PageHeader
        title={`Tool activation — ${overview.tenant.name}`}
        eyebrow={canCrossTenants(actor) ? <Link href="/activation" className="underline-offset-4 hover:underline">← All tenants</Link> : undefined}
        description="Enable or disable tools for the whole tenant, a team or a user (the most specific rule wins), roll out progressively, pin versions, kill a tool at once and set limits. Changes apply to agents on their next call."
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="On for the whole tenant" value={on} hint={`of ${overview.tools.length} tools`} />
        <StatCard label="On for some teams only" value={partial} hint="team rules" />
        <StatCard label="Killed" value={killed} hint="tenant or global kill switch" />
        <StatCard label="Agent tokens" value={overview.tokens.filter((t) => !t.revoked && !t.expired).length} hint="active" />
      </div>
      <TenantActivation overview={overview} users={users} tab={tab} uq={uq} params={params} />
    </>
  );
}
