// Only what must be plain stays plain (issue 20). With the lock on, localStorage shows no user text at all: only
// the theme (settings), the lock record and the device-only markers can be read; the country and the suggestions
// set aside on Today are sealed with the entries, and settings an older version wrote are split when the app is
// unlocked. The lock screen reads nothing, yet help lines are one tap away on it ("Need help now?"), and Hide
// works there too.
import { axeViolations } from './a11y.mjs';
import { test, expect, waitForApp, seedFixture, appStorage, turnOnLock, unlockWith } from './support.mjs';

test.setTimeout(120_000);

const SECRET = 'They are ignoring me on purpose.';
const PASSPHRASE = 'quiet harbour lantern';

/** Keys whose values may be read while the lock is on. */
const PLAIN = ['trust-steps/settings', 'trust-steps/lock', 'trust-steps/lock-signal', 'trust-steps/replaced', 'trust-steps/backup-status'];

const rawStorage = appStorage;

const turnOn = (page, server) => turnOnLock(page, PASSPHRASE, server);

const unlock = (page) => unlockWith(page, PASSPHRASE);

/** Every value but the plain few is sealed (not JSON, no readable text), none shows a secret, and the plain
 * settings hold the theme and its time only. */
function expectNothingReadable(stored, secrets) {
  expect(Object.keys(stored).length).toBeGreaterThan(PLAIN.length);
  for (const [key, value] of Object.entries(stored)) {
    for (const secret of secrets) expect(value, `${key} shows ${secret}`).not.toContain(secret);
    if (PLAIN.includes(key)) continue;
    expect(() => JSON.parse(value), `${key} is sealed: ${value.slice(0, 60)}`).toThrow();
    expect(value, key).not.toMatch(/^\s*[{["]/);
  }
  const settings = JSON.parse(stored['trust-steps/settings']).data;
  expect(Object.keys(settings).sort()).toEqual(['theme', 'updated_at']);
  expect(stored['trust-steps/preferences'], 'the preferences are stored (sealed)').toBeDefined();
}

test('with the lock on, localStorage holds no user text: only the theme, the lock and device markers are readable', async ({
  page,
  server,
}) => {
  await seedFixture(page, server);
  // A country and a suggestion set aside, while the lock is still off.
  await page.goto(server.origin + '/help');
  await waitForApp(page);
  await page.getByLabel('Show lines for').selectOption('GB');
  await page.goto(server.origin + '/');
  await waitForApp(page);
  await page.locator('.card--next').getByRole('button', { name: 'Not today' }).click();
  const before = await rawStorage(page);
  const preferences = JSON.parse(before['trust-steps/preferences']).data;
  expect(preferences.country).toBe('GB');
  const dismissed = preferences.dismissed_steps.keys[0];
  expect(dismissed).toBeTruthy();
  expect(JSON.parse(before['trust-steps/settings']).data.country, 'never in the plain settings').toBeUndefined();
  expect(JSON.parse(before['trust-steps/settings']).data.dismissed_steps).toBeUndefined();

  await turnOn(page, server);
  // And a change made while the lock is on is sealed as it is written.
  await page.getByLabel('Your country').selectOption('IE');
  await expect(page.getByLabel('Your country')).toHaveValue('IE');
  const secrets = [SECRET, 'ignoring', '"GB"', '"IE"', dismissed, 'country', 'dismissed_steps'];
  const stored = await rawStorage(page);
  expectNothingReadable(stored, secrets);
  expect(JSON.parse(stored['trust-steps/settings']).data.theme).toBe('dark');

  // The lock screen reads nothing and writes nothing, help included.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('ignoring');
  const help = page.locator('#lock-help');
  await expect(help).toBeHidden();
  await page.getByRole('button', { name: 'Need help now?' }).click();
  await expect(page.getByRole('button', { name: 'Need help now?' })).toHaveAttribute('aria-expanded', 'true');
  await expect(help.getByRole('heading', { name: 'Help now' })).toBeVisible();
  // The saved country is sealed: the lines start general, every country's, as on Help before a choice.
  await expect(help.getByLabel('Show lines for')).toHaveValue('');
  const crisis = help.locator('.helplines[data-kind="crisis"] .helpline');
  await expect(crisis.first()).toHaveAttribute('data-line', 'us-988');
  await expect(help.locator('.helplines[data-kind="crisis"] a[href^="tel:"]').first()).toBeVisible();
  await expect(help.locator('.helplines[data-kind="domestic-abuse"] a[href^="tel:"]').first()).toBeVisible();
  // A country chosen here puts its lines first, on this screen only.
  await help.getByLabel('Show lines for').selectOption('GB');
  await expect(crisis.first()).toHaveAttribute('data-line', 'gb-ie-samaritans');
  await expect(help.locator('.helplines[data-kind="emergency"] a[href="tel:999"]')).toBeVisible();
  await expect(help.getByText('Nothing is saved while Trust Steps is locked.')).toBeVisible();
  expect(await rawStorage(page), 'the lock screen saved nothing').toEqual(stored);
  expect(await axeViolations(page)).toEqual([]);

  // Unlocked, the sealed choice is back.
  await unlock(page);
  await page.goto(server.origin + '/help');
  await waitForApp(page);
  await unlock(page);
  await expect(page.getByLabel('Show lines for')).toHaveValue('IE');
  await expect(page.locator('.helplines[data-kind="crisis"] .helpline').first()).toHaveAttribute('data-line', 'gb-ie-samaritans');
});

test('settings an older version wrote are split when the app is unlocked: the country and the rest sealed', async ({
  page,
  server,
}) => {
  await seedFixture(page, server);
  await turnOn(page, server);
  // An older Trust Steps (another tab, or before the update) kept the country and the set-aside suggestions in
  // the plain settings.
  const today = new Date().toISOString().slice(0, 10);
  await page.evaluate((day) => {
    const old = {
      schema: 1,
      data: {
        theme: 'light',
        country: 'NZ',
        dismissed_steps: { day, keys: ['lesson:older-version-step'] },
        font_size: 'larger-from-elsewhere',
        updated_at: new Date().toISOString(),
      },
    };
    localStorage.setItem('trust-steps/settings', JSON.stringify(old));
  }, today);
  await page.reload();
  await waitForApp(page);
  // The lock screen paints the plain theme and takes nothing else from it.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('#lock-help').getByLabel('Show lines for'), 'the sealed country is not known here').toHaveValue('');
  await unlock(page);
  await expect.poll(async () => Object.keys(JSON.parse((await rawStorage(page))['trust-steps/settings']).data).sort()).toEqual([
    'theme',
    'updated_at',
  ]);
  const stored = await rawStorage(page);
  expectNothingReadable(stored, [SECRET, '"NZ"', 'older-version-step', 'larger-from-elsewhere', 'country']);
  expect(JSON.parse(stored['trust-steps/settings']).data.theme).toBe('light');
  await page.goto(server.origin + '/help');
  await waitForApp(page);
  await unlock(page);
  await expect(page.getByLabel('Show lines for')).toHaveValue('NZ');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the lock screen has help one tap away in the first screen, and Hide covers it', async ({ page, server }) => {
    await seedFixture(page, server);
    await turnOn(page, server);
    await page.reload();
    await waitForApp(page);
    const button = page.getByRole('button', { name: 'Need help now?' });
    await expect(button).toBeInViewport();
    await button.tap();
    const call = page.locator('#lock-help .helplines[data-kind="emergency"] a[href^="tel:"]').first();
    await expect(call).toBeInViewport();
    const box = await call.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Hide/ }).tap();
    await expect(page.getByTestId('quick-hide-cover')).toBeVisible();
    await expect(page).toHaveTitle('Notes');
    await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toBeHidden();
    await expect(page.locator('#lock-help')).toBeHidden();
    // Back from the cover: the lock screen again (Hide never unlocks), with help closed.
    await page.getByTestId('quick-hide-cover').getByRole('button', { name: 'Back' }).tap();
    await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toBeVisible();
    await expect(page.locator('#lock-help')).toBeHidden();
  });
});
