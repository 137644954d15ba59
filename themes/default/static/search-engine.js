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

export async function openIndex(base) {
  const root = `${base}search-index/`;
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
    this.cache = new Map();
    this.words = Math.ceil(this.total / 32);
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

  async postings(stem) {
    const pack = await this.fetchOnce(`p/${stem.pack}.bin`, 'bin');
    return decodePostings(new Uint8Array(pack, stem.offset, stem.length));
  }

  idf(df) {
    return Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
  }

  /**
   * Every document holding all the query's words (and its phrases): their scores and
   * a bitset of them. `isStale()` is asked after each download; a stale search stops.
   */
  async match(query, isStale) {
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
      return { docs: new Int32Array(0), scores: null, unknown, highlight, empty: terms.length === 0, typing };
    }
    const lists = await Promise.all(stemLists.map((list) => Promise.all(list.map((s) => this.postings(s)))));
    if (isStale()) throw new Stale();

    // One score array per word; a prefix word scores a document by its best stem.
    let total = null;
    for (let t = 0; t < terms.length; t += 1) {
      // Lets a newer keystroke in between words, and stops if it came.
      if (t > 0) await yieldToPage();
      if (isStale()) throw new Stale();
      const scores = new Float32Array(this.total);
      stemLists[t].forEach((stem, s) => {
        const weight = this.idf(stem.df) / 64;
        const { docs, impacts } = lists[t][s];
        for (let i = 0; i < docs.length; i += 1) {
          const v = weight * impacts[i];
          if (v > scores[docs[i]]) scores[docs[i]] = v;
        }
      });
      if (total === null) total = scores;
      else for (let d = 0; d < this.total; d += 1) total[d] = scores[d] > 0 && total[d] > 0 ? total[d] + scores[d] : 0;
    }
    let docs = [];
    for (let d = 0; d < this.total; d += 1) if (total[d] > 0) docs.push(d);
    if (phrases.length) docs = await this.withPhrases(docs, phrases, isStale);
    return { docs: Int32Array.from(docs), scores: total, unknown, highlight, empty: false, typing };
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

  doc(n) {
    return this.fetchOnce(`d/${n}.json`, 'json');
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

  /** A result set ready to show: documents in order, bitset, counting helpers. */
  async search(query, { filters = {}, sort = 'relevance', isStale = () => false } = {}) {
    const trimmed = query.trim();
    let matched;
    if (trimmed) {
      matched = await this.match(query, isStale);
    } else {
      matched = { docs: null, scores: null, unknown: [], highlight: { forms: new Set(), prefixes: [] }, empty: true };
    }
    const bits = new Uint32Array(this.words);
    if (matched.docs) for (const d of matched.docs) bits[d >>> 5] |= 1 << (d & 31);
    else fillAll(bits, this.total);
    const needFacets = Object.values(filters).some((v) => v.length);
    const facets = needFacets ? await this.facets() : null;
    if (isStale()) throw new Stale();
    const chosen = needFacets ? facetMask(facets, filters, null, this.words) : null;
    const finalBits = chosen ? and(bits, chosen) : bits;
    let order = [];
    for (let d = 0; d < this.total; d += 1) if (finalBits[d >>> 5] & (1 << (d & 31))) order.push(d);
    if (sort !== 'newest' && matched.scores) order = byScore(order, matched.scores);
    return {
      order,
      matchBits: bits,
      unknown: matched.unknown,
      highlight: matched.highlight,
      empty: matched.empty,
      typing: Boolean(matched.typing),
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

// Best score first, then newest: one numeric key per document, sorted natively, which
// is several times faster than a comparison function over 11,000 results.
const DOC_SLOTS = 2 ** 20;
function byScore(docs, scores) {
  const keys = new Float64Array(docs.length);
  for (let i = 0; i < docs.length; i += 1) {
    const d = docs[i];
    keys[i] = Math.round((100000 - scores[d]) * 1000) * DOC_SLOTS + d;
  }
  keys.sort();
  return Array.from(keys, (k) => k % DOC_SLOTS);
}

/** Ends the current task, so a keystroke waiting to be handled goes first. */
function yieldToPage() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function isStaleError(error) {
  return error instanceof Stale;
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

/** See encode.rs: blocks of (max, n, doc gaps, impacts), flattened. */
export function decodePostings(bytes) {
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  const df = varint();
  const blocks = varint();
  const docs = new Int32Array(df);
  const impacts = new Uint8Array(df);
  const maxima = new Uint8Array(blocks);
  let k = 0;
  for (let b = 0; b < blocks; b += 1) {
    maxima[b] = bytes[at++];
    const n = varint();
    let doc = 0;
    for (let i = 0; i < n; i += 1) {
      doc += varint();
      docs[k + i] = doc;
    }
    for (let i = 0; i < n; i += 1) impacts[k + i] = bytes[at++];
    k += n;
  }
  return { df, docs, impacts, maxima };
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
