// WCAG 2.2 AA for the default theme, in headless Chromium, on every page type of the
// example site: what a UK council needs to sign the site off under the Public Sector
// Bodies Accessibility Regulations 2018.
//
// The example site (site.yaml, content/, themes/) is built with page_size 5 so that
// every listing has a page 2, and served on 127.0.0.1. Each page type is opened in a
// light and a dark colour scheme; a failure names the page, the check, and the element.
// Screenshots for a person to look at go to tests/browser/screenshots/ (not committed).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  axeViolations,
  buildExampleSite,
  headingProblems,
  htmlFiles,
  launchBrowser,
  openPage,
  serveFolder,
  urlPathOf,
} from './lib.mjs';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const TAXONOMIES = ['councils', 'services', 'practice-areas', 'tags', 'years'];
const SEARCH_QUERY = 'family';
const STORY_BUDGET = 50 * 1024;

// Built before the tests are declared, so that each page type gets its own test.
const site = await buildExampleSite({ pageSize: 5 });
const files = await htmlFiles(site.dir);
const html = new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(site.dir, f), 'utf8')])));
const isRedirect = (file) => html.get(file).includes('http-equiv="refresh"');
const settings = readSettings(site.siteYaml);
const pages = choosePages();
const byName = (name) => pages.find((p) => p.name === name);

let server;
let light;
let dark;
const requests = [];

before(async () => {
  server = await serveFolder(site.dir);
  light = await launchBrowser({ colorScheme: 'light' });
  dark = await launchBrowser({ colorScheme: 'dark' });
  for (const { context } of [light, dark]) {
    context.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  }
});

after(async () => {
  await light?.close();
  await dark?.close();
  await server?.close();
  await site.close();
});

/**
 * One page of each type: the entries that differ (largest story, a story with an
 * image, the nomination with a voice note), every section listing page, each taxonomy
 * index with a term page (and a term's page 2), every other top-level page, the 404
 * page, and the search page empty, with results and with a filter ticked.
 */
function choosePages() {
  const list = [];
  const add = (name, path, extra = {}) => list.push({ name, path, ...extra });
  const matching = (pattern) => files.filter((f) => pattern.test(f) && !isRedirect(f));
  const size = (f) => Buffer.byteLength(html.get(f));

  add('home', '');
  const stories = matching(/^stories\/[^/]+\/index\.html$/);
  const largest = stories.reduce((a, b) => (size(b) > size(a) ? b : a));
  add('story (the largest)', urlPathOf(largest), { file: largest });
  const withImage = stories.find((f) => f !== largest && html.get(f).includes('class="entry-image"'));
  if (withImage) add('story with an image', urlPathOf(withImage));
  const nominations = matching(/^nominations\/[^/]+\/index\.html$/);
  const voice = nominations.find((f) => html.get(f).includes('<audio'));
  if (voice) add('nomination with a voice note', urlPathOf(voice));
  add('nomination', urlPathOf(nominations.find((f) => f !== voice)));
  for (const section of ['stories', 'nominations']) {
    for (const f of matching(new RegExp(`^${section}/(page/\\d+/)?index\\.html$`))) {
      add(`${section} listing${f.includes('/page/') ? `, page ${f.split('/')[2]}` : ''}`, urlPathOf(f));
    }
  }
  for (const taxonomy of TAXONOMIES) {
    add(`${taxonomy} index`, `${taxonomy}/`);
    const terms = matching(new RegExp(`^${taxonomy}/[^/]+/index\\.html$`));
    if (terms[0]) add(`${taxonomy} term`, urlPathOf(terms[0]));
    const later = matching(new RegExp(`^${taxonomy}/[^/]+/page/2/index\\.html$`))[0];
    if (later) add(`${taxonomy} term, page 2`, urlPathOf(later));
  }
  // Every other page is one of a kind (about, press, feeds, the statement, the
  // submit forms and guide, ...): all of them.
  const covered = new Set(['stories', 'nominations', 'search', ...TAXONOMIES]);
  for (const f of matching(/^[^/]+\/(?:[^/]+\/)*index\.html$/)) {
    if (covered.has(f.split('/')[0])) continue;
    const path = urlPathOf(f);
    add(path.slice(0, -1), path, f.startsWith('submit/') && html.get(f).includes('id="submit-form"') ? { form: true } : {});
    if (f.startsWith('submit/') && html.get(f).includes('id="submit-form"')) {
      add(`${path.slice(0, -1)}, errors shown`, path, { form: 'errors' });
    }
  }
  add('404', '404.html');
  add('search, empty', 'search/', { search: 'empty' });
  add('search with results', `search/?q=${SEARCH_QUERY}`, { search: 'results' });
  add('search with a filter ticked', `search/?q=${SEARCH_QUERY}`, { search: 'filter' });
  return list;
}

/** The accessibility settings and language from site.yaml (a flat, known shape). */
function readSettings(yaml) {
  const block = yaml.match(/^accessibility:\n((?:[ \t]+.*\n?|\n)*)/m)?.[1] ?? '';
  const value = (key) => block.match(new RegExp(`^\\s+${key}:\\s*"?([^"\\n]*)"?\\s*$`, 'm'))?.[1] ?? '';
  const issues = block.split(/^\s+known_issues:\s*$/m)[1] ?? '';
  return {
    language: yaml.match(/^language:\s*(\S+)/m)?.[1] ?? 'en-GB',
    organisation: yaml.match(/^organisation:\s*(.+)$/m)?.[1].trim() ?? '',
    email: value('contact_email'),
    phone: value('contact_phone'),
    reviewed: value('last_reviewed'),
    knownIssues: [...issues.matchAll(/^\s+-\s+(.+)$/gm)].map((m) => m[1].trim()),
  };
}

/** Opens a page; for the search page, waits for search.js (and ticks a filter). */
async function visit(browser, entry) {
  const { page, problems } = await openPage(browser.context);
  await page.goto(server.url + entry.path);
  if (entry.form) {
    // submit.js shows the form; pressing the button with nothing filled in shows
    // the error summary and every error message.
    await page.locator('#submit-form').waitFor({ state: 'visible' });
    if (entry.form === 'errors') {
      await page.click('#submit-button');
      await page.locator('#error-summary').waitFor({ state: 'visible' });
    }
  }
  if (entry.search === 'empty') {
    await page.waitForSelector('[data-search-state="done"]');
  } else if (entry.search) {
    await page.waitForSelector(`[data-results-for="${SEARCH_QUERY}"][data-search-state="done"]`);
    if (entry.search === 'filter') {
      await page.getByRole('group', { name: 'Type' }).getByRole('checkbox').first().check();
      await page.waitForFunction(
        () => new URL(location.href).searchParams.has('type') && document.querySelector('[data-search-state="done"]'),
      );
    }
    if ((await page.locator('.pp-result').count()) === 0) problems.push(`no search results for "${SEARCH_QUERY}"`);
  }
  return { page, problems };
}

/** Elements sticking out past `width`, as short selectors, to say what to fix. */
async function overflowing(page, width) {
  return page.evaluate((limit) => {
    const name = (el) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= limit + 0.5)
      .slice(0, 5)
      .map((el) => `${el.parentElement ? `${name(el.parentElement)} > ` : ''}${name(el)}`);
  }, width);
}

/** Structure and reflow checks that need one colour scheme only. */
async function structureProblems(page) {
  const problems = (await headingProblems(page)).map((p) => `headings: ${p}`);
  // The example site is in English and Welsh: a page below /cy/ speaks Welsh.
  const welsh = new URL(page.url()).pathname.startsWith('/cy/');
  const words = welsh
    ? { lang: 'cy', menu: 'Prif ddewislen', statement: 'Datganiad hygyrchedd', statementPath: '/cy/accessibility/' }
    : { lang: settings.language, menu: 'Main', statement: 'Accessibility statement', statementPath: '/accessibility/' };
  const facts = await page.evaluate((words) => {
    const footerLink = [...document.querySelectorAll('footer a')].find((a) => a.textContent.trim() === words.statement);
    const skip = document.body.firstElementChild;
    return {
      lang: document.documentElement.lang,
      main: document.querySelectorAll('main').length,
      banner: document.querySelectorAll('body > header').length,
      contentinfo: document.querySelectorAll('body > footer').length,
      menu: [...document.querySelectorAll('nav[aria-label]')].filter((nav) => nav.getAttribute('aria-label') === words.menu).length,
      skip: skip?.matches('a.skip-link') ? skip.getAttribute('href') : null,
      skipTarget: document.getElementById('main')?.tagName,
      statement: footerLink ? new URL(footerLink.href).pathname : null,
    };
  }, words);
  if (facts.lang !== words.lang) problems.push(`lang is "${facts.lang}", expected "${words.lang}"`);
  for (const [landmark, count] of Object.entries({ main: facts.main, banner: facts.banner, contentinfo: facts.contentinfo, 'Main menu': facts.menu })) {
    if (count !== 1) problems.push(`landmarks: ${count} ${landmark} landmarks, expected 1`);
  }
  if (facts.skip !== '#main' || facts.skipTarget !== 'MAIN') {
    problems.push(`skip link: the first element is not a skip link to <main id="main"> (${facts.skip}, ${facts.skipTarget})`);
  }
  if (facts.statement !== words.statementPath) problems.push(`footer: no "${words.statement}" link to ${words.statementPath}`);

  // Reflow (WCAG 1.4.10) at 320 px, and 1280 px at 200% zoom (640 px); text resized to
  // 200% on its own (1.4.4) must not push anything sideways either.
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width) {
      problems.push(`reflow: ${scrollWidth} px wide at a ${width} px viewport; sticking out: ${(await overflowing(page, width)).join(', ')}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const zoomed = await page.evaluate(() => document.documentElement.scrollWidth);
  if (zoomed > 1280) problems.push(`text at 200%: ${zoomed} px wide; sticking out: ${(await overflowing(page, 1280)).join(', ')}`);
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  return problems;
}

describe('the example site covers every page type', () => {
  test('it has a page 2, a voice note, an image and every taxonomy', () => {
    const names = pages.map((p) => p.name);
    for (const expected of ['stories listing, page 2', 'nominations listing, page 2', 'nomination with a voice note', 'story with an image', 'about', 'accessibility', 'press', 'feeds', 'stats', '404']) {
      assert.ok(names.includes(expected), `no "${expected}" page in the example build: ${names.join(', ')}`);
    }
    for (const taxonomy of TAXONOMIES) assert.ok(names.includes(`${taxonomy} term`), `no ${taxonomy} term page`);
    assert.ok(names.some((n) => / term, page 2$/.test(n)), 'no term listing with a page 2');
  });
});

describe('every page type: axe-core WCAG 2.0–2.2 A/AA in light and dark, headings, landmarks, reflow', () => {
  for (const entry of pages) {
    test(`${entry.name} (/${entry.path})`, async () => {
      // Both schemes at once: each has its own browser, and neither keeps a core busy.
      const schemes = await Promise.all(
        [['light', light], ['dark', dark]].map(async ([scheme, browser]) => {
          const found = [];
          const { page, problems: pageProblems } = await visit(browser, entry);
          for (const violation of await axeViolations(page)) {
            for (const node of violation.nodes) found.push(`[${scheme}] axe ${violation.id} (${violation.help}): ${node}`);
          }
          if (scheme === 'light') found.push(...(await structureProblems(page)));
          found.push(...pageProblems.map((p) => `[${scheme}] ${p}`));
          await page.close();
          return found;
        }),
      );
      const problems = schemes.flat();
      assert.ok(problems.length === 0, `/${entry.path} (${entry.name}):\n  ${problems.join('\n  ')}`);
    });
  }
});

describe('keyboard', () => {
  test('the first Tab stop is the skip link, which is visible and moves focus to the main content', async () => {
    const { page } = await visit(light, byName('story (the largest)'));
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent.trim(), href: el.getAttribute('href'), onScreen: box.left >= 0 && box.top >= 0 && box.width > 50 };
    });
    assert.deepEqual(skip, { text: 'Skip to main content', href: '#main', onScreen: true });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest('main'))), 'Tab after the skip continues inside <main>');
    await page.close();
  });

  test('every control reached by Tab shows a clear focus indicator, in light and dark', async () => {
    const failures = [];
    const cases = [byName('home'), byName('stories listing, page 2'), byName('nomination with a voice note')]
      .flatMap((entry) => [['light', light, entry], ['dark', dark, entry]]);
    for (const [scheme, browser, entry] of cases) {
      const { page } = await visit(browser, entry);
      const look = () => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        // The focused text against the focus background, where that is opaque.
        const rgb = (c) => c.match(/[\d.]+/g).map(Number);
        const luminance = (c) => {
          const [r, g, b] = rgb(c).slice(0, 3).map((v) => {
            const x = v / 255;
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const bg = rgb(s.backgroundColor);
        let contrast = null;
        if (el.tagName === 'A' && (bg.length < 4 || bg[3] === 1)) {
          const [hi, lo] = [luminance(s.color), luminance(s.backgroundColor)].sort((a, b) => b - a);
          contrast = Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
        }
        return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow, background: s.backgroundColor, contrast };
      };
      // The look of each control without focus, keyed by a probe number.
      const unfocused = await page.evaluate(() =>
        [...document.querySelectorAll('a[href], button, input, select, textarea, audio[controls]')].map((el, i) => {
          el.dataset.focusProbe = String(i);
          const s = getComputedStyle(el);
          return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow, background: s.backgroundColor };
        }),
      );
      for (let i = 0; i < 30; i += 1) {
        await page.keyboard.press('Tab');
        const probe = await page.evaluate(() => document.activeElement?.dataset.focusProbe);
        if (probe === undefined) continue;
        const focused = await page.evaluate(look);
        const before = { ...unfocused[Number(probe)], contrast: focused.contrast };
        const outlineShows = !/^none|transparent|rgba\(0, 0, 0, 0\)/.test(focused.outline.split(' ').slice(2).join(' ')) &&
          !focused.outline.startsWith('none') && parseFloat(focused.outline.split(' ')[1]) >= 2;
        const changed = focused.outline !== before.outline || focused.shadow !== before.shadow || focused.background !== before.background;
        const strongEnough = outlineShows || (focused.shadow !== 'none' && focused.shadow !== before.shadow);
        const readable = focused.contrast === null || focused.contrast >= 4.5;
        if (!changed || !strongEnough || !readable) {
          const what = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 100));
          failures.push(`[${scheme}] /${entry.path}: ${what} (focused: ${JSON.stringify(focused)})`);
        }
      }
      await page.close();
    }
    assert.ok(failures.length === 0, `no visible focus indicator:\n  ${failures.join('\n  ')}`);
  });
});

describe('motion', () => {
  test('prefers-reduced-motion turns off smooth scrolling and every animation and transition', async () => {
    for (const entry of [byName('home'), byName('search with results')]) {
      const { page } = await visit(light, entry);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const moving = await page.evaluate(() => {
        const seconds = (list) => Math.max(...list.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
        const found = [];
        for (const el of document.querySelectorAll('*')) {
          for (const pseudo of [null, '::before', '::after']) {
            const s = getComputedStyle(el, pseudo);
            if ((s.animationName !== 'none' && seconds(s.animationDuration) > 0) || seconds(s.transitionDuration) > 0) {
              found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${pseudo ?? ''}`);
            }
          }
        }
        return found;
      });
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'auto');
      assert.deepEqual(moving, [], `/${entry.path} still moves with reduced motion`);
      await page.close();
    }
  });
});

describe('page patterns', () => {
  test('pagination follows the GOV.UK pattern', async () => {
    const { page } = await visit(light, byName('stories listing, page 2'));
    const nav = page.getByRole('navigation', { name: 'Pagination' });
    assert.equal(await nav.count(), 1);
    const prev = nav.getByRole('link', { name: 'Previous page', exact: true });
    const next = nav.getByRole('link', { name: 'Next page', exact: true });
    assert.equal(await prev.getAttribute('rel'), 'prev');
    assert.equal(await next.getAttribute('rel'), 'next');
    assert.equal(new URL(await prev.evaluate((a) => a.href)).pathname, '/stories/');
    const current = nav.locator('a[aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('aria-label'), 'Page 2');
    assert.ok(await current.evaluate((a) => a.closest('li')?.parentElement?.tagName === 'UL'), 'page numbers are a list');
    const numbers = await nav.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')));
    assert.ok(numbers.length >= 2 && numbers.every((n) => /^Page \d+$/.test(n)), numbers.join(', '));
    // Arrows are decoration; every link is at least 24 by 24 px (WCAG 2.5.8), ours 44.
    assert.ok(await nav.locator('svg').evaluateAll((svgs) => svgs.every((s) => s.getAttribute('aria-hidden') === 'true' && s.getAttribute('focusable') === 'false')));
    for (const box of await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON()))) {
      assert.ok(box.width >= 24 && box.height >= 24, `target ${box.width}×${box.height}`);
    }
    await page.close();

    const first = await visit(light, byName('stories listing'));
    assert.equal(await first.page.getByRole('link', { name: 'Previous page' }).count(), 0, 'no Previous on page 1');
    await first.page.close();
    const lastFile = files.filter((f) => /^stories\/page\/\d+\/index\.html$/.test(f)).sort((a, b) => parseInt(a.split('/')[2]) - parseInt(b.split('/')[2])).at(-1);
    const last = await visit(light, { path: urlPathOf(lastFile) });
    assert.equal(await last.page.getByRole('link', { name: 'Next page' }).count(), 0, 'no Next on the last page');
    await last.page.close();
  });

  test('breadcrumbs follow the GOV.UK pattern: before <main>, Home to the parent page', async () => {
    const cases = [
      [byName('story (the largest)'), ['Home', 'Stories'], ['/', '/stories/']],
      [byName('councils term'), ['Home', 'Councils'], ['/', '/councils/']],
      [byName('accessibility'), ['Home'], ['/']],
      [byName('home'), null, null],
    ];
    for (const [entry, names, paths] of cases) {
      const { page } = await visit(light, entry);
      const nav = page.getByRole('navigation', { name: 'Breadcrumb' });
      if (!names) {
        assert.equal(await nav.count(), 0, 'the home page has no breadcrumbs');
        await page.close();
        continue;
      }
      const crumbs = await nav.evaluate((el) => ({
        outsideMain: !el.closest('main') && Boolean(el.compareDocumentPosition(document.querySelector('main')) & Node.DOCUMENT_POSITION_FOLLOWING),
        list: el.querySelector(':scope > ol') !== null,
        names: [...el.querySelectorAll('ol > li > a')].map((a) => a.textContent.trim()),
        paths: [...el.querySelectorAll('ol > li > a')].map((a) => new URL(a.href).pathname),
        separators: [...el.querySelectorAll('li')].map((li) => getComputedStyle(li, '::before').content),
      }));
      assert.ok(crumbs.outsideMain, 'breadcrumbs come before <main>');
      assert.ok(crumbs.list, 'breadcrumbs are an ordered list');
      assert.deepEqual(crumbs.names, names);
      assert.deepEqual(crumbs.paths, paths);
      // Separators are drawn, not written, so screen readers do not read them out.
      assert.ok(crumbs.separators.every((c) => c === 'none' || c === '""'), crumbs.separators.join(' '));
      await page.close();
    }
  });

  test('a voice note has its player and, straight after it, the transcript', async () => {
    const { page, problems } = await visit(light, byName('nomination with a voice note'));
    const region = page.getByRole('region', { name: /^Voice note/ });
    assert.equal(await region.count(), 1, 'a section named by its "Voice note" heading');
    const player = region.locator('audio');
    assert.equal(await player.getAttribute('controls'), '');
    assert.equal(await player.getAttribute('autoplay'), null, 'never plays by itself');
    const playerBox = await player.boundingBox();
    assert.ok(playerBox && playerBox.height >= 30 && playerBox.width >= 200, `the player is visible: ${JSON.stringify(playerBox)}`);
    const transcript = region.locator('.transcript');
    const text = (await transcript.textContent()).trim();
    assert.ok(text.length > 100, 'the transcript is on the page');
    assert.equal(await region.getByRole('heading', { name: 'Transcript' }).count(), 1);
    const transcriptBox = await transcript.boundingBox();
    assert.ok(transcriptBox.y >= playerBox.y + playerBox.height && transcriptBox.y - (playerBox.y + playerBox.height) < 200, 'the transcript follows the player closely');
    const src = await player.evaluate((a) => a.currentSrc || a.querySelector('source')?.src);
    const response = await page.request.get(src);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'audio/mpeg');
    const download = region.getByRole('link', { name: 'Download the voice note' });
    assert.equal(await download.evaluate((a) => a.href), src);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the accessibility statement is generated from site.yaml and linked from every footer', async () => {
    const { page } = await visit(light, byName('accessibility'));
    const main = page.locator('main');
    const text = (await main.textContent()).replace(/\s+/g, ' ');
    assert.ok(settings.organisation && text.includes(settings.organisation), 'names the organisation');
    assert.equal(await main.locator(`a[href="mailto:${settings.email}"]`).count(), 1, 'links the contact e-mail');
    assert.ok(text.includes(settings.phone), 'gives the contact telephone number');
    const reviewed = main.locator(`time[datetime="${settings.reviewed}"]`);
    const [year, month, day] = settings.reviewed.split('-').map(Number);
    const human = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    assert.equal((await reviewed.textContent()).trim(), human, 'says when it was last reviewed, in words');
    assert.ok(settings.knownIssues.length > 0);
    const listed = await main.locator('.known-issues li').allTextContents();
    assert.deepEqual(listed.map((s) => s.trim()), settings.knownIssues, 'lists every known issue');
    assert.match(text, /partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/);
    await page.close();

    // Every published HTML page (redirect stubs aside) links to it from its footer.
    const missing = files.filter((f) => !isRedirect(f)).filter((f) => {
      const footer = html.get(f).match(/<footer[\s\S]*?<\/footer>/)?.[0] ?? '';
      // The Welsh pages (below cy/) link to the Welsh statement, in Welsh.
      const link = f.startsWith('cy/')
        ? /<a href="\/cy\/accessibility\/">Datganiad hygyrchedd<\/a>/
        : /<a href="\/accessibility\/">Accessibility statement<\/a>/;
      return !link.test(footer);
    });
    assert.deepEqual(missing, [], 'pages without an accessibility statement link in the footer');
  });
});

describe('fast and self-contained', () => {
  test('every request made while opening every page stayed on 127.0.0.1, with no web fonts', () => {
    assert.ok(requests.length > pages.length, `only ${requests.length} requests recorded`);
    const outside = requests.filter((r) => {
      const url = new URL(r.url);
      return url.protocol !== 'data:' && (url.hostname !== '127.0.0.1' || url.origin !== server.origin);
    });
    assert.deepEqual(outside.map((r) => r.url), [], 'requests that left the site');
    assert.deepEqual(requests.filter((r) => r.type === 'font').map((r) => r.url), [], 'web fonts');
  });

  test(`the largest story page's HTML and CSS come to under ${STORY_BUDGET / 1024} KB`, async (t) => {
    const entry = byName('story (the largest)');
    server.requests.length = 0;
    const { page } = await visit(light, entry);
    await page.waitForLoadState('load');
    const sent = server.requests.filter((r) => r.path === `/${entry.path}` || /\.css(\?|$)/.test(r.path));
    const total = sent.reduce((sum, r) => sum + r.bytes, 0);
    t.diagnostic(`/${entry.path}: ${sent.map((r) => `${r.path} ${r.bytes} B`).join(', ')}; total ${total} B`);
    assert.ok(sent.some((r) => r.path.endsWith('.css')), 'the stylesheet was fetched');
    assert.ok(total < STORY_BUDGET, `${total} bytes`);
    await page.close();
  });
});

describe('screenshots', () => {
  test('home, a story, a nomination and search at 1280 and 375 px, light and dark', async (t) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const shots = [
      ['home', byName('home')],
      ['story', byName('story with an image') ?? byName('story (the largest)')],
      ['nomination', byName('nomination with a voice note') ?? byName('nomination')],
      ['search', byName('search with results')],
    ];
    await Promise.all(
      [['light', light], ['dark', dark]].map(async ([scheme, browser]) => {
        for (const [name, entry] of shots) {
          const { page } = await visit(browser, entry);
          for (const width of [1280, 375]) {
            await page.setViewportSize({ width, height: 900 });
            await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}-${scheme}.png`), fullPage: true });
          }
          await page.close();
        }
      }),
    );
    t.diagnostic(`written to ${SCREENSHOTS}`);
  });
});
