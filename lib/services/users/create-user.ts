import 'server-only';
// Creates a user in a tenant (or platform staff, for platform admins) with roles and teams, then either sends an
// invitation link (emailed through the relay, else shown once) or sets the initial password the admin chose.
// Another tenant's id is answered like an unknown one.
import { AppError } from '@/lib/errors';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { ZCreateUserInput, type TCreateUserInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { hashPassword } from '@/lib/server/crypto';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { issueAccountLink, type IssuedLink } from '@/lib/services/invitations/account-link';
import { deliverAccountLink, type LinkDelivery } from '@/lib/services/invitations/send-account-link';
import { assertAssignableRoles, assertTeamsOfTenant, userDto } from './shared';

export async function createUser({ actor, ...raw }: TCreateUserInput & { actor: Actor }): Promise<{ user: ReturnType<typeof userDto>; link: LinkDelivery | null }> {
  assertCan(actor, 'user.manage');
  const input = parseInput(ZCreateUserInput, raw);
  if (!canCrossTenants(actor) && input.tenantId !== actor.tenantId) {
    if (input.tenantId === null) assertAssignableRoles(actor, null, input.roles);
    throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
  }
  const passwordHash = input.mode === 'password' ? await hashPassword(input.password!) : null;
  const db = await getDb();
  let issued: IssuedLink | null = null;
  const { user, tenantName } = await db.$transaction(async (tx) => {
    const tenant = input.tenantId ? await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, name: true } }) : null;
    if (input.tenantId && !tenant) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    assertAssignableRoles(actor, input.tenantId, input.roles);
    await assertTeamsOfTenant(tx, input.tenantId, input.teamIds);
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError('CONFLICT', { userMessage: 'A user with this email address already exists.', fieldErrors: { email: ['A user with this email address already exists.'] } });
    }
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, tenantId: input.tenantId, roles: input.roles, passwordHash, teams: { create: input.teamIds.map((teamId) => ({ teamId })) } },
      include: { teams: true },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: input.tenantId, action: 'user.created', resourceType: 'user', resourceId: created.id,
      details: { email: created.email, roles: input.roles, teamIds: input.teamIds, mode: input.mode },
    });
    if (input.mode === 'invite') issued = await issueAccountLink(tx, actor, created, 'invite');
    return { user: created, tenantName: tenant?.name ?? null };
  });
  const link = issued ? await deliverAccountLink(issued, user, tenantName) : null;
  return { user: userDto(user), link };
}
