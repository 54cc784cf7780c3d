'use client';
// Contract tests of a tool's live versions: the last run of each (shown in the catalogue, and required to have
// passed before a version with examples is served), a "Run contract" button, the per-example results, and for the
// owner the examples editor (JSON, validated by the same zod schema on the server).
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FlaskConical } from 'lucide-react';
import type { TContractRunView, TVersionContract } from '@/lib/schemas/contracts';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';

type Action<T> = (fd: FormData) => Promise<FormResult<T>>;

function RunBadge({ run }: { run: TContractRunView | null }) {
  if (!run) return <Badge variant="muted">not run</Badge>;
  return <Badge variant={run.passed ? 'success' : 'destructive'}>{run.passed ? 'passed' : `failed ${run.failed}/${run.total}`}</Badge>;
}

function RunResults({ run }: { run: TContractRunView }) {
  return (
    <Table aria-label={`Results of the contract run of version ${run.version}`}>
      <THead><TR><TH>Example</TH><TH>Result</TH><TH>Details</TH><TH className="text-right">ms</TH></TR></THead>
      <TBody>
        {run.results.map((r) => (
          <TR key={r.name}>
            <TD>{r.name}</TD>
            <TD><Badge variant={r.status === 'passed' ? 'success' : r.status === 'failed' ? 'destructive' : 'muted'}>{r.status}</Badge></TD>
            <TD className="text-xs">{r.problems.length ? <ul className="list-disc pl-4">{r.problems.map((p) => <li key={p}>{p}</li>)}</ul> : '—'}</TD>
            <TD className="text-right tabular-nums">{r.latencyMs}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export function ContractPanel({ slug, versions, canEdit, canRun, run, save }: {
  slug: string; versions: TVersionContract[]; canEdit: boolean; canRun: boolean; run: Action<TContractRunView>; save: Action<{ count: number; version: number }>;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string | null>(versions[0]?.versionId ?? null);
  const runner = useFormAction(run, () => router.refresh());
  const editor = useFormAction(save, () => router.refresh());
  const current = versions.find((v) => v.versionId === selected) ?? null;
  if (versions.length === 0) return <EmptyState icon={<FlaskConical aria-hidden />} headingLevel="h3" title="No live version" description="Contract tests apply to draft, in-review and approved versions." />;
  return (
    <div className="space-y-4">
      <Table aria-label="Last contract run per version">
        <THead><TR><TH>Version</TH><TH>Examples</TH><TH>Last run</TH><TH>When / by</TH><TH><span className="sr-only">Actions</span></TH></TR></THead>
        <TBody>
          {versions.map((v) => (
            <TR key={v.versionId} data-testid={`contract-v${v.version}`} aria-selected={v.versionId === selected}>
              <TD>v{v.version} <Badge variant={v.served ? 'info' : 'muted'}>{v.served ? 'served' : v.status.replace('_', ' ')}</Badge></TD>
              <TD className="tabular-nums">{v.examples.length}</TD>
              <TD><RunBadge run={v.lastRun} /></TD>
              <TD className="text-xs">{v.lastRun ? `${v.lastRun.ranAt.slice(0, 16).replace('T', ' ')} UTC · ${v.lastRun.ranBy}` : '—'}</TD>
              <TD className="flex justify-end gap-2">
                <Button size="sm" variant="ghost" onClick={() => setSelected(v.versionId)} aria-pressed={v.versionId === selected}>Details</Button>
                {canRun && v.examples.length ? (
                  <form onSubmit={runner.onSubmit}>
                    <input type="hidden" name="slug" value={slug} /><input type="hidden" name="versionId" value={v.versionId} />
                    <Button size="sm" type="submit" disabled={runner.pending} onClick={() => setSelected(v.versionId)}>{runner.pending && v.versionId === selected ? 'Running…' : 'Run contract'}</Button>
                  </form>
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <div aria-live="polite">
        {runner.result && !runner.result.ok ? <Alert variant="destructive" title="The contract could not run">{runner.result.message}</Alert> : null}
        {runner.result?.ok ? (
          <Alert variant={runner.result.data.passed ? 'success' : 'warning'} title={runner.result.data.passed ? `Version ${runner.result.data.version}: contract passed` : `Version ${runner.result.data.version}: contract failed`}>
            {runner.result.data.total - runner.result.data.failed} of {runner.result.data.total} examples passed{runner.result.data.passed ? '.' : ': this version cannot be served until its contract passes.'}
          </Alert>
        ) : null}
      </div>
      {current ? (
        <section aria-label={`Contract of version ${current.version}`} className="space-y-3">
          <h3 className="font-medium">Version {current.version}</h3>
          {current.lastRun ? <RunResults run={current.lastRun} /> : <p className="text-sm text-muted-foreground">No run yet{current.examples.length ? '.' : ': add examples first.'}</p>}
          {canEdit ? (
            <form key={current.versionId} onSubmit={editor.onSubmit} onInput={editor.onInput} noValidate className="space-y-2">
              <input type="hidden" name="slug" value={slug} /><input type="hidden" name="versionId" value={current.versionId} />
              <FormField label="Examples (JSON)" hint='[{"name": "…", "input": {…}, "expect": {"outcome": "success", "outputSchema": {…}, "values": [{"path": "/field", "equals": …, "pattern": "…", "minItems": 1}]}} or {"outcome": "error", "messagePattern": "…"}]' error={editor.errorFor('examples')}>
                <Textarea name="examples" rows={12} className="font-mono text-xs" defaultValue={JSON.stringify(current.examples, null, 2)} />
              </FormField>
              {editor.result && !editor.result.ok ? <Alert variant="destructive" title="Examples not saved">{editor.result.message}</Alert> : null}
              {editor.result?.ok ? <Alert variant="success" title="Examples saved">Version {editor.result.data.version} now holds {editor.result.data.count} examples; run the contract again before it is served.</Alert> : null}
              <Button type="submit" variant="outline" disabled={editor.pending}>{editor.pending ? 'Saving…' : 'Save examples'}</Button>
            </form>
          ) : current.examples.length ? (
            <pre tabIndex={0} aria-label="Contract examples" className="max-h-64 overflow-auto rounded bg-muted p-2 text-xs">{JSON.stringify(current.examples, null, 2)}</pre>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
