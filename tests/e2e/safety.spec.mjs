// Help that can be used in a hurry, and the safety plan (issue 18, parts 3 and 5), in the release build: every
// line on Help is a tel:/sms: link at least 44 px tall on a phone; the findahelpline.com directory is text, not a
// link; choosing a country puts its lines first and is kept across a reload (and shown in Settings); the safety
// plan starts with the chosen country's lines, is saved as typed, prints on one page and is in a backup.
import { axeViolations, openEverything } from './a11y.mjs';
import { test, expect, waitForApp, openPage } from './support.mjs';

const PHONE = { width: 390, height: 844 };

/** The data-line ids of one list on the page, in order, open ones only (the others wait behind a button). */
function lineIds(page, kind) {
  return page.locator(`.helplines[data-kind="${kind}"] > .helpline-list > .helpline`).evaluateAll((items) =>
    items.map((li) => li.dataset.line),
  );
}

/** Every call and text link in main with its href and height. */
function phoneLinks(page) {
  return page.locator('main a[href^="tel:"], main a[href^="sms:"]').evaluateAll((links) =>
    links
      .filter((a) => a.checkVisibility())
      .map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim(), height: a.getBoundingClientRect().height })),
  );
}

test.use({ viewport: PHONE });

test('Help: every line is a tel: or sms: link at least 44 px tall, the directory is plain text', async ({ page, server }) => {
  await openPage(page, server, '/help');
  // The lines come before anything else on the page.
  await expect(page.locator('main h2').first()).toHaveText('In danger right now');
  const links = await phoneLinks(page);
  const hrefs = links.map((l) => l.href);
  for (const href of [
    'tel:911',
    'tel:999',
    'tel:112',
    'tel:000',
    'tel:111',
    'tel:988',
    'sms:988',
    'tel:116123',
    'sms:85258?body=SHOUT',
    'tel:18007997233',
    'sms:88788?body=START',
    'tel:08082000247',
  ]) {
    expect(hrefs, href).toContain(href);
  }
  for (const link of links) {
    expect(link.href, link.text).toMatch(/^(tel:\+?\d+|sms:\+?\d+(\?body=[A-Z]+)?)$/);
    expect(link.height, `${link.text} is tall enough to tap`).toBeGreaterThanOrEqual(44);
  }
  await expect(page.getByRole('link', { name: 'Text START to 88788' })).toHaveAttribute('href', 'sms:88788?body=START');
  await expect(page.getByRole('link', { name: 'Call 1-800-799-7233' })).toHaveAttribute('href', 'tel:18007997233');
  // findahelpline.com is written out, never a link (nothing is fetched).
  await expect(page.locator('main').getByText('type findahelpline.com into your browser').first()).toBeVisible();
  await expect(page.locator('a[href*="findahelpline"]')).toHaveCount(0);
  // Couples therapy comes with its caveat, and the safety plan is one tap away.
  await expect(page.getByText('Couples therapy is generally not advised while one partner is hurting')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Make or open my safety plan' })).toHaveAttribute('href', '/practice/safety-plan');
  expect(await axeViolations(page)).toEqual([]);
});

test('choosing a country puts its lines first and is kept across a reload', async ({ page, server }) => {
  await openPage(page, server, '/help');
  // Not chosen: every country's lines, the directory last.
  expect((await lineIds(page, 'crisis'))[0]).toBe('us-988');
  expect((await lineIds(page, 'crisis')).at(-1)).toBe('elsewhere-crisis');
  await page.getByLabel('Show lines for').selectOption('GB');
  await expect.poll(() => lineIds(page, 'crisis')).toEqual(['gb-ie-samaritans', 'gb-shout']);
  expect(await lineIds(page, 'emergency')).toEqual(['gb-999']);
  expect(await lineIds(page, 'domestic-abuse')).toEqual(['gb-ndah']);
  // Other countries' lines are one tap away, not gone.
  await expect(page.locator('main a[href="tel:18007997233"]')).toHaveCount(0);
  const abuse = page.locator('.helplines[data-kind="domestic-abuse"]');
  await abuse.getByRole('button', { name: 'Lines in other countries' }).click();
  await expect(abuse.locator('a[href="tel:18007997233"]')).toBeVisible();
  // Kept in the preferences (sealed when the lock is on), never in the plain settings.
  const stored = await page.evaluate(() => [
    JSON.parse(localStorage.getItem('trust-steps/preferences')).data.country,
    JSON.parse(localStorage.getItem('trust-steps/settings') ?? '{"data":{}}').data.country,
  ]);
  expect(stored).toEqual(['GB', undefined]);

  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel('Show lines for')).toHaveValue('GB');
  await expect.poll(() => lineIds(page, 'crisis')).toEqual(['gb-ie-samaritans', 'gb-shout']);
  for (const link of await phoneLinks(page)) expect(link.height).toBeGreaterThanOrEqual(44);
  await openEverything(page);
  expect(await axeViolations(page)).toEqual([]);

  // The same choice in Settings, and a country without its own crisis line gets the directory first.
  await openPage(page, server, '/settings');
  await expect(page.getByLabel('Your country')).toHaveValue('GB');
  await page.getByLabel('Your country').selectOption('AT');
  await openPage(page, server, '/help');
  await expect(page.getByLabel('Show lines for')).toHaveValue('AT');
  expect(await lineIds(page, 'emergency')).toEqual(['eu-112']);
  expect(await lineIds(page, 'crisis')).toEqual(['elsewhere-crisis']);
  // Named for the chosen country, never "Anywhere else" or the whole EU.
  await expect(page.locator('.helplines[data-kind="crisis"] [data-line="elsewhere-crisis"]')).toContainText('For Austria');
  await expect(page.locator('[data-line="eu-112"]').first()).toContainText('Austria');
  await expect(page.locator('main').getByText('Anywhere else')).toHaveCount(0);
  await expect(page.locator('main').getByText('European Union, including Ireland')).toHaveCount(0);
  // Another country: the directory and "your local emergency number" first.
  await page.getByLabel('Show lines for').selectOption('other');
  await expect.poll(() => lineIds(page, 'emergency')).toEqual(['elsewhere-emergency']);
});

/** The number of pages of a PDF made by Chromium. */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) || []).length;
}

const PLAN = {
  'ws-title': 'My plan',
  'ws-signs': 'Not sleeping for days.\nStaying in my room and not answering messages.\nThinking nothing will change.',
  'ws-coping': 'A long shower. Walking the dog round the park.\nMusic with headphones, slow breathing for five minutes.',
  'ws-distract-people': 'Sam (football on Saturdays), 07700 900123\nAunt May, 07700 900456',
  'ws-distract-places': 'The library on Hill Street, the café by the station',
  'ws-help-people': 'My sister Jo, 07700 900789\nMy friend Alex, 07700 900321',
  'ws-safer': 'Ask Jo to keep my tablets for now.\nKeep my phone charged and in my pocket.',
  'ws-reasons': 'Jo and the kids. My dog, Biscuit.\nSeeing the sea again this summer.',
};

test('the safety plan starts with the lines for my country, saves as typed, prints on one page and is backed up', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/help');
  await page.getByLabel('Show lines for').selectOption('GB');
  await page.getByRole('link', { name: 'Make or open my safety plan' }).click();
  await expect(page.locator('main h1')).toHaveText('Safety plan');
  await expect(page.getByText('Nothing here yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Write your safety plan' }).click();
  await expect(page).toHaveURL(/\/practice\/safety-plan\?entry=[0-9a-f]{32}$/);
  const lines = page.getByLabel('Who can you call or text in a crisis?');
  await expect(lines).toHaveValue(
    'Emergency: call 999\nSamaritans: call 116 123\nShout: text SHOUT to 85258\n' +
      'National Domestic Abuse Helpline: call 0808 2000 247\nMy doctor or therapist:',
  );
  // The live lines sit under the plan's own list, as links.
  await expect(page.locator('.safety-plan__now a[href="tel:116123"]')).toBeVisible();
  await expect(page.locator('.safety-plan__now a[href="tel:999"]')).toBeVisible();
  for (const [id, text] of Object.entries(PLAN)) await page.locator(`#${id}`).fill(text);
  await lines.fill(`${await lines.inputValue()} Dr Patel, 020 7946 0000  `);
  const typed = await lines.inputValue();
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await waitForApp(page);
  for (const [id, text] of Object.entries(PLAN)) await expect(page.locator(`#${id}`)).toHaveValue(text);
  await expect(lines).toHaveValue(typed);
  // A changed country does not rewrite the user's own list.
  await openPage(page, server, '/settings');
  await page.getByLabel('Your country').selectOption('US');
  await page.goBack();
  await waitForApp(page);
  await expect(lines).toHaveValue(typed);

  // Printed: only the plan, numbered steps, on one page.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.locator('#worksheet')).toBeHidden();
  await expect(page.locator('main h1')).toBeHidden();
  await expect(sheet.locator('h2')).toHaveText('My safety plan: My plan');
  await expect(sheet.locator('h3')).toHaveText([
    '1. My warning signs',
    '2. Things I can do on my own',
    '3. People and places that take my mind off it',
    '4. People I can ask for help',
    '5. Professionals and crisis lines',
    '6. Making my surroundings safer',
    '7. My reasons to keep going',
  ]);
  await expect(sheet).toContainText('Samaritans: call 116 123');
  await expect(sheet).toContainText('If you are in danger right now, call 911.');
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdfPages(pdf), `${format} pages`).toBe(1);
  }
  await page.emulateMedia({ media: 'screen' });

  // In a downloaded backup, exactly as typed.
  await openPage(page, server, '/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup', exact: true }).click();
  const file = JSON.parse(Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8'));
  const plans = Object.entries(file.data).filter(([key, value]) => key.startsWith('trust-steps/worksheets/') && value.data.worksheet === 'safety-plan');
  expect(plans).toHaveLength(1);
  const answers = plans[0][1].data.answers;
  expect(answers.lines).toBe(typed);
  expect(answers.signs).toBe(PLAN['ws-signs']);
  expect(answers.reasons).toBe(PLAN['ws-reasons']);
});

test('the safety plan is reachable from the practice hub, and the setback plan points to it', async ({ page, server }) => {
  await openPage(page, server, '/practice');
  await page.locator('.practice-safety').getByRole('link', { name: 'safety plan' }).click();
  await expect(page.locator('main h1')).toHaveText('Safety plan');
  await openPage(page, server, '/practice');
  await expect(page.locator('.practice-group a[href="/practice/safety-plan"]')).toHaveText('Safety plan');
  await openPage(page, server, '/practice/setback-plan');
  await expect(page.getByText('Like a safety plan')).toHaveCount(0);
  await expect(page.getByText('the safety plan is the one to reach for')).toBeVisible();
  // A new plan with no country chosen starts with what holds everywhere.
  await openPage(page, server, '/practice/safety-plan');
  await page.getByRole('link', { name: 'Write your safety plan' }).click();
  await expect(page.getByLabel('Who can you call or text in a crisis?')).toHaveValue(
    'Emergency: call your local emergency number\nA crisis line: look one up at findahelpline.com\nMy doctor or therapist:',
  );
  await expect(page.locator('.safety-plan__now')).toContainText('In danger right now? Call your local emergency number.');
  // Nothing is stored until something is written.
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trust-steps/worksheets/')));
  expect(keys).toEqual([]);
});

test('Help: a German user gets the German lines, and the emergency card names Germany', async ({ page, server }) => {
  await openPage(page, server, '/help');
  await page.getByLabel('Show lines for').selectOption('DE');
  await expect.poll(() => lineIds(page, 'crisis')).toEqual(['de-telefonseelsorge-1', 'de-telefonseelsorge-2']);
  expect(await lineIds(page, 'domestic-abuse')).toEqual(['de-hilfetelefon']);
  expect(await lineIds(page, 'emergency')).toEqual(['eu-112']);
  const hrefs = (await phoneLinks(page)).map((l) => l.href);
  expect(hrefs).toEqual(['tel:112', 'tel:08001110111', 'tel:08001110222', 'tel:116016']);
  await expect(page.locator('[data-line="eu-112"]')).toContainText('Germany');
  await expect(page.locator('main').getByText('European Union, including Ireland')).toHaveCount(0);
  await expect(page.locator('main').getByText('Anywhere else')).toHaveCount(0);
  for (const [code, crisis, abuse] of [
    ['FR', ['fr-3114'], ['fr-3919']],
    ['ES', ['es-024'], ['es-016']],
    ['NL', ['nl-113', 'nl-113-short'], ['nl-veilig-thuis']],
    ['IT', ['elsewhere-crisis'], ['it-1522']],
  ]) {
    await page.getByLabel('Show lines for').selectOption(code);
    await expect.poll(() => lineIds(page, 'crisis'), code).toEqual(crisis);
    expect(await lineIds(page, 'domestic-abuse'), code).toEqual(abuse);
  }
  await expect(page.locator('[data-line="elsewhere-crisis"]').first()).toContainText('For Italy');
  await expect(page.locator('main a[href="tel:1522"]')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('Help: the jump links at the top scroll to each section', async ({ page, server }) => {
  await openPage(page, server, '/help');
  const jump = page.getByRole('navigation', { name: 'Jump to' });
  await expect(jump.getByRole('link')).toHaveText(['In danger now', 'Suicide or crisis', 'Someone is hurting me']);
  for (const [name, id] of [
    ['Someone is hurting me', 'lines-domestic-abuse'],
    ['Suicide or crisis', 'lines-crisis'],
    ['In danger now', 'lines-emergency'],
  ]) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await jump.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/help#${id}$`));
    await expect(page.locator(`#${id}`)).toBeInViewport();
    await expect(page.locator(`#${id}`)).toBeFocused();
  }
  // Still Help, with every line there: the router did not leave the page.
  await expect(page.locator('main h1')).toHaveText('Help and crisis lines');
  const top = await page.locator('#lines-domestic-abuse').evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
  expect(top, 'the section is well below the first screen').toBeGreaterThan(844);
});

test('the safety plan with no country: said truthfully, a picker, nothing counted as filled in, abuse lines tappable', async ({
  page,
  server,
}) => {
  await openPage(page, server, '/practice/safety-plan');
  await page.getByRole('link', { name: 'Write your safety plan' }).click();
  const lines = page.getByLabel('Who can you call or text in a crisis?');
  await expect(page.getByText('No country is chosen, so this list starts with what works anywhere.')).toBeVisible();
  await expect(page.getByText('started with the lines for your country')).toHaveCount(0);
  await expect(page.locator('.worksheet__progress')).toHaveText(/^In progress · 0 of 8 filled in/);
  // The domestic-abuse lines sit in "Call or text now", as links, and the sentence about them links there.
  const now = page.locator('.safety-plan__now');
  await expect(now.locator('.helplines[data-kind="domestic-abuse"] a[href="tel:18007997233"]')).toBeVisible();
  await expect(now.locator('a[href="tel:08082000247"]')).toBeVisible();
  const url = page.url();
  await page.getByRole('link', { name: 'See the domestic-abuse lines' }).click();
  await expect(page.locator('#plan-abuse-lines')).toBeInViewport();
  expect(page.url()).toBe(`${url}#plan-abuse-lines`);

  // Choosing a country in the plan itself: the untouched list follows it, still nothing stored or counted.
  await page.getByLabel('Show lines for').selectOption('DE');
  await expect(lines).toHaveValue(
    'Emergency: call 112\nTelefonSeelsorge: call 0800 111 0 111\nTelefonSeelsorge: call 0800 111 0 222\n' +
      'Hilfetelefon Gewalt gegen Frauen: call 116 016\nMy doctor or therapist:',
  );
  await expect(page.getByText('This list started with the lines we know for Germany.')).toBeVisible();
  await expect(now.locator('.helplines[data-kind="domestic-abuse"] a[href="tel:116016"]')).toBeVisible();
  await expect(now.locator('.helplines[data-kind="crisis"] a[href="tel:08001110111"]')).toBeVisible();
  await expect(page.locator('.worksheet__progress')).toHaveText(/0 of 8 filled in/);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trust-steps/worksheets/')));
  expect(keys).toEqual([]);
  // Once the user writes in it, it counts, and a later country change leaves it alone.
  await lines.fill(`${await lines.inputValue()} Dr Weber`);
  await expect(page.locator('.worksheet__progress')).toHaveText(/1 of 8 filled in/);
  const typed = await lines.inputValue();
  await page.getByLabel('Show lines for').selectOption('FR');
  await expect(now.locator('a[href="tel:3919"]')).toBeVisible();
  await expect(lines).toHaveValue(typed);
  await openEverything(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('with no country chosen, the lines of the browser language’s country come first, nothing is hidden, and a choice wins', async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: PHONE });
  const page = await context.newPage();
  await openPage(page, server, '/help');
  // United Kingdom first, then every other country's lines (none behind a button), the directory last.
  const crisis = await lineIds(page, 'crisis');
  expect(crisis.slice(0, 2)).toEqual(['gb-ie-samaritans', 'gb-shout']);
  expect(crisis).toContain('us-988');
  expect(crisis.at(-1)).toBe('elsewhere-crisis');
  expect((await lineIds(page, 'domestic-abuse'))[0]).toBe('gb-ndah');
  await expect(page.getByRole('button', { name: 'Lines in other countries' })).toHaveCount(0);
  // Said, and only a guess: the picker still has no choice, and nothing is stored.
  await expect(page.getByLabel('Show lines for')).toHaveValue('');
  await expect(page.locator('.country-picker')).toContainText(
    "Until you choose, lines for the United Kingdom come first, going by your browser's language.",
  );
  expect(await page.evaluate(() => localStorage.getItem('trust-steps/preferences'))).toBeNull();

  // In the journal's safety notice: the UK's abuse line is the first to call, and the note says why.
  await page.goto(server.origin + '/journal/new');
  await waitForApp(page);
  await page.getByLabel('What happened?').fill('He pushed me into the door when I came home late.');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('What went through your mind?').fill('He said he will hurt me if I leave');
  const notice = page.locator('.safety-notice');
  await expect(notice.locator('.helplines[data-kind="domestic-abuse"] .helpline').first()).toHaveAttribute('data-line', 'gb-ndah');
  await expect(notice).toContainText("Lines for the United Kingdom come first, going by your browser's language.");
  // The emergency number is never guessed: it stays in words until a country is chosen.
  await expect(notice).toContainText('In danger right now? Call your local emergency number.');

  // A chosen country wins over the browser's language.
  await openPage(page, server, '/help');
  await page.getByLabel('Show lines for').selectOption('DE');
  await expect.poll(() => lineIds(page, 'domestic-abuse')).toEqual(['de-hilfetelefon']);
  await expect(page.locator('.country-picker')).not.toContainText('Until you choose');
  await context.close();
});
