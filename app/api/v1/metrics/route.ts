// GET /api/v1/metrics?window=1h|24h|7d|30d
// The Metrics page as JSON for integrations: totals, per tool × tenant, time series, latency per tool, cost, SLOs,
// incidents and KPIs, read from the rollups. Same policy as the page (metrics.read; tenant members see their tenant).
import { ZMetricsQuery } from '@/lib/schemas/metrics';
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { findMetricsPage } from '@/lib/services/metrics/find-metrics-page';
import { parseQuery } from '../tools/parse-query';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const { window } = parseQuery(ZMetricsQuery, req.url);
    return findMetricsPage({ actor, window });
  });
}
