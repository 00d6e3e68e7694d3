// Screenshots of the main screens at phone size (390×844, touch) and laptop size (1280×800), light and dark, so
// a change in look is seen in review: test-results/screens/<name>-<size>-<theme>.png is the first screen (what a
// person sees on opening it) and <name>-<size>-<theme>-full.png the whole page. CI keeps test-results/ as
// artefacts; Playwright empties it when a run starts, so the files are written during the run.
// Each screen must also be really there: its heading shown, the page loaded (no static copy left, some words
// in <main>), nothing wider than the screen, and Help and Hide on screen.
import { mkdirSync } from 'node:fs';
import { seedStorage } from './seed.mjs';
import { expect, test, waitForApp, waitForRest } from './support.mjs';

const DIR = 'test-results/screens';
const SIZES = [
  { size: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  { size: 'laptop', use: { viewport: { width: 1280, height: 800 } } },
];

/**
 * The seeded screens: name, how to reach it (a path, or a function that opens it) and its heading. A lesson and a
 * person are opened from their lists, as a person would.
 */
const SEEDED = [
  ['today', '/', 'Today'],
  ['learn', '/learn', 'Learn'],
  ['lesson', '/learn/what-trust-is', 'What trust is made of'],
  ['practice', '/practice', 'Practice'],
  ['journal', '/journal', 'Journal'],
  ['thought-record-new', '/journal/new', /thought record/i],
  ['people', '/people', 'People'],
  [
    'person',
    async (page, origin) => {
      await page.goto(origin + '/people');
      await waitForApp(page);
      const first = page.locator('main a[href^="/people/"]').first();
      const name = (await first.textContent()).trim();
      await first.click();
      await expect(page).toHaveURL(/\/people\/[0-9a-f]{32}$/);
      return name;
    },
    null,
  ],
  ['progress', '/progress', 'Progress'],
  ['settings', '/settings', 'Settings'],
  ['help', '/help', 'Help and crisis lines'],
];

/** Checks the screen is really drawn, then saves its first screen and its whole page. */
async function capture(page, name, size, theme, heading) {
  await waitForApp(page);
  await waitForRest(page);
  const h1 = page.locator('main h1');
  await expect(h1).toHaveCount(1);
  await expect(h1).toBeVisible();
  if (heading) await expect(h1).toContainText(heading);
  const { words, overflow, scheme } = await page.evaluate(() => ({
    words: document.querySelector('main').innerText.trim().split(/\s+/).length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  }));
  expect(scheme, 'the theme asked for').toBe(theme);
  expect(words, `${name}: the page has content`).toBeGreaterThan(5);
  expect(overflow, `${name}: nothing wider than the screen`).toBeLessThanOrEqual(0);
  await expect(page.locator('header a.help-link')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('header button.hide-button')).toBeInViewport({ ratio: 1 });
  // No caret blinking into the picture; the heading keeps focus for screen readers, so only fields lose it.
  await page.evaluate(() => document.activeElement?.matches('input, textarea, select') && document.activeElement.blur());
  await page.screenshot({ path: `${DIR}/${name}-${size}-${theme}.png` });
  // A full-page capture keeps a fixed element where the first screen had it, so the phone's tab bar would sit
  // across the middle of the page: for this picture it ends the page instead (set through the CSSOM, which the
  // CSP allows), and is put back after.
  const moved = await page.evaluate(() => {
    const bar = document.querySelector('.tab-bar');
    if (!bar || getComputedStyle(bar).position !== 'fixed') return false;
    document.body.style.position = 'relative';
    bar.style.position = 'absolute';
    return true;
  });
  await page.screenshot({ path: `${DIR}/${name}-${size}-${theme}-full.png`, fullPage: true });
  if (moved) {
    await page.evaluate(() => {
      document.body.style.position = '';
      document.querySelector('.tab-bar').style.position = '';
    });
  }
}

for (const { size, use } of SIZES) {
  for (const theme of ['light', 'dark']) {
    test.describe(`screens at ${size} size, ${theme} theme`, () => {
      test.use({ ...use, colorScheme: theme, reducedMotion: 'reduce' });
      test.beforeAll(() => mkdirSync(DIR, { recursive: true }));

      test('Today on the first day', async ({ page, server }) => {
        await page.goto(server.url);
        await capture(page, 'today-first-run', size, theme, 'Today');
        // A first visit: nothing stored yet but what the app keeps for itself.
        const entries = await page.evaluate(() => Object.keys(localStorage).filter((k) => /^trust-steps\/(journal|people)\//.test(k)));
        expect(entries).toEqual([]);
      });

      test('the main screens with entries', async ({ page, server }) => {
        test.setTimeout(120_000);
        await seedStorage(page, server.origin, waitForApp);
        for (const [name, to, heading] of SEEDED) {
          let expected = heading;
          if (typeof to === 'function') expected = await to(page, server.origin);
          else await page.goto(server.origin + to);
          await capture(page, name, size, theme, expected);
        }
      });
    });
  }
}
