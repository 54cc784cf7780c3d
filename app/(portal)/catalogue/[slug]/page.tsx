import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Pencil } from 'lucide-react';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { isAppError } from '@/lib/errors';
import { can } from '@/lib/policy';
import { LIFECYCLE_LABELS } from '@/lib/schemas/catalogue';
import { getToolOrThrow } from '@/lib/services/catalogue/get-tool';
import { findToolUsage } from '@/lib/services/catalogue/find-tool-usage';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { LIFECYCLE_VARIANT } from '@/components/catalogue/labels';
import { SchemaView } from '@/components/catalogue/schema-view';
import { ToolRecord } from '@/components/catalogue/tool-record';
import { SloPanel, UsagePanel } from '@/components/catalogue/usage-panel';
import { VersionList } from '@/components/catalogue/version-list';
import { SandboxPanel } from '@/components/sandbox/sandbox-panel';
import { sandboxCallAction } from './sandbox/actions';
import { getHttpDeclaration } from '@/lib/services/http-tools/get-http-declaration';
import { HttpDeclarationView } from '@/components/http-tools/declaration-view';
import { findToolPrompts } from '@/lib/services/prompts/find-tool-prompts';
import { findVersionContracts } from '@/lib/services/contracts/find-version-contracts';
import { ToolPromptsPanel } from '@/components/prompts/tool-prompts-panel';
import { ContractPanel } from '@/components/contracts/contract-panel';
import { deleteToolPromptAction, saveToolPromptAction } from './prompt-actions';
import { runContractAction, saveContractExamplesAction } from './contract-actions';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  return { title: (await params).slug };
}

const HINTS = [['readOnlyHint', 'Read-only'], ['destructiveHint', 'Destructive'], ['idempotentHint', 'Idempotent'], ['openWorldHint', 'Open world']] as const;

export default async function ToolPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePagePermission('catalogue.read');
  const { slug } = await params;
  const tool = await getToolOrThrow({ actor, slug: decodeURIComponent(slug) }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const [usage, prompts, contracts] = await Promise.all([findToolUsage({ actor, toolId: tool.id, slug: tool.slug }), findToolPrompts({ actor, slug: tool.slug }), findVersionContracts({ actor, slug: tool.slug })]);
  const http = tool.kind === 'http_declarative' ? await getHttpDeclaration({ actor, slug: tool.slug }) : null;
  const served = tool.served;
  const ann = served?.annotations ?? {};
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/catalogue" className="hover:underline">Catalogue</Link>}
        title={<span className="flex flex-wrap items-center gap-3">{tool.title}<Badge variant={LIFECYCLE_VARIANT[tool.lifecycle]}>{LIFECYCLE_LABELS[tool.lifecycle]}</Badge></span>}
        description={<><code>{tool.slug}</code> · v{tool.servedVersion} · owned by {tool.ownerTeam}{can(actor, 'audit.read') ? <> · <Link className="text-primary underline underline-offset-2" href={`/audit?tool=${encodeURIComponent(tool.slug)}`}>Audit events</Link></> : null}</>}
        actions={tool.canEdit ? <Button asChild variant="outline"><Link href={`/catalogue/${tool.slug}/edit`}><Pencil aria-hidden /> Edit tool</Link></Button> : null}
      />
      <div className="mb-6 space-y-3">
        {tool.killedGlobally ? <Alert variant="destructive" title="Switched off everywhere">{tool.killedReason ?? 'A platform admin turned this tool off for every tenant.'}</Alert> : null}
        {tool.access ? (
          <Alert variant={tool.access.enabled ? 'success' : 'info'} title={tool.access.enabled ? 'Enabled for you in your tenant' : 'Not enabled for you'} data-testid="tool-access">
            {tool.access.enabled ? `Your agents see version ${tool.access.version}${tool.access.pinned ? ' (pinned by your tenant)' : ''}.` : `Reason: ${tool.access.reason}. A tenant admin can enable it on the Activation page.`}
          </Alert>
        ) : null}
        {tool.pendingVersion ? (
          <Alert variant="warning" title={`Version ${tool.pendingVersion.version} is waiting for security review`}>
            Agents keep seeing version {tool.servedVersion} until it is approved: {tool.pendingVersion.changes.join('; ')}.
          </Alert>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader><CardTitle as="h2">Registration record</CardTitle></CardHeader>
          <CardContent><ToolRecord t={tool} /></CardContent>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader><CardTitle as="h2">Annotations</CardTitle><CardDescription>Hints agents receive in tools/list.</CardDescription></CardHeader>
            <CardContent>
              <ul className="grid gap-2 text-sm">
                {HINTS.map(([k, label]) => <li key={k} className="flex justify-between"><span>{label}</span><Badge variant={ann[k] === true ? 'info' : 'muted'}>{ann[k] === true ? 'yes' : 'no'}</Badge></li>)}
              </ul>
              {Object.keys(tool.annotations).length ? (
                <dl className="mt-3 grid gap-1 text-xs">{Object.entries(tool.annotations).map(([k, v]) => <div key={k}><dt className="inline font-medium">{k}: </dt><dd className="inline">{String(v)}</dd></div>)}</dl>
              ) : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle as="h2">Service level</CardTitle></CardHeader>
            <CardContent><SloPanel usage={usage} sloP95Ms={tool.sloP95Ms} sloSuccessRate={tool.sloSuccessRate} /></CardContent>
          </Card>
          {tool.request?.href ? <p className="text-sm">Requested through <Link className="text-primary underline" href={tool.request.href}>{tool.request.title}</Link>.</p> : null}
        </div>
      </div>
      {http ? (
        <Card className="mt-6">
          <CardHeader><CardTitle as="h2">HTTP request</CardTitle><CardDescription>This declarative tool sends one HTTP request built from the arguments.</CardDescription></CardHeader>
          <CardContent><HttpDeclarationView config={http} /></CardContent>
        </Card>
      ) : null}
      <Card className="mt-6">
        <CardHeader><CardTitle as="h2">Usage</CardTitle></CardHeader>
        <CardContent><UsagePanel usage={usage} /></CardContent>
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle as="h2">Input schema</CardTitle><CardDescription>What an agent must send (served version).</CardDescription></CardHeader>
          <CardContent><SchemaView schema={served?.inputSchema ?? null} label="Input schema" /></CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle as="h2">Output schema</CardTitle><CardDescription>What the tool returns as structured content.</CardDescription></CardHeader>
          <CardContent><SchemaView schema={served?.outputSchema ?? null} label="Output schema" /></CardContent>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader><CardTitle as="h2">Versions</CardTitle><CardDescription>Each change to what agents see is a new version with its definition hash, reviewed before it is served.</CardDescription></CardHeader>
        <CardContent><VersionList versions={tool.versions} servedVersion={tool.servedVersion} canReview={tool.canReviewVersions} /></CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader><CardTitle as="h2">Contract tests</CardTitle><CardDescription>Examples of each version: an input and what the output must be (JSON Schema, values, patterns) or that it is refused. A version with examples is served only once its last run passed. Writes are rolled back; external effects are never executed.</CardDescription></CardHeader>
        <CardContent><ContractPanel slug={tool.slug} versions={contracts.versions} canEdit={contracts.canEdit} canRun={contracts.canRun} run={runContractAction} save={saveContractExamplesAction} /></CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader><CardTitle as="h2">Usage prompts</CardTitle><CardDescription>MCP prompts agents get with prompts/get when this tool is enabled for them, written by the tool&apos;s owner.</CardDescription></CardHeader>
        <CardContent><ToolPromptsPanel slug={tool.slug} prompts={prompts} canEdit={tool.canEdit} save={saveToolPromptAction} remove={deleteToolPromptAction} /></CardContent>
      </Card>
      {tool.access?.enabled && can(actor, 'tool.sandbox') ? (
        <Card className="mt-6">
          <CardHeader><CardTitle as="h2">Try it</CardTitle><CardDescription>Calls the tool through /mcp with a short-lived token of your own (your rights, this tool only, revoked after the call). Audited as a sandbox call.</CardDescription></CardHeader>
          <CardContent><SandboxPanel slug={tool.slug} inputSchema={served?.inputSchema ?? null} critical={tool.critical} action={sandboxCallAction} /></CardContent>
        </Card>
      ) : null}
    </>
  );
}
