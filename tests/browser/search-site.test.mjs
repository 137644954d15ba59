// The /search/ page of the real example site (the repository root), end to end in
// headless Chromium: built with the release binary exactly as it would be published,
// served on 127.0.0.1 with the site's Content-Security-Policy, and used like a visitor
// would. Everything runs twice: with the site at "/" and built for a sub-path
// (base_url https://example.org/stories, served at /stories/).
//
// Expected answers live in site-search-cases.json. Who is anonymous, which entries are
// drafts or embargoed, and which words are sensitive are read from the example's own
// content/**/*.md front matter, so the privacy checks follow the content.
//
// `PRACTICE_PRESS=/path/to/binary` skips `cargo build --release`.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, median, openPage, serveFolder } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '..', '..');
const cases = JSON.parse(await readFile(join(here, 'site-search-cases.json'), 'utf8'));

const SEARCH_BOX = { name: 'Search stories and nominations' };

let binary;
let browser;
const temporary = [];

before(async () => {
  binary = process.env.PRACTICE_PRESS || buildBinary();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

function buildBinary() {
  // A no-op when target/release is up to date; otherwise the binary would publish
  // records and a theme older than the source under test.
  execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(REPO_ROOT, 'target', 'release', 'practice-press');
}

/** Builds the site in `siteDir` into a new temporary folder and returns it. */
async function buildSite(siteDir) {
  const out = join(await tempDir('pp-site-out-'), 'public');
  execFileSync(binary, ['build', '--site', siteDir, '--output', out, '--quiet'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return out;
}

async function tempDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A copy of the example site whose base_url has a sub-path. */
async function exampleUnderSubPath(baseUrl) {
  const dir = await tempDir('pp-site-src-');
  for (const part of ['site.yaml', 'content', 'themes']) {
    await cp(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  }
  const settings = await readFile(join(dir, 'site.yaml'), 'utf8');
  const changed = settings.replace(/^base_url:.*$/m, `base_url: ${baseUrl}`);
  assert.notEqual(changed, settings, 'site.yaml has a base_url line to change');
  await writeFile(join(dir, 'site.yaml'), changed);
  return dir;
}

// ---------------------------------------------------------------------------------
// Reading the example's content, as the site's authors wrote it.

async function markdownFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFiles(path)));
    // A translation (`a.cy.md`) is its original's entry in another language, with its
    // own search index: the English search counts and reads the originals.
    else if (entry.name.endsWith('.md') && !/\.[a-z]{2,3}(-[A-Za-z]{2,4})?\.md$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

function unquote(value) {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/** Top-level `key: value` of the front matter (block values are not needed here). */
function topLevel(yaml, key) {
  const line = yaml.split(/\r?\n/).find((l) => l.startsWith(`${key}:`));
  return line === undefined ? undefined : unquote(line.slice(key.length + 1));
}

/**
 * Every person in the front matter with whether they are anonymous: `nominee:` and
 * `nominator:` blocks, `authors:` list items, or flow mappings ({ name: X, … }).
 * Any other mapping with a `name` (media_contact) comes back as not anonymous.
 */
function people(yaml) {
  const found = [];
  let person = null;
  for (const line of yaml.split(/\r?\n/)) {
    const flow = line.match(/\{(.*\bname\s*:.*)\}/);
    if (flow) {
      const fields = {};
      for (const pair of flow[1].split(',')) {
        const at = pair.indexOf(':');
        if (at > 0) fields[pair.slice(0, at).trim()] = unquote(pair.slice(at + 1));
      }
      found.push({ name: fields.name, anonymous: fields.anonymous === 'true' });
      person = null;
      continue;
    }
    const m = line.match(/^(\s*)(-\s+)?([A-Za-z_]+):\s*(.*)$/);
    if (!m) continue;
    const column = m[1].length + (m[2] ? m[2].length : 0);
    if (person && (column < person.column || (column === person.column && m[2]))) person = null;
    if (m[3] === 'name') {
      person = { column, name: unquote(m[4]), anonymous: false };
      found.push(person);
    } else if (person && column === person.column && m[3] === 'anonymous') {
      person.anonymous = m[4].trim() === 'true';
    }
  }
  return found.map(({ name, anonymous }) => ({ name, anonymous }));
}

/** What the example's content says about privacy, read from every story and nomination. */
async function readExample(siteDir, now = new Date()) {
  const entries = [];
  for (const section of ['stories', 'nominations']) {
    for (const path of await markdownFiles(join(siteDir, 'content', section))) {
      const text = await readFile(path, 'utf8');
      const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
      assert.ok(m, `${path} has front matter`);
      const [, yaml, body] = m;
      const embargo = topLevel(yaml, 'embargo');
      const sensitive = (topLevel(yaml, 'sensitive_terms') || '')
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map(unquote)
        .filter(Boolean);
      const found = people(yaml);
      // The parser must see every `anonymous: true` the file has, or a name would
      // silently go unchecked.
      const flagged = (yaml.match(/\banonymous:\s*true\b/g) || []).length;
      assert.equal(found.filter((p) => p.anonymous).length, flagged, `people in ${path}: ${JSON.stringify(found)}`);
      entries.push({
        path: relative(siteDir, path),
        title: topLevel(yaml, 'title'),
        draft: topLevel(yaml, 'draft') === 'true',
        embargoed: embargo !== undefined && new Date(embargo) > now,
        sensitive,
        people: found,
        // What the entry's page shows: the front matter also holds private names.
        shown: [
          topLevel(yaml, 'title'),
          topLevel(yaml, 'summary'),
          body,
          ...found.filter((p) => !p.anonymous).map((p) => p.name),
        ].join('\n'),
      });
    }
  }
  const published = entries.filter((e) => !e.draft && !e.embargoed);
  const named = published.flatMap((e) => e.people.filter((p) => !p.anonymous).map((p) => p.name));
  return {
    entries,
    published,
    anonymousNames: [...new Set(entries.flatMap((e) => e.people.filter((p) => p.anonymous).map((p) => p.name)))]
      // Anonymity is per entry: a name given publicly elsewhere is searchable there.
      .filter((name) => !named.includes(name)),
    drafts: entries.filter((e) => e.draft),
    embargoed: entries.filter((e) => e.embargoed),
    sensitiveTerms: [...new Set(entries.flatMap((e) => e.sensitive))],
    publishedText: fold(published.map((e) => e.shown).join('\n')),
  };
}

/** Lowercase without accents, as the index compares words. */
function fold(text) {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Words of `text` whose start (5 letters) is nowhere in the published text. */
function wordsFoundNowhereElse(text, publishedText) {
  return [...new Set(text.split(/[^\p{L}\p{N}]+/u))]
    .filter((w) => w.length >= 5)
    .filter((w) => !publishedText.includes(fold(w).slice(0, 5)));
}

// ---------------------------------------------------------------------------------

function suite(label, prepare) {
  describe(`search on the example site ${label}`, () => {
    let server;
    let example;
    let searchUrl;
    const allProblems = [];

    before(async () => {
      const { siteDir, mount } = await prepare();
      example = await readExample(siteDir);
      const out = await buildSite(siteDir);
      server = await serveFolder(out, { mount });
      searchUrl = `${server.url}search/`;
    });

    after(async () => {
      await server?.close();
    });

    async function open(url) {
      const { page, problems } = await openPage(browser.context);
      allProblems.push(problems);
      await page.goto(url);
      return page;
    }

    async function openSearch(query = '') {
      const page = await open(`${searchUrl}${query}`);
      await page.waitForSelector('[data-search-state="done"]');
      return page;
    }

    async function typeQuery(page, text) {
      const box = page.getByRole('searchbox', SEARCH_BOX);
      await box.fill('');
      await box.pressSequentially(text, { delay: 30 });
      await waitForResults(page, text);
    }

    async function waitForResults(page, text) {
      await page.waitForFunction(
        (q) => {
          const root = document.getElementById('pp-search');
          return root?.dataset.resultsFor === q && root.dataset.searchState === 'done';
        },
        text,
      );
    }

    const resultTitles = (page) => page.locator('.pp-result__title a').allTextContents();
    const statusText = async (page) => (await page.locator('[data-status]').textContent()).trim();
    const councilBox = (page, council) =>
      page.getByRole('group', { name: 'Council' }).getByRole('checkbox', { name: new RegExp(`^${council} \\(\\d+\\)$`) });
    const resultCount = (page, n) => page.waitForFunction((k) => document.querySelectorAll('.pp-result').length === k, n);

    /** Enters a whole query (as pasting would) and returns the titles shown. */
    async function search(page, query) {
      await page.getByRole('searchbox', SEARCH_BOX).fill(query);
      await waitForResults(page, query);
      return resultTitles(page);
    }

    test('the build published a search index', async () => {
      const response = await fetch(`${server.url}search-index/meta.json`);
      assert.equal(response.status, 200);
      assert.ok((await response.json()).documents > 0);
    });

    test('typing a query shows the expected story first, and it opens', async () => {
      const page = await openSearch();
      const { query, first } = cases.kinship;
      await typeQuery(page, query);
      const titles = await resultTitles(page);
      assert.equal(titles[0], first, titles.join(' | '));
      assert.equal(await statusText(page), `${titles.length} ${titles.length === 1 ? 'result' : 'results'} for \u201c${query}\u201d.`);
      assert.equal(new URL(page.url()).search, `?q=${query}`);
      await page.locator('.pp-result__title a').first().click();
      await page.waitForLoadState();
      assert.equal((await page.locator('h1').textContent()).trim(), first);
      assert.ok(new URL(page.url()).pathname.startsWith(new URL(server.url).pathname));
      await page.close();
    });

    test('ticking a council narrows results, the URL keeps it, a fresh visit and Back agree', async () => {
      const page = await openSearch();
      const { query, name, value, before: all, after: narrowed } = cases.facet;
      await typeQuery(page, query);
      const allTitles = await resultTitles(page);
      assert.equal(allTitles.length, all, allTitles.join(' | '));

      await councilBox(page, value).check();
      await resultCount(page, narrowed);
      await page.waitForSelector('[data-search-state="done"]');
      const narrowedTitles = await resultTitles(page);
      assert.equal(narrowedTitles.length, narrowed);
      assert.ok(narrowedTitles.every((t) => allTitles.includes(t)));
      const url = new URL(page.url());
      assert.equal(url.search, `?q=${query}&${name}=${encodeURIComponent(value).replace(/%20/g, '+')}`);

      // The same URL opened afresh shows the same search.
      const shared = await openSearch(url.search);
      assert.equal(await shared.getByRole('searchbox', SEARCH_BOX).inputValue(), query);
      assert.ok(await councilBox(shared, value).isChecked());
      assert.deepEqual(await resultTitles(shared), narrowedTitles);
      assert.equal(await statusText(shared), await statusText(page));
      await shared.close();

      // Back returns to the search before the council was ticked.
      await page.goBack();
      await resultCount(page, all);
      assert.equal(await councilBox(page, value).isChecked(), false);
      assert.deepEqual(await resultTitles(page), allTitles);
      assert.equal(new URL(page.url()).search, `?q=${query}`);
      await page.close();
    });

    test('no anonymous person is found by name, whole or in part', async (t) => {
      assert.ok(example.anonymousNames.length >= 3, `anonymous people found: ${example.anonymousNames}`);
      const page = await openSearch();
      const queries = [];
      for (const name of example.anonymousNames) {
        queries.push(name, fold(name));
        // Each part of the name too, unless someone published says it.
        queries.push(...wordsFoundNowhereElse(name, example.publishedText));
      }
      for (const query of new Set(queries)) {
        assert.deepEqual(await search(page, query), [], `search for ${query}`);
        assert.equal(await statusText(page), `No results for \u201c${query}\u201d.`);
      }
      t.diagnostic(`${queries.length} searches for ${example.anonymousNames.length} anonymous people: ${example.anonymousNames.join(', ')}`);
      await page.close();
    });

    test('drafts, embargoed items and sensitive terms are not found', async (t) => {
      assert.ok(example.drafts.length > 0, 'the example has a draft');
      assert.ok(example.embargoed.length > 0, 'the example has an embargoed item');
      assert.ok(example.sensitiveTerms.length > 0, 'the example has sensitive terms');
      const page = await openSearch();
      const queries = [];
      for (const hidden of [...example.drafts, ...example.embargoed]) {
        queries.push(hidden.title, ...wordsFoundNowhereElse(hidden.title, example.publishedText));
      }
      queries.push(...example.sensitiveTerms);
      for (const query of new Set(queries)) {
        assert.deepEqual(await search(page, query), [], `search for ${query}`);
      }
      t.diagnostic(`searched: ${[...new Set(queries)].join(' | ')}`);

      // Nor do they turn up by browsing: every result, newest first, is published.
      const browse = await openSearch(`?${['story', 'nomination'].map((type) => `type=${type}`).join('&')}`);
      const total = Number((await statusText(browse)).match(/^(\d+) results/)?.[1]);
      assert.equal(total, example.published.length);
      await page.close();
      await browse.close();
    });

    test('a word on no page finds nothing, even when a short indexed word begins it', async () => {
      // Every word must be found as itself (or, while typed, as the start of a word).
      const page = await openSearch();
      assert.deepEqual(await search(page, cases.notAWord), []);
      assert.deepEqual(await search(page, cases.neverIndexed), []);
      // Part of a word, while it is being typed, still finds it.
      const partial = cases.kinship.query.slice(0, 4);
      assert.ok((await search(page, partial)).includes(cases.kinship.first), `search for ${partial}`);
      await page.close();
    });

    test('words anywhere in a long story find it', async () => {
      const page = await openSearch();
      for (const { query, first } of cases.deepWords.cases) {
        const titles = await search(page, query);
        assert.equal(titles[0], first, `${query}: ${titles.join(' | ')}`);
      }
      // Words only in a draft or in a story still under embargo find nothing.
      for (const query of cases.deepWords.notFound) {
        assert.deepEqual(await search(page, query), [], query);
      }
      await page.close();
    });

    test('a title match ranks above body-only matches', async () => {
      const page = await openSearch();
      const { query, first, bodyOnly } = cases.titleOverBody;
      const titles = await search(page, query);
      assert.equal(titles[0], first, titles.join(' | '));
      for (const title of bodyOnly) assert.ok(titles.indexOf(title) > 0, `${title} is below: ${titles.join(' | ')}`);

      const dense = cases.titleOverDenserBody;
      const more = await search(page, dense.query);
      const above = more.indexOf(dense.above);
      const below = more.indexOf(dense.below);
      assert.ok(above >= 0 && below > above, `${dense.above} above ${dense.below}: ${more.join(' | ')}`);
      await page.close();
    });

    test('another form of a word finds the same stories (stemming)', async () => {
      const page = await openSearch();
      for (const { query, finds } of [cases.stem, cases.stemReverse]) {
        const titles = await search(page, query);
        for (const title of finds) assert.ok(titles.includes(title), `${query} should find ${title}: ${titles.join(' | ')}`);
      }
      // The stories found for "fostered" never say "fostered": only stemming finds them.
      for (const title of cases.stem.finds) {
        const entry = example.entries.find((e) => e.title === title);
        assert.ok(entry, `${title} is in the example`);
        assert.ok(!fold(entry.shown).includes(cases.stem.query), `${entry.path} says ${cases.stem.query}`);
      }
      await page.close();
    });

    test('searching ignores case and accents', async () => {
      const page = await openSearch();
      for (const query of cases.accents.queries) {
        const titles = await search(page, query);
        assert.equal(titles[0], cases.accents.finds, `${query}: ${titles.join(' | ')}`);
      }
      const lower = await search(page, cases.kinship.query);
      assert.deepEqual(await search(page, cases.kinship.query.toUpperCase()), lower);
      const label = await search(page, cases.label.query);
      assert.equal(label[0], cases.label.finds, label.join(' | '));
      await page.close();
    });

    test('the search box in the header of another page leads to results', async () => {
      const page = await open(server.url);
      const box = page.getByRole('searchbox', { name: 'Search stories' });
      await box.fill(cases.header.query);
      await box.press('Enter');
      await page.waitForURL(`${searchUrl}?q=${cases.header.query}`);
      await waitForResults(page, cases.header.query);
      const titles = await resultTitles(page);
      assert.equal(titles[0], cases.header.first, titles.join(' | '));
      assert.equal(await page.getByRole('searchbox', SEARCH_BOX).inputValue(), cases.header.query);
      await page.close();
    });

    test('the Welsh search finds an entry not translated yet in its English words and marks it English', async () => {
      const page = await open(`${server.url}cy/search/`);
      await page.waitForSelector('[data-search-state="done"]');
      const box = page.locator('#pp-search-q');
      // "fostered" is in none of these stories: only English stemming of their
      // English text finds them, in the Welsh index as in the English one.
      const { query } = cases.stem;
      await box.fill(query);
      await waitForResults(page, query);
      const untranslated = page.locator('.pp-result').filter({ hasText: cases.welsh.untranslated });
      await untranslated.first().waitFor();
      const title = untranslated.locator('.pp-result__title');
      assert.equal(await title.getAttribute('lang'), 'en-GB');
      assert.equal(await title.locator('a').getAttribute('hreflang'), 'en-GB');
      // An untranslated entry links to its English page, not to a Welsh one.
      const href = await title.locator('a').getAttribute('href');
      assert.ok(!href.includes('/cy/'), href);
      assert.equal(await untranslated.locator('.pp-result__excerpt').getAttribute('lang'), 'en-GB');
      assert.equal((await untranslated.locator('.pp-result__language').textContent()).trim(), 'Ar gael yn Saesneg yn unig');
      // The excerpt, in English, keeps its language once it replaces the summary.
      await page.waitForFunction((q) => document.getElementById('pp-search')?.dataset.excerptsFor === q, query);
      assert.equal(await untranslated.locator('.pp-result__excerpt').getAttribute('lang'), 'en-GB');

      // A translated entry is in the page's own language: no mark, no note.
      await box.fill(cases.welsh.query);
      await waitForResults(page, cases.welsh.query);
      const translated = page.locator('.pp-result').filter({ hasText: cases.welsh.translated });
      await translated.first().waitFor();
      assert.equal(await translated.locator('.pp-result__title').getAttribute('lang'), null);
      assert.equal(await translated.locator('.pp-result__language').count(), 0);
      assert.ok((await translated.locator('.pp-result__title a').getAttribute('href')).includes('/cy/'));
      await page.close();
    });

    test('time from the last keystroke to results shown (median printed)', async (t) => {
      const page = await openSearch();
      const timings = [];
      for (const query of cases.latencyQueries) {
        const box = page.getByRole('searchbox', SEARCH_BOX);
        await box.fill('');
        await box.pressSequentially(query.slice(0, -1), { delay: 30 });
        const started = Date.now();
        await box.press(query.slice(-1));
        // Results on screen; the filter counts may still be on their way.
        await page.waitForSelector(`[data-results-for="${query}"]`);
        timings.push(Date.now() - started);
        await waitForResults(page, query);
        assert.ok((await resultTitles(page)).length > 0, `${query} finds something`);
      }
      const mid = median(timings);
      t.diagnostic(`keystroke-to-results ms (${label}): ${timings.join(', ')}; median ${mid}`);
      assert.ok(mid < 1000, `median ${mid} ms`);
      await page.close();
    });

    test('no page had a console error or an outside request', () => {
      assert.deepEqual(allProblems.flat(), []);
    });
  });
}

suite('at /', async () => ({ siteDir: REPO_ROOT, mount: '/' }));
suite('under a sub-path (/stories/)', async () => ({
  siteDir: await exampleUnderSubPath('https://example.org/stories'),
  mount: '/stories/',
}));
