// Measures, in Chromium from file://, what each query downloads from a search index written by
// bench_search (bench/search_size.sh): a fresh page per query, every request recorded, the
// bytes counted from the files on disk (no transfer compression: the worst case).
//   node bench/search_queries.mjs OUT
import { statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(process.argv[2]);
const base = pathToFileURL(root).href + '/';
// Words taken from one document of the archive, so the rare ones surely exist.
const store = {};
new Function('travauxSearchShard', readFileSync(path.join(root, 'search/d/31415.js'), 'utf8'))((n, d) => { store[n] = d; });
const text = store['d/31415'].blocks.map((b) => b[1]).join(' ');
const words = text.match(/[\p{L}\p{M}\p{N}]+/gu).filter((w) => !/^\d+$/.test(w));
const longest = [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const queries = [
  { q: 'the' },
  { q: 'migration compact' },
  { q: 'States cooperation international national' },
  { q: `"${words.slice(3, 6).join(' ')}"` },
  { q: `"${words.slice(10, 14).join(' ')}"` },
  { q: longest[0] },
  { q: `${longest[1]} ${longest[2]} ${longest[3]}` },
  { q: longest[4].slice(0, 3) },
  { q: longest[5].slice(0, 5) },
  { q: 'the of and', kind: 'document', from: '2010-01-01', to: '2012-12-31' },
  { kind: 'letter', round: 'r3' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
let worst = 0;
console.log('| query | results | files | KB downloaded | ms to results |');
console.log('|---|---|---|---|---|');
for (const params of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  page.on('request', (r) => { if (r.url().startsWith(base)) files.add(decodeURIComponent(new URL(r.url()).pathname)); });
  const t0 = Date.now();
  await page.goto(`${base}search/index.html?${new URLSearchParams(params)}`);
  await page.waitForFunction(() => /match/.test(document.getElementById('search-status').textContent), null, { timeout: 120000 });
  const ms = Date.now() - t0;
  const status = (await page.locator('#search-status').innerText()).trim();
  // Only the index counts: the page, its stylesheet and the script are the same for every query.
  const index = [...files].filter((f) => f.includes('/search/') && !f.endsWith('/search/index.html'));
  const bytes = index.reduce((sum, f) => sum + statSync(f).size, 0);
  worst = Math.max(worst, bytes);
  const shown = Object.entries(params).map(([k, v]) => (k === 'q' ? v : `${k}=${v}`)).join(' ');
  console.log(`| \`${shown}\` | ${status.replace(/ documents? match.*/, '').replace(/^No$/, '0')} | ${index.length} | ${(bytes / 1024).toFixed(1)} | ${ms} |`);
  await context.close();
}
await browser.close();
console.log(`\nlargest download for one query: ${(worst / 1024).toFixed(1)} KB`);
