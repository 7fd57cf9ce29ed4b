// Search in the browser (docs/search.md), over HTTP under /archive/gcm/ and from file://, on a
// small archive written here so that every expectation is known: a draft whose 58th paragraph
// stands past the first 6,000 bytes, accented words, two rounds, fourteen letters. Also: no
// page but the search page loads anything of the index, on the shipped archive too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { assertPageBasics, launch, watchedPage } from './browser.mjs';
import { serveSite } from './server.mjs';
import { repoRoot, siteRoot } from './site.mjs';

// ---- the fixture archive ----
const day = (n) => new Date(Date.UTC(2030, 0, 1 + n)).toISOString().slice(0, 10);
const letters = Array.from({ length: 14 }, (_, i) => ({
  id: `l${String(i + 1).padStart(2, '0')}`,
  date: day(i * 5),
  rounds: i === 1 || i === 2 ? ['r1'] : [],
  from: i % 2 === 0 ? ['gomez'] : [],
}));
const clauses = Array.from({ length: 57 }, (_, i) =>
  `${i + 1}. Clause ${i + 1} sets out the shared duties of riparian parties, the exchange of data and the notice owed before any new works upstream.`);
const files = {
  'archive.toml': 'title = "Search fixture"\nlanguage = "en"\n[people.gomez]\nname = "Juan José Gómez Camacho"\n',
  'drafts/zero.md': '+++\ntitle = "Río Añil Charter: Zero draft"\nlabel = "Zero draft"\nversion = 1\ndate = 2030-01-10\n+++\n' +
    `## Preamble\n\n${clauses.join('\n\n')}\n\n## Objective 1: Ville-Étoile\n\n` +
    '58. The Zanzibarique clause binds the basin of the Río Añil.\n',
  'drafts/rev-1.md': '+++\ntitle = "Río Añil Charter: Rev 1"\nlabel = "Rev 1"\nversion = 2\ndate = 2030-03-01\n+++\n' +
    '## Preamble\n\n1. The basin is shared by all riparian parties.\n',
  'rounds/r1.md': '+++\ntitle = "First session"\nnumber = 1\ndate = 2030-01-20\nend = 2030-01-22\ndrafts = ["zero"]\n+++\nMet in Ville-Étoile.\n',
  'rounds/r2.md': '+++\ntitle = "Second session"\nnumber = 2\ndate = 2030-03-10\ndrafts = ["rev-1"]\n+++\nMet again.\n',
};
for (const [i, l] of letters.entries())
  files[`letters/${l.id}.md`] = `+++\ntitle = "Note ${i + 1} on the commission"\ndate = ${l.date}\n` +
    (l.from.length ? `from = ["gomez"]\n` : '') + (l.rounds.length ? `rounds = ["r1"]\n` : '') +
    `+++\nDear colleagues, the commission met. This is note ${i + 1}.\n`;
const all = [
  ...letters.map((l) => ({ url: `letters/${l.id}/`, kind: 'letter', date: l.date, rounds: l.rounds })),
  { url: 'drafts/zero/', kind: 'draft', date: '2030-01-10', rounds: ['r1'] },
  { url: 'drafts/rev-1/', kind: 'draft', date: '2030-03-01', rounds: ['r2'] },
  { url: 'rounds/r1/', kind: 'round', date: '2030-01-20', rounds: ['r1'] },
  { url: 'rounds/r2/', kind: 'round', date: '2030-03-10', rounds: ['r2'] },
];

let tmp, fixtureRoot;
function buildFixture() {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'travaux-search-'));
  const content = path.join(tmp, 'content');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, name)), { recursive: true });
    writeFileSync(path.join(content, name), text);
  }
  fixtureRoot = path.join(tmp, 'site');
  const bin = process.env.TRAVAUX_BIN ?? path.join(repoRoot, 'build', 'travaux');
  execFileSync(bin, ['build', '--content', content, '--out', fixtureRoot], { stdio: 'inherit' });
}
buildFixture();
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const MODES = [
  { name: 'http under /archive/gcm/', open: async (root) => { const s = await serveSite(root); return { base: s.url, close: s.close }; } },
  { name: 'file://', open: async (root) => ({ base: pathToFileURL(root).href.replace(/\/?$/, '/'), close: async () => {} }) },
];

// ---- helpers ----
/** Opens search/index.html with these parameters and waits for the result count. */
async function searchFor(page, base, params) {
  await page.goto(`${base}search/index.html?${new URLSearchParams(params)}`);
  await page.waitForFunction(() => /match/.test(document.getElementById('search-status').textContent));
  return (await page.locator('#search-status').innerText()).trim();
}
/** Every result's link, pressing "Show more results" until there are no more. */
async function allResults(page) {
  while (await page.locator('#search-more').isVisible()) {
    const before = await page.locator('#search-results li').count();
    await page.locator('#search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, before);
  }
  return page.locator('#search-results li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
}
const site = (href) => href.replace(/^\.\.\//, '').replace(/index\.html(#.*)?$/, '');
const marks = (li) => li.locator('mark').allInnerTexts();
const bare = (list) => list.map(site).sort();

for (const mode of MODES) {
  describe(`search (${mode.name})`, () => {
    let browser, fixture, shipped;
    before(async () => {
      browser = await launch();
      fixture = await mode.open(fixtureRoot);
      shipped = await mode.open(siteRoot());
    });
    after(async () => {
      await browser?.close();
      await fixture?.close();
      await shipped?.close();
    });

    test('no page but the search page loads the script or any shard; the search page loads shards only for a query', async () => {
      for (const s of [shipped, fixture]) {
        const { context, page, problems } = await watchedPage(browser, s.base);
        try {
          const requested = [];
          page.on('request', (r) => requested.push(r.url().slice(s.base.length)));
          for (const p of ['index.html', 'letters/index.html', 'timeline/index.html']) {
            await page.goto(s.base + p);
            await assertPageBasics(page, problems);
          }
          assert.deepEqual(requested.filter((u) => /search/.test(u)), [], 'only the search page loads search files');
          requested.length = 0;
          await page.goto(s.base + 'search/index.html');
          await page.waitForFunction(() => /^Type a word/.test(document.getElementById('search-status').textContent));
          await assertPageBasics(page, problems);
          assert.deepEqual(requested.filter((u) => /search/.test(u)).sort(), ['assets/search.js', 'search/index.html', 'search/search-index.js']);
          requested.length = 0;
          await page.getByLabel('Words, names, topics or dates to find').fill('the');
          await page.waitForFunction(() => /match/.test(document.getElementById('search-status').textContent));
          const shards = requested.filter((u) => /search\//.test(u));
          assert.ok(shards.length > 0 && shards.every((u) => /^search\/(terms|d)\/[\d-]+\.js$/.test(u)), shards.join(' '));
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      }
    });

    test('the script folds and splits every shared case as the index does', async () => {
      const cases = readFileSync(path.join(repoRoot, 'tests/support/search_fold_cases.tsv'), 'utf8')
        .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
      assert.ok(cases.length >= 20);
      const { context, page, problems } = await watchedPage(browser, fixture.base);
      try {
        await page.goto(fixture.base + 'search/index.html');
        const got = await page.evaluate((inputs) => inputs.map((s) => [window.travauxSearchFold.fold(s), window.travauxSearchFold.words(s).join('|')]),
          cases.map((c) => c[0]));
        cases.forEach(([input, folded, words], i) => assert.deepEqual(got[i], [folded, words], input));
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test('a word past the first 6,000 bytes: found, highlighted, and the link lands on its paragraph', async () => {
      const { context, page, problems } = await watchedPage(browser, fixture.base);
      try {
        assert.equal(await searchFor(page, fixture.base, { q: 'zanzibarique' }), '1 document matches “zanzibarique”.');
        await assertPageBasics(page, problems);
        const li = page.locator('#search-results li').first();
        assert.equal(await li.locator('a').getAttribute('href'), '../drafts/zero/index.html#para-58');
        assert.deepEqual(await marks(li.locator('p')), ['Zanzibarique']);
        assert.match(await li.locator('.search-where').innerText(), /paragraph 58/);
        await Promise.all([page.waitForEvent('load'), li.locator('a').click()]);
        assert.equal(new URL(page.url()).hash, '#para-58');
        const target = page.locator('#para-58');
        assert.match(await target.innerText(), /Zanzibarique clause binds/);
        const box = await target.boundingBox();
        assert.ok(box && box.y >= 0 && box.y < 900, `paragraph 58 is on screen (y=${box?.y})`);
        await assertPageBasics(page, problems);
      } finally {
        await context.close();
      }
    });

    test('phrases in quotes match only words side by side, and highlight the whole phrase', async () => {
      const { context, page, problems } = await watchedPage(browser, fixture.base);
      try {
        assert.equal(await searchFor(page, fixture.base, { q: '"clause binds the basin"' }), '1 document matches “"clause binds the basin"”.');
        const li = page.locator('#search-results li').first();
        assert.equal(site(await li.locator('a').getAttribute('href')), 'drafts/zero/');
        assert.deepEqual(await marks(li.locator('p')), ['clause binds the basin']);
        // The same words apart, or in another order: no phrase.
        assert.equal(await searchFor(page, fixture.base, { q: '"basin the binds"' }), 'No documents match “"basin the binds"”.');
        assert.equal(await searchFor(page, fixture.base, { q: '"shared duties of the basin"' }), 'No documents match “"shared duties of the basin"”.');
        // Without quotes every word must stand somewhere in the document, in any order.
        assert.equal(await searchFor(page, fixture.base, { q: 'basin binds ' }), '1 document matches “basin binds”.');
        assert.deepEqual(bare(await allResults(page)), ['drafts/zero/']);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test('as you type, the last word finds the words it begins', async () => {
      const { context, page, problems } = await watchedPage(browser, fixture.base);
      try {
        await page.goto(fixture.base + 'search/index.html');
        const box = page.getByLabel('Words, names, topics or dates to find');
        await box.pressSequentially('zanzib', { delay: 30 });
        await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1);
        assert.deepEqual(await marks(page.locator('#search-results li p')), ['Zanzibarique']);
        // A space ends the word: "zanzib" is not a word of the archive.
        await box.press('Space');
        await page.waitForFunction(() => /^No documents/.test(document.getElementById('search-status').textContent));
        assert.match(page.url(), /[?&]q=zanzib(&|$)/);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test('accents and case do not matter, either way', async () => {
      const { context, page, problems } = await watchedPage(browser, fixture.base);
      try {
        for (const q of ['rio anil', 'RÍO AÑIL', 'rìo änil']) {
          assert.match(await searchFor(page, fixture.base, { q }), /^2 documents match/, q);
          assert.deepEqual(bare(await allResults(page)), ['drafts/rev-1/', 'drafts/zero/']);
          const first = page.locator('#search-results li').first();
          assert.deepEqual(await marks(first.locator('a')), ['Río', 'Añil'], q);
        }
        assert.match(await searchFor(page, fixture.base, { q: '"ville etoile"' }), /^2 documents match/);
        assert.deepEqual(bare(await allResults(page)), ['drafts/zero/', 'rounds/r1/']);
        assert.match(await searchFor(page, fixture.base, { q: 'gomez' }), /^7 documents match/);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test('each filter: kind, negotiated text, round, date range, alone and with words', async () => {
      const { context, page, problems } = await watchedPage(browser, fixture.base);
      const expect = (pred) => all.filter(pred).map((d) => d.url).sort();
      try {
        await searchFor(page, fixture.base, { kind: 'round' });
        assert.deepEqual(bare(await allResults(page)), expect((d) => d.kind === 'round'));
        assert.equal(await page.locator('#search-kind').inputValue(), 'round');
        await searchFor(page, fixture.base, { q: 'basin', kind: 'draft' });
        assert.deepEqual(bare(await allResults(page)), ['drafts/rev-1/', 'drafts/zero/']);
        await searchFor(page, fixture.base, { text: 'zero' });
        assert.deepEqual(bare(await allResults(page)), expect((d) => d.kind === 'draft'));
        await searchFor(page, fixture.base, { round: 'r1' });
        assert.deepEqual(bare(await allResults(page)), expect((d) => d.rounds.includes('r1')));
        await searchFor(page, fixture.base, { from: '2030-01-06', to: '2030-01-20' });
        assert.deepEqual(bare(await allResults(page)), expect((d) => d.date >= '2030-01-06' && d.date <= '2030-01-20'));
        assert.equal(await searchFor(page, fixture.base, { q: 'commission', from: '2030-02-01' }),
          `${letters.filter((l) => l.date >= '2030-02-01').length} documents match “commission”.`);
        assert.deepEqual(bare(await allResults(page)), expect((d) => d.kind === 'letter' && d.date >= '2030-02-01'));
        // Choosing a filter on the page searches again and keeps it in the address.
        await searchFor(page, fixture.base, { q: 'commission' });
        await page.locator('#search-kind').selectOption('draft');
        await page.waitForFunction(() => /^No documents/.test(document.getElementById('search-status').textContent));
        assert.match(page.url(), /[?&]kind=draft(&|$)/);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test('ten results at a time, newest first among equals, and more on request', async () => {
      const { context, page, problems } = await watchedPage(browser, fixture.base);
      try {
        assert.equal(await searchFor(page, fixture.base, { q: 'commission' }), '14 documents match “commission”.');
        assert.equal(await page.locator('#search-results li').count(), 10);
        const hrefs = await allResults(page);
        assert.equal(hrefs.length, 14);
        assert.deepEqual(hrefs.map(site), [...letters].reverse().map((l) => `letters/${l.id}/`));
        assert.equal(await page.locator('#search-more').isVisible(), false);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  });
}
