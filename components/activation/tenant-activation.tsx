'use client';
// The per-tenant activation page: tabs for teams × tools, users × tools, limits with usage, import/export.
import { useRouter } from 'next/navigation';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { TActivationOverview, TUserActivations } from '@/lib/schemas/activation-view';
import { ImportExport } from './import-export';
import { LimitsUsage } from './limits-usage';
import { TeamsMatrix } from './teams-matrix';
import { UsersMatrix } from './users-matrix';

export const ACTIVATION_TABS = ['teams', 'users', 'limits', 'import'] as const;

export function TenantActivation({ overview, users, tab, uq, params }: { overview: TActivationOverview; users: TUserActivations; tab: string; uq: string; params: string }) {
  const router = useRouter();
  const onTab = (v: string) => {
    const sp = new URLSearchParams(params);
    sp.set('tab', v);
    router.replace(`?${sp.toString()}`, { scroll: false });
  };
  return (
    <Tabs value={tab} onValueChange={onTab}>
      <TabsList aria-label="Activation views" className="flex-wrap">
        <TabsTrigger value="teams">Teams × tools</TabsTrigger>
        <TabsTrigger value="users">Users × tools</TabsTrigger>
        <TabsTrigger value="limits">Limits &amp; usage</TabsTrigger>
        <TabsTrigger value="import">Import / export</TabsTrigger>
      </TabsList>
      <TabsContent value="teams"><TeamsMatrix data={overview} /></TabsContent>
      <TabsContent value="users"><UsersMatrix tenantId={overview.tenant.id} data={users} q={uq} baseParams={params} /></TabsContent>
      <TabsContent value="limits"><LimitsUsage data={overview} /></TabsContent>
      <TabsContent value="import"><ImportExport tenantSlug={overview.tenant.slug} /></TabsContent>
    </Tabs>
  );
}
