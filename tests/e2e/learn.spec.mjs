// The course in the release build: read a lesson, mark it done, continue, search, glossary and FAQ; the lesson on
// abuse and control and the "What this is based on" page.
import { lessonSlugs } from './app-routes.mjs';
import { test, expect, fetchText, waitForApp } from './support.mjs';

/** How many lessons the course has (one per src/content/lessons file). */
const LESSONS = lessonSlugs().length;

test('read a lesson, mark it done, and continue where you left off after a reload', async ({ page, server }) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await expect(page.getByText(`0 of ${LESSONS} lessons done`)).toBeVisible();
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
  await expect(page.getByText(`1 of ${LESSONS} lessons done`)).toBeVisible();
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
  expect(links).toHaveLength(LESSONS);
  expect(links).toEqual(lessonSlugs().map((slug) => `/learn/${slug}`));
  for (const href of links) {
    await page.goto(server.origin + href);
    await waitForApp(page);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Recap' })).toBeVisible();
  }
});

test('the lesson on abuse and control opens from Learn, with Help first, the safety plan and its sections', async ({
  page,
  server,
}) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await expect(page.locator('.lead')).toContainText(`${LESSONS} short lessons`);
  const understanding = page.locator('section.module').filter({ has: page.getByRole('heading', { name: 'Understanding trust' }) });
  await understanding.getByRole('link', { name: 'When the problem is their behaviour' }).click();
  await expect(page.locator('h1')).toHaveText('When the problem is their behaviour');
  await expect(page.locator('.breadcrumb')).toContainText(`Lesson 3 of ${LESSONS}`);
  // Help is linked before the first section, and the page ends in a recap like every lesson.
  const firstSection = page.locator('main h2').first();
  const helpLink = page.locator('main a[href="/help"]').first();
  expect(await helpLink.evaluate((a, h2) => !!(a.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING), await firstSection.elementHandle())).toBe(true);
  await expect(page.getByRole('heading', { name: 'Recap' })).toBeVisible();
  await expect(page.locator('.callout--example')).not.toHaveCount(0);
  await expect(page.locator('.try-it a[href="/practice/safety-plan"]')).toHaveText('Safety plan');
  await expect(page.locator('.try-it a[href="/practice/therapy-prep"]')).toBeVisible();
  for (const term of ['coercive-control', 'stalkerware']) {
    await expect(page.locator(`main a[href="/learn/glossary#${term}"]`).first()).toBeVisible();
  }
  // The note's link jumps to the device-safety section.
  await page.locator('main a[href="/learn/abuse-and-control#shared-device"]').click();
  await expect(page.locator('#shared-device')).toBeFocused();
  await expect(page.locator('#shared-device')).toHaveText('A shared or checked device');
  // The Settings links land on the sections they name.
  for (const [anchor, heading] of [
    ['lock', 'Passphrase lock'],
    ['delete-everything', 'Delete everything'],
  ]) {
    await page.goto(server.origin + '/learn/abuse-and-control');
    await waitForApp(page);
    await page.locator(`main a[href="/settings#${anchor}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/settings#${anchor}$`));
    await expect(page.locator(`#${anchor}`)).toBeFocused();
    await expect(page.locator(`#${anchor} h2`)).toHaveText(heading);
  }
  // Next and previous keep the course order.
  await page.goto(server.origin + '/learn/abuse-and-control');
  await waitForApp(page);
  await expect(page.locator('.pager__previous')).toHaveAttribute('href', '/learn/where-trust-issues-come-from');
  await expect(page.locator('.pager__next')).toHaveAttribute('href', '/learn/self-trust');
});

test('search finds the lesson on abuse and control by "coercive control" and "stalkerware"', async ({ page, server }) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  const box = page.getByLabel('Search lessons, questions and the glossary');
  for (const query of ['coercive control', 'stalkerware', 'tracking my location']) {
    await box.fill(query);
    const hit = page.locator('.search-result').filter({ has: page.locator('a[href^="/learn/abuse-and-control"]') });
    await expect(hit.first()).toBeVisible();
    await expect(hit.first().locator('.search-result__kind')).toHaveText('Lesson');
  }
  await box.fill('stalkerware');
  await page.locator('.search-result a[href^="/learn/abuse-and-control"]').first().click();
  await expect(page.locator('h1')).toHaveText('When the problem is their behaviour');
});

test('"What this is based on" opens from Learn and from each lesson, and says the app was not tested in a trial', async ({
  page,
  server,
}) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await page.getByRole('link', { name: 'What this is based on' }).click();
  await expect(page).toHaveURL(/\/learn\/sources$/);
  await expect(page.locator('h1')).toHaveText('What this is based on');
  await expect(page).toHaveTitle(/What this is based on/);
  await expect(page.locator('main')).toContainText('Trust Steps itself has not been tested in a trial.');
  // One entry per lesson, titled as the lesson.
  for (const slug of lessonSlugs()) await expect(page.locator(`main h2#${slug}`)).toHaveCount(1);
  await expect(page.locator('main a[href^="http"]')).toHaveCount(0);
  // A lesson's footer opens its own entry.
  await page.goto(server.origin + '/learn/the-science');
  await waitForApp(page);
  await page.getByRole('link', { name: 'What this lesson is based on' }).click();
  await expect(page).toHaveURL(/\/learn\/sources#the-science$/);
  await expect(page.locator('#the-science')).toBeFocused();
  await expect(page.locator('#the-science')).toHaveText('What science can and cannot tell you');
  await expect(page.locator('main')).toContainText('Declerck');
});

test('a glossary link inside bold text is a bold link, in the app and in the prerendered page, with no markup showing', async ({
  page,
  server,
}) => {
  for (const [route, terms] of [
    ['/learn/trust-at-work', ['Integrity', 'Competence', 'Empathy', 'Transparency']],
    ['/learn/abuse-and-control', ['safety plan']],
  ]) {
    // The page a first visit paints from HTML before the wasm arrives.
    const { text } = await fetchText(server, route);
    const prerendered = await page.evaluate((source) => {
      const main = new DOMParser().parseFromString(source, 'text/html').querySelector('main');
      return { bold: [...main.querySelectorAll('strong > a.term-link')].map((a) => a.textContent), text: main.textContent };
    }, text);
    // The page the app draws.
    await page.goto(server.origin + route);
    await waitForApp(page);
    const main = page.locator('main');
    const bold = await main.locator('strong > a.term-link').allTextContents();
    for (const drawn of [bold, prerendered.bold]) expect(drawn, route).toEqual(expect.arrayContaining(terms));
    for (const term of terms) {
      const link = main.locator('strong > a.term-link', { hasText: term }).first();
      await expect(link, route).toHaveAttribute('href', /^\/learn\/glossary#[a-z-]+$/);
    }
    for (const shown of [await main.textContent(), prerendered.text]) {
      for (const raw of ['](', '**', ':::', 'glossary:']) expect(shown, `${route} shows ${raw}`).not.toContain(raw);
    }
  }
  // The link inside bold works like any other glossary link.
  await page.goto(server.origin + '/learn/trust-at-work');
  await waitForApp(page);
  await page.locator('main strong > a.term-link', { hasText: 'Integrity' }).click();
  await expect(page.locator('h1')).toHaveText('Glossary');
  await expect(page.locator('#integrity')).toBeFocused();
});

test('search matches other forms of a word: "cheating" finds "cheated" and "cheats", "jealous" finds the jealousy section', async ({
  page,
  server,
}) => {
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  const box = page.getByLabel('Search lessons, questions and the glossary');
  await box.fill('cheating');
  const results = page.locator('.search-result');
  await expect(results.locator('a[href^="/learn/where-trust-issues-come-from"]').first()).toBeVisible();
  // The other forms are marked as matches, whole.
  const marked = await results.locator('mark').allTextContents();
  expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['cheated']));
  expect(marked.every((m) => m.toLowerCase().startsWith('cheat')), marked.join(', ')).toBe(true);

  await box.fill('jealous');
  await expect(results.first().locator('a')).toHaveAttribute('href', '/learn/glossary#jealousy');
  const section = results.locator('a[href="/learn/where-trust-issues-come-from#jealousy"]');
  await expect(section).toBeVisible();
  await section.click();
  await expect(page.locator('#jealousy')).toBeFocused();
  // The section treats jealousy as a feeling, names controlling jealousy as a warning sign, and points to help.
  const text = await page.locator('main').innerText();
  expect(text).toContain('It is not evidence.');
  expect(text).toContain('it is a warning sign');
  await expect(page.locator('main a[href="/learn/abuse-and-control"]').first()).toBeVisible();
  await expect(page.locator('main a[href="/help"]').first()).toBeVisible();
});
