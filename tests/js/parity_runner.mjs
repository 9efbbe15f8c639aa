// Runs queries with the browser's engine over an exported index on disk; prints JSON results.
// Used by tests/unit/test_search_parity.py: node tests/js/parity_runner.mjs SITE_SEARCH_DIR QUERIES.json
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StaticIndex } from '../../templates/static/js/search/index.js';
import { search } from '../../templates/static/js/search/engine.js';
import { parse } from '../../templates/static/js/search/query.js';

const [dir, queriesFile] = process.argv.slice(2);
const load = async (path) => {
  const text = await readFile(join(dir, path), 'utf8');
  return path.endsWith('.json') ? JSON.parse(text) : text;
};
const queries = JSON.parse(await readFile(queriesFile, 'utf8'));
const out = [];
for (const { query, expand = true, sort = 'relevance', limit = 10 } of queries) {
  const index = new StaticIndex(load); // a fresh index per query, as a first query in a browser
  const result = await search(index, query, { expand, sort });
  const top = result.ranked.slice(0, limit);
  const slugs = [];
  for (const [doc] of top) slugs.push((await index.record(doc)).s);
  out.push({
    query,
    tree: parse(query),
    total: result.total,
    slugs,
    scores: top.map(([, s]) => s),
    also: result.expansions.map((e) => [e.key, e.entity.id, e.shown]),
    unknown: result.unknown,
    guesses: result.guesses.map((g) => [g.word, g.language, g.term, g.forms]),
  });
}
process.stdout.write(JSON.stringify(out));
