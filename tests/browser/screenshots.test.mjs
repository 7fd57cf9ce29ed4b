// Screenshots of one page of every kind at desktop (1280) and phone (390) widths, for a
// person to look at: build/screenshots/<kind>-<width>.png (TRAVAUX_SCREENSHOTS overrides).
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { MODES, assertPageBasics, launch, watchedPage } from './browser.mjs';
import { pageKinds, repoRoot } from './site.mjs';

const outDir = process.env.TRAVAUX_SCREENSHOTS ?? path.join(repoRoot, 'build', 'screenshots');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

let browser, site;
before(async () => {
  mkdirSync(outDir, { recursive: true });
  browser = await launch();
  site = await MODES[1].open();  // file://, as a reader opening the archive from disk
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const pages = [...pageKinds()].map(([kind, file]) => ({ kind, file }));
pages.push({ kind: 'search-results', file: 'search/index.html?q=zero%20draft' });

for (const viewport of WIDTHS) {
  test(`screenshots at ${viewport.width}px`, async () => {
    const { context, page, problems } = await watchedPage(browser, site.base, viewport);
    try {
      for (const { kind, file } of pages) {
        await page.goto(site.base + file);
        await assertPageBasics(page, problems);
        if (kind === 'search-results') await page.waitForSelector('#search-results li');
        // Nothing may stick out sideways on a phone: the page scrolls only vertically.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${file} is ${overflow}px wider than the ${viewport.width}px screen`);
        const shot = path.join(outDir, `${kind}-${viewport.name}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        assert.ok(statSync(shot).size > 1000, `${shot} is empty`);
      }
    } finally {
      await context.close();
    }
  });
}
