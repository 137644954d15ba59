// The "Share a story" and "Nominate a colleague" forms: check each answer as
// `practice-press check` would, and make the markdown file to download or e-mail.
//
// There is no server: everything happens in this page, and nothing is sent anywhere
// until the writer opens their own e-mail. The site's lists (services, practice areas,
// councils, word limits) arrive in the form's data-submit-settings attribute.
//
// The text rules are ports of the Rust ones, so a file this form accepts passes
// `check`. Each port says where it differs from the original, and why that is safe.

// ---------------------------------------------------------------------------------------
// Character classes shared by the ports.

// Rust's `char::is_alphanumeric`: Alphabetic or Numeric.
const ALNUM = /[\p{Alphabetic}\p{N}]/u;
// Rust regex `\w` with Unicode: Alphabetic, marks, decimal digits, connector punctuation
// and joiners. (JavaScript's own \w is ASCII only.)
const W = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';

function isAlnum(ch) {
  return ch !== undefined && ALNUM.test(ch);
}

/** The character (code point) that ends just before index `i`. */
function charBefore(text, i) {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

/** The character (code point) that starts at index `i`. */
function charAt(text, i) {
  if (i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i));
}

// ---------------------------------------------------------------------------------------
// Word count: a port of src/validate/words.rs.
//
// The Rust counter walks the markdown as a parser sees it. This one reaches the same
// count for what writers type in a plain text box: HTML comments, other HTML tags,
// images and link addresses are removed, list and heading markers are dropped, and a
// word is a run of non-space characters holding a letter or a digit. It differs on
// markdown that a form's writer is unlikely to type: HTML entities (`&amp;` counts as a
// word here, as nothing in Rust), backslash escapes, reference-style links and
// footnote markers. A nomination within the limits by a few words either way is still
// checked by `check` itself before publication.

export function countWords(markdown) {
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, ' ');
  let words = 0;
  for (const token of text.split(/\s+/u)) {
    if (/[\p{L}\p{N}]/u.test(token)) words += 1;
  }
  return words;
}

// ---------------------------------------------------------------------------------------
// Personal data: a port of src/validate/personal_data.rs.
//
// The same five finders in the same order of precedence (e-mail, NHS number, National
// Insurance number, telephone, postcode), with the same boundaries and checks. Indices
// here are UTF-16 positions rather than bytes, which changes nothing found. Rust's
// `\w` is spelled out as W above, since JavaScript's is ASCII only.

// Every word this script shows comes from the theme's translation files, in the page's
// language, through the form's settings (src/render/submit_words.rs): the script has no
// English of its own.
let WORDS = {};

/** The message `id` with its `{name}` values filled in, starting with a capital. A
 * message that depends on a number of words picks its plural form for the page's
 * language from `values.words`. */
function say(id, values = {}) {
  let text = WORDS[id];
  if (text && typeof text === 'object') {
    const category = new Intl.PluralRules(document.documentElement.lang || 'en').select(values.words ?? 0);
    text = text[category] ?? text.other;
  }
  if (typeof text !== 'string') return id;
  const filled = text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

function numberMayStartAfter(before) {
  if (before === undefined) return true;
  return !(isAlnum(before) || '+-.,/£$€@'.includes(before));
}

function numberMayEndBefore(text, i) {
  const c = charAt(text, i);
  if (c === undefined) return true;
  if (isAlnum(c)) return false;
  if ('.,-/'.includes(c)) return !/[0-9]/.test(text[i + 1] ?? '');
  return true;
}

function wordMayStartAfter(before) {
  return !isAlnum(before);
}

function wordMayEndBefore(text, i) {
  return !isAlnum(charAt(text, i));
}

/** Like Rust's after_word: the first index past the word that starts at `start`. */
function afterWord(text, start, isWordChar = isAlnum) {
  let end = start;
  while (end < text.length) {
    const c = charAt(text, end);
    end += c.length;
    if (!isWordChar(c)) break;
  }
  return end;
}

function findBounded(text, pattern, bounds, accept) {
  const found = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let from = 0;
  while (from < text.length) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (bounds.start(charBefore(text, start)) && bounds.end(text, end) && accept(m[0])) {
      found.push([start, end]);
      from = end;
    } else {
      from = afterWord(text, start);
    }
  }
  return found;
}

const NUMBER = { start: numberMayStartAfter, end: numberMayEndBefore };
const WORD = { start: wordMayStartAfter, end: wordMayEndBefore };

const EMAIL = new RegExp(`[${W.slice(1, -1)}.%+'-]*${W}@(?:${W}(?:[${W.slice(1, -1)}-]*${W})?\\.)+\\p{Alphabetic}{2,}`, 'gu');

function findEmails(text) {
  if (!text.includes('@')) return [];
  const found = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = m[0];
    const trimmed = local.replace(/^[._'\-+%]+/, '');
    found.push([m.index + (local.length - trimmed.length), m.index + local.length]);
  }
  return found;
}

const PHONE_SEPARATORS = [' ', '-', '\u00a0'];

function digitRun(text, from) {
  let n = 0;
  while (from + n < text.length && text[from + n] >= '0' && text[from + n] <= '9') n += 1;
  return n;
}

function skipSeparator(text, pos) {
  const sep = PHONE_SEPARATORS.find((s) => text.startsWith(s, pos));
  return sep === undefined ? null : pos + sep.length;
}

function stripCountryCode(text, start) {
  const prefix = ['+44', '0044'].find((p) => text.startsWith(p, start));
  if (!prefix) return null;
  let pos = start + prefix.length;
  pos = skipSeparator(text, pos) ?? pos;
  if (text.startsWith('(0)', pos)) {
    pos += 3;
    pos = skipSeparator(text, pos) ?? pos;
  }
  return /[0-9]/.test(text[pos] ?? '') ? pos : null;
}

function isUkNumber(national) {
  if (national.length < 2 || national[0] !== '0') return false;
  switch (national[1]) {
    case '1':
    case '8':
      return national.length === 10 || national.length === 11;
    case '2':
    case '3':
    case '5':
    case '7':
    case '9':
      return national.length === 11;
    default:
      return false;
  }
}

function phoneAt(text, start) {
  let national = '';
  let pos = start;
  let shortGroupAllowed = false;
  const after = stripCountryCode(text, start);
  if (after !== null) {
    national = '0';
    pos = after;
    shortGroupAllowed = true;
    if (text[pos] === '0') return null;
  } else if (text[start] === '(') {
    const digits = digitRun(text, start + 1);
    if (digits < 3 || digits > 6 || text[start + 1] !== '0') return null;
    national = text.slice(start + 1, start + 1 + digits);
    pos = start + 1 + digits;
    if (text[pos] !== ')') return null;
    pos += 1;
    pos = skipSeparator(text, pos) ?? pos;
  } else if (text[start] !== '0') {
    return null;
  }
  let best = null;
  for (;;) {
    const digits = digitRun(text, pos);
    const longEnough = digits >= 3 || (shortGroupAllowed && digits >= 2);
    if (digits === 0 || !longEnough || national.length + digits > 11) break;
    national += text.slice(pos, pos + digits);
    pos += digits;
    shortGroupAllowed = false;
    if (isUkNumber(national) && numberMayEndBefore(text, pos)) best = pos;
    const next = skipSeparator(text, pos);
    if (next !== null && /[0-9]/.test(text[next] ?? '')) pos = next;
    else break;
  }
  return best;
}

function findPhones(text) {
  const found = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const end = (c === '0' || c === '+' || c === '(') && numberMayStartAfter(charBefore(text, i)) ? phoneAt(text, i) : null;
    if (end !== null) {
      found.push([i, end]);
      i = end;
    } else {
      i += 1;
    }
  }
  return found;
}

const POSTCODE = new RegExp(
  'GIR[\\x20\\xA0]?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])[\\x20\\xA0]?[0-9][ABD-HJLNP-UW-Z]{2}',
  'gi',
);

function oneCase(text) {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters === letters.toUpperCase() || letters === letters.toLowerCase();
}

function findPostcodes(text) {
  return findBounded(text, POSTCODE, WORD, oneCase);
}

const NHS_NUMBER = /[0-9]{10}|[0-9]{3} [0-9]{3} [0-9]{4}|[0-9]{3}-[0-9]{3}-[0-9]{4}/g;

function nhsCheckDigitIsValid(candidate) {
  const digits = candidate.replace(/[^0-9]/g, '').split('').map(Number);
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += digits[i] * (10 - i);
  const expected = 11 - (sum % 11);
  if (expected === 11) return digits[9] === 0;
  if (expected === 10) return false;
  return digits[9] === expected;
}

function findNhsNumbers(text) {
  return findBounded(text, NHS_NUMBER, NUMBER, nhsCheckDigitIsValid);
}

const NI_NUMBER = /[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]/gi;
const NI_NEVER_ISSUED = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];

function findNiNumbers(text) {
  return findBounded(text, NI_NUMBER, WORD, (c) => !NI_NEVER_ISSUED.includes(c.slice(0, 2).toUpperCase()));
}

/** Every piece of personal data in `text`: [{ kind, start, end, text }], in order. */
export function findPersonalData(text) {
  const finders = [
    ['email', findEmails],
    ['nhs', findNhsNumbers],
    ['ni', findNiNumbers],
    ['phone', findPhones],
    ['postcode', findPostcodes],
  ];
  const accepted = [];
  for (const [kind, find] of finders) {
    for (const [start, end] of find(text)) {
      const clashes = accepted.some((m) => m.start < end && start < m.end);
      if (!clashes) accepted.push({ kind, start, end, text: text.slice(start, end) });
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------
// Anonymous names and sensitive terms: a port of src/validate/anonymity.rs.
//
// The full name in any case, or any part of three letters or more written with its
// capital, as a whole word; straight and curly apostrophes alike; any run of space
// between words; a hyphen may be an en dash with space around it. Case folding uses
// JavaScript's `i` flag, which folds simply where Rust folds fully: the two differ
// only for letters such as ß, which names do not start with.

const APOSTROPHES = "'\u2019\u2018\u02bc";
const HYPHENS = '-\u2010\u2011\u2013';
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/u;

function isWordChar(c) {
  return c !== undefined && (ALNUM.test(c) || COMBINING.test(c));
}

function escapeRegExp(text) {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** `text` as a pattern; `letter` writes each other character (escaped as it is, or
 * matching either case for the tail of a name part). */
function loosePattern(text, letter = escapeRegExp) {
  let pattern = '';
  let inSpace = false;
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      if (!inSpace) pattern += '\\s+';
      inSpace = true;
      continue;
    }
    inSpace = false;
    if (APOSTROPHES.includes(ch)) pattern += `[${APOSTROPHES}]`;
    else if (HYPHENS.includes(ch)) pattern += `\\s*[${escapeRegExp(HYPHENS)}]\\s*`;
    else pattern += letter(ch);
  }
  return pattern;
}

function trimApostrophes(text) {
  let start = 0;
  let end = text.length;
  while (start < end && APOSTROPHES.includes(text[start])) start += 1;
  while (end > start && APOSTROPHES.includes(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

function letterCount(text) {
  return [...text].filter((c) => /\p{Alphabetic}/u.test(c)).length;
}

function wholeWords(text, re) {
  const found = [];
  let from = 0;
  while (from <= text.length) {
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m || m[0].length === 0) break;
    const start = m.index;
    const end = start + m[0].length;
    if (!isWordChar(charBefore(text, start)) && !isWordChar(charAt(text, end))) {
      found.push([start, end]);
      from = end;
    } else {
      from = afterWord(text, start, isWordChar);
    }
  }
  return found;
}

/** Finds one anonymous person's name in text, as check does. */
export function nameMatcher(fullName) {
  const name = fullName.trim();
  const words = name.split(/\s+/u).filter(Boolean);
  const finders = [];
  if (words.length) finders.push(new RegExp(loosePattern(name), 'giu'));
  const parts = [];
  for (const word of words) {
    const pieces = word.split(new RegExp(`[${escapeRegExp(HYPHENS)}]`, 'u')).map(trimApostrophes);
    for (const part of [trimApostrophes(word), ...pieces]) {
      if (letterCount(part) >= 3 && !parts.includes(part)) parts.push(part);
    }
  }
  for (const part of parts) {
    const [first, ...rest] = [...part];
    const upper = first.toUpperCase();
    const capital = [...upper].length === 1 ? upper : first;
    const tail = rest.join('');
    // JavaScript has no inline (?i:…), so each letter of the tail matches both cases.
    const anyCase = loosePattern(tail, (l) => {
      const lo = l.toLowerCase();
      const up = l.toUpperCase();
      return lo === up || [...lo].length > 1 || [...up].length > 1 ? escapeRegExp(l) : `[${lo}${up}]`;
    });
    finders.push(new RegExp(escapeRegExp(capital) + anyCase, 'gu'));
  }
  return (text) => {
    const ranges = finders.flatMap((re) => wholeWords(text, re));
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const kept = [];
    for (const r of ranges) {
      if (!kept.length || r[0] >= kept[kept.length - 1][1]) kept.push(r);
    }
    return kept;
  };
}

/** Sensitive terms: any case, whole words. */
function termMatcher(term) {
  const re = new RegExp(loosePattern(term.trim()), 'giu');
  return (text) => wholeWords(text, re);
}

// ---------------------------------------------------------------------------------------
// Slugs and file names: a port of `slugify` in src/util.rs and `safe_slug` in
// src/scaffold/new.rs, so the file name never carries an anonymous person's name.

const FOLD = [
  ['àáâãäåā', 'a'], ['ÀÁÂÃÄÅĀ', 'A'], ['çćč', 'c'], ['èéêëē', 'e'], ['ÈÉÊËĒ', 'E'],
  ['ìíîïī', 'i'], ['ñń', 'n'], ['òóôõöøō', 'o'], ['ÒÓÔÕÖØŌ', 'O'], ['ùúûüū', 'u'], ['ýÿ', 'y'],
  ['ß', 'ss'], ['&', 'and'],
];

export function slugify(text) {
  let slug = '';
  let pendingHyphen = false;
  for (const original of text) {
    const entry = FOLD.find(([from]) => from.includes(original));
    for (const ch of entry ? entry[1] : original) {
      if (/[A-Za-z0-9]/.test(ch)) {
        if (pendingHyphen && slug) slug += '-';
        pendingHyphen = false;
        slug += ch.toLowerCase();
      } else if (ch !== "'" && ch !== '\u2019') {
        pendingHyphen = true;
      }
    }
  }
  return slug;
}

export function safeSlug(title, hidden, kind, date) {
  const forbidden = hidden
    .flatMap((name) => name.split(/[^\p{Alphabetic}\p{N}]/u).map(slugify))
    .filter((part) => [...part].length >= 3);
  const slug = slugify(title)
    .split('-')
    .filter((word) => word && !forbidden.includes(word))
    .join('-');
  return slug || `${kind}-${date}`;
}

// ---------------------------------------------------------------------------------------
// The file: YAML front matter and the markdown body.
//
// Every text value is written as a YAML double-quoted string, escaping what YAML does
// not allow raw there: quotation marks, backslashes, line breaks and every character
// outside YAML's printable set (control characters, U+2028/U+2029, the byte-order mark,
// unpaired surrogates). So whatever a writer types, the file reads back as they typed
// it.

export function yamlString(value) {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (
      code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 ||
      code === 0xfeff || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff
    ) {
      out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

function yamlLines(object, indent = '') {
  const lines = [];
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (!value.length) continue;
      lines.push(`${indent}${key}:`);
      for (const item of value) {
        if (typeof item === 'object') {
          const inner = yamlLines(item, `${indent}    `);
          lines.push(`${indent}  - ${inner[0].trimStart()}`, ...inner.slice(1));
        } else lines.push(`${indent}  - ${yamlValue(item)}`);
      }
    } else if (typeof value === 'object' && !(value instanceof IsoDate)) {
      lines.push(`${indent}${key}:`, ...yamlLines(value, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${yamlValue(value)}`);
    }
  }
  return lines;
}

function yamlValue(value) {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof IsoDate) return value.text;
  return yamlString(String(value));
}

/** A date written bare (2026-03-02), as the conventions show it. */
class IsoDate {
  constructor(text) {
    this.text = text;
  }
}

export function markdownFile(frontMatter, body) {
  const text = body.replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
  return `---\n${yamlLines(frontMatter).join('\n')}\n---\n\n${text}\n`;
}

// ---------------------------------------------------------------------------------------
// Reading and checking the form.

function field(id) {
  return document.getElementById(id);
}

function value(id) {
  const el = field(id);
  return el ? el.value.replace(/\s+/gu, ' ').trim() : '';
}

function checked(id) {
  return Boolean(field(id)?.checked);
}

function list(id) {
  return value(id)
    .split(',')
    .map((item) => item.trim())
    .filter((item, i, all) => item && all.indexOf(item) === i);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text) {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The people of the form: who they are and whether they are anonymous. */
function people(kind) {
  if (kind === 'story') {
    return [{ prefix: 'author', label: 'your', anonymous: checked('author-anonymous'), name: value('author-name') }];
  }
  return [
    { prefix: 'nominee', label: "your colleague's", anonymous: checked('nominee-anonymous'), name: value('nominee-name') },
    { prefix: 'nominator', label: 'your', anonymous: checked('nominator-anonymous'), name: value('nominator-name') },
  ];
}

/** Published text fields, by id, where an anonymous name must not appear. */
function publishedFields(kind) {
  const common = ['title', 'council', 'tags', 'body'];
  if (kind === 'story') return [...common, 'summary', 'author-role', 'author-name'];
  return [...common, 'nominee-role', 'nominee-organisation', 'nominee-name', 'nominator-role', 'nominator-organisation', 'nominator-name'];
}

/** The field in words, as it reads inside a sentence ("the title"). */
function fieldName(id) {
  const key = `field-${id}`;
  return typeof WORDS[key] === 'string' ? WORDS[key] : id;
}

/** Ranges of `text` where one of `names` (people named publicly) is written in full. */
function namedRanges(text, names) {
  const ranges = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      ranges.push([at, at + name.length]);
    }
  }
  return ranges;
}

/** The text a field puts in the file: the body as typed, other fields tidied. */
function fileText(id) {
  return id === 'body' ? field('body').value.replace(/\r\n?/g, '\n') : value(id);
}

function sameName(a, b) {
  const tidy = (t) => t.split(/\s+/u).filter(Boolean).join(' ').replace(/[A-Z]/g, (c) => c.toLowerCase());
  return tidy(a) === tidy(b);
}

/** Where anonymous names and sensitive terms appear in published fields.
 *
 * As in src/validate/privacy.rs, a part of an anonymous name inside the full name of
 * someone named publicly is not a leak ("Jones" in the nominator "Dee Jones" when the
 * anonymous nominee is "Sam Jones"); the full anonymous name always is. */
function leaks(kind) {
  const found = [];
  const everyone = people(kind);
  const hidden = everyone.filter((p) => p.anonymous && p.name);
  const named = everyone.filter((p) => !p.anonymous && p.name && !hidden.some((h) => h.name === p.name)).map((p) => p.name);
  for (const person of hidden) {
    const find = nameMatcher(person.name);
    for (const id of publishedFields(kind)) {
      if (id === `${person.prefix}-name` || !field(id)) continue;
      const text = fileText(id);
      const excused = namedRanges(text, named);
      const leaked = find(text).some(([start, end]) =>
        sameName(text.slice(start, end), person.name) || !excused.some(([s, e]) => s <= start && end <= e));
      if (leaked) {
        found.push({ id, message: say(person.label === 'your' ? 'leak-own' : 'leak-colleague', { field: fieldName(id) }) });
      }
    }
  }
  // check searches every published line for these, so the form does too.
  const termFields = publishedFields(kind).filter((id) => !hidden.some((p) => id === `${p.prefix}-name`));
  for (const term of list('sensitive-terms')) {
    const find = termMatcher(term);
    for (const id of termFields) {
      if (field(id) && find(fileText(id)).length) {
        found.push({ id, message: say('leak-term', { field: fieldName(id), term }) });
      }
    }
  }
  return found;
}

function personalDataProblems() {
  return findPersonalData(field('body').value).map((m) => ({
    id: 'body',
    message: say('personal-data', { kind: WORDS[`data-${m.kind}`] ?? m.kind, text: m.text }),
  }));
}

function required(errors, id) {
  if (!value(id)) errors.push({ id, message: say(`enter-${id}`) });
}

function checkLength(errors, id, max) {
  const length = [...value(id)].length;
  if (length > max) errors.push({ id, message: say(`too-long-${id}`, { max, length }) });
}

function checkDate(errors, id, optional = false) {
  const text = value(id);
  if (!text) {
    if (!optional) errors.push({ id, message: say(`enter-${id}`) });
  } else if (!isRealDate(text)) {
    errors.push({ id, message: say(`invalid-${id}`) });
  }
}

function validateStory(settings) {
  const errors = [];
  required(errors, 'author-name');
  required(errors, 'author-role');
  required(errors, 'title');
  checkLength(errors, 'title', settings.max_title_chars);
  required(errors, 'summary');
  checkLength(errors, 'summary', settings.max_summary_chars);
  required(errors, 'council');
  if (!value('service')) errors.push({ id: 'service', message: say('choose-service') });
  checkDate(errors, 'date');
  if (countWords(field('body').value) === 0) errors.push({ id: 'body', message: say('write-story') });
  const consent = document.querySelector('input[name="consent"]:checked')?.value;
  if (!consent) errors.push({ id: 'consent-yes', message: say('consent-choose') });
  if (consent === 'yes') {
    required(errors, 'consent-by');
    checkDate(errors, 'consent-date');
    checkDate(errors, 'consent-expires', true);
  }
  return errors;
}

function validateNomination(settings) {
  const errors = [];
  required(errors, 'nominee-name');
  required(errors, 'nominee-role');
  required(errors, 'nominee-organisation');
  required(errors, 'nominator-name');
  required(errors, 'nominator-role');
  required(errors, 'title');
  checkLength(errors, 'title', settings.max_title_chars);
  checkDate(errors, 'date');
  const words = countWords(field('body').value);
  if (words < settings.min_words) {
    errors.push({ id: 'body', message: say('nomination-too-short', { words, min: settings.min_words }) });
  } else if (words > settings.max_words) {
    errors.push({ id: 'body', message: say('nomination-too-long', { words, max: settings.max_words }) });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------
// Building the file from the form.

function storyFile() {
  const consent = document.querySelector('input[name="consent"]:checked')?.value === 'yes';
  const author = { name: value('author-name'), role: value('author-role'), anonymous: checked('author-anonymous') };
  const date = value('date');
  const front = {
    title: value('title'),
    date: new IsoDate(date),
    summary: value('summary'),
    council: value('council'),
    service: value('service'),
    practice_areas: [...document.querySelectorAll('input[name="practice_areas"]:checked')].map((el) => el.value),
    tags: list('tags'),
    authors: [author],
    consent: consent
      ? {
          recorded: true,
          by: value('consent-by'),
          date: new IsoDate(value('consent-date')),
          expires: value('consent-expires') ? new IsoDate(value('consent-expires')) : undefined,
        }
      : { recorded: false, by: value('consent-by') || undefined },
    draft: consent ? undefined : true,
    sensitive_terms: list('sensitive-terms'),
  };
  const hidden = author.anonymous ? [author.name] : [];
  return {
    name: `${safeSlug(front.title, hidden, 'story', date)}.md`,
    folder: `content/stories/${date.slice(0, 4)}/`,
    text: markdownFile(front, field('body').value),
  };
}

function nominationFile() {
  const person = (prefix, fallbackOrganisation) => ({
    name: value(`${prefix}-name`),
    role: value(`${prefix}-role`),
    organisation: value(`${prefix}-organisation`) || fallbackOrganisation,
    anonymous: checked(`${prefix}-anonymous`),
  });
  const nominee = person('nominee', '');
  const nominator = person('nominator', nominee.organisation);
  const date = value('date');
  const front = {
    title: value('title'),
    date: new IsoDate(date),
    nominee,
    nominator,
    council: value('council') || nominee.organisation,
    service: value('service') || undefined,
    sensitive_terms: list('sensitive-terms'),
  };
  const hidden = [nominee, nominator].filter((p) => p.anonymous).map((p) => p.name);
  return {
    name: `${safeSlug(front.title, hidden, 'nomination', date)}.md`,
    folder: 'content/nominations/',
    text: markdownFile(front, field('body').value),
  };
}

// ---------------------------------------------------------------------------------------
// Showing errors, GOV.UK style: a summary at the top linking to each field, and the
// message above the field, joined to it with aria-describedby.

function clearErrors(form) {
  for (const message of form.querySelectorAll('.error-message')) {
    const input = field(message.dataset.for);
    if (input) {
      input.removeAttribute('aria-invalid');
      const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => id && id !== message.id);
      if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
      else input.removeAttribute('aria-describedby');
    }
    message.closest('.form-group, .fieldset')?.classList.remove('form-group--error');
    message.remove();
  }
}

function showFieldError(id, text) {
  const input = field(id);
  if (!input) return;
  const group = id === 'consent-yes' ? field('consent') : input.closest('.form-group');
  const messageId = `${id}-error`;
  let message = field(messageId);
  if (!message) {
    message = document.createElement('p');
    message.className = 'error-message';
    message.id = messageId;
    message.dataset.for = id;
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = `${say('error-prefix')} `;
    message.append(hidden, document.createElement('span'));
    const anchor = group.querySelector('.radios') || input.closest('.checkbox') || input;
    anchor.before(message);
    const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    input.setAttribute('aria-describedby', [messageId, ...ids].join(' '));
  }
  const parts = message.lastElementChild.textContent ? [message.lastElementChild.textContent] : [];
  message.lastElementChild.textContent = [...parts, text].join('. ');
  input.setAttribute('aria-invalid', 'true');
  group.classList.add('form-group--error');
}

function showErrors(form, errors) {
  const summary = field('error-summary');
  const listEl = summary.querySelector('.error-summary-list');
  listEl.replaceChildren();
  for (const error of errors) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${error.id}`;
    link.textContent = error.message;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const input = field(error.id);
      const label = document.querySelector(`label[for="${error.id}"]`);
      (error.id === 'consent-yes' ? field('consent') : label || input)?.scrollIntoView({ block: 'start' });
      input?.focus({ preventScroll: true });
    });
    item.append(link);
    listEl.append(item);
    showFieldError(error.id, error.message);
  }
  summary.hidden = false;
  const prefix = `${say('error-prefix')} `;
  document.title = document.title.startsWith(prefix) ? document.title : `${prefix}${document.title}`;
  summary.focus();
}

// ---------------------------------------------------------------------------------------
// Live help while typing: the word count and warnings about personal data and names.

function wordCountText(kind, settings, words) {
  const values = { words, min: settings.min_words, max: settings.max_words, over: words - settings.max_words };
  if (kind !== 'nomination') return say('word-count', values);
  if (words < settings.min_words) return say('word-count-short', values);
  if (words > settings.max_words) return say('word-count-long', values);
  return say('word-count-within', values);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function liveHelp(kind, settings) {
  const body = field('body');
  const count = field('body-count');
  const live = field('body-count-live');
  const warnings = field('body-warnings');
  let shownWarnings = '';

  // The visible count follows every key; screen readers hear it once the writer pauses,
  // not after every letter.
  const announce = debounce((text) => {
    live.textContent = text;
  }, 1200);

  const updateCount = () => {
    const words = countWords(body.value);
    const text = wordCountText(kind, settings, words);
    count.textContent = text;
    const outside = kind === 'nomination' && (words < settings.min_words || words > settings.max_words);
    count.classList.toggle('word-count--outside', outside && words > 0);
    announce(text);
  };

  const updateWarnings = debounce(() => {
    const found = [...personalDataProblems(), ...leaks(kind)];
    const key = found.map((f) => f.message).join('\n');
    if (key === shownWarnings) return;
    shownWarnings = key;
    warnings.replaceChildren();
    if (!found.length) return;
    const heading = document.createElement('p');
    heading.className = 'field-warnings-title';
    heading.textContent = say('please-check');
    const items = document.createElement('ul');
    for (const f of found) {
      const item = document.createElement('li');
      item.textContent = f.message;
      items.append(item);
    }
    warnings.append(heading, items);
  }, 400);

  body.addEventListener('input', () => {
    updateCount();
    updateWarnings();
  });
  for (const id of ['title', 'summary', 'council', 'tags', 'sensitive-terms', 'author-name', 'author-role', 'nominee-name', 'nominee-role', 'nominator-name', 'nominator-role']) {
    field(id)?.addEventListener('input', updateWarnings);
  }
  for (const id of ['author-anonymous', 'nominee-anonymous', 'nominator-anonymous']) {
    field(id)?.addEventListener('change', updateWarnings);
  }
  updateCount();
}

function consentToggle() {
  const details = field('consent-details');
  const draft = field('consent-draft');
  if (!details) return;
  const update = () => {
    const choice = document.querySelector('input[name="consent"]:checked')?.value;
    details.hidden = choice !== 'yes';
    draft.hidden = choice !== 'no';
  };
  for (const radio of document.querySelectorAll('input[name="consent"]')) {
    radio.addEventListener('change', update);
  }
  update();
}

// ---------------------------------------------------------------------------------------
// The finished file: download it, or open an e-mail holding it.

let downloadUrl = null;

function showResult(file, settings) {
  const result = field('submit-result');
  field('submit-file-name').textContent = file.name;
  field('submit-file-text').textContent = file.text;
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([file.text], { type: 'text/markdown;charset=utf-8' }));
  const download = field('submit-download');
  download.href = downloadUrl;
  download.download = file.name;
  const email = field('submit-email');
  if (email && settings.email) {
    const subject = say(settings.kind === 'story' ? 'email-subject-story' : 'email-subject-nomination');
    const intro = `${say('email-intro', { file: `${file.folder}${file.name}` })}\n\n`;
    email.href = `mailto:${settings.email}?subject=${encodeURIComponent(`${subject}: ${file.name}`)}&body=${encodeURIComponent(intro + file.text)}`;
  }
  result.hidden = false;
  field('submit-result-title').focus();
}

function start() {
  const form = field('submit-form');
  if (!form) return;
  let settings;
  try {
    settings = JSON.parse(form.dataset.submitSettings || '{}');
    WORDS = settings.words || {};
  } catch {
    return; // Leave the no-JavaScript guidance and blank file in place.
  }
  const kind = settings.kind === 'nomination' ? 'nomination' : 'story';
  form.hidden = false;
  for (const id of ['date', 'consent-date']) {
    const el = field(id);
    if (el && !el.value) el.value = today();
  }
  liveHelp(kind, settings);
  consentToggle();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const errors = kind === 'story' ? validateStory(settings) : validateNomination(settings);
    errors.push(...personalDataProblems(), ...leaks(kind));
    if (errors.length) {
      field('submit-result').hidden = true;
      showErrors(form, errors);
      return;
    }
    field('error-summary').hidden = true;
    const prefix = `${say('error-prefix')} `;
    if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    showResult(kind === 'story' ? storyFile() : nominationFile(), settings);
  });
}

if (typeof document !== 'undefined') start();
