// Search in a freshly started preview: `practice-press serve --watch` on a copy of the
// example site, the search page opened in headless Chromium at once, and again once the
// terminal says "search index updated". Each run must show results and filters the
// first time. (With Pagefind, 6 of 14 fresh previews showed no results or no filters:
// a page could read one index's entry file and then find that index replaced by the
// next one, whose files had other names; and a page opened before the first index
// was ready found no index at all.)
//
// Uses PRACTICE_PRESS_BIN if set, else builds target/debug/practice-press.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
// More runs catch a rare race; SERVE_SEARCH_RUNS=20 is what a suspected flake deserves.
const RUNS = Number(process.env.SERVE_SEARCH_RUNS) || 4;

let site;
let browser;
let binaryPath;

function binary() {
  if (process.env.PRACTICE_PRESS_BIN) return process.env.PRACTICE_PRESS_BIN;
  const built = spawnSync('cargo', ['build', '--quiet'], { cwd: repo, stdio: 'inherit' });
  assert.equal(built.status, 0, 'cargo build failed');
  return join(repo, 'target', 'debug', 'practice-press');
}

/** Starts a preview; resolves once it serves, with a promise for its first index. */
function startServer(dir) {
  return new Promise((ok, fail) => {
    const child = spawn(binaryPath, ['serve', '--site', dir, '--watch', '--port', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    let indexed;
    const firstIndex = new Promise((resolveIndex) => {
      indexed = resolveIndex;
    });
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 120_000);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (/search index updated/.test(output)) indexed();
      const found = output.match(/Serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (found) {
        clearTimeout(timer);
        ok({ child, url: found[1], firstIndex, log: () => output });
      }
    });
    child.on('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)));
  });
}

async function stop(server) {
  const exited = new Promise((resolveExit) => server.child.once('exit', resolveExit));
  server.child.kill('SIGINT');
  await exited;
}

/** Opens the search page with a query and returns what it shows once done. */
async function searchOnce(url) {
  const { page, problems } = await openPage(browser.context);
  const started = Date.now();
  // What the page did, for a run that goes wrong: its loads (the preview reloads a
  // search page when a new index is in) and the index requests still unanswered.
  let loads = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads += 1;
  });
  const open = new Map();
  page.on('request', (r) => open.set(r, `${Date.now() - started} ms ${new URL(r.url()).pathname}`));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  try {
    await page.goto(`${url}search/?q=kinship`);
    await page.waitForSelector('[data-search-state="done"], [data-search-state="failed"]', { timeout: 60_000 });
  } catch (error) {
    const state = await page
      .locator('#pp-search')
      .getAttribute('data-search-state', { timeout: 1000 })
      .catch(() => '?');
    throw new Error(
      `${error.message.split('\n')[0]}: neither done nor failed after ${Date.now() - started} ms (state ${state}, ${loads} loads); ` +
        `unanswered: ${[...open.values()].filter((r) => !r.includes('/__practice_press/events')).join(', ') || 'none'}`,
      { cause: error },
    );
  }
  const shown = {
    state: await page.locator('#pp-search').getAttribute('data-search-state'),
    results: await page.locator('.pp-result').count(),
    councils: await page.getByRole('group', { name: 'Council' }).getByRole('checkbox').count(),
    problems: [...problems],
    loads,
    ms: Date.now() - started,
  };
  await page.close();
  return shown;
}

before(async () => {
  binaryPath = binary();
  site = await mkdtemp(join(tmpdir(), 'pp-serve-search-'));
  for (const part of ['site.yaml', 'content', 'themes']) {
    await cp(join(repo, part), join(site, part), { recursive: true });
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

test(`search works first time in a fresh preview, ${RUNS} runs out of ${RUNS}`, async (t) => {
  const outcomes = [];
  for (let run = 0; run < RUNS; run += 1) {
    const server = await startServer(site);
    try {
      // At once, very likely before the first index is in.
      const early = await searchOnce(server.url);
      await server.firstIndex;
      // A few moments after the terminal says the index is in, as a person would.
      await new Promise((r) => setTimeout(r, 500));
      const settled = await searchOnce(server.url);
      outcomes.push({ early, settled });
    } finally {
      await stop(server);
    }
  }
  // [results, page loads, ms] at once and after the index, per run.
  t.diagnostic(JSON.stringify(outcomes.map((o) => [o.early, o.settled].map((s) => [s.results, s.loads, s.ms]))));
  for (const [i, { early, settled }] of outcomes.entries()) {
    for (const [when, shown] of [['at once', early], ['after the index', settled]]) {
      assert.equal(shown.state, 'done', `run ${i + 1}, ${when}: ${JSON.stringify(shown)}`);
      assert.ok(shown.results > 0, `run ${i + 1}, ${when}: no results`);
      assert.ok(shown.councils > 0, `run ${i + 1}, ${when}: no filters`);
      assert.deepEqual(shown.problems, [], `run ${i + 1}, ${when}`);
    }
  }
});

test('a save shows in an open search page once it is indexed', async (t) => {
  const server = await startServer(site);
  try {
    await server.firstIndex;
    const { page, problems } = await openPage(browser.context);
    const word = 'quillwhistle';
    await page.goto(`${server.url}search/?q=${word}`);
    await page.waitForSelector(`[data-results-for="${word}"][data-search-state="done"]`);
    assert.equal(await page.locator('.pp-result').count(), 0);
    const started = Date.now();
    await appendFile(
      join(site, 'content/stories/2026/staying-close-after-the-childrens-home.md'),
      `\nHer keyworker now teaches the quillwhistle on Thursdays.\n`,
    );
    // The page reloads after the rebuild, and again once the new index is in.
    await page.waitForFunction(() => document.querySelectorAll('.pp-result').length > 0, null, { timeout: 30_000 });
    const title = await page.locator('.pp-result__title a').first().textContent();
    t.diagnostic(`save to result on screen: ${Date.now() - started} ms`);
    assert.match(title, /^Staying close/);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await stop(server);
  }
});
