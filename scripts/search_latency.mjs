// Time from the last keystroke to results shown on a built site's /search/ page, in
// headless Chromium, typing each query key by key (30 ms between keys: a fast typist;
// --delay-ms 150 is closer to most people).
//
// "Results" means the result lines are drawn: title, link, kind, date and summary,
// and the count. Each result's excerpt (the words around the match, from its text)
// replaces its summary when the text arrives; that time is printed as "excerpts".
//
// Usage: node scripts/search_latency.mjs [--delay-ms N] SITE_DIR QUERY...
// Prints each query's time to results, to excerpts and to filter counts, the index
// requests made after the last key, and the median to results. Needs `npm ci` in
// tests/browser.

import { resolve } from 'node:path';
import { launchBrowser, openPage, serveFolder } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
let delay = 30;
if (args[0] === '--delay-ms') {
  delay = Number(args[1]);
  args.splice(0, 2);
}
const [dir, ...queries] = args;
if (!dir || queries.length === 0 || !(delay >= 0)) {
  console.error('usage: node scripts/search_latency.mjs [--delay-ms N] SITE_DIR QUERY...');
  process.exit(2);
}
const server = await serveFolder(resolve(dir));
const browser = await launchBrowser();
const { page } = await openPage(browser.context);
// Long main-thread tasks (over 50 ms) while typing: there should be none.
await page.addInitScript(() => {
  // The page's own clock, from the key's event to the results drawn: without the time
  // the harness takes to send the key and to notice the drawing.
  window.keyAt = 0;
  window.drawnIn = {};
  document.addEventListener('keydown', (event) => (window.keyAt = event.timeStamp), true);
  document.addEventListener('DOMContentLoaded', () => {
    const root = document.getElementById('pp-search');
    new MutationObserver(() => {
      window.drawnIn[root.dataset.resultsFor] = performance.now() - window.keyAt;
    }).observe(root, { attributeFilter: ['data-results-for'] });
  });
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({
    type: 'longtask',
  });
});
// Index files asked for (by the page or its worker), with when.
const requested = [];
page.on('request', (request) => {
  if (request.url().includes('/search-index/')) requested.push({ at: performance.now(), path: request.url() });
});
await page.goto(`${server.url}search/`);
await page.waitForSelector('[data-search-state="done"]');
const box = page.getByRole('searchbox', { name: 'Search stories and nominations' });
await page.evaluate(() => {
  window.longTasks = [];
});
const timings = [];
const pageTimes = [];
for (const query of queries) {
  await box.fill('');
  await box.pressSequentially(query.slice(0, -1), { delay });
  await new Promise((done) => setTimeout(done, delay));
  const started = performance.now();
  await box.press(query.slice(-1));
  await page.waitForFunction((q) => document.getElementById('pp-search')?.dataset.resultsFor === q, query, {
    polling: 'raf',
  });
  const ms = Math.round(performance.now() - started);
  const inPage = Math.round(await page.evaluate((q) => window.drawnIn[q], query));
  pageTimes.push(inPage);
  const asked = requested.filter((r) => r.at >= started).length;
  const stats = await page.evaluate(() => document.getElementById('pp-search').searchStats?.ms);
  const stages = stats ? `; worker: match ${stats.match}, rank ${stats.rank}, lines ${stats.lines} ms` : '';
  // Excerpts follow the lines (a search.js that draws them together never sets this).
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
  timings.push(ms);
  const count = await page.locator('.pp-result__title a').count();
  console.log(
    `${query}: ${ms} ms to results (${inPage} ms in the page${stages}; ${count} shown, ${asked} index requests after the last key), ` +
      `excerpts ${excerpts}, ${settled} ms to filter counts`,
  );
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)];
const slowest = timings[timings.length - 1];
console.log(`median of ${timings.length}: ${median} ms (limit 50); slowest ${slowest} ms (limit 100)`);
pageTimes.sort((a, b) => a - b);
console.log(`in the page, key event to results drawn: median ${pageTimes[Math.floor(pageTimes.length / 2)]} ms, slowest ${pageTimes[pageTimes.length - 1]} ms`);
const longTasks = await page.evaluate(() => window.longTasks);
console.log(`main-thread tasks over 50 ms while typing: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`);
await browser.close();
await server.close();
