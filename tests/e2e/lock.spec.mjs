// The passphrase lock (issue 7): turning it on encrypts every stored value but settings; reload shows the lock
// screen; a wrong passphrase and tampered ciphertext change nothing; Hide locks; other tabs lock too; changing
// the passphrase and turning the lock off; encrypted backups. PBKDF2 runs 600,000 rounds, so these are slowish.
import { test, expect, waitForApp, FIXTURE, seedFixture as seed, appStorage, turnOnLock, unlockWith } from './support.mjs';

test.setTimeout(120_000);

const SECRET = 'They are ignoring me on purpose.';
const JOURNAL_KEY = 'trust-steps/journal/0f1e2d3c4b5a69788796a5b4c3d2e1f0';

const rawStorage = appStorage;

const turnOn = (page, server, passphrase) => turnOnLock(page, passphrase, server);

/** Types the passphrase; it may be a wrong one, so this does not wait for the app. */
const unlock = (page, passphrase) => unlockWith(page, passphrase, { opens: false });

test('the lock encrypts at rest; reload asks for the passphrase; a wrong one changes nothing', async ({ page, server }) => {
  await seed(page, server);
  await turnOn(page, server, 'blue kettle morning');
  const stored = await rawStorage(page);
  expect(stored[JOURNAL_KEY]).toMatch(/^enc2:/);
  expect(JSON.stringify(stored)).not.toContain('ignoring');
  expect(JSON.parse(stored['trust-steps/settings']).data.theme).toBe('dark');
  expect(JSON.parse(stored['trust-steps/lock']).data.iterations).toBeGreaterThanOrEqual(600000);

  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  // The app opens on the lock screen with the passphrase field focused, ready to type into.
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await unlock(page, 'blue kettle evening');
  await expect(page.getByTestId('unlock-error')).toHaveText('That passphrase is not right. Nothing was changed; try again.', { timeout: 30_000 });
  expect(await rawStorage(page)).toEqual(stored);
  await page.getByLabel('Passphrase').fill('blue kettle morning');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(SECRET)).toBeVisible({ timeout: 30_000 });
});

test('tampered ciphertext is reported and left untouched', async ({ page, server }) => {
  await seed(page, server);
  await turnOn(page, server, 'blue kettle morning');
  const tampered = await page.evaluate((key) => {
    const value = localStorage.getItem(key);
    const i = value.length - 8;
    const changed = value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1);
    localStorage.setItem(key, changed);
    return changed;
  }, JOURNAL_KEY);
  await page.reload();
  await waitForApp(page);
  await unlock(page, 'blue kettle morning');
  // Set aside like unreadable JSON (issue 20): reported, never overwritten, its stored text kept (sealed, as
  // data under the lock) where Settings offers it for download.
  await expect(page.getByRole('alert').filter({ hasText: 'Some saved data could not be read' })).toBeVisible({ timeout: 30_000 });
  const stored = await rawStorage(page);
  expect(stored[JOURNAL_KEY]).toBeUndefined();
  const setAside = Object.keys(stored).filter((k) => k.startsWith('trust-steps/quarantine/journal/'));
  expect(setAside).toHaveLength(1);
  expect(stored[setAside[0]]).toMatch(/^enc2:/);
  expect(tampered).toMatch(/^enc2:/);
  // Still unlocked (the page is Settings already).
  await expect(page.locator('#stored-data')).toContainText('could not be decrypted', { timeout: 30_000 });
});

test('Hide locks, other tabs lock too, and the passphrase can be changed and the lock turned off', async ({ page, server, context }) => {
  await seed(page, server);
  await turnOn(page, server, 'blue kettle morning');
  const other = await context.newPage();
  await other.goto(server.origin + '/journal');
  await waitForApp(other);
  await unlock(other, 'blue kettle morning');
  await expect(other.getByText(SECRET)).toBeVisible({ timeout: 30_000 });
  // Hide in the first tab: the neutral cover, then the lock screen behind it; the other tab locks too.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quick-hide-cover')).toBeVisible();
  await expect(page).toHaveTitle('Notes');
  await expect(other.getByRole('heading', { name: 'Trust Steps is locked' })).toBeVisible();
  await expect(other.getByText(SECRET)).toHaveCount(0);
  await page.getByTestId('quick-hide-cover').getByRole('button', { name: 'Back' }).click();
  await unlock(page, 'blue kettle morning');
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await unlock(page, 'blue kettle morning');
  await page.getByLabel('Current passphrase').fill('blue kettle morning');
  await page.getByLabel('New passphrase', { exact: true }).fill('green teapot night');
  await page.getByLabel('Type the new one again').fill('green teapot night');
  await page.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(page.getByTestId('lock-message')).toHaveText('The passphrase is changed.', { timeout: 30_000 });
  await page.reload();
  await waitForApp(page);
  await unlock(page, 'blue kettle morning');
  await expect(page.getByTestId('unlock-error')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Passphrase').fill('green teapot night');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByLabel('Passphrase to turn the lock off').fill('green teapot night');
  await page.getByRole('button', { name: 'Turn off the lock' }).click();
  await expect(page.getByTestId('lock-status')).toContainText('The lock is off', { timeout: 30_000 });
  const stored = await rawStorage(page);
  expect(stored['trust-steps/lock']).toBeUndefined();
  expect(JSON.parse(stored[JOURNAL_KEY]).data.thought).toBe(SECRET);
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.getByText(SECRET)).toBeVisible();
});

test('an encrypted backup imports only with its passphrase', async ({ page, server, browser }) => {
  await seed(page, server);
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await page.getByLabel('Encrypt the backup with a passphrase').check();
  await page.getByLabel('Backup passphrase', { exact: true }).fill('river stone');
  await page.getByLabel('Backup passphrase again').fill('river stone');
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Download a backup', exact: true }).click();
  const file = Buffer.concat(await (await (await download).createReadStream()).toArray());
  const text = file.toString('utf8');
  expect(JSON.parse(text)).toMatchObject({ app: 'trust-steps', kind: 'encrypted-backup', iterations: 600000 });
  expect(text).not.toContain('ignoring');

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(server.origin + '/settings');
    await waitForApp(other);
    await other.getByLabel('Choose a backup file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: file });
    await other.getByLabel('Passphrase of this backup').fill('river rock');
    await other.getByRole('button', { name: 'Open the backup' }).click();
    await expect(other.getByTestId('import-error')).toContainText('That passphrase does not open this backup', { timeout: 30_000 });
    await expect(other.getByTestId('import-error')).toContainText('Nothing was changed');
    await other.getByLabel('Passphrase of this backup').fill('river stone');
    await other.getByRole('button', { name: 'Open the backup' }).click();
    await expect(other.getByTestId('import-summary')).toContainText('12 new', { timeout: 30_000 });
  } finally {
    await fresh.close();
  }
});

test('after the chosen idle time the app locks itself; activity puts it off; unlocking brings the data back', async ({
  page,
  server,
}) => {
  // The idle check reads Date.now() every 10 s (setInterval): a fake clock lets the test skip the minutes.
  await page.clock.install();
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate((data) => {
    for (const [key, envelope] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(envelope));
  }, FIXTURE.data);
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await page.getByLabel('New passphrase', { exact: true }).fill('blue kettle morning');
  await page.getByLabel('Type it again').fill('blue kettle morning');
  await page.getByLabel('Lock again after no use for').selectOption({ label: '1 minute' });
  await page.getByLabel(/I understand that a forgotten passphrase/).check();
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByTestId('lock-status')).toContainText('The lock is on', { timeout: 30_000 });
  expect(JSON.parse((await rawStorage(page))['trust-steps/lock']).data.idle_minutes).toBe(1);
  const locked = page.getByRole('heading', { name: 'Trust Steps is locked' });

  // Turned on just now, in this tab, without a reload: the idle time already counts. Under a minute: open.
  await page.getByRole('link', { name: 'Journal', exact: true }).first().click();
  await expect(page.getByText(SECRET)).toBeVisible();
  await page.clock.runFor(40_000);
  await expect(page.getByText(SECRET)).toBeVisible();
  await expect(locked).toHaveCount(0);
  // A key press starts the minute again: 40 s + 40 s is past a minute, but not since the key press.
  await page.keyboard.press('Shift');
  await page.clock.runFor(40_000);
  await expect(page.getByText(SECRET)).toBeVisible();
  await expect(locked).toHaveCount(0);
  // Past a minute with nothing done: the lock screen, with nothing decrypted on it.
  await page.clock.runFor(30_000);
  await expect(locked).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(SECRET)).toHaveCount(0);
  expect((await rawStorage(page))[JOURNAL_KEY]).toMatch(/^enc2:/);

  // Unlocking brings everything back, and the idle lock keeps watching after that.
  await unlock(page, 'blue kettle morning');
  await expect(page.getByText(SECRET)).toBeVisible({ timeout: 30_000 });
  await page.clock.runFor(70_000);
  await expect(locked).toBeVisible({ timeout: 30_000 });

  // Set to "only when I open the app": idle time no longer locks.
  await unlock(page, 'blue kettle morning');
  await expect(page.getByText(SECRET)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
  await page.getByLabel('Lock again after no use for').selectOption({ label: 'Only when I open the app or press Hide' });
  await page.clock.runFor(120_000);
  await expect(locked).toHaveCount(0);
  await expect(page.getByTestId('lock-status')).toContainText('The lock is on');
});
