// Shared harness for the browser tests: a static file server for a built site and a
// headless Debian Chromium driven by playwright-core (which ships no browser of its own).
//
// Everything stays on 127.0.0.1 and Chromium is started with every background
// network feature off, so a test can assert that a page makes no outside requests.

import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');
export const RELEASE_BINARY = join(REPO_ROOT, 'target', 'release', 'practice-press');

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
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.bin': 'application/octet-stream',
};

// The policy the published site is meant to send: no inline script, no outside
// origin, no WebAssembly, no eval; search's worker only from the site itself.
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
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

let axeSource;

/** Runs axe-core in the page and returns its violations (WCAG 2.x A and AA rules). */
export async function axeViolations(page) {
  axeSource ??= await readFile(new URL('./node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  // addScriptTag would be an inline script, which the site's CSP refuses; evaluate
  // runs through the DevTools protocol instead, which CSP does not govern.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      // Only violations are reported, so axe need not keep node details for passes.
      resultTypes: ['violations'],
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

/**
 * Builds the example site in this repository (site.yaml, content/ and themes/) into a
 * temporary folder with the release binary, building the binary first if it is
 * missing. `pageSize` overrides site.yaml's page_size so that small examples still
 * have a page 2; `now` pins the clock for embargoes and consent expiry so the output
 * does not change from one day to the next.
 * Returns { dir, root, siteYaml, close } where `dir` is the built site.
 */
export async function buildExampleSite({ pageSize, now = '2026-11-23T09:00:00Z' } = {}) {
  if (!existsSync(RELEASE_BINARY)) {
    execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const root = await mkdtemp(join(tmpdir(), 'pp-example-'));
  const site = join(root, 'site');
  // themes/ is copied too: the repository's themes/default overrides the embedded copy
  // file by file, so this tests the theme as it is on disk even if the binary is stale.
  for (const part of ['content', 'themes']) {
    await cp(join(REPO_ROOT, part), join(site, part), { recursive: true });
  }
  let siteYaml = await readFile(join(REPO_ROOT, 'site.yaml'), 'utf8');
  if (pageSize !== undefined) {
    siteYaml = /^page_size:/m.test(siteYaml)
      ? siteYaml.replace(/^page_size:.*$/m, `page_size: ${pageSize}`)
      : `${siteYaml}\npage_size: ${pageSize}\n`;
  }
  await writeFile(join(site, 'site.yaml'), siteYaml);
  const dir = join(root, 'public');
  execFileSync(RELEASE_BINARY, ['build', '--quiet', '--site', site, '--output', dir, '--now', now], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { dir, root, siteYaml, close: () => rm(root, { recursive: true, force: true }) };
}

/** Every *.html file under `dir`, as paths relative to it with "/" separators, sorted. */
export async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}

/** The site URL path a built file is served at: "stories/x/index.html" → "stories/x/". */
export function urlPathOf(file) {
  return file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
}

export const VNU_JAR = join(here, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/**
 * Runs the Nu HTML Checker (vnu.jar, Java 17+) over `files` in one JVM and resolves to
 * its messages ({ type, subType, message, url, lastLine, extract }). `errorsOnly`
 * passes --errors-only. Language detection is off: every page declares its language
 * and the detector only ever warns.
 */
export function vnuMessages(files, { errorsOnly = false, javaProps = [] } = {}) {
  const args = [...javaProps, '-jar', VNU_JAR, '--format', 'json', '--no-langdetect', '--exit-zero-always'];
  if (errorsOnly) args.push('--errors-only');
  return new Promise((ok, fail) => {
    execFile('java', [...args, ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return fail(error);
      try {
        // vnu writes its JSON report to stderr unless --stdout is given.
        ok(JSON.parse(stderr || stdout).messages);
      } catch (parseError) {
        fail(new Error(`vnu output was not JSON: ${parseError.message}\n${stderr.slice(0, 2000)}`));
      }
    });
  });
}

/**
 * The page's heading outline problems: not exactly one h1, or a heading that skips a
 * level going down (h2 → h4). Hidden headings count, as screen readers list them.
 */
export async function headingProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
    const h1s = headings.filter((h) => h.tagName === 'H1').length;
    if (h1s !== 1) problems.push(`${h1s} h1 elements`);
    let previous = 0;
    for (const h of headings) {
      const level = Number(h.tagName[1]);
      if (level > previous + 1) {
        problems.push(`h${level} "${h.textContent.trim().slice(0, 60)}" follows h${previous || '(none)'}`);
      }
      previous = level;
    }
    return problems;
  });
}
