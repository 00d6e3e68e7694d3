// The course in the release build: read a lesson, mark it done, continue, search, glossary and FAQ.
import { test, expect, waitForApp } from './support.mjs';

test('read a lesson, mark it done, and continue where you left off after a reload', async ({ page, server }) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await expect(page.getByText('0 of 15 lessons done')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Understanding trust' })).toBeVisible();
  await page.getByRole('link', { name: 'What trust is made of', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('What trust is made of');
  await expect(page.getByRole('heading', { name: 'Try it' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Trust map' })).toHaveAttribute('href', '/practice/trust-map');
  await expect(page.getByRole('heading', { name: 'Recap' })).toBeVisible();
  await expect(page.locator('.callout--example')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('button', { name: /Done — mark as not done/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: /Next/ }).click();
  await expect(page.locator('h1')).toHaveText(/Where trust issues come from/i);
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await expect(page.getByText('1 of 15 lessons done')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Continue: / })).toHaveAttribute('href', '/learn/where-trust-issues-come-from');
  await page.goto(server.url);
  await waitForApp(page);
  await expect(page.getByText('Continue where you left off')).toBeVisible();
});

test('search finds terms as you type and marks the matching words', async ({ page, server }) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  const box = page.getByLabel('Search lessons, questions and the glossary');
  await box.pressSequentially('oxyto');
  const results = page.locator('.search-result');
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator('.search-result__kind')).toHaveText('Glossary');
  await expect(results.first().locator('mark').first()).toHaveText(/^oxyto$/i);
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toBeVisible();
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/learn\/glossary#oxytocin$/);
  await expect(page.locator('#oxytocin')).toBeFocused();
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await page.getByLabel('Search lessons, questions and the glossary').fill('zzqqxx');
  await expect(page.getByText('Nothing found for “zzqqxx”')).toBeVisible();
});

test('glossary links in lessons lead to the term', async ({ page, server }) => {
  await page.goto(server.origin + '/learn/what-trust-is');
  await waitForApp(page);
  const term = page.locator('a.term-link').first();
  const href = await term.getAttribute('href');
  expect(href).toMatch(/^\/learn\/glossary#/);
  await term.click();
  await expect(page.locator('h1')).toHaveText('Glossary');
  await expect(page.locator(`#${href.split('#')[1]}`)).toBeFocused();
});

test('FAQ and Help hold what they promise', async ({ page, server }) => {
  await page.goto(server.origin + '/learn/faq');
  await waitForApp(page);
  expect(await page.locator('main h2').count()).toBeGreaterThanOrEqual(16);
  await page.getByRole('link', { name: /Help and crisis lines/ }).click();
  await expect(page.locator('h1')).toHaveText('Help and crisis lines');
  await expect(page.locator('main')).toContainText('988');
  await expect(page.locator('main')).toContainText('116 123');
  await expect(page.locator('main')).toContainText(/not a substitute/i);
});

test('every lesson page renders with its recap', async ({ page, server }) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  const links = await page.locator('.lesson-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toHaveLength(15);
  for (const href of links) {
    await page.goto(server.origin + href);
    await waitForApp(page);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Recap' })).toBeVisible();
  }
});
