// A tiny static HTTP server that mounts a built site under a sub-path (/archive/gcm/), the
// way a site is published below someone else's root. It answers only for files: a folder
// URL is a 404, like the file:// rule that every link names its index.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at http://127.0.0.1:<random port><mount>. Returns {url, close}; `url` ends
 * with the mount path ("http://127.0.0.1:41234/archive/gcm/").
 */
export async function serveSite(root, mount = '/archive/gcm/') {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!rel.startsWith(mount)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not under ${mount}\n`);
      return;
    }
    const file = path.join(root, rel.slice(mount.length));
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        // Lets linkchecker go faster than 10 requests a second (its maxrequestspersecond).
        linkchecker: 'travaux-test-server',
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
