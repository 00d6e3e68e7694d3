// Resilience: two tabs editing the same data in interleaved order; 1,000 autosaves with the journal near 4 MiB and
// the real storage quota hit on purpose; a hostile input corpus through every field of every page; an old tab open
// while a new build is deployed.
import { fitStorage, storageBytes, thoughtRecordEntries } from '../../scripts/bench-data.mjs';
import { openEverything } from './a11y.mjs';
import { recordUrls, staticUrls } from './app-routes.mjs';
import { expect, FIXTURE, nextBuild, seedFixture, test, waitForApp, waitForServiceWorker } from './support.mjs';

/** Names on the People list as drawn, sorted. */
async function peopleShown(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('People');
  return (await page.locator('.person-card a').allTextContents()).map((t) => t.trim()).sort();
}

/** Every trust-steps/ key and value in this origin's storage, sorted. */
function storedState(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('trust-steps/'))
      .sort()
      .map((k) => [k, localStorage.getItem(k)]),
  );
}

async function addPerson(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('People');
  // Once someone is on the list, the form waits behind "Add a person".
  const open = page.getByRole('button', { name: 'Add a person' });
  if ((await open.count()) > 0) await open.click();
  await page.getByLabel('Name or nickname').fill(name);
  await page.getByRole('button', { name: /^Add (person|anyway)$/ }).click();
  await expect(page.locator('.person-card', { hasText: name })).toHaveCount(1);
}

async function openPerson(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await page.locator('.person-card').getByRole('link', { name }).click();
  await expect(page.locator('h1')).toContainText(name);
}

test('two tabs add, edit and delete in interleaved order and end up showing the same data', async ({ context, server }) => {
  test.setTimeout(90_000);
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) {
    await p.goto(server.origin + '/people');
    await waitForApp(p);
  }
  await addPerson(a, 'Ana');
  await addPerson(b, 'Ben'); // b never reloads: it hears of a's changes through the storage event
  await addPerson(a, 'Cleo');
  // b renames a's person; a deletes b's person; b logs evidence about a's other person; a adds one more.
  await openPerson(b, 'Ana');
  await b.getByRole('button', { name: 'Edit name, relationship or marker' }).click();
  await b.getByLabel('Name or nickname').fill('Ana M.');
  await b.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.locator('h1')).toContainText('Ana M.');
  await openPerson(a, 'Ben');
  await a.getByRole('button', { name: 'Delete this person…' }).click();
  await a.getByRole('button', { name: 'Delete person' }).click();
  await expect(a).toHaveURL(/\/people$/);
  await openPerson(b, 'Cleo');
  await b.getByRole('button', { name: 'Kept a commitment' }).click();
  await expect(b.locator('.observation')).toHaveCount(1);
  await addPerson(a, 'Dee');
  await openPerson(a, 'Cleo');
  await expect(a.locator('.observation')).toHaveCount(1);
  await a.getByRole('button', { name: 'Kept a commitment' }).click();
  await expect(a.locator('.observation')).toHaveCount(2);
  await openPerson(b, 'Cleo');
  await expect(b.locator('.observation')).toHaveCount(2);

  const expected = ['Ana M.', 'Cleo', 'Dee'];
  expect(await peopleShown(a)).toEqual(expected);
  expect(await peopleShown(b)).toEqual(expected);
  // After a reload each tab still shows the same, and storage holds exactly that.
  for (const p of [a, b]) {
    await p.reload();
    await waitForApp(p);
    expect(await peopleShown(p)).toEqual(expected);
  }
  const stored = await storedState(a);
  const people = stored.filter(([k]) => k.startsWith('trust-steps/people/')).map(([, v]) => JSON.parse(v).data.name);
  expect(people.sort()).toEqual(expected);
  expect(stored.filter(([k]) => k.startsWith('trust-steps/observations/'))).toHaveLength(2);
});

test.describe('soak', () => {
  // The app reports a failed save on the console as well as in its banner.
  test.use({ allowConsoleErrors: [/QuotaExceeded|quota|exceeded the quota/i] });

  test('1,000 autosaves with the journal near 4 MiB, the real quota hit and recovered, nothing lost', async ({ page, server }) => {
    test.setTimeout(240_000);
    // Count the app's writes (the test's own filler writes are not counted).
    await page.addInitScript(() => {
      window.__appWrites = 0;
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith('trust-steps/')) window.__appWrites++;
        return real.call(this, key, value);
      };
    });
    const records = fitStorage(thoughtRecordEntries(2400, { seed: 3 }), 4 * 2 ** 20 - 64 * 1024);
    const journalBytes = storageBytes(records);
    expect(journalBytes).toBeGreaterThan(3.9 * 2 ** 20);
    await page.goto(server.origin + '/privacy');
    await waitForApp(page);
    await page.evaluate((list) => {
      for (const [k, v] of list) localStorage.setItem(k, v);
    }, records);
    const [key, value] = records[0];
    const id = JSON.parse(value).data.id;
    await page.goto(`${server.origin}/journal/${id}/edit`);
    await waitForApp(page);
    await page.getByRole('button', { name: '1 Situation' }).click(); // a finished record opens on its last step
    const field = page.getByLabel('What happened?');
    await expect(field).toHaveValue(JSON.parse(value).data.situation);
    await field.press('End');

    const banner = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
    const base = JSON.parse(value).data.situation;
    let typed = '';
    const writesBefore = await page.evaluate(() => window.__appWrites);
    for (let round = 0; round < 10; round++) {
      const fill = round % 3 === 2; // every third round the storage is full for the whole round
      if (fill) {
        // Fill the origin's real quota with a test key, leaving no room for the record to grow.
        await page.evaluate(() => {
          const chunk = 'x'.repeat(64 * 1024);
          for (let i = 0; ; i++) {
            try {
              localStorage.setItem(`soak-filler/${i}`, chunk);
            } catch {
              break;
            }
          }
          for (let size = 32 * 1024; size >= 1; size >>= 1) {
            try {
              localStorage.setItem(`soak-filler/small-${size}`, 'x'.repeat(size));
            } catch {
              /* the next, smaller one */
            }
          }
        });
      }
      const text = ` r${round}`.padEnd(100, '.');
      await page.keyboard.type(text);
      typed += text;
      if (fill) {
        await expect(banner).toBeVisible();
        await expect(field).toHaveValue(base + typed); // kept on screen
        await page.evaluate(() => {
          for (const k of Object.keys(localStorage)) if (k.startsWith('soak-filler/')) localStorage.removeItem(k);
        });
        await page.keyboard.type('!'); // the next save catches up
        typed += '!';
        await expect(banner).toHaveCount(0);
      }
    }
    const writes = (await page.evaluate(() => window.__appWrites)) - writesBefore;
    expect(typed.length).toBeGreaterThanOrEqual(1000);
    expect(writes).toBeGreaterThanOrEqual(typed.length - 400); // one save per keystroke (not counting refused ones)
    test.info().annotations.push({
      type: 'soak',
      description: `${writes} saves of ${typed.length} keystrokes, journal ${(journalBytes / 2 ** 20).toFixed(2)} MiB (${records.length} records)`,
    });

    await page.reload();
    await waitForApp(page);
    await page.getByRole('button', { name: '1 Situation' }).click();
    await expect(page.getByLabel('What happened?')).toHaveValue(base + typed);
    // Every other record is exactly as seeded.
    const stored = new Map(await storedState(page));
    for (const [k, v] of records.slice(1)) expect(stored.get(k), k).toBe(v);
    expect(JSON.parse(stored.get(key)).data.situation).toBe(base + typed);
    expect([...stored.keys()].filter((k) => k.startsWith('trust-steps/quarantine/'))).toEqual([]);
  });
});

/** Strings that have broken apps before. Each is typed into fields as a whole (fill), never parsed. */
const HOSTILE = [
  '<img src=x id=pwned-img onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script><b id="pwned-b">bold?</b>',
  '"><svg id=pwned-svg onload=window.__pwned=1>',
  "'; DROP TABLE people; --",
  '\u0000\u0001\u0007\u001b[31m\u007f\u0085 control',
  'lone \ud800 high and \udfff low surrogates',
  '\u202eright-to-left override\u202c \u200b\u200d zero width',
  '1e309 -0 NaN 18446744073709551616 9007199254740993 -99999999999999999999',
  '{"schema":1,"data":{"__proto__":{"x":1}}}',
  '𝕋𝕣𝕦𝕤𝕥 👩‍👩‍👧‍👦 ﷽ Z̷̢͎̈́a̴̰͐l̸͚̓g̵̩̈́o̶̥͗',
  'long '.repeat(4000),
];

/** Types a hostile string into every visible text field of the page (Enter in one-line fields); returns `n`. */
async function fillAll(page, url, n, typedInto) {
  const fields = page.locator(
    'main textarea:visible, main input:visible:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=date]):not([type=number]):not([type=color]):not([type=file])',
  );
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    const f = fields.nth(i);
    // A submit (Enter below) may take fields away, e.g. the first person's form gives way to the list.
    if (!(await f.isEditable({ timeout: 2_000 }).catch(() => false))) continue;
    const text = HOSTILE[n++ % HOSTILE.length];
    const max = await f.getAttribute('maxlength');
    await f.fill(max ? text.slice(0, Number(max)) : text);
    typedInto.push(`${url} #${(await f.getAttribute('id')) ?? i}`);
    // One-line fields submit their form with Enter (add a person, a promise, a feeling…).
    if ((await f.evaluate((el) => el.tagName)) === 'INPUT') await f.press('Enter').catch(() => {});
  }
  expect(await page.evaluate(() => window.__pwned), `script ran on ${url}`).toBe(0);
  expect(await page.locator('#pwned-img, #pwned-b, #pwned-svg').count(), `markup rendered on ${url}`).toBe(0);
  return n;
}

test.describe('hostile input', () => {
  // Lone surrogates cannot be stored as valid UTF-8: the app keeps the rest and stores U+FFFD instead.
  test('every text field of every page takes the hostile corpus: no error, no markup, nothing lost', async ({ page, server }) => {
    test.setTimeout(300_000);
    await page.addInitScript(() => {
      window.__pwned = 0;
    });
    const typedInto = [];
    let n = 0;
    for (const url of staticUrls({ lessons: 1 })) {
      await page.goto(server.origin + url);
      await waitForApp(page);
      await openEverything(page);
      n = await fillAll(page, url, n, typedInto);
      // Step-by-step forms (the thought record, the assessments): every step's fields.
      const next = page.locator('main').getByRole('button', { name: 'Next', exact: true });
      for (let step = 0; step < 20 && (await next.isVisible()) && (await next.isEnabled()); step++) {
        await next.click();
        n = await fillAll(page, `${url} step ${step + 2}`, n, typedInto);
      }
    }
    // The pages of what was just added (a person with a hostile name…) have forms too.
    for (const url of Object.values(await recordUrls(page, server.origin, waitForApp))) {
      await page.goto(server.origin + url);
      await waitForApp(page);
      await openEverything(page);
      n = await fillAll(page, url, n, typedInto);
    }
    expect(typedInto.length).toBeGreaterThan(12);
    test.info().annotations.push({ type: 'fields', description: `${typedInto.length} fields: ${typedInto.join(', ')}` });

    // Everything stored is readable after a reload (nothing set aside), and the pages that list what was saved
    // show the hostile text as text.
    await page.goto(server.origin + '/people');
    await waitForApp(page);
    const stored = await storedState(page);
    expect(stored.filter(([k]) => k.startsWith('trust-steps/quarantine/'))).toEqual([]);
    for (const url of ['/people', '/journal', '/practice/promises', '/practice/belief-tracker', '/practice/trigger-log']) {
      await page.goto(server.origin + url);
      await waitForApp(page);
      await expect(page.locator('h1')).toHaveCount(1);
      expect(await page.locator('#pwned-img, #pwned-b, #pwned-svg').count(), `markup rendered on ${url}`).toBe(0);
    }
    expect(await page.evaluate(() => window.__pwned)).toBe(0);
    // Every person added with a hostile name is listed, by that name, as text.
    const names = stored.filter(([k]) => k.startsWith('trust-steps/people/')).map(([, v]) => JSON.parse(v).data.name);
    expect(names.length).toBeGreaterThan(0);
    await page.goto(server.origin + '/people');
    await waitForApp(page);
    const shown = await page.locator('.person-card a').allTextContents();
    expect(shown.length).toBe(names.length);
    const squash = (t) => t.replace(/\s+/g, ' ').trim();
    for (const name of names) expect(shown.map(squash)).toContain(squash(name));
  });
});

/** `depth` arrays inside each other around `core` (`[[1]]`), or objects (`{"a":{"a":1}}`) when `objects`. */
const nested = (depth, objects, core) => (objects ? '{"a":' : '[').repeat(depth) + core + (objects ? '}' : ']').repeat(depth);

/** The fixture backup with `json` (text) as a field of its first thought record, four levels down; the record
 * is edited later than the fixture's, so a merge takes it. */
const RECORD_KEY = 'trust-steps/journal/0f1e2d3c4b5a69788796a5b4c3d2e1f0';
function fixtureWithField(json) {
  const file = structuredClone(FIXTURE);
  file.data[RECORD_KEY].data.nested = 'HERE';
  file.data[RECORD_KEY].data.updated_at = '2026-11-21T08:00:00.000Z';
  return JSON.stringify(file).replace('"HERE"', json);
}

test.describe('hostile imports', () => {
  test('deeply nested JSON, whole or inside an entry, is refused with its own message; nothing changes, no markup', async ({ page, server }) => {
    await page.addInitScript(() => {
      window.__pwned = 0;
    });
    await seedFixture(page, server);
    await page.goto(server.origin + '/settings');
    await waitForApp(page);
    const before = await storedState(page);
    const markup = JSON.stringify(HOSTILE[0]);
    const files = [
      ['arrays.json', nested(10_000, false, '1')],
      ['objects.json', nested(10_000, true, markup)],
      ['never-closed.json', '['.repeat(10_000)],
      ['backup-arrays.json', fixtureWithField(nested(10_000, false, markup))],
      ['backup-objects.json', fixtureWithField(nested(10_000, true, 'null'))],
      ['backup-101-levels.json', fixtureWithField(nested(96, false, '[]'))],
    ];
    for (const [name, text] of files) {
      await page.getByLabel('Choose a backup file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const error = page.getByTestId('import-error');
      await expect(error, name).toHaveText(
        'This file is not a Trust Steps backup: its contents are nested more than 100 levels deep, and a backup needs about eight. Nothing was changed.',
      );
      await expect(page.getByTestId('import-preview'), name).toHaveCount(0);
    }
    expect(await storedState(page)).toEqual(before);

    // The app still works: up to 100 levels (a newer version's field, hostile text at the bottom) imports, is
    // kept as it is, and nothing in it is drawn as markup.
    const deepest = nested(96, true, markup);
    await page.getByLabel('Choose a backup file').setInputFiles({
      name: 'backup-100-levels.json',
      mimeType: 'application/json',
      buffer: Buffer.from(fixtureWithField(deepest)),
    });
    await expect(page.getByTestId('import-summary')).toContainText('0 new, 1 newer in the backup, 11 the same');
    await page.getByRole('button', { name: 'Merge into my data' }).click();
    await expect(page.getByTestId('import-done')).toContainText('Merged');
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), RECORD_KEY));
    expect(stored.data.nested).toEqual(JSON.parse(deepest));
    await page.goto(server.origin + '/journal');
    await waitForApp(page);
    await expect(page.getByText('They are ignoring me on purpose.')).toBeVisible();
    expect(await page.locator('#pwned-img, #pwned-b, #pwned-svg').count()).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBe(0);
  });
});

test('an old tab open while a new build is deployed keeps working, offers the update, and data survives it', async ({ page, server }) => {
  test.setTimeout(90_000);
  const next = nextBuild(server.dir); // the same files with another build id: a new service-worker version
  try {
    await page.goto(server.origin + '/people');
    await waitForApp(page);
    await waitForServiceWorker(page);
    await addPerson(page, 'Before the update');

    await server.stop();
    server.dir = next.dir;
    await server.start();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const offer = page.getByRole('button', { name: 'Update ready — reload' });
    await expect(offer).toBeVisible();
    // The old tab keeps working while the update waits: navigation, a new entry, storage.
    await addPerson(page, 'While the update waits');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn', exact: true }).click();
    await expect(page.locator('h1')).toHaveText(/Learn/);

    await offer.click();
    await page.waitForFunction((id) => caches.keys().then((k) => k.length === 1 && k[0].endsWith(id)), next.newId);
    await waitForApp(page);
    expect(await peopleShown(page)).toEqual(['Before the update', 'While the update waits']);
    await expect(offer).toHaveCount(0);
  } finally {
    next.remove();
  }
});
