import { test as base, expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** Demo users by role key; storage states are saved once by global.setup.ts (see storageStateFor). */
export const USERS = {
  admin: 'admin@example.com',
  reviewer: 'reviewer@example.com',
  reviewer2: 'reviewer2@example.com',
  auditor: 'auditor@example.com',
  acmeRequester: 'requester@acme.example',
  acmeOwner: 'owner@acme.example',
  acmeOperator: 'operator@acme.example',
  acmeOperator2: 'operator2@acme.example',
  acmeTenantAdmin: 'tenant-admin@acme.example',
  globexRequester: 'requester@globex.example',
  globexOwner: 'owner@globex.example',
  globexOperator: 'operator@globex.example',
  globexTenantAdmin: 'tenant-admin@globex.example',
} as const;
export type UserKey = keyof typeof USERS;

/** Saved sessions live in the run's data directory (wiped when the e2e server starts), so parallel runs never mix. */
export function storageStateFor(user: UserKey): string {
  return `${process.env.E2E_DATA_DIR || '.data-e2e'}/.auth/${user}.json`;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A page already signed in as `user` (reusing the saved storage state). */
export async function pageAs(browser: Browser, user: UserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(user) });
  return context.newPage();
}

/**
 * Fails the test on any console error or uncaught page error. A test that provokes an expected failed response
 * (e.g. a refused sign-in answers 401, which Chromium logs) names it with `test.use({ expectedConsoleErrors: /status of 401/ })`
 * (one RegExp: Playwright would read an array of two as a [value, options] pair).
 */
export const test = base.extend<{ expectedConsoleErrors: RegExp | null; consoleErrors: string[] }>({
  expectedConsoleErrors: [null, { option: true }],
  consoleErrors: [
    async ({ page, browser, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      const keep = (text: string) => !expectedConsoleErrors?.test(text);
      const watch = (p: Page) => {
        p.on('console', (m) => {
          if (m.type() === 'error' && keep(m.text())) errors.push(`${m.text()} ${m.location().url}`);
        });
        p.on('pageerror', (e) => errors.push(e.message));
      };
      watch(page);
      // Pages opened in other contexts during the test (pageAs) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
        const context = await newContext(...args);
        context.on('page', watch);
        return context;
      };
      await use(errors);
      browser.newContext = newContext;
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
