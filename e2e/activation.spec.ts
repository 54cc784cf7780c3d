import { test, expect, storageStateFor } from './fixtures';

// Signed in as acme's tenant admin through the default `page` (so console errors fail the test).
test.use({ storageState: storageStateFor('acmeTenantAdmin') });

const cellButton = (page: import('@playwright/test').Page, tool: string, team: string) => page.getByTestId(`cell-${tool}-${team}`).getByRole('button');

test('a tenant admin enables a tool for one team, and the effective state shows it for that team only', async ({ page }) => {
  await page.goto('/activation');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tool activation — Acme Corp');
  const row = page.getByTestId('tool-row-github_search_issues');
  await expect(row).toBeVisible();
  for (const team of ['support', 'finance', 'hr']) await expect(cellButton(page, 'github_search_issues', team)).toHaveAccessibleName(/: Off .*\(not enabled for acme\)/);

  await cellButton(page, 'github_search_issues', 'hr').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('github_search_issues for team HR');
  await expect(dialog.getByTestId('effective-reason')).toHaveText('not enabled for acme');
  await dialog.getByLabel('Enable').check();
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  // The reason is required: a precise field error, nothing saved.
  await expect(dialog.getByRole('alert')).toContainText('Say why');
  await dialog.getByLabel('Reason').fill('HR triages GitHub issues from the careers site');
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog).toBeHidden();

  await expect(cellButton(page, 'github_search_issues', 'hr')).toHaveAccessibleName(/: On .*\(enabled for team HR: HR triages GitHub issues/);
  await expect(cellButton(page, 'github_search_issues', 'support')).toHaveAccessibleName(/: Off .*\(not enabled for acme\)/);
  await expect(cellButton(page, 'github_search_issues', 'finance')).toHaveAccessibleName(/: Off/);
  await expect(row.getByRole('button', { name: /github_search_issues tenant-wide: Off/ })).toBeVisible();

  // Users × tools: HR members get it (the tenant admin is in HR), a Support-only user does not.
  await page.getByRole('tab', { name: 'Users × tools' }).click();
  await expect(page.getByRole('button', { name: /^github_search_issues for tenant-admin@acme\.example: on, enabled for team HR/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^github_search_issues for requester@acme\.example: off/ })).toBeVisible();
});

test('an import with a mistake shows the line and changes nothing', async ({ page }) => {
  await page.goto('/activation?tab=import');
  const doc = [
    '[',
    '  {"tenant_id": "acme", "team_id": "support", "enabled_tools": ["email_send", "record_delete"]},',
    '  {"user_id": "requester@acme.example", "tenant_id": "acme",',
    '   "enabled_tools": ["kb_search", "no_such_tool"], "tool_limits": {"requests_per_min": 60}}',
    ']',
  ].join('\n');
  await page.getByLabel('Policy JSON').fill(doc);
  await page.getByRole('button', { name: 'Preview changes' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'nothing was applied' });
  await expect(alert).toContainText('1 problem: nothing was applied');
  await expect(alert).toContainText('Line 4, column 35 ([1].enabled_tools[1]): Unknown tool "no_such_tool".');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();

  // The API refuses the same document with the same line, and applies nothing either.
  const res = await page.request.post('/api/v1/activation-policy', { data: doc, headers: { 'content-type': 'application/json' } });
  expect(res.status()).toBe(422);
  const body = await res.json();
  expect(body.error.issues).toEqual([{ line: 4, column: 35, path: '[1].enabled_tools[1]', message: 'Unknown tool "no_such_tool".' }]);

  // Nothing changed: record_delete is still off for Support.
  await page.getByRole('tab', { name: 'Teams × tools' }).click();
  await expect(cellButton(page, 'record_delete', 'support')).toHaveAccessibleName(/: Off .*\(disabled for acme/);

  // Fixed, the preview lists the changes, still without applying them.
  await page.getByRole('tab', { name: 'Import / export' }).click();
  await page.getByLabel('Policy JSON').fill(doc.replace(', "no_such_tool"', ''));
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Preview:' })).toContainText('Nothing is applied until you click Apply');
  await expect(page.getByRole('table', { name: 'Changes the import would make' })).toContainText('record_delete');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeEnabled();
  await page.getByRole('tab', { name: 'Teams × tools' }).click();
  await expect(cellButton(page, 'record_delete', 'support')).toHaveAccessibleName(/: Off/);
});

test('the export downloads the plan format', async ({ page }) => {
  const res = await page.request.get('/api/v1/activation-policy');
  expect(res.status()).toBe(200);
  const docs = (await res.json()) as { tenant_id: string; enabled_tools: string[] }[];
  expect(docs.length).toBeGreaterThan(0);
  expect(docs.every((d) => d.tenant_id === 'acme')).toBe(true);
  expect(docs.find((d) => !('team_id' in d) && !('user_id' in d))?.enabled_tools).toContain('kb_search');
});

test.describe('platform admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('sees tenants × tools with the global kill switches, searches, and opens a tenant', async ({ page }) => {
    await page.goto('/activation');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tool activation');
    const matrix = page.getByRole('table', { name: 'Tools by tenant' });
    await expect(matrix.getByRole('link', { name: 'Acme Corp' })).toBeVisible();
    await expect(matrix.getByRole('link', { name: 'Globex Industries' })).toBeVisible();
    await expect(matrix.getByRole('link', { name: /^kb_search for acme: tenant rule on/ })).toBeVisible();
    await expect(matrix.getByRole('button', { name: 'Kill kb_search everywhere' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search tenants' }).fill('glob');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(matrix.getByRole('link', { name: 'Acme Corp' })).toHaveCount(0);
    await matrix.getByRole('link', { name: 'Globex Industries' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tool activation — Globex Industries');
    await expect(page.getByRole('link', { name: '← All tenants' })).toBeVisible();
  });
});

test.describe('a requester', () => {
  test.use({ storageState: storageStateFor('acmeRequester'), expectedConsoleErrors: /status of 403/ });

  test('gets 403 on activation and settings, and from the API', async ({ page }) => {
    for (const path of ['/activation', '/settings', '/settings/tokens']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
    }
    const api = await page.request.post('/api/v1/activation-policy?dryRun=1', { data: '{"tenant_id":"acme","enabled_tools":[]}', headers: { 'content-type': 'application/json' } });
    expect(api.status()).toBe(403);
  });
});
