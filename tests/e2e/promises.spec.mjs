// Promises to myself and the two self-assessments in the release build: check-ins, streaks and the kind prompt
// after a miss; "My trustworthiness" twice with the change between runs and an item turned into a promise;
// "Where my trust issues come from" with tendencies and the not-a-diagnosis note; everything after a reload.
import { axeViolations } from './a11y.mjs';
import { test, expect, waitForApp, openPage } from './support.mjs';

const SCOLDING = /lazy|shame|should have|disappoint|you failed|bad person|pathetic|weak/i;

/** Answers every statement on the current screen with `label`. */
async function answerScreen(page, label) {
  const groups = page.locator('fieldset.answer-group');
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await groups.nth(i).getByLabel(label, { exact: true }).check();
  }
}

test('promises: add, keep with a streak, miss with a kind prompt, reload, delete and undo', async ({ page, server }) => {
  await openPage(page, server, '/practice/promises');
  await expect(page.getByText('No promises yet. Make one below')).toBeVisible();

  await page.getByLabel('Your promise', { exact: true }).fill('Walk to the corner shop <b>slowly</b>');
  await page.getByRole('radio', { name: 'Every day' }).check();
  await page.getByRole('button', { name: 'Add promise' }).click();

  await page.getByText('Need an idea? Pick a starter promise').click();
  await page.getByRole('button', { name: /Drink a glass of water when I get up/ }).click();
  await expect(page.getByLabel('Your promise', { exact: true })).toHaveValue('Drink a glass of water when I get up');
  await expect(page.getByLabel('Your promise', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Add promise' }).click();

  const due = page.locator('.promise-due');
  await expect(due).toHaveCount(2);
  // What is due comes before the form that makes new promises.
  const headings = await page.locator('main h2').allInnerTexts();
  expect(headings.indexOf('Due today')).toBeGreaterThanOrEqual(0);
  expect(headings.indexOf('Due today')).toBeLessThan(headings.indexOf('Make a promise to yourself'));
  await due.filter({ hasText: 'corner shop' }).getByRole('button', { name: 'Kept' }).click();
  // A calm acknowledgement, with Undo; no fanfare, no streak talk.
  await expect(page.locator('.toast')).toContainText(/^Kept\. /);
  await expect(page.locator('.toast')).not.toContainText(/streak|!/);
  await expect(page.locator('.toast').getByRole('button', { name: 'Undo' })).toBeVisible();
  await due.filter({ hasText: 'glass of water' }).getByRole('button', { name: 'Missed' }).click();
  await expect(page.locator('.toast')).toContainText('Noted as missed.');
  await expect(page.getByText('Nothing left to check in today.')).toBeVisible();

  const walk = page.locator('.promise-card').filter({ hasText: 'corner shop' });
  const water = page.locator('.promise-card').filter({ hasText: 'glass of water' });
  // Typed markup is shown as text.
  await expect(walk.locator('.promise-card__text')).toHaveText('Walk to the corner shop <b>slowly</b>');
  await expect(walk.locator('b')).toHaveCount(0);
  await expect(walk).toContainText('Kept 1 of 1');
  await expect(walk).toContainText('Current streak: 1 day');
  await expect(walk).toContainText('Best streak: 1 day');
  await expect(walk.locator('.self-compassion')).toHaveCount(0);
  await expect(water).toContainText('Kept 0 of 1');
  await expect(water).toContainText('Today: missed');
  await expect(water).not.toContainText('streak');
  const prompt = water.locator('.self-compassion');
  await expect(prompt).toBeVisible();
  expect(await prompt.innerText()).not.toMatch(SCOLDING);
  expect(await page.locator('main').innerText()).not.toMatch(SCOLDING);

  await page.reload();
  await waitForApp(page);
  await expect(walk).toContainText('Kept 1 of 1');
  await expect(walk).toContainText('Current streak: 1 day');
  await expect(walk.locator('.promise-card__recent')).toContainText('kept');
  await expect(water).toContainText('Kept 0 of 1');
  await expect(water.locator('.self-compassion')).toBeVisible();
  await expect(page.locator('.promise-due')).toHaveCount(0);

  // Changing my mind about today is allowed; the prompt goes with the miss.
  await water.getByRole('button', { name: 'Change to kept' }).click();
  await expect(water).toContainText('Kept 1 of 1');
  await expect(water.locator('.self-compassion')).toHaveCount(0);

  await water.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('heading', { name: 'Put away' })).toBeVisible();
  await expect(page.locator('.promise-card').filter({ hasText: 'glass of water' })).toContainText('Bring back');

  await walk.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Promise deleted.')).toBeVisible();
  await expect(page.locator('.promise-card').filter({ hasText: 'corner shop' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.reload();
  await waitForApp(page);
  await expect(walk).toContainText('Kept 1 of 1');
  await expect(page.locator('.promise-card').filter({ hasText: 'glass of water' })).toContainText('Bring back');
});

test.describe('a page left open past midnight', () => {
  test.use({ timezoneId: 'UTC' });

  test('shows the new day: promises are due again and Today counts them, without a reload', async ({ page, server }) => {
    await page.clock.install({ time: new Date('2026-03-04T23:58:00Z') });
    await openPage(page, server, '/practice/promises');
    await expect(page.getByText('No promises yet.')).toBeVisible();
    await page.getByLabel('Your promise', { exact: true }).fill('Call back when I say I will');
    await page.getByRole('radio', { name: 'Every day' }).check();
    await page.getByRole('button', { name: 'Add promise' }).click();
    await page.locator('.promise-due').getByRole('button', { name: 'Kept' }).click();
    await expect(page.getByText('Nothing left to check in today.')).toBeVisible();
    const card = page.locator('.promise-card');
    await expect(card).toContainText('Today: kept');

    // Midnight passes with the page open (the app looks at the date every 30 seconds).
    await page.clock.runFor(3 * 60_000);
    await expect(page.locator('.promise-due')).toHaveCount(1);
    await expect(card).not.toContainText('Today: kept');
    await expect(card).toContainText('Current streak: 1 day');
    await page.locator('.promise-due').getByRole('button', { name: 'Kept' }).click();
    await expect(card).toContainText('Current streak: 2 days');
    const days = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('trust-steps/promises/'));
      return JSON.parse(localStorage.getItem(key)).data.checkins.map((c) => c.day);
    });
    expect(days).toEqual(['2026-03-04', '2026-03-05']);

    // Today, left open into the next day, offers the check-in again.
    await page.locator('#primary-nav a[href="/"]').click();
    const promisesAction = page.locator('.quick-actions a[href="/practice/promises"]');
    await expect(promisesAction).toHaveText('Today’s promises');
    await page.clock.fastForward('24:00:00');
    await expect(promisesAction).toHaveText('Check in today’s promises (1)');
  });
});

test('my trustworthiness: resume after a reload, results, twice with the change, an item becomes a promise', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/practice/trustworthiness-check');
  await expect(page.getByText('No finished runs yet.')).toBeVisible();
  await expect(page.locator('main')).toContainText('This is not a validated test.');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Statements 1–6' })).toBeFocused();
  await expect(page.locator('fieldset.answer-group')).toHaveCount(6);
  await expect(page.getByText('Step 1 of 3 · 0 of 18 answered')).toBeVisible();
  // Next is refused kindly until the screen is answered.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose an answer');
  await answerScreen(page, 'Often');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Step 2 of 3 · 6 of 18 answered')).toBeVisible();
  await page.locator('fieldset.answer-group').first().getByLabel('Often', { exact: true }).check();

  // Autosaved: a reload resumes on the screen with the first unanswered statement.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Statements 7–12' })).toBeVisible();
  await expect(page.getByText('7 of 18 answered')).toBeVisible();
  await expect(page.locator('fieldset.answer-group').first().getByLabel('Often', { exact: true })).toBeChecked();
  await answerScreen(page, 'Often');
  await page.getByRole('button', { name: 'Next' }).click();
  await answerScreen(page, 'Often');
  await page.getByRole('button', { name: 'See my results' }).click();

  const results = page.locator('.assessment-results');
  await expect(results.locator('.not-a-diagnosis')).toContainText('Use it only to compare yourself with yourself over time.');
  await expect(results).toContainText('Reliability: 58 of 100');
  await expect(results).toContainText('Honesty: 58 of 100');
  await expect(results).toContainText('Integrity: 58 of 100');
  await expect(results).toContainText('You follow through on a lot of what you say');

  await page.getByRole('button', { name: 'Take it again' }).click();
  for (let step = 0; step < 3; step++) {
    await answerScreen(page, 'Always');
    await page.getByRole('button', { name: step < 2 ? 'Next' : 'See my results' }).click();
  }
  await expect(results).toContainText('Reliability: 67 of 100');
  await expect(results).toContainText('Since last time: Reliability +9, Honesty +9, Integrity +9.');
  const history = page.locator('.assessment-history li');
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('Reliability 67 (+9)');
  await expect(history.last()).toContainText('Reliability 58');

  await page.getByText('Reliability statements — make one a promise').click();
  await page
    .locator('.item-promise')
    .filter({ hasText: 'When I say I will do something, I do it.' })
    .getByRole('button', { name: 'Make this a promise' })
    .click();
  await expect(page.locator('.toast')).toContainText('Added to your promises');

  await page.reload();
  await waitForApp(page);
  await expect(page.locator('.assessment-history li')).toHaveCount(2);
  await expect(results).toContainText('Reliability: 67 of 100');

  await openPage(page, server, '/practice/promises');
  const made = page.locator('.promise-card').filter({ hasText: 'I will do one thing I said I would, when I said I would.' });
  await expect(made).toContainText('Every week');
  await expect(page.locator('.promise-due').filter({ hasText: 'I will do one thing I said I would' })).toHaveCount(1);
});

test('where my trust issues come from: reflection, tendencies and the not-a-diagnosis note', async ({ page, server }) => {
  await openPage(page, server, '/practice/trust-origins');
  await expect(page.locator('main')).toContainText('This is a reflection, not a diagnosis.');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'Past betrayals' })).toBeVisible();
  await answerScreen(page, 'Quite like me');
  const written = '<b>My ex</b> lied about the money.\nI still check his phone in my head.';
  await page
    .getByLabel('Is there a time your trust was broken that still comes back to you? What happened?')
    .fill(written);
  await page.getByRole('button', { name: 'Next' }).click();
  await answerScreen(page, 'A little like me');

  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Relationship patterns' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(
    page.getByLabel('Is there a time your trust was broken that still comes back to you? What happened?'),
  ).toHaveValue(written);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  for (let step = 0; step < 3; step++) {
    await answerScreen(page, 'A little like me');
    await page.getByRole('button', { name: step < 2 ? 'Next' : 'See my results' }).click();
  }

  const results = page.locator('.assessment-results');
  const check = async () => {
    await expect(results.locator('.not-a-diagnosis')).toContainText('This is a reflection, not a diagnosis.');
    const betrayal = results.locator('.tendency-result').filter({ hasText: 'Past betrayals' });
    await expect(betrayal).toContainText('A strong sign of this');
    await expect(betrayal).toContainText('A past betrayal seems to still shape');
    await expect(betrayal.locator('blockquote')).toHaveText(written);
    await expect(betrayal.locator('b')).toHaveCount(0);
    await expect(results.locator('.tendency-result').filter({ hasText: 'Childhood' })).toContainText(
      'Little sign of this',
    );
    await expect(results.locator('.tendency-result')).toHaveCount(5);
    // A strong sign of past betrayal: support first, with Help and the lesson on getting support one tap away.
    // The attachment answers were "A little like me": no fearful-avoidant note.
    await expect(results.locator('.origins-note')).toHaveCount(1);
    const note = results.locator('.origins-note').filter({ hasText: 'An old hurt that still weighs a lot' });
    await expect(note.locator('a[href="/help"]')).toHaveText('Help and crisis lines');
    await expect(note.locator('a[href="/learn/professional-help"]')).toBeVisible();
    await expect(note.locator('a[href="/learn/abuse-and-control"]')).toBeVisible();
    await expect(page.locator('.assessment-history li')).toHaveCount(1);
    await expect(page.locator('.assessment-history li')).toContainText('Past betrayals: a strong sign of this');
  };
  await check();
  await page.reload();
  await waitForApp(page);
  await check();
});

test('a finished self-assessment run can be deleted from the history, with Undo', async ({ page, server }) => {
  await openPage(page, server, '/');
  await page.evaluate(() => {
    const put = (id, day, answer) => {
      const at = `${day}T10:00:00.000Z`;
      const data = { id, created_at: at, updated_at: at, kind: 'trustworthiness', answers: Array(18).fill(answer), reflections: [] };
      localStorage.setItem(`trust-steps/assessments/${id}`, JSON.stringify({ schema: 1, data }));
    };
    put('c'.repeat(32), '2026-10-01', 4);
    put('d'.repeat(32), '2026-11-01', 5);
  });
  await openPage(page, server, '/practice/trustworthiness-check');
  const history = page.locator('.assessment-history li');
  const results = page.locator('.assessment-results');
  const [october, november] = await page.evaluate(() =>
    ['2026-10-01', '2026-11-01'].map((d) => new Date(`${d}T10:00:00.000Z`).toLocaleDateString()),
  );
  await expect(history).toHaveCount(2);
  await expect(results).toContainText('Reliability: 67 of 100');

  // Delete the newest run: the one before it becomes the latest result.
  await page.getByRole('button', { name: `Delete the results from ${november}` }).click();
  await expect(page.locator('.toast')).toContainText('Result deleted.');
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('Reliability 58');
  await expect(results).toContainText('Reliability: 58 of 100');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('Reliability 67 (+9)');
  await expect(results).toContainText('Reliability: 67 of 100');

  await page.reload();
  await waitForApp(page);
  await expect(history).toHaveCount(2);

  // Deleting the older one stays deleted after a reload.
  await page.getByRole('button', { name: `Delete the results from ${october}` }).click();
  await expect(history).toHaveCount(1);
  await page.reload();
  await waitForApp(page);
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('Reliability 67');
  await expect(history).not.toContainText('(+9)');
  expect(await page.evaluate(() => localStorage.getItem(`trust-steps/assessments/${'c'.repeat(32)}`))).toBeNull();
});

test('where my trust issues come from: strong worry about closeness and keeping a distance names the fearful-avoidant pattern', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/');
  // A finished run: "Very much like me" for the three past-betrayal statements and the six attachment ones (the
  // last six), "Not like me at all" for the rest.
  await page.evaluate(() => {
    const id = 'e'.repeat(32);
    const at = '2026-11-01T10:00:00.000Z';
    const answers = [...Array(3).fill(5), ...Array(6).fill(1), ...Array(6).fill(5)];
    const data = { id, created_at: at, updated_at: at, kind: 'origins', answers, reflections: [] };
    localStorage.setItem(`trust-steps/assessments/${id}`, JSON.stringify({ schema: 1, data }));
  });
  await openPage(page, server, '/practice/trust-origins');
  const results = page.locator('.assessment-results');
  // Support first, then the pattern; the notes are accessible (axe: unique landmark names, contrast, …).
  await expect(results.locator('.origins-note h3')).toHaveText(['An old hurt that still weighs a lot', 'Wanting closeness and fearing it']);
  expect(await axeViolations(page)).toEqual([]);
  const note = results.locator('.origins-note').filter({ hasText: 'Wanting closeness and fearing it' });
  await expect(note).toContainText('fearful-avoidant pattern');
  await expect(note).toContainText('high anxiety and high avoidance');
  await note.getByRole('link', { name: 'Attachment styles' }).click();
  await expect(page).toHaveURL(/\/learn\/where-trust-issues-come-from#attachment-styles$/);
  await expect(page.locator('#attachment-styles')).toBeFocused();
  await expect(page.locator('main')).toContainText('Fearful-avoidant');
});
