// Measures how many bytes a first search fetches from the site's own index, making the
// same calls as themes/default/static/search-service.js: meta.json, the query's
// dictionary shards and postings (with a common word's best result lines, and for a
// query of several words each word's next 30), the lines of the first 10 results, and
// their texts, from which their excerpts are drawn. The filters (facets.json, fetched
// after the results) are reported separately, as "then filters". The query is searched
// whole, as if pasted: the files typing it key by key fetches are counted by
// scripts/search_latency.mjs ("fetched while typing it").
//
// Usage: node scripts/first_query_bytes.mjs SITE_DIR QUERY...
// Prints each query's bytes, then the median and the largest; exits non-zero if the
// median is 100 KB or more, or any query 200 KB or more.

import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveFolder } from '../tests/browser/lib.mjs';

const [dir, ...queries] = process.argv.slice(2);
if (!dir || queries.length === 0) {
  console.error('usage: node scripts/first_query_bytes.mjs SITE_DIR QUERY...');
  process.exit(2);
}
const site = resolve(dir);
const server = await serveFolder(site, { csp: false });
const engine = await import(pathToFileURL(join(site, 'static', 'search-engine.js')).href);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sum = (requests) => requests.reduce((s, r) => s + r.bytes, 0);

const totals = [];
for (const query of queries) {
  server.requests.length = 0;
  // A new index object has an empty cache: a fresh browser.
  const index = await engine.openIndex(server.url);
  const terms = query === '(filter only)' ? '' : query;
  const filters = terms ? {} : { year: ['2020'] };
  const result = await index.search(terms, { filters, sort: terms ? 'relevance' : 'newest' });
  const shown = await result.take(0, 10);
  await Promise.all(shown.map((n) => index.line(n)));
  await Promise.all(shown.map((n) => index.text(n)));
  const before = server.requests.slice();
  await index.counts(result, filters);
  const facets = server.requests.slice(before.length);
  const byKind = {};
  for (const r of before) {
    const kind = r.path.match(/\/(s|p|d|t|u|v)\/[^/]+$/)?.[1] ?? r.path.split('/').pop();
    byKind[kind] = (byKind[kind] || 0) + r.bytes;
  }
  const bytes = sum(before);
  totals.push(bytes);
  console.log(
    `query ${JSON.stringify(query)}: ${result.count} results; fetched ${kb(bytes)} in ${before.length} requests ` +
      `(${Object.entries(byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}); then filters ${kb(sum(facets))}`,
  );
}
const sorted = [...totals].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const largest = sorted[sorted.length - 1];
console.log(`median ${kb(median)} (limit 100 KB); largest ${kb(largest)} (limit 200 KB) over ${totals.length} queries`);
await server.close();
process.exit(median < 100 * 1024 && largest < 200 * 1024 ? 0 : 1);
