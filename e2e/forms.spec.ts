// Portal forms answer bad input in words, beside each field, all at once; a fixed field's message goes away; long
// input never stretches the page.
import { test, expect, pageAs } from './fixtures';

test('the request form marks every missing field at once, in words, and clears a message once fixed', async ({ browser }) => {
  const page = await pageAs(browser, 'acmeRequester');
  await page.goto('/requests/new');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const form = page.getByRole('form', { name: 'Tool request' });
  const messages = ['Give the tool a title of at least 3 characters.', 'Describe the use case in at least 20 characters: who uses it, for what.', 'Name the business owner team.', 'Say which data the tool reads (e.g. "customer records").'];
  for (const m of messages) await expect(form.getByText(m, { exact: true })).toBeVisible();
  await expect(form.getByText(/fields need attention: see the message beside each/)).toBeVisible();
  await expect(form.getByText(/Invalid input|expected nonoptional/)).toHaveCount(0);
  // Each message is tied to its field (aria-describedby), so a screen reader reads it with the field.
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/Give the tool a title/);
  await page.getByLabel('Title').fill('CRM customer lookup');
  await expect(form.getByText(messages[0]!, { exact: true })).toHaveCount(0);
  await expect(form.getByText(messages[1]!, { exact: true })).toBeVisible();
  await page.context().close();
});

test('long unbroken input never stretches the page', async ({ browser }) => {
  const page = await pageAs(browser, 'acmeRequester');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/requests/new');
  await page.getByLabel('Title').fill(`Lookup ${'x'.repeat(100)}`);
  await page.getByLabel('Use case').fill(`Support agents paste ${'a'.repeat(2000)} into this field.`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByTestId('draft-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lookup');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.context().close();
});

test('an invalid filter is explained above the filters, which stay on screen with the valid ones applied', async ({ browser }) => {
  const page = await pageAs(browser, 'acmeRequester');
  await page.goto('/catalogue?risk=extreme&q=refund');
  await expect(page.getByRole('alert').filter({ hasText: 'These filters are not valid' })).toContainText('risk');
  await expect(page.getByLabel('Search', { exact: true })).toHaveValue('refund');
  await expect(page.getByTestId('catalogue-count')).toContainText('matching “refund”');
  await page.context().close();
});
