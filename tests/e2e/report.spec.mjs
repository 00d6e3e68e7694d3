// Readable copies (issue 7) with worksheet answers (issue 6): the therapy report at /settings/report offers
// thought records, beliefs, trigger-log entries and worksheets to pick (by keyboard too), shows only what was
// picked in its print view, and downloads the same as Markdown; Settings' Markdown download holds the chosen
// sections, worksheet answers included, and none of the others. User text stays text (never markup).
import { readFileSync } from 'node:fs';
import { test, expect, waitForApp, seedFixture } from './support.mjs';

const PREP_ID = '7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e';
const BOUNDARY_ID = 'b0d1b0d1b0d1b0d1b0d1b0d1b0d1b0d1';
const PREP_TITLE = 'Preparing for therapy: First consultation';
const BOUNDARY_TITLE = 'Boundaries: Late calls from work';
/** What the user wrote in the therapy-prep worksheet, markup and line break included. */
const HELP_WITH = 'Trusting Sam again\nwithout checking <b>his</b> phone';
const NOTED_ANSWER = 'Yes, for ten years';

/** A therapy-prep worksheet and a boundaries one, stored as the app stores them. */
const WORKSHEETS = {
  [`trust-steps/worksheets/${PREP_ID}`]: {
    schema: 1,
    data: {
      id: PREP_ID,
      created_at: '2026-11-14T09:00:00.000Z',
      updated_at: '2026-11-15T18:30:00.000Z',
      worksheet: 'therapy-prep',
      title: 'First consultation',
      answers: { 'w-what': HELP_WITH, 'k-why': 'I like *practical* work' },
      ticked: { 'k-cbt': '2026-11-14', 'q-experience': '2026-11-15' },
      notes: { 'q-experience': [{ at: '2026-11-15T18:00:00.000Z', text: NOTED_ANSWER }] },
      checkins: [],
      done_at: null,
    },
  },
  [`trust-steps/worksheets/${BOUNDARY_ID}`]: {
    schema: 1,
    data: {
      id: BOUNDARY_ID,
      created_at: '2026-11-01T09:00:00.000Z',
      updated_at: '2026-11-02T09:00:00.000Z',
      worksheet: 'boundaries',
      title: 'Late calls from work',
      answers: { when: 'my manager calls after 10pm' },
      ticked: {},
      notes: {},
      checkins: [],
      done_at: null,
    },
  },
};

/** The fixture backup's entries plus the two worksheets, then `path` opened fresh. */
async function seed(page, server, path) {
  await seedFixture(page, server);
  await page.evaluate((data) => {
    for (const [key, envelope] of Object.entries(data)) localStorage.setItem(key, JSON.stringify(envelope));
  }, WORKSHEETS);
  await page.goto(server.origin + path);
  await waitForApp(page);
}

async function downloaded(page, button) {
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The picker of one section of the report. */
const picker = (page, legend) => page.locator('fieldset.report-pick').filter({ has: page.locator('legend', { hasText: legend }) });

test('the report offers worksheets beside the journal; picking by keyboard shows them, and only them, in the print view', async ({
  page,
  server,
}) => {
  // window.print() would open a dialog; count the calls instead.
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await seed(page, server, '/settings/report');
  await expect(page.getByRole('heading', { name: 'Report for therapy', level: 1 })).toBeVisible();
  const legends = await page.locator('fieldset.report-pick > legend').allTextContents();
  expect(legends).toEqual(['Thought records', 'Core beliefs', 'Trigger log', 'Worksheets']);
  const sheets = picker(page, 'Worksheets');
  await expect(sheets.getByRole('checkbox')).toHaveCount(2);
  // Newest first, named by worksheet and title.
  await expect(sheets.locator('label').first()).toContainText(PREP_TITLE);
  await expect(sheets.locator('label').nth(1)).toContainText(BOUNDARY_TITLE);
  const report = page.locator('article.report');
  await expect(report).toContainText('Nothing picked yet.');

  // Keyboard only: Tab to the therapy-prep worksheet and a thought record, tick each with Space.
  const prep = sheets.getByRole('checkbox', { name: new RegExp(PREP_TITLE) });
  const thought = picker(page, 'Thought records').getByRole('checkbox', { name: /Sam didn't answer my message/ });
  for (const box of [thought, prep]) {
    for (let i = 0; i < 60 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(box).toBeFocused();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }

  const entries = report.locator('.report__item');
  await expect(entries).toHaveCount(2);
  await expect(report.locator('.report__section > h3')).toHaveText(['Thought records', 'Worksheets']);
  const sheet = report.locator('.report__item', { hasText: PREP_TITLE });
  await expect(sheet.locator('h4')).toContainText(PREP_TITLE);
  // The answers as typed: markup is text, the line break is kept.
  const helpWith = sheet.locator('.report__text', { hasText: 'What would you like help with?' });
  await expect(helpWith).toHaveText(`What would you like help with?: ${HELP_WITH}`, { useInnerText: true });
  await expect(sheet.locator('b')).toHaveCount(0);
  await expect(sheet).toContainText('Kinds of therapy that may fit:');
  await expect(sheet.locator('li', { hasText: 'Cognitive behavioural therapy (CBT)' })).toBeVisible();
  await expect(sheet.locator('li', { hasText: NOTED_ANSWER })).toBeVisible();
  await expect(report).not.toContainText(BOUNDARY_TITLE);
  await expect(report).not.toContainText('People always let me down.');
  await expect(report).not.toContainText('A friend cancelled.');

  // Unpicking takes an entry out again.
  await page.keyboard.press('Space');
  await expect(prep).not.toBeChecked();
  await expect(entries).toHaveCount(1);
  await expect(report).not.toContainText(PREP_TITLE);
  await page.keyboard.press('Space');
  await expect(entries).toHaveCount(2);

  // The print button is reachable by keyboard and prints.
  const print = page.getByRole('button', { name: 'Print or save as PDF' });
  for (let i = 0; i < 20 && !(await print.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(print).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => window.__printed)).toBe(1);

  // Printed, only the report shows: no pickers, buttons, page heading or site header.
  await page.emulateMedia({ media: 'print' });
  await expect(report).toBeVisible();
  await expect(sheet.locator('li', { hasText: NOTED_ANSWER })).toBeVisible();
  await expect(page.locator('fieldset.report-pick').first()).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Report for therapy', level: 1 })).toBeHidden();
  const shown = await page.evaluate(() => document.body.innerText);
  expect(shown).toContain('Notes to bring to my session');
  expect(shown).toContain(NOTED_ANSWER);
  expect(shown).not.toContain('Pick the entries you want to talk about');
  expect(shown).not.toContain(BOUNDARY_TITLE);
});

test('the report downloads the picked entries as Markdown: chosen sections with the worksheet answers, nothing else', async ({
  page,
  server,
}) => {
  await seed(page, server, '/settings/report');
  const download = page.getByRole('button', { name: 'Download as Markdown' });
  // Nothing picked: a message, no file.
  await download.click();
  await expect(page.getByRole('alert')).toHaveText('Pick at least one entry first.');
  await picker(page, 'Worksheets').getByRole('checkbox', { name: new RegExp(PREP_TITLE) }).check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await picker(page, 'Trigger log').getByRole('checkbox').first().check();

  const { name, text } = await downloaded(page, download);
  expect(name).toMatch(/^trust-steps-report-\d{4}-\d{2}-\d{2}\.md$/);
  expect(text).toMatch(/^# Notes to bring to my session\n\nPrepared on .+\.\n/);
  expect(text).toContain('\n## Trigger log (1)\n');
  expect(text).toContain('**What set it off:** A friend cancelled.');
  expect(text).toContain(`\n## Worksheets (1)\n\n### 2026-11-15 — ${PREP_TITLE}\n`);
  // The answers, escaped so Markdown shows them exactly as written.
  expect(text).toContain('**What would you like help with?:** Trusting Sam again  \nwithout checking \\<b\\>his\\</b\\> phone\n');
  expect(text).toContain('**Why these appeal to you:** I like \\*practical\\* work\n');
  expect(text).toContain(`**Have you worked with people who find it hard to trust?:**\n\n- Ticked 2026-11-15\n- 2026-11-15: ${NOTED_ANSWER}\n`);
  expect(text).toContain('- Cognitive behavioural therapy (CBT) (ticked 2026-11-14)\n');
  // Sections and entries not picked are absent.
  for (const absent of ['## Thought records', '## Core beliefs', "Sam didn't answer", 'People always let me down', BOUNDARY_TITLE]) {
    expect(text).not.toContain(absent);
  }
});

test('Settings downloads the chosen sections as Markdown, worksheet answers included, and leaves out the rest', async ({
  page,
  server,
}) => {
  await seed(page, server, '/settings');
  const include = page.getByRole('group', { name: 'Include' });
  await expect(include.getByRole('checkbox')).toHaveCount(6);
  await expect(include.getByRole('checkbox', { name: 'Worksheets' })).toBeChecked();
  for (const section of ['Thought records', 'Core beliefs', 'Promises to myself', 'People and what I noticed']) {
    await include.getByRole('checkbox', { name: section }).uncheck();
  }
  const { name, text } = await downloaded(page, page.getByRole('button', { name: 'Download as Markdown' }));
  expect(name).toMatch(/^trust-steps-entries-\d{4}-\d{2}-\d{2}\.md$/);
  // Trigger log, then worksheets (newest first), and nothing else.
  expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Trigger log (1)', 'Worksheets (2)']);
  expect(text.indexOf(PREP_TITLE)).toBeLessThan(text.indexOf(BOUNDARY_TITLE));
  expect(text).toContain('**What would you like help with?:** Trusting Sam again  \nwithout checking \\<b\\>his\\</b\\> phone\n');
  expect(text).toContain('**When …:** my manager calls after 10pm\n');
  expect(text).toContain(
    '**Put together:** When my manager calls after 10pm, I feel \\[not written yet\\]. What I\'d like is \\[not written yet\\]. If it happens again, I will \\[not written yet\\].\n',
  );
  for (const absent of ["Sam didn't answer", 'People always let me down', '## Promises', '## People']) {
    expect(text).not.toContain(absent);
  }

  // A date range leaves out worksheets last changed before it.
  await page.getByLabel('From (optional)').fill('2026-11-10');
  const ranged = await downloaded(page, page.getByRole('button', { name: 'Download as Markdown' }));
  expect(ranged.text).toContain('## Worksheets (1)');
  expect(ranged.text).toContain(PREP_TITLE);
  expect(ranged.text).not.toContain(BOUNDARY_TITLE);
});
