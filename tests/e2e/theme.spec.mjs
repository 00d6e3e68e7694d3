// The theme follows the system by default, and a choice made in Settings survives a reload.
import { test, expect, waitForApp } from './support.mjs';

test('dark theme chosen in Settings survives a reload', async ({ page, server }) => {
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(20, 24, 25)');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('trust-steps/settings')));
  expect(stored.schema).toBe(1);
  expect(stored.data.theme).toBe('dark');
});

test('with no choice the system dark mode is followed', async ({ browser, server }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(20, 24, 25)');
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(247, 245, 242)');
  await context.close();
});
