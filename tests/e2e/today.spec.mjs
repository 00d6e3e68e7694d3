// Today (issue 19): the welcome's one action on a phone's first screen, promises checked in from Today itself
// with a calm line and Undo, and a backup ask that waits for something worth keeping and says what is true.
import { test, expect, waitForApp, openPage } from './support.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DAY = 86_400_000;
const iso = (daysAgo) => new Date(Date.now() - daysAgo * DAY).toISOString();
const PRESSURE = /streak|!|amazing|well done|congrat|in a row|fail|lazy|should have|shame/i;

/** Writes promises straight into storage: `[id, text, days since made]`, every one daily and not checked in. */
async function putPromises(page, list) {
  await page.evaluate((rows) => {
    for (const { id, text, at } of rows) {
      const data = { id, created_at: at, updated_at: at, text, recurrence: 'daily', start_day: at.slice(0, 10), archived: false, checkins: [] };
      localStorage.setItem(`trust-steps/promises/${id}`, JSON.stringify({ schema: 1, data }));
    }
  }, list.map(([id, text, days]) => ({ id, text, at: iso(days) })));
}

/** Today's check-ins of a stored promise, as `[day, kept]`. */
const checkins = (page, id) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key)).data.checkins.map((c) => [c.day, c.kept]), `trust-steps/promises/${id}`);

test.describe('on a phone', () => {
  test.use(PHONE);

  test('first run: the welcome and its one action fit the first screen', async ({ page, server }) => {
    await openPage(page, server, '/');
    const start = page.getByRole('link', { name: 'Start the first lesson' });
    await expect(start).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = await start.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    // The welcome says where things are kept before anything else is asked of them.
    await expect(page.locator('.card--welcome')).toContainText('nothing is sent anywhere');
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  });

  test('a promise due today is checked in from Today in one tap, with a calm line and Undo', async ({ page, server }) => {
    await openPage(page, server, '/privacy');
    await putPromises(page, [['walk', 'Walk round the block', 3], ['water', 'Drink water when I get up', 2]]);
    await openPage(page, server, '/');
    const next = page.locator('.card--next');
    await expect(next.getByRole('heading', { name: 'Check in on your promises' })).toBeVisible();
    await expect(next).toContainText('Did you keep them?');
    const due = next.locator('.promise-due');
    await expect(due).toHaveText([/Walk round the block/, /Drink water/]);
    const kept = due.filter({ hasText: 'Walk round the block' }).getByRole('button', { name: 'Kept' });
    await expect(kept).toBeInViewport();

    // One tap.
    await kept.click();
    const toast = page.locator('.toast');
    await expect(toast).toContainText(/^Kept\. /);
    expect(await toast.locator('span').innerText()).not.toMatch(PRESSURE);
    await expect(due).toHaveCount(1);
    await expect(next).toContainText('Did you keep it?');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await checkins(page, 'walk')).toEqual([[today, true]]);

    // Undo puts it back as it was: due again, nothing recorded.
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(due).toHaveCount(2);
    expect(await checkins(page, 'walk')).toEqual([]);

    // A miss is noted without blame.
    await due.filter({ hasText: 'Drink water' }).getByRole('button', { name: 'Missed' }).click();
    await expect(toast).toContainText('Noted as missed.');
    expect(await toast.locator('span').innerText()).not.toMatch(PRESSURE);
    await due.filter({ hasText: 'Walk round the block' }).getByRole('button', { name: 'Kept' }).click();
    await expect(due).toHaveCount(0);
    await expect(next.getByRole('heading', { name: 'Check in on your promises' })).toHaveCount(0);

    await page.reload();
    await waitForApp(page);
    expect(await checkins(page, 'water')).toEqual([[today, false]]);
    expect(await checkins(page, 'walk')).toEqual([[today, true]]);
    await expect(page.locator('.card--next .promise-due')).toHaveCount(0);
    await expect(page.locator('.quick-actions a[href="/practice/promises"]')).toHaveText('Today’s promises');
  });

  test('the backup ask waits for a week of entries, sits quietly below the next step and says what is true', async ({ page, server }) => {
    await openPage(page, server, '/privacy');
    // Day one: entries, but nothing asked yet.
    await putPromises(page, [['a', 'One', 0], ['b', 'Two', 0], ['c', 'Three', 0]]);
    await openPage(page, server, '/');
    await expect(page.locator('.card--next')).toBeVisible();
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

    // A week after the first entry.
    await putPromises(page, [['a', 'One', 8]]);
    await page.reload();
    await waitForApp(page);
    const ask = page.getByTestId('backup-reminder');
    await expect(ask).toContainText('You have 3 entries and no backup yet.');
    await expect(ask).not.toContainText('two weeks');
    await expect(ask).not.toContainText('Safari');
    const [nextBox, askBox] = [await page.locator('.card--next').boundingBox(), await ask.boundingBox()];
    expect(askBox.y).toBeGreaterThan(nextBox.y + nextBox.height - 1);
    // Quiet: the plain card colours, not the warm alarm ones, and a secondary button.
    const colours = (selector) => page.locator(selector).evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderTopColor]);
    expect(await colours('[data-testid="backup-reminder"]')).toEqual(await colours('.card--next'));
    await expect(ask.getByRole('button', { name: 'Download a backup' })).toHaveClass(/button--secondary/);

    await ask.getByRole('button', { name: 'Not now' }).click();
    await expect(ask).toHaveCount(0);
    await page.reload();
    await waitForApp(page);
    await expect(ask).toHaveCount(0);

    // After a backup: only what changed since is named.
    await page.evaluate((at) => {
      const data = { last_backup_at: at, reminder_snoozed_at: null };
      localStorage.setItem('trust-steps/backup-status', JSON.stringify({ schema: 1, data }));
    }, iso(30));
    await putPromises(page, [['a', 'One', 40], ['b', 'Two', 40], ['c', 'Three', 15]]);
    await page.reload();
    await waitForApp(page);
    await expect(ask).toContainText('1 entry is new or changed since your last backup, 30 days ago.');
    const download = page.waitForEvent('download');
    await ask.getByRole('button', { name: 'Download a backup' }).click();
    await download;
    await expect(ask).toHaveCount(0);
  });
});

test('at 1280×800 the first run shows the welcome, its action and where to start', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openPage(page, server, '/');
  await expect(page.getByRole('link', { name: 'Start the first lesson' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('heading', { name: 'Where to start' })).toBeInViewport();
});
