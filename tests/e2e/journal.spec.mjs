// The thought journal in the release build: a full record, reload, find, edit, delete and undo; a draft
// resumed after a reload; hostile text shown exactly as typed; the tools beside the journal.
import { test, expect, waitForApp, atFirstFrame, belowFirstScreen } from './support.mjs';
import { thoughtRecordEntries } from '../../scripts/bench-data.mjs';
import { seedStorage } from './seed.mjs';

async function next(page) {
  await page.getByRole('button', { name: 'Next' }).click();
}

test('write a full thought record, reload, find it, edit it, delete it and undo', async ({ page, server }) => {
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await page.getByRole('link', { name: 'New thought record' }).click();
  await expect(page).toHaveURL(/\/journal\/[0-9a-f]{32}\/edit$/);
  await page.getByLabel('What happened?').fill('Alex read my message and did not reply all evening.');
  await next(page);
  // Step 2 asks its question once: the field's label, not the prompt above it as well.
  await expect(page.locator('main').getByText('What went through your mind?')).toHaveCount(1);
  await page.getByLabel('What went through your mind?').fill('He always ignores me, he obviously thinks I am too much.');
  await expect(page.locator('.suggestions')).toContainText('Overgeneralization');
  await next(page);
  await expect(page.getByLabel('Your automatic thought')).toContainText('He always ignores me');
  await page.getByRole('button', { name: 'Anxious' }).click();
  await page.getByLabel('Add your own feeling').fill('Small');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('Anxious: how strong, 0–100').fill('80');
  await next(page);

  // Step 4: the finder's suggestions first, in full; every other trap a name whose explanation opens on request.
  const suggested = page.getByRole('group', { name: 'Suggested for your thought' });
  const others = page.getByRole('group', { name: 'Other thinking traps' });
  await expect(suggested.getByRole('checkbox')).toHaveCount(2);
  await expect(suggested).toContainText('Mind-reading');
  await expect(suggested).toContainText('Overgeneralization');
  await expect(suggested).toContainText('often signals mind-reading');
  await expect(others.getByRole('checkbox')).toHaveCount(10);
  const suggestedBox = await suggested.boundingBox();
  const othersBox = await others.boundingBox();
  expect(suggestedBox.y + suggestedBox.height).toBeLessThanOrEqual(othersBox.y);
  // Folded: a name, not its explanation; "What it means" opens it and says so to a screen reader.
  const explanation = 'Turning one action into a whole identity';
  await expect(others.getByText(explanation)).toBeHidden();
  const about = others.getByRole('button', { name: /^What it means\W+Labelling$/ });
  await expect(about).toHaveAttribute('aria-expanded', 'false');
  await about.click();
  await expect(about).toHaveAttribute('aria-expanded', 'true');
  await expect(others.getByText(explanation)).toBeVisible();
  await about.click();
  await expect(others.getByText(explanation)).toBeHidden();
  // Any trap can be chosen, suggested or not.
  await page.getByRole('checkbox', { name: /Mind-reading/ }).check();
  await others.getByRole('checkbox', { name: 'Labelling' }).check();
  await next(page);
  await page.getByLabel('What supports the thought?').fill('He did not answer tonight.');
  await page.getByLabel('What does not fit the thought?').fill('He answered every message last week.');
  await next(page);
  await page.getByRole('textbox', { name: 'Other explanations' }).fill('He had his night shift.');
  await next(page);
  // Step 7 shows what was just written, above the field.
  const recap = page.locator('.recap');
  await expect(recap.getByRole('heading', { name: 'What you wrote so far' })).toBeVisible();
  await expect(recap).toContainText('Evidence for the thought');
  await expect(recap).toContainText('He did not answer tonight.');
  await expect(recap).toContainText('He answered every message last week.');
  await expect(recap).toContainText('He had his night shift.');
  expect((await recap.boundingBox()).y).toBeLessThan((await page.getByLabel('A balanced thought').boundingBox()).y);
  await page.getByLabel('A balanced thought').fill('One quiet evening is not a pattern.');
  await next(page);
  await page.getByLabel('Anxious now (was 80)').fill('35');
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await expect(page.locator('h1')).toContainText('Thought record');
  await expect(page.locator('main')).toContainText('One quiet evening is not a pattern.');
  // A calm word once it is saved (Anxious 80 → 35, Small 50 → 50: 22.5 points on average), and no toast on top.
  const saved = page.locator('.record-saved');
  await expect(saved).toHaveText(
    'Saved. You worked through this thought step by step. Your feelings eased by 23 points on average.',
  );
  await expect(saved).toHaveAttribute('role', 'status');
  await expect(page.locator('.toast')).toHaveCount(0);
  await expect(page.locator('main')).toContainText('Feelings eased by 23 points on average.');
  await expect(page.locator('main .chip')).toHaveText(['Mind-reading', 'Labelling']);

  await page.reload();
  await waitForApp(page);
  // Said once: not again on a reload.
  await expect(page.locator('.record-saved')).toHaveCount(0);
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.locator('.journal-count')).toHaveText('1 record');
  await expect(page.locator('.record-card__drop')).toHaveText('Feelings eased by 23 points on average');
  // One record: the search box, no filters.
  await expect(page.getByRole('button', { name: /^Filter/ })).toHaveCount(0);
  await expect(page.getByLabel('Thinking trap', { exact: true })).toBeHidden();
  await page.getByLabel('Search your records').fill('night shift');
  await expect(page.locator('.journal-count')).toHaveText('Your 1 record matches');
  await page.getByLabel('Search your records').fill('holiday');
  await expect(page.locator('.journal-count')).toHaveText('Your 1 record does not match');
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(page.locator('.journal-count')).toHaveText('1 record');

  await page.locator('.record-card__thought').click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('button', { name: /Balanced thought/ }).click();
  await page.getByLabel('A balanced thought').fill('One quiet evening is not a pattern. I can ask him tomorrow.');
  await page.getByRole('button', { name: /Re-rate/ }).click();
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await expect(page.locator('main')).toContainText('I can ask him tomorrow.');
  await expect(page.locator('.record-saved')).toHaveText('Your changes are saved.');

  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByText('No finished thought records yet')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.journal-count')).toHaveText('1 record');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('.record-card__thought')).toContainText('He always ignores me');
});

test('the search box is always there; the other filters wait behind Filter until there are five records', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const all = thoughtRecordEntries(6, { seed: 11 });
  const filterButton = page.getByRole('button', { name: /^Filter/ });
  const trapSelect = page.getByLabel('Thinking trap', { exact: true });

  // Four records: search only.
  await seedStorage(page, server.origin, waitForApp, all.slice(0, 4));
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.locator('.journal-count')).toHaveText('4 records');
  await expect(page.getByLabel('Search your records')).toBeVisible();
  await expect(filterButton).toHaveCount(0);
  for (const label of ['Thinking trap', 'Feeling', 'From', 'To']) await expect(page.getByLabel(label, { exact: true })).toBeHidden();

  // Six: a Filter button, closed, beside the search box.
  await seedStorage(page, server.origin, waitForApp, all);
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.locator('.journal-count')).toHaveText('6 records');
  await expect(filterButton).toHaveAccessibleName('Filter');
  await expect(filterButton).toHaveAttribute('aria-expanded', 'false');
  await expect(trapSelect).toBeHidden();
  const search = await page.getByLabel('Search your records').boundingBox();
  const button = await filterButton.boundingBox();
  expect(Math.abs(search.y + search.height - (button.y + button.height))).toBeLessThan(12);

  // Opened: the filters; a trap chosen shows on the button as "1 active".
  await filterButton.click();
  await expect(filterButton).toHaveAttribute('aria-expanded', 'true');
  for (const label of ['Thinking trap', 'Feeling', 'From', 'To']) await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  const traps = all.flatMap(([, value]) => JSON.parse(value).data.traps);
  const trap = traps[0];
  const withTrap = all.filter(([, value]) => JSON.parse(value).data.traps.includes(trap)).length;
  await trapSelect.selectOption(trap);
  const matching = withTrap === 1 ? '1 of 6 records matches' : `${withTrap} of 6 records match`;
  await expect(page.locator('.journal-count')).toHaveText(matching);
  await expect(page.locator('.record-card')).toHaveCount(withTrap);
  await expect(filterButton).toHaveAccessibleName(/^Filter\W+1 active$/);

  // Closed again: the filter set stays in sight as a chip, and the chip removes it.
  await filterButton.click();
  await expect(trapSelect).toBeHidden();
  const trapName = (await trapSelect.locator('option:checked').textContent()).trim();
  const chip = page.getByRole('button', { name: `Thinking trap: ${trapName} (remove this filter)` });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(page.locator('.journal-count')).toHaveText('6 records');
  await expect(filterButton).toHaveAccessibleName('Filter');
  await expect(chip).toHaveCount(0);

  // Reopened, the choice is back to "Any".
  await filterButton.click();
  await expect(trapSelect).toHaveValue('');
});

test('a draft survives a reload and can be resumed or discarded', async ({ page, server }) => {
  await page.goto(server.origin + '/journal/new');
  await waitForApp(page);
  await page.getByLabel('What happened?').fill('Mum cancelled lunch again.');
  await next(page);
  await page.getByLabel('What went through your mind?').fill('I never matter to her');
  const url = page.url();
  await page.reload();
  await waitForApp(page);
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('What went through your mind?')).toHaveValue('I never matter to her');
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Drafts' })).toBeVisible();
  await expect(page.getByText('step 2 of 8')).toBeVisible();
  await page.getByRole('link', { name: 'Resume' }).click();
  await expect(page.getByLabel('What went through your mind?')).toHaveValue('I never matter to her');
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByRole('heading', { name: 'Drafts' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Drafts' })).toBeVisible();
});

test('long, right-to-left and HTML-like text is kept and shown exactly as typed', async ({ page, server }) => {
  const html = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
  const rtl = 'אני חושש שהיא תעזוב';
  const long = 'ä🙂'.repeat(25000);
  await page.goto(server.origin + '/journal/new');
  await waitForApp(page);
  await page.getByLabel('What happened?').fill(long);
  await next(page);
  await page.getByLabel('What went through your mind?').fill(`${html} ${rtl}`);
  for (let i = 0; i < 6; i++) await next(page);
  await page.getByRole('button', { name: 'Save thought record' }).click();
  await expect(page.locator('main')).toContainText(html);
  await expect(page.locator('main')).toContainText(rtl);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('main img').count()).toBe(0);
  await page.reload();
  await waitForApp(page);
  const situation = await page.locator('.answer .user-text').first().textContent();
  expect(situation).toBe(long);
});

test('belief tracker, trigger log and trap practice keep what you enter', async ({ page, server }) => {
  await page.goto(server.origin + '/practice/belief-tracker');
  await waitForApp(page);
  await page.getByLabel('A belief about people or trust').fill('People always let me down');
  await page.getByRole('button', { name: 'Add belief' }).click();
  await expect(page.getByText('Strength now: 70 of 100')).toBeVisible();
  await page.getByLabel('Rate it again (0–100)').fill('55');
  await page.getByRole('button', { name: 'Save rating' }).click();
  await expect(page.getByText('Loosened by 15 points')).toBeVisible();
  await page.getByLabel('Add evidence').fill('Jo helped me move house');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByText('Jo helped me move house')).toBeVisible();

  await page.goto(server.origin + '/practice/trigger-log');
  await waitForApp(page);
  await page.getByLabel('What set it off?').fill('No reply for a day');
  await page.getByLabel('What did you do?').fill('Sent five messages');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.locator('.trigger-entry')).toContainText('Sent five messages');

  await page.goto(server.origin + '/practice/trap-practice');
  await waitForApp(page);
  await page.locator('.practice-card .chip--toggle').first().click();
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.feedback')).toBeVisible();

  await page.reload();
  await waitForApp(page);
  await expect(page.locator('#practice-history ~ table tbody tr')).toHaveCount(1);
  await page.goto(server.origin + '/practice/belief-tracker');
  await waitForApp(page);
  await expect(page.getByText('Strength now: 55 of 100')).toBeVisible();
  await expect(page.getByText('Jo helped me move house')).toBeVisible();
  await page.goto(server.origin + '/practice/trigger-log');
  await waitForApp(page);
  await expect(page.locator('.trigger-entry')).toContainText('No reply for a day');
});

test('a thought record typed while storage is full stays on screen and is saved once there is room', async ({ page, server }) => {
  await page.addInitScript(() => {
    const realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull && key.startsWith('trust-steps/journal/')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return realSetItem.call(this, key, value);
    };
  });
  await page.goto(server.origin + '/journal/new');
  await waitForApp(page);
  await page.evaluate(() => (window.__storageFull = true));
  await page.getByLabel('What happened?').fill('My sister forgot my birthday.');
  const error = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
  await expect(error).toBeVisible();
  await expect(error).toContainText('kept on screen');
  await expect(page.getByLabel('What happened?')).toHaveValue('My sister forgot my birthday.');
  await page.evaluate(() => (window.__storageFull = false));
  await page.getByLabel('What happened?').fill('My sister forgot my birthday again.');
  await expect(error).toHaveCount(0);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel('What happened?')).toHaveValue('My sister forgot my birthday again.');
});

test('a thought record can name a person from People, and the list filters by person', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(() => {
    const person = (id, name) => ({
      schema: 1,
      data: { id, name, relationship: 'friend', created_at: '2026-11-01T10:00:00.000Z', updated_at: '2026-11-01T10:00:00.000Z' },
    });
    localStorage.setItem('trust-steps/people/aaaaaaaaaaaaaaaa', JSON.stringify(person('aaaaaaaaaaaaaaaa', 'Alex')));
    localStorage.setItem('trust-steps/people/bbbbbbbbbbbbbbbb', JSON.stringify(person('bbbbbbbbbbbbbbbb', 'Sam')));
  });
  for (const [name, thought] of [['Alex', 'Alex forgot again'], ['Sam', 'Sam is hiding something']]) {
    await page.goto(server.origin + '/journal/new');
    await waitForApp(page);
    await page.getByLabel('Who was involved? (optional)').selectOption({ label: name });
    await page.getByLabel('What happened?').fill(`${name} did not call.`);
    await next(page);
    await page.getByLabel('What went through your mind?').fill(thought);
    for (let i = 0; i < 6; i++) await next(page);
    await page.getByRole('button', { name: 'Save thought record' }).click();
    await expect(page.getByRole('link', { name })).toHaveAttribute('href', /\/people\/[ab]{16}$/);
  }
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.locator('.journal-count')).toHaveText('2 records');
  // Three more records (about no one), so the list offers its filters.
  await page.evaluate((entries) => {
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, thoughtRecordEntries(3, { seed: 3 }));
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('.journal-count')).toHaveText('5 records');
  await page.getByRole('button', { name: /^Filter/ }).click();
  await page.getByLabel('Person').selectOption({ label: 'Sam' });
  await expect(page.locator('.journal-count')).toHaveText('1 of 5 records matches');
  await expect(page.locator('.record-card__thought')).toHaveText('Sam is hiding something');
  await expect(page.locator('.record-card__date')).toContainText('Sam');
  await page.getByRole('button', { name: /^Filter/ }).click();
  await expect(page.getByRole('button', { name: 'Person: Sam (remove this filter)' })).toBeVisible();
});

test('dates are shown in the reader’s locale', async ({ browser, server }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(() => {
    const data = {
      id: 'cccccccccccccccc', status: 'complete', step: 8, happened_on: '2026-03-05', thought: 'A dated thought',
      created_at: '2026-03-05T10:00:00.000Z', updated_at: '2026-03-05T10:00:00.000Z',
    };
    localStorage.setItem('trust-steps/journal/cccccccccccccccc', JSON.stringify({ schema: 1, data }));
  });
  await page.goto(server.origin + '/journal');
  await waitForApp(page);
  await expect(page.locator('.record-card__date')).toHaveText('5.3.2026');
  await page.locator('.record-card__thought').click();
  await expect(page.locator('h1')).toHaveText('Thought record, 5.3.2026');
  await context.close();
});

// The journal draws its first records in the click's task and the rest of its first page in the task after the
// first paint (src/ui/dom.rs: after_first_paint), as the People pages do: the rest must start below that
// first screen, on a phone and a laptop, and "Show more" still adds the next page after them.
for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
  test(`the journal draws its first screen first, the rest right after (${viewport.width}×${viewport.height})`, async ({
    page,
    server,
  }) => {
    await page.setViewportSize(viewport);
    const records = thoughtRecordEntries(45, { seed: 5 });
    await seedStorage(page, server.origin, waitForApp, records);

    const first = await atFirstFrame(page, '#primary-nav a[href="/journal"]', { cards: '.record-card' });
    expect(first.h1).toBe('Journal');
    expect(first.cards).toBeGreaterThan(0);
    expect(first.cards).toBeLessThan(30);
    const cards = page.locator('.record-card');
    await expect(cards).toHaveCount(30);
    expect(await belowFirstScreen(page, `.record-card:nth-child(${first.cards + 1})`)).toBe(true);

    // Newest first across the two parts, and the next page after them.
    const days = await page.locator('.record-card__date').allTextContents();
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect(cards).toHaveCount(45);
    expect((await page.locator('.record-card__date').allTextContents()).slice(0, 30)).toEqual(days);
    await expect(page.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  });
}

test('a record that reads as danger gets a safety notice on every step, no thinking traps, and safety questions instead of weighing the thought; an ordinary one keeps its traps', async ({ page, server }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.origin + '/journal/new');
  await waitForApp(page);
  // Danger already in the situation: the notice shows on step 1.
  await page.getByLabel('What happened?').fill('He pushed me into the door when I came home late.');
  await expect(page.locator('.safety-notice')).toBeVisible();
  await next(page);
  await page.getByLabel('What went through your mind?').fill('He said he will hurt me if I leave, he always checks my phone');
  const notice = page.locator('.safety-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('not a thinking trap');
  await expect(page.locator('.suggestions')).not.toContainText('Fortune-telling');
  await expect(page.locator('.suggestions')).not.toContainText('Overgeneralization');
  await expect(page.locator('.suggestions__title')).toHaveCount(0);
  await expect(notice.getByRole('link', { name: 'Help and helplines' })).toHaveAttribute('href', '/help');
  await expect(notice.getByRole('link', { name: 'Make a safety plan' })).toHaveAttribute('href', '/practice/safety-plan');
  // A domestic-abuse line and the emergency number are right there, to call.
  await expect(notice.locator('a[href^="tel:"]').first()).toBeVisible();
  await expect(notice).toContainText('1-800-799-7233');

  // Step 4 says the same, marks nothing as suggested or chosen, and keeps the list folded away.
  await next(page);
  await next(page);
  await expect(page.locator('.safety-notice')).toBeVisible();
  await expect(page.locator('.trap-option--suggested')).toHaveCount(0);
  await expect(page.getByText('(suggested)')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Suggested for your thought' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /Overgeneralization/ })).toBeHidden();
  await page.getByText('Look at the thinking traps anyway').click();
  await expect(page.getByRole('checkbox', { name: /Overgeneralization/ })).toBeVisible();
  for (const box of await page.locator('.trap-list input[type="checkbox"]').all()) {
    await expect(box).not.toBeChecked();
  }

  // Steps 5–7 ask about safety and support, never to weigh or explain away what happened.
  await next(page);
  await expect(page.locator('#step-heading')).toHaveText('What worries you');
  await expect(page.locator('.safety-notice')).toBeVisible();
  await page.getByLabel('What has happened that worries you?').fill('He threw my phone at the wall on Sunday.');
  await expect(page.getByText('What does not fit the thought?')).toHaveCount(0);
  await next(page);
  await expect(page.getByText('Other explanations')).toHaveCount(0);
  await page.getByLabel('Who could you tell, or where could you get help?').fill('My sister, and the helpline.');
  await next(page);
  await expect(page.getByText('A balanced thought')).toHaveCount(0);
  // Step 7 recalls who could help, never what worries them.
  await expect(page.locator('.recap')).toContainText('Who I could tell');
  await expect(page.locator('.recap')).toContainText('My sister, and the helpline.');
  await expect(page.locator('.recap')).not.toContainText('He threw my phone');
  await page.getByLabel('Something kind and true to tell yourself').fill('It is not my fault.');
  await next(page);
  await page.getByRole('button', { name: 'Save thought record' }).click();
  const main = page.locator('main');
  await expect(main).toContainText('He said he will hurt me if I leave');
  await expect(main.getByRole('heading', { name: 'What has worried me' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'A kind word' })).toBeVisible();
  await expect(main).not.toContainText('Evidence for the thought');
  // Saved with thanks and a way to help, never a word about thinking.
  await expect(page.locator('.record-saved')).toContainText('Thank you for writing this down');
  await expect(page.locator('.record-saved').getByRole('link', { name: /Help lists people/ })).toHaveAttribute('href', '/help');

  // Self-harm wording shows the crisis lines themselves, as links to call.
  await page.goto(server.origin + '/journal/new');
  await waitForApp(page);
  await next(page);
  await page.getByLabel('What went through your mind?').fill("I can't do this anymore, I want to kill myself");
  await expect(page.locator('.safety-notice')).toBeVisible();
  await expect(page.locator('.safety-notice a[href="tel:988"]').first()).toBeVisible();

  // An ordinary anxious thought, idiom included, still gets its traps and no notice.
  await page.getByLabel('What went through your mind?').fill("My boss will kill me if I'm late, I always mess everything up");
  await expect(page.locator('.safety-notice')).toHaveCount(0);
  await expect(page.locator('.suggestions')).toContainText('Overgeneralization');
  await page.getByLabel('What went through your mind?').fill("He didn't answer for 5 hours, he must be cheating on me");
  await expect(page.locator('.safety-notice')).toHaveCount(0);
  await expect(page.locator('.suggestions')).toContainText('Mind-reading');
  await next(page);
  await next(page);
  await next(page);
  await expect(page.getByLabel('What supports the thought?')).toBeVisible();
});

// The stepper keeps its place and size at every step: its box and each step's box are the same on all eight
// steps, on a phone (numbers only) and a laptop (numbers and titles).
for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
  test(`the stepper does not move or change size between steps (${viewport.width}×${viewport.height})`, async ({ page, server }) => {
    await page.setViewportSize(viewport);
    await page.goto(server.origin + '/journal/new');
    await waitForApp(page);
    await page.getByLabel('What happened?').fill('Sam was two hours late and did not say why.');
    const boxes = async () =>
      page.locator('ol.steps').evaluate((list) =>
        [list, ...list.querySelectorAll('.steps__button')].map((el) => {
          const r = el.getBoundingClientRect();
          return [Math.round(r.left), Math.round(r.top - list.getBoundingClientRect().top), Math.round(r.width), Math.round(r.height)];
        }),
      );
    const first = await boxes();
    expect(first).toHaveLength(9);
    // Every step a full tap target, on one row of eight.
    for (const [, top, width, height] of first.slice(1)) {
      expect(width).toBeGreaterThanOrEqual(44);
      expect(height).toBeGreaterThanOrEqual(44);
      expect(top).toBe(first[1][1]);
    }
    for (let step = 2; step <= 8; step++) {
      await next(page);
      await expect(page.locator('.steps__item--current .steps__number')).toHaveText(String(step));
      if (step === 2) await page.getByLabel('What went through your mind?').fill('They always do this to me.');
      expect(await boxes(), `step ${step}`).toEqual(first);
    }
    // The current step is named to a screen reader whether its title shows or not.
    await expect(page.locator('.steps [aria-current="step"]')).toHaveAccessibleName(/^8\s*Re-rate your feelings$/);
  });
}
