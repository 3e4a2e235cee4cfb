// A small static file server for the browser tests: 127.0.0.1 only, GET
// only, no directory listings, nothing outside its root, the right
// Content-Type for .wasm (compileStreaming insists), no caching (every page
// load is a cold start), and per-path extra headers such as a CSP.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const stats = statSync(file);
    if (stats.isFile()) return file;
    if (stats.isDirectory() && statSync(path.join(file, 'index.html')).isFile()) return path.join(file, 'index.html');
  } catch {
    return null;
  }
  return null;
}

/**
 * Serves `root`. headersFor(pathname, url) adds headers. Resolves to
 * { origin, requests, close() }; requests lists every path asked for.
 */
export function serveDirectory(root, { headersFor = () => ({}) } = {}) {
  const requests = [];
  const absoluteRoot = path.resolve(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const { pathname } = url;
    requests.push(pathname);
    const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(absoluteRoot, pathname) : null;
    if (file === null) {
      response.writeHead(request.method === 'GET' || request.method === 'HEAD' ? 404 : 405, { 'Content-Type': 'text/plain' });
      response.end('not found\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headersFor(pathname, url),
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
