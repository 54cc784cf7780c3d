'use client';
// Per-user actions: edit, send a new invitation / reset link (shown once when not emailed), deactivate/reactivate.
import { useState } from 'react';
import { issueAccountLinkAction, setUserActiveAction } from '@/app/(portal)/admin/actions';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Button } from '@/components/ui/button';
import { ConfirmAction } from './confirm-action';
import { LinkOnce, type Delivery } from './link-once';
import { UserDialog, type EditableUser, type UserFormContext } from './user-dialog';

export function UserRowActions({ ctx, user, status, self }: { ctx: UserFormContext; user: EditableUser; status: 'active' | 'invited' | 'deactivated'; self: boolean }) {
  const [issued, setIssued] = useState<Delivery | null>(null);
  return (
    <div className="flex flex-wrap justify-end gap-1">
      <UserDialog ctx={ctx} user={user} />
      {status !== 'deactivated' ? (
        <ConfirmAction
          label={status === 'invited' ? 'Resend invite' : 'Reset password'}
          title={status === 'invited' ? `New invitation for ${user.email}` : `Reset the password of ${user.email}`}
          description={status === 'invited' ? 'A new single-use link replaces the previous one.' : 'A single-use link (valid 2 hours) lets them choose a new password. Their current password keeps working until then.'}
          confirmLabel="Issue link"
          destructive={false}
          action={issueAccountLinkAction}
          input={{ userId: user.id }}
          onDone={(d) => setIssued(d)}
        />
      ) : null}
      {self ? null : status === 'deactivated' ? (
        <ConfirmAction label="Reactivate" title={`Reactivate ${user.email}?`} description="They can sign in again, and the agent tokens acting for them work again." confirmLabel="Reactivate" destructive={false} action={setUserActiveAction} input={{ userId: user.id, active: true }} />
      ) : (
        <ConfirmAction label="Deactivate" title={`Deactivate ${user.email}?`} description="They cannot sign in any more; their open sessions, the agent tokens acting for them and their connected apps stop within 2 seconds. Nothing is deleted." confirmLabel="Deactivate" action={setUserActiveAction} input={{ userId: user.id, active: false }} />
      )}
      <Dialog open={issued !== null} onOpenChange={(o) => (o ? null : setIssued(null))}>
        <DialogContent>
          <DialogHeader><DialogTitle>Link issued</DialogTitle><DialogDescription>For {user.email}.</DialogDescription></DialogHeader>
          {issued ? <LinkOnce result={issued} email={user.email} /> : null}
          <DialogFooter><Button type="button" onClick={() => setIssued(null)}>Done</Button></DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
