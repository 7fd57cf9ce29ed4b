// axe-core on one page of every kind (and the search page with results): no serious or
// critical violations. Pages are served over HTTP under /archive/gcm/.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { MODES, assertPageBasics, launch, watchedPage } from './browser.mjs';
import { pageKinds } from './site.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe violations on the page, one line per failing element. */
async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${n.target.join(' ')}`));
}

let browser, site;
before(async () => {
  browser = await launch();
  site = await MODES[0].open();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const pages = [...pageKinds()].map(([kind, file]) => ({ kind, file }));
pages.push({ kind: 'search with results', file: 'search/index.html?q=draft' });

for (const { kind, file } of pages) {
  test(`axe: ${kind} (${file})`, async () => {
    const { context, page, problems } = await watchedPage(browser, site.base);
    try {
      await page.goto(site.base + file);
      await assertPageBasics(page, problems);
      if (kind === 'search with results') await page.waitForSelector('#search-results li');
      assert.deepEqual(await violations(page), [], `${file}: serious or critical accessibility violations`);
    } finally {
      await context.close();
    }
  });
}
