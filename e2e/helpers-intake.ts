import type { Browser, Page } from '@playwright/test';
import { expect, pageAs, type UserKey } from './fixtures';

/**
 * A signed-in page of its own context; `done()` closes it. Its console errors are checked by the `test` fixture
 * like every page a test opens (declare expected ones with `expectedConsoleErrors`).
 */
export async function watchedPageAs(browser: Browser, user: UserKey): Promise<{ page: Page; done: () => Promise<void> }> {
  const page = await pageAs(browser, user);
  return { page, done: () => page.context().close() };
}

export const unique = (what: string) => `${what} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface RequestSpec { title: string; high?: boolean }

/** Fills the request form (a complete request), the risk panel updating as it goes. */
export async function fillRequest(page: Page, r: RequestSpec): Promise<void> {
  await page.getByLabel('Title').fill(r.title);
  await page.getByLabel('Use case').fill('Support agents look up a customer while answering a ticket, to see the contract level.');
  await page.getByLabel('Workflow').selectOption('support');
  await page.getByLabel('Business owner team').fill('Support');
  await page.getByLabel('Data consulted').fill('customer records');
  await page.getByLabel('Data classification').selectOption(r.high ? 'pii' : 'internal');
  await page.getByLabel('Expected volume (calls per day)').fill('50');
  await page.getByLabel('Requested scopes').fill('crm:read');
  if (r.high) {
    await page.getByLabel('External hosts').fill('api.crm-example.com');
    await page.getByLabel('Write actions').check();
    await page.getByLabel('Data written').fill('customer notes');
  }
}

/** Files a complete request as `page`'s user and returns its id. */
export async function fileRequest(page: Page, r: RequestSpec): Promise<string> {
  await page.goto('/requests/new');
  await fillRequest(page, r);
  await expect(page.getByTestId('risk-level')).toHaveText(r.high ? 'high' : 'low');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page).toHaveURL(/\/requests\/[a-z0-9]+$/);
  await expect(page.getByTestId('request-status')).toHaveText('Submitted');
  return page.url().split('/').pop()!;
}

/** A reviewer takes the request and records a decision. */
export async function review(page: Page, id: string, decision: 'approve' | 'changes' | 'reject', reason = ''): Promise<void> {
  await page.goto(`/reviews/${id}`);
  const start = page.getByRole('button', { name: 'Start review' });
  const form = page.getByRole('form', { name: 'Review decision' });
  // Wait for the page to settle on one of the two (never decide on a page still rendering).
  await expect(start.or(form).first()).toBeVisible();
  if (await start.isVisible()) {
    await start.click();
    await expect(page.getByTestId('request-status')).toHaveText('In review');
  }
  await expect(form).toBeVisible();
  if (decision === 'approve') {
    for (const box of await form.getByRole('group', { name: 'Security checklist' }).getByRole('checkbox').all()) await box.check();
    await form.getByLabel('Approve').check();
  } else {
    await form.getByLabel(decision === 'changes' ? 'Request changes' : 'Reject').check();
  }
  if (reason) await form.getByRole('textbox').fill(reason);
  await form.getByRole('button', { name: 'Record decision' }).click();
}
