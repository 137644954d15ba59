// Save-to-reload of `practice-press serve --watch`, as the writer sees it: the time from
// a story's file being written to the reloaded page, with the new words, painted in
// headless Chromium (its first contentful paint). Also timed on the way: the reload
// event reaching the page's event stream, and the search event (the new index is in).
//
// Usage: node benches/serve_reload.mjs BINARY SITE_DIR EDITS [FILE]
//   FILE: the content file to edit, relative to SITE_DIR (default: the first story by
//   name); a translation `x.cy.md` is opened at its Welsh address `/cy/stories/x/`.
// Run by benches/serve_reload.sh, which makes the corpus. Needs `npm ci` in
// tests/browser and /usr/bin/chromium. The server runs with PRACTICE_PRESS_TIMINGS=1:
// each rebuild's stages are printed at the end as medians.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { basename, join } from 'node:path';
import { launchBrowser, median, openPage } from '../tests/browser/lib.mjs';

const [binary, site, editsArg, fileArg] = process.argv.slice(2);
const edits = Number(editsArg ?? 15);
if (!binary || !site || !(edits > 0)) {
  console.error('usage: node benches/serve_reload.mjs BINARY SITE_DIR EDITS [FILE]');
  process.exit(2);
}
const file =
  fileArg ??
  join(
    'content/stories',
    readdirSync(join(site, 'content/stories'))
      .filter((name) => name.endsWith('.md') && !/\.[a-z]{2,3}\.md$/.test(name))
      .sort()[0],
  );
const language = basename(file).match(/\.([a-z]{2,3})\.md$/)?.[1];
const stem = basename(file).replace(/(\.[a-z]{2,3})?\.md$/, '');
const address = `${language ? `${language}/` : ''}stories/${stem}/`;

const now = () => performance.timeOrigin + performance.now();

// The server, its terminal lines kept with the time each arrived.
const lines = [];
const server = spawn(binary, ['serve', '--site', site, '--watch', '--port', '0'], {
  stdio: ['ignore', 'ignore', 'pipe'],
  env: { ...process.env, PRACTICE_PRESS_TIMINGS: '1' },
});
let pending = '';
server.stderr.on('data', (chunk) => {
  pending += chunk;
  const parts = pending.split('\n');
  pending = parts.pop();
  for (const line of parts) lines.push({ at: now(), line });
});
const stopServer = () => server.kill('SIGINT');
process.on('exit', stopServer);
const started = now();
const origin = await waitFor(() => {
  const found = lines.find((l) => /Serving (http:\/\/127\.0\.0\.1:\d+)\//.test(l.line));
  return found?.line.match(/(http:\/\/127\.0\.0\.1:\d+)/)[1];
}, 600_000, 'the server did not start');
console.log(`first build: ${((now() - started) / 1000).toFixed(1)} s; serving ${origin}/`);

// The event stream, as the page's own script reads it, each event with its arrival.
const events = [];
get(`${origin}/__practice_press/events`, (response) => {
  let text = '';
  response.on('data', (chunk) => {
    text += chunk;
    let end;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const name = text.slice(0, end).match(/^event: (\S+)/m)?.[1];
      if (name) events.push({ name, at: now() });
      text = text.slice(end + 2);
    }
  });
});
// The first index must be in before timing, or its event would be taken for an edit's.
await waitFor(() => events.some((e) => e.name === 'search'), 600_000, 'no first search index');

const browser = await launchBrowser();
const { page, problems } = await openPage(browser.context);
// The paint of each document the tab shows, on the machine's clock.
await page.addInitScript(() => {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') {
        window.ppPainted = performance.timeOrigin + entry.startTime;
      }
    }
  }).observe({ type: 'paint', buffered: true });
});
const connected = page.waitForResponse((r) => r.url().endsWith('/__practice_press/events'));
const opened = await page.goto(`${origin}/${address}`);
if (opened.status() !== 200) throw new Error(`${address} answered ${opened.status()}`);
await connected;
console.log(`editing ${file}, watching /${address}`);

const original = readFileSync(join(site, file), 'utf8');
const results = [];
for (let run = 0; run <= edits; run++) {
  await sleep(500);
  const marker = `reloadmark${run}x${Date.now()}`;
  const text = original.replace(/\n---\n/, `\n---\n\n${marker} edited for the reload benchmark.\n`);
  const mark = lines.length;
  const seen = events.length;
  const written = now();
  writeFileSync(join(site, file), text);
  await page.waitForFunction(
    (m) => document.body?.textContent.includes(m) && window.ppPainted,
    marker,
    { timeout: 60_000, polling: 'raf' },
  );
  const painted = await page.evaluate(() => window.ppPainted);
  const reload = await waitFor(() => events.slice(seen).find((e) => e.name === 'reload'), 60_000, 'no reload event');
  const search = await waitFor(() => events.slice(seen).find((e) => e.name === 'search'), 120_000, 'no search event');
  const after = lines.slice(mark);
  const rebuilt = after.find((l) => / changed → .* in \d+ ms/.test(l.line));
  const stages = after
    .map((l) => l.line.match(/^timing: (.+?)\s+([\d.]+) ms$/))
    .filter(Boolean)
    .map((m) => [m[1], Number(m[2])]);
  const result = {
    painted: painted - written,
    reload: reload.at - written,
    search: search.at - written,
    rebuild: Number(rebuilt?.line.match(/in (\d+) ms/)[1] ?? NaN),
    stages,
    line: rebuilt?.line ?? '(no rebuild line)',
  };
  // The first edit after start builds the preview's caches: a warm-up, not counted.
  if (run === 0) continue;
  results.push(result);
  console.log(
    `run ${String(run).padStart(2)}: painted ${ms(result.painted)}, reload event ${ms(result.reload)}, ` +
      `server rebuild ${ms(result.rebuild)}, searchable ${ms(result.search)}  | ${result.line}`,
  );
}
writeFileSync(join(site, file), original);
await sleep(500);

const summary = (key) => {
  const values = results.map((r) => r[key]);
  return `median ${ms(median(values))} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))})`;
};
console.log(`\n${edits} saves of ${file}:`);
console.log(`write → reloaded page painted: ${summary('painted')}`);
console.log(`write → reload event:          ${summary('reload')}`);
console.log(`server rebuild (after debounce): ${summary('rebuild')}`);
console.log(`write → search event:          ${summary('search')}`);
const names = [...new Set(results.flatMap((r) => r.stages.map(([n]) => n)))];
for (const name of names) {
  const values = results.map((r) => r.stages.filter(([n]) => n === name).reduce((s, [, v]) => s + v, 0));
  console.log(`  stage ${name.padEnd(18)} median ${ms(median(values))}`);
}
if (problems.length) console.log(`page problems: ${problems.join('; ')}`);
await browser.close();
stopServer();

function ms(value) {
  return `${value.toFixed(1)} ms`;
}

function sleep(millis) {
  return new Promise((ok) => setTimeout(ok, millis));
}

async function waitFor(found, limit, message) {
  const until = now() + limit;
  for (;;) {
    const value = found();
    if (value) return value;
    if (now() > until) throw new Error(message);
    await sleep(5);
  }
}
