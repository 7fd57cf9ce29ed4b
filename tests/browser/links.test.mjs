// An independent link checker, Debian's linkchecker, crawls the whole site served under
// /archive/gcm/ by the test's own server and finds no broken link or anchor. The server
// answers only for files, so a link to a folder (not naming its index.html) is broken too.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { serveSite } from './server.mjs';
import { htmlPages, siteRoot } from './site.mjs';

const LINKCHECKER = process.env.LINKCHECKER ?? 'linkchecker';

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let site, tmp;
before(async () => {
  site = await serveSite(siteRoot());
  tmp = mkdtempSync(path.join(os.tmpdir(), 'travaux-linkcheck-'));
  chmodSync(tmp, 0o755);  // linkchecker run as root drops to nobody, who must read its config
});
after(async () => {
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('linkchecker finds no broken link or anchor in the whole site', { timeout: 300_000 }, async () => {
  const config = path.join(tmp, 'linkcheckerrc');
  // AnchorCheck reports a link to a missing #id. Only the test's own server is crawled
  // (linkchecker checks no external URL unless told to).
  writeFileSync(config, '[checking]\nmaxrequestspersecond=1000\n[output]\nwarnings=1\n[AnchorCheck]\n');
  chmodSync(config, 0o644);
  const origin = new URL(site.url).origin.replace(/[.]/g, '\\.');
  const { code, stdout, stderr } = await run(LINKCHECKER, [
    '--config', config,
    '--no-status',
    '--threads', '4',
    '--timeout', '20',
    '--output', 'csv',
    '--verbose',  // a row for every URL checked, not only the broken ones
    // Absolute permalinks (<link rel="canonical">) are in folder form under base_url by
    // contract, not under this test's mount: check only their syntax.
    '--ignore-url', `^${origin}/(?!archive/gcm/)([^?#]*/)?$`,
    site.url + 'index.html',
  ]);
  const rows = stdout.split('\n').filter((l) => l && !l.startsWith('#'));
  const header = rows.shift()?.split(';') ?? [];
  const col = (name) => header.indexOf(name);
  assert.ok(col('urlname') >= 0, `unexpected linkchecker output:\n${stdout}\n${stderr}`);
  const problems = rows
    .map((r) => r.split(';'))
    .filter((f) => f[col('valid')] !== 'True' || f[col('warningstring')])
    .map((f) => `${f[col('parentname')].replace(site.url, '')}:${f[col('line')]}:${f[col('column')]}: ${f[col('urlname')]}: ${f[col('result')]} ${f[col('warningstring')]}`);
  assert.deepEqual(problems, [], 'broken links or anchors');
  assert.equal(code, 0, `linkchecker exited with ${code}:\n${stderr}`);
  // The crawl reached every page: CSV output carries no summary line, so count the distinct
  // pages among the URLs it checked.
  const pages = new Set(rows.map((r) => r.split(';')[col('url')]).filter((u) => u && u.endsWith('.html')));
  assert.ok(pages.size >= htmlPages().length, `linkchecker checked ${pages.size} pages, the site has ${htmlPages().length}`);
});
