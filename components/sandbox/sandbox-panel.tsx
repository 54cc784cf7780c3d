'use client';
// "Try it": a form generated from the served input schema; the call runs on the server through the real MCP client
// against /mcp with a short-lived token of the user's own. Shows the raw JSON-RPC exchanges and the latency;
// critical tools are only dry-run (validated and shown, never executed).
import { useMemo, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { FormResult } from '@/components/catalogue/use-form-action';
import type { SandboxResult } from '@/lib/schemas/sandbox';
import { argumentsOf, fieldsOf } from './schema-form';

const json = (v: unknown) => JSON.stringify(v, null, 2);

export function SandboxPanel({ slug, inputSchema, critical, action }: {
  slug: string; inputSchema: Record<string, unknown> | null; critical: boolean; action: (input: unknown) => Promise<FormResult<SandboxResult>>;
}) {
  const fields = useMemo(() => fieldsOf(inputSchema), [inputSchema]);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [formError, setFormError] = useState<{ field: string; message: string } | null>(null);
  const [result, setResult] = useState<FormResult<SandboxResult> | null>(null);
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const a = argumentsOf(fields, values);
    if (!a.ok) return setFormError(a);
    setFormError(null);
    start(async () => setResult(await action({ slug, arguments: a.args })));
  };
  return (
    <div className="space-y-4" data-testid="sandbox">
      {critical ? <Alert variant="warning" title="Dry run only">This tool is critical: the sandbox validates your input and shows what would be sent, but never executes it.</Alert> : null}
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
        {fields.length === 0 ? <p className="text-sm text-muted-foreground sm:col-span-2">This tool takes no arguments.</p> : null}
        {fields.map((f) => {
          const err = formError?.field === f.name ? formError.message : undefined;
          const set = (v: string | boolean) => setValues((s) => ({ ...s, [f.name]: v }));
          if (f.kind === 'boolean') return <Checkbox key={f.name} label={f.name} description={f.description} checked={values[f.name] === true} onChange={(e) => set(e.target.checked)} />;
          return (
            <FormField key={f.name} label={f.name} required={f.required} hint={f.kind === 'json' ? `${f.description ? `${f.description} · ` : ''}JSON` : f.description} error={err}>
              {f.kind === 'enum' ? <Select value={String(values[f.name] ?? '')} onChange={(e) => set(e.target.value)} placeholder="—" options={f.options.map((o) => ({ value: o, label: o }))} />
                : f.kind === 'json' ? <Textarea rows={3} className="font-mono text-xs" value={String(values[f.name] ?? '')} onChange={(e) => set(e.target.value)} />
                  : <Input type={f.kind === 'string' ? 'text' : 'number'} inputMode={f.kind === 'string' ? undefined : 'decimal'} value={String(values[f.name] ?? '')} onChange={(e) => set(e.target.value)} />}
            </FormField>
          );
        })}
        <div className="sm:col-span-2"><Button type="submit" disabled={pending}>{pending ? 'Calling…' : critical ? 'Validate (dry run)' : 'Call through /mcp'}</Button></div>
      </form>
      <div aria-live="polite">{result ? <SandboxOutcome result={result} /> : null}</div>
    </div>
  );
}

function SandboxOutcome({ result }: { result: FormResult<SandboxResult> }) {
  if (!result.ok) return <Alert variant="destructive" title="The call was not made">{result.message}</Alert>;
  const r = result.data;
  if (r.kind === 'invalid') return <Alert variant="warning" title="The input does not match the tool's schema">{r.errors.map((e) => <p key={e}>{e}</p>)}</Alert>;
  if (r.kind === 'dry_run') {
    return (
      <div className="space-y-2" data-testid="sandbox-result">
        <Alert variant="info" title="Dry run: valid, not executed">{r.reason}{r.httpRequestError ? ` ${r.httpRequestError}` : ''}</Alert>
        <h3 className="text-sm font-medium">JSON-RPC request that would be sent</h3>
        <pre tabIndex={0} className="overflow-x-auto rounded-md bg-muted p-3 text-xs">{json(r.request)}</pre>
        {r.httpRequest ? (<><h3 className="text-sm font-medium">HTTP request (credential masked)</h3><pre tabIndex={0} className="overflow-x-auto rounded-md bg-muted p-3 text-xs">{`${r.httpRequest.method} ${r.httpRequest.url}\n${Object.entries(r.httpRequest.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}${r.httpRequest.body ? `\n\n${r.httpRequest.body}` : ''}`}</pre></>) : null}
      </div>
    );
  }
  return (
    <div className="space-y-3" data-testid="sandbox-result">
      <p className="flex items-center gap-2 text-sm">
        <Badge variant={r.isError ? 'destructive' : 'success'}>{r.isError ? 'Tool error' : 'Success'}</Badge>
        <span data-testid="sandbox-latency">{r.latencyMs} ms</span>
        <span className="text-muted-foreground">· audited as a sandbox call</span>
      </p>
      <pre tabIndex={0} className="max-h-96 overflow-auto rounded-md bg-muted p-3 text-xs" aria-label="Result">{json(r.result)}</pre>
      <details>
        <summary className="cursor-pointer text-sm font-medium">Raw JSON-RPC ({r.exchanges.length} exchanges)</summary>
        <ol className="mt-2 space-y-3">
          {r.exchanges.map((x, i) => (
            <li key={i} className="grid gap-2 lg:grid-cols-2">
              <pre tabIndex={0} className="overflow-x-auto rounded-md bg-muted p-2 text-xs" aria-label={`Request ${i + 1}`}>{json(x.request)}</pre>
              <pre tabIndex={0} className="overflow-x-auto rounded-md bg-muted p-2 text-xs" aria-label={`Response ${i + 1} (HTTP ${x.httpStatus})`}>{`HTTP ${x.httpStatus}\n${json(x.response)}`}</pre>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
