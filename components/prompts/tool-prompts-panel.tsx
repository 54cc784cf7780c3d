'use client';
// A tool's usage prompts: what agents get with prompts/get (as <tool>.<name>), and for its owner a form to add,
// edit and delete them. Validation messages come from the same zod schema as the server's.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { MessageSquareText } from 'lucide-react';
import type { TToolPromptView } from '@/lib/schemas/prompts';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';

type Action<T> = (fd: FormData) => Promise<FormResult<T>>;
const ARGS_HINT = 'JSON: [{"name": "ticket", "description": "Ticket number", "required": true}]';

export function ToolPromptsPanel({ slug, prompts, canEdit, save, remove }: {
  slug: string; prompts: TToolPromptView[]; canEdit: boolean; save: Action<{ id: string; agentName: string }>; remove: Action<{ id: string }>;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<TToolPromptView | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const form = useFormAction(save, () => {
    setEditing(null);
    setFormKey((k) => k + 1);
    router.refresh();
  });
  const del = useFormAction(remove, () => {
    setConfirming(null);
    router.refresh();
  });
  const startEdit = (p: TToolPromptView | null) => {
    setEditing(p);
    setFormKey((k) => k + 1);
  };
  return (
    <div className="space-y-4">
      {prompts.length === 0 ? (
        <EmptyState icon={<MessageSquareText aria-hidden />} headingLevel="h3" title="No prompts yet" description={canEdit ? 'Add a prompt to show agents how to use this tool well.' : 'The owner of this tool has not written usage prompts.'} />
      ) : (
        <ul className="divide-y rounded-md border" aria-label="Usage prompts">
          {prompts.map((p) => (
            <li key={p.id} className="space-y-1 p-3" data-testid={`prompt-${p.name}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <span className="font-medium">{p.title}</span> <code className="text-xs text-muted-foreground">{slug}.{p.name}</code>
                </div>
                {canEdit ? (
                  <div className="flex gap-2">
                    <Button size="sm" variant="outline" onClick={() => startEdit(p)}>Edit</Button>
                    {confirming === p.id ? (
                      <form onSubmit={del.onSubmit} className="flex gap-2">
                        <input type="hidden" name="slug" value={slug} /><input type="hidden" name="promptId" value={p.id} />
                        <Button size="sm" variant="destructive" type="submit" disabled={del.pending}>Confirm delete</Button>
                        <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>Keep</Button>
                      </form>
                    ) : <Button size="sm" variant="ghost" onClick={() => setConfirming(p.id)}>Delete</Button>}
                  </div>
                ) : null}
              </div>
              <p className="text-sm text-muted-foreground">{p.description}</p>
              {p.arguments.length ? (
                <p className="flex flex-wrap gap-1 text-xs">{p.arguments.map((a) => <Badge key={a.name} variant={a.required ? 'info' : 'muted'}>{a.name}{a.required ? ' (required)' : ''}</Badge>)}</p>
              ) : null}
              <pre className="whitespace-pre-wrap rounded bg-muted p-2 text-xs">{p.template}</pre>
            </li>
          ))}
        </ul>
      )}
      {del.result && !del.result.ok ? <Alert variant="destructive" title="Not deleted">{del.result.message}</Alert> : null}
      {canEdit ? (
        <form key={formKey} onSubmit={form.onSubmit} onInput={form.onInput} noValidate className="space-y-3 rounded-md border p-4" aria-label={editing ? `Edit prompt ${editing.name}` : 'New prompt'}>
          <h3 className="font-medium">{editing ? `Edit ${editing.name}` : 'New prompt'}</h3>
          <input type="hidden" name="slug" value={slug} />
          {editing ? <input type="hidden" name="promptId" value={editing.id} /> : null}
          <div aria-live="polite">
            {form.result && !form.result.ok ? <Alert variant="destructive" title="Not saved">{form.result.message}</Alert> : null}
            {form.result?.ok ? <Alert variant="success" title="Saved">Agents the tool is enabled for now get <code>{form.result.data.agentName}</code>.</Alert> : null}
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Name" hint="lowercase, digits, - and _" error={form.errorFor('name')} required><Input name="name" defaultValue={editing?.name ?? ''} /></FormField>
            <FormField label="Title" error={form.errorFor('title')} required><Input name="title" defaultValue={editing?.title ?? ''} /></FormField>
          </div>
          <FormField label="Description" hint="When an agent should use this prompt" error={form.errorFor('description')} required><Textarea name="description" rows={2} defaultValue={editing?.description ?? ''} /></FormField>
          <FormField label="Arguments" hint={ARGS_HINT} error={form.errorFor('arguments')}><Textarea name="arguments" rows={3} className="font-mono text-xs" defaultValue={JSON.stringify(editing?.arguments ?? [], null, 2)} /></FormField>
          <FormField label="Template" hint="The message agents receive; {{argument}} is replaced by its value" error={form.errorFor('template')} required><Textarea name="template" rows={5} defaultValue={editing?.template ?? ''} /></FormField>
          <div className="flex gap-2">
            <Button type="submit" disabled={form.pending}>{form.pending ? 'Saving…' : editing ? 'Save prompt' : 'Add prompt'}</Button>
            {editing ? <Button variant="ghost" onClick={() => startEdit(null)}>Cancel</Button> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
