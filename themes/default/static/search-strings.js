// The words the search page's script shows, read from the page: search.html renders
// them from the theme's Fluent files into a hidden <div data-search-strings>, so this
// script has no words of its own and a Welsh page searches in Welsh.
//
// A count is rendered once per sample number (0, 1, 2, 3, 6, 20), one for each plural
// category a language may have; the browser's own CLDR rules (Intl.PluralRules) pick
// the sample whose category matches the real number. Names in braces ({n}, {query})
// are filled in here.

/** The words in `container` for a page in language `lang`. */
export function loadStrings(container, lang) {
  const table = new Map();
  for (const element of container ? container.querySelectorAll('[data-key]') : []) {
    const { key, n } = element.dataset;
    const text = element.textContent.trim();
    if (n === undefined) {
      table.set(key, text);
    } else {
      if (!(table.get(key) instanceof Map)) table.set(key, new Map());
      table.get(key).set(Number(n), text);
    }
  }
  const rules = pluralRules(lang);
  return {
    /** The message `key`, with `{name}` filled in from `values`. */
    text(key, values = {}) {
      const text = table.get(key);
      return fill(typeof text === 'string' ? text : key, values);
    },
    /** The plural message `key` for `count`, with `{n}` and `values` filled in. */
    count(key, count, values = {}) {
      const forms = table.get(key);
      if (!(forms instanceof Map)) return key;
      return fill(forms.get(sampleFor(forms, count, rules)) ?? key, { ...values, n: String(count) });
    },
    /** The message `key` cut at `{name}`: the words before it and after it. */
    around(key, name) {
      const text = table.get(key) ?? '';
      const at = text.indexOf(`{${name}}`);
      return at < 0 ? [`${text} `, ''] : [text.slice(0, at), text.slice(at + name.length + 2)];
    },
  };
}

function pluralRules(lang) {
  try {
    return new Intl.PluralRules(lang || 'en-GB');
  } catch {
    return new Intl.PluralRules('en-GB');
  }
}

/** The rendered number to use for `count`: itself if rendered, else one of its category. */
function sampleFor(forms, count, rules) {
  if (forms.has(count)) return count;
  const category = rules.select(count);
  for (const sample of forms.keys()) {
    // 0 may be a variant of its own ("No results"), not its category's.
    if (sample !== 0 && rules.select(sample) === category) return sample;
  }
  return [...forms.keys()].pop();
}

function fill(text, values) {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? values[name] : whole));
}
