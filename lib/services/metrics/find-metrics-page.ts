import 'server-only';
// Everything the Metrics page (and GET /api/v1/metrics) shows for one window, computed at one instant.
import type { Actor } from '@/lib/policy';
import type { TMetricsWindow } from '@/lib/schemas/metrics';
import { findMetricsKpis } from './find-metrics-kpis';
import { findMetricsOverview } from './find-metrics-overview';
import { findTimeToIntegrate } from './find-time-to-integrate';
import { findToolSlos } from './find-tool-slos';
import { WINDOWS } from './rollup-rows';

export async function findMetricsPage({ actor, window, now = Date.now() }: { actor: Actor; window: TMetricsWindow; now?: number }) {
  const [overview, kpis, slo, timeToIntegrate] = await Promise.all([
    findMetricsOverview({ actor, window, now }), findMetricsKpis({ actor, window, now }), findToolSlos({ actor, now }), findTimeToIntegrate({ actor, now }),
  ]);
  return { window, stepMs: WINDOWS[window].stepMs, overview, kpis, slos: slo.slos, incidents: slo.incidents, timeToIntegrate };
}
