// Every route renders one h1 and a real title, with no console error; unknown paths get the 404 page;
// Help is one tap away everywhere; the navigation works by keyboard on a phone-sized screen.
import { test, expect, waitForApp } from './support.mjs';

const ROUTES = [
  ['/', 'Today'],
  ['/learn', 'Learn'],
  ['/learn/what-trust-is', 'What trust is made of'],
  ['/learn/glossary', 'Glossary'],
  ['/learn/faq', 'Questions people ask'],
  ['/practice', 'Practice'],
  ['/practice/forgiveness', 'Forgiveness worksheet'],
  ['/journal', 'Journal'],
  ['/people', 'People'],
  ['/progress', 'Progress'],
  ['/settings', 'Settings'],
  ['/help', 'Help and crisis lines'],
  ['/privacy', 'Your privacy'],
];

for (const [path, heading] of ROUTES) {
  test(`${path} renders its heading, title and Help link`, async ({ page, server }) => {
    await page.goto(server.origin + path);
    await waitForApp(page);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toContainText(heading);
    await expect(page).toHaveTitle(/· Trust Steps$/);
    await expect(page.getByRole('link', { name: /Help and crisis lines/ })).toBeVisible();
    await expect(page.locator('#loading-shell')).toHaveCount(0);
  });
}

test('an unknown path shows a real 404 page', async ({ page, server }) => {
  await page.goto(server.origin + '/no/such/page');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('This page does not exist');
  await expect(page).toHaveTitle('Page not found · Trust Steps');
  await page.goto(server.origin + '/learn/no-such-lesson');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('This page does not exist');
});

test('on a phone the tab bar and the More menu work by keyboard and navigation moves focus to the new heading', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(server.url);
  await waitForApp(page);
  // The sections used most are in the tab bar, by keyboard too.
  const tabs = page.getByRole('navigation', { name: 'Sections' });
  await expect(tabs.getByRole('link')).toHaveText(['Today', 'Learn', 'Practice', 'Journal', 'People']);
  await tabs.getByRole('link', { name: 'Learn' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.locator('h1')).toBeFocused();
  await expect(tabs.getByRole('link', { name: 'Learn' })).toHaveAttribute('aria-current', 'page');
  // The rest are behind More.
  const menu = page.getByRole('button', { name: 'More' });
  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(main.getByRole('link', { name: 'Progress' })).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(main.getByRole('link')).toHaveText(['Progress', 'Settings']);
  const progress = main.getByRole('link', { name: 'Progress' });
  await progress.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/progress$/);
  await expect(page.locator('h1')).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // Nothing overflows sideways at 320 px.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the skip link jumps to the main content', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
