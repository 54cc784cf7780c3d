import 'server-only';
// Least privilege for sql_query: one NOLOGIN role per tenant, ds_<slug>_reader, with USAGE on the tenant's schema
// ds_<slug> and SELECT on exactly the tables of the tenant's data scopes. It has nothing on the platform's tables
// (public."User", "AgentToken"…) nor on other tenants' schemas. sql_query switches to it with SET LOCAL ROLE.
//
// syncDatasetGrants() makes the grants match the scopes: call it whenever a tenant's data scopes change (the policy
// service) and after a dataset is created; sql_query also verifies the grants on every call (a cheap catalogue read,
// under a shared lock this function takes exclusively) and re-syncs when they differ from the caller's scopes.
// Roles are cluster-wide in PostgreSQL (privileges are per database); the platform's database user needs CREATEROLE
// (superuser in development and on the embedded database).
import { Prisma } from '@/lib/generated/prisma/client';
import { DATA_SCOPES } from '@/lib/schemas/tenant-policy';
import { datasetSchema } from '@/lib/server/seed/dataset';
import { inTransaction, pgError, type Db } from './shared';
import { ToolRefusal } from './types';

export type DataTable = (typeof DATA_SCOPES)[number];

export function readerRole(tenantSlug: string): string {
  return `${datasetSchema(tenantSlug)}_reader`;
}

export interface GrantState {
  schemaExists: boolean;
  roleExists: boolean;
  granted: DataTable[];
  tables: DataTable[];
}

export async function readGrantState(db: Db, tenantSlug: string): Promise<GrantState> {
  const schema = datasetSchema(tenantSlug);
  const role = readerRole(tenantSlug);
  const [head] = await db.$queryRaw<[{ schema_exists: boolean; role_exists: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ${schema}) AS schema_exists,
           EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${role}) AS role_exists`;
  if (!head.schema_exists) return { schemaExists: false, roleExists: head.role_exists, granted: [], tables: [] };
  const rows = await db.$queryRaw<{ name: DataTable; granted: boolean | null }[]>`
    SELECT c.relname AS name,
           CASE WHEN ${head.role_exists} THEN has_table_privilege(${role}, c.oid, 'SELECT') END AS granted
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'v') AND c.relname IN (${Prisma.join([...DATA_SCOPES])})
    ORDER BY c.relname`;
  let usage = false;
  if (head.role_exists) {
    const [u] = await db.$queryRaw<[{ usage: boolean }]>`SELECT has_schema_privilege(${role}, ${schema}, 'USAGE') AS usage`;
    usage = u.usage;
  }
  return {
    schemaExists: true,
    roleExists: head.role_exists && usage,
    granted: rows.filter((r) => r.granted === true).map((r) => r.name),
    tables: rows.map((r) => r.name),
  };
}

export function grantsMatch(state: GrantState, scopes: readonly string[]): boolean {
  const wanted = state.tables.filter((t) => scopes.includes(t));
  return state.roleExists && wanted.length === state.granted.length && wanted.every((t) => state.granted.includes(t));
}

/**
 * Creates the tenant's reader role if needed and grants SELECT on the tables in `scopes` (and only those).
 * Idempotent and safe under concurrency (a per-tenant advisory lock serialises the catalogue updates).
 */
export async function syncDatasetGrants(db: Db, tenantSlug: string, scopes: readonly string[]): Promise<GrantState> {
  const unknown = scopes.filter((s) => !(DATA_SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new ToolRefusal('INVALID', `Unknown data scope(s): ${unknown.join(', ')} (known: ${DATA_SCOPES.join(', ')}).`);
  const schema = datasetSchema(tenantSlug);
  const role = readerRole(tenantSlug);
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dataset_grants'), hashtext(${tenantSlug}))`;
        const state = await readGrantState(tx, tenantSlug);
        if (!state.schemaExists) throw new ToolRefusal('NOT_CONFIGURED', `Tenant "${tenantSlug}" has no dataset (schema ${schema} does not exist).`);
        // Identifiers come from datasetSchema()'s validated slug ([a-z0-9_]), never from tool input.
        await tx.$executeRawUnsafe(`DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            CREATE ROLE "${role}" NOLOGIN NOINHERIT;
          END IF;
          -- A non-superuser platform user (CREATEROLE) must be able to SET ROLE to it (PostgreSQL 16+ does not grant
          -- that to the creator by default).
          IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            EXECUTE format('GRANT %I TO %I', '${role}', current_user);
          END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$`);
        await tx.$executeRawUnsafe(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
        for (const table of state.tables) {
          if (scopes.includes(table)) await tx.$executeRawUnsafe(`GRANT SELECT ON "${schema}"."${table}" TO "${role}"`);
          else await tx.$executeRawUnsafe(`REVOKE ALL ON "${schema}"."${table}" FROM "${role}"`);
        }
        return readGrantState(tx, tenantSlug);
      });
    } catch (e) {
      // Concurrent GRANTs from another process ("tuple concurrently updated") or role creation races: retry.
      const code = pgError(e)?.code;
      if (attempt < 3 && (code === 'XX000' || code === '40001' || code === '40P01' || code === '23505' || code === '42710')) continue;
      throw e;
    }
  }
}
