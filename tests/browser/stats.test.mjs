// The facts and figures page (/stats/) in headless Chromium: axe-core and the Nu HTML
// Checker find nothing, the charts stay readable at 400% zoom and in a forced-colours
// (Windows contrast) theme, and the CSV download holds the figures the tables show.
//
// a11y.test.mjs and vnu.test.mjs cover /stats/ with every other page too; this file
// checks what only a chart page has, and can be run on its own:
//   node --test tests/browser/stats.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { axeViolations, buildExampleSite, launchBrowser, openPage, serveFolder, vnuMessages } from './lib.mjs';

let site;
let server;
let browser;

before(async () => {
  site = await buildExampleSite();
  server = await serveFolder(site.dir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.close();
});

test('axe-core finds no WCAG 2.2 A/AA problem, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems } = await openPage(browser.context);
    await page.emulateMedia({ colorScheme });
    await page.goto(`${server.url}stats/`);
    assert.deepEqual(await axeViolations(page), [], colorScheme);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the Nu HTML Checker finds nothing wrong', async () => {
  const messages = await vnuMessages([join(site.dir, 'stats', 'index.html')]);
  // Checked from file:, the page's CSP matches nothing: vnu.test.mjs explains this one.
  const real = messages.filter(
    (m) => !(m.type === 'info' && m.subType !== 'warning')
      && !/^Resource violates Content Security Policy \(meta tag\)/.test(m.message)
      && !(/^Inline script violates Content Security Policy/.test(m.message) && (m.extract ?? '').includes('ld+json')),
  );
  assert.deepEqual(real, []);
});

test('each chart is one image named by its title and described, beside its table', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${server.url}stats/`);
  const images = page.getByRole('img', { name: /^Published stories and nominations by / });
  assert.equal(await images.count(), 4);
  const described = await page.$$eval('svg.chart', (charts) =>
    charts.map((c) => document.getElementById(c.getAttribute('aria-labelledby').split(' ')[1])?.textContent ?? ''),
  );
  for (const text of described) assert.match(text, /^Bar chart with \d+ /);
  assert.equal(await page.getByRole('table').count(), 4);
  await page.close();
});

test('at 400% zoom (320 CSS px) nothing scrolls sideways and chart text is larger than at 100%', async () => {
  const { page } = await openPage(browser.context);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}stats/`);
  const labelHeight = () => page.$eval('svg.chart .chart-label', (t) => t.getBoundingClientRect().height);
  const atFull = await labelHeight();
  // 1280 px at 400% is a 320 CSS px viewport with the same device pixels per CSS px x4.
  await page.setViewportSize({ width: 320, height: 900 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > 320.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
  );
  assert.ok(scrollWidth <= 320, `page is ${scrollWidth} px wide at 320 px: ${wide.join(', ')}`);
  const atZoom = (await labelHeight()) * 4;
  assert.ok(atZoom > atFull * 1.5, `chart label ${atZoom} device px at 400% against ${atFull} at 100%`);
  await page.close();
});

test('in a forced-colours theme the bars take the text colour and nominations keep their stripes', async () => {
  const { page } = await openPage(browser.context);
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${server.url}stats/`);
  const colours = await page.evaluate(() => {
    const style = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
    return {
      text: getComputedStyle(document.body).color,
      story: style('svg.chart .chart-bar--story', 'fill'),
      nomination: style('svg.chart .chart-bar--nomination', 'fill'),
      stripe: style('svg.chart .chart-stripe', 'fill'),
      stripeBack: style('svg.chart .chart-stripe-back', 'fill'),
      label: style('svg.chart .chart-label', 'fill'),
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
  assert.equal(colours.story, colours.text);
  assert.equal(colours.label, colours.text);
  assert.equal(colours.stripe, colours.text);
  assert.match(colours.nomination, /^url\(/);
  assert.notEqual(colours.stripeBack, colours.stripe);
  await page.close();
});

test('the CSV download holds the figures of the tables, row for row', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${server.url}stats/`);
  const rows = await page.$$eval('table.stats-table', (tables) =>
    tables.flatMap((table) => {
      const grouping = table.querySelector('thead th').textContent.trim();
      return [...table.querySelectorAll('tbody tr')].map((tr) =>
        [grouping, tr.querySelector('th').textContent.trim(), ...[...tr.querySelectorAll('td')].map((td) => td.textContent.trim())].join(','),
      );
    }),
  );
  const href = await page.getByRole('link', { name: /Download these figures/ }).getAttribute('href');
  const response = await page.request.get(new URL(href, server.url).href);
  assert.equal(response.status(), 200);
  const csv = (await response.text()).split('\r\n').filter(Boolean);
  assert.equal(csv[0], 'Grouping,Name,Stories,Nominations,Total');
  // The example site's names hold no comma or quote, so each CSV line is the row as is.
  assert.deepEqual(csv.slice(1), rows);
  const onDisk = await readFile(join(site.dir, 'stats', 'figures.csv'), 'utf8');
  assert.equal(onDisk.split('\r\n').filter(Boolean).length, rows.length + 1);
  await page.close();
});
