// Site search for practice-press: drives the markup of templates/search.html with
// Pagefind's JavaScript API from the bundle under <base path>pagefind/.
//
// No framework and no outside requests. The page works as a plain GET form without
// this script; with it, results update as you type, filters narrow them, and the
// whole state lives in the URL (?q=kinship&council=Anytown+Council&sort=newest) so a
// search can be shared and Back/Forward step through it.

const FACETS = [
  { name: 'type', legend: 'Type', labels: { story: 'Stories', nomination: 'Nominations' } },
  { name: 'council', legend: 'Council' },
  { name: 'service', legend: 'Service' },
  { name: 'practice_area', legend: 'Practice area' },
  { name: 'year', legend: 'Year', newestFirst: true },
];
const KIND_LABELS = { story: 'Story', nomination: 'Nomination' };
const PAGE_SIZE = 10;
// A screen reader hears the result count once typing pauses, not at every letter.
const ANNOUNCE_AFTER_MS = 700;
// Filter counts wait this long after a keystroke's results (see countLater).
const COUNT_AFTER_TYPING_MS = 250;

const root = document.getElementById('pp-search');
if (root) {
  start(root);
}

async function start(root) {
  const base = normaliseBase(root.dataset.basePath);
  const form = root.querySelector('form[role="search"]');
  const input = form.querySelector('input[name="q"]');
  const ui = root.querySelector('[data-search-ui]');
  const facetsBox = root.querySelector('[data-facets]');
  const clearButton = root.querySelector('[data-clear]');
  const statusBox = root.querySelector('[data-status]');
  const announcer = root.querySelector('[data-announce]');
  const sortSelect = root.querySelector('[data-sort]');
  const list = root.querySelector('[data-results]');
  const moreButton = root.querySelector('[data-more]');

  let state = readState(location.search);
  input.value = state.q;

  // Two Pagefind instances. Once Pagefind has a filter's data it counts that filter's
  // values for every result of every search, which on a large site costs several times
  // the search itself. So the results come from an instance that never loads the
  // facets, and the counts from a second one in a worker: a keystroke never waits for
  // counting. The results instance runs on the page itself: through Pagefind 1.6's
  // worker every result is copied across and later released one message at a time,
  // which on 11,000 entries tripled the time to results and now and then held a
  // search up for a second behind thousands of release messages.
  let pagefind;
  let counter;
  // Filled in once the first results are on screen: the facets' data is the largest
  // part of a first visit's download on a big site, and results come first.
  let allFilters = {};
  let facetControls = new Map();
  let facetsLoading = null;
  try {
    pagefind = await openPagefind(base, '', { onPage: true });
  } catch (error) {
    showLoadFailure(root, form, base);
    console.warn('Search could not load:', error);
    return;
  }

  // Anything typed while the index loaded wins over the URL it was loaded with.
  if (input.value !== state.q) {
    state = { ...state, q: input.value };
    writeUrl(state, 'replace');
  }

  ui.hidden = false;

  // Every change that needs a search bumps searchSeq. Only one search runs at a time:
  // a search that finds a newer one was asked for stops drawing and the newest runs
  // next, so results follow each keystroke without queueing up behind stale ones.
  let searchSeq = 0;
  let searching = false;
  let announceTimer = 0;
  let announceTyping = false;
  let results = [];
  let shown = 0;

  function syncControls() {
    sortSelect.value = state.sort;
    for (const [name, values] of facetControls) {
      const chosen = state.filters[name] || [];
      for (const [value, control] of values) {
        control.checkbox.checked = chosen.includes(value);
      }
    }
  }

  async function requestSearch({ typing = false } = {}) {
    searchSeq += 1;
    announceTyping = typing;
    if (searching) return;
    searching = true;
    try {
      let seq;
      do {
        seq = searchSeq;
        const found = await runSearch(seq);
        if (seq === searchSeq) countLater(seq, found);
      } while (seq !== searchSeq);
    } finally {
      searching = false;
    }
  }

  // The counts follow the results on their own loop, so that typing on is never held
  // up by them; like searches, only the newest is worked on.
  // While someone types, counting waits for a pause: a count cannot be stopped once it
  // runs, and one for a word half typed would take the processor from the next search.
  let toCount = null;
  let counting = false;
  let countTimer = 0;

  function countLater(seq, found) {
    toCount = { seq, found };
    clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      if (!counting) countPending();
    }, announceTyping ? COUNT_AFTER_TYPING_MS : 0);
  }

  async function countPending() {
    counting = true;
    try {
      while (toCount) {
        const { seq, found } = toCount;
        toCount = null;
        await loadFacets();
        if (seq !== searchSeq) continue;
        const counts = facetControls.size ? await facetCountsFor(found) : null;
        if (seq !== searchSeq) continue;
        if (counts) updateCounts(facetControls, counts, state.filters);
        // "done" once results, status and facet counts all describe the newest state.
        root.dataset.searchState = 'done';
      }
    } finally {
      counting = false;
    }
  }

  // What runSearch found, as facet counts: every value when nothing is chosen,
  // none when a word is on no page, else the disjunctive counts for the search.
  async function facetCountsFor(found) {
    if (found.every) return allFilters;
    if (!found.options) return {};
    try {
      return await facetCounts(found);
    } catch (error) {
      console.warn('Search filter counts failed:', error);
      return {};
    }
  }

  async function runSearch(seq) {
    const query = state.q.trim();
    const filtered = hasFilters(state.filters);
    root.dataset.searchState = 'searching';

    if (!query && !filtered) {
      results = [];
      shown = 0;
      list.replaceChildren();
      moreButton.hidden = true;
      finish(seq, query, 'Type a search term or choose a filter.');
      return { every: true };
    }

    const options = { filters: toPagefindFilters(state.filters) };
    // With no words to rank by, relevance means nothing, so newest comes first.
    if (state.sort === 'newest' || !query) {
      options.sort = { date: 'desc' };
    }
    let search;
    let page;
    let unknown;
    try {
      search = await pagefind.search(query || null, options);
      if (seq !== searchSeq || !search) return {};
      page = await fetchPage(search.results, 0);
      if (seq !== searchSeq) return {};
      unknown = await unknownWords(query, page);
    } catch (error) {
      if (seq !== searchSeq) return {};
      console.warn('Search failed:', error);
      finish(seq, query, 'Search failed. Please try again.');
      return {};
    }
    if (seq !== searchSeq) return {};

    if (unknown.length) {
      // A word that is on no page means no page matches (see unknownWords).
      results = [];
      shown = 0;
      list.replaceChildren();
      moreButton.hidden = true;
      finish(seq, query, describe(0, query, filtered));
      return {};
    }

    results = search.results;
    shown = page.length;
    moreButton.hidden = shown >= results.length;
    list.replaceChildren(...page.map(({ data }) => resultItem(data, Boolean(query))));
    finish(seq, query, describe(results.length, query, filtered));
    return { query, options };
  }

  // The facets, built once their data has loaded (the counts come with each search).
  function loadFacets() {
    facetsLoading ??= (async () => {
      try {
        counter = await openPagefind(base, '?counts', { onPage: false });
        allFilters = await counter.filters();
      } catch (error) {
        console.warn('Search filters could not load:', error);
        facetsBox.textContent = 'Filters could not be loaded.';
        return;
      }
      facetControls = buildFacets(facetsBox, allFilters);
      syncControls();
    })();
    return facetsLoading;
  }

  // Ticking a second council should widen the results, so each facet with a choice
  // shows the counts it would have without its own choice ("disjunctive" facets).
  // Otherwise ticking one value would hide all the others in its fieldset.
  // Called only while `state` is still the one searched (see countPending).
  async function facetCounts({ query, options }) {
    const filters = state.filters;
    const search = await counter.search(query || null, options);
    const counts = { ...search.filters };
    const chosenFacets = Object.keys(filters).filter((name) => filters[name].length);
    await Promise.all(
      chosenFacets.map(async (name) => {
        const others = { ...filters, [name]: [] };
        if (!query && !hasFilters(others)) {
          counts[name] = allFilters[name] || {};
          return;
        }
        const without = await counter.search(query || null, { filters: toPagefindFilters(others) });
        counts[name] = (without && without.filters[name]) || {};
      }),
    );
    return counts;
  }

  // Pagefind 1.6 answers a word it has no entry for with the longest indexed word the
  // query word begins with (meant for compound words), and ignores a word that matches
  // nothing at all. In English that turns "axolotl" into "a", found on every page, and
  // a surname into the initial of someone a story calls "Ms K", so a search for a
  // person who is not on the site would seem to find them. Here every word must be
  // found as itself, or as the start of an indexed word (someone still typing it);
  // the words that are not are returned, and then there are no results.
  const wordChecks = new Map();

  // The results about to be shown usually prove every word (each holds all of them),
  // which saves a search per word; only the words they do not show are looked up.
  async function unknownWords(query, page) {
    const words = [...new Set(query.split(/\s+/).map(foldWord).filter(Boolean))];
    const shownWords = page.flatMap(({ result, data }) => matchedWords(result, data));
    const unproven = words.filter((word) => !shownWords.some((matched) => startsLike(matched, word)));
    const found = await Promise.all(unproven.map(isIndexed));
    return unproven.filter((_, i) => !found[i]);
  }

  function isIndexed(word) {
    if (!wordChecks.has(word)) {
      const check = checkWord(word);
      // A failed check (say, the network dropped) is tried again next time.
      check.catch(() => wordChecks.delete(word));
      wordChecks.set(word, check);
    }
    return wordChecks.get(word);
  }

  async function checkWord(word) {
    // A quoted word only matches its own stem: "fostering" finds "fostered".
    const exact = await pagefind.search(`"${word}"`);
    if (exact && exact.results.length) return true;
    // Otherwise look at what the plain search matched: the start of a longer word is
    // fine ("kin" while typing "kinship"), a much shorter word ("k" for "kertesz") is not.
    const loose = await pagefind.search(word);
    if (!loose) return false;
    for (const result of loose.results.slice(0, 3)) {
      const data = await result.data();
      if (matchedWords(result, data).some((matched) => startsLike(matched, word))) return true;
    }
    return false;
  }

  // Only the shown results' fragments are fetched, which keeps a query cheap.
  async function fetchPage(all, from) {
    const slice = all.slice(from, from + PAGE_SIZE);
    const data = await Promise.all(slice.map((result) => result.data()));
    return slice.map((result, i) => ({ result, data: data[i] }));
  }

  async function loadPage(seq) {
    const page = await fetchPage(results, shown);
    if (seq !== searchSeq) return null;
    shown += page.length;
    moreButton.hidden = shown >= results.length;
    return page.map(({ data }) => resultItem(data, Boolean(state.q.trim())));
  }

  function finish(seq, query, message) {
    if (seq !== searchSeq) return;
    statusBox.textContent = message;
    announce(message);
    root.dataset.resultsFor = query;
  }

  function announce(message) {
    clearTimeout(announceTimer);
    if (!announceTyping) {
      announcer.textContent = message;
      return;
    }
    announceTimer = setTimeout(() => {
      announcer.textContent = message;
    }, ANNOUNCE_AFTER_MS);
  }

  input.addEventListener('input', () => {
    state = { ...state, q: input.value };
    // Typing replaces the history entry, so Back leaves the search rather than
    // stepping back one letter at a time.
    writeUrl(state, 'replace');
    requestSearch({ typing: true });
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: input.value };
    writeUrl(state, 'push');
    requestSearch();
  });

  facetsBox.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const chosen = new Set(state.filters[box.name] || []);
    if (box.checked) chosen.add(box.value);
    else chosen.delete(box.value);
    state = { ...state, filters: { ...state.filters, [box.name]: [...chosen] } };
    writeUrl(state, 'push');
    requestSearch();
  });

  clearButton.addEventListener('click', () => {
    state = { ...state, filters: {} };
    syncControls();
    writeUrl(state, 'push');
    requestSearch();
  });

  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value === 'newest' ? 'newest' : 'relevance' };
    writeUrl(state, 'push');
    requestSearch();
  });

  moreButton.addEventListener('click', async () => {
    const seq = searchSeq;
    const items = await loadPage(seq);
    if (!items || items.length === 0) return;
    list.append(...items);
    // Keyboard and screen-reader users land on the first new result, not at the
    // end of the page where the button was.
    items[0].querySelector('a')?.focus();
  });

  window.addEventListener('popstate', () => {
    state = readState(location.search);
    input.value = state.q;
    syncControls();
    requestSearch();
  });

  requestSearch();
}

function normaliseBase(value) {
  const base = value && value.startsWith('/') ? value : '/';
  return base.endsWith('/') ? base : `${base}/`;
}

function readState(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const { name } of FACETS) {
    const values = params.getAll(name).filter((v) => v !== '');
    if (values.length) filters[name] = [...new Set(values)];
  }
  return {
    q: params.get('q') || '',
    filters,
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
  };
}

function writeUrl(state, mode) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { name } of FACETS) {
    for (const value of state.filters[name] || []) params.append(name, value);
  }
  if (state.sort === 'newest') params.set('sort', 'newest');
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

// A Pagefind instance of its own: the same module under another address is a separate
// module with its own loaded chunks (the downloads are cached), run on the page or in
// a worker of its own.
async function openPagefind(base, instance, { onPage }) {
  const engine = await import(`${base}pagefind/pagefind.js${instance}`);
  // Record URLs already include the base path, so results must not get it twice.
  await engine.options({
    basePath: `${base}pagefind/`,
    baseUrl: '/',
    excerptLength: 24,
    excerptEllipsis: '\u2026',
    noWorker: onPage,
  });
  await engine.init();
  return engine;
}

// A word as the index compares it: lowercase, without accents or punctuation.
function foldWord(word) {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

// The words of a result that Pagefind matched: in the text, and in matched metadata.
function matchedWords(result, data) {
  const text = (data.content || '').split(/\s+/);
  const words = (data.locations || []).map((i) => text[i] || '');
  for (const field of result.matchedMetaFields || []) {
    words.push(...String((data.meta || {})[field] || '').split(/\s+/));
  }
  return words;
}

// Whether a matched word is the query word, or a form of it: it starts with the word,
// or they share all but its last two letters ("fostered" for "fosteri", "study" for
// "studi"). Parts of hyphenated words count on their own.
function startsLike(matched, word) {
  const parts = [matched, ...matched.split(/[^\p{L}\p{N}]+/u)].map(foldWord).filter(Boolean);
  const needed = Math.max(Math.min(3, word.length), word.length - 2);
  return parts.some((part) => part.startsWith(word) || commonPrefix(part, word) >= needed);
}

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function hasFilters(filters) {
  return Object.values(filters).some((values) => values.length > 0);
}

// Values within one facet widen the search (any of them); facets narrow it.
function toPagefindFilters(filters) {
  const out = {};
  for (const [name, values] of Object.entries(filters)) {
    if (values.length) out[name] = { any: values };
  }
  return out;
}

function describe(count, query, filtered) {
  const quoted = query ? ` for \u201c${query}\u201d` : '';
  const scope = filtered ? ' with the chosen filters' : '';
  if (count === 0) return `No results${quoted}${scope}.`;
  return `${count} ${count === 1 ? 'result' : 'results'}${quoted}${scope}.`;
}

// One fieldset per facet, built once: later searches only change counts and
// visibility, so a checkbox that has keyboard focus is never replaced.
function buildFacets(container, allFilters) {
  const controls = new Map();
  const fieldsets = [];
  for (const facet of FACETS) {
    const counts = allFilters[facet.name] || {};
    const values = Object.keys(counts);
    if (values.length === 0) continue;
    values.sort((a, b) =>
      facet.newestFirst ? b.localeCompare(a) : a.localeCompare(b, undefined, { sensitivity: 'base' }),
    );
    if (facet.name === 'type') values.sort((a, b) => order(a) - order(b));

    const fieldset = document.createElement('fieldset');
    fieldset.className = 'pp-facet';
    const legend = document.createElement('legend');
    legend.textContent = facet.legend;
    const ul = document.createElement('ul');
    ul.className = 'pp-facet__list';
    const valueControls = new Map();
    for (const value of values) {
      const li = document.createElement('li');
      const label = document.createElement('label');
      const checkbox = document.createElement('input');
      checkbox.type = 'checkbox';
      checkbox.name = facet.name;
      checkbox.value = value;
      const text = document.createElement('span');
      text.textContent = (facet.labels && facet.labels[value]) || value;
      const count = document.createElement('span');
      count.className = 'pp-facet__count';
      label.append(checkbox, ' ', text, ' ', count);
      li.append(label);
      ul.append(li);
      valueControls.set(value, { checkbox, count, item: li });
    }
    fieldset.append(legend, ul);
    fieldsets.push(fieldset);
    controls.set(facet.name, valueControls);
  }
  container.replaceChildren(...fieldsets);
  return controls;
}

function order(type) {
  return type === 'story' ? 0 : type === 'nomination' ? 1 : 2;
}

function updateCounts(controls, counts, chosenFilters) {
  for (const [name, values] of controls) {
    const facetCounts = (counts && counts[name]) || {};
    const chosen = chosenFilters[name] || [];
    for (const [value, control] of values) {
      const n = facetCounts[value] || 0;
      control.count.textContent = `(${n})`;
      // A value with no results is hidden unless it is ticked, so it can be unticked.
      control.item.hidden = n === 0 && !chosen.includes(value) && !control.checkbox.matches(':focus');
    }
  }
}

function resultItem(data, hasQuery) {
  const meta = data.meta || {};
  const li = document.createElement('li');
  li.className = 'pp-result';

  const heading = document.createElement('h3');
  heading.className = 'pp-result__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = meta.title || data.url;
  heading.append(link);

  const details = document.createElement('p');
  details.className = 'pp-result__meta';
  const kind = document.createElement('span');
  kind.className = 'pp-result__kind';
  kind.textContent = KIND_LABELS[meta.kind] || '';
  details.append(kind);
  if (meta.date) {
    const time = document.createElement('time');
    time.dateTime = meta.date;
    time.textContent = formatDate(meta.date);
    details.append(kind.textContent ? ' \u00b7 ' : '', time);
  }

  const text = document.createElement('p');
  text.className = 'pp-result__excerpt';
  // A match in the body shows the excerpt around it; a match in the title alone
  // (or browsing by filter) has nothing to highlight, so the summary reads better.
  if (hasQuery && data.excerpt && data.excerpt.includes('<mark>')) {
    appendExcerpt(text, data.excerpt);
  } else {
    text.textContent = meta.summary || data.plain_excerpt || '';
  }

  li.append(heading, details, text);
  return li;
}

// Pagefind's excerpt is page text with < and > escaped and matches wrapped in
// <mark>. It is rebuilt from text nodes, so no page text is ever parsed as HTML.
function appendExcerpt(element, excerpt) {
  let mark = null;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      mark = document.createElement('mark');
      element.append(mark);
    } else if (part === '</mark>') {
      mark = null;
    } else if (part) {
      (mark || element).append(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    }
  }
}

function formatDate(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const lang = document.documentElement.lang || 'en-GB';
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return iso;
  }
}

function showLoadFailure(root, form, base) {
  const message = document.createElement('p');
  message.className = 'pp-search__error';
  message.setAttribute('role', 'alert');
  message.append('Search could not be loaded. You can still browse ');
  const links = [
    ['stories/', 'stories'],
    ['nominations/', 'nominations'],
    ['councils/', 'councils'],
    ['services/', 'services'],
    ['practice-areas/', 'practice areas'],
    ['years/', 'years'],
  ];
  links.forEach(([path, text], i) => {
    const a = document.createElement('a');
    a.href = `${base}${path}`;
    a.textContent = text;
    message.append(a, i === links.length - 2 ? ' and ' : i === links.length - 1 ? '.' : ', ');
  });
  form.after(message);
  root.dataset.searchState = 'failed';
}
