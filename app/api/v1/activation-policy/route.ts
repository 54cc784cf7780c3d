// GET  /api/v1/activation-policy[?tenant=acme]   export in the plan's format (a JSON array of documents)
// POST /api/v1/activation-policy[?dryRun=1]      import: the body is the document (or a list of them) as JSON text.
//   200 { ok: true, applied, changes, unchanged }  (applied: false for a dry run)
//   422 { error: { code: "VALIDATION", message, issues: [{ line, column, path, message }] } }: nothing applied
import { NextResponse } from 'next/server';
import { AppError } from '@/lib/errors';
import { MAX_IMPORT_BYTES, ZImportActivationInput } from '@/lib/schemas/activation';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runRoute } from '@/lib/server/boundary';
import { exportActivationPolicy } from '@/lib/services/activation/export-activation-policy';
import { importActivationPolicy } from '@/lib/services/activation/import-activation-policy';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const tenant = new URL(req.url).searchParams.get('tenant');
    const docs = await exportActivationPolicy({ actor, tenant });
    const name = `activation-policy-${tenant ?? actor.tenantSlug ?? 'all'}.json`;
    return new NextResponse(JSON.stringify(docs, null, 2) + '\n', {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
    });
  });
}

export function POST(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const declared = Number(req.headers.get('content-length') ?? 0);
    if (declared > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { userMessage: 'The document is larger than 1 MiB.' });
    const dry = new URL(req.url).searchParams.get('dryRun');
    const dryRun = dry === '1' || dry === 'true';
    const { text } = parseInput(ZImportActivationInput, { text: await req.text() });
    const r = await importActivationPolicy({ actor, text, dryRun });
    if (!r.ok) {
      const first = r.issues[0]!;
      return NextResponse.json(
        { error: { code: 'VALIDATION', message: `Line ${first.line}, column ${first.column}${first.path ? ` (${first.path})` : ''}: ${first.message} Nothing was applied.`, issues: r.issues } },
        { status: 422 },
      );
    }
    return { ok: true, applied: !dryRun, changes: r.changes, unchanged: r.unchanged };
  });
}
