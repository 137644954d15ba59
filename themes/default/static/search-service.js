// The search itself, answering search.js in messages. It runs in a Web Worker
// (search-worker.js), so ranking a word found in nearly every entry never holds up
// typing on the page; where a worker cannot start, search.js runs it on the page with
// the same messages.
//
// Only the newest search is worked on: a search message makes every earlier one stale,
// and a stale search stops at its next download or pause and answers { stale: true }.

import { excerpt, isStaleError, openIndexAt, parseQuery, staleError, warmUp } from './search-engine.js';

const PAGE_SIZE = 10;

/**
 * A message handler. `post` receives each answer: { id, value } or { id, stale: true }
 * or { id, error }.
 */
export function createService(post) {
  let index = null;
  let latest = 0;
  // The newest search that reached its results, for more results, excerpts and counts.
  let current = null;

  const handlers = {
    async open({ base }) {
      index = await openIndexAt(base);
      // Once the answer is on its way: the first search then runs compiled code.
      setTimeout(() => warmUp().catch(() => {}), 0);
      return { total: index.total };
    },

    async search({ seq, query, filters, sort }) {
      latest = Math.max(latest, seq);
      const isStale = () => seq !== latest;
      const started = performance.now();
      const result = await index.search(query, { filters, sort, isStale });
      if (isStale()) throw staleError();
      const matched = performance.now();
      const numbers = await result.take(0, PAGE_SIZE, isStale);
      const ranked = performance.now();
      const lines = await Promise.all(numbers.map((n) => index.line(n)));
      if (isStale()) throw staleError();
      // Where a search's time went, for scripts/search_latency.mjs.
      result.stats.ms = {
        match: Math.round(matched - started),
        rank: Math.round(ranked - matched),
        lines: Math.round(performance.now() - ranked),
      };
      current = { seq, result, numbers };
      // The texts are fetched when the page asks for the excerpts, which it does only
      // for results it kept: fetched here, every keystroke of fast typing would start
      // ten downloads that the next keystroke makes useless, and they would hold up
      // the files the last keystroke needs.
      return {
        count: result.count,
        lines,
        unknown: result.unknown,
        typing: result.typing,
        empty: result.empty,
        stats: result.stats,
      };
    },

    async more({ seq, from }) {
      const found = currentFor(seq);
      const numbers = await found.result.take(from, PAGE_SIZE, () => seq !== latest);
      found.numbers = found.numbers.slice(0, from).concat(numbers);
      const lines = await Promise.all(numbers.map((n) => index.line(n)));
      if (!found.result.empty) for (const n of numbers) index.text(n).catch(() => {});
      return lines;
    },

    // The highlighted stretch of each shown result's text, from `from` on; null where
    // the words are not in the text (a title match), so the summary stays.
    async excerpts({ seq, from }) {
      const found = currentFor(seq);
      const numbers = found.numbers.slice(from);
      const texts = await Promise.all(numbers.map((n) => index.text(n)));
      currentFor(seq);
      return texts.map((doc) => excerpt(doc.text || '', found.result.highlight));
    },

    async counts({ seq, filters }) {
      const found = currentFor(seq);
      return index.counts(found.result, filters);
    },

    async everything() {
      const facets = await index.facets();
      if (!Object.keys(facets).length) return {};
      const all = await index.search('');
      return index.counts(all, {});
    },

    // The query with each unknown word replaced by its closest indexed word, or null.
    async suggest({ query, unknown }) {
      const fixes = await index.suggest(unknown);
      if (fixes.every((f) => !f)) return null;
      const replace = new Map(unknown.map((w, i) => [w, fixes[i]]));
      return parseQuery(query)
        .terms.map((t) => replace.get(t.word) || t.word)
        .join(' ');
    },
  };

  function currentFor(seq) {
    if (!current || current.seq !== seq || seq !== latest) throw staleError();
    return current;
  }

  return async function handle(message) {
    const { id, type } = message;
    try {
      const handler = handlers[type];
      if (!handler) throw new Error(`search: unknown message ${type}`);
      post({ id, value: await handler(message) });
    } catch (error) {
      if (isStaleError(error)) post({ id, stale: true });
      else post({ id, error: String((error && error.message) || error) });
    }
  };
}
