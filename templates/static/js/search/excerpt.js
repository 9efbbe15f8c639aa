// Keyword-in-context excerpts: which words of a text matched, and the few windows around them.
// Returns plain {text, mark} pieces; the page turns them into text nodes and <mark> elements.

import { fold, keyOf } from './analysis.js';

const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * A predicate on raw words: true when the word stands, in `language`, for a term the query matched,
 * starts with a matched prefix, or is one of the names of an entity the query named.
 */
export function wordMatcher(index, result, language) {
  const terms = result.matched.get(language) ?? new Set();
  const exact = new Set();
  const prefixes = [];
  const collect = (node) => {
    if (!node) return;
    if (node.op === 'word') exact.add(node.key);
    else if (node.op === 'phrase') node.keys.forEach((k) => exact.add(k));
    else if (node.op === 'prefix') prefixes.push(node.key);
    else if (node.op === 'and' || node.op === 'or') node.children.forEach(collect);
  };
  collect(result.node);
  for (const { shown } of result.expansions) {
    for (const name of shown) keyOf(name).split(' ').forEach((k) => exact.add(k));
  }
  return (word) => {
    const key = fold(word);
    if (exact.has(key) || prefixes.some((p) => key.startsWith(p))) return true;
    const entry = index.cachedWord(key);
    const stands = entry && entry.get(language);
    return Boolean(stands && stands.some((t) => terms.has(t)));
  };
}

function cut(text, start, end) {
  // Widen to whole words so an excerpt never starts or ends inside one.
  let a = start;
  let b = end;
  while (a > 0 && /[\p{L}\p{N}]/u.test(text[a - 1])) a -= 1;
  while (b < text.length && /[\p{L}\p{N}]/u.test(text[b])) b += 1;
  return [a, b];
}

/**
 * Up to `windows` passages of at most about `width` characters around matched words, as
 * [{text, mark}] pieces with "…" where text was left out. Falls back to the opening.
 */
export function excerpt(text, isMatch, { radius = 70, windows = 2, width = 260 } = {}) {
  const clean = text.replace(/\s+/g, ' ').trim();
  const hits = [];
  for (const m of clean.matchAll(WORD)) {
    if (isMatch(m[0])) hits.push([m.index, m.index + m[0].length]);
  }
  const spans = [];
  for (const [s, e] of hits) {
    const last = spans[spans.length - 1];
    if (last && s - radius <= last[1]) {
      if (last[1] - last[0] < width) last[1] = Math.max(last[1], Math.min(e + radius, last[0] + width));
    } else if (spans.length < windows) {
      spans.push([Math.max(0, s - radius), e + radius]);
    }
  }
  if (!spans.length) spans.push([0, radius * 2]);
  const pieces = [];
  for (const [rawStart, rawEnd] of spans) {
    const [start, end] = cut(clean, rawStart, Math.min(rawEnd, clean.length));
    if (start > 0) pieces.push({ text: '…', mark: false });
    let at = start;
    for (const [s, e] of hits) {
      if (s < start || e > end) continue;
      if (s > at) pieces.push({ text: clean.slice(at, s), mark: false });
      pieces.push({ text: clean.slice(s, e), mark: true });
      at = e;
    }
    if (at < end) pieces.push({ text: clean.slice(at, end), mark: false });
    if (end < clean.length) pieces.push({ text: '… ', mark: false });
  }
  return pieces;
}
