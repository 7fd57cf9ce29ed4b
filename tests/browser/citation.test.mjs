// A letter page read the way Zotero's page translator reads it: the Highwire citation_* and
// Dublin Core tags from the DOM, checked against archive.json (docs/citations.md). Also the
// "Cite this" block and the cite.bib / cite.ris files it links.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODES, assertPageBasics, launch, watchedPage } from './browser.mjs';
import { archiveJson } from './site.mjs';

let browser, site;
before(async () => {
  browser = await launch();
  site = await MODES[0].open();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** name -> [content, ...] for every <meta name> in the document. */
function metaTags() {
  const out = {};
  for (const m of document.querySelectorAll('head meta[name]')) (out[m.name] ??= []).push(m.content);
  return out;
}

test('a letter page carries Highwire and Dublin Core tags that match its front matter', async () => {
  const archive = archiveJson();
  const letter = archive.documents.find((d) => d.kind === 'letter' && d.from?.length);
  assert.ok(letter, 'the shipped archive has a letter with senders');
  const names = letter.from.map((f) => archive.people.find((p) => p.id === f || p.name === f)?.name ?? f);
  const { context, page, problems } = await watchedPage(browser, site.base);
  try {
    await page.goto(site.base + letter.url + 'index.html');
    await assertPageBasics(page, problems);
    const tags = await page.evaluate(metaTags);
    assert.deepEqual(tags.citation_title, [letter.title]);
    assert.deepEqual(tags.citation_author, names);
    assert.deepEqual(tags.citation_date, [letter.date.replaceAll('-', '/')]);
    assert.deepEqual(tags.citation_publication_date, [letter.date.replaceAll('-', '/')]);
    assert.deepEqual(tags.citation_publisher, [archive.title]);
    assert.deepEqual(tags.citation_language, [archive.language]);
    assert.deepEqual(tags.citation_public_url, [letter.permalink]);
    assert.deepEqual(tags['DC.title'], [letter.title]);
    assert.deepEqual(tags['DC.creator'], names);
    assert.deepEqual(tags['DC.date'], [letter.date]);
    assert.deepEqual(tags['DC.type'], ['Letter']);
    assert.deepEqual(tags['DC.identifier'], [letter.permalink]);
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld['@type'], 'Message');
    assert.equal(ld.name, letter.title);
    assert.deepEqual(ld.sender.map((s) => s.name), names);

    // The Cite block: visible, naming the senders and the permalink, linking both files.
    const cite = page.locator('section.cite');
    assert.ok(await cite.isVisible());
    const text = await cite.locator('.cite-text').textContent();
    assert.ok(text.startsWith(names[0]), text);
    assert.ok(text.endsWith(letter.permalink), text);
    for (const [label, first] of [['BibTeX', `@misc{${letter.id},`], ['RIS', 'TY  - PCOMM\r\n']]) {
      const href = await cite.getByRole('link', { name: label }).getAttribute('href');
      const body = await page.evaluate(async (u) => (await fetch(u)).text(), new URL(href, page.url()).href);
      assert.ok(body.startsWith(first), `${label}: ${body.slice(0, 60)}`);
    }
  } finally {
    await context.close();
  }
});
