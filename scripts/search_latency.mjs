// Time from the last keystroke to results on screen on a built site's /search/ page, in
// headless Chromium, typing each query key by key (30 ms between keys: a fast typist;
// --delay-ms 150 is closer to most people).
//
// "Results" means the result lines are drawn: title, link, kind, date and summary,
// and the count. Each result's excerpt (the words around the match, from its text)
// replaces its summary when the text arrives; that time is printed as "excerpts".
//
// How the time is taken, so that the harness adds nothing of its own:
// - The start is read on the harness's clock just before the last key is sent, so the
//   time the key takes to reach the page (the DevTools protocol, the browser's input
//   queue) is counted, as a user would feel it.
// - The end is taken by the page itself. A MutationObserver sees search.js mark the
//   results drawn (`data-results-for`, set in the same task that puts the results in
//   the list); it asks for the next animation frame, and from that frame's
//   requestAnimationFrame callback posts a message to itself. That message is handled
//   once the frame's style, layout and paint are done, so its `performance.now()` is
//   the moment the frame holding the results has been painted (only the compositor's
//   hand-over to the screen is left, which headless Chromium does at once).
// - The page's time is converted to the harness's clock through both clocks'
//   `performance.timeOrigin` (milliseconds since 1970 at each clock's zero). Both are
//   read from the same system clock, so they agree to within a fraction of a
//   millisecond; the script checks it before it starts (the smallest of 20 round
//   trips brackets the page's clock) and corrects by the offset it finds.
// The harness's own waiting (for the page to say it has drawn, and reading its times)
// happens after the end has been stamped, so it adds nothing, however busy the machine.
//
// Usage: node scripts/search_latency.mjs [--delay-ms N] [--requests] SITE_DIR QUERY...
// Prints each query's time to results, to excerpts and to filter counts, the index
// requests and bytes after the last key, the bytes fetched while the query was typed,
// and the median and slowest time to results. --requests lists each index file asked
// for after the last key. Needs `npm ci` in tests/browser.

import { resolve } from 'node:path';
import { launchBrowser, openPage, serveFolder } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
let delay = 30;
let listRequests = false;
for (;;) {
  if (args[0] === '--delay-ms') {
    delay = Number(args[1]);
    args.splice(0, 2);
  } else if (args[0] === '--requests') {
    listRequests = true;
    args.shift();
  } else break;
}
const [dir, ...queries] = args;
if (!dir || queries.length === 0 || !(delay >= 0)) {
  console.error('usage: node scripts/search_latency.mjs [--delay-ms N] [--requests] SITE_DIR QUERY...');
  process.exit(2);
}
const server = await serveFolder(resolve(dir));
const browser = await launchBrowser();
const { page } = await openPage(browser.context);
await page.addInitScript(() => {
  // Every drawing of results: { query, key (the last keydown before it), painted },
  // page clock.
  window.painted = [];
  let keyAt = 0;
  document.addEventListener('keydown', (event) => (keyAt = event.timeStamp), true);
  const afterPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  document.addEventListener('DOMContentLoaded', () => {
    const root = document.getElementById('pp-search');
    new MutationObserver(() => {
      const query = root.dataset.resultsFor;
      const key = keyAt;
      afterPaint((at) => window.painted.push({ query, key, painted: at }));
    }).observe(root, { attributeFilter: ['data-results-for'] });
  });
  // Long main-thread tasks (over 50 ms) while typing: there should be none.
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({
    type: 'longtask',
  });
});
// Index files asked for (by the page or its worker), with when, on the harness clock.
const requested = [];
page.on('request', (request) => {
  if (request.url().includes('/search-index/')) requested.push({ at: performance.now(), path: request.url() });
});
await page.goto(`${server.url}search/`);
await page.waitForSelector('[data-search-state="done"]');
const box = page.getByRole('searchbox', { name: 'Search stories and nominations' });
const offset = await clockOffset();
await page.evaluate(() => {
  window.longTasks = [];
});

const indexBytes = (from) =>
  server.requests
    .slice(from)
    .filter((r) => r.path.includes('/search-index/'))
    .reduce((sum, r) => sum + r.bytes, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const timings = [];
const pageTimes = [];
const deliveries = [];
for (const query of queries) {
  await box.fill('');
  await page.waitForFunction(() => document.getElementById('pp-search')?.dataset.resultsFor === '');
  const typingFrom = server.requests.length;
  await box.pressSequentially(query.slice(0, -1), { delay });
  await new Promise((done) => setTimeout(done, delay));
  const lastKeyFrom = server.requests.length;
  const started = performance.now();
  await box.press(query.slice(-1));
  // Only to know that the page has stamped its time; how long this takes is not measured.
  await page.waitForFunction(
    ({ q, after }) => window.painted.some((p) => p.query === q && p.painted + performance.timeOrigin >= after),
    { q: query, after: toEpoch(started) + offset - 1 },
  );
  const drawn = await page.evaluate(
    ({ q, after }) => window.painted.find((p) => p.query === q && p.painted + performance.timeOrigin >= after),
    { q: query, after: toEpoch(started) + offset - 1 },
  );
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  const ms = Math.round(pageOrigin + drawn.painted - offset - toEpoch(started));
  const inPage = Math.round(drawn.painted - drawn.key);
  pageTimes.push(inPage);
  // How long the key took to reach the page: part of the time, but not the site's doing.
  const delivery = Math.round(pageOrigin + drawn.key - offset - toEpoch(started));
  deliveries.push(delivery);
  const afterKey = requested.filter((r) => r.at >= started);
  const stats = await page.evaluate(() => document.getElementById('pp-search').searchStats?.ms);
  const stages = stats ? `; worker: match ${stats.match}, rank ${stats.rank}, lines ${stats.lines} ms` : '';
  // Excerpts follow the lines; this and the filter counts are timed by the harness
  // (they include its own noticing), the results above are not.
  let excerpts = 'with the results';
  if (await page.evaluate(() => 'excerptsFor' in document.getElementById('pp-search').dataset)) {
    await page.waitForFunction((q) => document.getElementById('pp-search')?.dataset.excerptsFor === q, query, {
      polling: 'raf',
    });
    excerpts = `${Math.round(performance.now() - started)} ms`;
  }
  // The facet counts follow the results; "done" is when they too describe the query.
  await page.waitForSelector('[data-search-state="done"]');
  const settled = Math.round(performance.now() - started);
  timings.push({ query, ms });
  const count = await page.locator('.pp-result__title a').count();
  console.log(
    `${query}: ${ms} ms to results (key reached the page after ${delivery} ms, then ${inPage} ms in the page${stages}; ${count} shown, ` +
      `${afterKey.length} index requests after the last key, ${kb(indexBytes(lastKeyFrom))}; ` +
      `${kb(indexBytes(typingFrom))} fetched while typing it), ` +
      `excerpts ${excerpts}, ${settled} ms to filter counts`,
  );
  if (listRequests) for (const r of afterKey) console.log(`    +${Math.round(r.at - started)} ms ${new URL(r.path).pathname}`);
}
const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log(`median of ${timings.length}: ${median} ms (limit 50); slowest ${slowest.ms} ms, "${slowest.query}" (limit 100)`);
pageTimes.sort((a, b) => a - b);
console.log(
  `in the page, key event to results painted: median ${pageTimes[Math.floor(pageTimes.length / 2)]} ms, slowest ${pageTimes[pageTimes.length - 1]} ms`,
);
deliveries.sort((a, b) => a - b);
console.log(`the key reaching the page: median ${deliveries[Math.floor(deliveries.length / 2)]} ms, slowest ${deliveries[deliveries.length - 1]} ms`);
const longTasks = await page.evaluate(() => window.longTasks);
console.log(`main-thread tasks over 50 ms while typing: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`);
const drift = (await clockOffset()) - offset;
console.log(`clocks: page − harness ${offset.toFixed(2)} ms at the start, moved ${drift.toFixed(2)} ms by the end`);
await browser.close();
await server.close();

/** A harness time (its performance.now()) as milliseconds since 1970. */
function toEpoch(now) {
  return performance.timeOrigin + now;
}

/**
 * The page's clock minus the harness's, both as milliseconds since 1970: from the
 * round trip of 20 that took least, whose page reading lies between its two
 * harness readings. It is printed; a large value would mean the clocks disagree.
 */
async function clockOffset() {
  let best = null;
  for (let i = 0; i < 20; i += 1) {
    const before = toEpoch(performance.now());
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = toEpoch(performance.now());
    if (!best || after - before < best.trip) best = { trip: after - before, offset: inPage - (before + after) / 2 };
  }
  if (best.trip > 20) console.warn(`clock check: the best round trip took ${best.trip.toFixed(1)} ms`);
  return best.offset;
}
