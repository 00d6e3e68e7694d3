// Today and Progress in the release build. Data is seeded straight into localStorage in the app's stored format
// (like the other specs; the backup import of issue 7 was not on main when this was written): a few weeks of
// thought records, beliefs, a person with observations and a ladder, a promise with check-ins and a finished
// lesson. Today must suggest the right next step (and take "Not today"), Progress must draw every chart with
// its table showing the seeded values, and the period picker must change them.
import { test, expect, waitForApp } from './support.mjs';

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

async function seed(page, server) {
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, seedEntries());
  await page.reload();
  await waitForApp(page);
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
  await expect(next.getByRole('link', { name: 'Check in' })).toHaveAttribute('href', '/practice/promises');
  // 2. Then the experiment waiting for its "after".
  await next.getByRole('button', { name: 'Not today' }).click();
  await expect(next.getByRole('heading', { name: 'Write down how it went' })).toBeVisible();
  await expect(next).toContainText('“Share a worry” with Sam');
  await expect(next.getByRole('link', { name: 'Add what happened' })).toHaveAttribute('href', '/people/sam');
  // The dismissal is kept for today.
  await page.reload();
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
  await expect(week).toContainText('You tried 1 small step; the outcome you feared came true in 0.');
  await expect(week).toContainText('You checked in on your habits 2 times.');
  await expect(week).toContainText('3 days in a row');
  await expect(page.getByRole('heading', { name: 'Welcome to Trust Steps' })).toHaveCount(0);
});

test('Progress draws every chart from the seeded data, with tables, and the period picker changes them', async ({ page, server }) => {
  await seed(page, server);
  await page.getByRole('link', { name: 'Progress' }).first().click();
  await expect(page.locator('h1')).toHaveText('Progress');
  await expect(page.locator('.weekly-review')).toContainText('You kept 1 of 2 promise check-ins to yourself.');
  await expect(page.getByRole('radio', { name: 'Last 4 weeks' })).toBeChecked();

  // Feelings: two records in the last 4 weeks, one row per day.
  const feelings = page.locator('#chart-feelings');
  await expect(feelings.locator('.chart__desc')).toHaveText(/^2 thought records in the last 4 weeks\. Feelings averaged 70 before and 35 after/);
  await expect(feelings.locator('svg rect.chart__bar')).toHaveCount(4);
  // The series colours come from the stylesheet (--chart-1 and --chart-2 of the light theme), not the default black.
  const fills = await feelings.locator('svg rect.chart__bar').evaluateAll((rects) => rects.slice(0, 2).map((r) => getComputedStyle(r).fill));
  expect(fills).toEqual(['rgb(47, 93, 98)', 'rgb(179, 84, 30)']);
  await expect(feelings.locator('.chart__legend li')).toHaveText(['Before', 'After']);
  expect(await feelings.locator('.chart__legend').evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe('none');
  const svg = feelings.locator('svg');
  await expect(svg).toHaveAttribute('tabindex', '0');
  await expect(svg).toHaveAccessibleName(/Feelings before and after a thought record.*2 thought records/);
  await svg.focus();
  await expect(svg).toBeFocused();
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
  await expect(page.locator('#chart-course .chart__desc')).toHaveText('You have finished 1 of 15 lessons; 1 of them in the last 4 weeks.');

  // Three months: the older record, trap and rating come in; the tables that are open follow.
  await page.getByRole('radio', { name: 'Last 3 months' }).check();
  await expect(feelings.locator('.chart__desc')).toHaveText(/^3 thought records in the last 3 months\. Feelings averaged 77 before and 27 after/);
  // Grouped by week now (two of the records may share one): three records in all.
  const rows = await feelings.locator('tbody tr').evaluateAll((trs) => trs.map((r) => Number(r.cells[1].textContent)));
  expect(rows.reduce((a, b) => a + b, 0)).toBe(3);
  await expect(page.locator('#chart-traps tbody tr')).toHaveCount(3);
  await expect(page.locator('#chart-traps tbody')).toContainText('All-or-nothing');
  await expect(page.locator('#chart-beliefs tbody tr')).toHaveCount(3);
  await expect(page.locator('#chart-beliefs tbody tr').first()).toContainText('90');

  // Back to four weeks.
  await page.getByRole('radio', { name: 'Last 4 weeks' }).check();
  await expect(feelings.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Hide the table' }).first().click();
  await expect(feelings.locator('table')).toHaveCount(0);
});
