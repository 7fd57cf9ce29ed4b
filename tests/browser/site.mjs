// The built site under test: where it is, which pages it has, and one page of each kind.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached = null;

/**
 * The folder of the built site. TRAVAUX_SITE names one built beforehand (scripts/test does
 * this, once for every test file); otherwise the site is built here from TRAVAUX_CONTENT
 * (default content/) with TRAVAUX_BIN (default build/travaux) into a temporary folder.
 */
export function siteRoot() {
  if (cached) return cached;
  if (process.env.TRAVAUX_SITE) {
    cached = path.resolve(process.env.TRAVAUX_SITE);
    if (!existsSync(path.join(cached, 'index.html'))) throw new Error(`TRAVAUX_SITE=${cached} has no index.html`);
    return cached;
  }
  const bin = process.env.TRAVAUX_BIN ?? path.join(repoRoot, 'build', 'travaux');
  const content = process.env.TRAVAUX_CONTENT ?? path.join(repoRoot, 'content');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'travaux-browser-'));
  cached = path.join(tmp, 'site');
  execFileSync(bin, ['build', '--content', content, '--out', cached], { stdio: 'inherit' });
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  return cached;
}

/** Every file of the site, as sorted site paths ("letters/x/index.html"). */
export function siteFiles(root = siteRoot()) {
  const out = [];
  const walk = (dir, prefix) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(path.join(dir, e.name), prefix + e.name + '/');
      else out.push(prefix + e.name);
    }
  };
  walk(root, '');
  return out;
}

export const htmlPages = (root = siteRoot()) => siteFiles(root).filter((f) => f.endsWith('.html'));

/** archive.json: every published document with kind, title, date, url ("letters/x/"), links_to. */
export function archiveJson(root = siteRoot()) {
  return JSON.parse(readFileSync(path.join(root, 'archive.json'), 'utf8'));
}

/**
 * One page of each kind the site has: kind -> site path of its index.html. Kinds whose pages
 * are not generated (yet) are left out; the journeys assert the pages they need themselves.
 */
export function pageKinds(root = siteRoot()) {
  const files = new Set(htmlPages(root));
  const kinds = new Map();
  const first = (kind, re) => {
    const hit = [...files].find((f) => re.test(f));
    if (hit) kinds.set(kind, hit);
  };
  kinds.set('home', 'index.html');
  const archive = archiveJson(root);
  for (const kind of ['letter', 'draft', 'round', 'document', 'page']) {
    // A draft that supersedes another, so its page has the most to show.
    const docs = archive.documents.filter((d) => d.kind === kind);
    const doc = kind === 'draft' ? docs.find((d) => files.has(`${d.url}changes/index.html`)) ?? docs[1] ?? docs[0] : docs[0];
    if (doc && files.has(`${doc.url}index.html`)) kinds.set(kind, `${doc.url}index.html`);
  }
  first('changes', /^drafts\/[^/]+\/changes\/index\.html$/);
  first('history', /^history\/[^/]+\/index\.html$/);
  first('provenance', /^drafts\/[^/]+\/provenance\/index\.html$/);
  first('letters-index', /^letters\/index\.html$/);
  first('drafts-index', /^drafts\/index\.html$/);
  first('rounds-index', /^rounds\/index\.html$/);
  first('documents-index', /^documents\/index\.html$/);
  first('person', /^people\/[^/]+\/index\.html$/);
  first('topics', /^topics\/index\.html$/);
  first('topic', /^topics\/[^/]+\/index\.html$/);
  first('timeline', /^timeline\/index\.html$/);
  first('search', /^search\/index\.html$/);
  return kinds;
}
