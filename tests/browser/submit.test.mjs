// The "Share a story" and "Nominate a colleague" forms in headless Chromium: the
// example site is built into a temporary folder and served on 127.0.0.1, a writer
// fills each form, and the file the form makes is put into a fixture site and
// through `practice-press check`, which must find nothing wrong with it.
//
// The text rules of submit.js are also run directly against cases from the Rust
// tests they port (words.rs, personal_data.rs, anonymity.rs, util.rs).
//
// Run: node --test tests/browser/submit.test.mjs (builds the binary if needed), or set
// PRACTICE_PRESS to a built binary.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { axeViolations, launchBrowser, openPage, serveFolder } from './lib.mjs';
import {
  countWords,
  findPersonalData,
  nameMatcher,
  safeSlug,
  slugify,
} from '../../themes/default/static/submit.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const fixtureSite = join(repo, 'tests/fixtures/submit/site');

function binary() {
  if (process.env.PRACTICE_PRESS) return process.env.PRACTICE_PRESS;
  const built = spawnSync('cargo', ['build', '--quiet', '--bin', 'practice-press'], { cwd: repo, stdio: 'inherit' });
  assert.equal(built.status, 0, 'cargo build failed');
  return join(repo, 'target/debug/practice-press');
}

/** Runs `practice-press check` on a copy of the fixture site holding `files`. */
async function checkWith(bin, files) {
  const site = await mkdtemp(join(tmpdir(), 'pp-submit-site-'));
  try {
    await cp(fixtureSite, site, { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(site, path)), { recursive: true });
      await writeFile(join(site, path), text);
    }
    const run = spawnSync(bin, ['check', '--site', site], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

// 120 words with nothing check objects to.
const NOMINATION_TEXT = `Our duty worker is the calm voice on the end of the phone when everything is going wrong. Last winter the office flooded on the busiest Monday of the year, and she moved the whole duty team into the library across the road within an hour. Nobody missed a visit.

She rang every family who was expecting us, explained what had happened and made sure that each of them knew who was coming and when. Then she stayed late to make sure the newest social worker was not carrying a worry home alone.

She never asks for thanks, and she never makes anyone feel small for asking a question. The team is braver because of her, and I would like everyone to know it. Thank you.`;

// ---------------------------------------------------------------------------------------
// The ported rules, against the Rust tests' own cases.

describe('submit.js rules match the Rust ones', () => {
  test('word count (words.rs)', () => {
    const cases = [
      ['Sam always listens to families.', 5],
      ['', 0],
      ['  \n\n\t \n', 0],
      ['Her well-being and mother-in-law matter.', 5],
      ["She didn't give up on Zoë's family.", 7],
      ['<!-- Write between 100 and 250 words about your colleague. -->\n\nShe is kind.', 3],
      ['She is <!-- say why --> kind.', 3],
      ['<!--\nGuidance line one.\nGuidance line two.\n-->\nShe is kind.\n', 3],
      ['Read [the practice guide](https://example.org/a-long/path) today.', 5],
      ['See <https://example.org/guide> now.', 3],
      ['Before ![two people talking](talk.jpg) after.', 2],
      ['# A heading\n\n- first item\n- **second** item\n\n> a quote\n\n---\n\n1. one', 9],
      ['It was un*believ*ably good.', 4],
      ['Team work - and care & attention — always.', 6],
      ['We raised £250 by 3pm in 2024.', 7],
      ['one\ntwo  \nthree\\\nfour', 4],
      ['Use `care plan` here.', 4],
      ['| Name | Role |\n|---|---|\n| A colleague | team manager |\n', 6],
      ['Łukasz and Siobhán thanked Zoë.', 5],
    ];
    for (const [text, words] of cases) assert.equal(countWords(text), words, JSON.stringify(text));
    assert.equal(countWords(NOMINATION_TEXT), 126);
  });

  test('personal data (personal_data.rs)', () => {
    const found = (text) => findPersonalData(text).map((m) => [m.kind, m.text]);
    const phones = [
      '01632 960000', '01632 960 000', '(01632) 960000', '020 7946 0000', '0207 946 0000',
      '07700 900123', '07700900123', '+44 7700 900123', '+44 (0)20 7946 0000', '+44(0)20 7946 0000',
      '+44 20 7946 0000', '+447700900123', '0044 7700 900123', '0800 123 4567', '0800 123456',
      '0114 496 0000', '01632-960000', '07700-900-123', '(020) 7946 0000', '0300 123 1234', '01632\u00a0960000',
    ];
    for (const number of phones) assert.deepEqual(found(`Call ${number} today.`), [['phone', number]], number);
    for (const text of [
      'In 2024 we met 12 families.', 'On 01/02/2024 and 2024-01-15.', 'Dated 01-02-2024.',
      'We raised £1,234,567 and £0.50.', 'At 09:30 or 14.45 or 0930.', 'Call 999 or 111 or NHS 111.',
      'Case REF0163296000012 and ABC07700900123.', 'Ref 0123-456-789-012 is closed.',
      '0 1 6 3 2 9 6 0 0 0 0', 'A 06123 456789 number and 04123 456789.', '+1 415 555 0100',
      'Code 07700 90012.', 'version 2.07700900123',
    ]) {
      assert.deepEqual(found(text).filter(([k]) => k === 'phone'), [], text);
    }
    for (const postcode of ['SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'W1A 0AX', 'GIR 0AA', 'sw1a 1aa', 'm1 1ae', 'SW1A1AA', 'B338TH', 'gir0aa']) {
      assert.deepEqual(found(`They live at ${postcode}, near the park.`), [['postcode', postcode]], postcode);
    }
    for (const text of ['We met at 3pm on the A1 road.', 'NHS 111 and the M25 motorway.', 'Y6 1st term, Year 10 2nd half.', 'QA1 1AA has Q first', 'AB1 2DEF is too long', 'AB1 2CD has C in the inward code', 'SW1A 1AI ends in I', 'Covid19 and mp3 files']) {
      assert.deepEqual(found(text).filter(([k]) => k === 'postcode'), [], text);
    }
    assert.deepEqual(found('Write to jo.bloggs@anytown.gov.uk for details.'), [['email', 'jo.bloggs@anytown.gov.uk']]);
    assert.deepEqual(found("(mary.o'neill+cases@example.org)"), [['email', "mary.o'neill+cases@example.org"]]);
    assert.deepEqual(found('It is sam@example.org.'), [['email', 'sam@example.org']]);
    assert.deepEqual(found("'jo@example.org' or _sam@example.org_"), [['email', 'jo@example.org'], ['email', 'sam@example.org']]);
    assert.deepEqual(found('zoë@example.org'), [['email', 'zoë@example.org']]);
    assert.deepEqual(found('Follow @anytowncouncil and user@localhost and a @ b.com'), []);
    assert.deepEqual(found('NHS no. 943 476 5919.'), [['nhs', '943 476 5919']]);
    assert.deepEqual(found('NHS no. 943 476 5918.').filter(([k]) => k === 'nhs'), []);
    assert.deepEqual(found('NI: AB 12 34 56 C.'), [['ni', 'AB 12 34 56 C']]);
    assert.deepEqual(found('BG123456A has a prefix never issued'), []);
    assert.deepEqual(
      found('Jo (jo@example.org, 07700 900123) lives at M1 1AE; NHS 943 476 5919.'),
      [['email', 'jo@example.org'], ['phone', '07700 900123'], ['postcode', 'M1 1AE'], ['nhs', '943 476 5919']],
    );
    const prose = 'In March 2024 Sam, a team manager at Anytown Council, supervised 12 social workers. Visits rose by 15% to 1,250 and we spent £3,400.50 by 31/03/2024 at 5:30pm. See section 4.2 of the A-Z guide (ISBN 978-0-00-000000-2) and https://example.org/page?id=12345.';
    assert.deepEqual(found(prose), []);
  });

  test('anonymous names (anonymity.rs)', () => {
    const leaks = (name, text) => nameMatcher(name)(text).map(([s, e]) => text.slice(s, e));
    assert.deepEqual(leaks("Will O'Brien", 'Will said that will o’brien and WILL O’BRIEN came.'), ['Will', 'will o’brien', 'WILL O’BRIEN']);
    assert.deepEqual(leaks('Will Smith', 'Willow will stay, but Will’s team and (Will) will not.'), ['Will', 'Will']);
    assert.deepEqual(leaks('Grace', 'grace and Grace'), ['grace', 'Grace']);
    assert.deepEqual(leaks('Anna Smith-Jones', 'Annanna Anna met Smith – Jones and JONES.'), ['Anna', 'Smith – Jones', 'JONES']);
    assert.deepEqual(leaks('Zoë Łukasz', 'zoë said Łukasz, not łukasz.'), ['Łukasz']);
  });

  test('file names (util.rs slugify, new.rs safe_slug)', () => {
    assert.equal(slugify("Family time: what \"worked\" #1 – O'Brien's idea"), 'family-time-what-worked-1-obriens-idea');
    assert.equal(slugify('Zoë & Siobhán straße'), 'zoe-and-siobhan-strasse');
    assert.equal(safeSlug('The colleague who will always listen', ['Will Smith'], 'nomination', '2026-03-02'), 'the-colleague-who-always-listen');
    assert.equal(safeSlug('Will!', ['Will Smith'], 'nomination', '2026-03-02'), 'nomination-2026-03-02');
  });
});

// ---------------------------------------------------------------------------------------
// The forms in a browser.

describe('the submit forms in Chromium', () => {
  let bin;
  let out;
  let server;
  let browser;

  before(async () => {
    bin = binary();
    out = await mkdtemp(join(tmpdir(), 'pp-submit-public-'));
    const built = spawnSync(bin, ['build', '--quiet', '--site', repo, '--output', join(out, 'public')], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    server = await serveFolder(join(out, 'public'));
    browser = await launchBrowser({ acceptDownloads: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  test('the home page and every footer link to both forms and the guide exists', async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(server.url);
    for (const path of ['submit/story/', 'submit/nomination/']) {
      assert.ok(await page.locator(`main a[href="/${path}"]`).count(), `home links to ${path}`);
      assert.ok(await page.locator(`footer a[href="/${path}"]`).count(), `footer links to ${path}`);
    }
    await page.goto(`${server.url}submit/guide/`);
    assert.equal(await page.locator('h1').textContent(), 'How to write a story or a nomination');
    assert.ok(await page.locator('main a[href="/submit/nomination/"]').count());
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a nomination: live word count, warnings, and a file that passes check', async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}submit/nomination/`);
    await page.fill('#nominee-name', 'Will Oduya');
    await page.fill('#nominee-role', 'Duty social worker');
    await page.fill('#nominee-organisation', 'Pennyford City Council');
    await page.check('#nominee-anonymous');
    await page.fill('#nominator-name', 'Kim Lowe');
    await page.fill('#nominator-role', 'Team manager');
    await page.fill('#title', 'The duty worker who will always call back');

    await page.fill('#body', 'Will is great. Ring her on 07700 900123 or write to will@example.org.');
    const count = page.locator('#body-count');
    assert.equal(await count.textContent(), 'You have 12 words. Write at least 100.');
    const warnings = page.locator('#body-warnings');
    await warnings.getByText('a telephone number (07700 900123)').waitFor();
    const text = await warnings.textContent();
    assert.match(text, /an e-mail address \(will@example\.org\)/);
    assert.match(text, /Your text contains your colleague's name, but they asked to be anonymous/);
    assert.equal(await page.locator('#body-count-live').getAttribute('aria-live'), 'polite');
    assert.equal(await warnings.getAttribute('aria-live'), 'polite');
    await page.locator('#body-count-live').getByText('You have 12 words.').waitFor();

    // The form will not make a file while the problems remain.
    await page.click('#submit-button');
    await page.locator('#error-summary').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
    assert.ok(await page.locator('#submit-result').isHidden());

    await page.fill('#body', NOMINATION_TEXT);
    assert.equal(await count.textContent(), 'You have 126 words. That is within the limit of 100 to 250.');
    await page.waitForFunction(() => document.getElementById('body-warnings').children.length === 0);

    await page.click('#submit-button');
    await page.locator('#submit-result').waitFor();
    assert.ok(await page.locator('#error-summary').isHidden());
    assert.equal(await page.evaluate(() => document.activeElement.id), 'submit-result-title');
    const name = await page.locator('#submit-file-name').textContent();
    assert.equal(name, 'the-duty-worker-who-always-call-back.md', 'no part of an anonymous name in the address');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#submit-download')]);
    assert.equal(download.suggestedFilename(), name);
    const saved = join(out, name);
    await download.saveAs(saved);
    const file = await readFile(saved, 'utf8');
    assert.match(file, /^---\ntitle: "The duty worker who will always call back"\n/);
    assert.match(file, /\n  anonymous: true\n/);

    const mailto = await page.locator('#submit-email').getAttribute('href');
    assert.ok(mailto.startsWith('mailto:stories@anytown.example?subject='), mailto);
    const body = decodeURIComponent(new URL(mailto).searchParams.get('body') ?? '');
    assert.ok(body.endsWith(file), 'the e-mail text holds the whole file');

    const checked = await checkWith(bin, { [`content/nominations/${name}`]: file });
    assert.equal(checked.status, 0, checked.output);
    assert.match(checked.output, /No problems found/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a surname shared with a named nominator is not a leak, the full name is', async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}submit/nomination/`);
    await page.fill('#nominee-name', 'Sam Jones');
    await page.fill('#nominee-role', 'Personal adviser');
    await page.fill('#nominee-organisation', 'Pennyford City Council');
    await page.check('#nominee-anonymous');
    await page.fill('#nominator-name', 'Alex Jones');
    await page.fill('#nominator-role', 'Team manager');
    await page.fill('#title', 'The personal adviser who kept the door open');
    await page.fill('#sensitive-terms', 'Kai');
    await page.fill('#body', `Kai and Sam Jones. ${NOMINATION_TEXT}`);
    const warnings = page.locator('#body-warnings');
    await warnings.getByText('contains “Kai”').waitFor();
    assert.match(await warnings.textContent(), /Your text contains your colleague's name, but they asked to be anonymous/);
    assert.doesNotMatch(await warnings.textContent(), /Your name contains/, 'Jones in Alex Jones is not a leak');
    await page.fill('#body', NOMINATION_TEXT);
    await page.waitForFunction(() => document.getElementById('body-warnings').children.length === 0);
    await page.click('#submit-button');
    await page.locator('#submit-result').waitFor();
    const file = await page.locator('#submit-file-text').textContent();
    const checked = await checkWith(bin, { 'content/nominations/the-personal-adviser-who-kept-the-door-open.md': file });
    assert.equal(checked.status, 0, checked.output);
    assert.match(checked.output, /No problems found/, checked.output);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a story with awkward text makes a file that passes check', async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}submit/story/`);
    const title = 'Family time: what "worked" #1 – it\'s O\'Brien\'s idea';
    await page.fill('#author-name', 'Nadia Brook');
    await page.fill('#author-role', 'Social worker, children in care team');
    await page.fill('#title', title);
    await page.fill('#summary', '- Starts like a list: then a colon, a \\ backslash and a tab\there.');
    await page.fill('#council', 'Pennyford City Council');
    await page.selectOption('#service', 'children');
    await page.check('text=Life story work');
    await page.fill('#tags', 'yes, null, 1.5');
    await page.fill('#body', 'We met every week for six months.\r\n\r\n## What changed\r\n\r\nHe chose what went in the box.');
    assert.equal(await page.locator('#body-count').textContent(), 'You have 16 words.');
    assert.ok(await page.locator('#consent-details').isHidden());
    await page.check('#consent-yes');
    assert.ok(await page.locator('#consent-details').isVisible());
    await page.fill('#consent-by', 'Team manager');
    await page.click('#submit-button');
    await page.locator('#submit-result').waitFor();
    const name = await page.locator('#submit-file-name').textContent();
    assert.equal(name, 'family-time-what-worked-1-its-obriens-idea.md');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#submit-download')]);
    const saved = join(out, name);
    await download.saveAs(saved);
    const file = await readFile(saved, 'utf8');
    const year = /\ndate: (\d{4})-/.exec(file)[1];
    const checked = await checkWith(bin, { [`content/stories/${year}/${name}`]: file });
    assert.equal(checked.status, 0, checked.output);
    assert.match(checked.output, /No problems found/, checked.output);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a story without consent is saved as a draft', async () => {
    const { page } = await openPage(browser.context);
    await page.goto(`${server.url}submit/story/`);
    await page.fill('#author-name', 'Nadia Brook');
    await page.fill('#author-role', 'Social worker');
    await page.fill('#title', 'Waiting for consent');
    await page.fill('#summary', 'A short summary.');
    await page.fill('#council', 'Pennyford City Council');
    await page.selectOption('#service', 'adults');
    await page.fill('#body', 'Some words of the story.');
    await page.check('#consent-no');
    assert.ok(await page.locator('#consent-draft').isVisible());
    await page.click('#submit-button');
    await page.locator('#submit-result').waitFor();
    const file = await page.locator('#submit-file-text').textContent();
    assert.match(file, /\nconsent:\n  recorded: false\ndraft: true\n/);
    const checked = await checkWith(bin, { 'content/stories/2026/waiting-for-consent.md': file });
    assert.equal(checked.status, 0, checked.output);
    await page.close();
  });

  test('an empty form gets an error summary that links to each field', async () => {
    const { page, problems } = await openPage(browser.context);
    await page.goto(`${server.url}submit/story/`);
    await page.click('#submit-button');
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    assert.match(await page.title(), /^Error: /);
    const links = summary.locator('a');
    assert.equal(await links.count(), 8);
    assert.equal(await links.first().textContent(), 'Enter your full name');
    await links.first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'author-name');
    const input = page.locator('#author-name');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.equal(await input.getAttribute('aria-describedby'), 'author-name-error author-name-hint');
    assert.equal(await page.locator('#author-name-error').textContent(), 'Error: Enter your full name');
    await summary.getByText('Say whether everyone identifiable has agreed').click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'consent-yes');

    await page.fill('#author-name', 'Nadia Brook');
    await page.click('#submit-button');
    assert.equal(await links.count(), 7, 'fixed errors go away');
    assert.equal(await page.locator('#author-name').getAttribute('aria-invalid'), null);
    assert.equal(await page.locator('#author-name-error').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('both forms pass axe, with and without errors showing', async () => {
    for (const kind of ['story', 'nomination']) {
      const { page } = await openPage(browser.context);
      await page.goto(`${server.url}submit/${kind}/`);
      assert.deepEqual(await axeViolations(page), [], `${kind} form`);
      await page.click('#submit-button');
      assert.deepEqual(await axeViolations(page), [], `${kind} form with errors`);
      await page.close();
    }
  });

  test('without JavaScript the page offers the guidance and a blank file', async () => {
    const plain = await launchBrowser({ javaScriptEnabled: false });
    try {
      const { page } = await openPage(plain.context);
      for (const kind of ['story', 'nomination']) {
        await page.goto(`${server.url}submit/${kind}/`);
        assert.ok(await page.locator('#submit-form').isHidden(), 'the form needs its script');
        const link = page.locator(`.submit-nojs a[href="/submit/${kind}-template.md"]`);
        assert.equal(await link.count(), 1);
        assert.ok(await page.locator(`.submit-nojs a[href="/submit/guide/"]`).count());
        const response = await page.request.get(`${server.url}submit/${kind}-template.md`);
        assert.equal(response.status(), 200);
        assert.match(await response.text(), /^---\n# Fill in each line/);
      }
      await page.close();
    } finally {
      await plain.close();
    }
  });
});
