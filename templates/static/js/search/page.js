// The search page: reads ?q= (and exact, sort, page), runs the engine, shows results, excerpts,
// facets and pages. Every string from the index reaches the page as a text node, never as HTML.

import { fold, tokens } from './analysis.js';
import { excerpt, wordMatcher } from './excerpt.js';
import { search } from './engine.js';
import { fetchLoader, StaticIndex } from './index.js';

const PER_PAGE = 10;
const FACET_LIMIT = 8;
const FACETS = ['person', 'place', 'org', 'source', 'lang', 'year'];

const root = document.getElementById('search');
const $ = (id) => document.getElementById(id);
const strings = JSON.parse($('search-strings').textContent);
const siteLanguage = document.documentElement.lang || 'en';
const index = new StaticIndex(fetchLoader(root.dataset.index));
const form = $('search-form');
const input = $('search-query');
const exact = $('search-exact');
const sortSelect = $('search-sort');

let languageNames = null;
try {
  languageNames = new Intl.DisplayNames([siteLanguage], { type: 'language' });
} catch {
  languageNames = null;
}
const dateFormat = new Intl.DateTimeFormat(siteLanguage, { dateStyle: 'long', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat(siteLanguage);
const plurals = new Intl.PluralRules(siteLanguage);

function languageName(code) {
  if (!code || code === 'und') return '';
  try {
    const name = languageNames ? languageNames.of(code) : code;
    return name ? name[0].toUpperCase() + name.slice(1) : code;
  } catch {
    return code;
  }
}

function formatDate(iso) {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

/** "{n} results" in the site's language, choosing the form whose sample number has n's plural category. */
function countText(n) {
  const category = plurals.select(n);
  const forms = strings.results;
  const sample = Object.keys(forms).find((k) => plurals.select(Number(k)) === category) ?? '100';
  return forms[sample].replace(numberFormat.format(Number(sample)), numberFormat.format(n));
}

function fill(template) {
  const node = $(template).content.firstElementChild.cloneNode(true);
  const slots = {};
  for (const el of node.querySelectorAll('[data-slot]')) slots[el.dataset.slot] = el;
  return [node, slots];
}

function state() {
  const params = new URLSearchParams(window.location.search);
  return {
    q: params.get('q') ?? '',
    exact: params.get('exact') === '1',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

function urlFor({ q, exact: exactOnly, sort, page }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (exactOnly) params.set('exact', '1');
  if (sort === 'date') params.set('sort', 'date');
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return root.dataset.page + (query ? `?${query}` : '');
}

function navigate(next, { focusResults = false } = {}) {
  window.history.pushState(null, '', urlFor(next));
  run({ focusResults });
}

function articleUrl(slug) {
  // Slugs follow the content folders ("fr/accord-eau"): encode each segment, keep the slashes.
  return root.dataset.article.replace('__slug__', slug.split('/').map(encodeURIComponent).join('/'));
}

function setStatus(text) {
  $('search-status').textContent = text;
}

function renderAlso(result) {
  const also = $('search-also');
  also.replaceChildren();
  const names = [];
  for (const expansion of result.expansions) for (const n of expansion.shown) if (!names.includes(n)) names.push(n);
  also.hidden = names.length === 0;
  if (names.length) also.append(document.createTextNode(`${strings.also} ${names.join(', ')}`));
}

async function renderSearchedFor(result) {
  const node = $('search-stemmed');
  // guess.js is only loaded when there are guesses (the engine loaded it to make them).
  const text = result.guesses.length
    ? (await import('./guess.js')).searchedForText(result.guesses, strings.searchedFor)
    : '';
  node.hidden = text === '';
  node.textContent = text;
}

/** A shorter form to try (as cli_support.prefix_hint): the dictionary knows only forms that occur. */
function prefixHint(word) {
  return `${word.slice(0, Math.max(3, Math.ceil((word.length * 3) / 5)))}*`;
}

function renderUnknown(result, query) {
  const node = $('search-unknown');
  const typed = new Map(tokens(query).reverse().map((t) => [fold(t), t])); // show words as typed
  const words = result.unknown.map((w) => typed.get(w) ?? w);
  node.hidden = words.length === 0;
  node.textContent = words.length
    ? strings.unknown.replace('{words}', words.map((w) => `“${w}”`).join(', ')).replace('{example}', prefixHint(words[0]))
    : '';
}

async function renderResults(result, page, runId) {
  const list = $('search-results');
  const docs = result.ranked.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(([d]) => d);
  const records = await Promise.all(docs.map((d) => index.record(d)));
  const texts = await Promise.all(docs.map((d) => index.text(d).catch(() => '')));
  if (runId !== currentRun) return;
  const items = docs.map((doc, i) => {
    const record = records[i];
    const [node, slots] = fill('search-result-template');
    slots.link.href = articleUrl(record.s);
    slots.link.textContent = record.t;
    if (record.l && record.l !== 'und') slots.link.lang = record.l;
    const meta = [record.d ? formatDate(record.d) : strings.undated];
    if (record.src) meta.push(record.src);
    if (languageName(record.l)) meta.push(languageName(record.l));
    slots.meta.textContent = meta.join(' · ');
    const isMatch = wordMatcher(index, result, record.l);
    for (const piece of excerpt(texts[i], isMatch)) {
      if (piece.mark) {
        const mark = document.createElement('mark');
        mark.textContent = piece.text;
        slots.excerpt.append(mark);
      } else {
        slots.excerpt.append(document.createTextNode(piece.text));
      }
    }
    if (record.l && record.l !== 'und') slots.excerpt.lang = record.l;
    return node;
  });
  list.replaceChildren(...items);
}

function renderPages(total, current) {
  const nav = $('search-pages');
  const pages = Math.ceil(total / PER_PAGE);
  nav.hidden = pages <= 1;
  if (pages <= 1) return;
  const base = state();
  const link = (el, page) => {
    el.href = urlFor({ ...base, page });
    el.onclick = (event) => {
      event.preventDefault();
      navigate({ ...base, page }, { focusResults: true });
    };
  };
  const prev = $('search-prev');
  const next = $('search-next');
  prev.hidden = current <= 1;
  next.hidden = current >= pages;
  if (current > 1) link(prev, current - 1);
  if (current < pages) link(next, current + 1);
  const window_ = new Set([1, pages]);
  for (let p = current - 2; p <= current + 2; p += 1) if (p >= 1 && p <= pages) window_.add(p);
  const items = [];
  let last = 0;
  for (const p of [...window_].sort((a, b) => a - b)) {
    if (p > last + 1) {
      const gap = document.createElement('li');
      gap.className = 'pagination__gap';
      gap.setAttribute('aria-hidden', 'true');
      gap.textContent = '…';
      items.push(gap);
    }
    const [node, slots] = fill('search-page-template');
    slots.link.textContent = numberFormat.format(p);
    link(slots.link, p);
    if (p === current) slots.link.setAttribute('aria-current', 'page');
    items.push(node);
    last = p;
  }
  $('search-page-list').replaceChildren(...items);
}

/** Facet counts over the records of the first `facetWindow` results. */
async function renderFacets(result, runId) {
  const aside = $('search-facets');
  const windowSize = index.manifest.facetWindow;
  const docs = result.ranked.slice(0, windowSize).map(([d]) => d);
  const records = await Promise.all(docs.map((d) => index.record(d)));
  if (runId !== currentRun) return;
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map()]));
  const bump = (facet, value) => counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
  for (const record of records) {
    for (const [field, name] of new Map((record.e ?? []).map(([f, n]) => [`${f}\u0000${n}`, [f, n]])).values()) {
      if (counts[field]) bump(field, name);
    }
    if (record.src) bump('source', record.src);
    if (record.l) bump('lang', record.l);
    if (record.d) bump('year', record.d.slice(0, 4));
  }
  const sections = [];
  for (const facet of FACETS) {
    const values = [...counts[facet]].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, FACET_LIMIT);
    if (facet === 'year') values.sort((a, b) => (a[0] < b[0] ? 1 : -1));
    if (!values.length) continue;
    const [section, slots] = fill('search-facet-template');
    slots.title.textContent = strings.facets[facet];
    for (const [value, count] of values) {
      const [item, parts] = fill('search-facet-value-template');
      parts.label.textContent = facet === 'lang' ? languageName(value) || value : value;
      parts.count.textContent = `(${numberFormat.format(count)})`;
      item.querySelector('button').addEventListener('click', () => addFilter(facet, value));
      slots.values.append(item);
    }
    sections.push(section);
  }
  $('search-facet-list').replaceChildren(...sections);
  const note = $('search-facets-note');
  note.hidden = result.total <= windowSize;
  note.textContent = strings.window.replace('{n}', numberFormat.format(windowSize));
  aside.hidden = sections.length === 0;
}

function clause(facet, value) {
  if (facet === 'year') return `date:${value}`;
  if (facet === 'lang') return `lang:${value}`;
  const field = facet === 'org' ? 'org' : facet;
  return `${field}:"${value.replace(/["“”„«»]/g, ' ')}"`;
}

function addFilter(facet, value) {
  const current = state();
  const added = clause(facet, value);
  const q = current.q.includes(added) ? current.q : `${current.q} ${added}`.trim();
  input.value = q;
  navigate({ ...current, q, page: 1 }, { focusResults: true });
}

let currentRun = 0;

async function run({ focusResults = false } = {}) {
  const runId = ++currentRun;
  const current = state();
  input.value = current.q;
  exact.checked = current.exact;
  sortSelect.value = current.sort;
  if (!current.q.trim()) {
    root.dataset.state = 'done';
    setStatus(strings.empty);
    $('search-results').replaceChildren();
    $('search-pages').hidden = true;
    $('search-facets').hidden = true;
    $('search-also').hidden = true;
    $('search-stemmed').hidden = true;
    $('search-unknown').hidden = true;
    return;
  }
  setStatus(strings.searching);
  root.dataset.state = 'searching';
  root.setAttribute('aria-busy', 'true');
  try {
    const result = await search(index, current.q, { expand: !current.exact, sort: current.sort });
    if (runId !== currentRun) return;
    const pages = Math.max(1, Math.ceil(result.total / PER_PAGE));
    const page = Math.min(current.page, pages);
    setStatus(result.total ? countText(result.total) : strings.noResults);
    renderAlso(result);
    await renderSearchedFor(result);
    renderUnknown(result, current.q);
    await renderResults(result, page, runId);
    if (runId !== currentRun) return;
    renderPages(result.total, page);
    root.dataset.state = 'results'; // for tests and styling: results are on the page
    root.dataset.resultsMs = String(Math.round(performance.now()));
    if (focusResults) $('search-results-heading').focus();
    await renderFacets(result, runId);
    if (runId === currentRun) root.dataset.state = 'done';
  } catch (error) {
    if (runId === currentRun) setStatus(strings.error);
    console.error(error);
  } finally {
    if (runId === currentRun) root.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({ q: input.value.trim(), exact: exact.checked, sort: sortSelect.value, page: 1 });
});
sortSelect.addEventListener('change', () => {
  if (state().q) navigate({ ...state(), sort: sortSelect.value, page: 1 });
});
exact.addEventListener('change', () => {
  if (state().q) navigate({ ...state(), exact: exact.checked, page: 1 });
});
window.addEventListener('popstate', () => run());
run();
