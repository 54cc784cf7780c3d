// The candidates board: open tool requests and catalogue tools awaiting review, ranked by estimated value against
// risk. A requester files three requests of this run (unique tag) so the ranking checked here is the run's own; the
// platform admin filters and sorts them, a reviewer reaches them from the keyboard, and a requester is refused.
import { expect, storageStateFor, test } from './fixtures';
import { fillRequest, unique, watchedPageAs } from './helpers-intake';

interface Filed { title: string; id: string }

test('platform admins and reviewers rank, filter and open the candidates of this run', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = unique('Board');
  // value = calls/week/team × teams × minutes/call ÷ 60; priority = value ÷ risk weight (low 1, high 4).
  const specs = [
    { title: `${tag} alpha`, high: false, est: ['120', '5', '1'] }, // 10 h/week, priority 10
    { title: `${tag} bravo`, high: true, est: ['120', '5', '2'] }, // 20 h/week, priority 5
    { title: `${tag} charlie`, high: false, est: null }, // no estimate: last
  ] as const;
  const filed: Filed[] = [];
  const requester = await watchedPageAs(browser, 'acmeRequester');
  for (const s of specs) {
    await requester.page.goto('/requests/new');
    await fillRequest(requester.page, s);
    if (s.est) {
      await requester.page.getByLabel('Calls per week, per team').fill(s.est[0]);
      await requester.page.getByLabel('Minutes saved per call').fill(s.est[1]);
      await requester.page.getByLabel('Teams that would use it').fill(s.est[2]);
    }
    await expect(requester.page.getByTestId('risk-level')).toHaveText(s.high ? 'high' : 'low');
    await requester.page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(requester.page).toHaveURL(/\/requests\/[a-z0-9]+$/);
    await expect(requester.page.getByTestId('request-status')).toHaveText('Submitted');
    filed.push({ title: s.title, id: requester.page.url().split('/').pop()! });
  }
  await requester.done();
  const [alpha, bravo, charlie] = filed as [Filed, Filed, Filed];

  // The platform admin: the board explains its formula and ranks by priority (value ÷ risk), no estimate last.
  const admin = await watchedPageAs(browser, 'admin');
  const page = admin.page;
  await page.goto('/candidates');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidates');
  await expect(page.getByTestId('value-formula')).toContainText('Priority');
  const filters = page.getByRole('form', { name: 'Filter candidates' });
  await filters.getByRole('searchbox', { name: 'Search' }).fill(tag);
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const rows = page.getByTestId('candidate-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.getByRole('link')).toHaveText([alpha.title, bravo.title, charlie.title]);
  await expect(rows.getByRole('cell').first()).toHaveText('1');
  await expect(rows.nth(0)).toContainText('Request');
  await expect(rows.nth(0)).toContainText('acme');
  await expect(rows.nth(0)).toContainText('submitted');
  await expect(rows.getByTestId('candidate-priority')).toHaveText(['10', '5', 'no estimate']);
  await expect(rows.nth(1).getByRole('cell').nth(9)).toHaveText('20');
  await expect(rows.nth(1).getByRole('cell').first()).toHaveText('2');
  await expect(rows.nth(2).getByRole('cell').first()).toHaveText('3');
  await expect(rows.getByRole('link').first()).toHaveAttribute('href', `/reviews/${alpha.id}`);

  // Sorted by value (hours saved per week), bravo leads; the filters are kept in the URL and in the form.
  await filters.getByLabel('Sort by').selectOption('value');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]sort=value/);
  await expect(rows.getByRole('link')).toHaveText([bravo.title, alpha.title, charlie.title]);
  await expect(filters.getByRole('searchbox', { name: 'Search' })).toHaveValue(tag);

  // Only high risk: bravo alone.
  await filters.getByLabel('Risk', { exact: true }).selectOption('high');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]risk=high/);
  await expect(rows.getByRole('link')).toHaveText([bravo.title]);

  // A filter that matches nothing: the empty state, no table.
  await filters.getByLabel('Risk', { exact: true }).selectOption({ label: 'Any risk' });
  await filters.getByLabel('Kind').selectOption('tool');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]kind=tool/);
  await expect(page.getByText('No candidates', { exact: true })).toBeVisible();
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await admin.done();

  // A reviewer, from the keyboard only: search, then Tab from the form's last control into the ranked rows' links.
  const reviewer = await watchedPageAs(browser, 'reviewer');
  const r = reviewer.page;
  await r.goto('/candidates');
  const rf = r.getByRole('form', { name: 'Filter candidates' });
  const search = rf.getByRole('searchbox', { name: 'Search' });
  await search.focus();
  await r.keyboard.type(tag);
  await r.keyboard.press('Enter');
  await expect(r).toHaveURL(/[?&]q=/);
  const links = r.getByTestId('candidate-row').getByRole('link');
  await expect(links).toHaveText([alpha.title, bravo.title, charlie.title]);
  await rf.getByRole('button', { name: 'Apply' }).focus();
  // The table's scroll container takes focus first (keyboard scrolling), then the first ranked row's link.
  await r.keyboard.press('Tab');
  await r.keyboard.press('Tab');
  await expect(links.nth(0)).toBeFocused();
  await r.keyboard.press('Tab');
  await expect(links.nth(1)).toBeFocused();
  await r.keyboard.press('Enter');
  await expect(r).toHaveURL(new RegExp(`/reviews/${bravo.id}$`));
  await expect(r.getByRole('heading', { level: 1 })).toContainText(bravo.title);
  await reviewer.done();
});

test.describe('a requester', () => {
  // The 403 answer itself is logged by Chromium as a failed resource: expected here.
  test.use({ storageState: storageStateFor('acmeRequester'), expectedConsoleErrors: /status of 403/ });

  test('has no Candidates link and is refused the board with a real 403', async ({ page }) => {
    await page.goto('/catalogue');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' })).toHaveCount(0);
    const res = await page.goto('/candidates');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('403 — Access denied');
    await expect(page.getByTestId('candidate-row')).toHaveCount(0);
  });
});
