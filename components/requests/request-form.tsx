'use client';
// The tool-request form: every field of the intake, precise field errors from the shared zod schema, drafts
// kept ("Save draft"), the risk score recomputed live from the same rules the server applies.
import { useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';
import { assessRisk, type RiskInput } from '@/lib/risk';
import { DATA_CLASSIFICATION_LABELS, DATA_CLASSIFICATIONS, WORKFLOW_LABELS, WORKFLOWS, type TDataClassification } from '@/lib/schemas/tool-request';
import type { RequestFieldsView } from './request-summary';
import { RiskPanel } from './risk-panel';

const fieldCount = (errors: Record<string, string[]> | undefined) => Object.keys(errors ?? {}).length;

type Saved = { id: string; status: string; submitted: boolean; message?: string; fieldErrors?: Record<string, string[]> };

function readRisk(form: HTMLFormElement): RiskInput {
  const fd = new FormData(form);
  const cls = String(fd.get('dataClassification') ?? '');
  const volume = Number(fd.get('expectedVolume') ?? 0);
  return {
    dataClassification: (DATA_CLASSIFICATIONS as readonly string[]).includes(cls) ? (cls as TDataClassification) : 'internal',
    writeActions: fd.get('writeActions') === 'on', criticalActions: fd.get('criticalActions') === 'on',
    externalHosts: String(fd.get('externalHosts') ?? '').split(/[\n,]+/).map((h) => h.trim()).filter(Boolean),
    expectedVolume: Number.isFinite(volume) && volume > 0 ? volume : 0,
  };
}

export function RequestForm({ initial, action }: { initial: (RequestFieldsView & { id: string; status: string }) | null; action: (fd: FormData) => Promise<FormResult<Saved>> }) {
  const router = useRouter();
  const [id, setId] = useState(initial?.id ?? '');
  const [risk, setRisk] = useState<RiskInput>({
    dataClassification: initial?.dataClassification ?? 'internal', writeActions: initial?.writeActions ?? false, criticalActions: initial?.criticalActions ?? false,
    externalHosts: initial?.externalHosts ?? [], expectedVolume: initial?.expectedVolume ?? 0,
  });
  const { result, pending, onSubmit, onInput, edited, errorFor: actionError } = useFormAction(action, (d) => {
    if (d.submitted) return router.push(`/requests/${d.id}`);
    setId(d.id); // later saves update this draft (the URL stays: changing it would remount the form)
  });
  const notSubmitted = result?.ok && !result.data.submitted ? result.data : null;
  const errorFor = (f: string) => actionError(f) ?? (edited.has(f) ? undefined : notSubmitted?.fieldErrors?.[f]);
  const a = assessRisk(risk);
  const resubmit = initial?.status === 'changes_requested';
  const v = initial;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <form onSubmit={onSubmit} onInput={onInput} onChange={(e) => setRisk(readRisk(e.currentTarget))} noValidate className="space-y-6" aria-label="Tool request">
        <input type="hidden" name="id" value={id} />
        <div aria-live="polite">
          {result && !result.ok ? <Alert variant="destructive" title="Not saved">{fieldCount(result.fieldErrors) ? `${fieldCount(result.fieldErrors)} ${fieldCount(result.fieldErrors) === 1 ? 'field needs' : 'fields need'} attention: see the message beside each.` : result.message}</Alert> : null}
          {notSubmitted && Object.keys(notSubmitted.fieldErrors ?? {}).length ? (
            <Alert variant="warning" title="Draft saved, not submitted yet">{notSubmitted.message} <Link className="underline" href={`/requests/${notSubmitted.id}`} data-testid="draft-link">Your draft is kept.</Link></Alert>
          ) : null}
          {notSubmitted && !Object.keys(notSubmitted.fieldErrors ?? {}).length ? <Alert variant="success" title="Draft saved">You can come back to it from My requests. <Link className="underline" href={`/requests/${notSubmitted.id}`} data-testid="draft-link">View the request</Link></Alert> : null}
        </div>
        <Card>
          <CardHeader><CardTitle as="h2">The tool</CardTitle></CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <FormField label="Title" required error={errorFor('title')} className="sm:col-span-2" hint="A short name, e.g. “CRM customer lookup”"><Input name="title" defaultValue={v?.title} maxLength={120} /></FormField>
            <FormField label="Use case" required error={errorFor('useCase')} className="sm:col-span-2" hint="Who uses it, for what, in which step of their work (at least 20 characters)."><Textarea name="useCase" rows={4} defaultValue={v?.useCase} /></FormField>
            <FormField label="Workflow" required error={errorFor('workflow')}>
              <Select name="workflow" defaultValue={v?.workflow ?? ''} placeholder="Choose a workflow" options={WORKFLOWS.map((w) => ({ value: w, label: WORKFLOW_LABELS[w] }))} />
            </FormField>
            <FormField label="Business owner team" required error={errorFor('ownerTeam')}><Input name="ownerTeam" defaultValue={v?.ownerTeam} placeholder="e.g. Support" /></FormField>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle as="h2">Data and actions</CardTitle></CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <FormField label="Data consulted" required error={errorFor('dataConsulted')}><Textarea name="dataConsulted" rows={2} defaultValue={v?.dataConsulted} placeholder="e.g. customer records, order history" /></FormField>
            <FormField label="Data written" error={errorFor('dataWritten')} hint="Leave empty if the tool only reads."><Textarea name="dataWritten" rows={2} defaultValue={v?.dataWritten} /></FormField>
            <FormField label="Data classification" required error={errorFor('dataClassification')}>
              <Select name="dataClassification" defaultValue={v?.dataClassification ?? ''} placeholder="Choose the most sensitive class" options={DATA_CLASSIFICATIONS.map((c) => ({ value: c, label: DATA_CLASSIFICATION_LABELS[c] }))} />
            </FormField>
            <FormField label="Expected volume (calls per day)" error={errorFor('expectedVolume')}><Input name="expectedVolume" type="number" min={0} inputMode="numeric" defaultValue={v?.expectedVolume ?? ''} /></FormField>
            <FormField label="External hosts" error={errorFor('externalHosts')} hint="One hostname per line, e.g. api.example.com; empty if none." className="sm:col-span-2"><Textarea name="externalHosts" rows={2} defaultValue={v?.externalHosts.join('\n')} /></FormField>
            <div className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
              <Checkbox name="writeActions" label="Write actions" description="Creates, changes or deletes data" defaultChecked={v?.writeActions} />
              <Checkbox name="criticalActions" label="Critical actions" description="Moves money, deletes records or communicates externally" defaultChecked={v?.criticalActions} />
            </div>
            <FormField label="Requested scopes" error={errorFor('requestedScopes')} hint="One per line, as resource:action, e.g. crm:read" className="sm:col-span-2"><Textarea name="requestedScopes" rows={2} defaultValue={v?.requestedScopes.join('\n')} /></FormField>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle as="h2">Business estimate (optional)</CardTitle></CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-3">
            <p className="text-sm text-muted-foreground sm:col-span-3">Your best guess: it ranks the request on the candidates board (hours saved per week against risk).</p>
            <FormField label="Calls per week, per team" error={errorFor('estCallsPerWeek')}><Input name="estCallsPerWeek" type="number" min={0} inputMode="numeric" defaultValue={v?.estCallsPerWeek ?? ''} /></FormField>
            <FormField label="Minutes saved per call" error={errorFor('estMinutesSavedPerCall')}><Input name="estMinutesSavedPerCall" type="number" min={0} max={480} step="0.5" inputMode="decimal" defaultValue={v?.estMinutesSavedPerCall ?? ''} /></FormField>
            <FormField label="Teams that would use it" error={errorFor('estTeams')}><Input name="estTeams" type="number" min={1} inputMode="numeric" defaultValue={v?.estTeams ?? ''} /></FormField>
          </CardContent>
        </Card>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="submit" disabled={pending}>{resubmit ? 'Resubmit for review' : 'Submit for review'}</Button>
          <Button type="submit" name="intent" value="save" variant="outline" disabled={pending}>Save draft</Button>
          <Button variant="ghost" asChild><Link href={id ? `/requests/${id}` : '/requests'}>Cancel</Link></Button>
          {pending ? <span role="status" className="self-center text-sm text-muted-foreground">Saving…</span> : null}
        </div>
      </form>
      <aside className="lg:sticky lg:top-4 lg:self-start"><RiskPanel live score={a.score} level={a.level} factors={a.factors} requiredApprovals={a.requiredApprovals} /></aside>
    </div>
  );
}
