// axe-core finds no violation on any page: every route of src/app.rs (every lesson, every exercise of the
// catalogue, a record of each kind, the 404 page), in the light and the dark theme, with empty storage and with
// the seeded data of seed.mjs (every lesson in one of the four runs, three in the others). Each page is checked as it opens and again with everything closed opened
// (details, disclosures, menus). New routes, lessons and exercises are picked up from the source (app-routes.mjs).
import { axeViolations, openEverything } from './a11y.mjs';
import { groupByPattern, recordUrls, staticUrls, uncoveredPatterns } from './app-routes.mjs';
import { seedStorage } from './seed.mjs';
import { expect, test, waitForApp, waitForRest } from './support.mjs';

/**
 * Every lesson once (light theme, empty data); in the other three runs the first three lessons stand for the
 * lesson template (seeded data changes a lesson page only by its done / opened state, which those three show).
 */
const urlsFor = (theme, data) => staticUrls({ lessons: theme === 'light' && data === 'empty' ? Infinity : 3 });
const URLS = staticUrls();

/** Checks each URL as opened and fully opened; returns the violations per URL. */
async function audit(page, origin, urls) {
  const problems = [];
  for (const url of urls) {
    await page.goto(origin + url);
    await waitForApp(page);
    await expect(page.locator('h1')).toHaveCount(1);
    await waitForRest(page);
    for (const v of await axeViolations(page)) problems.push(`${url}: ${v}`);
    if ((await openEverything(page)) > 0) {
      for (const v of await axeViolations(page)) problems.push(`${url} (opened): ${v}`);
    }
  }
  return [...new Set(problems)];
}

for (const theme of ['light', 'dark']) {
  for (const data of ['empty', 'seeded']) {
    test.describe(`axe, ${theme} theme, ${data} data`, () => {
      test.use({ colorScheme: theme, reducedMotion: 'reduce' });

      for (const { pattern, urls } of groupByPattern(urlsFor(theme, data))) {
        test(`${pattern} (${urls.length} page${urls.length > 1 ? 's' : ''})`, async ({ page, server }) => {
          test.setTimeout(30_000 + urls.length * 8_000);
          if (data === 'seeded') await seedStorage(page, server.origin, waitForApp);
          expect(await audit(page, server.origin, urls)).toEqual([]);
        });
      }

      if (data === 'seeded') {
        test('record pages (a record of each kind)', async ({ page, server }) => {
          test.setTimeout(90_000);
          await seedStorage(page, server.origin, waitForApp);
          const records = await recordUrls(page, server.origin, waitForApp);
          const urls = Object.values(records);
          // Every route of the app is reached by some URL of this file: a new kind of parameter needs a line here.
          expect(uncoveredPatterns([...URLS, ...urls])).toEqual([]);
          expect(await audit(page, server.origin, urls)).toEqual([]);
        });
      }
    });
  }
}
