// axe-core in the e2e suite. The CSP (`script-src 'self'`) rightly blocks an injected <script> tag, so axe's
// source (node_modules/axe-core/axe.min.js, pinned in package.json) is evaluated through the DevTools protocol
// (page.evaluate), which the page's CSP does not govern and which makes no request at all.
//
//   import { axeViolations } from './a11y.mjs';
//   expect(await axeViolations(page)).toEqual([]);   // readable strings, one per violation

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe rule except the experimental ones: WCAG 2.0–2.2 A and AA, and axe's best practices. */
const RUN_OPTIONS = { resultTypes: ['violations'] };

async function inject(page) {
  if (await page.evaluate(() => typeof window.axe === 'object')) return;
  await page.evaluate(AXE_SOURCE);
}

/** Runs axe on the whole page; returns one line per violation (rule, impact, the elements and why). */
export async function axeViolations(page) {
  await inject(page);
  const violations = await page.evaluate(async (options) => (await window.axe.run(document, options)).violations, RUN_OPTIONS);
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} [${n.failureSummary.replace(/\s+/g, ' ')}]`)
        .join('; ') +
      (v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''),
  );
}

/**
 * Opens what is closed so axe sees it too: every `<details>`, and every visible toggle button
 * (`aria-expanded="false"`: menus, disclosures, "show more"). Returns how many it opened.
 */
export async function openEverything(page) {
  let opened = await page.evaluate(() => {
    let n = 0;
    for (const d of document.querySelectorAll('details:not([open])')) {
      d.open = true;
      n++;
    }
    return n;
  });
  // Toggles can reveal more toggles; each click turns one to "true", so the list shrinks (guarded anyway).
  const toggles = page.locator('button[aria-expanded="false"]:visible');
  for (let guard = 0; guard < 30 && (await toggles.count()) > 0; guard++) {
    await toggles.first().click();
    opened++;
  }
  return opened;
}
