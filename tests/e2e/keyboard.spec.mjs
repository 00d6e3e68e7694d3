// The main journeys by keyboard alone (no click, no fill: Tab, Shift+Tab, Enter, Space, arrows and typing):
// read a lesson and mark it done, write a whole thought record, add a person and log an observation, delete and
// undo, and (once Settings has it) export a backup. After every key that moves focus and after every action,
// focus is on a real element (never <body>) and visibly marked (an outline or a box shadow); after each
// navigation it is on the new page's heading.
import { expect, test, waitForApp } from './support.mjs';

/** What has focus, and whether it is visibly marked (its own outline/box shadow, or a focus-within ancestor's). */
function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    // Tabbing past the last element moves focus to the browser's own UI for one press: not a loss.
    if (!document.hasFocus()) return { lost: false, outside: true, visible: true, sized: true };
    if (!el || el === document.body || el === document.documentElement) return { lost: true };
    const marked = (node) => {
      const s = getComputedStyle(node);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
    };
    // A date field's calendar button lives in the browser's own shadow tree: the field is activeElement but does
    // not match :focus; the button's ring is styled by input::-webkit-calendar-picker-indicator:focus.
    if (el.matches('input[type="date"]:not(:focus)')) return { lost: false, visible: true, sized: true, what: 'date picker' };
    let visible = marked(el);
    // A visually hidden native control (radio, checkbox) may show its focus on its label.
    for (let a = el.parentElement, n = 0; !visible && a && n < 2; a = a.parentElement, n++) {
      visible = a.matches(':focus-within') && marked(a);
    }
    const r = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') || el.textContent || el.id || '').trim().slice(0, 60);
    const s = getComputedStyle(el);
    const why = `outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}, ${Math.round(r.width)}x${Math.round(r.height)}`;
    return { lost: false, visible, sized: r.width > 0 && r.height > 0, what: `${el.tagName.toLowerCase()} "${name}" (${why})` };
  });
}

/** Focus must be on an element, with a visible mark. */
async function expectFocusVisible(page, when) {
  const s = await focusState(page);
  expect(s.outside, `focus left the page ${when}`).toBeFalsy();
  expect(s.lost, `focus lost (on <body>) ${when}`).toBe(false);
  expect(s.visible && s.sized, `focus not visible on ${s.what} ${when}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking every stop on the way. */
async function tabTo(page, target, { back = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectFocusVisible(page, 'on the target');
      return;
    }
    const s = await focusState(page);
    if (!s.lost) expect(s.visible && s.sized, `focus not visible on ${s.what} while tabbing`).toBe(true);
  }
  throw new Error(`tabTo: ${target} never got focus after ${max} presses`);
}

/** Activates the focused element with a key, then checks focus was kept somewhere visible. */
async function press(page, key, what) {
  await page.keyboard.press(key);
  // The app may move focus once the change is drawn (next animation frame): judge after two frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expectFocusVisible(page, `after ${key} on ${what}`);
}

/** After a client-side navigation, focus is on the new page's heading. */
async function expectNavigatedTo(page, url, heading) {
  await expect(page).toHaveURL(url);
  await expect(page.locator('h1')).toContainText(heading);
  await expect(page.locator('h1')).toBeFocused();
  await expectFocusVisible(page, `after navigating to ${url}`);
}

const nav = (page, name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('keyboard only: a lesson, a thought record, a person with an observation, delete and undo', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await waitForApp(page);

  // Read a lesson and mark it done.
  await tabTo(page, nav(page, 'Learn'));
  await press(page, 'Enter', 'Learn');
  await expectNavigatedTo(page, /\/learn$/, 'Learn');
  await tabTo(page, page.getByRole('link', { name: 'What trust is made of' }).first());
  await press(page, 'Enter', 'the first lesson');
  await expectNavigatedTo(page, /\/learn\/what-trust-is$/, 'What trust is made of');
  await tabTo(page, page.getByRole('button', { name: 'Mark as done' }));
  await press(page, 'Space', 'Mark as done');
  await expect(page.getByRole('button', { name: /Done — mark as not done/ })).toBeFocused();

  // A whole thought record, step by step.
  await tabTo(page, nav(page, 'Journal'), { back: true });
  await press(page, 'Enter', 'Journal');
  await expectNavigatedTo(page, /\/journal$/, 'Journal');
  await tabTo(page, page.getByRole('link', { name: 'New thought record' }));
  await press(page, 'Enter', 'New thought record');
  await expect(page).toHaveURL(/\/journal\/[0-9a-f]{32}\/edit$/);
  await expectFocusVisible(page, 'on the new record');

  const next = page.getByRole('button', { name: 'Next' });
  const typeInto = async (label, text) => {
    await tabTo(page, page.getByLabel(label, { exact: true }).first());
    await page.keyboard.type(text);
  };
  const nextStep = async (n) => {
    await tabTo(page, next);
    await press(page, 'Enter', `Next (step ${n})`);
  };
  await typeInto('What happened?', 'Robin did not call when they said they would.');
  await nextStep(1);
  await typeInto('What went through your mind?', 'They never keep their word.');
  await nextStep(2);
  await tabTo(page, page.getByRole('button', { name: 'Anxious' }));
  await press(page, 'Space', 'the Anxious chip');
  await tabTo(page, page.getByLabel('Anxious: how strong, 0–100'));
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await nextStep(3);
  await tabTo(page, page.getByRole('checkbox', { name: /Overgeneralization/ }));
  await press(page, 'Space', 'a thinking trap');
  await expect(page.getByRole('checkbox', { name: /Overgeneralization/ })).toBeChecked();
  await nextStep(4);
  await typeInto('What does not fit the thought?', 'They called back the next morning and apologised.');
  await nextStep(5);
  await nextStep(6);
  await typeInto('A balanced thought', 'One missed call is not never.');
  await nextStep(7);
  await tabTo(page, page.getByRole('button', { name: 'Save thought record' }));
  await press(page, 'Enter', 'Save thought record');
  await expect(page.locator('h1')).toContainText('Thought record');
  await expect(page.locator('main')).toContainText('One missed call is not never.');
  await expectFocusVisible(page, 'after saving the record');

  // Add a person, open them and log an observation.
  await tabTo(page, nav(page, 'People'), { back: true });
  await press(page, 'Enter', 'People');
  await expectNavigatedTo(page, /\/people$/, 'People');
  await typeInto('Name or nickname', 'Robin');
  await tabTo(page, page.getByRole('button', { name: 'Add person' }));
  await press(page, 'Enter', 'Add person');
  await expect(page.locator('.person-card')).toHaveCount(1);
  await tabTo(page, page.locator('.person-card').getByRole('link', { name: /Robin/ }).first());
  await press(page, 'Enter', 'Robin');
  await expectNavigatedTo(page, /\/people\/[0-9a-f]{32}$/, 'Robin');
  const quick = page.locator('.quick-entry').first();
  await tabTo(page, quick);
  const quickName = (await quick.textContent()).trim();
  await press(page, 'Enter', `the quick entry "${quickName}"`);
  await expect(page.locator('.observation')).toHaveCount(1);

  // Delete the person (keeping nothing) and undo, by keyboard: the toast's Undo is reachable and focus survives.
  await tabTo(page, page.getByRole('button', { name: 'Delete this person…' }));
  await press(page, 'Enter', 'Delete this person…');
  await tabTo(page, page.getByRole('button', { name: 'Delete person', exact: true }));
  await press(page, 'Enter', 'Delete person');
  await expect(page).toHaveURL(/\/people$/);
  await tabTo(page, page.getByRole('button', { name: 'Undo' }));
  await press(page, 'Enter', 'Undo');
  await expect(page.locator('.person-card')).toHaveCount(1);

  // Backup export (issue 7): exercised here as soon as Settings offers it.
  await tabTo(page, nav(page, 'Settings'), { back: true });
  await press(page, 'Enter', 'Settings');
  await expectNavigatedTo(page, /\/settings$/, 'Settings');
  const exportButton = page.getByRole('button', { name: /^(Export|Download)( a)? backup/i });
  if ((await exportButton.count()) > 0) {
    const download = page.waitForEvent('download');
    await tabTo(page, exportButton.first());
    await press(page, 'Enter', 'export a backup');
    expect((await download).suggestedFilename()).toMatch(/trust-steps.*\.json$/);
  } else {
    test.info().annotations.push({ type: 'missing', description: 'no backup export in Settings yet (issue 7)' });
  }

  // Everything is still there after a reload.
  await page.reload();
  await waitForApp(page);
  const stored = await page.evaluate(() => Object.keys(localStorage));
  expect(stored.filter((k) => k.startsWith('trust-steps/journal/'))).toHaveLength(1);
  expect(stored.filter((k) => k.startsWith('trust-steps/people/'))).toHaveLength(1);
  expect(stored.filter((k) => k.startsWith('trust-steps/observations/'))).toHaveLength(1);
});
