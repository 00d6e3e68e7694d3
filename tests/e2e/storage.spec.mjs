// The storage core in the real build: unreadable data is kept aside and reported, a full quota keeps what the
// user did on screen and retries, storage that is switched off leaves the app running, and two tabs merge.
import { lessonSlugs } from './app-routes.mjs';
import { test, expect, waitForApp } from './support.mjs';

/** How many lessons the course has (one per src/content/lessons file). */
const LESSONS = lessonSlugs().length;

test('garbage in a stored key leaves the app running, shows the banner and keeps the garbage', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  const garbage = '{"schema":1,"data":{"theme": <<<not json';
  await page.evaluate((g) => localStorage.setItem('trust-steps/settings', g), garbage);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Some saved data could not be read' })).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('trust-steps/quarantine/settings/'))
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );
  expect(kept).toHaveLength(1);
  expect(kept[0].raw).toBe(garbage);
  expect(kept[0].original_key).toBe('trust-steps/settings');
  // The app still works, and a new setting is saved without touching the kept copy.
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString('utf8')).toBe(garbage);
  // Discarding is the user's choice, and then the banner goes away.
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Some saved data could not be read' })).toHaveCount(0);
});

test('a full quota keeps the change on screen with a clear error, and the next save catches up', async ({ page, server }) => {
  await page.addInitScript(() => {
    const realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull && key.startsWith('trust-steps/')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realSetItem.call(this, key, value);
    };
  });
  await page.goto(server.origin + '/learn/what-trust-is');
  await waitForApp(page);
  await page.evaluate(() => (window.__storageFull = true));
  await page.getByRole('button', { name: 'Mark as done' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
  await expect(error).toBeVisible();
  await expect(error).toContainText('storage for Trust Steps is full');
  await expect(page.getByRole('button', { name: /Done — mark as not done/ })).toBeVisible();
  // Space frees up: the next save (opening another lesson) writes the queued change too.
  await page.evaluate(() => (window.__storageFull = false));
  await page.getByRole('link', { name: /Next/ }).click();
  await expect(error).toHaveCount(0);
  await page.goto(server.origin + '/learn');
  await waitForApp(page);
  await expect(page.getByText(`1 of ${LESSONS} lessons done`)).toBeVisible();
});

test('storage that is switched off leaves the app running with a persistent banner', async ({ page, server }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await page.goto(server.origin + '/learn/what-trust-is');
  await waitForApp(page);
  const banner = page.getByRole('alert').filter({ hasText: 'Your entries are not being saved' });
  await expect(banner).toBeVisible();
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByRole('button', { name: /Done — mark as not done/ })).toBeVisible();
  await page.getByRole('link', { name: 'Learn', exact: true }).first().click();
  await expect(page.getByText(`1 of ${LESSONS} lessons done`)).toBeVisible();
  await expect(banner).toBeVisible();
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await expect(page.getByTestId('storage-persistence')).toContainText('not letting Trust Steps save');
});

test('two tabs marking different lessons both keep their changes', async ({ context, server }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(server.origin + '/learn');
  await second.goto(server.origin + '/learn');
  await waitForApp(first);
  await waitForApp(second);
  await first.goto(server.origin + '/learn/what-trust-is');
  await waitForApp(first);
  await first.getByRole('button', { name: 'Mark as done' }).click();
  // The second tab never reloaded: it learns of the first tab's change through the storage event.
  await second.getByRole('link', { name: 'Where trust issues come from' }).first().click();
  await second.getByRole('button', { name: 'Mark as done' }).click();
  await second.getByRole('link', { name: 'Learn', exact: true }).first().click();
  await expect(second.getByText(`2 of ${LESSONS} lessons done`)).toBeVisible();
  await first.getByRole('link', { name: 'Learn', exact: true }).first().click();
  await expect(first.getByText(`2 of ${LESSONS} lessons done`)).toBeVisible();
  const stored = await first.evaluate(() => JSON.parse(localStorage.getItem('trust-steps/lesson-progress')));
  const done = Object.entries(stored.data.lessons).filter(([, s]) => s.done_at).map(([slug]) => slug).sort();
  expect(done).toEqual(['what-trust-is', 'where-trust-issues-come-from']);
});

test('Settings shows how much storage is used and whether it is persistent', async ({ page, server }) => {
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await expect(page.getByTestId('storage-usage')).toContainText(/KiB of about 5 MiB used/);
  await expect(page.getByTestId('storage-persistence')).toContainText(/Storage is (not )?persistent/);
});
