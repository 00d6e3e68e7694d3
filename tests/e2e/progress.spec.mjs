// Today and Progress in the release build, with data put in the way a user would bring it: a backup file chosen
// in Settings → Restore, previewed and merged (issue 8 asks for seeding through the import). Two data sets:
//   - a few hand-written weeks (thought records, a belief, a person with observations and a ladder, a promise,
//     habit check-ins, a finished lesson), with every expected value written out: Today must suggest the right
//     next step (and take "Not today"), Progress must draw every chart with its table, and the period picker
//     must change them;
//   - a year of heavy use from scripts/bench-data.mjs (the benchmark's generator), where the test computes what
//     each chart must show from the generated data itself, period by period.
import { readdirSync, readFileSync } from 'node:fs';
import { peopleEntries, thoughtRecordEntries, yearEntries } from '../../scripts/bench-data.mjs';
import { test, expect, waitForApp, openPage } from './support.mjs';
import { seedStorage } from './seed.mjs';

/** The local day `n` days ago, YYYY-MM-DD (the browser runs in this machine's time zone too). */
function day(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local noon `n` days ago as a stored UTC time. */
function at(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  d.setHours(12, 0, 0, 0);
  return d.toISOString();
}

const feeling = (name, before, after) => ({ name, before, after });
const record = (id, n, feelings, traps, status = 'complete') => ({
  id,
  created_at: at(n),
  updated_at: at(n),
  status,
  step: status === 'complete' ? 8 : 2,
  happened_on: day(n),
  situation: `Situation ${id}`,
  person_id: null,
  thought: `They forgot about me (${id})`,
  feelings,
  traps,
  evidence_for: '',
  evidence_against: '',
  alternatives: '',
  balanced: '',
});

function seedEntries() {
  const entries = {};
  const put = (prefix, data) => (entries[`trust-steps/${prefix}${data.id ? `/${data.id}` : ''}`] = JSON.stringify({ schema: 1, data }));
  put('journal', record('r1', 5, [feeling('Anxious', 80, 30)], ['mind-reading', 'catastrophizing']));
  put('journal', record('r2', 10, [feeling('Hurt', 70, 50), feeling('Sad', 50, 30)], ['mind-reading']));
  put('journal', record('r3', 60, [feeling('Angry', 90, 10)], ['all-or-nothing']));
  put('journal', record('d1', 1, [], [], 'draft'));
  put('beliefs', {
    id: 'b1',
    created_at: at(40),
    updated_at: at(3),
    statement: 'People always let me down',
    ratings: [
      { at: at(40), strength: 90 },
      { at: at(20), strength: 70 },
      { at: at(3), strength: 50 },
    ],
    evidence_for: [],
    evidence_against: [],
    reframed: '',
  });
  put('people', {
    id: 'sam',
    created_at: at(50),
    updated_at: at(50),
    name: 'Sam',
    relationship: 'friend',
    marker: '',
    archived: false,
    gut: [{ at: at(50), part: 'reliability', rating: 30 }],
  });
  for (const [id, n] of [['o1', 2], ['o2', 8], ['o3', 12]]) {
    put('observations', {
      id,
      created_at: at(n),
      updated_at: at(n),
      person_id: 'sam',
      happened_on: day(n),
      what: 'Did what they said they would',
      part: 'reliability',
      direction: 'built',
      weight: 2,
      kind: null,
    });
  }
  put('ladder', {
    id: 's1',
    created_at: at(20),
    updated_at: at(6),
    person_id: 'sam',
    position: 0,
    title: 'Share a worry',
    experiments: [
      {
        id: 'e1',
        planned_at: at(8),
        fear: 'They will laugh',
        fear_likelihood: 80,
        anxiety: 6,
        done_at: at(6),
        what_happened: 'They listened',
        response: 'supportive',
        fear_came_true: false,
        learned: '',
      },
      { id: 'e2', planned_at: at(2), fear: 'They will be bored', fear_likelihood: 60, anxiety: 4, done_at: null },
    ],
  });
  put('promises', {
    id: 'walk',
    created_at: at(30),
    updated_at: at(1),
    text: 'Take a ten-minute walk',
    recurrence: 'daily',
    start_day: day(30),
    archived: false,
    checkins: [
      { day: day(9), kept: true, note: '', at: at(9) },
      { day: day(2), kept: false, note: '', at: at(2) },
      { day: day(1), kept: true, note: '', at: at(1) },
    ],
  });
  // The habits check-in (two check-ins) and a boundaries worksheet left unfinished (issue 6's records).
  put('worksheets', {
    id: 'habits-for-us',
    created_at: at(3),
    updated_at: at(1),
    worksheet: 'keeping-trust',
    title: 'Me and Sam',
    answers: { rhythm: 'daily' },
    checkins: [
      { at: at(3), day: day(3), ratings: { honesty: 2 }, note: '' },
      { at: at(1), day: day(1), ratings: { honesty: 1 }, note: '' },
    ],
  });
  put('worksheets', {
    id: 'boundary-at-work',
    created_at: at(3),
    updated_at: at(3),
    worksheet: 'boundaries',
    title: 'Work emails at night',
    answers: {},
  });
  entries['trust-steps/lesson-progress'] = JSON.stringify({
    schema: 1,
    data: { lessons: { 'what-trust-is': { done_at: at(3), opened_at: at(3), updated_at: at(3) } } },
  });
  return entries;
}

/**
 * A backup file holding `entries` (`[key, stored text]`), in the format Settings downloads (see
 * tests/fixtures/backup-v1.json and src/domain/backup.rs): the stored envelopes as they are, counted per collection.
 */
function backupFile(entries) {
  const data = {};
  const counts = {};
  for (const [key, value] of entries) {
    data[key] = JSON.parse(value);
    const collection = key.slice('trust-steps/'.length).split('/')[0];
    counts[collection] = (counts[collection] ?? 0) + 1;
  }
  return JSON.stringify({ app: 'trust-steps', kind: 'backup', schema: 1, exported_at: new Date().toISOString(), counts, data }, null, 2);
}

/** Imports `entries` into an empty app through Settings: the file chooser, the preview, "Merge into my data". */
async function importBackup(page, server, entries) {
  await page.goto(server.origin + '/settings');
  await waitForApp(page);
  const buffer = Buffer.from(backupFile(entries));
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'trust-steps-backup.json', mimeType: 'application/json', buffer });
  const n = entries.length;
  await expect(page.getByTestId('import-summary')).toHaveText(
    `${n} new, 0 newer in the backup, 0 the same, 0 newer on this device, 0 only on this device.`,
  );
  await page.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(page.getByTestId('import-done')).toContainText(`Merged: ${n} added`);
}

/** Goes to a page with the header's link (no reload: what was imported must show at once). */
async function open(page, name) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  await expect(page.locator('h1')).toHaveText(name);
}

async function seed(page, server) {
  await importBackup(page, server, Object.entries(seedEntries()));
  await open(page, 'Today');
}

/** Opens a chart's table and returns its body rows as arrays of cell texts. */
async function tableOf(page, id) {
  const figure = page.locator(`#${id}`);
  const toggle = figure.getByRole('button', { name: /Show as table|Hide the table/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(figure.locator('table')).toBeVisible();
  return figure.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
}

test('a new user gets a welcome and where to start, not empty widgets; Progress says what will appear', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Welcome to Trust Steps' })).toBeVisible();
  await expect(page.getByText('nothing is sent anywhere')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Where to start' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start the first lesson' })).toHaveAttribute('href', '/learn/what-trust-is');
  await expect(page.getByRole('heading', { name: 'Your week' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Quick actions' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Progress' }).first().click();
  await expect(page.locator('h1')).toHaveText('Progress');
  await expect(page.getByText('A quiet week here.')).toBeVisible();
  await expect(page.locator('figure.chart')).toHaveCount(9);
  await expect(page.locator('#chart-feelings .chart__empty')).toHaveText(/No finished thought records/);
  await expect(page.locator('figure.chart svg')).toHaveCount(0);
});

test('Today suggests the next step by priority, remembers "Not today", and sums up the week', async ({ page, server }) => {
  await seed(page, server);
  const next = page.locator('.card--next');
  // 1. The promise due today comes first.
  await expect(next.getByRole('heading', { name: 'Check in on your promises' })).toBeVisible();
  await expect(next).toContainText('Take a ten-minute walk');
  // Checked in right on the card (tests/e2e/today.spec.mjs); the page is one link away.
  await expect(next.locator('.promise-due').getByRole('button', { name: 'Kept' })).toBeVisible();
  await expect(next.getByRole('link', { name: 'All your promises' })).toHaveAttribute('href', '/practice/promises');
  // 2. Then the experiment waiting for its "after".
  await next.getByRole('button', { name: 'Not today' }).click();
  await expect(next.getByRole('heading', { name: 'Write down how it went' })).toBeVisible();
  await expect(next).toContainText('“Share a worry” with Sam');
  // It opens Sam's ladder (a person's page starts on the quick logs), with the ladder's heading in view.
  await expect(next.getByRole('link', { name: 'Add what happened' })).toHaveAttribute('href', '/people/sam#ladder');
  await next.getByRole('link', { name: 'Add what happened' }).click();
  await expect(page.locator('#ladder')).toBeInViewport();
  await expect(page.locator('#ladder')).toBeFocused();
  // The dismissal is kept for today.
  await page.goto(`${server.origin}/`);
  await waitForApp(page);
  await expect(next.getByRole('heading', { name: 'Write down how it went' })).toBeVisible();
  // 3. Then the unfinished draft.
  await next.getByRole('button', { name: 'Not today' }).click();
  await expect(next.getByRole('heading', { name: 'Finish your thought record' })).toBeVisible();
  await expect(next.getByRole('link', { name: 'Resume it' })).toHaveAttribute('href', '/journal/d1/edit');
  // 4. Then the unfinished worksheet (the habits check-in is an ongoing log, never "unfinished").
  await next.getByRole('button', { name: 'Not today' }).click();
  await expect(next.getByRole('heading', { name: 'Finish a worksheet' })).toBeVisible();
  await expect(next).toContainText('“Boundaries: Work emails at night” is saved where you left it.');
  await expect(next.getByRole('link', { name: 'Resume it' })).toHaveAttribute('href', '/practice/boundaries?entry=boundary-at-work');
  // 5. Then the next lesson (the belief was re-rated 3 days ago, so it is not due).
  await next.getByRole('button', { name: 'Not today' }).click();
  await expect(next.getByRole('heading', { name: 'Where trust issues come from' })).toBeVisible();

  const quick = page.getByRole('navigation', { name: 'Quick actions' });
  await expect(quick.getByRole('link', { name: 'New thought record' })).toHaveAttribute('href', '/journal/new');
  await expect(quick.getByRole('link', { name: 'Log something about a person' })).toHaveAttribute('href', '/people');
  await expect(quick.getByRole('link', { name: 'Check in today’s promises (1)' })).toHaveAttribute('href', '/practice/promises');
  await expect(quick.getByRole('link', { name: 'Habits check-in' })).toHaveAttribute('href', '/practice/keeping-trust');

  const week = page.locator('.week-summary');
  // Active in the last 7 days: 6 (experiment done), 5 (r1), 3 (lesson, belief), 2, 1 (check-ins, draft), 0 (the dismissal is not activity).
  await expect(week).toContainText('You came back on 5 days of the last 7.');
  await expect(week).toContainText('You worked through 1 thought record; afterwards your feelings were 50 points less intense on average.');
  await expect(week).toContainText('You kept 1 of 2 promise check-ins to yourself.');
  await expect(week).toContainText('You tried 1 small step; the outcome you feared did not come true.');
  await expect(week).toContainText('You checked in on your habits 2 times.');
  await expect(week).toContainText('3 days in a row');
  await expect(page.getByRole('heading', { name: 'Welcome to Trust Steps' })).toHaveCount(0);
});

test('Progress draws every chart from the seeded data, with tables, and the period picker changes them', async ({ page, server }) => {
  await seed(page, server);
  await page.getByRole('link', { name: 'Progress' }).first().click();
  await expect(page.locator('h1')).toHaveText('Progress');
  await expect(page.locator('.weekly-review')).toContainText('You kept 1 of 2 promise check-ins to yourself.');
  await expect(page.getByRole('radio', { name: '4 weeks' })).toBeChecked();

  // Feelings: two records in the last 4 weeks, one row per day. Two days are too few to draw: a big figure
  // (the averages before and after) and when the chart will appear, instead of two bars on an empty axis.
  const feelings = page.locator('#chart-feelings');
  await expect(feelings.locator('.chart__desc')).toHaveText(/^2 thought records in the last 4 weeks\. Feelings averaged 70 before and 35 after/);
  await expect(feelings.locator('svg')).toHaveCount(0);
  await expect(feelings.locator('.chart__big')).toHaveText('70 → 35');
  await expect(feelings.locator('.chart__caption')).toHaveText(
    'Average feeling before → after, 2 thought records. A chart appears here once 3 days have entries.',
  );
  // The same for the other charts over time with one or two marks; the person's profile (named parts) is drawn.
  await expect(page.locator('#chart-beliefs .chart__big')).toHaveText('70 → 50');
  await expect(page.locator('#chart-ladder .chart__big')).toHaveText('80% → 0%');
  await expect(page.locator('#chart-course .chart__big')).toHaveText(`1 of ${LESSON_SLUGS.length}`);
  const person = page.locator('#chart-person');
  // The series colours come from the stylesheet (--chart-1 and --chart-2 of the light theme), not the default black.
  const fills = await person.locator('svg rect.chart__bar').evaluateAll((rects) => rects.slice(0, 2).map((r) => getComputedStyle(r).fill));
  expect(fills).toEqual(['rgb(47, 93, 98)', 'rgb(179, 84, 30)']);
  await expect(person.locator('.chart__legend li')).toHaveText(['Gut feeling', 'What the evidence supports']);
  expect(await person.locator('.chart__legend').evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe('none');
  const svg = person.locator('svg');
  await expect(svg).toHaveAttribute('tabindex', '0');
  await expect(svg).toHaveAccessibleName(/Gut feeling and evidence, part by part.*Sam: Reliability/);
  await svg.focus();
  await expect(svg).toBeFocused();
  // Three days of observations about Sam: the evidence is drawn as a line.
  await expect(page.locator('#chart-person-trend svg polyline')).toHaveCount(1);
  expect(await tableOf(page, 'chart-feelings')).toEqual([
    [expect.any(String), '1', '60', '40'],
    [expect.any(String), '1', '80', '30'],
  ]);

  expect(await tableOf(page, 'chart-traps')).toEqual([
    ['Mind-reading', '2', '0'],
    ['Catastrophizing', '1', '0'],
  ]);
  expect((await tableOf(page, 'chart-beliefs')).map((r) => [r[0], r[2]])).toEqual([
    ['People always let me down', '70'],
    ['People always let me down', '50'],
  ]);
  expect((await tableOf(page, 'chart-person'))[0]).toEqual(['Reliability', '30', '83', '3']);
  await expect(page.locator('#chart-person .chart__desc')).toContainText('Sam: Reliability: your gut says 30, the evidence points to 83');
  expect((await tableOf(page, 'chart-person-trend')).map((r) => [r[0], r[2]])).toEqual([
    ['Reliability', '70'],
    ['Reliability', '79'],
    ['Reliability', '83'],
  ]);
  expect((await tableOf(page, 'chart-ladder')).map((r) => r.slice(1))).toEqual([['1', '80%', '0%']]);
  const promises = (await tableOf(page, 'chart-promises')).map((r) => r.slice(1));
  expect(promises.reduce((n, r) => n + Number(r[0]), 0)).toBe(2);
  expect(promises.reduce((n, r) => n + Number(r[1]), 0)).toBe(3);
  await expect(page.locator('#chart-promises .chart__desc')).toContainText('You kept 2 of 3 promise check-ins');
  expect((await tableOf(page, 'chart-habits')).reduce((n, r) => n + Number(r[1]), 0)).toBe(2);
  await expect(page.locator('#chart-habits .chart__desc')).toHaveText('2 habit check-ins in the last 4 weeks.');
  expect((await tableOf(page, 'chart-course')).map((r) => r[1])).toEqual(['1', '1']);
  await expect(page.locator('#chart-course .chart__desc')).toHaveText(`You have finished 1 of ${LESSON_SLUGS.length} lessons; 1 of them in the last 4 weeks.`);

  // Three months: the older record, trap and rating come in; the tables that are open follow.
  await page.getByRole('radio', { name: '3 months' }).check();
  await expect(feelings.locator('.chart__desc')).toHaveText(/^3 thought records in the last 3 months\. Feelings averaged 77 before and 27 after/);
  // Grouped by week now (two of the records may share one): three records in all.
  const rows = await feelings.locator('tbody tr').evaluateAll((trs) => trs.map((r) => Number(r.cells[1].textContent)));
  expect(rows.reduce((a, b) => a + b, 0)).toBe(3);
  await expect(page.locator('#chart-traps tbody tr')).toHaveCount(3);
  await expect(page.locator('#chart-traps tbody')).toContainText('All-or-nothing');
  await expect(page.locator('#chart-beliefs tbody tr')).toHaveCount(3);
  await expect(page.locator('#chart-beliefs tbody tr').first()).toContainText('90');
  // Three ratings on three days: now the belief is drawn as a line, with a dot per rating.
  await expect(page.locator('#chart-beliefs svg polyline')).toHaveCount(1);
  await expect(page.locator('#chart-beliefs svg circle')).toHaveCount(3);

  // Back to four weeks.
  await page.getByRole('radio', { name: '4 weeks' }).check();
  await expect(feelings.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Hide the table' }).first().click();
  await expect(feelings.locator('table')).toHaveCount(0);
});

// --- A year of use -------------------------------------------------------------------------------------------

/** YYYY-MM-DD `n` days after `day` (negative: before). */
function addDays(day, n) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of `day`'s week. */
const weekStart = (day) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** The local day of a stored UTC time, as the app's clock takes it (today's offset from UTC); days as they are. */
function localDayOf(at) {
  if (at.length === 10) return at;
  return new Date(Date.parse(at) - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The days a period covers, ending today (src/domain/insights.rs DateRange). */
const PERIODS = {
  '3 months': { days: 91, words: 'in the last 3 months' },
  '12 months': { days: 365, words: 'in the last 12 months' },
};
function windowOf(period, today) {
  const { days } = PERIODS[period];
  const from = addDays(today, -(days - 1));
  return { from, to: today, has: (d) => d >= from && d <= today, before: { from: addDays(today, -(2 * days - 1)), to: addDays(today, -days) } };
}

/** Lesson slugs in course order and trap names by slug, read from the sources the app compiles in. */
const LESSON_SLUGS = readdirSync('src/content/lessons')
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(`src/content/lessons/${f}`, 'utf8').match(/^slug = "([^"]+)"/m)[1]);
const TRAP_NAMES = Object.fromEntries(
  [...readFileSync('src/domain/trap_data.rs', 'utf8').matchAll(/slug: "([^"]+)",\s*name: "([^"]+)"/g)].map((m) => [m[1], m[2]]),
);
const PARTS = [
  ['reliability', 'Reliability'],
  ['honesty', 'Honesty'],
  ['integrity', 'Integrity'],
  ['competence', 'Competence'],
  ['benevolence', 'Benevolence'],
];

/** A year of heavy use ending today: the benchmark's generators at a smaller scale, plus habit check-ins. */
function yearOfUse(today) {
  const records = thoughtRecordEntries(400, { seed: 11, end: today });
  const { people, observations } = peopleEntries(12, 600, { seed: 11, end: today });
  const partner = JSON.parse(people[0][1]).data.id;
  const rest = yearEntries({ seed: 11, end: today, checkins: 300, experiments: 24, personId: partner, lessons: LESSON_SLUGS.slice(0, 9) });
  // The habits check-in (a "keeping trust alive" worksheet): every fifth day of the year, more in the last months.
  const checkins = [];
  for (let back = 360; back >= 0; back -= back > 90 ? 5 : 2) {
    const day = addDays(today, -back);
    checkins.push({ at: `${day}T19:00:00.000Z`, day, ratings: { honesty: back % 3 }, note: '' });
  }
  const habits = {
    id: 'f'.repeat(32),
    created_at: checkins[0].at,
    updated_at: checkins.at(-1).at,
    worksheet: 'keeping-trust',
    title: 'Us, week by week',
    answers: { rhythm: 'daily' },
    checkins,
  };
  return [...records, ...people, ...observations, ...rest, [`trust-steps/worksheets/${habits.id}`, JSON.stringify({ schema: 1, data: habits })]];
}

/** The stored records of each collection in `entries`, by collection name. */
function collections(entries) {
  const by = {};
  for (const [key, value] of entries) (by[key.split('/')[1]] ??= []).push(JSON.parse(value).data);
  return by;
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Per-week averages of `[day, before, after]` items, oldest week first, and their count-weighted totals. */
function byWeek(items) {
  const weeks = new Map();
  for (const [day, before, after] of items) {
    const w = weekStart(day);
    if (!weeks.has(w)) weeks.set(w, []);
    weeks.get(w).push([before, after]);
  }
  const rows = [...weeks.keys()].sort().map((w) => {
    const xs = weeks.get(w);
    return { week: w, count: xs.length, before: mean(xs.map((x) => x[0])), after: mean(xs.map((x) => x[1])) };
  });
  const n = items.length;
  const before = rows.reduce((a, r) => a + r.before * r.count, 0) / n;
  const after = rows.reduce((a, r) => a + r.after * r.count, 0) / n;
  return { rows, n, before, after };
}

/** A number the app rounded to a whole one: within half of the exact value (ties may go either way). */
function expectRounded(shown, exact, what) {
  expect(Math.abs(Number(shown) - exact), `${what}: shown ${shown}, computed ${exact}`).toBeLessThanOrEqual(0.5 + 1e-9);
}

/** Dates as the app shows them: the browser's default locale, the day taken at local noon. */
function localDates(page, days) {
  return page.evaluate((list) => list.map((d) => new Intl.DateTimeFormat().format(new Date(`${d}T12:00:00`))), days);
}

test('a year of use imported from a backup file: each chart shows what the test computes from that data, per period', async ({ page, server }) => {
  test.setTimeout(120_000);
  const today = day(0);
  const entries = yearOfUse(today);
  const data = collections(entries);
  await importBackup(page, server, entries);
  await open(page, 'Progress');

  for (const period of ['12 months', '3 months']) {
    await page.getByRole('radio', { name: period }).check();
    const w = windowOf(period, today);
    const words = PERIODS[period].words;

    // Feelings: per finished record in the period, the mean of its feelings before and after; per week.
    const feelings = byWeek(
      data.journal
        .filter((r) => r.status === 'complete' && w.has(r.happened_on))
        .map((r) => [r.happened_on, mean(r.feelings.map((f) => f.before)), mean(r.feelings.map((f) => f.after))]),
    );
    expect(feelings.n, 'the generated data has records in the period').toBeGreaterThan(50);
    const desc = page.locator('#chart-feelings .chart__desc');
    await expect(desc).toHaveText(new RegExp(`^${feelings.n} thought records ${words}\\. Feelings averaged \\d+ before and \\d+ after`));
    const [, before, after] = (await desc.textContent()).match(/averaged (\d+) before and (\d+) after/);
    expectRounded(before, feelings.before, `${period} feelings before`);
    expectRounded(after, feelings.after, `${period} feelings after`);
    await expect(page.locator('#chart-feelings svg rect.chart__bar')).toHaveCount(2 * feelings.rows.length);
    const rows = await tableOf(page, 'chart-feelings');
    expect(rows.map((r) => r[0])).toEqual(await localDates(page, feelings.rows.map((r) => r.week)));
    expect(rows.map((r) => Number(r[1]))).toEqual(feelings.rows.map((r) => r.count));
    rows.forEach((r, i) => {
      expectRounded(r[2], feelings.rows[i].before, `${period} week ${feelings.rows[i].week} before`);
      expectRounded(r[3], feelings.rows[i].after, `${period} week ${feelings.rows[i].week} after`);
    });

    // Thinking traps: the eight most frequent (ties by slug), beside the same span before.
    const count = (has) => {
      const counts = {};
      for (const r of data.journal.filter((r) => r.status === 'complete' && has(r.happened_on))) for (const t of r.traps) counts[t] = (counts[t] ?? 0) + 1;
      return counts;
    };
    const now = count(w.has);
    const earlier = count((d) => d >= w.before.from && d <= w.before.to);
    const top = Object.entries(now)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 8);
    expect(await tableOf(page, 'chart-traps')).toEqual(top.map(([slug, n]) => [TRAP_NAMES[slug], String(n), String(earlier[slug] ?? 0)]));
    // Traps tied for most are named together, never one of them as "the one that came up most".
    const tied = top.filter(([, n]) => n === top[0][1]).map(([slug]) => TRAP_NAMES[slug]);
    await expect(page.locator('#chart-traps .chart__desc')).toHaveText(
      tied.length > 1
        ? `${tied.slice(0, -1).join(', ')} and ${tied.at(-1)} came up equally often ${words}: ${top[0][1]} times each.`
        : `${TRAP_NAMES[top[0][0]]} came up most ${words}: ${top[0][1]} times, against ${earlier[top[0][0]] ?? 0} in the same span before.`,
    );

    // Beliefs, in the order written down: the first rating in the period and the last (one per day).
    const lines = [...data.beliefs]
      .sort((a, b) => (a.created_at < b.created_at ? -1 : 1))
      .map((b) => {
        const points = [];
        for (const r of [...b.ratings].sort((x, y) => (x.at < y.at ? -1 : 1))) {
          const d = localDayOf(r.at);
          if (!w.has(d)) continue;
          if (points.at(-1)?.[0] === d) points.at(-1)[1] = r.strength;
          else points.push([d, r.strength]);
        }
        return { name: b.statement, points };
      })
      .filter((l) => l.points.length);
    await expect(page.locator('#chart-beliefs .chart__desc')).toHaveText(
      lines
        .slice(0, 3)
        .map((l) => (l.points.length > 1 ? `“${l.name}” went from ${l.points[0][1]} to ${l.points.at(-1)[1]}.` : `“${l.name}” was rated ${l.points[0][1]}.`))
        .join(' '),
    );
    expect((await tableOf(page, 'chart-beliefs')).length).toBe(lines.reduce((n, l) => n + l.points.length, 0));

    // People: the picker lists active people with observations in the period or a gut rating, busiest first.
    const inPeriod = data.observations.filter((o) => w.has(o.happened_on));
    const busy = data.people
      .filter((p) => !p.archived)
      .map((p) => ({ p, n: inPeriod.filter((o) => o.person_id === p.id).length }))
      .filter(({ p, n }) => n > 0 || p.gut.length > 0)
      .sort((a, b) => b.n - a.n || (a.p.name.toLowerCase() < b.p.name.toLowerCase() ? -1 : 1));
    await expect(page.locator('#progress-person option')).toHaveText(busy.map(({ p, n }) => `${p.name} — ${n} logged`));
    // The busiest person's profile: the latest gut rating per part beside the evidence score of the period's
    // observations, 50 × (2·built + 3) / (built + broke + 3) rounded (src/domain/people.rs).
    const first = busy[0].p;
    const profile = PARTS.map(([part, label]) => {
      const theirs = inPeriod.filter((o) => o.person_id === first.id && o.part === part);
      const weight = (dir) => theirs.filter((o) => o.direction === dir).reduce((s, o) => s + Math.min(3, Math.max(1, o.weight)), 0);
      const [built, broke] = [weight('built'), weight('broke')];
      const score = Math.min(100, Math.floor((2 * 50 * (2 * built + 3) + (built + broke + 3)) / (2 * (built + broke + 3))));
      const gut = first.gut.filter((g) => g.part === part).sort((a, b) => (a.at < b.at ? -1 : 1)).at(-1)?.rating ?? 0;
      return [label, gut > 0 ? String(gut) : 'not rated', theirs.length ? String(score) : 'nothing logged', String(theirs.length)];
    });
    expect(await tableOf(page, 'chart-person')).toEqual(profile);

    // Ladder experiments finished in the period: how likely the fear felt, how often it came true.
    const done = data.ladder
      .flatMap((s) => s.experiments)
      .filter((e) => e.done_at && e.fear_came_true !== null && w.has(localDayOf(e.done_at)))
      .map((e) => [localDayOf(e.done_at), Math.min(100, e.fear_likelihood), e.fear_came_true ? 100 : 0]);
    const ladder = byWeek(done);
    const ladderDesc = page.locator('#chart-ladder .chart__desc');
    await expect(ladderDesc).toHaveText(new RegExp(`^In ${ladder.n} experiments ${words}, you rated the feared outcome about \\d+% likely beforehand; it came true in \\d+%\\.$`));
    const [, likely, cameTrue] = (await ladderDesc.textContent()).match(/about (\d+)% likely.*came true in (\d+)%/);
    expectRounded(likely, ladder.before, `${period} ladder likelihood`);
    expectRounded(cameTrue, ladder.after, `${period} ladder came true`);

    // Promises and habits: check-ins in the period, per week.
    const promiseCheckins = data.promises.flatMap((p) => p.checkins).filter((c) => w.has(c.day));
    const promiseWeeks = new Set(promiseCheckins.map((c) => weekStart(c.day))).size;
    await expect(page.locator('#chart-promises .chart__desc')).toHaveText(
      `You kept ${promiseCheckins.filter((c) => c.kept).length} of ${promiseCheckins.length} promise check-ins ${words}, over ${promiseWeeks} weeks.`,
    );
    await expect(page.locator('#chart-promises svg rect.chart__bar')).toHaveCount(promiseWeeks);
    const habitDays = data.worksheets.flatMap((ws) => ws.checkins).map((c) => c.day).filter(w.has);
    await expect(page.locator('#chart-habits .chart__desc')).toHaveText(`${habitDays.length} habit check-ins ${words}.`);
    expect((await tableOf(page, 'chart-habits')).map((r) => Number(r[1]))).toEqual(
      [...new Set(habitDays.map(weekStart))].sort().map((wk) => habitDays.filter((d) => weekStart(d) === wk).length),
    );

    // The course: lessons done in all, and in the period.
    const lessons = Object.values(data['lesson-progress'][0].lessons).map((l) => localDayOf(l.done_at));
    const inPeriodLessons = lessons.filter(w.has).length;
    const ofThem =
      inPeriodLessons === 0 ? `; none of them ${words}` : inPeriodLessons === lessons.length ? `, all of them ${words}` : `; ${inPeriodLessons} of them ${words}`;
    await expect(page.locator('#chart-course .chart__desc')).toHaveText(`You have finished ${lessons.length} of ${LESSON_SLUGS.length} lessons${ofThem}.`);
  }
});

// --- On a phone (issue 19): legible charts, dates in the user's locale, words without "-0" or "1 times" ----------

/** Texts a person would not write: a minus zero, or one of something in the plural. */
const AWKWARD = [/(^|\s)[-−]0(\D|$)/m, /\b1 (times|records|thought records|observations|entries|days|check-ins|answers|weeks|experiments|lessons|steps|things)\b/];

async function expectNoAwkwardWords(page, where) {
  const text = await page.locator('main').innerText();
  for (const re of AWKWARD) expect(text, `${where}: ${re}`).not.toMatch(re);
}

/**
 * Every SVG text of the page's charts: its rendered size (computed font size × the drawing's scale) and text, and
 * per chart the y-axis values (numbers anchored at the end, left of the plot).
 */
function chartTexts(page) {
  return page.locator('figure.chart svg').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')].map((t) => ({
        text: t.textContent,
        px: parseFloat(getComputedStyle(t).fontSize) * scale,
        height: t.getBoundingClientRect().height,
        anchor: t.getAttribute('text-anchor'),
        axis: t.classList.contains('chart__axis'),
      }));
      return { id: svg.closest('figure').id, texts };
    }),
  );
}

test.describe('on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' });

  test('chart text is at least 11 px, ticks never repeat, dates read the British way, and no "-0" or "1 times" anywhere', async ({
    page,
    server,
  }) => {
    // Empty: Progress, Practice and Today say nothing awkward, for every period.
    await openPage(page, server, '/progress');
    for (const period of ['4 weeks', '3 months', '12 months', 'All time']) {
      await page.getByRole('radio', { name: period }).check();
      await expect(page.locator('#chart-habits .chart__desc')).toBeVisible();
      await expectNoAwkwardWords(page, `empty Progress, ${period}`);
    }
    await expect(page.locator('#chart-habits .chart__desc')).not.toContainText('habit check-ins so far');
    for (const path of ['/practice', '/']) {
      await openPage(page, server, path);
      await expectNoAwkwardWords(page, `empty ${path}`);
    }

    // Seeded with a little of everything.
    await seedStorage(page, server.origin, waitForApp);
    for (const path of ['/practice', '/']) {
      await openPage(page, server, path);
      await expectNoAwkwardWords(page, `seeded ${path}`);
    }
    await openPage(page, server, '/progress');
    let dates = 0;
    for (const period of ['4 weeks', '3 months', '12 months', 'All time']) {
      await page.getByRole('radio', { name: period }).check();
      await expect(page.getByRole('radio', { name: period })).toBeChecked();
      await expectNoAwkwardWords(page, `seeded Progress, ${period}`);
      const charts = await chartTexts(page);
      expect(charts.length, `${period}: some charts are drawn`).toBeGreaterThan(0);
      for (const { id, texts } of charts) {
        for (const t of texts) {
          expect(t.px, `${period} ${id} “${t.text}” is drawn at ${t.px.toFixed(1)} px`).toBeGreaterThanOrEqual(11);
          expect(t.height, `${period} ${id} “${t.text}” is ${t.height.toFixed(1)} px tall`).toBeGreaterThanOrEqual(11);
        }
        const ticks = texts.filter((t) => t.axis && t.anchor === 'end' && /^\d+$/.test(t.text)).map((t) => t.text);
        expect(new Set(ticks).size, `${period} ${id} ticks ${ticks.join(', ')}`).toBe(ticks.length);
        // Dates on the axes: "9 Nov" or "Nov 2026" in en-GB, never "11/9/2026".
        for (const t of texts.filter((t) => t.axis && !/^\d+$/.test(t.text) && /\d/.test(t.text))) {
          expect(t.text, `${period} ${id}`).toMatch(/^(\d{1,2} [A-Z][a-z]{2,4}|[A-Z][a-z]{2,4} \d{4})$/);
          dates++;
        }
      }
    }
    expect(dates, 'some dates are on the axes').toBeGreaterThan(0);
  });

  test('every drawing of a chart is made at the width it is shown at, never first at a default width', async ({ page, server }) => {
    await seedStorage(page, server.origin, waitForApp);
    await openPage(page, server, '/');
    // Every width a chart's drawing has had: a drawing redrawn at a new width keeps its element and changes the
    // attribute, so the attribute's old values are recorded as well as new drawings.
    await page.evaluate(() => {
      window.drawnWidths = [];
      new MutationObserver((changes) => {
        for (const change of changes) {
          if (change.type === 'attributes' && change.target.matches('svg.chart__svg'))
            window.drawnWidths.push({ id: change.target.closest('figure').id, width: change.oldValue });
          for (const node of change.addedNodes)
            if (node instanceof Element)
              for (const svg of [node, ...node.querySelectorAll('svg')].filter((n) => n.matches('svg.chart__svg')))
                window.drawnWidths.push({ id: svg.closest('figure').id, width: svg.getAttribute('width') });
        }
      }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['width'], attributeOldValue: true });
    });
    // Opened in the app (client-side), as from the More menu.
    await page.getByRole('button', { name: 'More' }).click();
    await page.locator('a[href="/progress"]:visible').first().click();
    await expect(page.locator('figure.chart svg').first()).toBeVisible();
    const shown = await page.locator('figure.chart svg').evaluateAll((svgs) =>
      svgs.map((svg) => ({ id: svg.closest('figure').id, width: svg.getAttribute('width') })),
    );
    expect(shown.length).toBeGreaterThan(0);
    const drawn = await page.evaluate(() => window.drawnWidths);
    expect([...new Set(drawn.map((d) => d.id))].sort()).toEqual(shown.map((s) => s.id).sort());
    for (const { id, width } of drawn) expect({ id, width }).toEqual(shown.find((s) => s.id === id));
    for (const { width } of shown) expect(Number(width)).toBeLessThan(390);
  });

  test('the period is a segmented control: real radio buttons, 44 px tall, moved with the arrow keys, focus visible', async ({
    page,
    server,
  }) => {
    await openPage(page, server, '/progress');
    const group = page.getByRole('group', { name: 'Period' });
    await expect(group.getByRole('radio')).toHaveCount(4);
    const segments = group.locator('.choice');
    const boxes = await segments.evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect()));
    for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(44);
    // One row, side by side, inside the screen.
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(390);

    const four = group.getByRole('radio', { name: '4 weeks' });
    await expect(four).toBeChecked();
    await four.focus();
    await page.keyboard.press('ArrowRight');
    const three = group.getByRole('radio', { name: '3 months' });
    await expect(three).toBeChecked();
    await expect(three).toBeFocused();
    await expect(page.locator('#chart-habits .chart__desc')).toHaveText(/in the last 3 months|week by week/);
    // The focused segment shows a focus ring; the chosen one stands out from the others.
    const look = await segments.evaluateAll((labels) =>
      labels.map((l) => ({ outline: getComputedStyle(l).outlineStyle, background: getComputedStyle(l).backgroundColor })),
    );
    expect(look[1].outline).toBe('solid');
    expect(look[0].outline).toBe('none');
    expect(look[1].background).not.toBe(look[0].background);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: 'All time' })).toBeChecked();
    await page.keyboard.press('ArrowLeft');
    await expect(group.getByRole('radio', { name: '12 months' })).toBeChecked();
    // A tap on a segment chooses it.
    await segments.filter({ hasText: '4 weeks' }).tap();
    await expect(four).toBeChecked();
  });
});
