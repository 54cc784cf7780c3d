'use client';
// Approve (with an optional note) or deny (with a required reason) a held call. The answer is the approval after the
// decision: when it completed the approval, the call has already run and the answer carries its result.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, X } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { ApprovalRequestError, approvalKeys, decideApproval } from '@/lib/queries/approvals';
import { ZApprovalDecisionInput, type ApprovalView, type TApprovalDecisionInput } from '@/lib/schemas/approvals';

type Decision = TApprovalDecisionInput['decision'];

export function DecisionControls({ approval, onDecided }: { approval: ApprovalView; onDecided: (view: ApprovalView) => void }) {
  const [open, setOpen] = useState<Decision | null>(null);
  const remaining = approval.approvalsRequired - approval.approvalsGiven;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Dialog open={open === 'approve'} onOpenChange={(o) => setOpen(o ? 'approve' : null)}>
        <DialogTrigger asChild>
          <Button size="sm">
            <Check aria-hidden /> Approve
          </Button>
        </DialogTrigger>
        {open === 'approve' ? (
          <DecisionDialog
            approval={approval}
            decision="approve"
            title={`Approve ${approval.tool.slug}?`}
            description={
              remaining > 1
                ? `Your approval is 1 of the ${remaining} still needed: the call runs once another operator approves too.`
                : 'The call runs at once, exactly with the arguments shown, and its result is sent back to the agent.'
            }
            onDone={(v) => {
              setOpen(null);
              onDecided(v);
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={open === 'deny'} onOpenChange={(o) => setOpen(o ? 'deny' : null)}>
        <DialogTrigger asChild>
          <Button size="sm" variant="outline">
            <X aria-hidden /> Deny
          </Button>
        </DialogTrigger>
        {open === 'deny' ? (
          <DecisionDialog
            approval={approval}
            decision="deny"
            title={`Deny ${approval.tool.slug}?`}
            description="The call does not run. The agent receives your reason, so say what is wrong or what it should do instead."
            onDone={(v) => {
              setOpen(null);
              onDecided(v);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}

function DecisionDialog(props: { approval: ApprovalView; decision: Decision; title: string; description: string; onDone: (v: ApprovalView) => void }) {
  const { approval, decision } = props;
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (input: TApprovalDecisionInput) => decideApproval(approval.id, input),
    onSuccess: (view) => {
      qc.setQueryData(approvalKeys.detail(view.id), view);
      props.onDone(view);
    },
    onError: (e) => {
      if (e instanceof ApprovalRequestError && e.fieldErrors?.reason?.[0]) setFieldError(e.fieldErrors.reason[0]);
    },
    // A conflict means someone else decided first: every view of approvals refreshes to show what happened.
    onSettled: () => qc.invalidateQueries({ queryKey: approvalKeys.all }),
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = ZApprovalDecisionInput.safeParse({ decision, reason });
    if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message ?? 'Check the reason.');
    setFieldError(null);
    m.mutate(parsed.data);
  };
  const deny = decision === 'deny';
  return (
    <DialogContent>
      <form onSubmit={submit} className="grid gap-4" noValidate>
        <DialogHeader>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogDescription>{props.description}</DialogDescription>
        </DialogHeader>
        <FormField label={deny ? 'Reason' : 'Note (optional)'} required={deny} error={fieldError} hint={deny ? 'At least 3 characters; the agent and its owner will read it.' : 'Recorded with your approval in the audit log.'}>
          <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} autoFocus />
        </FormField>
        {m.isError && !fieldError ? <Alert variant="destructive">{m.error.message}</Alert> : null}
        <DialogFooter>
          <Button type="submit" variant={deny ? 'destructive' : 'default'} disabled={m.isPending}>
            {m.isPending ? (deny ? 'Denying…' : 'Approving…') : deny ? 'Deny call' : approval.approvalsRequired - approval.approvalsGiven > 1 ? 'Approve' : 'Approve and run'}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
