// Trust Steps on a phone (390×844, touch), light and dark (issue #19): the tab bar moves between the main
// sections and "More" opens the rest; on every page, after every navigation and after scrolling, Help and Hide
// are on screen and not covered; a new page opens at its top with focus on its heading; a linked section is
// scrolled into view below the sticky header; the footer and a toast sit above the tab bar. On every page
// (the route table, every exercise, a record of each kind; seeded data) every visible field's text is at least
// 16 px (below that a phone zooms in on focus) and every visible button, link drawn as a button, tab and
// checkbox or radio (with its label) is at least 44×44 px. Links inside sentences are text, not buttons, and
// are not measured.
import { axeViolations } from './a11y.mjs';
import { groupByPattern, recordUrls, staticUrls } from './app-routes.mjs';
import { seedStorage } from './seed.mjs';
import { expect, test, waitForApp, waitForRest } from './support.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const TABS = [
  ['Today', '/', 'Today'],
  ['Learn', '/learn', 'Learn'],
  ['Practice', '/practice', 'Practice'],
  ['Journal', '/journal', 'Journal'],
  ['People', '/people', 'People'],
];
const MORE = [
  ['Progress', '/progress', 'Progress'],
  ['Settings', '/settings', 'Settings'],
];

const tabBar = (page) => page.getByRole('navigation', { name: 'Sections' });
const tab = (page, name) => tabBar(page).getByRole('link', { name, exact: true });
const helpLink = (page) => page.locator('header a.help-link');
const hideButton = (page) => page.locator('header button.hide-button');

/**
 * Help and Hide: wholly inside the viewport and the topmost element at their centre (nothing covers them).
 * Returns the problems found (empty when both are in reach).
 */
function inReachProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    for (const [name, selector] of [
      ['Help', 'header a.help-link'],
      ['Hide', 'header button.hide-button'],
    ]) {
      const el = document.querySelector(selector);
      if (!el) {
        problems.push(`${name} is missing`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) problems.push(`${name} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
        problems.push(`${name} is not inside the viewport (${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)})`);
      }
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!top || !el.contains(top)) problems.push(`${name} is covered by ${top ? top.tagName.toLowerCase() + '.' + top.className : 'nothing'}`);
    }
    return problems;
  });
}

/** After a navigation: the URL, the heading (focused), the page at its top, Help and Hide in reach. */
async function expectArrived(page, path, heading) {
  await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/' : path}$`));
  await expect(page.locator('main h1')).toContainText(heading);
  await expect(page.locator('main h1')).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: `${path} opens at its top` }).toBe(0);
  expect(await inReachProblems(page), `Help and Hide on ${path}`).toEqual([]);
}

/** Scrolls to the very bottom of the page (at once) and waits a frame. */
async function scrollToBottom(page) {
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
}

for (const theme of ['light', 'dark']) {
  test.describe(`phone, ${theme} theme`, () => {
    test.use({ ...PHONE, colorScheme: theme, reducedMotion: theme === 'dark' ? 'reduce' : 'no-preference' });

    test('the tab bar and More reach every section; Help and Hide stay in reach, also after scrolling', async ({ page, server }) => {
      test.setTimeout(120_000);
      await seedStorage(page, server.origin, waitForApp);
      await page.goto(server.origin + '/');
      await waitForApp(page);
      await expect(tabBar(page)).toBeVisible();
      // The header's menu holds only what the tab bar does not.
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
      // The bars pass axe in this theme (the a11y gate sees the laptop layout, where there is no tab bar).
      expect(await axeViolations(page)).toEqual([]);
      for (const [name, path, heading] of [...TABS.slice(1), TABS[0]]) {
        await page.evaluate(() => window.scrollTo({ top: 400, behavior: 'instant' }));
        await tab(page, name).tap();
        await expectArrived(page, path, heading);
        await expect(tab(page, name)).toHaveAttribute('aria-current', 'page');
        await expect(tabBar(page).locator('[aria-current="page"]')).toHaveCount(1);
        await expect(page.getByRole('button', { name: 'More' })).not.toHaveClass(/menu-button--here/);
        await expect(tab(page, name)).toBeInViewport({ ratio: 1 });
        await scrollToBottom(page);
        expect(await inReachProblems(page), `Help and Hide at the bottom of ${path}`).toEqual([]);
        await expect(tab(page, name)).toBeInViewport({ ratio: 1 });
      }
      const more = page.getByRole('button', { name: 'More' });
      for (const [name, path, heading] of MORE) {
        await expect(more).toHaveAttribute('aria-expanded', 'false');
        await more.tap();
        await expect(more).toHaveAttribute('aria-expanded', 'true');
        const menu = page.getByRole('navigation', { name: 'Main' });
        // The five sections of the tab bar are not repeated in the menu.
        await expect(menu.getByRole('link')).toHaveText(MORE.map(([label]) => label));
        expect(await axeViolations(page), 'axe with the menu open').toEqual([]);
        await menu.getByRole('link', { name, exact: true }).tap();
        await expectArrived(page, path, heading);
        await expect(more).toHaveAttribute('aria-expanded', 'false');
        // No tab is current; More is marked instead.
        await expect(tabBar(page).locator('[aria-current="page"]')).toHaveCount(0);
        await expect(more).toHaveClass(/menu-button--here/);
        await scrollToBottom(page);
        expect(await inReachProblems(page), `Help and Hide at the bottom of ${path}`).toEqual([]);
      }
      // Deeper pages keep their section marked: a lesson under Learn, a person under People.
      await tab(page, 'Learn').tap();
      await expectArrived(page, '/learn', 'Learn');
      await page.locator('main a[href="/learn/what-trust-is"]').first().tap();
      await expectArrived(page, '/learn/what-trust-is', 'What trust is made of');
      await expect(tab(page, 'Learn')).toHaveAttribute('aria-current', 'page');
      await tab(page, 'People').tap();
      await expectArrived(page, '/people', 'People');
      const person = page.locator('main a[href^="/people/"]').first();
      const name = (await person.textContent()).trim();
      await person.tap();
      await expectArrived(page, '/people/[0-9a-f]{32}', name);
      await expect(tab(page, 'People')).toHaveAttribute('aria-current', 'page');
      // Escape closes the menu and gives focus back to More.
      await more.tap();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(more).toHaveAttribute('aria-expanded', 'false');
      await expect(more).toBeFocused();
      // Back and forward open the page at its top too.
      await page.evaluate(() => window.scrollTo({ top: 600, behavior: 'instant' }));
      await page.goBack();
      await expectArrived(page, '/people', 'People');
    });

    test('a long page scrolled to its end: the footer ends above the tab bar; a toast sits above it too', async ({ page, server }) => {
      await seedStorage(page, server.origin, waitForApp);
      await page.goto(server.origin + '/learn/what-trust-is');
      await waitForApp(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, 'a page long enough to scroll').toBeGreaterThan(3 * 844);
      await scrollToBottom(page);
      expect(await inReachProblems(page)).toEqual([]);
      const bar = await tabBar(page).boundingBox();
      const footer = await page.locator('.app-footer').boundingBox();
      expect(bar.y + bar.height).toBeCloseTo(844, 0);
      expect(footer.y + footer.height, 'the footer ends above the tab bar').toBeLessThanOrEqual(bar.y + 1);
      await expect(page.locator('.app-footer a[href="/privacy"]')).toBeInViewport({ ratio: 1 });

      await tab(page, 'Journal').tap();
      await expectArrived(page, '/journal', 'Journal');
      await page.getByRole('button', { name: 'Discard draft' }).tap();
      const toast = page.locator('.toast');
      await expect(toast).toBeVisible();
      await expect(toast.getByRole('button', { name: 'Undo' })).toBeInViewport({ ratio: 1 });
      const box = await toast.boundingBox();
      expect(box.y + box.height, 'the toast sits above the tab bar').toBeLessThanOrEqual(bar.y);
      await toast.getByRole('button', { name: 'Undo' }).tap();
      await expect(page.getByRole('button', { name: 'Discard draft' })).toBeVisible();
    });

    test('a linked section opens below the sticky header, focused', async ({ page, server }) => {
      await page.goto(server.origin + '/help');
      await waitForApp(page);
      const jump = page.getByRole('navigation', { name: 'Jump to' });
      await jump.getByRole('link', { name: 'Someone is hurting me' }).tap();
      const target = page.locator('#lines-domestic-abuse');
      await expect(target).toBeFocused();
      // Scrolled (not left at the top), with the heading wholly below the header and above the tab bar.
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
      await expect
        .poll(async () => {
          const header = await page.locator('.app-header').boundingBox();
          const heading = await target.boundingBox();
          const bar = await tabBar(page).boundingBox();
          return heading.y >= header.y + header.height && heading.y + Math.min(heading.height, 60) <= bar.y;
        })
        .toBe(true);
      expect(await inReachProblems(page)).toEqual([]);
    });
  });
}

/**
 * Fields under 16 px, and controls smaller than 44×44 px, visible on the page now. A checkbox or radio counts
 * with its label (tapping the label ticks it). Returns one line per problem.
 */
function touchProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const shown = (el) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      // The 1 px box of the visually-hidden pattern is for screen readers, not fingers.
      return r.width > 1 && r.height > 1;
    };
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}` +
      ` "${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    const fields = document.querySelectorAll(
      'input:not([type="checkbox"]):not([type="radio"]):not([type="range"]):not([type="hidden"]):not([type="file"]):not([type="submit"]):not([type="button"]), select, textarea',
    );
    let count = 0;
    for (const el of fields) {
      if (!shown(el)) continue;
      count++;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) problems.push(`field text ${size}px: ${describe(el)}`);
      const r = el.getBoundingClientRect();
      if (r.height < 44) problems.push(`field ${Math.round(r.height)}px tall: ${describe(el)}`);
    }
    const small = (r) => r.width < 43.5 || r.height < 43.5;
    const controls = document.querySelectorAll('button, .button, [role="button"], input[type="submit"], input[type="button"], .tab-bar a');
    for (const el of controls) {
      if (!shown(el)) continue;
      const r = el.getBoundingClientRect();
      if (small(r)) problems.push(`control ${Math.round(r.width)}×${Math.round(r.height)}: ${describe(el)}`);
    }
    for (const el of document.querySelectorAll('input[type="checkbox"], input[type="radio"]')) {
      // A radio drawn as a chip or swatch is visually hidden; its label is what is tapped.
      const label = el.closest('label') || (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`));
      const target = label && shown(label) ? label : el;
      if (!shown(target)) continue;
      const own = el.getBoundingClientRect();
      const r = target.getBoundingClientRect();
      if (small(r) && small(own)) problems.push(`${el.type} hit area ${Math.round(r.width)}×${Math.round(r.height)}: ${describe(target)}`);
    }
    return { problems: [...new Set(problems)], fields: count };
  });
}

test('the measure flags small text, small buttons and a bare checkbox', async ({ page }) => {
  await page.setViewportSize(PHONE.viewport);
  await page.setContent(`
    <input id="small-text" style="font-size: 13px; height: 48px">
    <select id="short-select" style="font-size: 16px; height: 30px"><option>One</option></select>
    <button id="small-button" style="height: 30px">OK</button>
    <a class="button" href="#" style="display: inline-block; width: 30px; height: 50px">Go</a>
    <input type="checkbox" id="bare">
    <label style="display: block; min-height: 44px"><input type="checkbox" id="labelled"> A label to tap</label>
    <input id="fine" style="font-size: 17px; height: 48px">
    <button style="min-width: 44px; min-height: 44px">Fine</button>`);
  const { problems, fields } = await touchProblems(page);
  expect(fields).toBe(3);
  expect(problems).toEqual([
    'field text 13px: input#small-text ""',
    'field 30px tall: select#short-select "One"',
    expect.stringMatching(/^control \d+×30: button#small-button "OK"$/),
    'control 30×50: a.button "Go"',
    'checkbox hit area 13×13: input#bare "on"',
  ]);
});

for (const theme of ['light', 'dark']) {
  // Light: every page; dark (the same rules, other colours): the first three lessons stand for the template.
  const lessons = theme === 'light' ? Infinity : 3;
  test.describe(`fields and touch targets on a phone, ${theme} theme`, () => {
    test.use({ ...PHONE, colorScheme: theme });

    const check = async (page, origin, urls) => {
      const problems = [];
      let fields = 0;
      for (const url of urls) {
        await page.goto(origin + url);
        await waitForApp(page);
        await expect(page.locator('main h1')).toBeVisible();
        await waitForRest(page);
        const found = await touchProblems(page);
        fields += found.fields;
        for (const p of found.problems) problems.push(`${url}: ${p}`);
        expect(await inReachProblems(page), `Help and Hide on ${url}`).toEqual([]);
      }
      return { problems, fields };
    };

    for (const { pattern, urls } of groupByPattern(staticUrls({ lessons }))) {
      test(`${pattern} (${urls.length} page${urls.length > 1 ? 's' : ''})`, async ({ page, server }) => {
        test.setTimeout(30_000 + urls.length * 8_000);
        await seedStorage(page, server.origin, waitForApp);
        expect((await check(page, server.origin, urls)).problems).toEqual([]);
      });
    }

    test('record pages', async ({ page, server }) => {
      test.setTimeout(90_000);
      await seedStorage(page, server.origin, waitForApp);
      const urls = Object.values(await recordUrls(page, server.origin, waitForApp));
      expect(urls.length).toBeGreaterThan(0);
      const { problems, fields } = await check(page, server.origin, urls);
      expect(problems).toEqual([]);
      expect(fields, 'the thought-record editor has fields to measure').toBeGreaterThan(0);
    });

    test('passphrase fields: backup, the lock in Settings and the lock screen', async ({ page, server }) => {
      test.setTimeout(120_000);
      await page.goto(server.origin + '/settings');
      await waitForApp(page);
      await page.getByLabel('Encrypt the backup with a passphrase').check();
      const measured = async (label) => {
        const field = page.getByLabel(label, { exact: true });
        await expect(field).toBeVisible();
        const { size, width, height } = await field.evaluate((el) => ({
          size: parseFloat(getComputedStyle(el).fontSize),
          width: el.getBoundingClientRect().width,
          height: el.getBoundingClientRect().height,
        }));
        expect(size, `${label}: text size`).toBeGreaterThanOrEqual(16);
        expect(height, `${label}: height`).toBeGreaterThanOrEqual(44);
        expect(width, `${label}: width`).toBeGreaterThanOrEqual(240);
      };
      for (const label of ['Backup passphrase', 'Backup passphrase again', 'New passphrase', 'Type it again']) await measured(label);
      expect((await touchProblems(page)).problems).toEqual([]);
      await page.getByLabel('New passphrase', { exact: true }).fill('blue kettle morning');
      await page.getByLabel('Type it again').fill('blue kettle morning');
      await page.getByLabel(/I understand that a forgotten passphrase/).check();
      await page.getByRole('button', { name: 'Turn on the lock' }).tap();
      await expect(page.getByTestId('lock-status')).toContainText('The lock is on', { timeout: 60_000 });
      for (const label of ['Current passphrase', 'New passphrase', 'Type the new one again', 'Passphrase to turn the lock off']) {
        await measured(label);
      }
      expect((await touchProblems(page)).problems).toEqual([]);
      await page.reload();
      await waitForApp(page);
      await expect(page.getByRole('heading', { name: 'Trust Steps is locked' })).toBeVisible();
      await measured('Passphrase');
      expect((await touchProblems(page)).problems).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}
