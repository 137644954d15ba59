// A site in English and Welsh (tests/fixtures/bilingual/site): axe (WCAG 2.2 AA) on
// every page type in Welsh and on the English pages that carry the language switcher,
// and the Nu HTML Checker over every page of both languages, as the example site gets
// in a11y.test.mjs and vnu.test.mjs.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  REPO_ROOT,
  RELEASE_BINARY,
  axeViolations,
  htmlFiles,
  launchBrowser,
  openPage,
  serveFolder,
  vnuMessages,
} from './lib.mjs';

// Every page type, by its path below a language's root.
const PAGES = [
  '',
  'stories/',
  'nominations/',
  'stories/kitchen-table/',
  'nominations/calm-duty-manager/',
  'councils/',
  'councils/northmoor-council/',
  'services/children/',
  'practice-areas/supervision/',
  'search/',
  'press/',
  'submit/story/',
  'submit/nomination/',
  'submit/guide/',
  'accessibility/',
  'stats/',
  'feeds/',
  'about/',
  '404.html',
];

async function buildBilingualSite() {
  if (!existsSync(RELEASE_BINARY)) {
    execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const root = await mkdtemp(join(tmpdir(), 'pp-bilingual-'));
  const site = join(root, 'site');
  await cp(join(REPO_ROOT, 'tests', 'fixtures', 'bilingual', 'site'), site, { recursive: true });
  const dir = join(root, 'public');
  execFileSync(RELEASE_BINARY, ['build', '--quiet', '--site', site, '--output', dir, '--now', '2026-03-01T12:00:00Z'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { dir, close: () => rm(root, { recursive: true, force: true }) };
}

const site = await buildBilingualSite();
let server;
let browser;

before(async () => {
  server = await serveFolder(site.dir);
  browser = await launchBrowser({ colorScheme: 'light' });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site.close();
});

describe('axe on the Welsh pages and the English pages with the switcher', () => {
  for (const language of ['cy/', '']) {
    for (const path of PAGES) {
      test(`/${language}${path}`, async () => {
        const { page, problems } = await openPage(browser.context);
        const response = await page.goto(`${server.url}${language}${path}`);
        assert.ok(response.ok() || path === '404.html', `status ${response.status()}`);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
        const switcher = await page.locator('nav.language-switcher a').evaluateAll((links) =>
          links.map((a) => ({ lang: a.lang, hreflang: a.hreflang, text: a.textContent })),
        );
        assert.deepEqual(
          switcher,
          language ? [{ lang: 'en-GB', hreflang: 'en-GB', text: 'English' }] : [{ lang: 'cy', hreflang: 'cy', text: 'Cymraeg' }],
        );
        assert.equal(await page.locator('html').getAttribute('lang'), language ? 'cy' : 'en-GB');
        assert.deepEqual(problems, []);
        await page.close();
      });
    }
  }
});

/** Warnings from checking files from disk rather than the pages (as in vnu.test.mjs). */
function expectedWarning(m) {
  // Known and left to the theme's owners: a story with two authors repeats "Written by"
  // in the facts list (entry.html, one <dt> per person). It is the same in a
  // one-language site, whose pages must stay byte for byte as they are here.
  if (/^Duplicate “dt” name “(Written by|Awdur)”/.test(m.message)) return true;
  const extract = m.extract ?? '';
  const shown = extract.slice(m.hiliteStart ?? 0, (m.hiliteStart ?? 0) + (m.hiliteLength ?? extract.length));
  return (
    /^Resource violates Content Security Policy \(meta tag\): .+ “\/(?!\/)[^”]*” blocked by/.test(m.message) ||
    (/^Inline script violates Content Security Policy/.test(m.message) && shown.includes('type="application/ld+json"'))
  );
}

test('the Nu HTML Checker finds nothing in either language', async () => {
  const files = (await htmlFiles(site.dir)).map((f) => join(site.dir, f));
  assert.ok(files.some((f) => f.includes('/cy/')), 'Welsh pages were checked');
  const messages = (await vnuMessages(files)).filter((m) => !(m.type === 'info' && m.subType === 'warning' && expectedWarning(m)));
  const shown = messages.filter((m) => m.type === 'error' || m.subType === 'warning');
  assert.deepEqual(
    shown.map((m) => `${m.url.replace(/^.*public\//, '')}:${m.lastLine} ${m.message}`),
    [],
  );
});
