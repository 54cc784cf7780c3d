import 'server-only';
// Prometheus metrics of this process (prom-client), scraped at /api/metrics. One registry per process, kept on
// globalThis: the production server loads the /mcp pipeline outside Next's bundle, so two copies of this module may
// run in one process and must count into the same series.
import client from 'prom-client';
import { getPgPool } from '@/lib/server/db/client';

interface Metrics {
  registry: client.Registry;
  toolCalls: client.Counter<'tenant' | 'tool' | 'outcome'>;
  toolErrors: client.Counter<'tenant' | 'tool' | 'code'>;
  toolLatency: client.Histogram<'tenant' | 'tool'>;
  rateLimited: client.Counter<'tenant' | 'tool'>;
  approvals: client.Counter<'tenant' | 'tool' | 'event'>;
}

const g = globalThis as unknown as { __platformMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    toolCalls: new client.Counter({ name: 'mcp_tool_calls_total', help: 'Tool calls through /mcp by outcome (success, denied, error, pending_approval).', labelNames: ['tenant', 'tool', 'outcome'], registers }),
    toolErrors: new client.Counter({ name: 'mcp_tool_call_errors_total', help: 'Refused or failed tool calls by error code.', labelNames: ['tenant', 'tool', 'code'], registers }),
    toolLatency: new client.Histogram({
      name: 'mcp_tool_call_duration_seconds', help: 'Latency of answered tool calls (held calls excluded).', labelNames: ['tenant', 'tool'], registers,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    rateLimited: new client.Counter({ name: 'mcp_rate_limit_refusals_total', help: 'Calls refused by a rate limit or quota.', labelNames: ['tenant', 'tool'], registers }),
    approvals: new client.Counter({ name: 'mcp_approval_events_total', help: 'Human-in-the-loop events: held, approved, denied, expired, executed, void.', labelNames: ['tenant', 'tool', 'event'], registers }),
  };
  new client.Gauge({
    name: 'db_pool_connections', help: 'Connections of the /mcp PostgreSQL pool by state.', labelNames: ['state'], registers,
    async collect() {
      const pool = await getPgPool();
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new client.Gauge({
    name: 'audit_unsealed_events', help: 'Audit events not yet sealed into the hash chain (the sealer lag).', registers,
    async collect() {
      const pool = await getPgPool();
      const { rows } = await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM "AuditEvent" WHERE "seq" > (SELECT coalesce(max("seq"), 0) FROM "AuditSeal")');
      this.set(Number(rows[0]?.n ?? 0));
    },
  });
  return metrics;
}

export function metrics(): Metrics {
  g.__platformMetrics ??= create();
  return g.__platformMetrics;
}

/** Counts one /mcp tool call from its audit record (the one place every call passes). */
export function countToolCall(c: { tenant: string; tool: string; outcome: string; errorCode?: string | null; latencyMs: number }): void {
  const m = metrics();
  const labels = { tenant: c.tenant, tool: c.tool };
  m.toolCalls.inc({ ...labels, outcome: c.outcome });
  if (c.errorCode) m.toolErrors.inc({ ...labels, code: c.errorCode });
  if (c.errorCode === 'RATE_LIMITED') m.rateLimited.inc(labels);
  if (c.outcome === 'pending_approval') m.approvals.inc({ ...labels, event: 'held' });
  else m.toolLatency.observe(labels, c.latencyMs / 1000);
}

export function countApprovalEvent(tenant: string, tool: string, event: 'approved' | 'denied' | 'expired' | 'executed' | 'void' | 'cancelled'): void {
  metrics().approvals.inc({ tenant, tool, event });
}
