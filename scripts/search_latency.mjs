// Time from the last keystroke to results shown on a built site's /search/ page, in
// headless Chromium, typing each query key by key (30 ms between keys: a fast typist;
// --delay-ms 150 is closer to most people).
//
// Usage: node scripts/search_latency.mjs [--delay-ms N] SITE_DIR QUERY...
// Prints each query's time to results and to filter counts, and the median to results. Needs `npm ci` in tests/browser.

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
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({
    type: 'longtask',
  });
});
await page.goto(`${server.url}search/`);
await page.waitForSelector('[data-search-state="done"]');
const box = page.getByRole('searchbox', { name: 'Search stories and nominations' });
await page.evaluate(() => {
  window.longTasks = [];
});
const timings = [];
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
  // The facet counts follow the results; "done" is when they too describe the query.
  await page.waitForSelector('[data-search-state="done"]');
  const settled = Math.round(performance.now() - started);
  timings.push(ms);
  const count = await page.locator('.pp-result__title a').count();
  console.log(`${query}: ${ms} ms to results (${count} shown), ${settled} ms to filter counts`);
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)];
const slowest = timings[timings.length - 1];
console.log(`median of ${timings.length}: ${median} ms (limit 50); slowest ${slowest} ms (limit 100)`);
const longTasks = await page.evaluate(() => window.longTasks);
console.log(`main-thread tasks over 50 ms while typing: ${longTasks.length ? longTasks.join(', ') + ' ms' : 'none'}`);
await browser.close();
await server.close();
