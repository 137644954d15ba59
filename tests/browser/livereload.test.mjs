// Live reload in a real browser: `practice-press serve --watch` on a copy of
// tests/fixtures/serve/site, a page open in headless Chromium, and edits to the story.
//
// The page must reload itself after a save and show the new text; a broken save must
// show an accessible overlay with the file and line; fixing it must take it away. The
// site's own Content-Security-Policy stays on throughout, so the test also proves the
// script and overlay need no inline script or style.
//
// Uses PRACTICE_PRESS_BIN if set, else builds target/debug/practice-press.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, launchBrowser, openPage } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const STORY = 'content/stories/kinship-visit.md';

let site;
let server;
let browser;
let baseUrl;

function binary() {
  if (process.env.PRACTICE_PRESS_BIN) return process.env.PRACTICE_PRESS_BIN;
  const built = spawnSync('cargo', ['build', '--quiet'], { cwd: repo, stdio: 'inherit' });
  assert.equal(built.status, 0, 'cargo build failed');
  const path = join(repo, 'target', 'debug', 'practice-press');
  assert.ok(existsSync(path), `${path} is missing`);
  return path;
}

/** Starts the server and resolves with its URL, read from the line it prints. */
function startServer(dir) {
  return new Promise((ok, fail) => {
    const child = spawn(binary(), ['serve', '--site', dir, '--watch', '--port', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const found = output.match(/Serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (found) {
        clearTimeout(timer);
        ok({ child, url: found[1], log: () => output });
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)));
  });
}

async function edit(transform) {
  const path = join(site, STORY);
  await writeFile(path, transform(await readFile(path, 'utf8')));
}

/** Opens a page and waits until its live-reload stream is connected. */
async function openStory(context) {
  const opened = await openPage(context);
  const connected = opened.page.waitForResponse((r) => r.url().endsWith('/__practice_press/events'));
  await opened.page.goto(`${baseUrl}stories/kinship-visit/`);
  await connected;
  return opened;
}

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'pp-serve-site-'));
  await cp(join(repo, 'tests', 'fixtures', 'serve', 'site'), site, { recursive: true });
  server = await startServer(site);
  baseUrl = server.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  // SIGINT, as Ctrl-C would send: the server must stop cleanly and say so.
  if (server) {
    const stopped = new Promise((ok) => server.child.on('exit', (code) => ok(code)));
    server.child.kill('SIGINT');
    assert.equal(await stopped, 0, server.log());
    assert.match(server.log(), /Stopped\./);
  }
  await rm(site, { recursive: true, force: true });
});

test('a saved story reloads the open page, which shows the new text', async (t) => {
  const { page, problems } = await openStory(browser.context);
  await page.evaluate(() => { window.beforeSave = true; });
  const reloaded = page.waitForEvent('load');
  const started = Date.now();
  await edit((text) => text.replace('A kinship visit that changed the plan', 'Tea with a grandmother'));
  await reloaded;
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('Tea with a grandmother'));
  t.diagnostic(`save → reloaded page: ${Date.now() - started} ms`);
  assert.equal(await page.evaluate(() => window.beforeSave), undefined, 'the page was reloaded, not patched');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a broken save shows an accessible overlay that goes when the file is fixed', async () => {
  const { page, problems } = await openStory(browser.context);
  let good;
  await edit((text) => {
    good = text;
    return text.replace('service: children', 'service: [children');
  });
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  const text = await dialog.textContent();
  // The unclosed `[` is reported where it opens: line 6, column 10.
  assert.match(text, /content\/stories\/kinship-visit\.md:6:10/);
  assert.match(text, /error PP0101: the list that starts with `\[` here is never closed/);
  assert.match(text, /Hint: /);
  // Keyboard users land on the close button; the story under it is the last good one.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Close');
  assert.match(await page.locator('h1').first().textContent(), /Tea with a grandmother/);
  await mkdir(join(here, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(here, 'screenshots', 'serve-overlay.png') });
  const violations = (await axeViolations(page))
    .filter((v) => v.nodes.some((n) => n.includes('practice-press-overlay')));
  assert.deepEqual(violations, []);

  const reloaded = page.waitForEvent('load');
  await edit(() => good.replace('two hours', 'the whole afternoon'));
  await reloaded;
  await page.waitForFunction(() => document.body.textContent.includes('the whole afternoon'));
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('search in the preview finds a word saved a moment ago, once the index is rebuilt', async (t) => {
  const started = Date.now();
  await edit((text) => text.replace(/^title: (.*)$/m, 'title: $1 in Wrenfield'));
  const { page, problems } = await openPage(browser.context);
  // The index is rebuilt in the background after the pages; until then the search page
  // uses the previous one, which cannot know the new word.
  let titles = [];
  while (Date.now() - started < 60_000) {
    await page.goto(`${baseUrl}search/?q=Wrenfield`);
    await page.waitForSelector('[data-results-for="Wrenfield"][data-search-state="done"]');
    titles = await page.locator('.pp-result__title a').allTextContents();
    if (titles.length > 0) break;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  t.diagnostic(`save → found by search: ${Date.now() - started} ms`);
  assert.equal(titles.length, 1, server.log());
  assert.match(titles[0], /Wrenfield/);
  assert.match(server.log(), /search index updated: 2 items in/);
  assert.deepEqual(problems, []);
  await page.close();
});
