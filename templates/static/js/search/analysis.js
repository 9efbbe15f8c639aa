// Query-side text analysis, the twin of generator/search/analysis.py (tokens, fold, keyOf).
// The browser never stems: it looks a folded word up in the exported dictionary.

const TOKEN = /[\p{L}\p{N}_]+/gu;
const NONSPACING_MARK = /\p{Mn}/gu;

/** Word tokens: runs of letters, digits and underscores, as Python's \w+ on NFC text. */
export function tokens(text) {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

/** Lower-case without accents: "Tokaïev" -> "tokaiev", "Straße" -> "strasse". */
export function fold(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(NONSPACING_MARK, '')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/ς/g, 'σ');
}

/** Lookup key of a name or value: folded tokens joined by one space. */
export function keyOf(text) {
  return tokens(text).map(fold).join(' ');
}
