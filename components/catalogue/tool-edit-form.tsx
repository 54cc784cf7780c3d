'use client';
// The owner's edit form. Two parts, clearly separated: the record (changes at once) and what agents see
// (becomes a new version that a security reviewer approves before it is served).
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useFormAction, type FormResult } from './use-form-action';

export interface ToolEditValues {
  slug: string; category: string; ownerTeam: string; tags: string[]; dataRead: string[]; dataWritten: string[]; timeoutMs: number; maxInputBytes: number;
  maxOutputBytes: number; sloP95Ms: number; sloSuccessRate: number; name: string; title: string; description: string; inputSchema: string; outputSchema: string;
  readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean; openWorldHint: boolean; pendingVersion: number | null;
}
type Saved = { slug: string; changedFields: string[]; proposedVersion: number | null; unchanged: boolean };

export function ToolEditForm({ values, action }: { values: ToolEditValues; action: (fd: FormData) => Promise<FormResult<Saved>> }) {
  const router = useRouter();
  const { result, pending, onSubmit, onInput, errorFor } = useFormAction(action, () => router.refresh());
  const v = values;
  return (
    <form onSubmit={onSubmit} onInput={onInput} className="space-y-6" noValidate aria-describedby="edit-status">
      <input type="hidden" name="slug" value={v.slug} />
      <div id="edit-status" aria-live="polite">
        {result && !result.ok ? <Alert variant="destructive" title="Nothing was saved">{result.message}</Alert> : null}
        {result?.ok ? (
          <Alert variant="success" title={result.data.unchanged ? 'No change to save' : 'Saved'}>
            {result.data.changedFields.length ? `Updated in place: ${result.data.changedFields.join(', ')}. ` : ''}
            {result.data.proposedVersion ? `Version ${result.data.proposedVersion} is in security review; agents keep the current version until it is approved. ` : ''}
            <Link href={`/catalogue/${v.slug}`} className="underline">Back to the tool</Link>
          </Alert>
        ) : null}
      </div>
      <Card>
        <CardHeader><CardTitle as="h2">Registration record</CardTitle><CardDescription>Agents never see these fields: changes apply at once. Risk level, data classification, scopes and audit level are set by the security review.</CardDescription></CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField label="Category" error={errorFor('category')} required><Input name="category" defaultValue={v.category} /></FormField>
          <FormField label="Owner team" error={errorFor('ownerTeam')} required><Input name="ownerTeam" defaultValue={v.ownerTeam} /></FormField>
          <FormField label="Data read" hint="One per line" error={errorFor('dataRead')}><Textarea name="dataRead" rows={3} defaultValue={v.dataRead.join('\n')} /></FormField>
          <FormField label="Data written" hint="One per line; empty for a read-only tool" error={errorFor('dataWritten')}><Textarea name="dataWritten" rows={3} defaultValue={v.dataWritten.join('\n')} /></FormField>
          <FormField label="Tags" hint="Comma or newline separated" error={errorFor('tags')} className="sm:col-span-2"><Input name="tags" defaultValue={v.tags.join(', ')} /></FormField>
          <FormField label="Timeout (ms)" error={errorFor('timeoutMs')} required><Input name="timeoutMs" type="number" inputMode="numeric" defaultValue={v.timeoutMs} /></FormField>
          <FormField label="Max input (bytes)" error={errorFor('maxInputBytes')} required><Input name="maxInputBytes" type="number" inputMode="numeric" defaultValue={v.maxInputBytes} /></FormField>
          <FormField label="Max output (bytes)" error={errorFor('maxOutputBytes')} required><Input name="maxOutputBytes" type="number" inputMode="numeric" defaultValue={v.maxOutputBytes} /></FormField>
          <FormField label="SLO: p95 latency target (ms)" error={errorFor('sloP95Ms')} required><Input name="sloP95Ms" type="number" inputMode="numeric" defaultValue={v.sloP95Ms} /></FormField>
          <FormField label="SLO: success-rate target (%)" error={errorFor('sloSuccessRate')} required><Input name="sloSuccessRate" type="number" step="0.01" inputMode="decimal" defaultValue={v.sloSuccessRate} /></FormField>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">What agents see</CardTitle>
          <CardDescription>A change here creates a new version that a security reviewer must approve before it is served.{v.pendingVersion ? ` Version ${v.pendingVersion} is already in review: wait for its decision before changing these fields.` : ''}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField label="Name" hint="lowercase, digits and underscores" error={errorFor('name')} required><Input name="name" defaultValue={v.name} /></FormField>
          <FormField label="Title" error={errorFor('title')} required><Input name="title" defaultValue={v.title} /></FormField>
          <FormField label="Description for agents" error={errorFor('description')} required className="sm:col-span-2"><Textarea name="description" rows={3} defaultValue={v.description} /></FormField>
          <FormField label="Input schema (JSON Schema)" error={errorFor('inputSchema')} required className="sm:col-span-2"><Textarea name="inputSchema" rows={10} className="font-mono text-xs" spellCheck={false} defaultValue={v.inputSchema} /></FormField>
          <FormField label="Output schema (JSON Schema, optional)" error={errorFor('outputSchema')} className="sm:col-span-2"><Textarea name="outputSchema" rows={8} className="font-mono text-xs" spellCheck={false} defaultValue={v.outputSchema} /></FormField>
          <fieldset className="grid gap-2 sm:col-span-2 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-medium">Annotations</legend>
            <Checkbox name="readOnlyHint" label="Read-only" description="Never changes data" defaultChecked={v.readOnlyHint} />
            <Checkbox name="destructiveHint" label="Destructive" description="May delete or overwrite" defaultChecked={v.destructiveHint} />
            <Checkbox name="idempotentHint" label="Idempotent" description="Repeating a call has no further effect" defaultChecked={v.idempotentHint} />
            <Checkbox name="openWorldHint" label="Open world" description="Reaches systems outside the platform" defaultChecked={v.openWorldHint} />
          </fieldset>
          <FormField label="Change note for the reviewer" error={errorFor('changeNote')} className="sm:col-span-2"><Input name="changeNote" placeholder="What changed and why" /></FormField>
        </CardContent>
      </Card>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save changes'}</Button>
        <Button variant="ghost" asChild><Link href={`/catalogue/${v.slug}`}>Cancel</Link></Button>
      </div>
    </form>
  );
}
