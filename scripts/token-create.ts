// npm run token:create -- --tenant acme --name my-agent [--team support] [--user email] [--scopes a,b]
//                         [--expires-in 30d] [--rpm 60] [--per-day 1000]
// Creates an agent token (works while the server runs, also on the embedded database) and prints the token alone
// on the last line. The token is shown only here: only its SHA-256 is stored.
import { parseArgs } from 'node:util';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { disconnectDb, getDb } from '@/lib/server/db/client';
import { createAgentToken } from '@/lib/services/agent-tokens/create-agent-token';

const USAGE = 'Usage: npm run token:create -- --tenant <slug> --name <name> [--team <name|id>] [--user <email>] [--scopes a,b] [--expires-in 30d] [--rpm N] [--per-day N]';

async function main() {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' }, name: { type: 'string' }, team: { type: 'string' }, user: { type: 'string' },
      scopes: { type: 'string' }, 'expires-in': { type: 'string' }, rpm: { type: 'string' }, 'per-day': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  if (!values.tenant || !values.name) throw new Error(`--tenant and --name are required.\n${USAGE}`);
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { slug: values.tenant }, select: { id: true, slug: true } });
  if (!tenant) throw new Error(`Unknown tenant "${values.tenant}".`);
  let teamId: string | undefined;
  if (values.team) {
    const team = await db.team.findFirst({
      where: { tenantId: tenant.id, OR: [{ id: values.team }, { name: { equals: values.team, mode: 'insensitive' } }] },
      select: { id: true },
    });
    if (!team) throw new Error(`Unknown team "${values.team}" in tenant ${tenant.slug}.`);
    teamId = team.id;
  }
  let userId: string | undefined;
  if (values.user) {
    const user = await db.user.findFirst({ where: { tenantId: tenant.id, email: values.user.toLowerCase() }, select: { id: true } });
    if (!user) throw new Error(`Unknown user "${values.user}" in tenant ${tenant.slug}.`);
    userId = user.id;
  }
  const actor: Actor = { kind: 'system', id: 'cli', label: `cli:${process.env.USER ?? 'operator'}`, tenantId: null, teamIds: [], roles: ['platform_admin'], via: 'cli', ip: null };
  const { token, record } = await createAgentToken({
    actor, tenantId: tenant.id, name: values.name, teamId, userId, scopes: values.scopes ?? [],
    expiresIn: values['expires-in'], requestsPerMinute: values.rpm, callsPerDay: values['per-day'],
  } as Parameters<typeof createAgentToken>[0]);
  console.error(`Created token "${record.name}" (${record.prefix}…) for tenant ${tenant.slug}${record.team ? `, team ${record.team.name}` : ''}` +
    `${record.scopes.length ? `, scopes ${record.scopes.join(',')}` : ', all tenant tools'}${record.expiresAt ? `, expires ${record.expiresAt}` : ''}. It is shown once:`);
  console.log(token);
}

main()
  .then(() => disconnectDb())
  .then(
    () => process.exit(0),
    (e: unknown) => {
      if (isAppError(e)) console.error(`${e.userMessage}${e.fieldErrors ? ` ${JSON.stringify(e.fieldErrors)}` : ''}`);
      else if (e && typeof e === 'object' && 'issues' in e) console.error((e as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      else console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
