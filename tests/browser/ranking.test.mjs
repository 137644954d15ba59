// Relevance, stemming, accents, filters and sorting, checked with the real
// pagefind.js from the bundle (run in node: no page, just the search API), so the
// choice of custom records over synthetic HTML stays tested (see src/search/mod.rs).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveFolder } from './lib.mjs';
import { loadCases, prepareSite } from './search-site.mjs';

let server;
let pagefind;
let cases;

before(async () => {
  const site = await prepareSite();
  cases = await loadCases();
  server = await serveFolder(site.dir, { mount: site.base, csp: false });
  pagefind = await import(pathToFileURL(join(site.dir, 'pagefind', 'pagefind.js')).href);
  await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: '/' });
  await pagefind.init();
});

after(async () => {
  await pagefind?.destroy?.();
  await server?.close();
});

async function titles(query, options = {}) {
  const search = await pagefind.search(query, options);
  const data = await Promise.all(search.results.map((r) => r.data()));
  return data.map((d) => d.meta.title);
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
});

describe('filters and sorting', () => {
  test('every type, council, service, practice area and year is a filter', async () => {
    const filters = await pagefind.filters();
    assert.deepEqual(Object.keys(filters).sort(), ['council', 'practice_area', 'service', 'type', 'year']);
    assert.deepEqual(filters.type, cases.typeCounts);
  });

  test('a filter narrows a search', async () => {
    const { query, name, value, before: all, after: narrowed } = cases.facet;
    assert.equal((await titles(query)).length, all);
    assert.equal((await titles(query, { filters: { [name]: { any: [value] } } })).length, narrowed);
  });

  test('newest first orders by date', async () => {
    const search = await pagefind.search(null, { sort: { date: 'desc' } });
    const dates = await Promise.all(search.results.map(async (r) => (await r.data()).meta.date));
    assert.ok(dates.length > 1);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });
});
