// The query language, the twin of generator/search/query.py: same lexer, same grammar, and the
// same canonical tree (`{op: "word", key, field}` …), which the parity tests compare.

import { fold, tokens } from './analysis.js';

const FIELD_ALIASES = {
  title: 'title', person: 'person', place: 'place', org: 'org', organisation: 'org',
  organization: 'org', source: 'source', lang: 'lang', language: 'lang', tag: 'tag', date: 'date',
};
const ENTITY_FIELDS = new Set(['person', 'place', 'org']);
const FILTER_FIELDS = new Set(['source', 'lang', 'tag']);
const MIN_PREFIX = 2;
const SPACE = new Set(' \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000');
const QUOTES = new Set('"“”„«»');
const FIELD = /^([A-Za-z]+):([\s\S]*)$/;

function isStop(c) {
  return SPACE.has(c) || QUOTES.has(c) || c === '(' || c === ')';
}

function quoted(query, i) {
  let end = i;
  while (end < query.length && !QUOTES.has(query[end])) end += 1;
  return [query.slice(i, end), end + 1];
}

function lex(query) {
  const out = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i];
    if (SPACE.has(c)) {
      i += 1;
    } else if (c === '(' || c === ')') {
      out.push({ kind: c });
      i += 1;
    } else if (QUOTES.has(c)) {
      const [text, next] = quoted(query, i + 1);
      out.push({ kind: 'phrase', text, field: '' });
      i = next;
    } else if (c === '-' && i + 1 < n && !SPACE.has(query[i + 1])) {
      out.push({ kind: '-' });
      i += 1;
    } else {
      const start = i;
      while (i < n && !isStop(query[i])) i += 1;
      const chunk = query.slice(start, i);
      const field = FIELD.exec(chunk);
      const name = field ? FIELD_ALIASES[field[1].toLowerCase()] : undefined;
      if (field && name && Object.hasOwn(FIELD_ALIASES, field[1].toLowerCase())) {
        let value = field[2];
        if (!value && i < n && QUOTES.has(query[i])) {
          [value, i] = quoted(query, i + 1);
          out.push({ kind: 'phrase', text: value, field: name });
        } else {
          out.push({ kind: 'term', text: value, field: name });
        }
      } else if (chunk === 'OR' || chunk === 'AND' || chunk === 'NOT') {
        out.push({ kind: chunk });
      } else {
        out.push({ kind: 'term', text: chunk, field: '' });
      }
    }
  }
  return out;
}

function combine(op, items) {
  if (!items.length) return null;
  return items.length === 1 ? items[0] : { op, children: items };
}

class Parser {
  constructor(toks) {
    this.toks = toks;
    this.i = 0;
  }

  peek() {
    return this.i < this.toks.length ? this.toks[this.i] : null;
  }

  sequence(depth) {
    const items = [];
    for (let tok = this.peek(); tok !== null; tok = this.peek()) {
      if (tok.kind === ')') {
        if (depth > 0) break;
        this.i += 1;
        continue;
      }
      if (tok.kind === 'OR' || tok.kind === 'AND') {
        this.i += 1;
        continue;
      }
      const node = this.disjunction(depth);
      if (node !== null) items.push(node);
    }
    return combine('and', items);
  }

  disjunction(depth) {
    const items = [];
    const first = this.unary(depth);
    if (first !== null) items.push(first);
    for (let tok = this.peek(); tok !== null && tok.kind === 'OR'; tok = this.peek()) {
      this.i += 1;
      const node = this.unary(depth);
      if (node !== null) items.push(node);
    }
    return combine('or', items);
  }

  unary(depth) {
    const tok = this.peek();
    if (tok === null) return null;
    this.i += 1;
    if (tok.kind === 'NOT' || tok.kind === '-') {
      const child = this.unary(depth);
      return child !== null ? { op: 'not', child } : null;
    }
    if (tok.kind === '(') {
      const node = this.sequence(depth + 1);
      const close = this.peek();
      if (close !== null && close.kind === ')') this.i += 1;
      return node;
    }
    if (tok.kind === 'term' || tok.kind === 'phrase') return clause(tok);
    return null;
  }
}

function clause(tok) {
  const { field, text } = tok;
  if (field === 'date') return dateRange(text);
  const star = tok.kind === 'term' && text.endsWith('*');
  const keys = tokens(text).map(fold);
  if (!keys.length) return null;
  if (ENTITY_FIELDS.has(field)) return { op: 'entity', field, key: keys.join(' ') };
  if (FILTER_FIELDS.has(field)) {
    const key = keys.join(' ');
    return { op: 'filter', field, key: field === 'lang' ? normaliseLanguage(key) : key };
  }
  if (star && keys.length === 1 && [...keys[0]].length >= MIN_PREFIX) return { op: 'prefix', key: keys[0], field };
  if (keys.length === 1) return { op: 'word', key: keys[0], field };
  return { op: 'phrase', keys, field };
}

/** As analysis.normalise_language: a 2-3 letter code, else "und". */
export function normaliseLanguage(code) {
  const first = (code || '').split('-')[0].split('_')[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(first) ? first : 'und';
}

const DATE = /^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$/;

function daysInMonth(year, month) {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0); // day 0 of the next month: the last day of `month`
  return d.getUTCDate();
}

function day(text, first) {
  const m = DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : first ? 1 : 12;
  if (month < 1 || month > 12) return null;
  const last = year >= 1 ? daysInMonth(year, month) : 31;
  const dd = m[3] ? Number(m[3]) : first ? 1 : last;
  if (dd < 1 || dd > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function dateRange(text) {
  const at = text.indexOf('..');
  const startText = at < 0 ? text : text.slice(0, at);
  const endText = at < 0 ? text : text.slice(at + 2);
  const start = startText ? day(startText, true) : '';
  const end = endText ? day(endText, false) : '';
  if (start === null || end === null || (!start && !end)) return { op: 'nothing' };
  return { op: 'date', start, end };
}

/** The query's tree, or null when it holds nothing searchable. */
export function parse(query) {
  return new Parser(lex(query)).sequence(0);
}

/** Whether some clause can score (see evaluate.is_scored); filters alone are ordered by date. */
export function isScored(node) {
  if (node === null) return false;
  if (node.op === 'word' || node.op === 'phrase' || node.op === 'prefix') return true;
  if (node.op === 'and' || node.op === 'or') return node.children.some(isScored);
  return false;
}
