// Relevance, stemming, accents, prefixes, phrases, "did you mean", filters and
// sorting, checked with the site's own search-engine.js run in node against the index
// the fixture published (no page, just the engine), so ranking is tested apart from
// the page that shows it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveFolder } from './lib.mjs';
import { loadCases, prepareSite } from './search-site.mjs';

let server;
let engine;
let index;
let cases;

before(async () => {
  const site = await prepareSite();
  cases = await loadCases();
  server = await serveFolder(site.dir, { mount: site.base, csp: false });
  engine = await import(pathToFileURL(join(site.dir, 'static', 'search-engine.js')).href);
  index = await engine.openIndex(server.url);
});

after(async () => {
  await server?.close();
});

async function titles(query, options = {}) {
  const result = await index.search(query, options);
  const docs = await Promise.all((await result.take(0, result.count)).map((n) => index.doc(n)));
  return docs.map((d) => d.title);
}

describe('ranking', () => {
  test('a title match ranks above body-only matches', async () => {
    const { query, first, bodyOnly } = cases.titleOverBody;
    const found = await titles(query);
    assert.equal(found[0], first, `results: ${found.join(' | ')}`);
    for (const title of bodyOnly) {
      assert.ok(found.indexOf(title) > 0, `${title} should be found below the title match`);
    }
  });

  test('a different form of a word finds the same records', async () => {
    const found = await titles(cases.stem.query);
    for (const title of cases.stem.finds) assert.ok(found.includes(title), `${title} not in ${found}`);
  });

  test('searching ignores case', async () => {
    const { query } = cases.titleOverBody;
    assert.deepEqual(await titles(query.toUpperCase()), await titles(query));
  });

  test('searching ignores accents either way', async () => {
    for (const query of cases.accents.queries) {
      const found = await titles(query);
      assert.equal(found[0], cases.accents.finds, `${query}: ${found.join(' | ')}`);
    }
  });

  test('public labels of people are searchable', async () => {
    const found = await titles(cases.label.query);
    assert.equal(found[0], cases.label.finds);
  });

  test('a name that was never indexed finds nothing', async () => {
    assert.deepEqual(await titles(cases.neverIndexed), []);
  });

  test('every word must match', async (t) => {
    if (!cases.every) return t.skip('no "every" case for this site');
    for (const { query, finds } of cases.every) {
      assert.deepEqual(await titles(query), finds, query);
    }
  });

  test('the last word matches as a prefix while it is typed, not once a space follows', async (t) => {
    if (!cases.prefix) return t.skip('no "prefix" case for this site');
    const { query, finds } = cases.prefix;
    assert.ok((await titles(query)).includes(finds), `${query} should find ${finds}`);
    assert.deepEqual(await titles(`${query} `), []);
  });

  test('a quoted phrase matches only those words in that order', async (t) => {
    if (!cases.phrase) return t.skip('no "phrase" case for this site');
    const { query, finds, reversed } = cases.phrase;
    assert.deepEqual(await titles(`"${query}"`), finds);
    assert.deepEqual(await titles(`"${reversed}"`), []);
    // Unquoted, the same words in any order match more.
    assert.ok((await titles(reversed)).length >= finds.length);
  });

  test('words deep in a long body are found', async (t) => {
    if (!cases.deepInBody) return t.skip('no "deepInBody" case for this site');
    const { query, finds } = cases.deepInBody;
    assert.deepEqual(await titles(query), [finds]);
  });

  test('a misspelt word is offered the closest indexed word', async (t) => {
    if (!cases.didYouMean) return t.skip('no "didYouMean" case for this site');
    for (const [typo, fixed] of Object.entries(cases.didYouMean)) {
      const result = await index.search(typo);
      assert.equal(result.count, 0, typo);
      assert.deepEqual(await index.suggest(result.unknown), [fixed], typo);
    }
  });
});

describe('filters and sorting', () => {
  test('every type, council, service, practice area and year is a filter', async () => {
    const everything = await index.search('');
    const counts = await index.counts(everything, {});
    assert.deepEqual(Object.keys(counts).sort(), ['council', 'practice_area', 'service', 'type', 'year']);
    assert.deepEqual(counts.type, cases.typeCounts);
  });

  test('a filter narrows a search, and its own counts stay disjunctive', async () => {
    const { query, name, value, before: all, after: narrowed, also } = cases.facet;
    assert.equal((await titles(query)).length, all);
    const filters = { [name]: [value] };
    assert.equal((await titles(query, { filters })).length, narrowed);
    const result = await index.search(query, { filters });
    const counts = await index.counts(result, filters);
    assert.equal(counts[name][value], narrowed);
    if (!also) return;
    assert.equal(counts[name][also.value], also.after - narrowed);
    const both = { [name]: [value, also.value] };
    assert.equal((await titles(query, { filters: both })).length, also.after);
  });

  test('newest first orders by date', async () => {
    const result = await index.search('', { sort: 'newest' });
    const dates = await Promise.all((await result.take(0, result.count)).map(async (n) => (await index.doc(n)).date));
    assert.ok(dates.length > 1);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });
});
