// The browser side of practice-press search: reads the static index that
// src/search/ builds under <base>search-index/ and answers queries. Plain JavaScript,
// no WebAssembly, no eval, nothing from outside the site.
//
// The build decides every word: this file only folds what is typed the way the build
// folded the text (lowercase, NFKD without accents, apostrophes joined) and looks the
// written forms up in the dictionary, which points each form at its stem's postings.
// So no stemmer runs here, and the two sides cannot disagree about a stem.

// A word being typed also matches longer words: at most this many (the commonest), and
// only while its letters narrow the dictionary to a few files. A single letter would
// otherwise fetch a good part of the dictionary and postings at every first keystroke.
const MAX_PREFIX_STEMS = 6;
const MAX_PREFIX_SHARDS = 4;
const EXCERPT_WORDS = 30;
// Ranking gives the page a turn after this long, so typing never stalls.
const SLICE_MS = 8;

/** Lowercase, without accents or compatibility forms; the same as text.rs's fold. */
export function fold(text) {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Written forms in order, split as text.rs splits them. */
export function words(text) {
  return fold(text)
    .replace(/(?<=[\p{Alphabetic}\p{N}])['\u2019\u02bc]+/gu, '')
    .split(/[^\p{Alphabetic}\p{N}]+/u)
    .filter((w) => w && [...w].length <= 40);
}

/**
 * A query as typed: the words every result must hold, the quoted phrases among them,
 * and whether the last word is still being typed (then it also matches as a prefix).
 */
export function parseQuery(text) {
  const terms = [];
  const phrases = [];
  const parts = text.split('"');
  parts.forEach((part, i) => {
    const inQuotes = i % 2 === 1;
    const found = words(part);
    if (inQuotes && found.length > 1) phrases.push(found);
    for (const word of found) terms.push({ word, prefix: false, quoted: inQuotes });
  });
  const last = terms[terms.length - 1];
  const open = parts.length % 2 === 0; // an unclosed quote
  if (last && !last.quoted && !open && /[\p{Alphabetic}\p{N}]$/u.test(fold(text))) {
    last.prefix = true;
  }
  // The same word twice asks nothing more.
  const seen = new Set();
  const unique = terms.filter((t) => {
    const key = `${t.word}/${t.prefix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { terms: unique, phrases };
}

/** The index of the site at `base` (its path, e.g. "/sub/"). */
export function openIndex(base) {
  return openIndexAt(`${base}search-index/`);
}

/** The index whose meta.json is at `root` + "meta.json" (one per language). */
export async function openIndexAt(root) {
  const response = await fetch(`${root}meta.json`);
  if (!response.ok) throw new Error(`search index: ${response.status}`);
  const meta = await response.json();
  if (meta.version !== 1) throw new Error('search index: unknown version');
  return new SearchIndex(`${root}g/${meta.generation}/`, meta);
}

/** Raised inside a search that a newer one has replaced. */
class Stale extends Error {}

class SearchIndex {
  constructor(dir, meta) {
    this.dir = dir;
    this.total = meta.documents;
    this.keys = meta.shards;
    // A stem in this many documents carries the result lines of its best documents
    // (t/), and where it has more than those, of the next ones (u/).
    this.topLinesMinDf = meta.top_lines_min_df ?? Infinity;
    this.topLines = meta.top_lines ?? Infinity;
    this.hasMoreLines = Boolean(meta.more_lines);
    // Document number → its result line, from those files: drawn without a request.
    this.lines = new Map();
    this.cache = new Map();
    this.words = Math.ceil(this.total / 32);
    // Stem id → its documents (and, for a rare stem, its decoded blocks): each is
    // worked out once per page, however often the word is searched again.
    this.stemSets = new Map();
  }

  fetchOnce(path, kind) {
    if (!this.cache.has(path)) {
      const request = fetch(`${this.dir}${path}`).then((r) => {
        if (!r.ok) throw new Error(`search index: ${path}: ${r.status}`);
        return kind === 'json' ? r.json() : r.arrayBuffer();
      });
      // A failed download is tried again next time.
      request.catch(() => this.cache.delete(path));
      this.cache.set(path, request);
    }
    return this.cache.get(path);
  }

  /** The shard keys a word (or, as a prefix, any longer word) can be found under. */
  keysFor(word, prefix) {
    const keys = [];
    let best = null;
    for (const key of this.keys) {
      if (word.startsWith(key) && (!best || key.length > best.length)) best = key;
      else if (prefix && key.startsWith(word) && key !== word) keys.push(key);
    }
    if (keys.length > MAX_PREFIX_SHARDS) return null;
    if (best) keys.push(best);
    return keys;
  }

  shard(key) {
    return this.fetchOnce(`s/${hex(key)}.json`, 'json');
  }

  /** The stems a query word stands for: [{ id, df, pack, offset, length, forms }]. */
  async stems(term) {
    const keys = this.keysFor(term.word, term.prefix);
    // Too few letters typed yet to say which words are meant.
    if (keys === null) return null;
    const shards = await Promise.all(keys.map((k) => this.shard(k)));
    const found = new Map();
    const add = (form, flat, exact) => {
      for (let i = 0; i + 4 < flat.length; i += 5) {
        const id = flat[i];
        let stem = found.get(id);
        if (!stem) {
          stem = { id, df: flat[i + 1], pack: flat[i + 2], offset: flat[i + 3], length: flat[i + 4], exact, forms: new Set() };
          found.set(id, stem);
        }
        stem.exact ||= exact;
        stem.forms.add(form);
      }
    };
    for (const shard of shards) {
      for (const [form, flat] of Object.entries(shard)) {
        if (form === term.word) add(form, flat, true);
        else if (term.prefix && form.startsWith(term.word)) add(form, flat, false);
      }
    }
    // Every form of a chosen stem in the loaded shards, for highlighting.
    const all = [...found.values()];
    for (const shard of shards) {
      for (const [form, flat] of Object.entries(shard)) {
        for (let i = 0; i < flat.length; i += 5) {
          const stem = found.get(flat[i]);
          if (stem) stem.forms.add(form);
        }
      }
    }
    // A short prefix can stand for hundreds of words: the word itself and the
    // commonest words it begins are searched.
    all.sort((a, b) => Number(b.exact) - Number(a.exact) || b.df - a.df);
    return all.slice(0, MAX_PREFIX_STEMS);
  }

  /** A stem's postings, ready to read block by block; see PostingList. */
  async postings(stem, stats) {
    const pack = await this.fetchOnce(`p/${stem.pack}.bin`, 'bin');
    let known = this.stemSets.get(stem.id);
    const list = new PostingList(new Uint8Array(pack, stem.offset, stem.length), this.total, this.idf(stem.df) / 64, stats);
    if (!known) {
      known = list.documents(this.words);
      this.stemSets.set(stem.id, known);
    } else {
      list.reuse(known);
    }
    return list;
  }

  idf(df) {
    return Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
  }

  /**
   * The documents holding all the query's words, as a bitset, with each word's
   * postings lists for ranking. `isStale()` is asked after each download; a stale
   * search stops there.
   */
  async match(query, isStale, stats) {
    const parsed = parseQuery(query);
    const { phrases } = parsed;
    const allLists = await Promise.all(parsed.terms.map((t) => this.stems(t)));
    if (isStale()) throw new Stale();
    // A word of one or two letters still being typed is left out until it says more.
    const terms = parsed.terms.filter((_, i) => allLists[i] !== null);
    const stemLists = allLists.filter((list) => list !== null);
    const typing = terms.length < parsed.terms.length;
    const unknown = terms.filter((_, i) => stemLists[i].length === 0).map((t) => t.word);
    const forms = new Set();
    for (const list of stemLists) for (const stem of list) for (const f of stem.forms) forms.add(f);
    const prefixes = terms.filter((t) => t.prefix).map((t) => t.word);
    const highlight = { forms, prefixes };
    if (terms.length === 0 || unknown.length) {
      return { bits: new Uint32Array(this.words), lists: [], phrases, unknown, highlight, empty: terms.length === 0, typing };
    }
    // A common stem's best result lines come with its postings, so its first page
    // of results needs no request per result. The best results of several words are
    // seldom any one word's best 10, but mostly among its best 40: for a query of
    // several words, each word's first stem brings the next 30 lines too.
    const lines = Promise.all([
      ...stemLists.flat().map((s) => this.bestLines(s, 't')),
      ...(stemLists.length > 1 ? stemLists.map((list) => list.length && this.bestLines(list[0], 'u')) : []),
    ]);
    const lists = await Promise.all(stemLists.map((list) => Promise.all(list.map((s) => this.postings(s, stats)))));
    await lines;
    if (isStale()) throw new Stale();
    // Every word must match: one of its stems (a prefix has several) in each document.
    let bits = null;
    for (const termLists of lists) {
      const any = new Uint32Array(this.words);
      for (const list of termLists) or(any, list.set);
      bits = bits ? and(bits, any) : any;
    }
    return { bits, lists, phrases, unknown, highlight, empty: false, typing };
  }

  /** Keeps the documents whose text holds each phrase's words in order. */
  async withPhrases(docs, phrases, isStale) {
    const kept = [];
    for (let i = 0; i < docs.length; i += 32) {
      const batch = docs.slice(i, i + 32);
      const texts = await Promise.all(batch.map((d) => this.doc(d)));
      if (isStale()) throw new Stale();
      batch.forEach((d, j) => {
        const doc = texts[j];
        const all = words([doc.title, doc.summary, doc.text, doc.details].join('\n'));
        if (phrases.every((p) => containsSequence(all, p))) kept.push(d);
      });
    }
    return kept;
  }

  /** Document `n` in full: its line's fields, its text and its details. */
  doc(n) {
    return this.fetchOnce(`d/${n}.json`, 'json');
  }

  /** What result `n`'s line shows (url, title, kind, date, summary). */
  async line(n) {
    return this.lines.get(n) ?? this.doc(n);
  }

  /** Result `n`'s text, for its excerpt. */
  text(n) {
    return this.doc(n);
  }

  /**
   * Loads the result lines of a common stem's best documents (`t`) or of the next
   * ones (`u`); a failure only costs requests.
   */
  async bestLines(stem, which) {
    if (stem.df < this.topLinesMinDf) return;
    if (which === 'u' && !(this.hasMoreLines && stem.df > this.topLines)) return;
    try {
      for (const line of await this.fetchOnce(`${which}/${stem.id}.json`, 'json')) this.lines.set(line.n, line);
    } catch {
      // Each line is then read from its document.
    }
  }

  /** Filter values and their document bitsets, loaded once. */
  facets() {
    this.facetsLoading ??= this.fetchOnce('facets.json', 'json').then((raw) => {
      const out = {};
      for (const [name, values] of Object.entries(raw)) {
        out[name] = {};
        for (const [value, encoded] of Object.entries(values)) {
          out[name][value] = decodeDocSet(encoded, this.words);
        }
      }
      return out;
    });
    return this.facetsLoading;
  }

  /** The closest indexed word within two edits of each unknown word, or null. */
  async suggest(unknown) {
    const out = [];
    for (const word of unknown) {
      const first = [...word][0];
      let list = [];
      try {
        list = await this.fetchOnce(`v/${hex(first)}.json`, 'json');
      } catch {
        list = [];
      }
      let best = null;
      for (let i = 0; i < list.length; i += 2) {
        const candidate = list[i];
        if (Math.abs(candidate.length - word.length) > 2) continue;
        const d = editDistance(word, candidate, 2);
        if (d <= 2 && (!best || d < best.d || (d === best.d && list[i + 1] > best.df))) {
          best = { word: candidate, d, df: list[i + 1] };
        }
      }
      out.push(best ? best.word : null);
    }
    return out;
  }

  /**
   * A result set ready to show: the exact count, the bitset of documents matching
   * the words (for the filter counts) and `take(from, n)`, which resolves to documents
   * in order, ranking only as far as asked. `stats` counts the postings decoded.
   */
  async search(query, { filters = {}, sort = 'relevance', isStale = () => false } = {}) {
    const stats = { postings: 0, blocks: 0 };
    const needFacets = Object.values(filters).some((v) => v.length);
    const facetsLoading = needFacets ? this.facets() : null;
    let matched;
    if (query.trim()) {
      matched = await this.match(query, isStale, stats);
    } else {
      const bits = new Uint32Array(this.words);
      fillAll(bits, this.total);
      matched = { bits, lists: [], phrases: [], unknown: [], highlight: { forms: new Set(), prefixes: [] }, empty: true };
    }
    let bits = matched.bits;
    if (matched.phrases.length && popcount(bits)) {
      bits = bitsOf(await this.withPhrases(docsOf(bits), matched.phrases, isStale), this.words);
    }
    const facets = needFacets ? await facetsLoading : null;
    if (isStale()) throw new Stale();
    const chosen = needFacets ? facetMask(facets, filters, null, this.words) : null;
    const allowed = chosen ? and(bits, chosen) : bits;
    const ranked = sort !== 'newest' && !matched.empty;
    const ranker = ranked ? new Ranker(matched.lists, allowed, this.total) : null;
    let newest = null;
    return {
      count: popcount(allowed),
      matchBits: bits,
      async take(from, n, stale = isStale) {
        if (ranker) return ranker.take(from, n, stale);
        newest ??= docsOf(allowed);
        return newest.slice(from, from + n);
      },
      unknown: matched.unknown,
      highlight: matched.highlight,
      empty: matched.empty,
      typing: Boolean(matched.typing),
      stats,
    };
  }

  /**
   * Disjunctive counts: each facet counted as if its own choices were not made, so
   * ticking a second council widens the results.
   */
  async counts(result, filters) {
    const facets = await this.facets();
    const out = {};
    for (const [name, values] of Object.entries(facets)) {
      const others = facetMask(facets, filters, name, this.words);
      const base = others ? and(result.matchBits, others) : result.matchBits;
      out[name] = {};
      for (const [value, set] of Object.entries(values)) out[name][value] = popcountAnd(base, set);
    }
    return out;
  }
}

/** Ends the current task, so a keystroke waiting to be handled goes first. */
function yieldToPage() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function isStaleError(error) {
  return error instanceof Stale;
}

/** The error a search made stale stops with. */
export function staleError() {
  return new Stale();
}

/** A matching stretch of a document's text: [{ text, mark }] with … where cut. */
export function excerpt(text, highlight) {
  const tokens = [];
  const re = /[\p{Alphabetic}\p{N}'\u2019\u02bc]+/gu;
  let m;
  while ((m = re.exec(text))) tokens.push({ start: m.index, end: m.index + m[0].length, hit: isHit(m[0], highlight) });
  if (!tokens.some((t) => t.hit)) return null;
  // The window of EXCERPT_WORDS words with the most matches, earliest first.
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].hit) count += 1;
    if (i >= EXCERPT_WORDS && tokens[i - EXCERPT_WORDS].hit) count -= 1;
    const start = Math.max(0, i - EXCERPT_WORDS + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Open a few words before the first match so it is read in context.
  const firstHit = tokens.findIndex((t, i) => i >= best && t.hit);
  const from = Math.max(0, Math.min(best, firstHit - 5));
  const to = Math.min(tokens.length, from + EXCERPT_WORDS);
  const parts = [];
  let at = tokens[from].start;
  if (from > 0) parts.push({ text: '\u2026', mark: false });
  for (let i = from; i < to; i += 1) {
    const t = tokens[i];
    if (t.start > at) parts.push({ text: text.slice(at, t.start), mark: false });
    parts.push({ text: text.slice(t.start, t.end), mark: t.hit });
    at = t.end;
  }
  if (to < tokens.length) parts.push({ text: '\u2026', mark: false });
  return parts;
}

function isHit(raw, { forms, prefixes }) {
  // Most words are plain ASCII, which needs no Unicode folding.
  const found = /^[A-Za-z0-9'’ʼ]+$/.test(raw) ? [raw.toLowerCase().replace(/['’ʼ]/g, '')] : words(raw);
  return found.some((w) => forms.has(w) || prefixes.some((p) => w.startsWith(p)));
}

function containsSequence(all, phrase) {
  outer: for (let i = 0; i + phrase.length <= all.length; i += 1) {
    for (let j = 0; j < phrase.length; j += 1) if (all[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * One stem's postings (see encode.rs), read a block at a time, best block first.
 * `bound()` is the most any unread posting can score.
 */
export class PostingList {
  constructor(bytes, total, weight, stats) {
    this.bytes = bytes;
    this.at = 0;
    this.weight = weight;
    this.stats = stats;
    this.df = this.varint();
    this.blocksLeft = this.varint();
    this.bitsetAt = -1;
    this.bitsetEnd = -1;
    if (this.bytes[this.at++] === 1) {
      this.bitsetAt = this.at;
      this.at += Math.ceil(total / 8);
      this.bitsetEnd = this.at;
    }
    // Blocks already decoded (a rare stem's, all of them), handed out before reading more.
    this.ready = [];
    this.set = null;
  }

  varint() {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = this.bytes[this.at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  }

  bound() {
    if (this.ready.length) return this.weight * this.ready[0].max;
    return this.blocksLeft > 0 ? this.weight * this.bytes[this.at] : 0;
  }

  exhausted() {
    return this.ready.length === 0 && this.blocksLeft === 0;
  }

  /** The next block: { max, docs, impacts }, documents ascending. */
  next() {
    if (this.ready.length) return this.ready.shift();
    const max = this.bytes[this.at++];
    const n = this.varint();
    const docs = new Int32Array(n);
    let doc = 0;
    for (let i = 0; i < n; i += 1) {
      doc += this.varint();
      docs[i] = doc;
    }
    const impacts = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    this.blocksLeft -= 1;
    this.stats.postings += n;
    this.stats.blocks += 1;
    return { max, docs, impacts };
  }

  /**
   * The documents holding the stem, as a bitset: a common stem's is stored, a rare
   * stem's comes from decoding it whole (its blocks are kept for ranking). Returns
   * what `reuse` needs to skip this work next time.
   */
  documents(words) {
    const set = new Uint32Array(words);
    let blocks = null;
    if (this.bitsetAt >= 0) {
      for (let i = this.bitsetAt; i < this.bitsetEnd; i += 1) {
        const byte = this.bytes[i];
        if (byte) set[(i - this.bitsetAt) >>> 2] |= byte << (((i - this.bitsetAt) & 3) * 8);
      }
    } else {
      blocks = [];
      while (this.blocksLeft > 0) blocks.push(this.next());
      for (const { docs } of blocks) for (let i = 0; i < docs.length; i += 1) set[docs[i] >>> 5] |= 1 << (docs[i] & 31);
    }
    this.reuse({ set, blocks });
    return { set, blocks };
  }

  reuse({ set, blocks }) {
    this.set = set;
    if (blocks) {
      this.ready = blocks.slice();
      this.blocksLeft = 0;
    }
  }
}

/**
 * Ranks the documents of `allowed` by the sum over query words of each word's best
 * stem score (idf × impact), best first, exact ties to the newer (lower) document, so
 * even a word in every entry (idf near 0) ranks a title match first; decoding
 * postings blocks only until no unread block can change the results asked for: the
 * block maximums bound what any document not yet complete can still score.
 */
export class Ranker {
  constructor(terms, allowed, total) {
    this.terms = terms;
    this.allowed = allowed;
    this.lists = [];
    terms.forEach((lists, t) => lists.forEach((list) => this.lists.push({ list, term: t, seen: new Uint32Array(allowed.length) })));
    this.known = terms.map(() => new Float64Array(total));
    // How many of a document's stems are still to be read; 0 once its score is known.
    this.pending = new Int16Array(total).fill(-1);
    this.open = [];
    this.out = [];
    this.blocksRead = 0;
    this.blocksTotal = this.lists.reduce((sum, { list }) => sum + list.blocksLeft + list.ready.length, 0);
  }

  /**
   * Documents `from` to `from + n` of the ranking. Long rankings give the page a
   * turn every few milliseconds, and stop there if `isStale()` says a newer search
   * replaced this one.
   */
  async take(from, n, isStale = () => false) {
    const want = from + n;
    let batch = 1;
    let slice = performance.now();
    while (this.out.length < want && this.lists.some((l) => !l.list.exhausted())) {
      if (this.blocksRead * 8 > this.blocksTotal) {
        // Most blocks are needed anyway (several common stems of a word being typed,
        // or a deep page): reading the rest and sorting once is cheaper than settling
        // documents a few at a time.
        await this.rankEverything(isStale);
        break;
      }
      for (let i = 0; i < batch; i += 1) {
        const best = this.mostPromising();
        if (!best) break;
        this.read(best);
      }
      this.release();
      // Fewer passes over the open documents as more blocks are needed.
      batch *= 2;
      if (performance.now() - slice > SLICE_MS) {
        await yieldToPage();
        if (isStale()) throw new Stale();
        slice = performance.now();
      }
    }
    if (this.out.length < want) this.release();
    return this.out.slice(from, want);
  }

  async rankEverything(isStale) {
    let slice = performance.now();
    for (const entry of this.lists) {
      while (!entry.list.exhausted()) {
        this.read(entry);
        if (performance.now() - slice > SLICE_MS) {
          await yieldToPage();
          if (isStale()) throw new Stale();
          slice = performance.now();
        }
      }
    }
    // One numeric key per document, best score first then lower document, sorted
    // natively: several times faster than a comparison function.
    const docBits = Math.max(1, Math.ceil(Math.log2(this.pending.length + 1)));
    const scale = 2 ** (52 - docBits) / this.maxScore();
    const keys = new Float64Array(this.open.length);
    this.open.forEach((d, i) => {
      keys[i] = Math.round((this.maxScore() - this.ceiling(d)) * scale) * 2 ** docBits + d;
    });
    keys.sort();
    const mask = 2 ** docBits;
    for (const key of keys) this.out.push(key % mask);
    this.open = [];
  }

  /** The highest score any document can have: every word at its best block. */
  maxScore() {
    this.ceilingOfAll ??= this.terms.reduce((sum, lists) => sum + Math.max(1e-9, ...lists.map((l) => l.weight * 255)), 0);
    return this.ceilingOfAll;
  }

  mostPromising() {
    let best = null;
    for (const entry of this.lists) {
      if (entry.list.exhausted()) continue;
      if (!best || entry.list.bound() > best.list.bound()) best = entry;
    }
    return best;
  }

  read(entry) {
    this.blocksRead += 1;
    const { docs, impacts } = entry.list.next();
    const known = this.known[entry.term];
    for (let i = 0; i < docs.length; i += 1) {
      const d = docs[i];
      if (!(this.allowed[d >>> 5] & (1 << (d & 31)))) continue;
      if (this.pending[d] < 0) {
        let holders = 0;
        for (const { list } of this.lists) if (list.set[d >>> 5] & (1 << (d & 31))) holders += 1;
        this.pending[d] = holders;
        this.open.push(d);
      }
      const v = entry.list.weight * impacts[i];
      if (v > known[d]) known[d] = v;
      entry.seen[d >>> 5] |= 1 << (d & 31);
      this.pending[d] -= 1;
    }
  }

  /** The most document `d` can still score (its score once nothing is pending). */
  ceiling(d) {
    let sum = 0;
    for (let t = 0; t < this.terms.length; t += 1) {
      let best = this.known[t][d];
      if (this.pending[d] > 0) {
        for (const { list, term, seen } of this.lists) {
          if (term !== t || seen[d >>> 5] & (1 << (d & 31)) || !(list.set[d >>> 5] & (1 << (d & 31)))) continue;
          const b = list.bound();
          if (b > best) best = b;
        }
      }
      sum += best;
    }
    return sum;
  }

  /** Moves every document whose place is settled to the output, in order. */
  release() {
    let unseen = 0;
    let anyLeft = false;
    for (let t = 0; t < this.terms.length; t += 1) {
      let best = 0;
      for (const { list, term } of this.lists) {
        if (term !== t || list.exhausted()) continue;
        anyLeft = true;
        best = Math.max(best, list.bound());
      }
      unseen += best;
    }
    // A document no block has shown yet could still score this much. With a single
    // list it cannot beat one already read on a tie: blocks break ties by document.
    const unseenCeiling = anyLeft ? unseen : -Infinity;
    const tiesSettled = this.lists.length === 1;
    // The best an open document can still score, and the lowest such document.
    let openCeiling = -Infinity;
    let openFirst = Infinity;
    for (const d of this.open) {
      if (this.pending[d] === 0) continue;
      const score = this.ceiling(d);
      if (score > openCeiling) {
        openCeiling = score;
        openFirst = d;
      } else if (score === openCeiling && d < openFirst) openFirst = d;
    }
    // Complete documents that beat every bound; they come first, whatever else is read.
    const settled = [];
    const stillOpen = [];
    for (const d of this.open) {
      if (this.pending[d] === 0) {
        const score = this.ceiling(d);
        if (
          (score > unseenCeiling || (tiesSettled && score === unseenCeiling)) &&
          (score > openCeiling || (score === openCeiling && d < openFirst))
        ) {
          settled.push({ d, score });
          continue;
        }
      }
      stillOpen.push(d);
    }
    settled.sort((a, b) => b.score - a.score || a.d - b.d);
    for (const { d } of settled) this.out.push(d);
    this.open = stillOpen;
  }
}

function decodeDocSet(encoded, words) {
  const raw = atob(encoded);
  const out = new Uint32Array(words);
  if (raw.charCodeAt(0) === 0) {
    for (let i = 1; i < raw.length; i += 1) {
      const byte = raw.charCodeAt(i);
      if (byte) out[(i - 1) >>> 2] |= byte << (((i - 1) & 3) * 8);
    }
    return out;
  }
  let at = 1;
  let doc = 0;
  while (at < raw.length) {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = raw.charCodeAt(at++);
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    doc += value;
    out[doc >>> 5] |= 1 << (doc & 31);
  }
  return out;
}

/** Documents allowed by the chosen filters, leaving out facet `except`; null if none chosen. */
function facetMask(facets, filters, except, words) {
  let mask = null;
  for (const [name, values] of Object.entries(filters)) {
    if (name === except || !values.length) continue;
    const any = new Uint32Array(words);
    for (const value of values) {
      const set = facets[name] && facets[name][value];
      if (set) for (let i = 0; i < words; i += 1) any[i] |= set[i];
    }
    mask = mask ? and(mask, any) : any;
  }
  return mask;
}

function and(a, b) {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = a[i] & b[i];
  return out;
}

function or(into, b) {
  for (let i = 0; i < into.length; i += 1) into[i] |= b[i];
}

function popcount(a) {
  let n = 0;
  for (let i = 0; i < a.length; i += 1) {
    let v = a[i];
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** The documents of a bitset, ascending (newest first). */
function docsOf(bits) {
  const out = [];
  for (let w = 0; w < bits.length; w += 1) {
    let v = bits[w];
    while (v) {
      const low = v & -v;
      out.push(w * 32 + 31 - Math.clz32(low));
      v ^= low;
    }
  }
  return out;
}

function bitsOf(docs, words) {
  const bits = new Uint32Array(words);
  for (const d of docs) bits[d >>> 5] |= 1 << (d & 31);
  return bits;
}

function fillAll(bits, total) {
  bits.fill(0xffffffff);
  const spare = bits.length * 32 - total;
  if (spare > 0) bits[bits.length - 1] = 0xffffffff >>> spare;
}

function popcountAnd(a, b) {
  let n = 0;
  for (let i = 0; i < a.length; i += 1) {
    let v = a[i] & b[i];
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

function editDistance(a, b, limit) {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j += 1) {
      const v = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[y.length];
}

function hex(key) {
  return [...new TextEncoder().encode(key)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Ranks a small made-up index in memory, fetching nothing, so that the browser has
 * compiled the decoding and ranking code before the first real search needs it:
 * run cold, a two-word query's ranking took 14–25 ms in the browser against under
 * 2 ms once warm. Gives the page a turn between rounds.
 */
export async function warmUp() {
  const total = 4096;
  const words = total / 32;
  const stats = { postings: 0, blocks: 0 };
  // Shaped like "kinship care": a word in one entry in 16, and one in every entry
  // (whose idf, and so weight, is small).
  const rare = madeUpPostings(total, 16, false);
  const common = madeUpPostings(total, 1, true);
  const weights = [0.044, 0.0015];
  const highlight = { forms: new Set(['care']), prefixes: ['kin'] };
  for (let round = 0; round < 4; round += 1) {
    const lists = [rare, common].map((bytes, i) => {
      const list = new PostingList(bytes, total, weights[i], stats);
      list.documents(words);
      return [list];
    });
    const allowed = and(lists[0][0].set, lists[1][0].set);
    await new Ranker(lists, allowed, total).take(0, 10);
    excerpt('Kinship care: the family kept the children close, and care came from everyone around them.', highlight);
    await yieldToPage();
  }
}

/** Postings (see PostingList) of every `step`th of `total` documents, with varied impacts. */
function madeUpPostings(total, step, bitset) {
  const postings = [];
  for (let d = 0; d < total; d += step) postings.push([d, 64 + ((d * 37) % 190)]);
  postings.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const out = [];
  const varint = (value) => {
    while (value >= 0x80) {
      out.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    out.push(value);
  };
  const blocks = [];
  for (let i = 0; i < postings.length; i += 128) blocks.push(postings.slice(i, i + 128));
  varint(postings.length);
  varint(blocks.length);
  out.push(bitset ? 1 : 0);
  if (bitset) {
    const bits = new Uint8Array(Math.ceil(total / 8));
    for (const [d] of postings) bits[d >>> 3] |= 1 << (d & 7);
    out.push(...bits);
  }
  for (const block of blocks) {
    out.push(block[0][1]);
    const byDoc = [...block].sort((a, b) => a[0] - b[0]);
    varint(byDoc.length);
    let previous = 0;
    for (const [d] of byDoc) {
      varint(d - previous);
      previous = d;
    }
    for (const [, impact] of byDoc) out.push(impact);
  }
  return new Uint8Array(out);
}
