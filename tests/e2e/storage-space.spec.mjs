// A full storage is seen coming (issue 20): from 80% of the quota the app plans for (5 MiB as WebKit counts it:
// 2,621,440 UTF-16 units of keys and values) Today and Settings say how much is left and offer a backup and an
// archive; under 80% they say nothing. The archive round-trips: entries last changed before a day go into a file
// holding exactly them, leave the device, and come back by importing that file with Merge. Sealed values are
// stored densely (`enc2:`, 15 bits per UTF-16 unit) and read back after a reload in Chromium.
import { test, expect, waitForApp } from './support.mjs';
import { axeViolations } from './a11y.mjs';
import { seededEntries, seedStorage } from './seed.mjs';
import { thoughtRecordEntries } from '../../scripts/bench-data.mjs';

test.setTimeout(120_000);

/** src/domain/storage_space.rs: PLANNED_QUOTA_UNITS. */
const QUOTA_UNITS = 2_621_440;
const MIB = 1024 * 1024;

/** UTF-16 units of every app key and value (what the app counts). */
function unitsOf(entries) {
  return entries.reduce((n, [k, v]) => n + k.length + v.length, 0);
}

/** The seeded data plus long thought records, to `share` of the planned quota in all. */
function filledTo(share) {
  const entries = seededEntries();
  const target = Math.round(QUOTA_UNITS * share);
  const [template] = thoughtRecordEntries(1, { seed: 3, end: '2026-01-31' });
  const base = JSON.parse(template[1]);
  // Last changed long ago, so the archive section has something to offer.
  Object.assign(base.data, { created_at: '2025-01-15T10:00:00.000Z', updated_at: '2025-01-15T10:00:00.000Z' });
  for (let i = 0; unitsOf(entries) < target; i++) {
    const id = (0xf000 + i).toString(16).padStart(32, '0');
    const key = `trust-steps/journal/${id}`;
    const make = (extra) => JSON.stringify({ ...base, data: { ...base.data, id, situation: 'w'.repeat(extra) } });
    const room = target - unitsOf(entries) - key.length - make(0).length;
    entries.push([key, make(Math.max(0, Math.min(60_000, room)))]);
  }
  return entries;
}

/** "about 0.9 MB": what is left, rounded down to a tenth, as the app writes it. */
function leftWords(usedUnits) {
  const tenths = Math.floor(((QUOTA_UNITS - usedUnits) * 2 * 10) / MIB);
  return tenths === 0 ? 'less than 0.1 MB' : `about ${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}

async function storedUnits(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('trust-steps/'))
      .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0),
  );
}

async function appData(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('trust-steps/') && !['trust-steps/backup-status', 'trust-steps/replaced'].includes(k))
        .sort()
        .map((k) => [k, JSON.parse(localStorage.getItem(k))]),
    ),
  );
}

test('just over 80% of the planned quota: Today and Settings say how much is left and offer the ways out', async ({ page, server }) => {
  await seedStorage(page, server.origin, waitForApp, filledTo(0.81));
  const used = await storedUnits(page);
  expect(used / QUOTA_UNITS).toBeGreaterThanOrEqual(0.8);
  expect(used / QUOTA_UNITS).toBeLessThan(0.82);
  const percent = Math.floor((used * 1000) / QUOTA_UNITS / 10);

  await page.goto(server.origin + '/');
  await waitForApp(page);
  const today = page.getByTestId('space-warning');
  await expect(today).toBeVisible();
  await expect(today).toBeInViewport();
  await expect(today.getByRole('heading', { name: 'Space for your entries is running low' })).toBeVisible();
  await expect(today).toContainText(`Trust Steps is using ${percent}% of the space some browsers give it; ${leftWords(used)} is left.`);
  await expect(today).toContainText('download a backup first, then move older entries into an archive file');
  await expect(today.getByRole('button', { name: 'Download a backup' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // On a phone's first screen too, heading and buttons.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(today.getByRole('heading')).toBeInViewport();
  await expect(today.getByRole('link', { name: 'Archive older entries' })).toBeInViewport();
  await today.getByRole('link', { name: 'Archive older entries' }).click();
  await expect(page).toHaveURL(/\/settings#archive$/);
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Make room: archive older entries' })).toBeVisible();

  const settings = page.getByTestId('space-warning');
  await expect(settings).toContainText(`${leftWords(used)} is left`);
  // Next to the usage figure.
  await expect(page.locator('[data-testid="storage-usage"] + [data-testid="space-warning"]')).toHaveCount(1);
  await expect(page.getByTestId('storage-usage')).toContainText(/KiB of about 5 MiB used \(8[01]\.\d%\)/);
  await expect(settings.getByRole('link', { name: 'Archive older entries' })).toHaveAttribute('href', '#archive');
  await expect(page.getByTestId('archive-preview')).toContainText('The archive would hold');
  expect(await axeViolations(page)).toEqual([]);
});

test('under 80% of the planned quota: no warning on Today or in Settings', async ({ page, server }) => {
  await seedStorage(page, server.origin, waitForApp, filledTo(0.79));
  const used = await storedUnits(page);
  expect(used / QUOTA_UNITS).toBeGreaterThan(0.78);
  expect(used / QUOTA_UNITS).toBeLessThan(0.8);
  await page.goto(server.origin + '/');
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Your next step' }).or(page.locator('#next-heading'))).toBeVisible();
  await expect(page.getByTestId('space-warning')).toHaveCount(0);
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await expect(page.getByTestId('storage-usage')).toContainText(/\(7[89]\.\d%\)/);
  await expect(page.getByTestId('space-warning')).toHaveCount(0);
});

test('archive round trip: entries last changed before a day go into the file, leave the device, and Merge brings them back', async ({ page, server, context }) => {
  const entries = seededEntries();
  const OLD = '2024-03-10T09:00:00.000Z';
  const oldKeys = [];
  let journal = 0;
  for (const entry of entries) {
    const [key, value] = entry;
    const parsed = JSON.parse(value);
    const isJournal = key.startsWith('trust-steps/journal/') && journal < 2;
    const history = isJournal || key.startsWith('trust-steps/triggers/');
    // People stay however old they are.
    const person = key.startsWith('trust-steps/people/') && oldKeys.filter((k) => k.includes('/people/')).length === 0;
    if (history || person) {
      parsed.data.created_at = OLD;
      parsed.data.updated_at = OLD;
      entry[1] = JSON.stringify(parsed);
      if (history) oldKeys.push(key);
      if (isJournal) journal++;
    }
  }
  const triggers = oldKeys.filter((k) => k.includes('/triggers/')).length;
  expect(journal).toBe(2);
  expect(triggers).toBeGreaterThan(0);
  await seedStorage(page, server.origin, waitForApp, entries);
  const before = await appData(page);

  await page.goto(server.origin + '/settings#archive');
  await waitForApp(page);
  const day = page.getByLabel('Archive entries last changed before');
  // The default: a year back from today.
  const now = new Date();
  const yearBack = `${now.getFullYear() - 1}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  await expect(day).toHaveValue(now.getMonth() === 1 && now.getDate() === 29 ? yearBack.replace(/29$/, '28') : yearBack);
  await day.fill('2025-01-01');
  const plural = triggers === 1 ? '1 trigger-log entry' : `${triggers} trigger-log entries`;
  await expect(page.getByTestId('archive-preview')).toContainText(`The archive would hold 2 thought records, ${plural}, and removing them would free`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the archive' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^trust-steps-archive-\d{4}-\d{2}-\d{2}\.json$/);
  const buffer = Buffer.concat(await (await file.createReadStream()).toArray());
  const archive = JSON.parse(buffer.toString('utf8'));
  expect(archive).toMatchObject({ app: 'trust-steps', kind: 'backup', schema: 1, archive: { before: '2025-01-01' } });
  expect(Object.keys(archive.data).sort()).toEqual([...oldKeys].sort());
  for (const key of oldKeys) expect(archive.data[key]).toEqual(before[key]);
  // Nothing has left the device yet.
  expect(await appData(page)).toEqual(before);

  // Another tab shows the journal while the entries are removed: it follows, and writes none of them back.
  const goneId = before[oldKeys.find((k) => k.includes('/journal/'))].data.id;
  const other = await context.newPage();
  await other.goto(server.origin + '/journal');
  await waitForApp(other);
  await expect(other.locator(`main a[href="/journal/${goneId}"]`)).toBeVisible();

  const step = page.getByTestId('archive-downloaded');
  await expect(step).toContainText(`The archive file holds ${oldKeys.length} entries`);
  await expect(step).toContainText('that file is the only copy of them');
  await step.getByRole('button', { name: 'Remove these from this device' }).click();
  await expect(page.getByTestId('archive-done')).toContainText(`${oldKeys.length} entries were removed from this device`);
  const after = await appData(page);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).filter((k) => !oldKeys.includes(k)).sort());
  for (const key of Object.keys(after)) expect(after[key]).toEqual(before[key]);
  await expect(other.locator(`main a[href="/journal/${goneId}"]`)).toHaveCount(0);
  await other.close();
  expect(Object.keys(await appData(page)).sort()).toEqual(Object.keys(after).sort());
  // The journal no longer lists them.
  const keptId = Object.entries(after).find(([k, v]) => k.includes('/journal/') && v.data.status === 'complete')[1].data.id;
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.locator(`main a[href="/journal/${keptId}"]`)).toBeVisible();
  await expect(page.locator(`main a[href="/journal/${goneId}"]`)).toHaveCount(0);

  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'archive.json', mimeType: 'application/json', buffer });
  // The preview says it is an archive and offers no Replace (it would remove everything else).
  await expect(page.getByTestId('import-archive')).toContainText('This file is an archive');
  await expect(page.getByRole('button', { name: 'Replace my data' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(page.getByTestId('import-done')).toContainText(`Merged: ${oldKeys.length} added`);
  expect(await appData(page)).toEqual(before);
});

test('a sealed value is stored densely (enc2) and reads back after a reload', async ({ page, server }) => {
  await seedStorage(page, server.origin, waitForApp);
  const plain = await appData(page);
  const journalKey = Object.keys(plain).find((k) => k.startsWith('trust-steps/journal/') && plain[k].data.status === 'complete');
  const id = plain[journalKey].data.id;
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  const passphrase = 'quiet harbour lantern';
  await page.getByLabel('New passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByLabel(/I understand that a forgotten passphrase/).check();
  await page.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(page.getByTestId('lock-status')).toContainText('The lock is on', { timeout: 30_000 });

  const sealed = await page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('trust-steps/journal/')).map((k) => [k, localStorage.getItem(k)])),
  );
  for (const [key, value] of Object.entries(sealed)) {
    expect(value.startsWith('enc2:'), key).toBe(true);
    const body = value.slice(5);
    // Every character one UTF-16 unit from the 15-bit alphabet, but the last, which may be a 7-bit one.
    for (let i = 0; i < body.length; i++) {
      const code = body.charCodeAt(i);
      const ok = (code >= 0x4e00 && code <= 0xcdff) || (i === body.length - 1 && code >= 0x3400 && code <= 0x347f);
      if (!ok) throw new Error(`${key}: U+${code.toString(16)} at ${i}`);
    }
    // About half the plain JSON's length (base64 took about 1.37 times).
    expect(value.length).toBeLessThan(JSON.stringify(plain[key]).length * 0.6 + 40);
  }

  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await page.getByLabel('Passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator(`main a[href="/journal/${id}"]`)).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate((k) => localStorage.getItem(k), journalKey)).toBe(sealed[journalKey]);
});
