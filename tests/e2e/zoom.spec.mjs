// Reflow: every page (the route table, every lesson and exercise, a record of each kind, with the seeded data of
// seed.mjs) at a 320 px wide viewport, and with the text at 200% on a 1280 px screen: the browser's default font
// size doubled (DevTools' Page.setFontSizes, what the text-size setting of a browser changes; rem and em media
// queries follow it, as they would for a reader). Nothing may be cut off or
// overlap: the page never scrolls sideways, no element sticks out of the viewport or is clipped by its own box
// (scroll containers such as wide tables are allowed, they scroll on purpose), and no two controls (links,
// buttons, fields) overlap. A screenshot of each page goes to test-results/reflow/ for a human look.
import { mkdirSync } from 'node:fs';
import { groupByPattern, recordUrls, staticUrls } from './app-routes.mjs';
import { seedStorage } from './seed.mjs';
import { expect, test, waitForApp, waitForRest } from './support.mjs';

// Every lesson at 320 px; at 200% text (wider, so less likely to break) the first three stand for the template.
const MODES = [
  { name: '320px', viewport: { width: 320, height: 640 }, fontSizes: null, lessons: Infinity },
  { name: 'text-200', viewport: { width: 1280, height: 800 }, fontSizes: { standard: 32, fixed: 26 }, lessons: 3 },
];
const SHOTS = 'test-results/reflow';

/** Problems of the page as it is drawn now (empty when nothing is cut off or overlapping). */
function reflowProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const root = document.documentElement;
    const vw = root.clientWidth;
    if (root.scrollWidth > vw) problems.push(`page scrolls sideways: ${root.scrollWidth} > ${vw}`);
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}` +
      ` "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
    // checkVisibility() also knows the content of a closed <details> is not drawn.
    const visible = (el) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    /** The 1 px clipped box of the visually-hidden pattern (text for screen readers only). */
    const srOnly = (el) => el.clientWidth <= 1 && el.clientHeight <= 1;
    /** Inside a scroll container (its overflow is reachable by scrolling), or visually hidden on purpose. */
    const exempt = (el) => {
      for (let a = el; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (a !== el && ['auto', 'scroll'].includes(s.overflowX)) return true;
        if (a.classList.contains('visually-hidden') || a.classList.contains('skip-link') || srOnly(a)) return true;
        if (s.position === 'fixed') return true;
      }
      return false;
    };
    const all = [...document.body.querySelectorAll('*')].filter((el) => !['SCRIPT', 'STYLE', 'svg', 'path'].includes(el.tagName) && visible(el));
    for (const el of all) {
      if (exempt(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 || r.left < -1) problems.push(`outside the viewport (${Math.round(r.left)}–${Math.round(r.right)} of ${vw}): ${describe(el)}`);
      const s = getComputedStyle(el);
      const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        problems.push(`cut off (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}): ${describe(el)}`);
      }
    }
    const controls = all.filter((el) => el.matches('a[href], button, input:not([type="hidden"]), select, textarea, summary') && !exempt(el));
    // One box per line for inline elements (a link that wraps is two boxes, not the rectangle around both).
    const boxes = controls.map((el) => [...el.getClientRects()]);
    const overlaps = (a, b) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        if (controls[i].contains(controls[j]) || controls[j].contains(controls[i])) continue;
        // A radio or checkbox inside its own label is one control.
        if (controls[i].closest('label') && controls[i].closest('label') === controls[j].closest('label')) continue;
        if (boxes[i].some((a) => boxes[j].some((b) => overlaps(a, b)))) {
          problems.push(`overlap: ${describe(controls[i])} and ${describe(controls[j])}`);
        }
      }
    }
    return [...new Set(problems)].slice(0, 20);
  });
}

/**
 * Known problems, each expected to fail (test.fail) until fixed; a fix makes the test pass "unexpectedly",
 * which fails the run as a reminder to delete the line here.
 */
const KNOWN = {};

async function check(page, origin, urls, mode) {
  mkdirSync(SHOTS, { recursive: true });
  const problems = [];
  if (mode.fontSizes) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: mode.fontSizes });
  }
  for (const url of urls) {
    await page.goto(origin + url);
    await waitForApp(page);
    if (mode.fontSizes) expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    await expect(page.locator('h1')).toBeVisible();
    await waitForRest(page);
    for (const p of await reflowProblems(page)) problems.push(`${url}: ${p}`);
    const name = url === '/' ? 'today' : url.slice(1).replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    // Full page at 320 px; with the larger text, the first screen (a full-page capture resizes the viewport
    // through DevTools, which draws it without the font-size setting).
    await page.screenshot({ path: `${SHOTS}/${mode.name}-${name}.png`, fullPage: !mode.fontSizes });
  }
  return problems;
}

for (const mode of MODES) {
  test.describe(`reflow at ${mode.name}`, () => {
    test.use({ viewport: mode.viewport, reducedMotion: 'reduce' });
    for (const { pattern, urls } of groupByPattern(staticUrls({ lessons: mode.lessons }))) {
      test(`${pattern} (${urls.length} page${urls.length > 1 ? 's' : ''})`, async ({ page, server }) => {
        const known = KNOWN[`${mode.name} ${pattern}`];
        test.fail(!!known, known);
        test.setTimeout(30_000 + urls.length * 8_000);
        await seedStorage(page, server.origin, waitForApp);
        expect(await check(page, server.origin, urls, mode)).toEqual([]);
      });
    }
    test('record pages', async ({ page, server }) => {
      test.setTimeout(90_000);
      await seedStorage(page, server.origin, waitForApp);
      const urls = Object.values(await recordUrls(page, server.origin, waitForApp));
      expect(urls.length).toBeGreaterThan(0);
      expect(await check(page, server.origin, urls, mode)).toEqual([]);
    });
  });
}
