// Shared harness for the browser tests: a static file server for a built site and a
// headless Debian Chromium driven by playwright-core (which ships no browser of its own).
//
// Everything stays on 127.0.0.1 and Chromium is started with every background
// network feature off, so a test can assert that a page makes no outside requests.

import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Browsers refuse to compile WebAssembly served with any other type than
// application/wasm, and refuse module scripts served as anything but JavaScript.
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // Pagefind names its WebAssembly `wasm.<lang>.pagefind`; its loader uses
  // WebAssembly.instantiate on the bytes, so the type only has to be binary.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

// The policy the published site is meant to send: no inline script, no outside
// origin. Pagefind compiles WebAssembly, which CSP only allows with 'wasm-unsafe-eval'.
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Serves `root` on 127.0.0.1 at a free port.
 *
 * `mount` is the URL path the folder appears under ("/" or e.g. "/sub/"), so a site
 * built for a sub-path can be tested where it will live. Directory URLs serve
 * index.html. Every response carries SITE_CSP unless `csp` is false.
 * Returns { url, origin, requests, close } where `requests` logs every path asked for
 * with the number of bytes sent.
 */
export async function serveFolder(root, { mount = '/', csp = true } = {}) {
  const base = resolve(root);
  if (!mount.startsWith('/') || !mount.endsWith('/')) {
    throw new Error(`mount must start and end with "/", got ${JSON.stringify(mount)}`);
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    const record = { path: req.url, status: 0, bytes: 0 };
    requests.push(record);
    const send = (status, type, body) => {
      record.status = status;
      record.bytes = body.length;
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-store' };
      if (csp) headers['Content-Security-Policy'] = SITE_CSP;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (!pathname.startsWith(mount)) return send(404, 'text/plain', Buffer.from('Not found'));
      let file = normalize(join(base, pathname.slice(mount.length)));
      if (file !== base && !file.startsWith(base + sep)) {
        return send(403, 'text/plain', Buffer.from('Forbidden'));
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) return send(404, 'text/plain', Buffer.from('Not found'));
      send(200, CONTENT_TYPES[extname(file).toLowerCase()] || 'application/octet-stream', body);
    } catch (error) {
      send(500, 'text/plain', Buffer.from(String(error)));
    }
  });
  // Node closes idle keep-alive sockets after 5 s; on a loaded machine a client can
  // reuse one just as it closes and see ECONNRESET, so keep them open longer.
  server.keepAliveTimeout = 60_000;
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + mount,
    requests,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts Debian's Chromium with a fresh profile. `options` are Playwright context
 * options, e.g. { javaScriptEnabled: false }. Returns { context, close }: close()
 * also removes the profile folder.
 */
export async function launchBrowser(options = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'pp-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a page that fails the test on any console error or request off 127.0.0.1. */
export async function openPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') {
      problems.push(`outside request: ${request.url()}`);
    }
  });
  return { page, problems };
}

/** Runs axe-core in the page and returns its violations (WCAG 2.x A and AA rules). */
export async function axeViolations(page) {
  const source = await readFile(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  // addScriptTag would be an inline script, which the site's CSP refuses; evaluate
  // runs through the DevTools protocol instead, which CSP does not govern.
  await page.evaluate(source);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
