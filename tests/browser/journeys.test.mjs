// Reader journeys through the built archive (issue #6), each run twice: served over HTTP under
// /archive/gcm/ and opened from file://. Every page visited gets assertPageBasics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MODES, assertPageBasics, h1, launch, sitePath, watchedPage } from './browser.mjs';
import { archiveJson } from './site.mjs';

const archive = archiveJson();
const byUrl = new Map(archive.documents.map((d) => [`${d.url}index.html`, d]));
const byId = new Map(archive.documents.map((d) => [d.id, d]));
const drafts = archive.documents.filter((d) => d.kind === 'draft').sort((a, b) => a.version - b.version);

/** Clicks the link and waits for the page it opens. */
async function follow(page, link) {
  await Promise.all([page.waitForEvent('load'), link.click()]);
}

for (const mode of MODES) {
  describe(`journeys (${mode.name})`, () => {
    let browser, site;
    before(async () => {
      browser = await launch();
      site = await mode.open();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    test('home -> a round -> a letter of that round -> a draft it mentions -> what changed', async () => {
      const { context, page, problems } = await watchedPage(browser, site.base);
      try {
        await page.goto(site.base + 'index.html');
        await assertPageBasics(page, problems);
        assert.equal(await h1(page), archive.title);

        // A round whose letters mention a draft that supersedes another: its page has changes.
        const later = new Set(drafts.slice(1).map((d) => d.id));
        const rounds = archive.documents.filter((d) => d.kind === 'round').sort((a, b) => a.number - b.number);
        let round, letter, draft;
        for (const r of rounds) {
          letter = archive.documents.find(
            (d) => d.kind === 'letter' && d.links_to.includes(r.id) && d.links_to.some((id) => later.has(id)),
          );
          if (letter) {
            round = r;
            draft = byId.get(letter.links_to.find((id) => later.has(id)));
            break;
          }
        }
        assert.ok(round, 'no round has a letter that mentions a later draft');

        const roundLink = page.locator('main ol.rounds a', { hasText: new RegExp(`^Round ${round.number}$`) });
        assert.equal(await roundLink.count(), 1, `home lists Round ${round.number} once`);
        await follow(page, roundLink);
        assert.equal(sitePath(page, site.base), `${round.url}index.html`);
        await assertPageBasics(page, problems);
        assert.equal(await h1(page), round.title);
        assert.equal((await page.locator('article .kind').textContent()).trim(), `Round ${round.number}`);

        const letters = page.locator('main section.related', { hasText: 'Letters about this round' });
        const letterLink = letters.locator(`a[href$="${letter.url}index.html"]`);
        assert.equal(await letterLink.count(), 1, `the round lists the letter ${letter.id}`);
        assert.equal((await letterLink.innerText()).trim(), letter.title);
        await follow(page, letterLink);
        assert.equal(sitePath(page, site.base), `${letter.url}index.html`);
        await assertPageBasics(page, problems);
        assert.equal(await h1(page), letter.title);
        await assert.doesNotReject(page.locator('dl.meta time').first().waitFor({ state: 'visible', timeout: 2000 }));

        const draftLink = page.locator(`main article a[href$="${draft.url}index.html"]`).first();
        await assert.doesNotReject(draftLink.waitFor({ state: 'visible', timeout: 2000 }), `the letter links ${draft.id}`);
        await follow(page, draftLink);
        assert.equal(sitePath(page, site.base), `${draft.url}index.html`);
        await assertPageBasics(page, problems);
        assert.equal(await h1(page), draft.title);
        assert.match(await page.locator('article .kind').textContent(), new RegExp(`^Draft · version ${draft.version}`));
        assert.equal((await page.locator('nav.chain [aria-current="page"]').textContent()).trim(), draft.label);

        const changed = page.getByRole('link', { name: 'What changed' });
        assert.equal(await changed.count(), 1, 'the draft page links to what changed');
        await follow(page, changed);
        assert.equal(sitePath(page, site.base), `${draft.url}changes/index.html`, `"What changed" opened ${page.url()}`);
        await assertPageBasics(page, problems);
        // The changes page names the version it shows and links back to it and to the one it supersedes.
        const previous = drafts[drafts.indexOf(drafts.find((d) => d.id === draft.id)) - 1];
        const heading = await h1(page);
        assert.ok(heading.includes(draft.label) || heading.includes(draft.title), `h1 "${heading}" names ${draft.label}`);
        assert.ok((await page.locator(`main a[href$="${draft.url}index.html"]`).count()) > 0, 'links back to the draft');
        assert.ok((await page.locator(`main a[href$="${previous.url}index.html"]`).count()) > 0, `links to ${previous.label}`);
      } finally {
        await context.close();
      }
    });

    test('the process timeline: every mark is a link, reachable by keyboard', async () => {
      const { context, page, problems } = await watchedPage(browser, site.base);
      try {
        await page.goto(site.base + 'timeline/index.html');
        await assertPageBasics(page, problems);
        const marks = page.locator('main svg a');
        // Every mark leads to a page of the site, and every round, draft and letter has one.
        const hrefs = await marks.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        const targets = new Set();
        for (const href of hrefs) {
          const target = new URL(href, page.url()).href;
          assert.ok(target.startsWith(site.base), `mark ${href} leaves the site`);
          assert.ok(target.split('#')[0].endsWith('/index.html'), `mark ${href} does not name index.html`);
          targets.add(decodeURIComponent(target.split('#')[0].slice(site.base.length)));
        }
        for (const d of archive.documents.filter((d) => ['round', 'draft', 'letter'].includes(d.kind)))
          assert.ok(targets.has(`${d.url}index.html`), `the timeline has no mark for ${d.kind} ${d.id}`);
        // Tab from the top of the page until a mark has the focus.
        let focused = null;
        for (let i = 0; i < 80 && !focused; i++) {
          await page.keyboard.press('Tab');
          focused = await page.evaluate(() => {
            const el = document.activeElement;
            return el && el.closest('svg') && el.closest('a') ? el.closest('a').getAttribute('href') : null;
          });
        }
        assert.ok(focused, 'no timeline mark received the keyboard focus within 80 Tab presses');
        const target = new URL(focused, page.url()).href.split('#')[0].slice(site.base.length);
        const doc = byUrl.get(decodeURIComponent(target));
        assert.ok(doc, `the focused mark leads to ${target}, not a document page`);
        await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
        assert.equal(sitePath(page, site.base), `${doc.url}index.html`);
        await assertPageBasics(page, problems);
        assert.equal(await h1(page), doc.title);
      } finally {
        await context.close();
      }
    });

    test('search from the search page, and a linked search', async () => {
      const { context, page, problems } = await watchedPage(browser, site.base);
      try {
        await page.goto(site.base + 'index.html');
        await follow(page, page.locator('header.site nav a', { hasText: 'Search' }));
        assert.equal(sitePath(page, site.base), 'search/index.html');
        await assertPageBasics(page, problems);
        assert.equal(await h1(page), 'Search');

        const zero = drafts[0];
        const box = page.getByLabel('Words, names, topics or dates to find');
        await box.fill(zero.label);
        await box.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
        assert.match(page.url(), new RegExp(`[?&]q=${encodeURIComponent(zero.label).replace(/%20/g, '(\\+|%20)')}(&|$)`));
        assert.match(await page.locator('#search-status').innerText(), /^\d+ documents? match “.+”\.$/);
        const first = page.locator('#search-results li').first();
        assert.equal((await first.locator('a').innerText()).trim(), zero.label === zero.title ? zero.title : `${zero.label}: ${zero.title}`);
        assert.equal((await first.locator('.badge').innerText()).trim(), 'Draft');
        assert.equal(await first.locator('time').getAttribute('datetime'), zero.date);
        await follow(page, first.locator('a'));
        assert.equal(sitePath(page, site.base), `${zero.url}index.html`);
        await assertPageBasics(page, problems);
        assert.equal(await h1(page), zero.title);

        // A linked search shows its results at once; people and dates are searched too.
        const person = archive.people[0];
        await page.goto(`${site.base}search/index.html?q=${encodeURIComponent(person.name)}`);
        await page.waitForFunction(() => /match/.test(document.getElementById('search-status').textContent));
        await assertPageBasics(page, problems);
        assert.equal(await page.getByLabel('Words, names, topics or dates to find').inputValue(), person.name);
        const authored = archive.documents.filter((d) => (d.from ?? []).includes(person.id));
        // A result links to the paragraph where the words stand: compare the pages, not the anchors.
        const pageOf = (as) => as.map((a) => a.getAttribute('href').split('#')[0]);
        while (await page.locator('#search-more').isVisible()) {
          const shown = await page.locator('#search-results li').count();
          await page.locator('#search-more').click();
          await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, shown);
        }
        const hits = await page.locator('#search-results li > a').evaluateAll(pageOf);
        for (const d of authored) assert.ok(hits.includes(`../${d.url}index.html`), `searching ${person.name} finds ${d.id}`);

        await page.goto(`${site.base}search/index.html?q=${encodeURIComponent('"5 February 2018"')}`);
        const dated = archive.documents.filter((d) => d.date === '2018-02-05').map((d) => `../${d.url}index.html`);
        await page.waitForFunction(() => /match/.test(document.getElementById('search-status').textContent));
        while (await page.locator('#search-more').isVisible()) {
          const shown = await page.locator('#search-results li').count();
          await page.locator('#search-more').click();
          await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, shown);
        }
        const dateHits = await page.locator('#search-results li > a').evaluateAll(pageOf);
        for (const url of dated) assert.ok(dateHits.includes(url), `searching "5 February 2018" finds ${url}`);

        await page.goto(`${site.base}search/index.html?q=xylophonequartz`);
        await page.waitForFunction(() => /match/.test(document.getElementById('search-status').textContent));
        assert.equal(await page.locator('#search-status').innerText(), 'No documents match “xylophonequartz”.');
        assert.equal(await page.locator('#search-results li').count(), 0);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    test('previous/next: letters in the order of the letters index, drafts in version order', async () => {
      const { context, page, problems } = await watchedPage(browser, site.base);
      try {
        for (const [index, label] of [['letters/index.html', 'letters'], ['drafts/index.html', 'drafts']]) {
          await page.goto(site.base + index);
          await assertPageBasics(page, problems);
          const listed = (await page.locator('main li > a').evaluateAll((as) => as.map((a) => a.href)))
            .map((href) => href.slice(site.base.length));
          assert.ok(listed.length > 1, `the ${label} index lists documents`);
          if (label === 'drafts') assert.deepEqual(listed, drafts.map((d) => `${d.url}index.html`));

          await follow(page, page.locator(`main li > a[href$="${listed[0]}"]`).first());
          const visited = [sitePath(page, site.base)];
          assert.equal(await page.locator('nav.prevnext a[rel="prev"]').count(), 0, 'the first has no Previous');
          for (;;) {
            await assertPageBasics(page, problems);
            assert.equal(await h1(page), byUrl.get(visited.at(-1)).title);
            const next = page.locator('nav.prevnext a[rel="next"]');
            if ((await next.count()) === 0) break;
            await follow(page, next);
            visited.push(sitePath(page, site.base));
            assert.ok(visited.length <= listed.length, `Next goes past the ${listed.length} ${label}`);
          }
          assert.deepEqual(visited, listed, `Next walks the ${label} in index order`);
          await follow(page, page.locator('nav.prevnext a[rel="prev"]'));
          assert.equal(sitePath(page, site.base), listed.at(-2), 'Previous goes back one');
          await assertPageBasics(page, problems);
        }
      } finally {
        await context.close();
      }
    });
  });
}
