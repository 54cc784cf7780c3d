// Federation through the portal: a platform admin trusts the loopback address for a tenant of their own making,
// registers an upstream MCP server (the SDK's McpServer over node http, started here on loopback), discovers it, and
// sees it reachable with its tool waiting on the candidates board. Everything is created under unique names in a
// fresh tenant, so parallel tests (and the demo tenants) never see it. Then: the admin area refuses with real statuses.
import { randomBytes } from 'node:crypto';
import { startUpstreamStub, type UpstreamStub } from '../lib/testing/upstream-server';
import { expect, pageAs, test } from './fixtures';

const id = randomBytes(3).toString('hex');
let stub: UpstreamStub;

test.beforeAll(async () => {
  // Its one tool's description carries this run's id, so the candidates board finds exactly this server's candidate.
  stub = await startUpstreamStub({ description: `Find a CRM contact by email (e2e ${id})` });
});
test.afterAll(async () => {
  await stub?.close();
});

test('a platform admin trusts loopback, registers an upstream server, discovers it and sees its tool as a candidate', async ({ browser }) => {
  test.setTimeout(120_000);
  const tenantName = `Federation ${id}`;
  const serverName = `Loopback CRM ${id}`;
  const namespace = `fed_${id}`;
  const note = `e2e upstream stand-in ${id}`;
  const admin = await pageAs(browser, 'admin');

  // A tenant of its own: its trusted host and its upstream touch no demo tenant.
  await admin.goto('/admin');
  await admin.getByRole('button', { name: 'New tenant' }).click();
  const newTenant = admin.getByRole('dialog');
  await newTenant.getByLabel('Name').fill(tenantName);
  await newTenant.getByRole('button', { name: 'Create tenant' }).click();
  await expect(admin).toHaveURL(/\/admin\/tenants\/[^/?]+$/);

  // Trust the loopback address for that tenant only; the list shows it with its scope and note.
  await admin.goto('/admin/trusted-hosts');
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Trusted internal hosts');
  await admin.getByRole('button', { name: 'Trust a host' }).click();
  const trust = admin.getByRole('dialog');
  await trust.getByRole('button', { name: 'Trust host' }).click();
  await expect(trust.getByRole('alert').first()).toBeVisible();
  await trust.getByLabel('Host, IP address or CIDR range').fill('127.0.0.1');
  await trust.getByLabel('Applies to').selectOption({ label: tenantName });
  await trust.getByLabel('Why it is trusted').fill(note);
  await trust.getByRole('button', { name: 'Trust host' }).click();
  await expect(trust).toBeHidden();
  const hostRow = admin.getByRole('row').filter({ hasText: note });
  await expect(hostRow).toHaveCount(1);
  await expect(hostRow).toContainText('127.0.0.1');
  await expect(hostRow).toContainText(tenantName);
  // Searching the list by the note finds that one row; a search for nothing shows the empty state.
  await admin.getByRole('searchbox', { name: 'Search hosts or notes' }).fill(id);
  await admin.getByRole('button', { name: 'Apply' }).click();
  await expect(admin).toHaveURL(new RegExp(`[?&]q=${id}`));
  await expect(admin.getByTestId('trusted-host-127.0.0.1')).toHaveCount(1);
  await expect(admin.getByTestId('trusted-host-127.0.0.1')).toContainText(tenantName);
  await admin.goto(`/admin/trusted-hosts?q=no-such-host-${id}`);
  await expect(admin.getByText('No trusted host matches this search')).toBeVisible();

  // Register the server for that tenant: the form checks the namespace first.
  await admin.getByRole('navigation', { name: 'Federation' }).getByRole('link', { name: 'Upstream servers' }).click();
  await expect(admin).toHaveURL(/\/admin\/upstreams$/);
  await admin.getByRole('button', { name: 'Register server' }).click();
  const register = admin.getByRole('dialog');
  await register.getByLabel('Serves').selectOption({ label: tenantName });
  await register.getByRole('textbox', { name: 'Name', exact: true }).fill(serverName);
  await register.getByLabel('Namespace').fill('9 bad');
  await register.getByLabel('MCP endpoint URL').fill(stub.url);
  await register.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(register.getByText(/The namespace must be 2–31 characters/)).toBeVisible();
  await register.getByLabel('Namespace').fill(namespace);
  await register.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/upstreams\/[^/?]+$/);
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(serverName);
  await expect(admin.getByText('Not checked yet')).toBeVisible();
  await expect(admin.getByText('No tools discovered yet.')).toBeVisible();

  // Discover: reached on loopback (trusted for this tenant), one tool offered, now a candidate in review.
  await admin.getByRole('button', { name: 'Discover now' }).click();
  await expect(admin.getByText(/^Reached in \d+ ms: 1 tool offered\.$/)).toBeVisible();
  await expect(admin.getByText(/^Reachable · \d+ ms$/)).toBeVisible();
  const tools = admin.getByRole('region', { name: 'Tools' });
  const toolRow = tools.getByRole('row').filter({ hasText: 'lookup_contact' });
  await expect(toolRow.getByRole('link', { name: `${namespace}.lookup_contact` })).toBeVisible();
  await expect(toolRow).toContainText('in review');
  await expect(toolRow).toContainText('new candidate in review');
  await expect(admin.getByRole('region', { name: 'Resources offered' })).toContainText('crm://price-list');
  await expect(admin.getByRole('region', { name: 'Prompts offered' })).toContainText('summarise_contact');

  // The list shows it reachable, for its tenant, with its one tool.
  await admin.goto(`/admin/upstreams?q=${namespace}`);
  const row = admin.getByTestId(`upstream-row-${namespace}`);
  await expect(row).toContainText(serverName);
  await expect(row).toContainText(tenantName);
  await expect(row).toContainText(/Reachable · \d+ ms/);
  await expect(row.getByRole('cell').last()).toHaveText('1');
  await admin.goto('/admin/upstreams?status=unreachable&q=' + namespace);
  await expect(admin.getByText('No upstream server matches these filters')).toBeVisible();

  // The candidates board lists the discovered tool (no business estimate yet, so it ranks last).
  await admin.goto(`/candidates?q=${encodeURIComponent(`e2e ${id}`)}`);
  const candidate = admin.getByTestId('candidate-row');
  await expect(candidate).toHaveCount(1);
  await expect(candidate.getByRole('link', { name: 'Look up a contact' })).toHaveAttribute('href', `/catalogue/${namespace}.lookup_contact`);
  await expect(candidate).toContainText('Catalogue tool');
  await expect(candidate).toContainText('in review');
  await expect(candidate.getByTestId('candidate-priority')).toHaveText('no estimate');
  await admin.context().close();
});

test.describe('refusals in the admin area', () => {
  // The 403 and 404 answers themselves are logged by Chromium as failed resources: expected here.
  test.use({ expectedConsoleErrors: /status of 40[34]/ });

  test('a requester gets a real 403 on the admin pages and the candidates board', async ({ browser }) => {
    const page = await pageAs(browser, 'acmeRequester');
    for (const path of ['/admin', '/admin/users', '/admin/upstreams', '/admin/trusted-hosts', '/candidates']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('403 — Access denied');
    }
    await page.context().close();
  });

  test('a tenant admin gets 403 on the platform-only pages and 404 for unknown ids; a reviewer reads upstreams', async ({ browser }) => {
    const page = await pageAs(browser, 'acmeTenantAdmin');
    for (const path of ['/admin/users', '/candidates']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('403 — Access denied');
    }
    for (const path of [`/admin/upstreams/no-such-server-${id}`, `/admin/tenants/no-such-tenant-${id}`]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Not found');
    }
    // Their own pages still answer 200 with their content (the loading state stays below the checks).
    const own = await page.goto('/admin/upstreams');
    expect(own?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Upstream MCP servers');
    await page.context().close();

    // Security reviewers read the federation pages (upstream.read), without the management controls.
    const reviewer = await pageAs(browser, 'reviewer');
    for (const [path, title] of [['/admin/upstreams', 'Upstream MCP servers'], ['/admin/trusted-hosts', 'Trusted internal hosts']] as const) {
      const res = await reviewer.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText(title);
    }
    await expect(reviewer.getByRole('button', { name: 'Trust a host' })).toHaveCount(0);
    const users = await reviewer.goto('/admin/users');
    expect(users?.status()).toBe(403);
    await reviewer.context().close();
  });
});
