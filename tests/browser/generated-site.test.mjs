// The query suite on a generated site: scripts/gen_corpus.py makes 600 stories and 60
// nominations, the release binary builds them with search, and queries made of two
// words taken from anywhere in one entry's text must find that entry in the first 10
// results (the issue measured 2 of 40 with the old, truncated index). The expected
// answers come from the published text itself, so the suite follows the generator.
//
// The queries run through the site's own search-engine.js in node; a few go through
// the real page in headless Chromium too.
//
// `PRACTICE_PRESS=/path/to/binary` skips `cargo build --release`.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, openPage, serveFolder } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '..', '..');
const SAMPLE = 40;

let work;
let server;
let browser;
let index;
let engine;
let docs;

before(async () => {
  const binary =
    process.env.PRACTICE_PRESS ||
    (execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] }),
    join(REPO_ROOT, 'target', 'release', 'practice-press'));
  work = await mkdtemp(join(tmpdir(), 'pp-generated-'));
  const corpus = join(work, 'corpus');
  const out = join(work, 'public');
  execFileSync('python3', [join(REPO_ROOT, 'scripts', 'gen_corpus.py'), '--stories', '600', '--nominations', '60', '--flavor', 'native', '--out', corpus], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(binary, ['build', '--site', corpus, '--output', out, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
  server = await serveFolder(out);
  engine = await import(pathToFileURL(join(out, 'static', 'search-engine.js')).href);
  index = await engine.openIndex(server.url);
  const meta = JSON.parse(await readFile(join(out, 'search-index', 'meta.json'), 'utf8'));
  const folder = join(out, 'search-index', 'g', meta.generation, 'd');
  docs = await Promise.all((await readdir(folder)).map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8'))));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** For every SAMPLE-th entry, its two rarest words of five letters or more, with where they are. */
function twoWordQueries() {
  const df = new Map();
  const wordsOf = (d) => engine.words([d.title, d.summary, d.text, d.details].join('\n'));
  for (const d of docs) for (const w of new Set(wordsOf(d))) df.set(w, (df.get(w) || 0) + 1);
  const step = Math.floor(docs.length / SAMPLE);
  const queries = [];
  for (let i = 0; i < SAMPLE; i += 1) {
    const doc = docs[i * step];
    const text = engine.words(doc.text);
    const candidates = [...new Set(text)].filter((w) => w.length >= 5 && !/\d/.test(w));
    candidates.sort((a, b) => df.get(a) - df.get(b) || a.localeCompare(b));
    if (candidates.length < 2) continue;
    const [a, b] = candidates;
    queries.push({ query: `${a} ${b}`, url: doc.url, title: doc.title, depth: Math.max(text.indexOf(a), text.indexOf(b)) });
  }
  return queries;
}

test(`two words from anywhere in an entry find it in the top 10, ${SAMPLE} entries`, async (t) => {
  const queries = twoWordQueries();
  assert.ok(queries.length >= SAMPLE - 2, `only ${queries.length} queries`);
  const missed = [];
  for (const q of queries) {
    const result = await index.search(q.query);
    const top = await Promise.all((await result.take(0, 10)).map((n) => index.doc(n)));
    if (!top.some((d) => d.url === q.url)) missed.push(q);
  }
  const deep = queries.filter((q) => q.depth >= 200).length;
  t.diagnostic(`${queries.length - missed.length} of ${queries.length} found; ${deep} queries use a word past the 200th`);
  assert.deepEqual(missed, []);
});

test('the same queries typed into the real page show the entry', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${server.url}search/`);
  await page.waitForSelector('[data-search-state="done"]');
  for (const q of twoWordQueries().slice(0, 3)) {
    const box = page.getByRole('searchbox', { name: 'Search stories and nominations' });
    await box.fill('');
    await box.pressSequentially(q.query, { delay: 30 });
    await page.waitForSelector(`[data-results-for=${JSON.stringify(q.query)}][data-search-state="done"]`);
    const titles = await page.locator('.pp-result__title a').allTextContents();
    assert.ok(titles.includes(q.title), `${q.query}: ${titles.join(' | ')}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

/** The commonest words of five letters or more in the published text, commonest first. */
function commonWords(n) {
  const df = new Map();
  for (const d of docs) for (const w of new Set(engine.words(d.text))) if (w.length >= 5 && !/\d/.test(w)) df.set(w, (df.get(w) || 0) + 1);
  return [...df.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([w]) => w);
}

test('a word in nearly every entry: top results without decoding all its postings, exact counts', async () => {
  const [word] = commonWords(1);
  const result = await index.search(`${word} `);
  const top = await result.take(0, 10);
  assert.equal(top.length, 10);
  assert.ok(result.count > docs.length / 2, `${word}: ${result.count} of ${docs.length}`);
  // The first block (128 postings) settles the top 10 of a single word.
  assert.ok(result.stats.postings < result.count / 2, `${word}: decoded ${result.stats.postings} of ${result.count}`);
  // Ranking on to the end reads everything and gives the same start.
  const everything = await result.take(0, result.count);
  assert.equal(everything.length, result.count);
  assert.deepEqual(everything.slice(0, 10), top);
  assert.equal(new Set(everything).size, result.count);
});

test('two and three common words: early-stopped order and counts equal the exhaustive ones', async () => {
  const common = commonWords(6);
  const queries = [`${common[0]} ${common[1]} `, `${common[2]} ${common[3]} `, `${common[0]} ${common[4]} ${common[5]} `];
  for (const query of queries) {
    const early = await index.search(query);
    const top = await early.take(0, 20);
    const full = await index.search(query);
    const all = await full.take(0, full.count);
    assert.deepEqual(top, all.slice(0, 20), query);
    // The count is the intersection of each word's own results.
    let expected = null;
    for (const word of query.trim().split(' ')) {
      const alone = await index.search(`${word} `);
      const set = new Set(await alone.take(0, alone.count));
      expected = expected ? new Set([...expected].filter((d) => set.has(d))) : set;
    }
    assert.equal(early.count, expected.size, query);
    assert.deepEqual(new Set(all), expected, query);
  }
});

test('several words: their next 30 lines come with their files, and equal the entries they stand for', async (t) => {
  // Words of middling frequency, as in "kinship care": their best results together
  // are seldom either word's best 10.
  const df = new Map();
  for (const d of docs) for (const w of new Set(engine.words(d.text))) if (w.length >= 5 && !/\d/.test(w)) df.set(w, (df.get(w) || 0) + 1);
  const middling = [...df.entries()]
    .filter(([, n]) => n >= 60 && n <= docs.length / 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([w]) => w);
  const queries = [];
  for (let i = 0; i + 1 < middling.length && queries.length < 12; i += 2) queries.push(`${middling[i]} ${middling[i + 1]} `);
  assert.ok(queries.length >= 6, `only ${queries.length} queries`);
  const fetchedFor = async (moreLines) => {
    let documentRequests = 0;
    let moreFiles = 0;
    for (const query of queries) {
      const fresh = await engine.openIndex(server.url);
      fresh.hasMoreLines = moreLines;
      const from = server.requests.length;
      const result = await fresh.search(query);
      const lines = await Promise.all((await result.take(0, 10)).map((n) => fresh.line(n)));
      const asked = server.requests.slice(from).map((r) => r.path);
      documentRequests += asked.filter((p) => p.includes('/d/')).length;
      moreFiles += asked.filter((p) => p.includes('/u/')).length;
      // A line from a u/ file says what the entry's own document says.
      for (const line of lines) {
        const doc = docs.find((d) => d.url === line.url);
        assert.ok(doc, `${query}: ${line.url}`);
        for (const field of ['title', 'kind', 'date', 'summary']) assert.equal(line[field], doc[field], `${query}: ${line.url} ${field}`);
      }
    }
    return { documentRequests, moreFiles };
  };
  const without = await fetchedFor(false);
  const withMore = await fetchedFor(true);
  t.diagnostic(
    `${queries.length} queries: ${withMore.documentRequests} result lines fetched one by one with u/ files (${withMore.moreFiles} u/ files), ${without.documentRequests} without`,
  );
  assert.equal(without.moreFiles, 0);
  assert.equal(withMore.moreFiles, queries.length * 2);
  assert.ok(withMore.documentRequests * 2 <= without.documentRequests, `${withMore.documentRequests} against ${without.documentRequests}`);
});
