'use client';
// Approval rules per tool, shown exactly as /mcp enforces them (lib/activation.ts: needsApproval, requiredApprovals):
// a critical tool always needs an approval (its choices are "always" and "always; two operators above a condition");
// any other tool never / always / when a condition on the arguments holds, with one or two approvers. Plus how long a
// held call waits for a decision.
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
import { DEFAULT_APPROVAL_TTL_MINUTES } from '@/lib/schemas/approvals';
import type { TApprovalRuleDto } from '@/lib/schemas/settings-view';
import { APPROVAL_OP_LABELS, APPROVAL_OPS, ZSetApprovalRuleInput } from '@/lib/schemas/tenant-policy';

type Rule = Pick<TApprovalRuleDto, 'mode' | 'condition' | 'critical' | 'approvalsRequired'>;
type Choice = TApprovalRuleDto['mode'];

const conditionText = (c: NonNullable<Rule['condition']>) => `${c.field} ${APPROVAL_OP_LABELS[c.op]} ${JSON.stringify(c.value)}`;

/** When a call waits for a human. */
export const describeRule = (r: Rule) =>
  r.critical ? 'Always (critical tool)' : r.mode === 'always' ? 'Always' : r.mode === 'conditional' && r.condition ? `When ${conditionText(r.condition)}` : 'Never';

/** How many operators must approve, as requiredApprovals applies it; null when no call waits. */
export function describeApprovers(r: Rule): string | null {
  const two = r.approvalsRequired >= 2;
  if (!r.critical) return r.mode === 'never' || (r.mode === 'conditional' && !r.condition) ? null : two ? 'two' : 'one';
  if (r.mode !== 'conditional') return two ? 'two' : 'one';
  return two && r.condition ? `two when ${conditionText(r.condition)}, else one` : 'one';
}

/** The form's choice that enforces the same as the stored rule (a critical tool shows no "never"). */
function initialChoice(r: Rule): Choice {
  if (!r.critical) return r.mode;
  return r.mode === 'conditional' && r.condition && r.approvalsRequired >= 2 ? 'conditional' : 'always';
}

export function ApprovalRules({ tenantId, rules }: { tenantId: string; rules: TApprovalRuleDto[] }) {
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<TApprovalRuleDto | null>(null);
  const rows = useMemo(() => rules.filter((r) => !q || `${r.slug} ${r.title}`.toLowerCase().includes(q.toLowerCase())), [rules, q]);
  return (
    <div className="grid gap-3">
      <SearchInput aria-label="Filter tools" placeholder="Filter tools…" value={q} onChange={(e) => setQ(e.target.value)} wrapperClassName="max-w-xs" />
      {rows.length === 0 ? <EmptyState title="No tool matches" description="Change the filter." /> : (
        <Table aria-label="Approval rules by tool">
          <THead><TR><TH>Tool</TH><TH>Needs a human approval</TH><TH>Approvers</TH><TH>Expires after</TH><TH className="text-right">Actions</TH></TR></THead>
          <TBody>
            {rows.map((r) => {
              const approvers = describeApprovers(r);
              return (
                <TR key={r.toolId}>
                  <TD><code className="font-medium">{r.slug}</code><div className="text-xs text-muted-foreground">{r.title}</div></TD>
                  <TD>
                    <div className="flex flex-wrap items-center gap-1">
                      <span>{describeRule(r)}</span>
                      {r.critical ? <Badge variant="critical">critical</Badge> : null}
                    </div>
                  </TD>
                  <TD>{approvers === null ? '—' : approvers.startsWith('two') ? <Badge variant="warning">{approvers}</Badge> : approvers}</TD>
                  <TD>{approvers === null ? '—' : `${r.approvalTtlMinutes} min`}</TD>
                  <TD className="text-right"><Button size="sm" variant="outline" onClick={() => setEditing(r)} aria-label={`Edit the approval rule of ${r.slug}`}>Edit</Button></TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      <Dialog open={editing !== null} onOpenChange={(o) => (o ? null : setEditing(null))}>
        <DialogContent>{editing ? <RuleForm key={editing.toolId} tenantId={tenantId} rule={editing} onDone={() => setEditing(null)} /> : null}</DialogContent>
      </Dialog>
    </div>
  );
}

const CHOICE_LABELS: Record<'critical' | 'other', Partial<Record<Choice, string>>> = {
  critical: { always: 'Always', conditional: 'Always; two operators above a condition' },
  other: { never: 'Never', always: 'Always', conditional: 'When a condition on the arguments holds' },
};

function RuleForm({ tenantId, rule, onDone }: { tenantId: string; rule: TApprovalRuleDto; onDone: () => void }) {
  const [mode, setMode] = useState<Choice>(initialChoice(rule));
  const [field, setField] = useState(rule.condition?.field ?? 'amount');
  const [op, setOp] = useState<(typeof APPROVAL_OPS)[number]>(rule.condition?.op ?? 'gt');
  const [value, setValue] = useState(rule.condition ? String(rule.condition.value) : '500');
  const [approvers, setApprovers] = useState(String(Math.min(Math.max(rule.approvalsRequired, 1), 2)));
  const [ttl, setTtl] = useState(String(rule.approvalTtlMinutes));
  const { run, pending, error } = useAction(setApprovalRuleAction, { schema: ZSetApprovalRuleInput });
  const fe = error?.fieldErrors ?? {};
  const labels = CHOICE_LABELS[rule.critical ? 'critical' : 'other'];
  const twoAboveCondition = rule.critical && mode === 'conditional';
  const parsedValue = (): number | string | boolean => (value === 'true' ? true : value === 'false' ? false : value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const condition = mode === 'conditional' ? { field, op, value: parsedValue() } : null;
    const approvalsRequired = twoAboveCondition ? 2 : Number(approvers);
    const approvalTtlMinutes = ttl.trim() === '' ? Number.NaN : Number(ttl);
    if (await run({ tenantId, toolId: rule.toolId, mode, condition, approvalsRequired, approvalTtlMinutes })) onDone();
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Approval rule of <code>{rule.slug}</code></DialogTitle>
        <DialogDescription>
          {rule.critical
            ? 'This tool is critical: every call waits for an operator. You choose how many operators approve, and may require two above a condition on the arguments (one below it).'
            : 'Calls that need an approval wait for an operator in Approvals.'}
        </DialogDescription>
      </DialogHeader>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Needs a human approval</legend>
        {(Object.keys(labels) as Choice[]).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="accent-primary" />
            {labels[m]}
          </label>
        ))}
        {fe.mode ? <p role="alert" className="text-sm text-destructive">{fe.mode[0]}</p> : null}
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
      {twoAboveCondition ? (
        <p className="text-sm text-muted-foreground">Two different operators approve a call when the condition holds (two-person rule); one approves any other call.</p>
      ) : mode !== 'never' ? (
        <FormField label="Approvers required" error={fe.approvalsRequired} hint="Two: two different operators must approve every held call (two-person rule).">
          <Select value={approvers} onChange={(e) => setApprovers(e.target.value)} options={[{ value: '1', label: 'One approver' }, { value: '2', label: 'Two approvers' }]} />
        </FormField>
      ) : null}
      {mode !== 'never' ? (
        <FormField label="Expires after (minutes)" error={fe.approvalTtlMinutes} hint={`A held call nobody decides within this time is refused. 1 to 1,440; default ${DEFAULT_APPROVAL_TTL_MINUTES}.`}>
          <Input type="number" inputMode="numeric" min={1} max={1440} step={1} value={ttl} onChange={(e) => setTtl(e.target.value)} />
        </FormField>
      ) : null}
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save rule'}</Button>
      </DialogFooter>
    </form>
  );
}
