import 'server-only';
// Who may scrape /api/metrics: a Prometheus holding METRICS_TOKEN (Authorization: Bearer). Without the variable the
// endpoint is off (404): metrics name tenants and tools, so they are never public by default.
import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '@/lib/server/crypto';

export type MetricsAccess = 'ok' | 'off' | 'refused';

export function metricsAccess(authorization: string | null, token: string | undefined): MetricsAccess {
  if (!token) return 'off';
  const m = /^Bearer[ \t]+(\S+)$/i.exec(authorization ?? '');
  if (!m) return 'refused';
  // Compared as digests: equal lengths for timingSafeEqual, nothing learned from the time taken.
  return timingSafeEqual(Buffer.from(sha256(m[1]!), 'hex'), Buffer.from(sha256(token), 'hex')) ? 'ok' : 'refused';
}
