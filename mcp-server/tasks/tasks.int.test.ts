// MCP tasks for held calls, on the raw wire of both eras: 2025-11-25 (task-augmented tools/call, tasks/get, result,
// list, cancel) and the 2026-07-28 extension io.modelcontextprotocol/tasks (CreateTaskResult with resultType "task",
// tasks/get with the result inlined, tasks/cancel acknowledgements, Mcp-Name routing header).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant } from '@/lib/testing/fresh-tenant';
import { rawPost, tokenFor } from '@/lib/testing/mcp';
import { decideAndRun } from '@/mcp-server/approvals/decide-and-run';

const TASKS = 'io.modelcontextprotocol/tasks';
const HOLD_TITLE = 'IT tasks: hold this ticket';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function parse(res: Response): Promise<Json> {
  const text = await res.text();
  if (!(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) return JSON.parse(text) as Json;
  const messages = text.split('\n').filter((l) => l.startsWith('data:')).map((l) => JSON.parse(l.slice(5)) as Json);
  return messages.find((m) => 'result' in m || 'error' in m)!;
}

let nextId = 1;
/** A 2025-11-25 request (stateless: no session, the protocol version header). */
async function legacy(token: string, method: string, params: Json = {}): Promise<Json> {
  const res = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }), { authorization: `Bearer ${token}`, 'mcp-protocol-version': '2025-11-25' });
  return { status: res.status, ...(await parse(res)) };
}

/** A 2026-07-28 request: per-request envelope, standard headers (Mcp-Name mirrors the tool name or the task id). */
async function modern(token: string, method: string, params: Json = {}, opts: { ext?: boolean; headers?: Record<string, string> } = {}): Promise<Json> {
  const envelope = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': opts.ext === false ? {} : { extensions: { [TASKS]: {} } },
  };
  const name = (params.name ?? params.taskId) as string | undefined;
  const headers = { authorization: `Bearer ${token}`, 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(name ? { 'mcp-name': name } : {}), ...opts.headers };
  const res = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params: { ...params, _meta: envelope } }), headers);
  return { status: res.status, ...(await parse(res)) };
}

let operator: Actor;
let ticketToken: string;
let invoiceIds: number[] = [];
async function freshInvoice(): Promise<number> {
  const [row] = await (await getDb()).$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO ds_acme.invoices (order_id, customer_id, amount, status) SELECT id, customer_id, 100::numeric, 'paid' FROM ds_acme.orders ORDER BY id LIMIT 1 RETURNING id`);
  invoiceIds.push(row!.id);
  return row!.id;
}
const refund = async () => ({ name: 'payment_refund', arguments: { invoiceId: await freshInvoice(), amount: 10, reason: 'Damaged parcel' } });

beforeAll(async () => {
  const db = await getDb();
  operator = await actorFor('operator@acme.example');
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const refundTool = await db.tool.findUniqueOrThrow({ where: { slug: 'payment_refund' } });
  await db.tenantToolPolicy.update({ where: { tenantId_toolId: { tenantId: acme.id, toolId: refundTool.id } }, data: { requestsPerMinute: 10_000 } });
  // In a tenant of its own (the demo tenants' listings stay as other suites expect them), ticket_create can be held
  // (one title only): a task-augmented call of it that is not held runs at once.
  const fresh = await createFreshTenant('tasks');
  const ticket = await db.tool.findUniqueOrThrow({ where: { slug: 'ticket_create' } });
  await db.toolActivation.create({ data: { tenantId: fresh.tenant.id, toolId: ticket.id, scope: 'tenant', scopeKey: 'tenant', enabled: true, reason: 'tasks test' } });
  await db.tenantToolPolicy.create({ data: { tenantId: fresh.tenant.id, toolId: ticket.id, approvalMode: 'conditional', approvalCondition: { field: 'title', op: 'eq', value: HOLD_TITLE } } });
  ticketToken = (await tokenFor(fresh.tenant.slug, { name: 'tasks-tickets' })).token;
});

afterAll(() => {
  invoiceIds = [];
});

describe('2025-11-25 tasks (experimental)', () => {
  let finance: string;
  let other: string;
  beforeAll(async () => {
    finance = (await tokenFor('acme', { team: 'Finance', name: 'tasks-finance-legacy' })).token;
    other = (await tokenFor('acme', { name: 'tasks-other-legacy' })).token;
  });
  const heldTask = async (): Promise<Json> => {
    const r = await legacy(finance, 'tools/call', { ...(await refund()), task: { ttl: 60_000 } });
    expect(r.error).toBeUndefined();
    return r.result.task as Json;
  };

  it('declares the tasks capability, and marks the tools that can be held as task-capable', async () => {
    const init = await legacy(finance, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
    expect(init.result.capabilities.tasks).toEqual({ list: {}, cancel: {}, requests: { tools: { call: {} } } });
    const tools = (await legacy(finance, 'tools/list')).result.tools as Json[];
    expect(tools.find((t) => t.name === 'payment_refund')!.execution).toEqual({ taskSupport: 'optional' });
    expect(tools.find((t) => t.name === 'ticket_search')!.execution).toBeUndefined();
    const refused = await legacy(finance, 'tools/call', { name: 'ticket_search', arguments: {}, task: { ttl: 1000 } });
    expect(refused.error.code).toBe(-32601);
  });

  it('a held call answers a working task, durable at once; tasks/list shows it to its caller only', async () => {
    const task = await heldTask();
    expect(task).toMatchObject({ status: 'working', pollInterval: 5000 });
    expect(task.statusMessage).toMatch(/Awaiting an operator's approval/);
    expect(task.ttl).toBeGreaterThanOrEqual(60_000);
    expect(Date.parse(task.createdAt)).not.toBeNaN();
    const got = await legacy(finance, 'tasks/get', { taskId: task.taskId });
    expect(got.result).toMatchObject({ taskId: task.taskId, status: 'working' });
    const listed = (await legacy(finance, 'tasks/list')).result.tasks as Json[];
    expect(listed.map((t) => t.taskId)).toContain(task.taskId);
    expect(((await legacy(other, 'tasks/list')).result.tasks as Json[]).map((t) => t.taskId)).not.toContain(task.taskId);
  });

  it('another token gets "not found", exactly like an unknown id, and cannot cancel it', async () => {
    const task = await heldTask();
    for (const method of ['tasks/get', 'tasks/result', 'tasks/cancel']) {
      const foreign = await legacy(other, method, { taskId: task.taskId });
      const unknown = await legacy(finance, method, { taskId: 'no-such-task' });
      expect(foreign.error).toMatchObject({ code: -32602, message: `Task not found: ${task.taskId}` });
      expect(unknown.error).toMatchObject({ code: -32602, message: 'Task not found: no-such-task' });
    }
    expect((await legacy(finance, 'tasks/get', { taskId: task.taskId })).result.status).toBe('working');
  });

  it("an operator's approval completes the task; tasks/result returns the tool's real result", async () => {
    const task = await heldTask();
    const pendingResult = legacy(finance, 'tasks/result', { taskId: task.taskId }); // blocks until terminal
    await decideAndRun({ actor: operator, id: task.taskId, decision: 'approve', reason: '' });
    expect((await legacy(finance, 'tasks/get', { taskId: task.taskId })).result.status).toBe('completed');
    const r = (await pendingResult).result;
    expect(r.isError).toBe(false);
    expect(r.structuredContent).toMatchObject({ invoiceId: expect.any(Number) });
    expect(r._meta['io.modelcontextprotocol/related-task']).toEqual({ taskId: task.taskId });
  });

  it('a denial completes the task with an isError result carrying the reason', async () => {
    const task = await heldTask();
    await decideAndRun({ actor: operator, id: task.taskId, decision: 'deny', reason: 'Refund policy says no' });
    expect((await legacy(finance, 'tasks/get', { taskId: task.taskId })).result.status).toBe('completed');
    const r = (await legacy(finance, 'tasks/result', { taskId: task.taskId })).result;
    expect(r.isError).toBe(true);
    expect(r.content[0].text).toMatch(/denied payment_refund: Refund policy says no/);
    const cancelTerminal = await legacy(finance, 'tasks/cancel', { taskId: task.taskId });
    expect(cancelTerminal.error.code).toBe(-32602);
  });

  it('tasks/cancel withdraws a pending call: cancelled, and its result says it did not run', async () => {
    const task = await heldTask();
    const c = await legacy(finance, 'tasks/cancel', { taskId: task.taskId });
    expect(c.result).toMatchObject({ taskId: task.taskId, status: 'cancelled' });
    expect((await legacy(finance, 'tasks/get', { taskId: task.taskId })).result.status).toBe('cancelled');
    const r = (await legacy(finance, 'tasks/result', { taskId: task.taskId })).result;
    expect(r).toMatchObject({ isError: true });
    expect(r.content[0].text).toMatch(/withdrawn/);
    expect((await legacy(finance, 'tasks/cancel', { taskId: task.taskId })).error.code).toBe(-32602);
  });

  it('a task-augmented call that is not held runs at once: a completed task whose result tasks/result returns', async () => {
    const args = { title: 'IT tasks: runs at once', body: 'x', requester: 'a@acme-customers.example' };
    const r = await legacy(ticketToken, 'tools/call', { name: 'ticket_create', arguments: args, task: { ttl: 120_000 } });
    expect(r.result.task).toMatchObject({ status: 'completed', ttl: 120_000 });
    const out = (await legacy(ticketToken, 'tasks/result', { taskId: r.result.task.taskId })).result;
    expect(out).toMatchObject({ isError: false, structuredContent: { ticket: { title: args.title } } });
    expect((await legacy(other, 'tasks/get', { taskId: r.result.task.taskId })).error.code).toBe(-32602);
    const held = await legacy(ticketToken, 'tools/call', { name: 'ticket_create', arguments: { ...args, title: HOLD_TITLE }, task: {} });
    expect(held.result.task.status).toBe('working');
  });
});

describe('2026-07-28 tasks extension (io.modelcontextprotocol/tasks)', () => {
  let finance: string;
  let other: string;
  beforeAll(async () => {
    finance = (await tokenFor('acme', { team: 'Finance', name: 'tasks-finance-modern' })).token;
    other = (await tokenFor('globex', { name: 'tasks-other-modern' })).token;
  });
  const heldTask = async (): Promise<Json> => {
    const r = await modern(finance, 'tools/call', await refund());
    expect(r.error).toBeUndefined();
    return r.result as Json;
  };

  it('advertises the extension; a held call of a client that declared it is a flat CreateTaskResult', async () => {
    const discover = await modern(finance, 'server/discover');
    expect(discover.result.capabilities.extensions).toEqual({ [TASKS]: {} });
    expect(discover.result.capabilities.tasks).toBeUndefined();
    const t = await heldTask();
    expect(t).toMatchObject({ resultType: 'task', status: 'working', pollIntervalMs: 5000 });
    expect(t.statusMessage).toMatch(/Awaiting an operator's approval/);
    expect(Number.isInteger(t.ttlMs)).toBe(true);
    for (const key of ['task', 'ttl', 'pollInterval', 'result', 'requestState']) expect(t).not.toHaveProperty(key);
    const got = await modern(finance, 'tasks/get', { taskId: t.taskId });
    expect(got.result).toMatchObject({ resultType: 'complete', taskId: t.taskId, status: 'working' });
    expect(got.result).not.toHaveProperty('result');
  });

  it('without the extension: the held answer as usual, and tasks/* refused with -32021', async () => {
    const r = await modern(finance, 'tools/call', await refund(), { ext: false });
    expect(r.result).toMatchObject({ resultType: 'complete', isError: true });
    expect(r.result._meta.approvalId).toEqual(expect.any(String));
    const get = await modern(finance, 'tasks/get', { taskId: r.result._meta.approvalId }, { ext: false });
    expect(get.error).toMatchObject({ code: -32021, data: { requiredCapabilities: { extensions: { [TASKS]: {} } } } });
  });

  it('approval → completed with the result inlined; denial → completed isError with the reason', async () => {
    const ok = await heldTask();
    await decideAndRun({ actor: operator, id: ok.taskId, decision: 'approve', reason: '' });
    const done = (await modern(finance, 'tasks/get', { taskId: ok.taskId })).result;
    expect(done).toMatchObject({ status: 'completed', result: { isError: false } });
    expect(done.result._meta?.['io.modelcontextprotocol/related-task']).toBeUndefined();
    const no = await heldTask();
    await decideAndRun({ actor: operator, id: no.taskId, decision: 'deny', reason: 'Not this one' });
    const denied = (await modern(finance, 'tasks/get', { taskId: no.taskId })).result;
    expect(denied).toMatchObject({ status: 'completed', result: { isError: true } });
    expect(denied.result.content[0].text).toMatch(/Not this one/);
  });

  it('tasks/cancel: an empty acknowledgement, then cancelled; idempotent on a terminal task', async () => {
    const t = await heldTask();
    const ack = await modern(finance, 'tasks/cancel', { taskId: t.taskId });
    expect(ack.result).toMatchObject({ resultType: 'complete' });
    for (const key of ['taskId', 'status', 'result']) expect(ack.result).not.toHaveProperty(key);
    expect((await modern(finance, 'tasks/get', { taskId: t.taskId })).result.status).toBe('cancelled');
    expect((await modern(finance, 'tasks/cancel', { taskId: t.taskId })).result.resultType).toBe('complete');
  });

  it('another tenant gets -32602 like an unknown id; tasks/result and tasks/list do not exist; Mcp-Name must match', async () => {
    const t = await heldTask();
    expect((await modern(other, 'tasks/get', { taskId: t.taskId })).error.code).toBe(-32602);
    expect((await modern(other, 'tasks/cancel', { taskId: t.taskId })).error.code).toBe(-32602);
    expect((await modern(finance, 'tasks/get', { taskId: 'no-such-task' })).error.code).toBe(-32602);
    expect((await modern(finance, 'tasks/get', { taskId: t.taskId })).result.status).toBe('working');
    expect((await modern(finance, 'tasks/result', { taskId: t.taskId })).error.code).toBe(-32601);
    expect((await modern(finance, 'tasks/list', {})).error.code).toBe(-32601);
    const mismatch = await modern(finance, 'tasks/get', { taskId: t.taskId }, { headers: { 'mcp-name': 'another-task' } });
    expect(mismatch).toMatchObject({ status: 400, error: { code: -32020 } });
  });
});
