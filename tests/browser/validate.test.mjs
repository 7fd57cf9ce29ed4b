// Every generated HTML page passes html-validate with the committed .htmlvalidate.json
// (html-validate:recommended; docs/browser-tests.md says which rules are off and why).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { htmlPages, repoRoot, siteRoot } from './site.mjs';

test('every generated page is valid HTML', async () => {
  const config = JSON.parse(readFileSync(path.join(repoRoot, '.htmlvalidate.json'), 'utf8'));
  delete config.$schema;
  const validator = new HtmlValidate(config);
  const root = siteRoot();
  const pages = htmlPages(root);
  assert.ok(pages.length > 10, `only ${pages.length} pages in ${root}`);
  const errors = [];
  for (const page of pages) {
    const report = await validator.validateString(readFileSync(path.join(root, page), 'utf8'), page);
    for (const result of report.results)
      for (const m of result.messages) errors.push(`${page}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`);
  }
  assert.deepEqual(errors, [], `${errors.length} HTML errors in ${pages.length} pages`);
});
