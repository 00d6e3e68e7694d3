// Safari on an iPhone erases a site's saved data after seven days without a visit; Home Screen apps are exempt
// (issue 19). Emulated here with Safari's user agent and `navigator.standalone`: a Safari tab sees the warning
// and the Home Screen steps once an entry exists (Today and Settings), an installed app and desktop Chromium do
// not; Settings › Install shows the steps on iOS instead of leaving the Install button out; persistent storage is
// still asked for; the backup ask comes after three days there.
import { axeViolations } from './a11y.mjs';
import { test, expect, waitForApp, openPage } from './support.mjs';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DAY = 86_400_000;

/** Defines `navigator.standalone` as iOS does, and counts the app's requests for persistent storage. */
async function emulateIos(page, standalone) {
  await page.addInitScript((installed) => {
    Object.defineProperty(Navigator.prototype, 'standalone', { get: () => installed, configurable: true });
    window.__persistAsked = 0;
    if (navigator.storage) {
      const persist = navigator.storage.persist.bind(navigator.storage);
      navigator.storage.persist = () => {
        window.__persistAsked += 1;
        return persist();
      };
    }
  }, standalone);
}

/** Makes a promise through the form: the user's first entry. */
async function makeAPromise(page, server) {
  await openPage(page, server, '/practice/promises');
  await page.getByLabel('Your promise', { exact: true }).fill('Go to bed at the time I chose');
  await page.getByRole('button', { name: 'Add promise' }).click();
  await expect(page.locator('.promise-card')).toHaveCount(1);
}

/** A thought record made `daysAgo` days ago, written straight into storage. */
async function putRecord(page, daysAgo) {
  await page.evaluate((at) => {
    const data = { id: 'r1', created_at: at, updated_at: at, status: 'complete', situation: 'A late reply', thought: 'They are done with me' };
    localStorage.setItem('trust-steps/journal/r1', JSON.stringify({ schema: 1, data }));
  }, new Date(Date.now() - daysAgo * DAY).toISOString());
}

test.describe('Safari on an iPhone, in a tab', () => {
  test.use({ ...PHONE, userAgent: IPHONE_SAFARI });

  test('nothing to lose yet: no warning, but Settings › Install explains the Home Screen steps', async ({ page, server }) => {
    await emulateIos(page, false);
    await openPage(page, server, '/');
    await expect(page.getByRole('heading', { name: 'Welcome to Trust Steps' })).toBeVisible();
    await expect(page.getByTestId('seven-day-warning')).toHaveCount(0);
    await openPage(page, server, '/settings');
    await expect(page.getByTestId('seven-day-warning')).toHaveCount(0);
    const install = page.locator('#install');
    await expect(install.getByRole('button', { name: 'Install Trust Steps' })).toHaveCount(0);
    const steps = install.getByTestId('home-screen-steps');
    await expect(steps).toContainText('Share');
    await expect(steps).toContainText('Add to Home Screen');
    // No entries: no backup step.
    await expect(steps.getByRole('button', { name: 'Download a backup' })).toHaveCount(0);
    // Persistent storage is still asked for.
    await expect.poll(() => page.evaluate(() => window.__persistAsked)).toBeGreaterThan(0);
  });

  test('once an entry exists, Today and Settings say what Safari does and exactly how to prevent it', async ({ page, server }) => {
    await emulateIos(page, false);
    await makeAPromise(page, server);
    await openPage(page, server, '/');
    const warning = page.getByTestId('seven-day-warning');
    await expect(warning.getByRole('heading', { name: 'Safari may erase your entries' })).toBeVisible();
    await expect(warning).toContainText('seven days');
    await expect(warning).toContainText('Home Screen');
    // Below the next step, not above it.
    const [next, box] = [await page.locator('.card--next').boundingBox(), await warning.boundingBox()];
    expect(box.y).toBeGreaterThan(next.y);
    await warning.getByText('How to add it to your Home Screen').click();
    const steps = warning.getByTestId('home-screen-steps');
    await expect(steps.locator('li')).toHaveCount(4);
    await expect(steps.locator('li').nth(0)).toContainText('Download a backup first');
    await expect(steps.locator('li').nth(1)).toContainText('Share');
    await expect(steps.locator('li').nth(2)).toContainText('Add to Home Screen');
    await expect(steps.locator('li').nth(3)).toContainText('Backup and restore');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    // Polled: the colours ease into the dark theme, and axe must see where they settle.
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    const download = page.waitForEvent('download');
    await steps.getByRole('button', { name: 'Download a backup' }).click();
    await download;

    await openPage(page, server, '/settings');
    await expect(page.getByTestId('seven-day-warning')).toContainText('seven days');
    await page.getByTestId('seven-day-warning').getByRole('link', { name: 'How to add Trust Steps to your Home Screen' }).click();
    await expect(page).toHaveURL(/\/settings#install$/);
    await expect(page.locator('#install').getByTestId('home-screen-steps').getByRole('button', { name: 'Download a backup' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the backup ask comes three days after the first entry, well before seven', async ({ page, server }) => {
    await emulateIos(page, false);
    await openPage(page, server, '/privacy');
    await putRecord(page, 2);
    await openPage(page, server, '/');
    await expect(page.getByTestId('seven-day-warning')).toBeVisible();
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
    await putRecord(page, 3);
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('backup-reminder')).toContainText('You have 1 entry and no backup yet.');
    await expect(page.getByTestId('backup-reminder')).toContainText('Safari can erase them after seven days');
  });
});

/** Today (with its next step drawn) and Settings show no seven-day warning, no backup ask and no Home Screen steps;
 *  ends on Settings. */
async function expectNoSevenDayNotice(page, server) {
  await openPage(page, server, '/');
  await expect(page.locator('.card--next')).toBeVisible();
  await expect(page.getByTestId('seven-day-warning')).toHaveCount(0);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await openPage(page, server, '/settings');
  await expect(page.getByTestId('seven-day-warning')).toHaveCount(0);
  await expect(page.getByTestId('home-screen-steps')).toHaveCount(0);
}

test.describe('Safari on an iPhone, added to the Home Screen', () => {
  test.use({ ...PHONE, userAgent: IPHONE_SAFARI });

  test('sees no warning and no steps: the app is installed', async ({ page, server }) => {
    await emulateIos(page, true);
    await makeAPromise(page, server);
    await putRecord(page, 3);
    await expectNoSevenDayNotice(page, server);
    await expect(page.getByTestId('installed')).toContainText('installed app');
  });
});

test('desktop Chromium with entries sees no Safari warning and no Home Screen steps', async ({ page, server }) => {
  await makeAPromise(page, server);
  await putRecord(page, 5);
  await expectNoSevenDayNotice(page, server);
  await expect(page.locator('#install')).toContainText('install button appears here');
});
