// Debian's Chromium driven by playwright-core, and the checks made on every page visited.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serveSite } from './server.mjs';
import { siteRoot } from './site.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium: no sandbox (CI runs as root), no GPU, no calls home. */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * The two ways a reader opens the site: served over HTTP under a sub-path, and from disk.
 * `open()` returns {base, close}; `base` is the URL of the site's root folder, ending in '/'.
 */
export const MODES = [
  {
    name: 'http under /archive/gcm/',
    open: async () => {
      const server = await serveSite(siteRoot());
      return { base: server.url, close: server.close };
    },
  },
  {
    name: 'file://',
    open: async () => ({ base: pathToFileURL(siteRoot()).href.replace(/\/?$/, '/'), close: async () => {} }),
  },
];

/**
 * A page that records what a reader would not see but must not happen: console errors,
 * uncaught exceptions, failed requests, HTTP errors and any request outside the site.
 * Requests outside the site are aborted, so a test never reaches the network.
 */
export async function watchedPage(browser, base, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const problems = [];
  const inside = (url) => url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:');
  await context.route(
    (url) => !inside(url.href),
    (route) => {
      problems.push(`external request: ${route.request().url()}`);
      return route.abort();
    },
  );
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception on ${page.url()}: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (inside(req.url())) problems.push(`failed request: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { context, page, problems };
}

/** Title, exactly one h1, a lang attribute, and nothing recorded by watchedPage. */
export async function assertPageBasics(page, problems) {
  const where = page.url();
  assert.deepEqual(problems, [], `${where}: console errors or failed/external requests`);
  const title = (await page.title()).trim();
  assert.ok(title.length > 0, `${where}: the page has no <title>`);
  assert.equal(await page.locator('h1').count(), 1, `${where}: expected exactly one <h1>`);
  const lang = await page.locator('html').getAttribute('lang');
  assert.ok(lang && lang.trim().length > 0, `${where}: <html> has no lang attribute`);
}

/** The text of the page's h1, whitespace collapsed. */
export async function h1(page) {
  return (await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim();
}

/** Site path of the current page ("letters/x/index.html"), or null when outside the site. */
export function sitePath(page, base) {
  const url = page.url().split('#')[0].split('?')[0];
  return url.startsWith(base) ? decodeURIComponent(url.slice(base.length)) : null;
}
