// The People pages drawn once off-screen while the app is idle (src/ui/warm_up.rs): the warm-up changes nothing
// the user can see or has stored, and afterwards the first open of the list and of a profile has little code
// left to compile. Chromium compiles a wasm function the first time it is called; a trace shows each of those
// compiles as a `wasm.CompileLazy` event, so the test counts functions, not milliseconds. With this test's dozen
// people, the build before the warm-up compiled 551 functions on the first open of the list and 444 on the first
// profile; with it, 128 and 58 (most of the list's are the router's first client-side navigation and the Today
// page coming down).
import { test, expect, waitForApp, waitForRest } from './support.mjs';
import { peopleEntries } from '../../scripts/bench-data.mjs';
import { seedStorage } from './seed.mjs';

/** At most this many functions compiled on the first open of the list / of a profile after the warm-up. */
const FIRST_LIST_OPEN_COMPILES = 250;
const FIRST_PROFILE_OPEN_COMPILES = 120;

/** Seeds a dozen people with their logs; returns how many of them are not archived (the list shows those). */
async function seedPeople(page, server) {
  const { people, observations } = peopleEntries(12, 80, { seed: 3 });
  await seedStorage(page, server.origin, waitForApp, [...people, ...observations]);
  return people.filter(([, value]) => !JSON.parse(value).data.archived).length;
}

/** Waits until the warm-up has drawn and dropped all its pages (it marks each as it is done; the profile is last). */
async function warmedUp(page) {
  await page.waitForFunction(() => performance.getEntriesByName('ts-warm-up:profile').length > 0, null, {
    timeout: 15_000,
  });
}

/** Runs `act` while Chromium traces V8's wasm compiler; returns how many functions it compiled lazily. */
async function lazyCompiles(browser, page, act) {
  await browser.startTracing(page, { categories: ['v8.wasm'] });
  await act();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return trace.traceEvents.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X').length;
}

function snapshot(page) {
  return page.evaluate(() => ({
    title: document.title,
    storage: Object.keys(localStorage)
      .sort()
      .map((k) => [k, localStorage.getItem(k)]),
    main: document.querySelector('main').innerHTML,
    peopleParts: document.querySelectorAll('.people-list, .profile-part, .observation, .ladder-step').length,
  }));
}

test('the warm-up draws the People pages off-screen and changes nothing on screen or in storage', async ({
  page,
  server,
}) => {
  await seedPeople(page, server);
  await page.goto(server.origin + '/');
  await waitForApp(page);
  const before = await snapshot(page);
  await warmedUp(page);
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('ts-warm-up:'))
      .map((m) => m.name),
  );
  expect(marks).toEqual(['ts-warm-up:people-form', 'ts-warm-up:people', 'ts-warm-up:ladder', 'ts-warm-up:profile']);
  const after = await snapshot(page);
  expect(after).toEqual(before);
  expect(after.title).toBe('Today · Trust Steps');
  expect(after.peopleParts).toBe(0);
});

test('after the warm-up, the first open of People and of a profile compiles little code', async ({
  browser,
  page,
  server,
}) => {
  const active = await seedPeople(page, server);
  await page.goto(server.origin + '/');
  await waitForApp(page);
  await warmedUp(page);

  const list = await lazyCompiles(browser, page, async () => {
    await page.locator('#primary-nav a[href="/people"]').click();
    await expect(page.locator('.people-list .person-card')).toHaveCount(active);
    await waitForRest(page);
  });
  const profile = await lazyCompiles(browser, page, async () => {
    await page.locator('.people-list .person-card a').first().click();
    await expect(page.locator('.profile-part')).toHaveCount(5);
    await expect(page.locator('#evidence')).toBeVisible();
    await waitForRest(page);
  });
  console.log(`lazily compiled: ${list} functions on the first open of the list, ${profile} of a profile`);
  expect(list, 'functions compiled on the first open of the list').toBeLessThan(FIRST_LIST_OPEN_COMPILES);
  expect(profile, 'functions compiled on the first open of a profile').toBeLessThan(FIRST_PROFILE_OPEN_COMPILES);
});
