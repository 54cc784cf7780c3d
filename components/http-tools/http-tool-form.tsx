'use client';
// Declaring an HTTP tool. Everything the user types is checked by the server while they type (debounced): the
// configuration, the input schema (JSON Schema, validated with Ajv on the server: the page's CSP forbids eval),
// a sample input against it, and the exact request that sample would send. Submitting creates the catalogue
// record and version 1 in security review.
import Link from 'next/link';
import { useEffect, useMemo, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { Textarea } from '@/components/ui/textarea';
import type { FormResult } from '@/components/catalogue/use-form-action';
import type { HttpToolPreviewResult } from '@/lib/schemas/http-tool';
import { DATA_CLASSIFICATION_LABELS, DATA_CLASSIFICATIONS, RISK_LEVELS } from '@/lib/schemas/tool-request';
import { parseJson, toConfig, type HttpToolFormState } from './config-text';
import { RequestFields } from './request-fields';
import { RequestPreview } from './request-preview';

type Declared = { slug: string; toolId: string; versionId: string };

const INITIAL: HttpToolFormState = {
  method: 'GET', urlTemplate: '', query: '', headers: '', staticHeaders: '', bodyMode: 'none', bodyArgs: '', responseFields: '',
  authType: 'none', authSecret: '', authHeader: '', authUsername: '', timeoutMs: '10000', maxResponseBytes: '262144',
};
const INITIAL_SCHEMA = JSON.stringify({ type: 'object', properties: { id: { type: 'string', description: 'The record id' } }, required: ['id'], additionalProperties: false }, null, 2);

export function HttpToolForm({ previewAction, declareAction }: {
  previewAction: (input: unknown) => Promise<FormResult<HttpToolPreviewResult>>;
  declareAction: (input: unknown) => Promise<FormResult<Declared>>;
}) {
  const [meta, setMeta] = useState({ name: '', title: '', description: '', category: '', ownerTeam: '', riskLevel: 'low', dataClassification: 'internal', critical: false });
  const [f, setF] = useState(INITIAL);
  const [schemaText, setSchemaText] = useState(INITIAL_SCHEMA);
  const [sampleText, setSampleText] = useState('{\n  "id": "42"\n}');
  const [preview, setPreview] = useState<HttpToolPreviewResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<FormResult<Declared> | null>(null);
  const [pending, start] = useTransition();
  const set = (patch: Partial<HttpToolFormState>) => setF((s) => ({ ...s, ...patch }));
  const config = useMemo(() => toConfig(f), [f]);
  const schema = useMemo(() => parseJson(schemaText), [schemaText]);
  const sample = useMemo(() => parseJson(sampleText), [sampleText]);

  useEffect(() => {
    if (!schema.ok) return;
    let live = true;
    const timer = setTimeout(() => {
      setChecking(true);
      previewAction({ config, inputSchema: schema.value, sample: sample.ok ? sample.value : undefined })
        .then((r) => { if (live && r.ok) setPreview(r.data); })
        .catch(() => undefined)
        .finally(() => { if (live) setChecking(false); });
    }, 400);
    return () => { live = false; clearTimeout(timer); };
  }, [config, schema, sample, previewAction]);

  const fieldErrors = result && !result.ok ? result.fieldErrors ?? {} : {};
  const configError = (path: string) => {
    const live = preview?.configErrors.filter((e) => e.path === path).map((e) => e.message) ?? [];
    const submitted = fieldErrors[`config.${path}`] ?? [];
    const all = [...new Set([...live, ...submitted])];
    return all.length ? all : undefined;
  };
  const schemaErrors = schema.ok ? preview?.schemaErrors ?? [] : [`Not valid JSON: ${schema.message}`];
  const canSubmit = schema.ok && !schemaErrors.length && !(preview?.configErrors.length ?? 0);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!schema.ok) return;
    start(async () => setResult(await declareAction({ ...meta, inputSchema: schema.value, config })));
  };

  if (result?.ok) {
    return (
      <Alert variant="success" title={`${result.data.slug} is waiting for security review`}>
        Version 1 is in review; it will be served once approved{meta.riskLevel === 'high' || meta.riskLevel === 'critical' || meta.critical ? ' by two reviewers' : ''}, then tenant admins can enable it.{' '}
        <Link className="underline" href={`/catalogue/${result.data.slug}`}>Open the tool</Link> · <Link className="underline" href={`/reviews/versions/${result.data.versionId}`} data-testid="review-link">Review page</Link>
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-6" noValidate aria-describedby="declare-status">
      <div id="declare-status" aria-live="polite">
        {result && !result.ok ? <Alert variant="destructive" title="The tool was not declared">{result.message}</Alert> : null}
      </div>
      <Card>
        <CardHeader><CardTitle as="h2">The tool</CardTitle><CardDescription>What agents and the catalogue show. Risk and data classification guide the security review (high and critical risk need two reviewers).</CardDescription></CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField label="Name" required hint="lowercase letters, digits and underscores, e.g. orders_lookup" error={fieldErrors.name}><Input name="name" value={meta.name} onChange={(e) => setMeta({ ...meta, name: e.target.value })} /></FormField>
          <FormField label="Title" required error={fieldErrors.title}><Input name="title" value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} /></FormField>
          <FormField label="Description for agents" required error={fieldErrors.description} className="sm:col-span-2"><Textarea name="description" rows={3} value={meta.description} onChange={(e) => setMeta({ ...meta, description: e.target.value })} /></FormField>
          <FormField label="Category" required error={fieldErrors.category}><Input name="category" value={meta.category} onChange={(e) => setMeta({ ...meta, category: e.target.value })} /></FormField>
          <FormField label="Owner team" required error={fieldErrors.ownerTeam}><Input name="ownerTeam" value={meta.ownerTeam} onChange={(e) => setMeta({ ...meta, ownerTeam: e.target.value })} /></FormField>
          <FormField label="Risk level" required error={fieldErrors.riskLevel}><Select name="riskLevel" value={meta.riskLevel} onChange={(e) => setMeta({ ...meta, riskLevel: e.target.value })} options={RISK_LEVELS.map((r) => ({ value: r, label: r }))} /></FormField>
          <FormField label="Data classification" required error={fieldErrors.dataClassification}><Select name="dataClassification" value={meta.dataClassification} onChange={(e) => setMeta({ ...meta, dataClassification: e.target.value })} options={DATA_CLASSIFICATIONS.map((d) => ({ value: d, label: DATA_CLASSIFICATION_LABELS[d] }))} /></FormField>
          <Checkbox name="critical" checked={meta.critical} onChange={(e) => setMeta({ ...meta, critical: e.target.checked })} label="Critical: every call waits for a human approval" />
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle as="h2">The request</CardTitle><CardDescription>How the agent&apos;s arguments become one HTTP request, and what of the JSON response is kept.</CardDescription></CardHeader>
        <CardContent><RequestFields f={f} set={set} errorFor={configError} /></CardContent>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle as="h2">Input schema</CardTitle><CardDescription>JSON Schema (2020-12) of the arguments, checked as you type.</CardDescription></CardHeader>
          <CardContent>
            <FormField label="Input schema" hideLabel error={schemaErrors.length ? schemaErrors : fieldErrors.inputSchema}>
              <Textarea name="inputSchema" rows={14} className="font-mono text-xs" value={schemaText} onChange={(e) => setSchemaText(e.target.value)} spellCheck={false} />
            </FormField>
            {schema.ok && preview && !schemaErrors.length ? <p className="mt-2 text-sm text-success-soft-foreground" data-testid="schema-ok">The schema is valid.</p> : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle as="h2">Preview</CardTitle><CardDescription>A sample input and the exact request it would send (credential masked).</CardDescription></CardHeader>
          <CardContent className="space-y-3">
            <FormField label="Sample input (JSON)"><Textarea name="sample" rows={5} className="font-mono text-xs" value={sampleText} onChange={(e) => setSampleText(e.target.value)} spellCheck={false} /></FormField>
            {checking ? <Spinner size="sm" label="Checking…" showLabel /> : null}
            <RequestPreview preview={preview} sampleError={sample.ok ? null : sample.message} />
          </CardContent>
        </Card>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending || !canSubmit}>{pending ? 'Declaring…' : 'Submit for security review'}</Button>
        {!canSubmit ? <span className="text-sm text-muted-foreground">Fix the errors above to submit.</span> : null}
      </div>
    </form>
  );
}
