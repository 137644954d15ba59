// The payload site (tests/fixtures/hostile/payloads) in headless Chromium: every page
// and drawing it publishes is opened, and none may raise a dialog (the payloads call
// alert), throw a script error, log a console error, or break the Content-Security-
// Policy. The theme's CSP is a meta tag, so the server here sends no CSP header: what
// is tested is what the site itself sends.
//
// Two passes, so each defence is tested alone: with the pages as built (sanitising and
// CSP together), then with the CSP meta tag cut out (sanitising alone must still hold).
// A control test injects a real script into a page and checks that both the CSP and
// these listeners notice, so a quiet run means something.
//
// Self-contained: it needs only playwright-core and node. Usage:
//   cd tests/browser && npm ci && node --test hostile.test.mjs
//   SITE_DIR=public SITE_BASE_PATH=/ node --test hostile.test.mjs   (any built site)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '..', '..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.wasm': 'application/wasm',
};
const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
// Images the payloads point at on purpose once their handlers are gone (`<img src=x>`,
// `<IMG SRC=/>`, a backquoted "URL"): the only resources allowed to be missing.
const EXPECTED_MISSING = [/\/x$/, /^\/$/, /\/%60javascript:alert\(%22body-4%22\)%60$/];
const INJECTED = '<script>alert("control-inline")</script><img src="nowhere.png" onerror="alert(\'control-handler\')">';

/** Builds the payload fixture into a temporary folder (or uses SITE_DIR). */
async function prepareSite() {
  if (process.env.SITE_DIR) {
    return { dir: resolve(process.env.SITE_DIR), base: process.env.SITE_BASE_PATH || '/', cleanup: async () => {} };
  }
  const work = await mkdtemp(join(tmpdir(), 'pp-hostile-'));
  const site = join(work, 'site');
  await cp(join(REPO, 'tests/fixtures/hostile/payloads'), site, { recursive: true });
  const manifest = JSON.parse(await readFile(join(REPO, 'tests/fixtures/hostile/payloads.files.json'), 'utf8'));
  for (const file of manifest.files) {
    const target = join(site, file.path);
    await mkdir(dirname(target), { recursive: true });
    if (file.copy) await copyFile(join(REPO, file.copy), target);
    else await writeFile(target, file.text);
  }
  const out = join(work, 'public');
  execFileSync('cargo', ['run', '--quiet', '--', 'build', '--site', site, '--output', out, '--now', '2026-06-01T12:00:00Z', '--quiet'], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { dir: out, base: '/sub/', cleanup: () => rm(work, { recursive: true, force: true }) };
}

async function walk(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else found.push(path);
  }
  return found;
}

/**
 * Serves `root` at `mount`. `transform(html, path)` may rewrite HTML on the way out
 * (to cut the CSP out, or inject a control script). No CSP header is ever sent.
 */
async function serve(root, mount, transform) {
  const server = createServer(async (req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (!pathname.startsWith(mount)) return send(404, 'text/plain', 'Not found');
      let file = normalize(join(root, pathname.slice(mount.length)));
      if (file !== root && !file.startsWith(root + sep)) return send(403, 'text/plain', 'Forbidden');
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file).catch(() => null);
      if (body === null) return send(404, 'text/plain', 'Not found');
      const type = TYPES[extname(file).toLowerCase()] || 'application/octet-stream';
      if (type.startsWith('text/html') && transform) body = transform(body.toString('utf8'), file);
      send(200, type, body);
    } catch (error) {
      send(500, 'text/plain', String(error));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${mount}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Opens `url` and reports dialogs, script errors, console errors and CSP violations. */
async function visit(context, url, { waitFor } = {}) {
  const page = await context.newPage();
  const dialogs = [];
  const errors = [];
  const console = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.status() >= 400 && !EXPECTED_MISSING.some((re) => re.test(path))) {
      console.push(`HTTP ${response.status()} ${response.url()}`);
    }
  });
  page.on('console', (msg) => {
    // A missing resource is reported, with its address, by the response listener.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) console.push(msg.text());
  });
  // Runs before any page script, outside the CSP, so it sees what the policy stopped.
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 15000 });
  // Focus and hover everything focusable: handlers like onfocus and onmouseover need it.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('a, button, input, select, textarea, [tabindex], summary, details')) {
      el.focus?.();
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    }
  }).catch(() => {});
  await page.waitForTimeout(150);
  // Redirect pages (aliases) move on by themselves; inspect where they land.
  await page.waitForLoadState('load');
  const inspect = () => page.evaluate(() => {
    const problems = [];
    const safe = new Set(['http:', 'https:', 'mailto:', 'tel:']);
    const check = (el, attr, value) => {
      if (!value) return;
      let protocol;
      try {
        protocol = new URL(value, document.baseURI).protocol;
      } catch {
        return;
      }
      if (!safe.has(protocol)) problems.push(`<${el.localName} ${attr}> is ${protocol} (${value.slice(0, 60)})`);
    };
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (attr.toLowerCase().startsWith('on')) problems.push(`<${el.localName}> has ${attr}`);
        if (['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href'].includes(attr.toLowerCase())) {
          check(el, attr, el.getAttribute(attr));
        }
      }
      if (el.localName === 'script' && el.type !== 'application/ld+json' && !el.src) {
        problems.push(`an inline script: ${el.textContent.slice(0, 60)}`);
      }
    }
    return { problems, violations: window.__violations ?? [], csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null };
  });
  const dom = await inspect()
    .catch(async () => {
      await page.waitForLoadState('load');
      return inspect();
    })
    .catch((error) => ({ problems: [`could not inspect: ${error.message}`], violations: [], csp: null }));
  await page.close();
  return { dialogs, errors, console, ...dom };
}

let site;
let browser;
let pages;

before(async () => {
  site = await prepareSite();
  const all = await walk(site.dir);
  pages = all
    .filter((f) => /\.(html|svg)$/i.test(f))
    .map((f) => relative(site.dir, f).split(sep).join('/'))
    .map((p) => p.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await site?.cleanup();
});

/** Opens every page of the site through a server with `transform`, collecting problems. */
async function visitAll(transform) {
  const server = await serve(site.dir, site.base, transform);
  const context = await browser.newContext();
  const problems = [];
  const policies = new Set();
  try {
    for (const path of pages) {
      const url = server.url + path.split('/').map(encodeURIComponent).join('/');
      const result = await visit(context, url);
      if (result.csp) policies.add(result.csp);
      for (const d of result.dialogs) problems.push(`${path}: dialog "${d}"`);
      for (const e of result.errors) problems.push(`${path}: script error ${e}`);
      for (const c of result.console) problems.push(`${path}: console error ${c}`);
      for (const v of result.violations) problems.push(`${path}: CSP violation ${v}`);
      for (const p of result.problems) problems.push(`${path}: ${p}`);
    }
  } finally {
    await context.close();
    await server.close();
  }
  return { problems, policies };
}

describe('the payload site in Chromium', () => {
  test('has many pages to open', () => {
    assert.ok(pages.length > 20, `only ${pages.length} pages`);
  });

  test('no page raises a dialog, a script error, a console error or a CSP violation', async () => {
    const { problems } = await visitAll(null);
    assert.deepEqual(problems, []);
  });

  test('with the CSP cut out, sanitising alone still stops every payload', async () => {
    const { problems } = await visitAll((html) => html.replace(CSP_META, ''));
    // Without a policy nothing is reported as blocked; anything that ran would show.
    assert.deepEqual(problems.filter((p) => !p.includes('console error')), []);
  });

  test('every HTML page sends a strict policy', async () => {
    const { policies } = await visitAll(null);
    assert.ok(policies.size >= 1);
    for (const policy of policies) {
      const directives = Object.fromEntries(
        policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]),
      );
      assert.deepEqual(directives['default-src'], ["'none'"], policy);
      assert.deepEqual(directives['base-uri'], ["'none'"], policy);
      if (directives['script-src']) {
        assert.deepEqual(directives['script-src'], ["'self'"]);
        assert.deepEqual(directives['style-src'], ["'self'"]);
        assert.deepEqual(directives['object-src'], ["'none'"]);
      }
      for (const [name, values] of Object.entries(directives)) {
        for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:', 'blob:']) {
          assert.ok(!values.includes(bad), `${name} allows ${bad}`);
        }
      }
    }
  });
});

describe('search results', () => {
  // Results are drawn by search.js from the index, another way for a title to reach the
  // page. Runs when the site has the search page (it does once search is merged).
  test('searching for the payloads shows them as text', async (t) => {
    const html = await readFile(join(site.dir, 'search/index.html'), 'utf8').catch(() => '');
    if (!html.includes('data-search-ui')) return t.skip('this site has no search page yet');
    const server = await serve(site.dir, site.base, null);
    const context = await browser.newContext();
    try {
      for (const query of ['alert', 'script', 'onerror', 'javascript']) {
        const result = await visit(context, `${server.url}search/?q=${query}`, { waitFor: '[data-search-state="done"]' });
        assert.deepEqual(result.dialogs, [], query);
        assert.deepEqual(result.errors, [], query);
        assert.deepEqual(result.problems, [], query);
        assert.deepEqual(result.violations, [], query);
      }
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('the checks can fail', () => {
  test('an injected script is blocked by the CSP, and runs without it', async () => {
    const target = pages.find((p) => p.startsWith('stories/') && p.endsWith('/')) ?? pages[0];
    const inject = (html) => html.replace('</main>', `${INJECTED}</main>`);
    let server = await serve(site.dir, site.base, inject);
    let context = await browser.newContext();
    const guarded = await visit(context, server.url + target);
    await context.close();
    await server.close();
    assert.deepEqual(guarded.dialogs, [], 'the CSP let an inline script run');
    assert.ok(guarded.violations.length >= 2, `no CSP violation reported: ${JSON.stringify(guarded)}`);
    assert.ok(guarded.console.some((c) => c.includes('Content Security Policy')), 'no console error');
    assert.deepEqual(guarded.errors, []);

    server = await serve(site.dir, site.base, (html) => inject(html.replace(CSP_META, '')));
    context = await browser.newContext();
    const open = await visit(context, server.url + target);
    await context.close();
    await server.close();
    assert.deepEqual(open.dialogs.sort(), ['control-handler', 'control-inline']);
    assert.ok(open.problems.some((p) => p.includes('onerror')));
  });
});
