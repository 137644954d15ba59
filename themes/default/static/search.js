// Site search for practice-press: drives the markup of templates/search.html with
// our own engine (search-engine.js), which reads the index under the address the page
// gives in `data-index` (one index per language on a bilingual site). The engine runs
// in a Web Worker (search-worker.js), so a long ranking never holds up typing; this
// file only talks to it and draws.
//
// Every word shown comes from the page (the theme's Fluent files, rendered into the
// hidden <div data-search-strings> of search.html), so this file has no English of its own.
//
// No framework and no outside requests. The page works as a plain GET form without
// this script; with it, results update as you type, filters narrow them, and the
// whole state lives in the URL (?q=kinship&council=Anytown+Council&sort=newest) so a
// search can be shared and Back/Forward step through it.

import { connect, Stale } from './search-client.js';
import { loadStrings } from './search-strings.js';

const FACETS = [
  { name: 'type', labels: { story: 'facet-story', nomination: 'facet-nomination' } },
  { name: 'council' },
  { name: 'service' },
  { name: 'practice_area' },
  { name: 'year', newestFirst: true },
];
const KIND_LABELS = { story: 'kind-story', nomination: 'kind-nomination' };
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
  const indexUrl = normaliseBase(root.dataset.index || `${base}search-index/`);
  const words = loadStrings(root.querySelector('[data-search-strings]'), document.documentElement.lang);
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
    engine = await connect(indexUrl);
  } catch (error) {
    showLoadFailure(root, form);
    console.warn('Search could not load:', error);
    return;
  }

  // Anything typed while the index loaded wins over the URL it was loaded with.
  if (input.value !== state.q) {
    state = { ...state, q: input.value };
    writeUrl(state, 'replace');
  }

  ui.hidden = false;

  // Every change that needs a search bumps searchSeq and sends it at once. The engine
  // works only on the newest: an older search stops at its next download or pause and
  // answers "stale", and nothing is drawn for it.
  let searchSeq = 0;
  let announceTimer = 0;
  let announceTyping = false;
  let shown = 0;
  let count = 0;
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
  // While someone types, counting waits for a pause: a count for a word half typed
  // would take the processor from the next search.
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
        const counts = facetControls.size ? await facetCountsFor(seq, found) : null;
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
  async function facetCountsFor(seq, found) {
    if (found.every) return allFilters;
    if (!found.result) return {};
    try {
      return await engine.call('counts', { seq, filters: state.filters });
    } catch (error) {
      if (!(error instanceof Stale)) console.warn('Search filter counts failed:', error);
      return {};
    }
  }

  async function runSearch(seq) {
    const query = state.q.trim();
    const filtered = hasFilters(state.filters);
    root.dataset.searchState = 'searching';

    if (!query && !filtered) {
      shown = 0;
      list.replaceChildren();
      moreButton.hidden = true;
      suggestionBox.hidden = true;
      finish(seq, query, words.text('search-start'));
      return { every: true };
    }

    let result;
    try {
      result = await engine.call('search', {
        seq,
        query: state.q,
        filters: state.filters,
        // With no words to rank by, relevance means nothing, so newest comes first.
        sort: state.sort === 'newest' || !query ? 'newest' : 'relevance',
      });
    } catch (error) {
      if (error instanceof Stale || seq !== searchSeq) return {};
      console.warn('Search failed:', error);
      finish(seq, query, words.text('search-failed'));
      return {};
    }
    if (seq !== searchSeq) return {};
    // For scripts/search_latency.mjs: where the worker's time went.
    root.searchStats = result.stats;

    count = result.count;
    shown = result.lines.length;
    moreButton.hidden = shown >= count;
    const items = result.lines.map((line) => resultItem(line, words));
    list.replaceChildren(...items);
    finish(seq, query, result.typing && !count ? words.text('search-keep-typing') : describe(words, count, query, filtered));
    if (query) fillExcerpts(seq, 0, items);
    suggest(seq, query, result);
    return { result: true };
  }

  // Each result first shows its summary; once its text has arrived, the words around
  // the match replace it. A result whose text does not hold the words (a title match)
  // keeps its summary.
  async function fillExcerpts(seq, from, items) {
    let all;
    try {
      all = await engine.call('excerpts', { seq, from });
    } catch (error) {
      if (!(error instanceof Stale)) console.warn('Search excerpts failed:', error);
      return;
    }
    if (seq !== searchSeq) return;
    all.forEach((parts, i) => {
      if (parts && items[i]) showExcerpt(items[i].querySelector('.pp-result__excerpt'), parts);
    });
    root.dataset.excerptsFor = state.q.trim();
  }

  // "Did you mean": offered when nothing is found and a word is not in the index,
  // with the closest indexed words (up to two letters different).
  async function suggest(seq, query, result) {
    suggestionBox.replaceChildren();
    suggestionBox.hidden = true;
    if (result.count || !result.unknown.length || result.typing) return;
    let fixed;
    try {
      fixed = await engine.call('suggest', { query, unknown: result.unknown });
    } catch {
      return;
    }
    if (seq !== searchSeq || !fixed) return;
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
    const [before, after] = words.around('search-did-you-mean', 'query');
    suggestionBox.append(before, link, after);
    suggestionBox.hidden = false;
    announce(`${describe(words, 0, query, hasFilters(state.filters))} ${before}${fixed}${after}`);
  }

  // The facets, built once their data has loaded (the counts come with each search).
  function loadFacets() {
    facetsLoading ??= (async () => {
      try {
        allFilters = await engine.call('everything');
      } catch (error) {
        console.warn('Search filters could not load:', error);
        facetsBox.textContent = words.text('search-filters-failed');
        return;
      }
      facetControls = buildFacets(facetsBox, allFilters, words);
      syncControls();
    })();
    return facetsLoading;
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
    const from = shown;
    let lines;
    try {
      lines = await engine.call('more', { seq, from });
    } catch (error) {
      if (!(error instanceof Stale)) console.warn('Search failed:', error);
      return;
    }
    if (seq !== searchSeq || lines.length === 0) return;
    const items = lines.map((line) => resultItem(line, words));
    shown += items.length;
    moreButton.hidden = shown >= count;
    list.append(...items);
    if (state.q.trim()) fillExcerpts(seq, from, items);
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

/** A path ending in "/", from a data attribute; "/" when there is none. */
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

/** The status line: how many results, for what, and whether filters narrowed them. */
function describe(words, count, query, filtered) {
  const key = `search-count${query ? '-for' : ''}${filtered ? '-filtered' : ''}`;
  return words.count(key, count, { query });
}

// One fieldset per facet, built once: later searches only change counts and
// visibility, so a checkbox that has keyboard focus is never replaced.
function buildFacets(container, allFilters, words) {
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
    legend.textContent = words.text(`facet-${facet.name.replace('_', '-')}`);
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
      text.textContent = facet.labels && facet.labels[value] ? words.text(facet.labels[value]) : value;
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

/** One result as its line shows it: title, kind, date and summary. */
function resultItem(line, words) {
  const li = document.createElement('li');
  li.className = 'pp-result';

  const heading = document.createElement('h3');
  heading.className = 'pp-result__title';
  const link = document.createElement('a');
  link.href = line.url;
  link.textContent = line.title || line.url;
  heading.append(link);

  const details = document.createElement('p');
  details.className = 'pp-result__meta';
  const kind = document.createElement('span');
  kind.className = 'pp-result__kind';
  kind.textContent = KIND_LABELS[line.kind] ? words.text(KIND_LABELS[line.kind]) : '';
  details.append(kind);
  if (line.date) {
    const time = document.createElement('time');
    time.dateTime = line.date;
    time.textContent = formatDate(line.date);
    details.append(kind.textContent ? ' \u00b7 ' : '', time);
  }

  const text = document.createElement('p');
  text.className = 'pp-result__excerpt';
  text.textContent = line.summary || '';
  li.append(heading, details, text);
  if (line.lang) markLanguage(li, line.lang, words);
  return li;
}

// An entry not translated into the page's language is found in its own words: its
// title and text say which language they are in (for screen readers' voices), and a
// note says so in the page's language, as the listings do.
function markLanguage(li, lang, words) {
  const heading = li.querySelector('.pp-result__title');
  heading.lang = lang;
  heading.querySelector('a').hreflang = lang;
  li.querySelector('.pp-result__excerpt').lang = lang;
  const key = `only-in:${lang}`;
  const note = words.text(key);
  if (note === key) return;
  const p = document.createElement('p');
  p.className = 'pp-result__language';
  p.textContent = note;
  li.append(p);
}

// The words around a match, from anywhere in the text, with the matched words marked.
// Text is only ever added as text nodes, never parsed as HTML.
function showExcerpt(paragraph, parts) {
  const nodes = parts.map((part) => {
    if (!part.mark) return part.text;
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    return mark;
  });
  paragraph.replaceChildren(...nodes);
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

// The page's own message, with links to browse everything search would have found.
function showLoadFailure(root, form) {
  const message = root.querySelector('[data-search-failed] > *');
  if (message) form.after(message.cloneNode(true));
  root.dataset.searchState = 'failed';
}
