'use client';
// The per-tenant activation page: tabs for teams × tools, users × tools, limits with usage, import/export.
// Switching tabs is client-side (no server round trip); the URL keeps the tab so a reload or a link lands on it.
import { useState } from 'react';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import type { TActivationOverview, TUserActivations } from '@/lib/schemas/activation-view';
import { ImportExport } from './import-export';
import { LimitsUsage } from './limits-usage';
import { TeamsMatrix } from './teams-matrix';
import { UsersMatrix } from './users-matrix';

export function TenantActivation({ overview, users, tab: initialTab, uq, params }: { overview: TActivationOverview; users: TUserActivations; tab: string; uq: string; params: string }) {
  const [tab, setTab] = useState(initialTab);
  const onTab = (v: string) => {
    setTab(v);
    const sp = new URLSearchParams(window.location.search);
    sp.set('tab', v);
    window.history.replaceState(null, '', `?${sp.toString()}`);
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
      <TabsContent value="import" forceMount className="data-[state=inactive]:hidden"><ImportExport tenantSlug={overview.tenant.slug} /></TabsContent>
    </Tabs>
  );
}
