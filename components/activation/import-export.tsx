'use client';
// Import (file or pasted JSON in the plan's format) with a preview of every change and line-precise errors;
// nothing is applied until the previewed text is applied, in one transaction. Export downloads the same format.
import { useRef, useState } from 'react';
import { Download, FileUp } from 'lucide-react';
import { importActivationAction } from '@/app/(portal)/activation/actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import { MAX_IMPORT_BYTES, ZImportActivationInput, type ImportIssue, type TImportPreview } from '@/lib/schemas/activation';
import { useAction } from './use-action';

const EXAMPLE = '{"user_id": "123", "tenant_id": "acme", "enabled_tools": ["kb_search"], "tool_limits": {"requests_per_min": 60}}';
const CHANGE_VARIANT = { enable: 'success', disable: 'warning', limits: 'info' } as const;

export function ImportExport({ tenantSlug }: { tenantSlug: string }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ text: string; result: TImportPreview } | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const previewAction = useAction((input: { text: string }) => importActivationAction(input, true), { schema: ZImportActivationInput, refresh: false });
  const applyAction = useAction((input: { text: string }) => importActivationAction(input, false), { schema: ZImportActivationInput });
  const issues: ImportIssue[] = preview && !preview.result.ok ? preview.result.issues : [];
  const canApply = preview !== null && preview.text === text && preview.result.ok && preview.result.changes.length > 0;

  async function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setFileError('The file is larger than 1 MiB.');
    setText(await file.text());
    setPreview(null);
    setApplied(null);
  }
  async function onPreview() {
    setApplied(null);
    const r = await previewAction.run({ text });
    if (r) setPreview({ text, result: r });
  }
  async function onApply() {
    const r = await applyAction.run({ text });
    if (!r) return;
    if (r.ok) {
      setApplied(r.changes.length);
      setPreview(null);
    } else setPreview({ text, result: r });
  }
  const lines = text.split('\n');
  const badLines = new Set(issues.map((i) => i.line));
  const actionError = previewAction.error ?? applyAction.error;

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Import an activation policy</CardTitle>
          <CardDescription>
            One document or a list, in the plan&apos;s format, e.g. <code className="break-all text-xs">{EXAMPLE}</code>. Use <code>team_id</code> (a team slug) instead of <code>user_id</code> for a team, neither for the whole tenant. Listed tools are enabled for the subject, its other enabled tools are turned off, and <code>tool_limits</code> apply to the listed tools.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="flex flex-wrap items-center gap-2">
            <input ref={fileRef} type="file" accept="application/json,.json" className="sr-only" id="import-file" onChange={onFile} />
            <Button type="button" variant="outline" onClick={() => fileRef.current?.click()}><FileUp aria-hidden />Choose a JSON file</Button>
            <span className="text-xs text-muted-foreground">or paste below (at most 1 MiB)</span>
          </div>
          {fileError ? <Alert variant="destructive">{fileError}</Alert> : null}
          <FormField label="Policy JSON" error={previewAction.error?.fieldErrors.text ?? applyAction.error?.fieldErrors.text}>
            <Textarea rows={10} value={text} spellCheck={false} className="font-mono text-xs" onChange={(e) => { setText(e.target.value); setApplied(null); }} placeholder={EXAMPLE} />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={onPreview} disabled={previewAction.pending || text.trim() === ''}>{previewAction.pending ? 'Checking…' : 'Preview changes'}</Button>
            <Button type="button" variant="secondary" onClick={onApply} disabled={!canApply || applyAction.pending}>{applyAction.pending ? 'Applying…' : 'Apply'}</Button>
          </div>
          {actionError && Object.keys(actionError.fieldErrors).length === 0 ? <Alert variant="destructive">{actionError.message}</Alert> : null}
          {applied !== null ? <Alert variant="success" title="Imported">{applied} change{applied === 1 ? '' : 's'} applied and audited.</Alert> : null}
          {issues.length > 0 ? (
            <div className="grid gap-3">
              <Alert variant="destructive" title={`${issues.length} problem${issues.length === 1 ? '' : 's'}: nothing was applied`}>
                <ul className="list-disc pl-4">
                  {issues.map((i, n) => (
                    <li key={n}>Line {i.line}, column {i.column}{i.path ? <> (<code>{i.path}</code>)</> : null}: {i.message}</li>
                  ))}
                </ul>
              </Alert>
              <pre aria-label="Document with the problem lines marked" className="max-h-64 overflow-auto rounded-md border border-border bg-muted/40 p-2 text-xs">
                {lines.map((l, n) => (
                  <div key={n} className={badLines.has(n + 1) ? 'bg-destructive-soft text-destructive-soft-foreground' : undefined}>
                    <span className="mr-3 inline-block w-8 select-none text-right text-muted-foreground">{n + 1}</span>{l}
                  </div>
                ))}
              </pre>
            </div>
          ) : null}
          {preview?.result.ok ? (
            preview.result.changes.length === 0 ? (
              <Alert variant="info">Nothing would change ({preview.result.unchanged} item{preview.result.unchanged === 1 ? '' : 's'} already as described).</Alert>
            ) : (
              <div className="grid gap-2">
                <p className="text-sm font-medium" role="status">
                  Preview: {preview.result.changes.length} change{preview.result.changes.length === 1 ? '' : 's'}, {preview.result.unchanged} unchanged. Nothing is applied until you click Apply.
                </p>
                <Table aria-label="Changes the import would make">
                  <THead><TR><TH>Tenant</TH><TH>Subject</TH><TH>Tool</TH><TH>Change</TH><TH>Before</TH><TH>After</TH></TR></THead>
                  <TBody>
                    {preview.result.changes.map((c, n) => (
                      <TR key={n}><TD>{c.tenant}</TD><TD>{c.subject}</TD><TD><code>{c.tool}</code></TD><TD><Badge variant={CHANGE_VARIANT[c.change]}>{c.change}</Badge></TD><TD>{c.before}</TD><TD>{c.after}</TD></TR>
                    ))}
                  </TBody>
                </Table>
              </div>
            )
          ) : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Export</CardTitle>
          <CardDescription>Every enabled rule of {tenantSlug} in the same format, with the tool limits. Importing the export changes nothing.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2">
          <Button asChild variant="outline">
            <a href={`/api/v1/activation-policy?tenant=${encodeURIComponent(tenantSlug)}`} download><Download aria-hidden />Download JSON</a>
          </Button>
          <p className="text-xs text-muted-foreground">Also through the API: <code>GET /api/v1/activation-policy</code>, and <code>POST …?dryRun=1</code> to preview an import.</p>
        </CardContent>
      </Card>
    </div>
  );
}
