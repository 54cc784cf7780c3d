'use client';
// PII redaction rules: built-in detectors on/off, custom patterns (unsafe ones refused with the reason), and a
// test box that shows what the rules being edited would redact (the same redactPii the /mcp pipeline runs).
import { useMemo, useState } from 'react';
import { Plus, ShieldCheck, Trash2 } from 'lucide-react';
import { setPiiRulesAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { redactPii } from '@/lib/pii';
import { PII_DETECTORS, PII_LABELS, ZPiiRules, ZSetPiiRulesInput, type TPiiRules } from '@/lib/schemas/tenant-policy';

const SAMPLE = 'Contact jane.doe@example.com or +33 6 12 34 56 78. IBAN FR76 3000 6000 0112 3456 7890 189, card 4111 1111 1111 1111. Order ORD-2024-000123 stays.';

export function PiiForm({ tenantId, initial }: { tenantId: string; initial: TPiiRules }) {
  const [rules, setRules] = useState<TPiiRules>(initial);
  const [text, setText] = useState(SAMPLE);
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(setPiiRulesAction, { schema: ZSetPiiRulesInput });
  const fe = error?.fieldErrors ?? {};
  const update = (r: TPiiRules) => { setRules(r); setSaved(false); };
  const test = useMemo(() => {
    const parsed = ZPiiRules.safeParse(rules);
    if (!parsed.success) return { error: 'Fix the custom patterns to test them.' } as const;
    try {
      const r = redactPii(text, parsed.data);
      return { value: String(r.value), counts: r.counts } as const;
    } catch {
      return { error: 'These rules cannot be applied.' } as const;
    }
  }, [rules, text]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (await run({ tenantId, rules })) setSaved(true);
  }
  const setCustom = (i: number, patch: Partial<TPiiRules['custom'][number]>) => update({ ...rules, custom: rules.custom.map((c, n) => (n === i ? { ...c, ...patch } : c)) });

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2"><ShieldCheck aria-hidden className="size-4" />PII redaction</CardTitle>
        <CardDescription>Applied to every tool output before the agent sees it, and to what the audit log stores.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={save} noValidate className="grid gap-5 lg:grid-cols-2">
          <div className="grid content-start gap-4">
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Built-in detectors</legend>
              {PII_DETECTORS.map((d) => (
                <Checkbox key={d} checked={rules[d]} onChange={(e) => update({ ...rules, [d]: e.target.checked })} label={PII_LABELS[d]} />
              ))}
            </fieldset>
            <fieldset className="grid gap-3">
              <legend className="mb-1 text-sm font-medium">Custom patterns</legend>
              {rules.custom.length === 0 ? <p className="text-sm text-muted-foreground">None. Add one for identifiers of your own (employee ids, contract numbers…).</p> : null}
              {rules.custom.map((c, i) => (
                <div key={i} className="grid gap-2 rounded-md border border-border p-3 sm:grid-cols-[1fr_2fr_auto]">
                  <FormField label="Name" error={fe[`rules.custom.${i}.name`] ?? fe[`custom.${i}.name`]}>
                    <Input value={c.name} onChange={(e) => setCustom(i, { name: e.target.value })} placeholder="employee_id" />
                  </FormField>
                  <FormField label="Regular expression" error={fe[`rules.custom.${i}.pattern`] ?? fe[`custom.${i}.pattern`]}>
                    <Input value={c.pattern} onChange={(e) => setCustom(i, { pattern: e.target.value })} placeholder="EMP-\d{6}" className="font-mono" />
                  </FormField>
                  <Button type="button" variant="ghost" size="icon" className="self-end" aria-label={`Remove pattern ${c.name || i + 1}`}
                    onClick={() => update({ ...rules, custom: rules.custom.filter((_, n) => n !== i) })}><Trash2 aria-hidden /></Button>
                </div>
              ))}
              <div>
                <Button type="button" variant="outline" size="sm" disabled={rules.custom.length >= 20} onClick={() => update({ ...rules, custom: [...rules.custom, { name: '', pattern: '' }] })}><Plus aria-hidden />Add a pattern</Button>
              </div>
            </fieldset>
            {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
            {error && Object.keys(fe).length > 0 ? <Alert variant="destructive">Check the highlighted patterns; nothing was saved.</Alert> : null}
            {saved ? <Alert variant="success">Redaction rules saved.</Alert> : null}
            <div><Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save redaction rules'}</Button></div>
          </div>
          <div className="grid content-start gap-3">
            <FormField label="Test text" hint="Runs the rules above (saved or not) in your browser; nothing is sent or stored.">
              <Textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} />
            </FormField>
            <div className="grid gap-1">
              <span className="text-sm font-medium">What the agent would see</span>
              {'error' in test ? (
                <Alert variant="warning">{test.error}</Alert>
              ) : (
                <>
                  <output aria-live="polite" data-testid="pii-output" className="block whitespace-pre-wrap break-words rounded-md border border-border bg-muted/40 p-3 font-mono text-xs">{test.value}</output>
                  <div className="flex flex-wrap gap-1">
                    {Object.entries(test.counts).length === 0 ? <span className="text-xs text-muted-foreground">Nothing redacted.</span> : Object.entries(test.counts).map(([k, n]) => <Badge key={k} variant="info">{k}: {n}</Badge>)}
                  </div>
                </>
              )}
            </div>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
