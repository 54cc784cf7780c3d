'use client';
// A button that asks for confirmation in a dialog before a destructive or far-reaching action, and shows the
// action's error in the dialog rather than closing it.
import { useState, type ReactNode } from 'react';
import { useAction, type ActionResultLike } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';

export function ConfirmAction<I, T>({
  label, title, description, confirmLabel, action, input, destructive = true, size = 'sm', variant, onDone, children,
}: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  action: (input: I) => Promise<ActionResultLike<T>>;
  input: I;
  destructive?: boolean;
  size?: 'sm' | 'md';
  variant?: 'outline' | 'ghost' | 'destructive' | 'default';
  onDone?: (data: T) => void;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { run, pending, error, reset } = useAction(action);
  async function confirm() {
    const r = await run(input);
    if (r !== null) {
      setOpen(false);
      onDone?.(r);
    }
  }
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) reset(); }}>
      <DialogTrigger asChild>
        <Button type="button" size={size} variant={variant ?? 'outline'}>{label}</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {children}
        {error ? <Alert variant="destructive">{error.message}</Alert> : null}
        <DialogFooter>
          <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
          <Button type="button" variant={destructive ? 'destructive' : 'default'} disabled={pending} onClick={confirm}>{pending ? 'Working…' : confirmLabel}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
