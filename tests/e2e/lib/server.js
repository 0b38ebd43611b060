// A static file server for the release bundle on 127.0.0.1, with the headers a production host
// would send. No dependency: node's http module is enough, and nothing is installed for it.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Types a host compresses (as production hosts do: the load is measured compressed). */
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);

/** Serve `root` on an ephemeral port; resolves to { url, close, requests }. */
export async function serve(root) {
  const requests = [];
  const gzipped = new Map(); // file and its modification time → its gzip, made once
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      let body = await fs.readFile(file);
      const headers = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      const accepts = (coding) => new RegExp(`\\b${coding}\\b`).test(req.headers['accept-encoding'] ?? '');
      if (COMPRESSIBLE.has(path.extname(file))) {
        // The build's own brotli copy where the browser takes brotli (as a host serving
        // precompressed files does), else gzip: the build's copy or, for a file without one, made here.
        const br = accepts('br') && (await fs.readFile(`${file}.br`).catch(() => null));
        if (br) {
          body = br;
          Object.assign(headers, { 'content-encoding': 'br', vary: 'accept-encoding' });
        } else if (accepts('gzip')) {
          const key = `${file}@${(await fs.stat(file)).mtimeMs}`;
          if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
          body = gzipped.get(key);
          Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
