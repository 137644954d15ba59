// Site search for practice-press: drives the markup of templates/search.html with
// our own engine (search-engine.js), which reads the index under <base path>search-index/.
//
// No framework and no outside requests. The page works as a plain GET form without
// this script; with it, results update as you type, filters narrow them, and the
// whole state lives in the URL (?q=kinship&council=Anytown+Council&sort=newest) so a
// search can be shared and Back/Forward step through it.

import { excerpt, isStaleError, openIndex, parseQuery } from './search-engine.js';

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

  // Filled in once the first results are on screen: results come first.
  let allFilters = {};
  let facetControls = new Map();
  let facetsLoading = null;
  let engine;
  try {
    engine = await openIndex(base);
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

  // Every change that needs a search bumps searchSeq and starts one at once. A search
  // that finds a newer one was asked for stops at its next download and draws
  // nothing, so the newest never waits for stale ones (downloads they share are made
  // once: the engine keeps them).
  let searchSeq = 0;
  let announceTimer = 0;
  let announceTyping = false;
  let results = null;
  let shown = 0;
  let highlight = null;
  const suggestionBox = root.querySelector('[data-suggestion]');

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
    const seq = searchSeq;
    announceTyping = typing;
    const found = await runSearch(seq);
    if (seq === searchSeq) countLater(seq, found);
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

  // What runSearch found, as facet counts: every value when nothing is searched,
  // else the disjunctive counts for the search, from the filters' bitsets.
  async function facetCountsFor(found) {
    if (found.every) return allFilters;
    if (!found.result) return {};
    try {
      return await engine.counts(found.result, state.filters);
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
      results = null;
      shown = 0;
      list.replaceChildren();
      moreButton.hidden = true;
      suggestionBox.hidden = true;
      finish(seq, query, 'Type a search term or choose a filter.');
      return { every: true };
    }

    let result;
    let page;
    try {
      result = await engine.search(state.q, {
        filters: state.filters,
        // With no words to rank by, relevance means nothing, so newest comes first.
        sort: state.sort === 'newest' || !query ? 'newest' : 'relevance',
        isStale: () => seq !== searchSeq,
      });
      // Abandoned before its documents are fetched, if a newer search was asked for.
      if (seq !== searchSeq) return {};
      page = await fetchPage(result, 0, result.highlight, () => seq !== searchSeq);
    } catch (error) {
      if (isStaleError(error) || seq !== searchSeq) return {};
      console.warn('Search failed:', error);
      finish(seq, query, 'Search failed. Please try again.');
      return {};
    }
    if (seq !== searchSeq) return {};

    results = result;
    highlight = result.highlight;
    shown = page.length;
    moreButton.hidden = shown >= result.count;
    list.replaceChildren(...page.map((doc) => resultItem(doc, Boolean(query), highlight)));
    finish(seq, query, result.typing && !result.count ? 'Keep typing to search.' : describe(result.count, query, filtered));
    suggest(seq, query, result);
    return { result };
  }

  // "Did you mean": offered when nothing is found and a word is not in the index,
  // with the closest indexed words (up to two letters different).
  async function suggest(seq, query, result) {
    suggestionBox.replaceChildren();
    suggestionBox.hidden = true;
    if (result.count || !result.unknown.length || result.typing) return;
    const fixes = await engine.suggest(result.unknown);
    if (seq !== searchSeq || fixes.every((f) => !f)) return;
    const replace = new Map(result.unknown.map((w, i) => [w, fixes[i]]));
    const fixed = parseQuery(query)
      .terms.map((t) => replace.get(t.word) || t.word)
      .join(' ');
    const link = document.createElement('a');
    const params = new URLSearchParams(location.search);
    params.set('q', fixed);
    link.href = `${location.pathname}?${params}`;
    link.textContent = fixed;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = fixed;
      state = { ...state, q: fixed };
      writeUrl(state, 'push');
      requestSearch();
      input.focus();
    });
    suggestionBox.append('Did you mean ', link, '?');
    suggestionBox.hidden = false;
    announce(`${describe(0, query, hasFilters(state.filters))} Did you mean ${fixed}?`);
  }

  // The facets, built once their data has loaded (the counts come with each search).
  function loadFacets() {
    facetsLoading ??= (async () => {
      try {
        const sets = await engine.facets();
        allFilters = await engine.counts({ matchBits: everything(engine) }, {});
        if (!Object.keys(sets).length) allFilters = {};
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

  // Only the shown results are ranked and their documents fetched, which keeps a
  // query cheap however many documents match.
  async function fetchPage(result, from, marks, isStale) {
    const numbers = await result.take(from, PAGE_SIZE, isStale);
    const docs = await Promise.all(numbers.map((n) => engine.doc(n)));
    return docs.map((doc) => ({ ...doc, marks }));
  }

  async function loadPage(seq) {
    if (!results) return null;
    const page = await fetchPage(results, shown, highlight, () => seq !== searchSeq).catch((error) => {
      if (isStaleError(error)) return null;
      throw error;
    });
    if (!page) return null;
    if (seq !== searchSeq) return null;
    shown += page.length;
    moreButton.hidden = shown >= results.count;
    return page.map((doc) => resultItem(doc, Boolean(state.q.trim()), highlight));
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

function hasFilters(filters) {
  return Object.values(filters).some((values) => values.length > 0);
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

function resultItem(doc, hasQuery, highlight) {
  const li = document.createElement('li');
  li.className = 'pp-result';

  const heading = document.createElement('h3');
  heading.className = 'pp-result__title';
  const link = document.createElement('a');
  link.href = doc.url;
  link.textContent = doc.title || doc.url;
  heading.append(link);

  const details = document.createElement('p');
  details.className = 'pp-result__meta';
  const kind = document.createElement('span');
  kind.className = 'pp-result__kind';
  kind.textContent = KIND_LABELS[doc.kind] || '';
  details.append(kind);
  if (doc.date) {
    const time = document.createElement('time');
    time.dateTime = doc.date;
    time.textContent = formatDate(doc.date);
    details.append(kind.textContent ? ' \u00b7 ' : '', time);
  }

  const text = document.createElement('p');
  text.className = 'pp-result__excerpt';
  // A match in the text shows the words around it, from anywhere in the text; a match
  // in the title alone (or browsing by filter) has nothing to highlight, so the
  // summary reads better. Text is only ever added as text nodes, never parsed as HTML.
  const parts = hasQuery && highlight ? excerpt(doc.text || '', highlight) : null;
  if (parts) {
    for (const part of parts) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        text.append(mark);
      } else {
        text.append(part.text);
      }
    }
  } else {
    text.textContent = doc.summary || '';
  }

  li.append(heading, details, text);
  return li;
}

// Every document, as a bitset: the counts before anything is searched.
function everything(engine) {
  const bits = new Uint32Array(Math.ceil(engine.total / 32));
  for (let d = 0; d < engine.total; d += 1) bits[d >>> 5] |= 1 << (d & 31);
  return bits;
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
