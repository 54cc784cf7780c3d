'use client';
// A tenant's teams: add, rename inline, remove (with confirmation: its agent tokens are revoked).
import { useState } from 'react';
import { Users } from 'lucide-react';
import { createTeamAction, removeTeamAction, renameTeamAction } from '@/app/(portal)/admin/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { ZCreateTeamInput, ZRenameTeamInput } from '@/lib/schemas/admin';
import { ConfirmAction } from './confirm-action';

export type TeamRow = { id: string; slug: string; name: string; members: number; activeTokens: number };

export function TeamsPanel({ tenantId, teams }: { tenantId: string; teams: TeamRow[] }) {
  const [name, setName] = useState('');
  const { run, pending, error } = useAction(createTeamAction, { schema: ZCreateTeamInput });
  const fe = error?.fieldErrors ?? {};
  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ tenantId, name })) setName('');
  }
  return (
    <div className="grid gap-4">
      <form onSubmit={add} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <FormField label="New team name" error={fe.name} className="sm:w-80"><Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Customer support" /></FormField>
        <Button type="submit" className="sm:mt-6" disabled={pending}>{pending ? 'Adding…' : 'Add team'}</Button>
      </form>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      {teams.length === 0 ? (
        <EmptyState icon={<Users />} title="No teams yet" description="Teams group users; tools can be activated per team and agent tokens can carry a team’s rights." />
      ) : (
        <Table>
          <THead><TR><TH>Team</TH><TH className="text-right">Members</TH><TH className="text-right">Active tokens</TH><TH className="text-right">Actions</TH></TR></THead>
          <TBody>{teams.map((t) => <TeamRowView key={t.id} tenantId={tenantId} team={t} />)}</TBody>
        </Table>
      )}
    </div>
  );
}

function TeamRowView({ tenantId, team }: { tenantId: string; team: TeamRow }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(team.name);
  const { run, pending, error } = useAction(renameTeamAction, { schema: ZRenameTeamInput });
  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ tenantId, teamId: team.id, name })) setEditing(false);
  }
  return (
    <TR data-testid={`team-row-${team.slug}`}>
      <TD>
        {editing ? (
          <form onSubmit={save} noValidate className="flex items-start gap-2">
            <FormField label={`New name for ${team.name}`} hideLabel error={error?.fieldErrors.name ?? (error ? error.message : undefined)}><Input value={name} onChange={(e) => setName(e.target.value)} autoFocus /></FormField>
            <Button type="submit" size="sm" disabled={pending}>Save</Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => { setEditing(false); setName(team.name); }}>Cancel</Button>
          </form>
        ) : (
          <><span className="font-medium">{team.name}</span> <code className="text-xs text-muted-foreground">{team.slug}</code></>
        )}
      </TD>
      <TD className="text-right">{team.members}</TD>
      <TD className="text-right">{team.activeTokens}</TD>
      <TD className="text-right">
        <div className="flex justify-end gap-1">
          {editing ? null : <Button type="button" size="sm" variant="outline" onClick={() => setEditing(true)} aria-label={`Rename ${team.name}`}>Rename</Button>}
          <ConfirmAction
            label="Remove"
            title={`Remove the team ${team.name}?`}
            description={`Its ${team.members} memberships, its activation rules and SSO mappings are deleted, and its ${team.activeTokens} active agent tokens are revoked. This cannot be undone.`}
            confirmLabel="Remove team"
            action={removeTeamAction}
            input={{ tenantId, teamId: team.id }}
          />
        </div>
      </TD>
    </TR>
  );
}
