// GET /api/metrics — Prometheus exposition of this process (calls, errors, denials, approvals, latency per tool and
// tenant, rate-limit refusals, audit sealer lag, database pool), for a scraper holding METRICS_TOKEN.
import { env } from '@/lib/server/env';
import { metricsAccess } from '@/lib/server/metrics-access';
import { metrics } from '@/lib/server/metrics';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const access = metricsAccess(req.headers.get('authorization'), env().METRICS_TOKEN);
  if (access === 'off') return Response.json({ error: { code: 'NOT_FOUND', message: 'Metrics are off: set METRICS_TOKEN to serve them.' } }, { status: 404 });
  if (access === 'refused') {
    return Response.json({ error: { code: 'UNAUTHENTICATED', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' } }, { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
