// The Nu HTML Checker (vnu.jar from the vnu-jar package, run with Java) over every
// HTML file of the example site, built with page_size 5 so later listing pages exist
// too, plus the DOM of the pages scripts change: search with results and a filter,
// and the submit forms showing their errors. Valid markup is what assistive technology relies on (WCAG 4.1.1 is gone
// from 2.2, but broken nesting and duplicate ids still break names and landmarks).
//
// Errors always fail. Warnings fail too, except the two kinds below, which come from
// how the checker reads files, not from the pages: each is matched narrowly.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExampleSite, htmlFiles, launchBrowser, openPage, serveFolder, vnuMessages } from './lib.mjs';

/** Warnings that are artefacts of checking files from disk, each with its reason. */
const EXPECTED_WARNINGS = [
  {
    // A file: URL has no origin, so the checker cannot match 'self' in the page's CSP
    // and reports every same-site stylesheet, image and script as blocked. The browser
    // suite loads every page type over HTTP under the same policy and fails on any
    // console error, which is where a real CSP violation would show.
    why: "checked from file:, where CSP 'self' matches nothing",
    matches: (m) =>
      /^Resource violates Content Security Policy \(meta tag\): .+ “\/(?!\/)[^”]*” blocked by/.test(m.message),
  },
  {
    // JSON-LD is a data block: browsers never run it, so CSP does not apply to it.
    // Anything else inline would still fail here.
    why: 'JSON-LD data blocks are not scripts',
    matches: (m) =>
      /^Inline script violates Content Security Policy/.test(m.message) &&
      highlighted(m).includes('type="application/ld+json"'),
  },
];

function highlighted(message) {
  const extract = message.extract ?? '';
  return extract.slice(message.hiliteStart ?? 0, (message.hiliteStart ?? 0) + (message.hiliteLength ?? extract.length));
}

let site;
let snapshots;

before(async () => {
  site = await buildExampleSite({ pageSize: 5 });
  snapshots = await mkdtemp(join(tmpdir(), 'pp-vnu-dom-'));
});

after(async () => {
  await site?.close();
  if (snapshots) await rm(snapshots, { recursive: true, force: true });
});

/**
 * Saves the DOM of pages that scripts change: the search page once search.js has drawn
 * results and a filter is ticked, and each submit form after an empty submission has
 * drawn the error summary and messages.
 */
async function liveSnapshots() {
  const server = await serveFolder(site.dir);
  const browser = await launchBrowser();
  const saved = [];
  const save = async (page, name) => {
    const file = join(snapshots, `${name}.html`);
    await writeFile(file, `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
    saved.push(file);
  };
  try {
    const { page } = await openPage(browser.context);
    await page.goto(`${server.url}search/?q=family`);
    await page.waitForSelector('[data-results-for="family"][data-search-state="done"]');
    await page.getByRole('group', { name: 'Type' }).getByRole('checkbox').first().check();
    await page.waitForFunction(
      () => new URL(location.href).searchParams.has('type') && document.querySelector('[data-search-state="done"]'),
    );
    await save(page, 'search-with-results-and-a-filter');
    for (const kind of ['story', 'nomination']) {
      if (!existsSync(join(site.dir, 'submit', kind, 'index.html'))) continue;
      await page.goto(`${server.url}submit/${kind}/`);
      await page.locator('#submit-form').waitFor({ state: 'visible' });
      await page.click('#submit-button');
      await page.locator('#error-summary').waitFor({ state: 'visible' });
      await save(page, `submit-${kind}-with-errors`);
    }
    return saved;
  } finally {
    await browser.close();
    await server.close();
  }
}

describe('Nu HTML Checker', () => {
  test('every built page and the script-drawn states have no errors and no unexplained warnings', async (t) => {
    const files = (await htmlFiles(site.dir)).map((f) => join(site.dir, f));
    files.push(...(await liveSnapshots()));
    const started = Date.now();
    const messages = await vnuMessages(files);
    t.diagnostic(`checked ${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const failures = [];
    const explained = new Map();
    for (const m of messages) {
      const where = `${(m.url ?? '').replace(`file:${site.dir}/`, '').replace(`file:${snapshots}/`, '(DOM) ')}:${m.lastLine ?? '?'}`;
      const isWarning = m.type === 'info' && m.subType === 'warning';
      if (m.type === 'info' && !isWarning) continue; // plain information, not a finding
      const known = isWarning && EXPECTED_WARNINGS.find((w) => w.matches(m));
      if (known) {
        explained.set(known.why, (explained.get(known.why) ?? 0) + 1);
        continue;
      }
      failures.push(`${where} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}\n      ${highlighted(m).replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    for (const [why, count] of explained) t.diagnostic(`${count} expected warnings: ${why}`);
    assert.ok(failures.length === 0, `${failures.length} problems:\n  ${failures.join('\n  ')}`);
  });
});
