import { test, expect } from './fixtures';
import { fileRequest, review, unique, watchedPageAs } from './helpers-intake';

test.describe('tool intake', () => {
  test('a requester files a request with precise validation, a reviewer asks for changes, the requester resubmits', async ({ browser }) => {
    const title = unique('CRM lookup');
    const req = await watchedPageAs(browser, 'acmeRequester');
    const p = req.page;

    // A draft is kept even when incomplete, and submitting names exactly what is missing.
    await p.goto('/requests/new');
    await p.getByLabel('Title').fill(title);
    await p.getByRole('button', { name: 'Submit for review' }).click();
    await expect(p.getByText('Draft saved, not submitted yet')).toBeVisible();
    await expect(p.getByText('Describe the use case in at least 20 characters: who uses it, for what.', { exact: true })).toBeVisible();
    await expect(p.getByText('Choose a workflow: Support, Finance, HR or Other.', { exact: true })).toBeVisible();
    const id = (await p.getByTestId('draft-link').getAttribute('href'))!.split('/').pop()!;
    // A second save updates the same draft (no duplicate).
    await p.getByLabel('Business owner team').fill('Support');
    await p.getByRole('button', { name: 'Save draft' }).click();
    await expect(p.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
    await p.goto('/requests');
    await expect(p.getByRole('link', { name: title })).toHaveCount(1);

    // Complete it and submit; the live risk shows each factor with its weight.
    await p.goto(`/requests/${id}/edit`);
    await p.getByLabel('Use case').fill('Support agents look up a customer while answering a ticket.');
    await p.getByLabel('Workflow').selectOption('support');
    await p.getByLabel('Business owner team').fill('Support');
    await p.getByLabel('Data consulted').fill('customer records');
    await p.getByLabel('Data classification').selectOption('confidential');
    await expect(p.getByTestId('risk-panel')).toContainText('Data classification');
    await expect(p.getByTestId('risk-panel')).toContainText('+20');
    await expect(p.getByTestId('risk-level')).toHaveText('low');
    await p.getByRole('button', { name: 'Submit for review' }).click();
    await expect(p).toHaveURL(new RegExp(`/requests/${id}$`));
    await expect(p.getByTestId('request-status')).toHaveText('Submitted');

    // A reviewer asks for changes: the reason is required.
    const rev = await watchedPageAs(browser, 'reviewer');
    await review(rev.page, id, 'changes');
    await expect(rev.page.getByText('Say what must change (at least 10 characters).')).toBeVisible();
    await rev.page.getByRole('form', { name: 'Review decision' }).getByRole('textbox').fill('Please narrow the scope to the contract level only.');
    await rev.page.getByRole('button', { name: 'Record decision' }).click();
    await expect(rev.page.getByTestId('request-status')).toHaveText('Changes requested');

    // The requester is notified, sees the reason and resubmits.
    await p.goto(`/requests/${id}`);
    await expect(p.getByTestId('notification-bell')).toHaveAttribute('aria-label', /\d+ unread/);
    await expect(p.getByText('Please narrow the scope to the contract level only.').first()).toBeVisible();
    await p.getByRole('link', { name: 'Update and resubmit' }).click();
    await p.getByLabel('Data consulted').fill('customer contract level');
    await p.getByRole('button', { name: 'Resubmit for review' }).click();
    await expect(p).toHaveURL(new RegExp(`/requests/${id}$`));
    await expect(p.getByTestId('request-status')).toHaveText('Submitted');
    await expect(p.getByTestId('timeline')).toContainText('requested changes');
    await expect(p.getByTestId('timeline')).toContainText('resubmitted for review');
    await rev.done();
    await req.done();
  });

  test('two different reviewers approve a high-risk request; it is published and appears in the catalogue', async ({ browser }) => {
    const title = unique('Customer notes writer');
    const slug = `e2e_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const req = await watchedPageAs(browser, 'acmeRequester');
    const id = await fileRequest(req.page, { title, high: true });

    const r1 = await watchedPageAs(browser, 'reviewer');
    await review(r1.page, id, 'approve');
    await expect(r1.page.getByTestId('request-status')).toHaveText('In review');
    // The same reviewer cannot give the second approval: the form gives way to where the request stands.
    await expect(r1.page.getByText('1 of 2 approvals so far: a second, different reviewer must approve this round.')).toBeVisible();
    await expect(r1.page.getByRole('button', { name: 'Record decision' })).toHaveCount(0);

    const r2 = await watchedPageAs(browser, 'reviewer2');
    await review(r2.page, id, 'approve');
    await expect(r2.page.getByTestId('request-status')).toHaveText('Approved');
    await r2.page.getByLabel('Tool name (optional)').fill(slug);
    await r2.page.getByRole('button', { name: 'Publish to the catalogue' }).click();
    await expect(r2.page.getByTestId('request-status')).toHaveText('Published');

    // Once decided, the first reviewer has nothing left to decide.
    await r1.page.goto(`/reviews/${id}`);
    await expect(r1.page.getByText('No decision to take').or(r1.page.getByRole('button', { name: 'Deprecate' }))).toBeVisible();

    await req.page.goto(`/catalogue?q=${slug}`);
    await expect(req.page.getByTestId('catalogue-count')).toHaveText(/^1 tool/);
    await req.page.getByRole('link', { name: slug }).click();
    await expect(req.page.getByRole('heading', { level: 1 })).toContainText(title);
    await expect(req.page.getByText('Registration record')).toBeVisible();
    await expect(req.page.getByTestId('version-1')).toContainText('Initial version');
    await r1.done();
    await r2.done();
    await req.done();
  });

  test.describe('forbidden and hidden requests', () => {
    // The 403 and 404 answers themselves are logged by Chromium as failed resources: expected here.
    test.use({ expectedConsoleErrors: /status of 40[34]/ });
    test('the requester cannot review, and another tenant cannot see the request', async ({ browser }) => {
      const title = unique('Invoice reader');
      const req = await watchedPageAs(browser, 'acmeRequester');
      const id = await fileRequest(req.page, { title });
      const res = await req.page.goto(`/reviews/${id}`);
      expect(res?.status()).toBe(403);
      await expect(req.page.getByRole('heading', { name: /403/ })).toBeVisible();
      await req.done();

      const other = await watchedPageAs(browser, 'globexRequester');
      await other.page.goto(`/requests/${id}`);
      await expect(other.page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(other.page.getByText(title)).toHaveCount(0);
      await other.page.goto('/requests');
      await expect(other.page.getByText(title)).toHaveCount(0);
      await other.done();

      const admin = await watchedPageAs(browser, 'globexTenantAdmin');
      await admin.page.goto(`/requests/${id}`);
      await expect(admin.page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await admin.done();
    });
  });
});
