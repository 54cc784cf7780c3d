// Tool onboarding in a day, through the portal: a tool owner declares an HTTP tool against a loopback server (a
// trusted internal host added by the platform admin), two reviewers approve it (high risk), the tenant admin enables
// it for the tenant, and the sandbox calls it through /mcp. The whole path is logged as "time-to-integrate".
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { watchedPageAs } from './helpers-intake';

let server: http.Server;
let port = 0;
const seen: string[] = [];

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    const id = decodeURIComponent((req.url ?? '').split('?')[0]!.split('/').pop() ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ customer: { id, name: 'Ada Lovelace', plan: 'gold' }, internalNote: 'not kept' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test('an owner declares an HTTP tool, it passes review, the tenant admin enables it and the sandbox calls it', async ({ browser }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const name = `crm_lookup_${Date.now().toString(36)}`;

  // The platform admin trusts the loopback address for Acme (private destinations are refused otherwise).
  const admin = await watchedPageAs(browser, 'admin');
  await admin.page.goto('/admin/trusted-hosts?q=127.0.0.1');
  if (!(await admin.page.getByRole('cell', { name: '127.0.0.1', exact: true }).count())) {
    await admin.page.getByRole('button', { name: 'Trust a host' }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel('Host, IP address or CIDR range').fill('127.0.0.1');
    await dialog.getByLabel('Applies to').selectOption({ label: 'Acme Corp' });
    await dialog.getByLabel('Why it is trusted').fill('e2e loopback CRM stand-in');
    await dialog.getByRole('button', { name: 'Trust host' }).click();
    await expect(dialog).toBeHidden();
  }
  await admin.done();

  // The owner declares it: live schema validation and the request preview, then submission.
  const owner = await watchedPageAs(browser, 'acmeOwner');
  await owner.page.goto('/catalogue');
  await owner.page.getByRole('link', { name: 'Declare an HTTP tool' }).click();
  await expect(owner.page.getByRole('heading', { level: 1 })).toHaveText('Declare an HTTP tool');
  const f = owner.page;
  await f.getByLabel('Name').fill(name);
  await f.getByLabel('Title').fill('CRM customer lookup');
  await f.getByLabel('Description for agents').fill('Looks up a customer in the CRM by id and returns the name and plan.');
  await f.getByLabel('Category').fill('crm');
  await f.getByLabel('Owner team').fill('Support');
  await f.getByLabel('Risk level').selectOption('high');
  await f.getByLabel('URL template').fill(`http://127.0.0.1:${port}/customers/{id}`);
  await f.getByLabel('Query parameters').fill('lang = lang');
  await f.getByLabel('Response fields kept').fill('name = /customer/name\nplan = customer.plan');
  await f.getByLabel('Input schema').fill('{"type":"object","properties":{"id":{"type":"strin"}},"required":["id"]}');
  await expect(f.getByText(/must be equal to one of the allowed values|must match/).first()).toBeVisible();
  await f.getByLabel('Input schema').fill(JSON.stringify({ type: 'object', properties: { id: { type: 'string', minLength: 1 }, lang: { type: 'string' } }, required: ['id'], additionalProperties: false }));
  await f.getByLabel('Sample input (JSON)').fill('{"id":"c 42","lang":"fr"}');
  await expect(f.getByTestId('schema-ok')).toBeVisible();
  await expect(f.getByLabel('Request preview')).toContainText(`GET http://127.0.0.1:${port}/customers/c%2042?lang=fr`);
  await expect(f.getByTestId('request-preview')).toContainText('a trusted internal host');
  await f.getByRole('button', { name: 'Submit for security review' }).click();
  await expect(f.getByText(`${name} is waiting for security review`)).toBeVisible();
  const reviewHref = await f.getByTestId('review-link').getAttribute('href');
  await owner.done();

  // Two reviewers (high risk).
  for (const who of ['reviewer', 'reviewer2'] as const) {
    const r = await watchedPageAs(browser, who);
    await r.page.goto(reviewHref!);
    await r.page.getByLabel('Approve and serve').check();
    await r.page.getByRole('button', { name: 'Record decision' }).click();
    await expect(r.page.getByText(who === 'reviewer' ? 'Your approval is recorded' : 'Version 1 is now served')).toBeVisible();
    await r.done();
  }

  // The tenant admin enables it tenant-wide.
  const ta = await watchedPageAs(browser, 'acmeTenantAdmin');
  await ta.page.goto('/activation');
  await ta.page.getByLabel('Filter tools').fill(name);
  const row = ta.page.getByTestId(`tool-row-${name}`);
  await row.getByRole('button', { name: new RegExp(`${name} tenant-wide`) }).click();
  const dialog = ta.page.getByRole('dialog');
  await dialog.getByLabel('Enable').check();
  await dialog.getByLabel('Reason').fill('Support looks up customers while answering tickets');
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog).toBeHidden();

  // The sandbox calls it through /mcp with a short-lived token of the tenant admin's own.
  await ta.page.goto(`/catalogue/${name}`);
  const sandbox = ta.page.getByTestId('sandbox');
  await sandbox.getByLabel('id').fill('c-42');
  await sandbox.getByRole('button', { name: 'Call through /mcp' }).click();
  const result = ta.page.getByTestId('sandbox-result');
  await expect(result).toContainText('Success');
  await expect(result.getByLabel('Result')).toContainText('Ada Lovelace');
  await expect(result.getByLabel('Result')).not.toContainText('not kept');
  await expect(ta.page.getByTestId('sandbox-latency')).toHaveText(/^\d+ ms$/);
  expect(seen).toContain('/customers/c-42');
  await ta.done();

  console.log(`time-to-integrate: ${((Date.now() - started) / 1000).toFixed(1)} s (declare → two reviews → enable → first sandbox call)`);
});
