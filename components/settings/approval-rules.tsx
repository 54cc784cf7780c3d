'use client';
// Approval rules per tool: never / always / when a condition on the arguments holds (e.g. payment_refund when
// amount > 500), with one or two approvers. Critical tools always need an approval.
import { useMemo, useState } from 'react';
import { setApprovalRuleAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TApprovalRuleDto } from '@/lib/schemas/settings-view';
import { APPROVAL_OP_LABELS, APPROVAL_OPS, ZSetApprovalRuleInput } from '@/lib/schemas/tenant-policy';

export const describeRule = (r: Pick<TApprovalRuleDto, 'mode' | 'condition' | 'critical'>) =>
  r.mode === 'always' ? 'Always' : r.mode === 'conditional' && r.condition ? `When ${r.condition.field} ${APPROVAL_OP_LABELS[r.condition.op]} ${JSON.stringify(r.condition.value)}` : r.critical ? 'Always (critical tool)' : 'Never';

export function ApprovalRules({ tenantId, rules }: { tenantId: string; rules: TApprovalRuleDto[] }) {
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<TApprovalRuleDto | null>(null);
  const rows = useMemo(() => rules.filter((r) => !q || `${r.slug} ${r.title}`.toLowerCase().includes(q.toLowerCase())), [rules, q]);
  return (
    <div className="grid gap-3">
      <SearchInput aria-label="Filter tools" placeholder="Filter tools…" value={q} onChange={(e) => setQ(e.target.value)} wrapperClassName="max-w-xs" />
      {rows.length === 0 ? <EmptyState title="No tool matches" description="Change the filter." /> : (
        <Table aria-label="Approval rules by tool">
          <THead><TR><TH>Tool</TH><TH>Needs a human approval</TH><TH>Approvers</TH><TH className="text-right">Actions</TH></TR></THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.toolId}>
                <TD><code className="font-medium">{r.slug}</code><div className="text-xs text-muted-foreground">{r.title}</div></TD>
                <TD>
                  <div className="flex flex-wrap items-center gap-1">
                    <span>{describeRule(r)}</span>
                    {r.critical ? <Badge variant="critical">critical</Badge> : null}
                  </div>
                </TD>
                <TD>{r.mode === 'never' && !r.critical ? '—' : r.approvalsRequired === 2 ? <Badge variant="warning">two people</Badge> : 'one'}</TD>
                <TD className="text-right"><Button size="sm" variant="outline" onClick={() => setEditing(r)} aria-label={`Edit the approval rule of ${r.slug}`}>Edit</Button></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Dialog open={editing !== null} onOpenChange={(o) => (o ? null : setEditing(null))}>
        <DialogContent>{editing ? <RuleForm key={editing.toolId} tenantId={tenantId} rule={editing} onDone={() => setEditing(null)} /> : null}</DialogContent>
      </Dialog>
    </div>
  );
}

function RuleForm({ tenantId, rule, onDone }: { tenantId: string; rule: TApprovalRuleDto; onDone: () => void }) {
  const [mode, setMode] = useState(rule.mode);
  const [field, setField] = useState(rule.condition?.field ?? 'amount');
  const [op, setOp] = useState<(typeof APPROVAL_OPS)[number]>(rule.condition?.op ?? 'gt');
  const [value, setValue] = useState(rule.condition ? String(rule.condition.value) : '500');
  const [approvers, setApprovers] = useState(String(rule.approvalsRequired));
  const { run, pending, error } = useAction(setApprovalRuleAction, { schema: ZSetApprovalRuleInput });
  const fe = error?.fieldErrors ?? {};
  const parsedValue = (): number | string | boolean => (value === 'true' ? true : value === 'false' ? false : value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const condition = mode === 'conditional' ? { field, op, value: parsedValue() } : null;
    if (await run({ tenantId, toolId: rule.toolId, mode, condition, approvalsRequired: Number(approvers) })) onDone();
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Approval rule of <code>{rule.slug}</code></DialogTitle>
        <DialogDescription>{rule.critical ? 'This tool is critical: every call needs an approval whatever this rule says; the number of approvers still applies.' : 'Calls that need an approval wait for an operator in Approvals.'}</DialogDescription>
      </DialogHeader>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Needs a human approval</legend>
        {(['never', 'always', 'conditional'] as const).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="accent-primary" />
            {m === 'never' ? 'Never' : m === 'always' ? 'Always' : 'When a condition on the arguments holds'}
          </label>
        ))}
      </fieldset>
      {mode === 'conditional' ? (
        <div className="grid gap-2 sm:grid-cols-[2fr_1fr_2fr]">
          <FormField label="Argument" error={fe['condition.field']}><Input value={field} onChange={(e) => setField(e.target.value)} placeholder="amount" /></FormField>
          <FormField label="Operator" error={fe['condition.op']}>
            <Select value={op} onChange={(e) => setOp(e.target.value as typeof op)} options={APPROVAL_OPS.map((o) => ({ value: o, label: APPROVAL_OP_LABELS[o] }))} />
          </FormField>
          <FormField label="Value" error={fe['condition.value'] ?? fe.condition}><Input value={value} onChange={(e) => setValue(e.target.value)} placeholder="500" /></FormField>
        </div>
      ) : null}
      <FormField label="Approvers required" error={fe.approvalsRequired} hint="Two: two different operators must approve (two-person rule).">
        <Select value={approvers} onChange={(e) => setApprovers(e.target.value)} options={[{ value: '1', label: 'One approver' }, { value: '2', label: 'Two approvers' }]} />
      </FormField>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save rule'}</Button>
      </DialogFooter>
    </form>
  );
}
