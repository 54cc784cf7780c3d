// The Prometheus series follow real /mcp calls: outcomes, error codes, latency (held calls excluded), approvals.
import { describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/client';
import { metrics } from '@/lib/server/metrics';
import { connect, tokenFor } from '@/lib/testing/mcp';

const value = async (name: string, labels: Record<string, string>) => {
  const m = (await metrics().registry.getMetricsAsJSON()).find((x) => x.name === name);
  const v = m?.values.find((x) => Object.entries(labels).every(([k, want]) => x.labels[k] === want));
  return v?.value ?? 0;
};

describe('metrics', () => {
  it('count calls by tenant, tool and outcome, refusals by code, latency of answered calls, held calls as approvals', async () => {
    const agent: Client = await connect((await tokenFor('acme', { team: 'Finance', name: `metrics-${Date.now()}` })).token);
    const before = {
      ok: await value('mcp_tool_calls_total', { tenant: 'acme', tool: 'kb_search', outcome: 'success' }),
      invalid: await value('mcp_tool_call_errors_total', { tenant: 'acme', tool: 'kb_search', code: 'INVALID_ARGUMENTS' }),
      held: await value('mcp_approval_events_total', { tenant: 'acme', tool: 'payment_refund', event: 'held' }),
      unknown: await value('mcp_tool_calls_total', { tenant: 'acme', tool: '(not resolved)', outcome: 'denied' }),
    };
    await agent.callTool({ name: 'kb_search', arguments: { query: 'refund' } });
    await agent.callTool({ name: 'kb_search', arguments: { query: 'x' } }); // too short: refused by the schema
    await agent.callTool({ name: 'payment_refund', arguments: { invoiceId: 1, amount: 1, reason: 'metrics test' } });
    await agent.callTool({ name: `made_up_${Date.now()}`, arguments: {} }).catch(() => undefined);
    await agent.close();
    expect(await value('mcp_tool_calls_total', { tenant: 'acme', tool: 'kb_search', outcome: 'success' })).toBe(before.ok + 1);
    expect(await value('mcp_tool_call_errors_total', { tenant: 'acme', tool: 'kb_search', code: 'INVALID_ARGUMENTS' })).toBe(before.invalid + 1);
    expect(await value('mcp_approval_events_total', { tenant: 'acme', tool: 'payment_refund', event: 'held' })).toBe(before.held + 1);
    // A name the caller made up never becomes a label of its own.
    expect(await value('mcp_tool_calls_total', { tenant: 'acme', tool: '(not resolved)', outcome: 'denied' })).toBe(before.unknown + 1);
    const text = await metrics().registry.metrics();
    expect(text).not.toMatch(/made_up_/);
    expect(text).toMatch(/mcp_tool_call_duration_seconds_bucket\{le="[\d.]+",tenant="acme",tool="kb_search"\}/);
    expect(text).toMatch(/db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/audit_unsealed_events \d+/);
  });
});
