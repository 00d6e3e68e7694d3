// The Practice hub and its eleven worksheets in the release build: each worksheet is filled in completely (every
// choice, step, text and dated note), marked done, reloaded and found intact; delete with Undo; the message
// builder's word checks, composed message and Copy (and its fallback); the habit check-in history; the hub's
// progress lines and the lessons' "Try it" links.
import { test, expect, waitForApp, openPage } from './support.mjs';

/** Every form control of the open worksheet and its state, plus the text shown, to compare across a reload. */
async function snapshot(page) {
  return page.evaluate(() => {
    const sheet = document.getElementById('worksheet');
    const controls = [...sheet.querySelectorAll('input, textarea')].map((el, i) => [
      el.id || `${el.name}#${i}`,
      el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value,
    ]);
    return { controls, text: sheet.innerText };
  });
}

/**
 * Fills in everything the worksheet shows: choices first (they can reveal parts; the first answer of a repair
 * worksheet's safety question is "No", which shows every part), then steps, texts, notes.
 */
async function fillEverything(page, tag) {
  const sheet = page.locator('#worksheet');
  await sheet.getByRole('textbox').first().fill(`${tag} <b>title</b> & co`);
  const groups = sheet.locator('fieldset.choice-group');
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).locator('input[type=radio]').first().check();
  }
  const boxes = sheet.locator('input[type=checkbox]');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  // Note boxes under checklist steps open from a button.
  const toggles = sheet.getByRole('button', { name: 'Write a note' });
  for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
  const areas = sheet.locator('textarea:not([readonly])');
  for (let i = 0; i < (await areas.count()); i++) {
    await areas.nth(i).fill(`${tag} answer ${i}\n  <i>kept as typed</i>  `);
  }
  const lines = sheet.locator('input[type=text]');
  for (let i = 1; i < (await lines.count()); i++) await lines.nth(i).fill(`${tag} line ${i} <u>x</u>`);
  // Dated notes: add one under every step or log that takes notes (their boxes were filled above).
  const add = sheet.getByRole('button', { name: /^Add (note|entry)$/ });
  const adds = await add.count();
  // Last first: a step's box closes once its note is added.
  for (let i = adds - 1; i >= 0; i--) await add.nth(i).click();
  return adds;
}

// Each worksheet's start button in its own words (src/domain/worksheet_defs.rs): the first copy, then another.
const WORKSHEETS = [
  ['forgiveness', 'Start working through a hurt', 'Start on another hurt', '1 hurt, 1 done'],
  ['boundaries', 'Set out a boundary', 'Set out another boundary', '1 boundary, 1 done'],
  ['message-builder', 'Draft a message', 'Draft another message', '1 message, 1 done'],
  ['active-listening', 'Prepare for a conversation', 'Prepare for another conversation', '1 conversation, 1 done'],
  ['rebuilding-trust', 'Start a plan for a relationship', 'Start a plan for another relationship', '1 plan, 1 done'],
  ['setback-plan', 'Write a setback plan', 'Write another setback plan', '1 plan, 1 done'],
  ['keeping-trust', 'Start a check-in for a relationship', 'Start a check-in for another relationship', '1 relationship, 1 done, last check-in today'],
  ['trust-online', 'Start an online-safety checklist', 'Start a checklist for another app or account', '1 checklist, 1 done'],
  ['trust-at-work', 'Start a checklist for a team', 'Start a checklist for another team', '1 checklist, 1 done'],
  ['therapy-prep', 'Prepare for an appointment', 'Prepare for another appointment', '1 worksheet, 1 done'],
  ['safety-plan', 'Write your safety plan', 'Start another safety plan', '1 plan, 1 done'],
];
/** Any worksheet's start button. */
const START = new RegExp(`^(${WORKSHEETS.flatMap((w) => [w[1], w[2]]).join('|')})$`);

for (const [slug, start, another, hubLine] of WORKSHEETS) {
  test(`${slug}: filled in completely, marked done, intact after a reload`, async ({ page, server }) => {
    await openPage(page, server, `/practice/${slug}`);
    await expect(page.getByText('Nothing here yet.')).toBeVisible();
    await page.getByRole('link', { name: start }).click();
    await expect(page).toHaveURL(/\?entry=[0-9a-f]{32}$/);
    const notes = await fillEverything(page, slug);
    if (slug === 'boundaries') expect(notes).toBe(1);
    if (slug === 'rebuilding-trust') expect(notes).toBe(5); // the steps of the plan chosen
    await expect(page.locator('.dated-notes__item')).toHaveCount(notes);
    await expect(page.locator('.worksheet__progress')).toContainText('In progress');
    await page.getByRole('button', { name: 'Mark as done' }).click();
    await expect(page.locator('.worksheet__progress')).toContainText('Done');
    const progress = await page.locator('.worksheet__progress').innerText();
    const [, filled, total] = progress.match(/(\d+) of (\d+) filled in/);
    expect(filled).toBe(total); // everything shown was answered
    const before = await snapshot(page);
    expect(before.controls.some(([, v]) => /answer \d+\n  <i>kept as typed<\/i>  $/.test(v))).toBe(true);

    await page.reload();
    await waitForApp(page);
    expect(await snapshot(page)).toEqual(before);
    await expect(page.getByRole('button', { name: 'Mark as not done' })).toBeVisible();
    await expect(page.locator('#worksheet i, #worksheet b, #worksheet u')).toHaveCount(0);

    await page.getByRole('link', { name: /All your/ }).click();
    const card = page.locator('.worksheet-card');
    await expect(card).toHaveCount(1);
    // With a copy kept, the button offers another one, and the page says what a copy is for.
    await expect(page.getByRole('link', { name: another, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: start, exact: true })).toHaveCount(0);
    await expect(page.locator('.worksheet-copies')).toHaveText(/\w.+\./);
    await expect(card.locator('.worksheet-card__title')).toHaveText(`${slug} <b>title</b> & co`);
    await expect(card).toContainText(`Done · ${total} of ${total} filled in`);
    await openPage(page, server, '/practice');
    await expect(page.locator('.card', { has: page.locator(`a[href="/practice/${slug}"]`) })).toContainText(hubLine);
  });
}

test('worksheets: saved as you type, several copies, delete with Undo, mark done needs something', async ({ page, server }) => {
  // Marking done needs something written (shown on a worksheet without the safety question).
  await openPage(page, server, '/practice/setback-plan');
  await page.getByRole('link', { name: START }).click();
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByRole('alert')).toContainText('Write or tick at least one thing first');
  await openPage(page, server, '/practice/forgiveness');
  await page.getByRole('link', { name: 'Start working through a hurt' }).click();
  // Before the safety question is answered there is no progress to count and nothing to mark done.
  await expect(page.getByRole('button', { name: 'Mark as done' })).toHaveCount(0);
  await expect(page.locator('.worksheet__progress')).toHaveCount(0);
  await page.getByLabel('Which hurt is this about?').fill('The move');
  // The safety question comes first; the parts appear once it is answered.
  await expect(page.getByLabel('What happened?')).toHaveCount(0);
  await page.locator('.safety-check').getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByLabel('What happened?').fill('Nobody came to help.');
  // Reload mid-sentence: nothing typed is lost.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel('What happened?')).toHaveValue('Nobody came to help.');
  await page.getByRole('radio', { name: 'Not yet' }).check();
  await page.getByRole('link', { name: 'All your hurts' }).click();
  await page.getByRole('link', { name: 'Start on another hurt' }).click();
  await page.getByLabel('Which hurt is this about?').fill('The wedding');
  await page.getByRole('link', { name: 'All your hurts' }).click();
  // A copy opened but never typed in is not kept.
  await page.getByRole('link', { name: 'Start on another hurt' }).click();
  await page.getByRole('link', { name: 'All your hurts' }).click();
  const cards = page.locator('.worksheet-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toContainText('The wedding');
  await expect(cards.filter({ hasText: 'The move' })).toContainText('In progress · 3 of 11 filled in');

  await cards.filter({ hasText: 'The move' }).getByRole('button', { name: 'Delete' }).click();
  await expect(cards).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Worksheet deleted.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cards).toHaveCount(2);
  await page.reload();
  await waitForApp(page);
  await expect(cards).toHaveCount(2);
  await cards.filter({ hasText: 'The move' }).getByRole('link', { name: 'Open The move' }).click();
  await expect(page.getByRole('radio', { name: 'Not yet' })).toBeChecked();

  // Deleting from inside the worksheet goes back to the list; Undo brings it back.
  await page.locator('.worksheet__actions').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/practice\/forgiveness$/);
  await expect(cards).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cards).toHaveCount(2);
  await openPage(page, server, '/practice');
  await expect(page.locator('.card', { has: page.locator('a[href="/practice/forgiveness"]') })).toContainText(
    '2 hurts, 0 done',
  );
  await expect(page.locator('.card', { has: page.locator('a[href="/practice/boundaries"]') })).toContainText(
    'Not started',
  );

  // A dated note half written under a step survives a reload, its box open.
  await openPage(page, server, '/practice/therapy-prep');
  await page.getByRole('link', { name: 'Prepare for an appointment' }).click();
  const step = page.locator('.worksheet-step', { hasText: 'Have you worked with people' });
  await step.getByRole('checkbox').check();
  await expect(step).toContainText('Done on');
  await step.getByRole('button', { name: 'Write a note' }).click();
  await step.getByLabel('Dated note').fill('She has, for ten years');
  await page.reload();
  await waitForApp(page);
  await expect(step.getByLabel('Dated note')).toHaveValue('She has, for ten years');
  await step.getByRole('button', { name: 'Add note' }).click();
  await expect(step.locator('.dated-notes__text')).toHaveText('She has, for ten years');
  await expect(step.getByLabel('Dated note')).toHaveCount(0);
  await step.getByRole('button', { name: /^Remove the note/ }).click();
  await expect(step.locator('.dated-notes__item')).toHaveCount(0);
});

test('message builder: flags judging words, suggests feelings, composes and copies the message', async ({
  page,
  server,
  context,
}) => {
  await context.grantPermissions(['clipboard-write'], { origin: server.origin });
  await openPage(page, server, '/practice/message-builder');
  await page.getByRole('link', { name: 'Draft a message' }).click();
  await page.getByLabel('Who is this message for, and what is it about?').fill('Sam, phones');
  const observation = page.getByLabel('1. What happened?');
  await observation.fill('You’re so rude, you always check your phone');
  const flags = page.locator('.word-flags').first();
  await expect(flags).toContainText("“you're so”");
  await expect(flags).toContainText('“always”');
  await expect(flags).toContainText('“rude”');
  await observation.fill('You looked at your phone three times while I was talking at dinner');
  await expect(page.locator('.word-flags')).toHaveCount(0);

  await page.getByLabel('2. How do you feel?').fill('ignored');
  const hidden = page.locator('.word-flags', { hasText: '“ignored” says what you think they did' });
  await expect(hidden).toBeVisible();
  await page.getByLabel('2. How do you feel?').fill('');
  await page.getByRole('button', { name: 'Show feeling words' }).click();
  await page.getByRole('button', { name: 'lonely', exact: true }).click();
  await page.getByRole('button', { name: 'hurt', exact: true }).click();
  await expect(page.getByLabel('2. How do you feel?')).toHaveValue('lonely, hurt');
  await page.getByRole('button', { name: 'Show needs' }).click();
  await page.getByRole('button', { name: 'to be heard', exact: true }).click();
  await page.getByLabel('4. What are you asking for?').fill("don't use your phone");
  await expect(page.locator('.word-flags')).toContainText('rather than what to stop');
  await page.getByLabel('4. What are you asking for?').fill('keep phones in the hall during dinner');
  const message =
    'When you looked at your phone three times while I was talking at dinner, I feel lonely, hurt, because I need to be heard. Would you be willing to keep phones in the hall during dinner?';
  await expect(page.locator('#ws-message')).toHaveText(message);

  // The page may write the clipboard but never read it (Permissions-Policy: clipboard-read=()), so the test
  // records what the app hands to the real clipboard.
  await page.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      window.__copied = text;
      return write(text);
    };
  });
  await page.getByRole('button', { name: 'Copy message' }).click();
  await expect(page.locator('.composed__status')).toContainText('Copied.');
  expect(await page.evaluate(() => window.__copied)).toBe(message);

  await page.getByRole('radio', { name: 'A short I-statement' }).check();
  const short =
    "I feel lonely, hurt when you looked at your phone three times while I was talking at dinner. I'd like to be heard. Could you keep phones in the hall during dinner?";
  await expect(page.locator('#ws-message')).toHaveText(short);
  // When the clipboard refuses, the message is offered selected in a box to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('not allowed'));
  });
  await page.getByRole('button', { name: 'Copy message' }).click();
  await expect(page.locator('.composed__status')).toContainText('Copying is not available here');
  await expect(page.getByLabel('Your message, ready to copy')).toHaveValue(short);
  await expect(page.getByLabel('Your message, ready to copy')).toBeFocused();

  // The draft is kept.
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('#ws-message')).toHaveText(short);
  await page.getByRole('link', { name: 'All your messages' }).click();
  await expect(page.locator('.worksheet-card')).toContainText('In progress · 4 of 5 filled in');
});

test('keeping trust: a check-in per day updates in place, with stats and history', async ({ page, server }) => {
  await openPage(page, server, '/practice/keeping-trust');
  await page.getByRole('link', { name: 'Start a check-in for a relationship' }).click();
  await page.getByLabel('Which relationship is this for?').fill('Me and Jo');
  await expect(page.getByText('Your first check-in will start the history.')).toBeVisible();
  await expect(page.getByRole('heading', { name: "Today's check-in" })).toBeVisible();
  for (const habit of ['Consistent', 'Honest', 'Respectful', 'Accountable']) {
    await page.getByRole('group', { name: new RegExp(`^${habit}:`) }).getByLabel('Yes').check();
  }
  await page.getByRole('group', { name: /^Transparent:/ }).getByLabel('Partly').check();
  await page.getByLabel('A note (optional)').fill('Told Jo about the bill <b>early</b>');
  const stats = page.locator('.checkin-stats');
  await expect(stats).toContainText('1 check-in · last today');
  await expect(stats).toContainText('A habit to give a little attention to: Transparent.');
  await page.getByRole('group', { name: /^Transparent:/ }).getByLabel('Yes').check();
  await expect(stats).toContainText('1 check-in');
  await expect(stats).not.toContainText('attention to');
  await page.getByRole('radio', { name: 'Every week' }).check();
  await expect(page.getByRole('heading', { name: "This week's check-in" })).toBeVisible();

  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('group', { name: /^Transparent:/ }).getByLabel('Yes')).toBeChecked();
  await expect(page.getByLabel('A note (optional)')).toHaveValue('Told Jo about the bill <b>early</b>');
  await page.getByRole('button', { name: 'Show check-in history' }).click();
  const history = page.locator('.checkin-history li');
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('Consistent: Yes · Honest: Yes · Transparent: Yes');
  await expect(history.locator('.user-text')).toHaveText('Told Jo about the bill <b>early</b>');
  await openPage(page, server, '/practice');
  await expect(page.locator('.card', { has: page.locator('a[href="/practice/keeping-trust"]') })).toContainText(
    '1 relationship, 0 done, last check-in today',
  );
});

test('keeping trust: "How often" shows Every day selected until another is picked, and it is not stored by itself', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/practice/keeping-trust');
  await page.getByRole('link', { name: 'Start a check-in for a relationship' }).click();
  const often = page.getByRole('group', { name: 'Check in' });
  await expect(often.getByRole('radio')).toHaveCount(2);
  await expect(often.getByRole('radio', { name: 'Every day' })).toBeChecked();
  await expect(often.getByRole('radio', { name: 'Every week' })).not.toBeChecked();
  await expect(page.getByRole('heading', { name: "Today's check-in" })).toBeVisible();
  // The default is not a question left open, and nothing is saved until the user writes or picks something.
  await expect(page.locator('.worksheet__progress')).toContainText('0 of 1 filled in');
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trust-steps/worksheets/')));
  expect(await stored()).toEqual([]);
  // Keyboard: the arrow key moves the choice, as in any radio group.
  await often.getByRole('radio', { name: 'Every day' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(often.getByRole('radio', { name: 'Every week' })).toBeChecked();
  await expect(often.getByRole('radio', { name: 'Every day' })).not.toBeChecked();
  await expect(page.getByRole('heading', { name: "This week's check-in" })).toBeVisible();
  expect(await stored()).toHaveLength(1);
  await page.reload();
  await waitForApp(page);
  await expect(often.getByRole('radio', { name: 'Every week' })).toBeChecked();
});

test('composed texts name the parts not written yet instead of showing "…"', async ({ page, server }) => {
  await openPage(page, server, '/practice/message-builder');
  await page.getByRole('link', { name: 'Draft a message' }).click();
  const message = page.locator('#ws-message');
  await expect(message).toHaveText('When [what happened], I feel [your feeling], because I need [your need]. [your request]');
  await page.getByLabel('2. How do you feel?').fill('worried');
  await expect(message).toHaveText('When [what happened], I feel worried, because I need [your need]. [your request]');
  await page.getByRole('radio', { name: 'A short I-statement' }).check();
  await expect(message).toHaveText("I feel worried when [what happened]. I'd like [your need]. [your request]");
  await expect(message).not.toContainText('…');

  await openPage(page, server, '/practice/boundaries');
  await page.getByRole('link', { name: 'Set out a boundary' }).click();
  await page.locator('.safety-check').getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByLabel('When …').fill('my manager calls after 10pm');
  const script = page.locator('.composed__text');
  await expect(script).toHaveText(
    "When my manager calls after 10pm, I feel [not written yet]. What I'd like is [not written yet]. If it happens again, I will [not written yet].",
  );
});

test.describe('a check-in made after midnight', () => {
  test.use({ timezoneId: 'UTC' });

  test('is filed under the new day, not the day the page was opened', async ({ page, server }) => {
    await page.clock.install({ time: new Date('2026-03-04T23:58:00Z') });
    await openPage(page, server, '/practice/keeping-trust');
    await page.getByRole('link', { name: 'Start a check-in for a relationship' }).click();
    await page.getByLabel('Which relationship is this for?').fill('Me and Jo');
    await page.getByRole('group', { name: /^Consistent:/ }).getByLabel('Yes').check();
    await page.getByLabel('A note (optional)').fill('Late evening');
    // The page stays open past midnight.
    await page.clock.runFor(3 * 60_000);
    await page.getByRole('group', { name: /^Honest:/ }).getByLabel('Partly').check();
    const stored = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('trust-steps/worksheets/'));
      return JSON.parse(localStorage.getItem(key)).data.checkins;
    });
    expect(stored.map((c) => [c.day, c.ratings, c.note])).toEqual([
      ['2026-03-04', { consistent: 2 }, 'Late evening'],
      ['2026-03-05', { honest: 1 }, ''],
    ]);
    // The form now shows the new day's check-in: yesterday's answers are in the history, not pre-filled.
    await expect(page.getByRole('group', { name: /^Consistent:/ }).getByLabel('Yes')).not.toBeChecked();
    await expect(page.getByLabel('A note (optional)')).toHaveValue('');
    await expect(page.locator('.checkin-stats')).toContainText('2 check-ins · last today · 2 days in a row');
  });
});

test('practice hub: every exercise by lesson with progress, and lessons link to their worksheets', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/practice');
  await expect(page.locator('.practice-group .card')).toHaveCount(20);
  await expect(page.locator('.practice-progress').first()).toHaveText('Not started');
  const slugs = await page.locator('.practice-group .card > a').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')),
  );
  for (const href of slugs) {
    await page.locator(`.practice-group a[href="${href}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.getByText('not built yet')).toHaveCount(0);
    await page.goBack();
  }
  for (const [lesson, slug] of [
    ['forgiveness', 'forgiveness'],
    ['stronger-relationships', 'message-builder'],
    ['rebuilding-trust', 'rebuilding-trust'],
    ['trust-at-work', 'trust-at-work'],
  ]) {
    await openPage(page, server, `/learn/${lesson}`);
    await page.locator('.try-it').locator(`a[href="/practice/${slug}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/practice/${slug}$`));
    await expect(page.getByRole('link', { name: START })).toBeVisible();
  }
  // Progress from the other collections: a thought-record draft and a promise.
  await openPage(page, server, '/journal/new');
  await page.getByLabel('What happened?').fill('A late reply');
  await openPage(page, server, '/practice/promises');
  await page.getByLabel('Your promise', { exact: true }).fill('Go for a walk');
  await page.getByRole('button', { name: 'Add promise' }).click();
  await openPage(page, server, '/practice');
  await expect(page.locator('.card', { has: page.locator('a[href="/practice/thought-record"]') })).toContainText(
    '1 draft',
  );
  await expect(page.locator('.card', { has: page.locator('a[href="/practice/promises"]') })).toContainText(
    '1 promise',
  );
});
