// Every tab fails closed and nothing is lost at lock time (issue 20), in the release build with the lock on:
// a tab that missed the lock being turned on writes no plain text and asks to unlock in place; a tab shown
// again re-checks the lock; a save storage refuses survives *Lock now* sealed in sessionStorage and is written
// after the unlock once there is room; *Lock now* asks before losing what it cannot keep.
import { test, expect, waitForApp, seedFixture as seed, appStorage, turnOnLock, unlockWith } from './support.mjs';
import { axeViolations } from './a11y.mjs';

test.setTimeout(150_000);

const PASSPHRASE = 'blue kettle morning';

/** Every app key in localStorage, as stored. */
const rawStorage = appStorage;

/** Everything in this tab's sessionStorage. */
async function sessionText(page) {
  return page.evaluate(() => JSON.stringify(Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]))));
}

/** A lock record as Settings writes it, made in a browser context of its own (so no tab here hears of it). */
async function lockRecordMadeElsewhere(browser, server) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.origin + '/settings');
    await waitForApp(page);
    await turnOnHere(page);
    return await page.evaluate(() => localStorage.getItem('trust-steps/lock'));
  } finally {
    await context.close();
  }
}

const turnOnHere = (page) => turnOnLock(page, PASSPHRASE);

const unlockAtLockScreen = (page) => unlockWith(page, PASSPHRASE);

/** Opens a new thought record (a draft, saved at once) and returns its edit URL. */
async function newRecord(page, server) {
  await page.goto(server.origin + '/journal/new');
  await waitForApp(page);
  await expect(page).toHaveURL(/\/journal\/[0-9a-f]{32}\/edit$/);
  await expect(page.getByLabel('What happened?')).toBeVisible();
  return page.url();
}

test('a tab opened before the lock was turned on elsewhere writes no plain text, and unlocking in place saves it sealed', async ({
  page,
  server,
  browser,
}) => {
  const TYPED = 'Typed in a tab that never heard of the lock.';
  await seed(page, server);
  const draftUrl = await newRecord(page, server);
  const record = await lockRecordMadeElsewhere(browser, server);
  // The record appears without this tab hearing about it: a tab's own write fires no storage event in it.
  await page.evaluate((r) => localStorage.setItem('trust-steps/lock', r), record);

  await page.getByLabel('What happened?').fill(TYPED);
  const banner = page.getByTestId('unlock-here');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Not saved yet');
  await expect(banner).toContainText('locked in another tab');
  await expect(page.getByLabel('What happened?')).toHaveValue(TYPED);
  expect(JSON.stringify(await rawStorage(page))).not.toContain('never heard');
  expect(await axeViolations(page)).toEqual([]);

  // A wrong passphrase changes nothing and says so.
  await banner.getByLabel('Passphrase to unlock and save').fill('blue kettle evening');
  await banner.getByRole('button', { name: 'Unlock and save' }).click();
  await expect(page.getByTestId('unlock-here-error')).toContainText('not right', { timeout: 30_000 });
  expect(JSON.stringify(await rawStorage(page))).not.toContain('never heard');

  // Typed and submitted from the keyboard.
  await banner.getByLabel('Passphrase to unlock and save').fill(PASSPHRASE);
  await banner.getByLabel('Passphrase to unlock and save').press('Enter');
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved yet' })).toHaveCount(0);
  const stored = await rawStorage(page);
  const draftKey = 'trust-steps/journal/' + draftUrl.match(/([0-9a-f]{32})\/edit$/)[1];
  expect(stored[draftKey]).toMatch(/^enc2:/);
  expect(JSON.stringify(stored)).not.toContain('never heard');
  // Everything written before the lock (seeded plain) was sealed by the unlock too.
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith('trust-steps/journal/')) expect(value, key).toMatch(/^enc2:/);
  }

  await page.reload();
  await waitForApp(page);
  await unlockAtLockScreen(page);
  await expect(page.getByLabel('What happened?')).toHaveValue(TYPED);
});

test('a tab shown again re-checks the lock: to the lock screen with nothing unsaved, an unlock in place with something', async ({
  page,
  server,
  browser,
}) => {
  // Chromium under Playwright runs without the back/forward cache (Playwright passes --disable-back-forward-cache),
  // and a headless page never really turns hidden, so the events a restored or resumed tab gets are sent here as
  // the browser sends them: pageshow (persisted, as from the back/forward cache), visibilitychange, focus.
  await seed(page, server);
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.getByText('They are ignoring me on purpose.')).toBeVisible();
  const record = await lockRecordMadeElsewhere(browser, server);
  await page.evaluate((r) => localStorage.setItem('trust-steps/lock', r), record);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  // Nothing unsaved: the page reloads to the lock screen, and nothing decrypted or plain is left on it.
  await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('They are ignoring me on purpose.')).toHaveCount(0);

  // Back to the lock off (everything plain again), and a tab with a change storage has not taken yet.
  await page.evaluate(() => localStorage.removeItem('trust-steps/lock'));
  // At the lock screen, a lock turned off elsewhere is noticed on focus: the app opens.
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toHaveCount(0, { timeout: 30_000 });
  await waitForApp(page);
  await page.addInitScript(() => {
    // Storage refuses this tab's journal writes while the flag is set.
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (this === window.localStorage && key.startsWith('trust-steps/journal/') && sessionStorage.getItem('test-full')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await newRecord(page, server);
  await page.evaluate(() => sessionStorage.setItem('test-full', '1'));
  await page.getByLabel('What happened?').fill('Waiting for room to be saved.');
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved yet' })).toContainText('full');
  await page.evaluate((r) => localStorage.setItem('trust-steps/lock', r), record);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  // Something unsaved: no reload (it would be lost) but the unlock in place, the text still on screen.
  await expect(page.getByTestId('unlock-here')).toBeVisible();
  await expect(page.getByLabel('What happened?')).toHaveValue('Waiting for room to be saved.');
  expect(JSON.stringify(await rawStorage(page))).not.toContain('Waiting for room');
});

test('a save storage refused survives Lock now sealed, and is written after the unlock once there is room', async ({
  page,
  server,
}) => {
  const TYPED = 'Written while the storage was full.';
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (this === window.localStorage && key.startsWith('trust-steps/journal/') && localStorage.getItem('test-full')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await seed(page, server);
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await turnOnHere(page);
  // Within the app (a reload would lock): a new record.
  await page.getByRole('link', { name: 'Journal', exact: true }).first().click();
  await page.getByRole('link', { name: 'New thought record' }).click();
  await expect(page).toHaveURL(/\/journal\/[0-9a-f]{32}\/edit$/);
  const draftUrl = page.url();
  await page.evaluate(() => localStorage.setItem('test-full', '1'));
  await page.getByLabel('What happened?').fill(TYPED);
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved yet' })).toContainText('full');

  // Lock now (Settings, reached without a reload): the queue cannot be written, so it is kept sealed.
  await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toBeVisible({ timeout: 30_000 });
  const session = await sessionText(page);
  expect(session).toContain('unsaved1:');
  expect(session).not.toContain('full.');
  expect(session).not.toContain('journal');
  expect(JSON.stringify(await rawStorage(page))).not.toContain(TYPED);

  // Unlocked while storage is still full: back in the queue, on screen, and said to be not saved yet.
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const notSaved = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
  await expect(notSaved).toContainText('still not saved', { timeout: 30_000 });
  expect(await sessionText(page)).not.toContain('unsaved1:');

  // Room again: Try again writes it, sealed.
  await page.evaluate(() => localStorage.removeItem('test-full'));
  await notSaved.getByRole('button', { name: 'Try again' }).click();
  await expect(notSaved).toHaveCount(0);
  const draftKey = 'trust-steps/journal/' + draftUrl.match(/([0-9a-f]{32})\/edit$/)[1];
  expect((await rawStorage(page))[draftKey]).toMatch(/^enc2:/);
  expect(JSON.stringify(await rawStorage(page))).not.toContain(TYPED);
  await page.goto(draftUrl);
  await waitForApp(page);
  await unlockAtLockScreen(page);
  await expect(page.getByLabel('What happened?')).toHaveValue(TYPED);
});

test('Lock now asks before losing a change it can neither save nor keep', async ({ page, server, browser }) => {
  await seed(page, server);
  await newRecord(page, server);
  const record = await lockRecordMadeElsewhere(browser, server);
  await page.evaluate((r) => localStorage.setItem('trust-steps/lock', r), record);
  await page.getByLabel('What happened?').fill('Not kept anywhere.');
  await expect(page.getByTestId('unlock-here')).toBeVisible();
  await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
  await page.getByRole('button', { name: 'Lock now' }).click();
  const ask = page.getByTestId('confirm-lock');
  await expect(ask).toContainText('1 change in this tab cannot be saved or kept');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await ask.getByRole('button', { name: 'Lock anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toBeVisible({ timeout: 30_000 });
  expect(await sessionText(page)).not.toContain('Not kept');
  expect(JSON.stringify(await rawStorage(page))).not.toContain('Not kept');
});
