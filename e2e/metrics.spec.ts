// The Metrics page end to end: the KPIs with their definitions, charts whose labels are all readable (no two tick
// labels overlap, none cut off), the window in the URL, a fresh /mcp call reaching the rollups, and a tenant admin
// who sees only their tenant.
import type { Locator, Page } from '@playwright/test';
import { test, expect, pageAs, storageStateFor } from './fixtures';
import { createToken } from './mcp/agent-token';

test.use({ storageState: storageStateFor('admin') });

const KPIS = ['time-to-integrate', 'tool-reuse', 'escalation-rate', 'cost-per-task', 'incidents'];

interface Box { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Every tick label of every axis of a chart: visible, inside the chart, and clear of its neighbours. */
async function expectReadableTicks(chart: Locator): Promise<number> {
  const svg = chart.locator('.recharts-wrapper > svg.recharts-surface'); // the chart itself, not a legend icon
  await expect(svg).toBeVisible();
  let total = 0;
  // Recharts 3 draws the tick labels in their own layer, outside the axis group.
  for (const axis of ['.recharts-xAxis-tick-labels', '.recharts-yAxis-tick-labels']) {
    await expect(chart.locator(`${axis} .recharts-cartesian-axis-tick-value`).first()).toBeVisible();
    // One snapshot of every label's box (one round trip, not one per label: the page keeps polling meanwhile).
    const { frame, ticks } = await chart.evaluate((el, sel) => {
      const r = (e: Element) => { const b = e.getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; };
      const surface = el.querySelector('.recharts-wrapper > svg.recharts-surface')!;
      return { frame: r(surface), ticks: [...el.querySelectorAll(`${sel} .recharts-cartesian-axis-tick-value`)].map((t) => ({ text: (t.textContent ?? '').trim(), box: r(t) })).filter((t) => t.text) };
    }, axis);
    for (const { text, box } of ticks) {
      expect(box.width, `"${text}" is drawn`).toBeGreaterThan(0);
      expect(box.x, `"${text}" starts inside the chart`).toBeGreaterThanOrEqual(frame.x - 1);
      expect(box.x + box.width, `"${text}" ends inside the chart`).toBeLessThanOrEqual(frame.x + frame.width + 1);
    }
    for (let i = 0; i < ticks.length; i++) {
      for (let j = i + 1; j < ticks.length; j++) expect(overlap(ticks[i]!.box, ticks[j]!.box), `"${ticks[i]!.text}" and "${ticks[j]!.text}" overlap`).toBe(false);
    }
    total += ticks.length;
  }
  return total;
}

async function expectKpis(page: Page) {
  for (const id of KPIS) {
    const card = page.getByTestId(`kpi-${id}`);
    await expect(card).toBeVisible();
    await expect(card.getByTestId('kpi-value')).not.toHaveText('');
    await expect(card.getByTestId('kpi-definition')).toContainText('Definition:');
  }
}

test('the Metrics page shows the KPIs with readable charts', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/metrics');
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
  await expectKpis(page);
  // The demo history: integrations over months, reused tools, held refunds, a kill switch.
  await expect(page.getByTestId('kpi-time-to-integrate').getByTestId('kpi-value')).not.toHaveText('—');
  await expect(page.getByTestId('kpi-escalation-rate').getByTestId('kpi-value')).not.toHaveText('—');
  await expect(page.getByTestId('kpi-cost-per-task').getByTestId('kpi-value')).toHaveText(/^€/);
  await expect(page.getByTestId('incident-row').filter({ hasText: 'http_fetch' })).toBeVisible();
  await expect(page.getByTestId('slo-row').first()).toBeVisible();

  const charts = page.getByTestId('chart');
  await expect(charts).toHaveCount(4); // calls over time, latency per tool, cost per tenant, cost per tool
  for (const chart of await charts.all()) expect(await expectReadableTicks(chart)).toBeGreaterThan(2);

  // Both tenants in the table, with the tenant filter.
  await expect(page.getByTestId('metrics-row').filter({ hasText: 'Acme Corp' }).first()).toBeVisible();
  await expect(page.getByTestId('metrics-row').filter({ hasText: 'Globex Industries' }).first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Tenant', exact: true }).selectOption('globex');
  await expect(page.getByTestId('metrics-row').filter({ hasText: 'Acme Corp' })).toHaveCount(0);
  await page.getByLabel('Search tools and tenants').fill('github');
  await expect(page.getByTestId('metrics-row')).toHaveCount(1);
});

test('the window is in the URL and every window keeps its charts readable', async ({ page }) => {
  test.slow(); // four windows, each re-rendered server-side with its charts
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/metrics');
  for (const w of ['1h', '7d', '30d', '24h']) {
    await page.getByRole('navigation', { name: 'Time window' }).getByRole('link', { name: new RegExp(`: ${w}$`) }).click();
    await expect(page).toHaveURL(new RegExp(`window=${w}`));
    await expect(page.getByRole('link', { name: new RegExp(`: ${w}$`) })).toHaveAttribute('aria-current', 'page');
    await expectKpis(page);
    for (const chart of await page.getByTestId('chart').all()) await expectReadableTicks(chart);
  }
  await page.goto('/metrics?window=2y');
  await expect(page.getByText('Choose a window of 1h, 24h, 7d or 30d.')).toBeVisible();
});

test('a call through /mcp reaches the rollups within seconds', async ({ page, request }) => {
  const token = createToken(['--tenant', 'globex', '--name', `metrics-e2e-${Date.now().toString(36)}`]);
  const count = async () => {
    const res = await page.request.get('/api/v1/metrics?window=1h');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { overview: { rows: { tenant: string; tool: string; calls: number }[] } };
    return body.overview.rows.find((r) => r.tenant === 'globex' && r.tool === 'kb_search')?.calls ?? 0;
  };
  const before = await count();
  const res = await request.post('/mcp', {
    data: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'kb_search', arguments: { query: 'refund policy' } } },
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25', authorization: `Bearer ${token}` },
  });
  expect(res.status()).toBe(200);
  await expect.poll(count, { timeout: 20_000 }).toBe(before + 1);
});

test('a tenant admin sees only their tenant', async ({ browser }) => {
  const page = await pageAs(browser, 'acmeTenantAdmin');
  await page.goto('/metrics?window=30d');
  await expectKpis(page);
  await expect(page.getByTestId('metrics-row').first()).toBeVisible();
  await expect(page.getByText('Globex Industries')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Tenant', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Cost per tenant' })).toHaveCount(0);
  await expect(page.getByTestId('incident-row').filter({ hasText: 'github_search_issues' })).toBeVisible(); // a global kill switch concerns every tenant
  const api = await page.request.get('/api/v1/metrics?window=30d');
  const body = (await api.json()) as { overview: { rows: { tenant: string }[] } };
  expect(new Set(body.overview.rows.map((r) => r.tenant))).toEqual(new Set(['acme']));
  expect((await page.request.get('/api/v1/metrics?window=forever')).status()).toBe(400);
});
