'use client';
// A tenant's OpenID Connect group mappings: group → role and/or team. Applied at each SSO sign-in (first one
// provisions; later ones re-apply what mappings give and take away, leaving manual grants alone).
import { useState } from 'react';
import { KeyRound } from 'lucide-react';
import { deleteSsoGroupMappingAction, setSsoGroupMappingAction } from '@/app/(portal)/admin/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { ZSsoGroupMappingInput } from '@/lib/schemas/admin';
import { ROLE_LABELS, type TRole } from '@/lib/schemas/identity';
import { ConfirmAction } from './confirm-action';

export type MappingRow = { id: string; group: string; role: TRole | null; teamId: string | null };

export function SsoMappingsPanel({ tenantId, mappings, roles, teams, ssoDomains }: { tenantId: string; mappings: MappingRow[]; roles: readonly TRole[]; teams: { id: string; name: string }[]; ssoDomains: string[] }) {
  const [group, setGroup] = useState('');
  const [role, setRole] = useState('');
  const [teamId, setTeamId] = useState('');
  const { run, pending, error } = useAction(setSsoGroupMappingAction, { schema: ZSsoGroupMappingInput });
  const fe = error?.fieldErrors ?? {};
  const teamName = (id: string | null) => (id ? (teams.find((t) => t.id === id)?.name ?? '?') : '—');
  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ tenantId, group, role, teamId })) { setGroup(''); setRole(''); setTeamId(''); }
  }
  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground">
        {ssoDomains.length ? <>First SSO sign-ins from <strong>{ssoDomains.join(', ')}</strong> create an account here when one of their groups is mapped. </> : <>No SSO email domain is set for this tenant (a platform admin sets them), so only existing users sign in with SSO. </>}
        At every SSO sign-in the roles and teams that mappings give are re-applied from the groups the identity provider sends; roles and teams no mapping mentions stay as set here.
      </p>
      <form onSubmit={save} noValidate className="grid gap-3 sm:grid-cols-4 sm:items-start">
        <FormField label="Group (as sent in the groups claim)" error={fe.group}><Input value={group} onChange={(e) => setGroup(e.target.value)} placeholder="mcp-finance" /></FormField>
        <FormField label="Role" error={fe.role}><Select value={role} onChange={(e) => setRole(e.target.value)} options={[{ value: '', label: 'No role' }, ...roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]} /></FormField>
        <FormField label="Team" error={fe.teamId}><Select value={teamId} onChange={(e) => setTeamId(e.target.value)} options={[{ value: '', label: 'No team' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]} /></FormField>
        <Button type="submit" className="sm:mt-6" disabled={pending}>{pending ? 'Saving…' : 'Save mapping'}</Button>
      </form>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      {mappings.length === 0 ? (
        <EmptyState icon={<KeyRound />} title="No group mappings" description="Map an identity-provider group to a role, a team, or both." />
      ) : (
        <Table>
          <THead><TR><TH>Group</TH><TH>Role</TH><TH>Team</TH><TH className="text-right">Actions</TH></TR></THead>
          <TBody>
            {mappings.map((m) => (
              <TR key={m.id}>
                <TD><code>{m.group}</code></TD>
                <TD>{m.role ? ROLE_LABELS[m.role] : '—'}</TD>
                <TD>{teamName(m.teamId)}</TD>
                <TD className="text-right">
                  <ConfirmAction label="Delete" title={`Delete the mapping of ${m.group}?`} description="Users keep what it gave them until their next SSO sign-in." confirmLabel="Delete mapping" action={deleteSsoGroupMappingAction} input={{ tenantId, mappingId: m.id }} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
