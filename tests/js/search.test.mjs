// The browser's search engine under node's test runner: decoding, analysis, parsing, scoring and
// excerpts over a tiny index written by hand in the exporter's format (generator/search/export.py).
// Parity with the CLI over real exports is tested by tests/unit/test_search_parity.py.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fold, keyOf, tokens } from '../../templates/static/js/search/analysis.js';
import { search, shownNames } from '../../templates/static/js/search/engine.js';
import { excerpt } from '../../templates/static/js/search/excerpt.js';
import { guessTerm, searchedForText } from '../../templates/static/js/search/guess.js';
import { dayNumber, StaticIndex } from '../../templates/static/js/search/index.js';
import { isScored, parse } from '../../templates/static/js/search/query.js';
import { decode } from '../../templates/static/js/search/vlq.js';

test('vlq decodes what encode.vlq writes', () => {
  // generator.search.encode.vlq([0, 31, 32, 1023, 1024, 2**35])
  assert.deepEqual(decode('AfgB_fggBgggggggB'), [0, 31, 32, 1023, 1024, 2 ** 35]);
  assert.deepEqual(decode(''), []);
  assert.throws(() => decode('g'), /truncated/);
  assert.throws(() => decode('*'), /not an encoded number/);
});

test('tokens and fold match the Python analysis', () => {
  assert.deepEqual(tokens('L’avion de Kassym-Jomart Tokaïev, 2025.'), ['L', 'avion', 'de', 'Kassym', 'Jomart', 'Tokaïev', '2025']);
  assert.deepEqual(tokens('e\u0301lection'), ['élection']);
  assert.equal(fold('Tokaïev'), 'tokaiev');
  assert.equal(fold('Straße'), 'strasse');
  assert.equal(fold('Ёлка'), 'елка');
  assert.equal(fold('ΟΔΟΣ'), 'οδοσ');
  assert.equal(keyOf('Kassym-Jomart Tokaïev'), 'kassym jomart tokaiev');
});

test('query trees', () => {
  assert.deepEqual(parse('x a OR b'), {
    op: 'and',
    children: [{ op: 'word', key: 'x', field: '' }, { op: 'or', children: [{ op: 'word', key: 'a', field: '' }, { op: 'word', key: 'b', field: '' }] }],
  });
  assert.deepEqual(parse('-"corridor céréalier"'), { op: 'not', child: { op: 'phrase', keys: ['corridor', 'cerealier'], field: '' } });
  assert.deepEqual(parse('date:2024-02'), { op: 'date', start: '2024-02-01', end: '2024-02-29' });
  assert.deepEqual(parse('date:2023-02-29'), { op: 'nothing' });
  assert.deepEqual(parse('constructor:x'), { op: 'phrase', keys: ['constructor', 'x'], field: '' });
  assert.deepEqual(parse('person:"Tokaïev"'), { op: 'entity', field: 'person', key: 'tokaiev' });
  assert.deepEqual(parse('title:expo*'), { op: 'prefix', key: 'expo', field: 'title' });
  assert.equal(parse('   '), null);
  assert.equal(isScored(parse('lang:fr date:2024')), false);
  assert.equal(isScored(parse('grain lang:fr')), true);
  assert.equal(isScored(parse('-grain')), false);
});

// ---- a three-document index in the export format ------------------------------------------------
// Postings: gap, then zigzag(length code - field centre) * 4 + min(tf - 1, 3); length table = identity.
// doc 0: en, 2025-01-02, body "… grain corridor … grain", Tokayev x1     (body length 10)
// doc 1: en, 2024-05-01, body "… grain", undated? no: dated               (body length 20)
// doc 2: fr, 2025-03-01, body "… blé", Tokaïev x2                         (body length 8)
const FILES = {
  'manifest.json': {
    format: 1,
    docs: 3,
    languages: [['en', 0, 2], ['fr', 2, 3]],
    fields: [
      ['title', 'en', 2, 5.0, true, 5], ['body', 'en', 2, 15.0, true, 15], ['title', 'fr', 1, 4.0, true, 4],
      ['body', 'fr', 1, 8.0, true, 8], ['person', null, 3, 1.0, true, 1], ['place', null, 3, 0.0, true, 0],
      ['org', null, 3, 0.0, true, 0], ['source', null, 0, 0.0, false, 0], ['tag', null, 0, 0.0, false, 0],
    ],
    scoring: { k1: 1.2, b: { title: 0.5, body: 0.75, person: 0.5, place: 0.5, org: 0.5 }, weight: { title: 2, body: 1, person: 1, place: 1, org: 1 }, maxExpansion: 50 },
    lengths: Array.from({ length: 256 }, (_, i) => i),
    shards: ['', 'tokaiev'],
    entityChunk: 128,
    entities: 1,
    docBucket: 1000,
    facetWindow: 50,
  },
  's/0.json': {
    w: [['ble', [1, 'ble']], ['corridor', [0, 'corridor']], ['grain', [0, 'grain']], ['grains', [0, 'grain']],
      ['les', [1]], ['the', [0]]],
    t: [['ble', [3, 'CA']], ['corridor', [1, 'AkB']], ['grain', [1, 'AlBBoB']], ['person/tokayev', [4, 'AACJ']],
      ['steppe wire', [7, 'A']]],
    a: [],
  },
  's/0.p.json': { '1 grain': 'BEH', '1 corridor': 'C' },
  's/1.json': {
    w: [['tokaiev', [1, 'tokaiev']], ['tokayev', [0, 'tokayev']]],
    t: [['tokaiev', [3, 'CA']], ['tokayev', [1, 'AkB']]],
    a: [['tokaiev', 0], ['tokayev', 0]],
  },
  'e/0.json': [['person/tokayev', 'person', 'Kassym-Jomart Tokayev', ['Tokayev', 'Tokaïev', 'Токаев']]],
  'endings.json': { en: ['ed', 's'], fr: ['s'] },
  'dates.json': { runs: [dayNumber('2025-01-02'), 1, dayNumber('2024-05-01'), 1, dayNumber('2025-03-01'), 1] },
  'd/0/0.json': { s: 'a', t: 'A', l: 'en' },
  'd/0/1.json': { s: 'b', t: 'B', l: 'en' },
  'd/0/2.json': { s: 'c', t: 'C', l: 'fr' },
};

function fixture() {
  const fetched = [];
  const index = new StaticIndex(async (path) => {
    fetched.push(path);
    if (!(path in FILES)) throw new Error(`missing ${path}`);
    return structuredClone(FILES[path]);
  });
  return { index, fetched };
}

function bm25(w, b, idfValue, tf, fl, avg) {
  const k1 = 1.2;
  return w * idfValue * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avg));
}
const round9 = (x) => Math.floor(x * 1e9 + 0.5) / 1e9;

test('a word scores BM25 per field with the exported statistics', async () => {
  const { index, fetched } = fixture();
  const result = await search(index, 'grains', { expand: false });
  const idf = round9(Math.log(2 / 3) + 1); // body@en covers 2 documents; df 2
  assert.deepEqual(result.ranked.map(([d]) => d), [0, 1]);
  assert.equal(result.ranked[0][1], bm25(1, 0.75, idf, 2, 10, 15));
  assert.equal(result.ranked[1][1], bm25(1, 0.75, idf, 1, 20, 15));
  // Only the manifest and one shard were needed: no positions, no other shard.
  assert.deepEqual(fetched.sort(), ['manifest.json', 's/0.json']);
});

test('phrases fetch positions and need adjacent terms', async () => {
  const { index, fetched } = fixture();
  assert.deepEqual((await search(index, '"grain corridor"')).ranked.map(([d]) => d), [0]);
  assert.ok(fetched.includes('s/0.p.json'));
  assert.equal((await search(index, '"corridor grain"')).total, 0);
});

test('entity expansion finds other spellings and reports them; it can be turned off', async () => {
  const { index } = fixture();
  const result = await search(index, 'Tokayev');
  assert.deepEqual(new Set(result.ranked.map(([d]) => d)), new Set([0, 2]));
  assert.equal(result.expansions.length, 1);
  assert.deepEqual(result.expansions[0].shown, ['Tokaïev', 'Токаев']);
  const plain = await search(index, 'Tokayev', { expand: false });
  assert.deepEqual(plain.ranked.map(([d]) => d), [0]);
  assert.equal(plain.expansions.length, 0);
  assert.deepEqual(shownNames({ name: 'Vladimir Putin', aliases: ['Poutine', 'Путин'], field: 'person' }, 'putin', 1), ['Poutine', 'Путин']);
});

test('stop words are neutral in their language, filters and negation score nothing', async () => {
  const { index } = fixture();
  // "les" is a French stop word: the French document needs only "blé".
  assert.deepEqual((await search(index, 'les blé')).ranked.map(([d]) => d), [2]);
  assert.deepEqual((await search(index, 'lang:en')).ranked, [[0, 0], [1, 0]]);
  assert.deepEqual((await search(index, '-grain')).ranked.map(([d]) => d), [2]);
  assert.deepEqual((await search(index, 'source:"Steppe Wire"')).ranked.map(([d]) => d), [0]);
  assert.deepEqual((await search(index, 'person:tokaiev')).ranked.map(([d]) => d), [2, 0]); // by date
  assert.deepEqual((await search(index, 'date:2025')).ranked.map(([d]) => d), [2, 0]);
  assert.deepEqual((await search(index, 'grain', { sort: 'date' })).ranked.map(([d]) => d), [0, 1]);
  assert.equal((await search(index, 'nothingatall')).total, 0);
});

test('a prefix stands for the dictionary words that start with it', async () => {
  const { index } = fixture();
  assert.deepEqual((await search(index, 'gra*')).ranked.map(([d]) => d), [0, 1]);
  assert.deepEqual((await search(index, 'tok*', { expand: false })).ranked.map(([d]) => d), [0, 2]);
});

test('excerpts mark matches as separate pieces and keep text as text', () => {
  const text = `${'a '.repeat(100)}the <b>grain</b> corridor ${'b '.repeat(100)}`;
  const pieces = excerpt(text, (w) => w.toLowerCase() === 'grain');
  const marked = pieces.filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marked, ['grain']);
  const joined = pieces.map((p) => p.text).join('');
  assert.ok(joined.includes('<b>grain</b>'), 'markup in the text stays literal text');
  assert.ok(joined.startsWith('…') && joined.trimEnd().endsWith('…'));
  const none = excerpt('short text', () => false);
  assert.deepEqual(none, [{ text: 'short text', mark: false }]);
});

test('a word the dictionary lacks is searched for as an indexed stem with a known ending', async () => {
  const { index, fetched } = fixture();
  const result = await search(index, 'grained', { expand: false });
  assert.deepEqual(result.ranked.map(([d]) => d), [0, 1]);
  assert.deepEqual(result.guesses, [{ word: 'grained', language: 'en', term: 'grain', forms: ['grain', 'grains'] }]);
  assert.deepEqual(result.unknown, []);
  assert.ok(fetched.includes('endings.json'));
  assert.equal(searchedForText(result.guesses, 'Searched for:'), 'Searched for: grain… (grain, grains)');
  // Same postings as the word itself: the guess stands for exactly the stem.
  const plain = await search(index, 'grains', { expand: false });
  assert.deepEqual(result.ranked, plain.ranked);
});

test('no guess without a known ending, below four letters of stem or past five of ending', async () => {
  const { index } = fixture();
  for (const word of ['grainxyz', 'corridorly', 'bles']) {
    const result = await search(index, word, { expand: false });
    assert.equal(result.total, 0, word);
    assert.deepEqual(result.guesses, [], word);
    assert.deepEqual(result.unknown, [word], word);
  }
  const yes = async (s) => s === 'abc' || s === 'abcd';
  assert.equal(await guessTerm('abcs', new Set(['s']), yes), null); // "abc" is one letter short
  assert.equal(await guessTerm('abcdefghij', new Set(['efghij']), yes), null);
  assert.equal(await guessTerm('abcde', new Set(['e']), yes), 'abcd');
  assert.equal(await guessTerm('зерновои', new Set(['ои']), async (s) => s === 'зернов'), 'зернов');
});
