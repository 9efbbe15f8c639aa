// Query evaluation and BM25F scoring: the twin of generator/search/evaluate.py and scoring.py.
// Same clauses, same order of summation, same tie-break, so a query ranks identically here and
// with `archive search`. Scores are IEEE doubles computed in the same order on both sides.

import { keyOf, tokens } from './analysis.js';
import { isScored, parse } from './query.js';

function idf(docs, df) {
  const raw = Math.log(docs / (df + 1)) + 1;
  return Math.floor(raw * 1e9 + 0.5) / 1e9; // rounded as in scoring.idf: log may differ in its last bit
}

function bm25(scoring, kind, idfValue, tf, length, avgLength) {
  const w = scoring.weight[kind];
  const b = scoring.b[kind];
  const k1 = scoring.k1;
  return w * idfValue * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / avgLength));
}

function textFields(language, field) {
  return field === 'title' ? [`title@${language}`] : [`title@${language}`, `body@${language}`];
}

function zeros(docs) {
  const out = new Map();
  for (const d of docs) out.set(d, 0);
  return out;
}

function union(parts) {
  if (parts.length === 1) return parts[0];
  const result = new Map();
  for (const part of parts) {
    for (const [d, s] of part) {
      const previous = result.get(d);
      result.set(d, previous === undefined ? s : previous + s);
    }
  }
  return result;
}

/** Other names of the entity, as long as the query (see evaluate.shown_names). */
export function shownNames(entity, key, words) {
  const names = [];
  for (const name of [entity.name, ...entity.aliases]) if (!names.includes(name)) names.push(name);
  const shown = [];
  const seen = new Set([key]);
  for (const name of names) {
    const parts = tokens(name);
    let candidate;
    if (parts.length === words) candidate = name;
    else if (words === 1 && entity.field === 'person' && parts.length) candidate = parts[parts.length - 1];
    else continue;
    const candidateKey = keyOf(candidate);
    if (seen.has(candidateKey)) continue;
    seen.add(candidateKey);
    shown.push(candidate);
  }
  return shown.length ? shown : [entity.name];
}

class Run {
  constructor(index, expand) {
    this.index = index;
    this.scoring = index.manifest.scoring;
    this.expand = expand;
    this.expansions = [];
    this.seen = new Set();
    this.matched = new Map(); // language -> Set of terms with postings (for highlighting)
    this.guesses = []; // {word, language, term, forms}: words the dictionary lacks, searched as a stem
    this.entries = new Map();
  }

  /** The dictionary entry of `key`; for a word the dictionary lacks, the stems guessed for it. */
  async entry(key) {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = await this.index.word(key);
      if (entry.size === 0) entry = await this.guess(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  async guess(key) {
    // Loaded only when a query word is not in the dictionary: a first query usually never needs it.
    const { guessable, guessTerm, pickForms } = await import('./guess.js');
    const entry = new Map();
    if (!guessable(key)) return entry;
    for (const language of this.index.languages) {
      const endings = await this.index.endings(language);
      if (!endings.size) continue;
      const term = await guessTerm(key, endings, (t) => this.index.isTerm(language, t));
      if (term !== null) {
        entry.set(language, [term]);
        const words = await this.index.prefixWords(term, this.scoring.maxExpansion);
        this.guesses.push({ word: key, language, term, forms: pickForms(term, language, words) });
      }
    }
    return entry;
  }

  async node(node) {
    switch (node.op) {
      case 'and':
        return this.conjunction(node.children);
      case 'or': {
        const parts = [];
        for (const child of node.children) parts.push(await this.node(child));
        return union(parts);
      }
      case 'not': {
        const excluded = await this.node(node.child);
        const out = new Map();
        for (const d of this.index.allDocs()) if (!excluded.has(d)) out.set(d, 0);
        return out;
      }
      case 'word':
        return this.word(node.key, node.field);
      case 'phrase':
        return this.phrase(node.keys, node.field);
      case 'prefix':
        return this.prefix(node.key, node.field);
      case 'entity': {
        const found = (await this.index.entities(node.key)).filter((e) => e.field === node.field);
        const ids = found.map((e) => e.id).sort();
        const docs = new Set();
        for (const id of ids) for (const d of await this.index.docsWith(node.field, id)) docs.add(d);
        return zeros(docs);
      }
      case 'filter':
        return zeros(await this.index.docsWith(node.field, node.key));
      case 'date':
        return zeros(await this.index.docsDated(node.start, node.end));
      case 'nothing':
        return new Map();
      default:
        throw new Error(`unknown query node ${node.op}`);
    }
  }

  async conjunction(children) {
    const positive = children.filter((c) => c.op !== 'not');
    const negative = children.filter((c) => c.op === 'not').map((c) => c.child);
    let result;
    if (positive.length) {
      result = await this.node(positive[0]);
      for (const child of positive.slice(1)) {
        if (!result.size) break;
        const other = await this.node(child);
        const next = new Map();
        for (const [d, s] of result) {
          const o = other.get(d);
          if (o !== undefined) next.set(d, s + o);
        }
        result = next;
      }
    } else {
      result = zeros(this.index.allDocs());
    }
    for (const child of negative) {
      if (!result.size) break;
      const excluded = await this.node(child);
      const next = new Map();
      for (const [d, s] of result) if (!excluded.has(d)) next.set(d, s);
      result = next;
    }
    return result;
  }

  async word(key, field) {
    const entry = await this.entry(key);
    const parts = [];
    for (const language of this.index.languages) {
      if (!entry.has(language)) continue;
      const terms = entry.get(language);
      if (terms === null) {
        parts.push(zeros(await this.index.docsWith('lang', language)));
        continue;
      }
      for (const term of terms) {
        for (const name of textFields(language, field)) parts.push(await this.term(name, term));
      }
    }
    if (this.expand && field === '') parts.push(...(await this.entityParts(key, 1)));
    return union(parts);
  }

  async phrase(keys, field) {
    const entries = [];
    for (const k of keys) entries.push(await this.entry(k));
    const parts = [];
    for (const language of this.index.languages) {
      const slots = [];
      let missing = false;
      for (const entry of entries) {
        if (!entry.has(language)) {
          missing = true;
          break;
        }
        const terms = entry.get(language);
        if (terms !== null) slots.push(terms);
      }
      if (missing) continue;
      if (!slots.length) {
        parts.push(zeros(await this.index.docsWith('lang', language)));
        continue;
      }
      for (const name of textFields(language, field)) parts.push(await this.phraseIn(name, slots));
    }
    if (this.expand && field === '') parts.push(...(await this.entityParts(keys.join(' '), keys.length)));
    return union(parts);
  }

  async prefix(key, field) {
    const words = await this.index.prefixWords(key, this.scoring.maxExpansion);
    const parts = [];
    for (const language of this.index.languages) {
      const terms = new Set();
      for (const [, entry] of words) for (const t of entry.get(language) ?? []) terms.add(t);
      for (const term of [...terms].sort()) {
        for (const name of textFields(language, field)) parts.push(await this.term(name, term));
      }
    }
    return union(parts);
  }

  async entityParts(key, words) {
    const parts = [];
    for (const entity of await this.index.entities(key)) {
      parts.push(await this.term(entity.field, entity.id));
      const seenKey = `${key}\u0000${entity.id}`;
      if (!this.seen.has(seenKey)) {
        this.seen.add(seenKey);
        this.expansions.push({ key, entity, shown: shownNames(entity, key, words) });
      }
    }
    return parts;
  }

  async term(field, term) {
    const postings = await this.index.postings(field, term);
    const out = new Map();
    if (!postings.docs.length) return out;
    const [kind, language] = field.split('@');
    if (language) {
      if (!this.matched.has(language)) this.matched.set(language, new Set());
      this.matched.get(language).add(term);
    }
    const [docs, avg] = this.index.stats(field);
    const weight = idf(docs, postings.docs.length);
    for (let i = 0; i < postings.docs.length; i += 1) {
      out.set(postings.docs[i], bm25(this.scoring, kind, weight, postings.tfs[i], postings.lengths[i], avg || 1));
    }
    return out;
  }

  async phraseIn(field, slots) {
    const scored = [];
    for (const slot of slots) {
      const row = [];
      for (const t of slot) row.push([t, await this.term(field, t)]);
      scored.push(row);
    }
    let candidates = null;
    for (const slot of scored) {
      const docs = new Set();
      for (const [, s] of slot) for (const d of s.keys()) docs.add(d);
      candidates = candidates === null ? docs : new Set([...candidates].filter((d) => docs.has(d)));
      if (!candidates.size) return new Map();
    }
    if (slots.length > 1) {
      const where = [];
      for (const slot of scored) {
        const row = [];
        for (const [t, s] of slot) {
          if ([...s.keys()].some((d) => candidates.has(d))) row.push(await this.index.positions(field, t));
        }
        where.push(row);
      }
      candidates = new Set([...candidates].filter((d) => adjacent(d, where)));
    }
    const result = new Map();
    for (const d of [...candidates].sort((a, b) => a - b)) {
      let total = 0;
      for (const slot of scored) {
        for (const [, s] of slot) {
          const v = s.get(d);
          if (v !== undefined) total += v;
        }
      }
      result.set(d, total);
    }
    return result;
  }
}

function adjacent(doc, where) {
  let starts = null;
  for (let offset = 0; offset < where.length; offset += 1) {
    const here = new Set();
    for (const positions of where[offset]) for (const p of positions.get(doc) ?? []) here.add(p - offset);
    starts = starts === null ? here : new Set([...starts].filter((p) => here.has(p)));
    if (!starts.size) return false;
  }
  return starts !== null && starts.size > 0;
}

/** Words of the query that stand for nothing in this archive (see evaluate.unknown_words). */
export async function unknownWords(index, node, expand = true, run = new Run(index, expand)) {
  const keys = [];
  const walk = (item) => {
    if (!item) return;
    if (item.op === 'word') keys.push(item.key);
    else if (item.op === 'phrase') keys.push(...item.keys);
    else if (item.op === 'not') walk(item.child);
    else if (item.op === 'and' || item.op === 'or') item.children.forEach(walk);
  };
  walk(node);
  const unknown = [];
  for (const key of new Set(keys)) {
    const entry = await run.entry(key);
    if (entry.size === 0 && !(expand && (await index.entities(key)).length)) unknown.push(key);
  }
  return unknown;
}

/**
 * Evaluate `query` (a string or a parsed tree). Returns {node, total, ranked: [[doc, score]…],
 * expansions, matched, unknown, guesses}; `ranked` holds every match, best first (or newest first for sort "date"
 * and for queries of filters alone); ties go to the lower document number, as on the CLI.
 */
export async function search(index, query, { expand = true, sort = 'relevance' } = {}) {
  await index.open();
  const node = typeof query === 'string' ? parse(query) : query;
  const run = new Run(index, expand);
  const scores = node === null ? new Map() : await run.node(node);
  const ranked = [...scores];
  if (sort === 'date' || !isScored(node)) {
    const days = await index.days();
    const day = (d) => (Number.isNaN(days[d]) ? -Infinity : days[d]);
    ranked.sort((a, b) => day(b[0]) - day(a[0]) || a[0] - b[0]);
  } else {
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
  const unknown = await unknownWords(index, node, expand, run);
  return {
    node, total: ranked.length, ranked, expansions: run.expansions, matched: run.matched, unknown,
    guesses: run.guesses,
  };
}
