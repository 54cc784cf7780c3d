import { test as setup, expect } from '@playwright/test';
import { USERS, signIn, storageStateFor, type UserKey } from './fixtures';

// Log in once per role and keep the storage state for every spec. Operators land on their approval inbox.
for (const key of Object.keys(USERS) as UserKey[]) {
  setup(`sign in as ${key}`, async ({ page }) => {
    await signIn(page, USERS[key]);
    await expect(page).toHaveURL(/Operator/.test(key) ? /\/approvals$/ : /\/catalogue$/);
    await page.context().storageState({ path: storageStateFor(key) });
  });
}
