// Responsive photos in a real browser, on the example site's youth justice story (a
// 3600 × 2025 illustration): the browser picks the copy that fits the screen from the
// srcset, every picture on the page loads, and the space for the picture is kept
// before it arrives (width and height), so the text does not jump.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildExampleSite, launchBrowser, openPage, serveFolder } from './lib.mjs';

const STORY = 'stories/communication-first-in-youth-justice/';

let site;
let server;

before(async () => {
  site = await buildExampleSite();
  server = await serveFolder(site.dir);
});

after(async () => {
  await server?.close();
  await site?.close();
});

/** The entry's picture as the browser chose it, once the page has loaded. */
async function chosen(contextOptions) {
  const browser = await launchBrowser(contextOptions);
  try {
    const { page, problems } = await openPage(browser.context);
    await page.goto(server.url + STORY, { waitUntil: 'load' });
    const found = await page.$eval('.entry-image img', (img) => ({
      currentSrc: img.currentSrc,
      naturalWidth: img.naturalWidth,
      complete: img.complete,
    }));
    const broken = await page.$$eval('img', (imgs) =>
      imgs.filter((img) => img.loading !== 'lazy' && (!img.complete || img.naturalWidth === 0)).map((img) => img.src),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(broken, [], 'every picture that loads at once has loaded');
    return found;
  } finally {
    await browser.close();
  }
}

test('a phone with a 2× screen gets the 800-pixel WebP', async () => {
  const found = await chosen({ viewport: { width: 400, height: 800 }, deviceScaleFactor: 2 });
  assert.match(found.currentSrc, /skatepark-at-dusk-800w\.webp$/);
  // naturalWidth is in CSS pixels once a srcset width is chosen: the column's width.
  assert.ok(found.naturalWidth > 0);
});

test('a wide 2× screen gets the 1600-pixel WebP, never the original', async () => {
  const found = await chosen({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
  assert.match(found.currentSrc, /skatepark-at-dusk-1600w\.webp$/);
  assert.ok(found.naturalWidth > 0);
});

test('the picture keeps its space before it arrives', async () => {
  const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  try {
    const { page } = await openPage(browser.context);
    // Pictures are held back until the box is measured: it must already have the
    // picture's shape.
    const held = [];
    await page.route(/\.(webp|jpg|png)$/, (route) => held.push(route));
    await page.goto(server.url + STORY, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.querySelector('.entry-image img') !== null);
    const box = await page.$eval('.entry-image img', (img) => {
      const rect = img.getBoundingClientRect();
      return { width: rect.width, height: rect.height };
    });
    assert.ok(box.width > 0, `the picture has no width: ${JSON.stringify(box)}`);
    const expected = (box.width * 2025) / 3600;
    assert.ok(Math.abs(box.height - expected) < 2, `height ${box.height}, expected about ${expected}`);
    assert.ok(held.length > 0, 'the picture was requested and held back');
    await Promise.all(held.map((route) => route.abort()));
  } finally {
    await browser.close();
  }
});
