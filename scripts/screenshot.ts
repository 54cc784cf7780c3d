// Takes the README screenshot (public/screenshot.png) from a running portal: BASE_URL (default http://localhost:3000),
// PAGE (default /metrics), signed in as a demo user (USER_EMAIL, default tenant-admin@acme.example).
import { chromium } from '@playwright/test';

async function main() {
  const base = process.env.BASE_URL || 'http://localhost:3000';
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const width = Number(process.env.WIDTH || 1440);
  const page = await browser.newPage({ viewport: { width, height: width < 800 ? 844 : 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(process.env.USER_EMAIL || 'tenant-admin@acme.example');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/catalogue/);
  await page.goto(`${base}${process.env.PAGE || '/metrics'}`);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: process.env.OUT || 'public/screenshot.png', fullPage: !!process.env.FULL_PAGE });
  await browser.close();
  console.log(`wrote ${process.env.OUT || 'public/screenshot.png'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
