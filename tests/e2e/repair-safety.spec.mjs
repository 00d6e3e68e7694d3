// "Are you safe with this person?" in the release build: the rebuilding plan, forgiveness, boundaries and the
// disclosure ladder ask first; "Yes" (and "I'm not sure") set the repair steps aside and show the safety route
// with tappable domestic-abuse lines; the answer survives a reload and can be changed back; an old copy or
// person without an answer is asked; Today suggests no experiment with someone the user may not be safe with.
import { axeViolations } from './a11y.mjs';
import { test, expect, waitForApp, openPage } from './support.mjs';

const QUESTION = 'Are you afraid of what this person might do to you, or have they hurt, threatened or controlled you?';

/** The answer `name` of the safety question on the page (one question per page). */
const answer = (page, name) => page.locator('.safety-check').getByRole('radio', { name, exact: true });

/** The stored copies of one worksheet, as the app stored them. */
async function storedSheets(page, slug) {
  return page.evaluate(
    (slug) =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('trust-steps/worksheets/'))
        .map((k) => JSON.parse(localStorage.getItem(k)).data)
        .filter((d) => d.worksheet === slug),
    slug,
  );
}

/** The safety route's checks shared by every repair path: lines to tap, the safety plan and Help. */
async function expectRoute(route) {
  await expect(route.getByRole('heading', { name: 'Your safety comes first' })).toBeVisible();
  await expect(route.getByRole('heading', { name: 'Support of your own' })).toBeVisible();
  const calls = route.locator('.helplines[data-kind="domestic-abuse"] a[href^="tel:"]');
  expect(await calls.count()).toBeGreaterThan(0);
  for (const href of await calls.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^tel:\+?[0-9]+$/);
  }
  await expect(route.getByRole('link', { name: 'Make a safety plan' })).toHaveAttribute('href', '/practice/safety-plan');
  await expect(route.getByRole('link', { name: 'All help and crisis lines' })).toHaveAttribute('href', '/help');
  await expect(route.getByRole('link', { name: 'How to find one' })).toHaveAttribute('href', '/help#finding-a-therapist');
  // Big enough to hit on a phone.
  const box = await calls.first().boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);
}

test('rebuilding plan: "Yes, I am afraid" hides couples therapy and shows the safety route; the answer survives a reload and can be changed back', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/practice/rebuilding-trust');
  await page.getByRole('link', { name: 'Start a plan for a relationship' }).click();
  await page.getByLabel('Who is this plan about?').fill('Alex');
  // The question comes first: no part of the plan before it is answered.
  await expect(page.getByRole('group', { name: QUESTION })).toBeVisible();
  await expect(page.getByText('Answer this first. The rest of the worksheet appears once you have.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Which plan' })).toHaveCount(0);
  await expect(page.getByText('Consider couples therapy')).toHaveCount(0);
  // Nothing counts toward finishing the plan before the question is answered.
  await expect(page.locator('.worksheet__progress')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark as done' })).toHaveCount(0);

  await answer(page, 'Yes').check();
  const route = page.getByTestId('safety-route');
  await expect(route).toContainText('Rebuilding trust is not the goal while someone is unsafe.');
  await expect(route).toContainText('Couples therapy is not advised');
  await expectRoute(route);
  await expect(page.getByRole('heading', { name: 'Which plan' })).toHaveCount(0);
  await expect(page.getByText('Consider couples therapy')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Where you want to get to' })).toHaveCount(0);
  await expect(page.locator('.worksheet__progress')).toContainText('1 of 1 filled in');
  await expect(page.getByRole('button', { name: 'Mark as done' })).toBeVisible();
  // The lines to call come right under the route's first sentence, before the paragraph on couples therapy.
  const lead = route.locator('.safety-route__lead');
  await expect(lead).toHaveText(/^Rebuilding trust is not the goal/);
  const urgent = route.locator('.helplines--urgent a[href^="tel:"]').first();
  const order = await route.evaluate((r) => {
    const tel = r.querySelector('.helplines--urgent a[href^="tel:"]');
    const therapy = [...r.querySelectorAll('p')].find((p) => p.textContent.includes('Couples therapy is not advised'));
    return Boolean(tel && therapy && tel.compareDocumentPosition(therapy) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(order).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  // The route fits a 320 px screen without scrolling sideways.
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
  expect((await storedSheets(page, 'rebuilding-trust')).map((s) => s.safety)).toEqual(['yes']);

  // A reload keeps the answer and what it shows.
  await page.reload();
  await waitForApp(page);
  await expect(answer(page, 'Yes')).toBeChecked();
  await expect(page.getByTestId('safety-route')).toBeVisible();
  await expect(page.getByText('Consider couples therapy')).toHaveCount(0);

  // Changed back to "No": the plan is there, couples therapy among its steps.
  await answer(page, 'No').check();
  await expect(page.getByTestId('safety-route')).toHaveCount(0);
  await page.getByRole('radio', { name: 'After infidelity: my trust was broken' }).check();
  await expect(page.getByText('Consider couples therapy')).toBeVisible();
  await page.reload();
  await waitForApp(page);
  await expect(answer(page, 'No')).toBeChecked();
  await expect(page.getByText('Consider couples therapy')).toBeVisible();
  expect((await storedSheets(page, 'rebuilding-trust')).map((s) => s.safety)).toEqual(['no']);

  // "I'm not sure" is taken seriously: the same route, with a word of its own; what was chosen comes back after.
  await answer(page, "I'm not sure").check();
  await expect(page.getByTestId('safety-route')).toContainText('Not being sure is worth taking seriously.');
  // It leads with that, rather than with what the goal is not.
  await expect(page.locator('.safety-route__lead')).toHaveText(/^Not being sure is worth taking seriously\./);
  await expect(page.getByText('Consider couples therapy')).toHaveCount(0);
  await answer(page, 'No').check();
  await expect(page.getByRole('radio', { name: 'After infidelity: my trust was broken' })).toBeChecked();

  // The safety plan is one tap from the route.
  await answer(page, 'Yes').check();
  await page.getByTestId('safety-route').getByRole('link', { name: 'Make a safety plan' }).click();
  await expect(page).toHaveURL(/\/practice\/safety-plan$/);
  await expect(page.locator('h1')).toHaveText('Safety plan');
});

test('an old rebuilding plan without an answer asks first, and keeps what was written', async ({ page, server }) => {
  await page.goto(server.url);
  await waitForApp(page);
  const id = 'a1d0a1d0a1d0a1d0a1d0a1d0a1d0a1d0';
  await page.evaluate((id) => {
    const data = {
      id,
      created_at: '2026-11-01T09:00:00.000Z',
      updated_at: '2026-11-01T09:00:00.000Z',
      worksheet: 'rebuilding-trust',
      title: 'Alex',
      answers: { plan: 'infidelity-hurt', goal: 'Calm evenings together' },
      ticked: { 'h-therapy': '2026-11-01' },
      notes: {},
      checkins: [],
      done_at: null,
    };
    localStorage.setItem(`trust-steps/worksheets/${id}`, JSON.stringify({ schema: 1, data }));
  }, id);
  await openPage(page, server, `/practice/rebuilding-trust?entry=${id}`);
  await expect(page.getByLabel('Who is this plan about?')).toHaveValue('Alex');
  await expect(page.getByRole('group', { name: QUESTION })).toBeVisible();
  for (const name of ['No', 'Yes', "I'm not sure"]) await expect(answer(page, name)).not.toBeChecked();
  await expect(page.getByText('Consider couples therapy')).toHaveCount(0);
  await answer(page, 'No').check();
  await expect(page.getByLabel('Consider couples therapy')).toBeChecked();
  await expect(page.getByLabel('What would rebuilt trust look like for you?')).toHaveValue('Calm evenings together');
});

test('forgiveness: "Yes" sets their side and letting them back in aside; boundaries: "Yes" keeps the parts with cautions', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/practice/forgiveness');
  await page.getByRole('link', { name: 'Start working through a hurt' }).click();
  await answer(page, 'No').check();
  await page.getByRole('radio', { name: 'I want to forgive' }).check();
  await expect(page.getByRole('heading', { name: 'Gain perspective' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Letting them back in' })).toBeVisible();
  await page.getByLabel('What would a first, small step back look like?').fill('A short call');
  await answer(page, 'Yes').check();
  await expect(page.getByRole('heading', { name: 'Gain perspective' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Letting them back in' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Acknowledge the pain' })).toBeVisible();
  await expect(page.locator('.safety-caution')).toHaveText(/never means going back/);
  const route = page.getByTestId('safety-route');
  await expect(route).toContainText('Rebuilding trust is not the goal while someone is unsafe.');
  await expectRoute(route);
  // Nothing written is lost: "No" brings it back.
  await answer(page, 'No').check();
  await expect(page.getByLabel('What would a first, small step back look like?')).toHaveValue('A short call');

  await openPage(page, server, '/practice/boundaries');
  await page.getByRole('link', { name: 'Set out a boundary' }).click();
  await expect(page.getByRole('group', { name: /^Is this about someone you are afraid might harm you/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Communicate' })).toHaveCount(0);
  await answer(page, 'Yes').check();
  for (const part of ['Identify', 'Communicate', 'Keep']) {
    await expect(page.getByRole('heading', { name: part, exact: true })).toBeVisible();
  }
  const cautions = page.locator('.safety-caution');
  await expect(cautions).toHaveCount(2);
  await expect(cautions.first()).toContainText('Plan it with a helpline first');
  const boundaryRoute = page.getByTestId('safety-route');
  await expect(boundaryRoute).toContainText(
    'Where setting a limit could make things more dangerous, talk to a helpline first.',
  );
  await expect(boundaryRoute).not.toContainText('Rebuilding trust is not the goal');
  await expectRoute(boundaryRoute);
  expect(await axeViolations(page)).toEqual([]);
  await answer(page, 'No').check();
  await expect(page.locator('.safety-caution')).toHaveCount(0);
});

test('ladder: with "Yes" no new experiment is offered, history stays readable, and Today does not suggest it', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/people');
  await page.getByLabel('Name or nickname').fill('Alex');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('link', { name: 'Alex' }).first().click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f]{32}$/);
  const person = new URL(page.url()).pathname;
  const start = page.getByRole('button', { name: 'Start with the suggested steps' });
  const plan = page.getByRole('button', { name: /Plan an experiment/ });
  // The question comes first.
  await expect(page.getByRole('group', { name: QUESTION })).toBeVisible();
  await expect(start).toHaveCount(0);
  await expect(page.getByLabel('Add your own step')).toHaveCount(0);

  await answer(page, 'No').check();
  await start.click();
  await page.locator('.ladder-step').first().getByRole('button', { name: /Plan an experiment/ }).click();
  await page.getByLabel('What do you fear will happen?').fill('They will get angry');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.locator('.waiting-list')).toContainText('They will get angry');

  // Today suggests writing down how it went, while the answer is "No".
  await openPage(page, server, '/');
  await expect(page.locator('.card--next')).toContainText('with Alex');

  await openPage(page, server, person);
  await answer(page, 'Yes').check();
  const route = page.getByTestId('safety-route');
  await expect(route).toContainText('Rebuilding trust is not the goal while someone is unsafe.');
  await expect(route).toContainText('no new steps or experiments are offered');
  await expectRoute(route);
  await expect(plan).toHaveCount(0);
  await expect(start).toHaveCount(0);
  await expect(page.getByLabel('Add your own step')).toHaveCount(0);
  // What was written before stays readable.
  await expect(page.locator('.ladder-step')).toHaveCount(6);
  await expect(page.locator('.experiment__fear')).toHaveText('You feared: They will get angry');
  expect(await axeViolations(page)).toEqual([]);

  // Kept after a reload.
  await page.reload();
  await waitForApp(page);
  await expect(answer(page, 'Yes')).toBeChecked();
  await expect(plan).toHaveCount(0);
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('trust-steps/people/'))
      .map((k) => JSON.parse(localStorage.getItem(k)).data.safety),
  );
  expect(stored).toEqual(['yes']);

  // Today no longer nudges toward the experiment with Alex.
  await openPage(page, server, '/');
  await expect(page.locator('.card--next')).toBeVisible();
  await expect(page.locator('.card--next')).not.toContainText('with Alex');
  await expect(page.locator('.card--next')).not.toContainText('Write down how it went');

  // "I'm not sure" offers nothing new either; "No" brings planning back.
  await openPage(page, server, person);
  await answer(page, "I'm not sure").check();
  await expect(page.getByTestId('safety-route')).toContainText('Not being sure is worth taking seriously.');
  await expect(plan).toHaveCount(0);
  await answer(page, 'No').check();
  await expect(page.getByTestId('safety-route')).toHaveCount(0);
  await expect(plan.first()).toBeVisible();
});

test('on a 390×844 phone, the call buttons are on the first screen: under the answer on the rebuilding plan, and at the top of the person', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPage(page, server, '/practice/rebuilding-trust');
  await page.getByRole('link', { name: 'Start a plan for a relationship' }).click();
  for (const name of ['Yes', "I'm not sure"]) {
    await answer(page, name).check();
    // The answer just tapped and a domestic-abuse line to call fit on one screen.
    const picked = await answer(page, name).boundingBox();
    const call = page.getByTestId('safety-route').locator('.helplines--urgent a[href^="tel:"]').first();
    await expect(call).toBeVisible();
    const box = await call.boundingBox();
    expect(box.y + box.height - picked.y).toBeLessThanOrEqual(844);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }

  // A person the user may not be safe with: their page opens with the lines, before the trust profile.
  await openPage(page, server, '/people');
  await page.getByLabel('Name or nickname').fill('Alex');
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('link', { name: 'Alex' }).first().click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f]{32}$/);
  const person = new URL(page.url()).pathname;
  const notice = page.getByTestId('safety-notice');
  const summary = page.getByRole('heading', { name: 'What your experiments show' });
  await expect(page.getByRole('group', { name: QUESTION })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(summary).toBeVisible();

  for (const name of ['Yes', "I'm not sure"]) {
    await answer(page, name).check();
    await expect(summary).toHaveCount(0);
    await openPage(page, server, person);
    await expect(notice).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const call = notice.locator('.helplines[data-kind="domestic-abuse"] a[href^="tel:"]').first();
    await expect(call).toHaveAttribute('href', /^tel:\+?[0-9]+$/);
    await expect(call).toBeInViewport({ ratio: 1 });
    await expect(notice.getByRole('link', { name: 'Make a safety plan' })).toHaveAttribute('href', '/practice/safety-plan');
    await expect(notice.getByRole('heading', { name: 'Help is one tap away' })).toBeVisible();
    // The notice comes before the trust profile, which no longer invites a closer look.
    const first = await page.evaluate(() => {
      const n = document.querySelector('[data-testid="safety-notice"]');
      const profile = document.getElementById('profile');
      return Boolean(n && profile && n.compareDocumentPosition(profile) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(first).toBe(true);
    await expect(page.getByText('it is worth a closer look')).toHaveCount(0);
    await expect(summary).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  }

  // "No" takes the notice away and brings the summary back.
  await answer(page, 'No').check();
  await expect(notice).toHaveCount(0);
  await expect(summary).toBeVisible();
  await expect(page.getByText('it is worth a closer look').first()).toBeVisible();
});
