import { test, expect } from './fixtures';
import { watchedPageAs } from './helpers-intake';

test.describe('catalogue', () => {
  test('search and filters narrow the list, the tool page shows the full record', async ({ browser }) => {
    const { page, done } = await watchedPageAs(browser, 'acmeRequester');
    await page.goto('/catalogue');
    await expect(page.getByRole('heading', { level: 1, name: 'Tool catalogue' })).toBeVisible();
    await page.getByLabel('Search', { exact: true }).fill('knowledge-base');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/q=knowledge-base/);
    await expect(page.getByRole('table', { name: 'Tools' }).getByRole('link', { name: 'kb_search' })).toBeVisible();
    await expect(page.getByTestId('catalogue-count')).toHaveText(/^1 tool/);

    await page.goto('/catalogue');
    await page.getByLabel('Risk level').selectOption('critical');
    await page.getByLabel('Access').selectOption('write');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.getByRole('table', { name: 'Tools' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row).toContainText('Critical');
      await expect(row).toContainText('Writes');
    }
    await expect(page.getByRole('table', { name: 'Tools' })).toContainText('payment_refund');

    await page.goto('/catalogue?q=no-such-tool-anywhere');
    await expect(page.getByText('No tool matches')).toBeVisible();

    await page.goto('/catalogue/kb_search');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Knowledge-base search');
    for (const h of ['Registration record', 'Annotations', 'Service level', 'Usage', 'Input schema', 'Output schema', 'Versions']) {
      await expect(page.getByRole('heading', { level: 2, name: h, exact: true })).toBeVisible();
    }
    await expect(page.getByTestId('tool-access')).toBeVisible();
    await expect(page.getByText(/sha256:[0-9a-f]{12}/).first()).toBeVisible();
    await expect(page.getByText('Figures for your tenant only.')).toBeVisible();
    await done();
  });

  test('the API lists with the same filters, refuses bad ones precisely and exports CSV and JSON', async ({ browser }) => {
    const { page, done } = await watchedPageAs(browser, 'acmeRequester');
    const list = await page.request.get('/api/v1/tools?risk=critical&pageSize=5');
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { items: { riskLevel: string }[]; total: number; pageSize: number };
    expect(body.pageSize).toBe(5);
    expect(body.items.every((t) => t.riskLevel === 'critical')).toBe(true);

    const bad = await page.request.get('/api/v1/tools?risk=extreme&pageSize=1000');
    expect(bad.status()).toBe(400);
    const err = (await bad.json()) as { error: { code: string; message: string; fieldErrors: Record<string, string[]> } };
    expect(err.error.code).toBe('BAD_REQUEST');
    expect(err.error.fieldErrors.risk).toEqual(['risk must be one of low, medium, high, critical.']);
    expect(err.error.fieldErrors.pageSize).toEqual(['pageSize is at most 100.']);

    const csv = await page.request.get('/api/v1/tools/export?format=csv&q=refund');
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="catalogue-.*\.csv"/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toMatch(/^name,title,description,/);
    expect(text).toContain('payment_refund');
    const json = await page.request.get('/api/v1/tools/export?format=json&q=refund');
    expect(((await json.json()) as { tools: { name: string }[] }).tools.map((t) => t.name)).toContain('payment_refund');
    await done();
  });

  test('an owner change to what agents see goes to review and is not served until decided', async ({ browser }) => {
    const owner = await watchedPageAs(browser, 'acmeOwner');
    await owner.page.goto('/catalogue/payment_refund');
    await owner.page.getByRole('link', { name: 'Edit tool' }).click();
    const note = `e2e change ${Date.now().toString(36)}`;
    const desc = owner.page.getByLabel('Description for agents');
    const original = await desc.inputValue();
    await desc.fill(`${original} (e2e wording)`);
    await owner.page.getByLabel('Change note for the reviewer').fill(note);
    await owner.page.getByRole('button', { name: 'Save changes' }).click();
    await expect(owner.page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('is in security review');
    await owner.page.goto('/catalogue/payment_refund');
    await expect(owner.page.getByText(/waiting for security review/)).toBeVisible();
    await owner.done();

    const rev = await watchedPageAs(browser, 'reviewer');
    await rev.page.goto('/reviews');
    await rev.page.getByRole('table', { name: 'Tool versions awaiting review' }).getByRole('link', { name: 'payment_refund' }).first().click();
    await expect(rev.page.getByText(note)).toBeVisible();
    await rev.page.getByLabel('Reject').check();
    await rev.page.getByRole('button', { name: 'Record decision' }).click();
    await expect(rev.page.getByText('Give the reason for the rejection (at least 10 characters).')).toBeVisible();
    await rev.page.getByLabel('Reason for the rejection').fill('Keep the wording agents already know.');
    await rev.page.getByRole('button', { name: 'Record decision' }).click();
    await expect(rev.page.getByText('Change rejected')).toBeVisible();
    await rev.page.goto('/catalogue/payment_refund');
    await expect(rev.page.getByText('Keep the wording agents already know.')).toBeVisible();
    await expect(rev.page.getByText(/waiting for security review/)).toHaveCount(0);
    await rev.done();
  });
});
