// serve.mjs — a small static server for the built site (no dependencies).
// Usage: node scripts/serve.mjs <dir> [port] [host]. Serves .wasm as application/wasm, sends
// no-cache so a rebuilt app is picked up (the service worker handles offline), gzips text.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] || 'build/web/site');
const port = Number(process.argv[3] || process.env.PORT || 8080);
const host = process.argv[4] || '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png', '.ttf': 'font/ttf',
};
const compressible = new Set(['.html', '.js', '.wasm', '.data', '.json', '.svg', '.webmanifest', '.txt']);

const server = createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end('forbidden'); return; }
    const st = await stat(file).catch(() => null);
    if (!st || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
    let body = await readFile(file);
    const ext = extname(file);
    const headers = { 'Content-Type': types[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
    // Content-Length must be the bytes sent; the loader counts wasm progress only when the
    // body is not compressed, so gzip only when the client asks and the file is not wasm.
    if (compressible.has(ext) && ext !== '.wasm' && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(e));
  }
});
server.listen(port, host, () => {
  console.log(`Callwise is running at http://${host}:${port}/`);
});
