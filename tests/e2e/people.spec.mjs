// People in the release build: adding someone (empty, too-long and duplicate names; the form is the page until
// someone exists, then it waits behind "Add a person"), the evidence log, gut ratings beside the evidence, a
// ladder experiment before and after, a reload, delete keeping the log and undo; a person deleted in one tab while
// their page is open in another; and on a 390×844 touch screen: the quick logs on the first screen, Undo, the
// own-words form starting blank again, the ladder's next rung and its edit mode.
import { test, expect, waitForApp, atFirstFrame, belowFirstScreen } from './support.mjs';
import { peopleEntries } from '../../scripts/bench-data.mjs';
import { seedStorage } from './seed.mjs';

/** Opens the add form from "Add a person" once someone exists (with no one yet, the form is the page). */
async function openAddForm(page) {
  const open = page.getByRole('button', { name: 'Add a person' });
  if ((await open.count()) > 0 && (await open.getAttribute('aria-expanded')) === 'false') await open.click();
  await expect(page.getByLabel('Name or nickname')).toBeFocused();
}

async function addPerson(page, name, relationship = 'Other') {
  if ((await page.getByLabel('Name or nickname').count()) === 0) await openAddForm(page);
  await page.getByLabel('Name or nickname').fill(name);
  await page.getByLabel('Who they are to you').selectOption(relationship);
  await page.getByRole('button', { name: /^Add (person|anyway)$/ }).click();
}

function part(page, name) {
  return page.locator('.profile-part', { has: page.getByRole('heading', { name, exact: true }) });
}

test('add a person: empty, too-long and duplicate names get a clear message', async ({ page, server }) => {
  await page.goto(server.origin + '/people');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('People');
  await expect(page.getByText('No one is on your trust map yet')).toBeVisible();
  // With no one yet, the form is the page: no button to open it first.
  await expect(page.getByRole('button', { name: 'Add a person' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toContainText('Add a name or nickname');
  await page.getByLabel('Name or nickname').fill('   ');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toContainText('Add a name or nickname');
  await page.getByLabel('Name or nickname').fill('x'.repeat(61));
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toContainText('That name is quite long');

  await page.getByLabel('Name or nickname').fill('Sam');
  await page.getByLabel('Who they are to you').selectOption('Friend');
  await page.getByRole('radio', { name: 'Teal' }).check();
  await page.getByRole('button', { name: 'Add person' }).click();
  const cards = page.locator('.person-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Friend');
  await expect(cards.first()).toContainText('No observations yet');
  await expect(cards.first().locator('.person-marker--teal')).toHaveCount(1);

  // Now the list comes first; the form waits behind one button, which has focus after the add.
  const openForm = page.getByRole('button', { name: 'Add a person' });
  await expect(openForm).toBeFocused();
  await expect(openForm).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Name or nickname')).toHaveCount(0);
  await openForm.click();
  await expect(page.getByLabel('Name or nickname')).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Name or nickname')).toHaveCount(0);
  await expect(openForm).toBeFocused();

  await openAddForm(page);
  await page.getByLabel('Name or nickname').fill(' sam ');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toContainText('You already have someone with this name');
  await expect(cards).toHaveCount(1);
  await page.getByRole('button', { name: 'Add anyway' }).click();
  await expect(cards).toHaveCount(2);
  await expect(page.getByLabel('Name or nickname')).toHaveCount(0);

  await openAddForm(page);
  await expect(page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await page.getByLabel('Name or nickname').fill('Kim');
  await page.getByLabel('Or an emoji').fill('🌻');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(cards).toHaveCount(3);
  await expect(page.locator('.person-card', { hasText: 'Kim' })).toContainText('🌻');
});

test('log evidence, rate the gut, run a ladder experiment, reload, delete keeping the log and undo', async ({
  page,
  server,
}) => {
  const html = '<b>not bold</b> <img src=x onerror="window.__pwned=1">';
  await page.goto(server.origin + '/people');
  await waitForApp(page);
  await addPerson(page, 'Alex', 'Partner');
  await page.getByRole('link', { name: 'Alex' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f]{32}$/);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('h1')).toContainText('Alex');
  await expect(page).toHaveTitle('Person · Trust Steps');
  await expect(page.getByText('Nothing logged yet')).toBeVisible();
  await expect(part(page, 'Reliability')).toContainText('The evidence: No evidence yet');
  // Not rated yet is said in words, with no slider beside it that would show a made-up 50.
  await expect(part(page, 'Reliability')).toContainText('Your gut: Not rated yet');
  await expect(page.getByRole('slider')).toHaveCount(0);

  // Quick entries: one tap each, for today.
  await page.getByRole('button', { name: 'Kept a commitment' }).click();
  await page.getByRole('button', { name: 'Kept a commitment' }).click();
  await page.getByRole('button', { name: 'Told me the truth' }).click();
  await expect(page.locator('.observation')).toHaveCount(3);

  // A full entry, with HTML-like text shown exactly as typed.
  await page.getByText('Log something in your own words').click();
  await page.getByRole('button', { name: 'Save observation' }).click();
  await expect(page.getByRole('alert')).toContainText('Write what happened');
  await page.getByLabel('What happened?').fill(html);
  await page.getByLabel('Which part of trust does it speak to?').selectOption('benevolence');
  await page.getByRole('radio', { name: 'Built trust' }).check();
  await page.getByRole('radio', { name: 'A lot (3)' }).check();
  await page.getByLabel('When did it happen?').fill('2026-01-15');
  await page.getByRole('button', { name: 'Save observation' }).click();
  await expect(page.locator('.observation')).toHaveCount(4);
  await expect(page.getByText('4 observations, newest first.')).toBeVisible();
  // The form starts again from a blank, neutral entry: no text, neither built nor broke, "Some", today.
  await expect(page.getByLabel('What happened?')).toHaveValue('');
  await expect(page.getByRole('radio', { name: 'Built trust' })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: 'Broke trust' })).not.toBeChecked();
  await expect(page.getByRole('radio', { name: 'Some (2)' })).toBeChecked();
  await expect(page.getByLabel('Which part of trust does it speak to?')).toHaveValue('reliability');
  // Dates are shown in the browser's locale.
  const day = await page.evaluate(() => new Date('2026-01-15T12:00:00').toLocaleDateString());
  await expect(page.locator('.observation').last()).toContainText(`${day} · Benevolence · Built trust`);
  expect(await page.locator('.observation__what').last().textContent()).toBe(html);
  expect(await page.locator('main b, main img').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

  // Gut beside evidence: two kept commitments (weight 2 each) point to 79; a gut of 30 is a notable gap.
  // "Rate your gut" opens the slider; nothing is saved until "Save rating"; Cancel keeps it unrated.
  await page.getByRole('button', { name: 'Rate your gut: Reliability' }).click();
  await expect(page.getByLabel('Your gut: Reliability (0–100)')).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(part(page, 'Reliability')).toContainText('Your gut: Not rated yet');
  await expect(page.getByRole('button', { name: 'Rate your gut: Reliability' })).toBeFocused();
  await page.getByRole('button', { name: 'Rate your gut: Reliability' }).click();
  await page.getByLabel('Your gut: Reliability (0–100)').fill('30');
  await part(page, 'Reliability').getByRole('button', { name: 'Save rating' }).click();
  await expect(page.getByRole('slider')).toHaveCount(0);
  await expect(part(page, 'Reliability')).toContainText('Your gut: 30 of 100');
  await expect(part(page, 'Reliability')).toContainText('The evidence: 79 of 100');
  await expect(part(page, 'Reliability')).toContainText('Based on 2 observations.');
  await expect(part(page, 'Reliability').locator('.profile-part__gap')).toHaveText(
    'Your gut trusts less than the evidence so far. The difference can point to a thinking trap, or to something the log has not caught yet.',
  );
  // Each score is shown once: in its bar's number.
  expect((await part(page, 'Reliability').textContent()).match(/\b30\b/g)).toHaveLength(1);
  expect((await part(page, 'Reliability').textContent()).match(/\b79\b/g)).toHaveLength(1);
  await page.getByRole('button', { name: 'Rate your gut: Honesty' }).click();
  await page.getByLabel('Your gut: Honesty (0–100)').fill('70');
  await part(page, 'Honesty').getByRole('button', { name: 'Save rating' }).click();
  await expect(part(page, 'Honesty')).toContainText('The evidence: 70');
  await expect(part(page, 'Honesty')).toContainText('Your gut: 70');
  await expect(part(page, 'Honesty').locator('.profile-part__gap')).toHaveCount(0);
  await expect(part(page, 'Competence')).toContainText('No evidence yet');
  // The bars are drawn to scale: the gut's bar of 30 is 30% of the evidence's track length.
  const bars = await part(page, 'Reliability').locator('.profile-bar__fill').evaluateAll((rects) => rects.map((r) => r.getAttribute('width')));
  expect(bars).toEqual(['30', '79']);
  await expect(page.locator('.patterns')).toContainText('Kept 2 of 2 commitments.');
  await expect(page.locator('.patterns')).toContainText('You logged 4 things: 4 built trust and 0 broke it.');
  await expect(part(page, 'Reliability').locator('.history-table')).toHaveCount(0);
  await part(page, 'Reliability').getByRole('button', { name: 'How it changed' }).click();
  await expect(part(page, 'Reliability').locator('.history-table')).toHaveCount(2);

  // The ladder: the safety question first, then suggested steps, reorder, rename, one experiment before and after.
  await expect(page.getByRole('button', { name: 'Start with the suggested steps' })).toHaveCount(0);
  await page.locator('.safety-check').getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Start with the suggested steps' }).click();
  await expect(page.locator('.ladder-step')).toHaveCount(6);
  await expect(page.locator('.ladder-step h3').first()).toHaveText('Share an opinion');
  // Reordering, renaming and removing live in "Edit ladder".
  await expect(page.getByRole('button', { name: /^Move / })).toHaveCount(0);
  await expect(page.getByLabel('Add your own step')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit ladder' }).click();
  await page.getByRole('button', { name: 'Move “Share a small personal fact” up' }).click();
  await expect(page.locator('.ladder-step h3').first()).toHaveText('Share a small personal fact');
  // At the top, focus stays on the rung's other arrow so it can be moved back at once.
  await expect(page.getByRole('button', { name: 'Move “Share a small personal fact” down' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Move “Share a small personal fact” up' })).toBeDisabled();
  await page.getByRole('button', { name: 'Move “Ask a small favour” down' }).click();
  await expect(page.locator('.ladder-step h3').nth(2)).toHaveText('Share a worry');
  await expect(page.locator('.ladder-step h3').nth(3)).toHaveText('Ask a small favour');
  await expect(page.getByRole('button', { name: 'Move “Rely on them for something that matters” down' })).toBeDisabled();
  await expect(page.locator('.ladder-step__tools').first()).toHaveText(/^↑ Up\s*↓ Down\s*Rename\s*Remove$/);
  await page.getByRole('button', { name: 'Rename “Share an opinion”' }).click();
  await page.getByLabel('Step', { exact: true }).fill('Share an opinion about a film');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.ladder-step h3').nth(1)).toHaveText('Share an opinion about a film');
  await page.getByLabel('Add your own step').fill('Tell them about my week');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.locator('.ladder-step')).toHaveCount(7);
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.locator('.ladder-step__tools')).toHaveCount(0);
  // The next rung (the lowest not tried) stands out with the one primary "Plan an experiment".
  await expect(page.locator('.rung--next h3')).toHaveText('Share a small personal fact');
  await expect(page.locator('.rung--next')).toContainText('Step 1 of 7 · Next to try');
  await expect(page.locator('.ladder .button--primary')).toHaveCount(1);
  await expect(page.locator('.rung--next .button--primary')).toHaveText(/^Plan an experiment/);

  const first = page.locator('.ladder-step').first();
  await first.getByRole('button', { name: /Plan an experiment/ }).click();
  await first.getByLabel('What do you fear will happen?').fill('They will laugh at me');
  await first.getByLabel('How likely does that feel? (0–100 %)').fill('70');
  await first.getByLabel('How anxious do you feel about it? (0–10)').fill('6');
  await first.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the “after”' })).toBeVisible();
  await expect(page.locator('.waiting-list')).toContainText('They will laugh at me');
  await expect(page.locator('.ladder-stats')).toContainText('When you record how an experiment went');

  await page.locator('.ladder-step').first().getByRole('button', { name: 'Record what happened' }).click();
  const after = page.locator('.ladder-step').first();
  await after.getByLabel('What actually happened?').fill('They listened and asked about it');
  await after.getByRole('radio', { name: 'Supportive' }).check();
  await after.getByRole('radio', { name: 'No', exact: true }).check();
  await after.getByLabel('What did you learn?').fill('Small things are safe with them');
  await after.getByRole('button', { name: 'Save what happened' }).click();
  const sentence =
    'The outcome you feared came true in 0 of 1 experiment. Beforehand you rated it about 70% likely on average.';
  await expect(page.locator('.ladder-stats')).toHaveText(sentence);
  await expect(page.getByRole('heading', { name: 'Waiting for the “after”' })).toHaveCount(0);
  // Tried: the rung gets its tick and the next one up is next.
  await expect(page.locator('.ladder-step').first()).toHaveClass(/rung--tried/);
  await expect(page.locator('.ladder-step').first()).toContainText('Tried: 1 experiment done');
  await expect(page.locator('.rung--next h3')).toHaveText('Share an opinion about a film');

  // Everything is still there after a reload.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByText('4 observations, newest first.')).toBeVisible();
  await expect(part(page, 'Reliability')).toContainText('Your gut: 30');
  await page.getByRole('button', { name: 'Change your gut rating: Reliability' }).click();
  await expect(page.getByLabel('Your gut: Reliability (0–100)')).toHaveValue('30');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.ladder-stats')).toHaveText(sentence);
  await expect(page.locator('.ladder-step h3').first()).toHaveText('Share a small personal fact');
  await expect(page.locator('.ladder-step h3').nth(1)).toHaveText('Share an opinion about a film');
  await page.locator('.ladder-step').first().getByRole('button', { name: 'How it went' }).click();
  await expect(page.locator('.experiment__after').first()).toContainText('Small things are safe with them');
  expect(await page.locator('.observation__what').last().textContent()).toBe(html);

  // Delete keeping the log, then undo.
  await page.getByRole('button', { name: 'Delete this person…' }).click();
  await expect(page.getByRole('radio', { name: /Keep their log/ })).toBeChecked();
  await page.getByRole('button', { name: 'Delete person' }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByText('No one is on your trust map yet')).toBeVisible();
  await expect(page.locator('.toast')).toContainText('Person deleted; their log is kept.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.person-card')).toContainText('4 observations · 7 ladder steps');
  await page.reload();
  await waitForApp(page);
  await page.getByRole('link', { name: 'Alex' }).click();
  await expect(page.getByText('4 observations, newest first.')).toBeVisible();
  await expect(part(page, 'Reliability')).toContainText('Your gut: 30');
});

test('a person deleted in another tab while their page is open gets a calm message', async ({ page, server }) => {
  await page.goto(server.origin + '/people');
  await waitForApp(page);
  await addPerson(page, 'Robin', 'Family');
  await page.getByRole('link', { name: 'Robin' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f]{32}$/);
  await page.getByRole('button', { name: 'Kept a commitment' }).click();
  const url = page.url();

  const other = await page.context().newPage();
  await other.goto(url);
  await waitForApp(other);
  await expect(other.locator('h1')).toContainText('Robin');
  await other.getByRole('button', { name: 'Delete this person…' }).click();
  await other.getByRole('radio', { name: 'Delete their log too' }).check();
  await other.getByRole('button', { name: 'Delete person' }).click();
  await expect(other).toHaveURL(/\/people$/);

  await expect(page.locator('main')).toContainText(
    'This person is no longer in your list — perhaps deleted in another tab. Nothing else was changed.',
  );
  await expect(page.locator('h1')).toHaveCount(1);
  await page.getByRole('link', { name: 'Back to People' }).click();
  await expect(page.getByText('No one is on your trust map yet')).toBeVisible();

  // An unknown id gets the same calm page.
  await page.goto(server.origin + '/people/0123456789abcdef0123456789abcdef');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveText('Person not found');
});

test('a long list shows the first 40 people, then all of them, and archived people on request', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(() => {
    for (let i = 0; i < 45; i++) {
      const id = `person${String(i).padStart(10, '0')}`;
      const data = { id, name: `Person ${String(i).padStart(2, '0')}`, relationship: 'friend', archived: i >= 43,
        created_at: '2026-11-01T10:00:00.000Z', updated_at: '2026-11-01T10:00:00.000Z' };
      localStorage.setItem(`trust-steps/people/${id}`, JSON.stringify({ schema: 1, data }));
    }
  });
  await page.goto(server.origin + '/people');
  await waitForApp(page);
  const active = page.locator('.people-list:not(.people-list--archived) .person-card');
  await expect(active).toHaveCount(40);
  await page.getByRole('button', { name: 'Show all 43 people' }).click();
  await expect(active).toHaveCount(43);
  await expect(page.locator('.people-list--archived .person-card')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show 2 archived' }).click();
  await expect(page.locator('.people-list--archived .person-card')).toHaveCount(2);
});

// The People pages draw their first screen in the click's task and the rest in the task after the first paint
// (src/ui/dom.rs: after_first_paint): the rest must be below that first screen, on a phone and a laptop.
for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 720 }]) {
  test(`the People pages draw their first screen first, the rest right after (${viewport.width}×${viewport.height})`, async ({
    page,
    server,
  }) => {
    await page.setViewportSize(viewport);
    const { people, observations } = peopleEntries(60, 400, { seed: 4 });
    const busiest = JSON.parse(people[0][1]).data;
    await seedStorage(page, server.origin, waitForApp, [...people, ...observations]);

    const counts = {
      cards: '.people-list:not(.people-list--archived) .person-card',
      parts: '.profile-part',
      log: '#evidence',
    };
    const list = await atFirstFrame(page, '#primary-nav a[href="/people"]', counts);
    expect(list.h1).toBe('People');
    expect(list.cards).toBeGreaterThan(0);
    expect(list.cards).toBeLessThan(40);
    const active = page.locator(counts.cards);
    await expect(active).toHaveCount(40);
    expect(await belowFirstScreen(page, `${counts.cards}:nth-child(${list.cards + 1})`)).toBe(true);

    await page.getByRole('button', { name: /^Show all \d+ people$/ }).click();
    const profile = await atFirstFrame(page, `.people-list a[href="/people/${busiest.id}"]`, counts);
    expect(profile.h1).toContain(busiest.name);
    expect(profile.parts).toBe(5);
    expect(profile.log).toBe(0);
    await expect(page.locator('.observation-list .observation')).toHaveCount(10);
    await expect(page.getByRole('heading', { name: 'Small steps' })).toHaveCount(1);
    expect(await belowFirstScreen(page, '#evidence')).toBe(true);

    // Opened at an anchor further down, everything is drawn at once and the anchor is on screen.
    await page.goto(`${server.origin}/people/${busiest.id}#evidence`);
    await waitForApp(page);
    await expect(page.locator('#evidence')).toBeInViewport();
  });
}

test('rename a person from their page; a duplicate name asks once more', async ({ page, server }) => {
  await page.goto(server.origin + '/people');
  await waitForApp(page);
  await addPerson(page, 'Jo', 'Friend');
  await addPerson(page, 'Robin', 'Colleague');
  await page.getByRole('link', { name: /Robin/ }).first().click();
  await expect(page.getByLabel('Name or nickname')).toHaveCount(0);
  await page.getByRole('button', { name: 'Edit name, relationship or marker' }).click();
  await page.getByLabel('Name or nickname').fill('jo');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText(/already/i);
  await page.getByLabel('Name or nickname').fill('Robin B.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('h1')).toContainText('Robin B.');
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('h1')).toContainText('Robin B.');
});

/** The stored observations' envelopes, by key. */
async function storedObservations(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('trust-steps/observations/'))
        .map((k) => [k, JSON.parse(localStorage.getItem(k)).data]),
    ),
  );
}

test('edit an observation and a ladder experiment: cancel keeps them, saving keeps the id, reload shows the change', async ({
  page,
  server,
}) => {
  await page.goto(server.origin + '/people');
  await waitForApp(page);
  await addPerson(page, 'Noor', 'Friend');
  await page.getByRole('link', { name: 'Noor' }).click();
  await page.getByRole('button', { name: 'Kept a commitment' }).click();
  await expect(page.locator('.observation')).toHaveCount(1);
  const [[key, original]] = Object.entries(await storedObservations(page));
  const editButton = () => page.locator('.observation').first().getByRole('button', { name: /^Edit observation from/ });

  // Cancel loses nothing: the entry is as it was, and focus is back on its Edit button.
  await editButton().click();
  const what = page.getByLabel('What happened?');
  await expect(what).toBeFocused();
  await expect(what).toHaveValue('Kept a commitment');
  await expect(page.getByLabel('Which part of trust does it speak to?')).toHaveValue('reliability');
  await expect(page.getByRole('radio', { name: 'Built trust' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Some (2)' })).toBeChecked();
  await what.fill('Something else entirely');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.observation__what')).toHaveText('Kept a commitment');
  await expect(editButton()).toBeFocused();
  expect(await storedObservations(page)).toEqual({ [key]: original });

  // Bad input gets a clear message and keeps what was typed.
  await editButton().click();
  await what.fill('Came two hours late <i>again</i>');
  await page.getByRole('radio', { name: 'Broke trust' }).check();
  await page.getByRole('radio', { name: 'A lot (3)' }).check();
  await page.getByLabel('When did it happen?').fill('2099-01-01');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('That day is still to come');
  await expect(what).toHaveValue('Came two hours late <i>again</i>');
  await page.getByLabel('When did it happen?').fill('2026-02-03');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.toast')).toContainText('Changes saved.');

  const day = await page.evaluate(() => new Date('2026-02-03T12:00:00').toLocaleDateString());
  const check = async () => {
    await expect(page.locator('.observation')).toHaveCount(1);
    await expect(page.locator('.observation')).toContainText(`${day} · Reliability · Broke trust · counts a lot`);
    await expect(page.locator('.observation__what')).toHaveText('Came two hours late <i>again</i>');
    await expect(page.locator('main i')).toHaveCount(0);
    // No longer a kept commitment: the pattern and the score follow the edit (broke, weight 3: 50 × 3 / 6).
    await expect(page.locator('.patterns')).toHaveText('You logged 1 thing: 0 built trust and 1 broke it.');
    await expect(part(page, 'Reliability')).toContainText('The evidence: 25');
  };
  await check();
  const stored = await storedObservations(page);
  expect(Object.keys(stored)).toEqual([key]);
  expect(stored[key].id).toBe(original.id);
  expect(stored[key].created_at).toBe(original.created_at);
  expect(stored[key].updated_at > original.updated_at).toBe(true);
  expect(stored[key].kind).toBeNull();

  // A ladder experiment: plan it, correct the plan (after a cancel), record it, correct the outcome.
  await page.locator('.safety-check').getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Start with the suggested steps' }).click();
  const step = () => page.locator('.ladder-step').first();
  const experiment = () => step().locator('.experiment').first();
  await step().getByRole('button', { name: /Plan an experiment/ }).click();
  await step().getByLabel('What do you fear will happen?').fill('They will change the subject');
  await step().getByRole('button', { name: 'Save the plan' }).click();
  await expect(experiment()).toContainText('It felt 50% likely; anxiety 5 of 10.');

  await experiment().getByRole('button', { name: 'Edit the experiment “They will change the subject”' }).click();
  await expect(experiment().getByLabel('What do you fear will happen?')).toBeFocused();
  await expect(experiment().getByLabel('What do you fear will happen?')).toHaveValue('They will change the subject');
  await experiment().getByLabel('What do you fear will happen?').fill('They will laugh');
  await experiment().getByRole('button', { name: 'Cancel' }).click();
  await expect(experiment().locator('.experiment__fear')).toHaveText('You feared: They will change the subject');

  await experiment().getByRole('button', { name: /^Edit the experiment/ }).click();
  await experiment().getByLabel('What do you fear will happen?').fill('');
  await experiment().getByRole('button', { name: 'Save changes' }).click();
  await expect(experiment().getByRole('alert')).toContainText('Write what you fear might happen');
  await experiment().getByLabel('What do you fear will happen?').fill('They will laugh');
  await experiment().getByLabel('How likely does that feel? (0–100 %)').fill('80');
  await experiment().getByRole('button', { name: 'Save changes' }).click();
  await expect(experiment().locator('.experiment__fear')).toHaveText('You feared: They will laugh');
  await expect(experiment()).toContainText('It felt 80% likely; anxiety 5 of 10.');

  await experiment().getByRole('button', { name: 'Record what happened' }).click();
  await experiment().getByLabel('What actually happened?').fill('They smiled and listened');
  await experiment().getByRole('radio', { name: 'Supportive' }).check();
  await experiment().getByRole('radio', { name: 'No', exact: true }).check();
  await experiment().getByRole('button', { name: 'Save what happened' }).click();
  await expect(page.locator('.ladder-stats')).toContainText('came true in 0 of 1 experiment');
  // Done, it goes under "How it went"; focus is on the rung's title.
  await expect(step().locator('h3')).toBeFocused();
  await expect(step().locator('.experiment')).toHaveCount(0);
  const howItWent = () => step().getByRole('button', { name: 'How it went' });
  await howItWent().click();

  await experiment().getByRole('button', { name: /^Edit the experiment/ }).click();
  await expect(experiment().getByLabel('What actually happened?')).toHaveValue('They smiled and listened');
  await expect(experiment().getByRole('radio', { name: 'Supportive' })).toBeChecked();
  await experiment().getByRole('radio', { name: 'Neutral' }).check();
  await experiment().getByRole('radio', { name: 'Yes', exact: true }).check();
  await experiment().getByLabel('What did you learn?').fill('It stung a little, and I was fine');
  await experiment().getByRole('button', { name: 'Save changes' }).click();
  const sentence =
    'The outcome you feared came true in 1 of 1 experiment. Beforehand you rated it about 80% likely on average.';
  await expect(page.locator('.ladder-stats')).toHaveText(sentence);

  // Delete an experiment, then Undo puts it back where it was.
  await howItWent().click();
  await experiment().getByRole('button', { name: /^Delete the experiment/ }).click();
  await expect(step().locator('.experiment')).toHaveCount(0);
  await expect(howItWent()).toHaveCount(0);
  await expect(page.locator('.toast')).toContainText('Experiment deleted.');
  await page.getByRole('button', { name: 'Undo' }).click();
  await howItWent().click();
  await expect(step().locator('.experiment')).toHaveCount(1);

  await page.reload();
  await waitForApp(page);
  await check();
  await howItWent().click();
  await expect(experiment().locator('.experiment__fear')).toHaveText('You feared: They will laugh');
  await expect(experiment()).toContainText('It felt 80% likely');
  await expect(experiment().locator('.experiment__after')).toContainText('Neutral');
  await expect(experiment().locator('.experiment__after')).toContainText('It stung a little, and I was fine');
  await expect(page.locator('.ladder-stats')).toHaveText(sentence);
});

test('the since picker counts the patterns over the chosen stretch of time', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  const days = await page.evaluate(() => {
    const pad = (n) => String(n).padStart(2, '0');
    const ago = (n) => {
      const d = new Date();
      d.setDate(d.getDate() - n);
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    };
    const now = new Date().toISOString();
    const put = (key, data) => localStorage.setItem(key, JSON.stringify({ schema: 1, data }));
    const person = 'a'.repeat(32);
    put(`trust-steps/people/${person}`, { id: person, name: 'Sky', relationship: 'friend', created_at: now, updated_at: now });
    const entries = [
      ['kept_commitment', 'built', 200],
      ['kept_commitment', 'built', 200],
      ['kept_commitment', 'built', 200],
      ['broke_commitment', 'broke', 200],
      ['kept_commitment', 'built', 10],
      ['broke_commitment', 'broke', 10],
    ];
    entries.forEach(([kind, direction, daysAgo], i) => {
      const id = `${'b'.repeat(30)}${pad(i)}`;
      const what = kind === 'kept_commitment' ? 'Kept a commitment' : 'Broke a commitment';
      put(`trust-steps/observations/${id}`, {
        id, person_id: person, created_at: now, updated_at: now, happened_on: ago(daysAgo), what,
        part: 'reliability', direction, weight: 2, kind,
      });
    });
    const local = (day) => new Date(`${day}T12:00:00`).toLocaleDateString();
    return { person, old: ago(200), middle: ago(100), today: ago(0), tomorrow: ago(-1), local: { old: local(ago(200)), middle: local(ago(100)), today: local(ago(0)) } };
  });
  await page.goto(`${server.origin}/people/${days.person}`);
  await waitForApp(page);
  const patterns = page.locator('.patterns-result');
  const over = page.getByLabel('Count what was logged over');
  await expect(over).toHaveValue('all');
  await expect(patterns).toContainText('You logged 6 things: 4 built trust and 2 broke it.');
  await expect(patterns).toContainText('Kept 4 of 6 commitments.');

  await over.selectOption('The last 3 months');
  await expect(patterns).toContainText('You logged 2 things in the last 3 months: 1 built trust and 1 broke it.');
  await expect(patterns).toContainText('Kept 1 of 2 commitments in the last 3 months.');
  await over.selectOption('The last year');
  await expect(patterns).toContainText('Kept 4 of 6 commitments in the last year.');

  await over.selectOption('Since a day you choose');
  await expect(patterns).toHaveText('Choose the day to count from.');
  const since = page.getByLabel('Since', { exact: true });
  await since.fill(days.old);
  await expect(patterns).toContainText(`Kept 4 of 6 commitments since ${days.local.old}.`);
  await since.fill(days.middle);
  await expect(patterns).toContainText(`Kept 1 of 2 commitments since ${days.local.middle}.`);
  await since.fill(days.tomorrow);
  await expect(patterns).toHaveText('That day is still to come. Choose today or a day before.');
  await since.fill(days.today);
  await expect(patterns).toHaveText(`Nothing logged since ${days.local.today}.`);

  // The chosen day is kept while another choice is looked at.
  await since.fill(days.middle);
  await over.selectOption('All time');
  await expect(page.getByLabel('Since', { exact: true })).toHaveCount(0);
  await expect(patterns).toContainText('Kept 4 of 6 commitments.');
  await over.selectOption('Since a day you choose');
  await expect(page.getByLabel('Since', { exact: true })).toHaveValue(days.middle);
  await expect(patterns).toContainText(`Kept 1 of 2 commitments since ${days.local.middle}.`);
});

test('marker colours are swatches: real radio inputs, one label each, moved between with the arrow keys', async ({ page, server }) => {
  await page.goto(server.origin + '/people');
  await waitForApp(page);
  const swatches = page.getByRole('group', { name: 'Marker (optional)' }).getByRole('radio');
  await expect(swatches).toHaveCount(7);
  for (const name of ['None', 'Teal', 'Amber', 'Rose', 'Violet', 'Green', 'Grey']) {
    await expect(page.getByRole('radio', { name, exact: true })).toHaveCount(1);
  }
  await expect(page.getByRole('radio', { name: 'None' })).toBeChecked();
  await page.getByRole('radio', { name: 'Teal' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Teal' })).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Amber' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Amber' })).toBeFocused();
  // Focus shows on the swatch around the (invisible) radio.
  const outline = await page.locator('.swatch', { has: page.getByRole('radio', { name: 'Amber' }) }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.getByLabel('Name or nickname').fill('Ari');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.locator('.person-card .person-marker--amber')).toHaveCount(1);
});

test.describe('on a 390×844 touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a person opens on the quick logs; Undo takes one back; the toast goes by itself; the own-words form starts blank', async ({
    page,
    server,
  }) => {
    test.setTimeout(60_000);
    await page.goto(server.origin + '/people');
    await waitForApp(page);
    await addPerson(page, 'Jun', 'Friend');
    await page.getByRole('link', { name: 'Jun' }).tap();
    await expect(page.locator('h1')).toContainText('Jun');
    await expect(page.locator('h1')).toBeFocused();
    // Every quick log, and the way to write one in your own words, are on the first screen.
    const quick = ['Kept a commitment', 'Broke a commitment', 'Told me the truth', 'Was caught in a lie', 'Supported me when I was vulnerable', 'Dismissed me'];
    for (const name of quick) {
      const button = page.getByRole('button', { name, exact: true });
      await expect(button).toBeInViewport({ ratio: 1 });
      expect((await button.boundingBox()).height).toBeGreaterThanOrEqual(44);
    }
    await expect(page.getByRole('button', { name: 'Log something in your own words' })).toBeInViewport({ ratio: 1 });
    // The profile is one tap away.
    await expect(page.getByRole('navigation', { name: 'More about them' }).getByRole('link', { name: 'Trust profile' })).toBeVisible();
    // Text in the profile's picture is at least 11 px.
    const smallest = await page.locator('.profile-parts').evaluate((root) => {
      let min = Infinity;
      for (const el of root.querySelectorAll('*')) {
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (own && el.getClientRects().length && !el.closest('.visually-hidden')) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(11);

    const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trust-steps/observations/')).length);
    await page.getByRole('button', { name: 'Broke a commitment' }).tap();
    const toast = page.locator('.toast');
    await expect(toast).toContainText('Logged for today: Broke a commitment.');
    await expect(page.locator('.observation')).toHaveCount(1);
    expect(await stored()).toBe(1);
    await toast.getByRole('button', { name: 'Undo' }).tap();
    await expect(page.locator('.observation')).toHaveCount(0);
    expect(await stored()).toBe(0);
    await expect(toast).toHaveText(/Removed from the log: Broke a commitment\./);
    await expect(toast.getByRole('button', { name: 'Undo' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Broke a commitment' })).toBeFocused();
    // A plain message goes by itself after a few seconds.
    await expect(toast).toHaveCount(0, { timeout: 8_000 });

    // A toast with focus inside waits, and goes once focus leaves.
    await page.getByRole('button', { name: 'Kept a commitment' }).tap();
    await expect(toast).toContainText('Logged for today: Kept a commitment.');
    await toast.getByRole('button', { name: 'Dismiss message' }).focus();
    await page.waitForTimeout(11_000);
    await expect(toast).toBeVisible();
    await page.getByRole('button', { name: 'Kept a commitment' }).focus();
    await expect(toast).toHaveCount(0);
    await expect(page.locator('.observation')).toHaveCount(1);

    // In your own words: saved with Undo, then the form starts blank and neutral again.
    await page.getByRole('button', { name: 'Log something in your own words' }).tap();
    await page.getByLabel('What happened?').fill('Cancelled on the day, again');
    await page.getByRole('button', { name: 'Save observation' }).tap();
    await expect(page.getByRole('alert')).toHaveText('Choose whether it built trust or broke it.');
    await page.getByRole('radio', { name: 'Broke trust' }).check();
    await page.getByRole('radio', { name: 'A little (1)' }).check();
    await page.getByRole('button', { name: 'Save observation' }).tap();
    await expect(toast).toContainText('Observation saved.');
    await expect(page.locator('.observation')).toHaveCount(2);
    await expect(page.getByLabel('What happened?')).toHaveValue('');
    await expect(page.getByRole('radio', { name: 'Broke trust' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: 'Built trust' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: 'A little (1)' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: 'Some (2)' })).toBeChecked();
    // Undo takes it out of the log and puts the words back in the form.
    await toast.getByRole('button', { name: 'Undo' }).tap();
    await expect(page.locator('.observation')).toHaveCount(1);
    await expect(toast).toContainText('Your words are back in the form.');
    await expect(page.getByLabel('What happened?')).toHaveValue('Cancelled on the day, again');
    await expect(page.getByRole('radio', { name: 'Broke trust' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'A little (1)' })).toBeChecked();
  });

  test('the ladder: rungs lowest first, the next one marked with the one primary action, reordered in edit mode', async ({
    page,
    server,
  }) => {
    await page.goto(server.origin + '/people');
    await waitForApp(page);
    await addPerson(page, 'Lee', 'Friend');
    await page.getByRole('link', { name: 'Lee' }).tap();
    await page.getByRole('link', { name: 'Small steps' }).tap();
    await page.locator('.safety-check').getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Start with the suggested steps' }).tap();
    const rungs = page.locator('.ladder-step h3');
    await expect(rungs).toHaveCount(6);
    await expect(page.locator('.rung--next h3')).toHaveText('Share an opinion');
    await expect(page.locator('.rung--next .rung__mark')).toHaveText('1');
    await expect(page.locator('.ladder .button--primary')).toHaveCount(1);
    await expect(page.locator('.rung--next .button--primary')).toBeInViewport();

    await page.getByRole('button', { name: 'Edit ladder' }).tap();
    await expect(page.getByRole('button', { name: 'Done editing' })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: /Plan an experiment/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Move “Share an opinion” down' }).tap();
    await expect(rungs.nth(0)).toHaveText('Share a small personal fact');
    await expect(rungs.nth(1)).toHaveText('Share an opinion');
    await expect(page.getByRole('button', { name: 'Move “Share an opinion” down' })).toBeFocused();
    await page.getByRole('button', { name: 'Done editing' }).tap();
    await expect(page.locator('.rung--next h3')).toHaveText('Share a small personal fact');
    await page.reload();
    await waitForApp(page);
    await expect(rungs.nth(0)).toHaveText('Share a small personal fact');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
