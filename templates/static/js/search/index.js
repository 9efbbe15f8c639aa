// Reads the exported index (generator/search/export.py) file by file, only what a query needs,
// and serves the engine the same questions the CLI's source answers from whoosh.

import { decode } from './vlq.js';

const EMPTY = Object.freeze({ docs: [], tfs: [], lengths: [] });

/** Fetch-based loader: `load(path)` -> parsed JSON (".json") or text, relative to `base`. */
export function fetchLoader(base, fetchImpl = globalThis.fetch.bind(globalThis)) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return async (path) => {
    const response = await fetchImpl(root + path);
    if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
    return path.endsWith('.json') ? response.json() : response.text();
  };
}

function compareUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0; // JavaScript compares UTF-16 code units, as the exporter sorts
}

export class StaticIndex {
  constructor(load) {
    this.load = load;
    this.files = new Map(); // path -> Promise
    this.shardMaps = new Map(); // shard number -> {w, t, a} Maps
    this.postingsCache = new Map();
    this.entityCache = new Map();
    this.manifest = null;
  }

  /** Fetch each file once; concurrent callers share the same promise. */
  file(path) {
    let promise = this.files.get(path);
    if (!promise) {
      promise = this.load(path);
      this.files.set(path, promise);
      promise.catch(() => this.files.delete(path));
    }
    return promise;
  }

  async open() {
    if (!this.manifest) {
      const m = await this.file('manifest.json');
      this.manifest = m;
      this.languages = m.languages.map((l) => l[0]);
      this.languageRange = new Map(m.languages.map((l) => [l[0], [l[1], l[2]]]));
      this.fieldNumber = new Map();
      this.fieldInfo = m.fields.map(([kind, lang, docs, avg, scored, centre], i) => {
        const name = lang ? `${kind}@${lang}` : kind;
        this.fieldNumber.set(name, i);
        return { name, kind, lang, docs, avg, scored, centre };
      });
      this.docCount = m.docs;
    }
    return this;
  }

  shardOf(key) {
    const firsts = this.manifest.shards;
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compareUnits(firsts[mid], key) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  async shard(number) {
    let maps = this.shardMaps.get(number);
    if (!maps) {
      const data = await this.file(`s/${number}.json`);
      if (this.shardMaps.has(number)) return this.shardMaps.get(number);
      maps = {
        words: data.w, // kept as a sorted array for prefix scans
        w: new Map(data.w.map((row) => [row[0], row.slice(1)])),
        t: new Map(data.t.map((row) => [row[0], row.slice(1)])),
        a: new Map(data.a.map((row) => [row[0], row.slice(1)])),
      };
      this.shardMaps.set(number, maps);
    }
    return maps;
  }

  stats(field) {
    const info = this.fieldInfo[this.fieldNumber.get(field)];
    return info ? [info.docs, info.avg] : [0, 0];
  }

  async termRecord(field, term) {
    const number = this.fieldNumber.get(field);
    if (number === undefined) return null;
    const shard = this.shardOf(term);
    const records = (await this.shard(shard)).t.get(term);
    if (!records) return null;
    const record = records.find((r) => r[0] === number);
    const info = this.fieldInfo[number];
    return record ? { shard, number, data: record[1], scored: info.scored, centre: info.centre } : null;
  }

  async postings(field, term) {
    const cacheKey = `${field} ${term}`;
    let result = this.postingsCache.get(cacheKey);
    if (result) return result;
    const record = await this.termRecord(field, term);
    if (!record) return EMPTY;
    const text = typeof record.data === 'string' ? record.data : await this.file(`p/${record.data}.txt`);
    const numbers = decode(text);
    const lengths = this.manifest.lengths;
    const docs = [];
    const tfs = [];
    const lens = [];
    let doc = 0;
    if (record.scored) {
      // gap, then zigzag(length code - centre) * 4 + min(tf - 1, 3), then tf - 4 when that is 3
      for (let i = 0; i < numbers.length; ) {
        doc += numbers[i];
        const packed = numbers[i + 1];
        const low = packed % 4;
        const zig = Math.floor(packed / 4);
        const offset = zig % 2 === 0 ? zig / 2 : -(zig + 1) / 2;
        i += 2;
        let tf = low + 1;
        if (low === 3) {
          tf += numbers[i];
          i += 1;
        }
        docs.push(doc);
        tfs.push(tf);
        lens.push(lengths[record.centre + offset]);
      }
    } else {
      for (const gap of numbers) {
        doc += gap;
        docs.push(doc);
        tfs.push(1);
        lens.push(0);
      }
    }
    result = { docs, tfs, lengths: lens };
    this.postingsCache.set(cacheKey, result);
    return result;
  }

  /** Map doc -> positions of `term` in `field` (phrase queries only). */
  async positions(field, term) {
    const record = await this.termRecord(field, term);
    if (!record) return new Map();
    let text;
    if (typeof record.data === 'string') {
      const companion = await this.file(`s/${record.shard}.p.json`);
      text = companion[`${record.number} ${term}`] ?? '';
    } else {
      text = await this.file(`q/${record.data}.txt`);
    }
    const { docs, tfs } = await this.postings(field, term);
    const numbers = decode(text);
    const out = new Map();
    let k = 0;
    for (let i = 0; i < docs.length; i += 1) {
      const list = [];
      let pos = 0;
      for (let j = 0; j < tfs[i]; j += 1) {
        pos += numbers[k];
        k += 1;
        list.push(pos);
      }
      out.set(docs[i], list);
    }
    return out;
  }

  entryOf(row) {
    const entry = new Map();
    for (const item of row) {
      entry.set(this.languages[item[0]], item.length === 1 ? null : item.slice(1));
    }
    return entry;
  }

  /** The entry of `key` if its shard is already loaded (no fetch; for highlighting), else undefined. */
  cachedWord(key) {
    const maps = this.shardMaps.get(this.shardOf(key));
    const row = maps && maps.w.get(key);
    return row ? this.entryOf(row) : undefined;
  }

  /** Whether `term` is indexed in the language's title or body (for guess.js). */
  async isTerm(language, term) {
    return Boolean((await this.termRecord(`title@${language}`, term)) || (await this.termRecord(`body@${language}`, term)));
  }

  /** The language's endings table (guess.py), fetched only when a query word is not in the dictionary. */
  async endings(language) {
    if (!this.endingSets) {
      const table = await this.file('endings.json');
      this.endingSets = new Map(Object.entries(table).map(([lang, list]) => [lang, new Set(list)]));
    }
    return this.endingSets.get(language) ?? new Set();
  }

  /** Map language -> terms (null for a stop word) the folded word stands for. */
  async word(key) {
    const row = (await this.shard(this.shardOf(key))).w.get(key);
    return row ? this.entryOf(row) : new Map();
  }

  /** [key, entry] of dictionary words starting with `prefix` that stand for some term, in order. */
  async prefixWords(prefix, limit) {
    const out = [];
    for (let n = this.shardOf(prefix); n < this.manifest.shards.length; n += 1) {
      if (n > this.shardOf(prefix) && compareUnits(this.manifest.shards[n], prefix) > 0
          && !this.manifest.shards[n].startsWith(prefix)) break;
      const { words } = await this.shard(n);
      for (const row of words) {
        const key = row[0];
        if (compareUnits(key, prefix) < 0) continue;
        if (!key.startsWith(prefix)) return out;
        const entry = this.entryOf(row.slice(1));
        if ([...entry.values()].some((terms) => terms && terms.length)) {
          out.push([key, entry]);
          if (out.length === limit) return out;
        }
      }
    }
    return out;
  }

  async entity(number) {
    const size = this.manifest.entityChunk;
    const chunk = await this.file(`e/${Math.floor(number / size)}.json`);
    const [id, field, name, aliases] = chunk[number % size];
    return { id, field, name, aliases };
  }

  /** Entities one of whose lookup keys is `key`, in id order. */
  async entities(key) {
    let found = this.entityCache.get(key);
    if (!found) {
      const numbers = (await this.shard(this.shardOf(key))).a.get(key) ?? [];
      found = await Promise.all(numbers.map((n) => this.entity(n)));
      this.entityCache.set(key, found);
    }
    return found;
  }

  async docsWith(field, value) {
    if (field === 'lang') {
      const range = this.languageRange.get(value);
      const out = new Set();
      if (range) for (let d = range[0]; d < range[1]; d += 1) out.add(d);
      return out;
    }
    return new Set((await this.postings(field, value)).docs);
  }

  /** Day number (days since 1970-01-01, NaN when undated) of every document. */
  async days() {
    if (!this.dayList) {
      const { runs } = await this.file('dates.json');
      const days = new Float64Array(this.docCount);
      let doc = 0;
      for (let i = 0; i < runs.length; i += 2) {
        days.fill(runs[i] === null ? NaN : runs[i], doc, doc + runs[i + 1]);
        doc += runs[i + 1];
      }
      this.dayList = days;
    }
    return this.dayList;
  }

  async docsDated(start, end) {
    const days = await this.days();
    const lo = start ? dayNumber(start) : -Infinity;
    const hi = end ? dayNumber(end) : Infinity;
    const out = new Set();
    for (let d = 0; d < days.length; d += 1) {
      if (days[d] >= lo && days[d] <= hi) out.add(d); // NaN (undated) fails both
    }
    return out;
  }

  allDocs() {
    const out = new Set();
    for (let d = 0; d < this.docCount; d += 1) out.add(d);
    return out;
  }

  docPath(folder, number, suffix) {
    const bucket = this.manifest.docBucket;
    return `${folder}/${Math.floor(number / bucket)}/${number % bucket}.${suffix}`;
  }

  /** A result record: {s: slug, t: title, l: language, d: date, src: source, e: [[field, name]…]}. */
  record(number) {
    return this.file(this.docPath('d', number, 'json'));
  }

  text(number) {
    return this.file(this.docPath('x', number, 'txt'));
  }
}

export function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / 86400000);
}
