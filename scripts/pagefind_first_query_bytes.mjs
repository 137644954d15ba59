// For benches/pagefind_compare.sh only: how many bytes of index a first search fetches
// from a bundle made by the Pagefind CLI (the engine this project used before its own),
// making the calls a results page makes: init, search(), and data() for the first page
// of 10 results, which puts the results on screen. The page then
// opens a second instance for the facets (filters()) and asks it the same search for
// the counts; those bytes are reported separately, as "then filters", with the files
// the first instance had already fetched (a browser's cache holds them) apart.
//
// Usage: node scripts/pagefind_first_query_bytes.mjs SITE_DIR QUERY...
// The runtime (pagefind.js, the worker, the WebAssembly and pagefind-entry.json) is
// counted separately: it is the same for every site and cached after the first visit.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveFolder } from '../tests/browser/lib.mjs';

const [dir, ...queries] = process.argv.slice(2);
if (!dir || queries.length === 0) {
  console.error('usage: node scripts/pagefind_first_query_bytes.mjs SITE_DIR QUERY...');
  process.exit(2);
}
const site = resolve(dir);
const server = await serveFolder(site, { csp: false });
const runtime = /\/pagefind\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind|pagefind-entry\.json)/;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// A fresh module instance each time, so nothing is shared with the ones before.
async function openInstance(tag) {
  const engine = await import(`${pathToFileURL(join(site, 'pagefind', 'pagefind.js')).href}?${tag}`);
  await engine.options({ basePath: `${server.url}pagefind/`, baseUrl: '/' });
  await engine.init();
  return engine;
}

let worst = 0;
const totals = [];
for (const [i, query] of queries.entries()) {
  server.requests.length = 0;
  const pagefind = await openInstance(`fresh=${i}`);
  const terms = query === '(filter only)' ? null : query;
  const options = terms ? {} : { sort: { date: 'desc' }, filters: { year: { any: ['2020'] } } };
  const search = await pagefind.search(terms, options);
  await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const index = server.requests.filter((r) => !runtime.test(r.path));
  const before = server.requests.length;
  const counter = await openInstance(`counts=${i}`);
  await counter.filters();
  await counter.search(terms, options);
  const fetched = new Set(server.requests.slice(0, before).map((r) => r.path));
  const facetRequests = server.requests.slice(before).filter((r) => !runtime.test(r.path));
  const facetBytes = facetRequests.filter((r) => !fetched.has(r.path)).reduce((s, r) => s + r.bytes, 0);
  const repeatBytes = facetRequests.filter((r) => fetched.has(r.path)).reduce((s, r) => s + r.bytes, 0);
  const runtimeBytes = server.requests.filter((r) => runtime.test(r.path)).reduce((s, r) => s + r.bytes, 0);
  const bytes = index.reduce((s, r) => s + r.bytes, 0);
  const byKind = {};
  for (const r of index) {
    const kind = r.path.match(/\.(pf_\w+)/)?.[1] ?? 'other';
    byKind[kind] = (byKind[kind] || 0) + r.bytes;
  }
  worst = Math.max(worst, bytes);
  totals.push(bytes);
  console.log(
    `query ${JSON.stringify(query)}: ${search.results.length} results; index fetched ${kb(bytes)} in ${index.length} requests ` +
      `(${Object.entries(byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}); runtime ${kb(runtimeBytes)}; then filters ${kb(facetBytes)} (+${kb(repeatBytes)} fetched again)`,
  );
  await pagefind.destroy?.();
  await counter.destroy?.();
}
totals.sort((a, b) => a - b);
console.log(`median ${kb(totals[Math.floor(totals.length / 2)])}; largest ${kb(worst)} over ${totals.length} queries`);
await server.close();
