'use client';
// "Reveal": the held call's full, unredacted arguments for an operator who needs them to decide. Asking is a
// deliberate second step because every reveal is recorded in the audit log.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Eye } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Spinner } from '@/components/ui/spinner';
import { revealApprovalArguments } from '@/lib/queries/approvals';
import { ArgumentsList } from './arguments-list';

export function RevealArguments({ id, tool }: { id: string; tool: string }) {
  const [open, setOpen] = useState(false);
  const m = useMutation({ mutationFn: () => revealApprovalArguments(id) });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) m.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="ghost">
          <Eye aria-hidden /> Reveal
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Full arguments of {tool}</DialogTitle>
          <DialogDescription>
            The inbox hides personal data. Revealing it is audited: your name, the time and this approval are recorded.
          </DialogDescription>
        </DialogHeader>
        {m.isSuccess ? <ArgumentsList value={m.data} /> : null}
        {m.isPending ? <Spinner label="Revealing…" showLabel /> : null}
        {m.isError ? <Alert variant="destructive">{m.error.message}</Alert> : null}
        <DialogFooter>
          {m.isSuccess ? null : (
            <Button onClick={() => m.mutate()} disabled={m.isPending}>
              Reveal and record
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
