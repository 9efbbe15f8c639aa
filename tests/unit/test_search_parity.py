"""The browser's engine (run under node) and `archive search` return the same top 10, in the same order.

Two corpora: the sample archive (content/, through the real read-annotate-catalogue pipeline) and a
generated one (bench/search_corpus.py) with three languages and entities spelled per language.
Queries cover words, phrases, booleans, fields, filters, date ranges, prefixes, expansion on and off.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from bench.search_corpus import _ENDINGS as _CORPUS_ENDINGS
from bench.search_corpus import generate_catalog
from generator.build import gather
from generator.config import Config
from generator.model import BuildReport, Catalog
from generator.search import export_search, search
from generator.search.analysis import analysis, fold, stop_words, tokens
from generator.search.query import parse, to_json

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
RUNNER = ROOT / "tests" / "js" / "parity_runner.mjs"

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

SAMPLE_QUERIES = [
    "corridor", "céréalier", "cerealier", "corridor céréalier", '"corridor céréalier"', "grain corridor",
    '"grain corridor"', "Tokaïev", "Tokayev", "Tokaiev", "Токаев", "Poutine", "Putin", "Kazakhstan",
    "Moscou OR Moscow", "Aktau OR Aktaou OR Актау", "grain -wheat", "eau -corridor", "accord Oural",
    "Ural", "Oural", "water agreement", "зерновой коридор", '"зерновой коридор"', "Wasserabkommen",
    "title:corridor", "title:Токаев", "lang:fr", "lang:ru corridor", "lang:de", "date:2025-11",
    "date:2025-11-11", "date:..2025-11-10", "date:2025-11-12..", "corridor date:2025", "export*", "céré*",
    "tokai*", "ратиф*", "les élections", "the grain", "(corridor OR accord) -Moscou", "NOT corridor",
    'person:"Kassym-Jomart Tokayev"', "person:Tokaïev", "place:Kazakhstan", "org:Kremlin",
    "Kremlin", "Majilis", "ratification", "tonnes de céréales", "président", "president", "президент",
    "zzzunknownword grain", '"unknownphrase corridor"',
    # forms the archive lacks, searched for as the stem of a form it has (guess.py)
    "зерновой", "коридоров", '"зерновой коридор"', "Abkommens", "Wasserabkommens", "exporting",
    "corridors -зерновой", "Kazakhstani", "élection", "президентом", "partisan", "Getreidekorridors",
]
# Of those, the ones whose guess is known (word -> language, stem): a check that the fallback works.
SAMPLE_GUESSES = {"зерновои": ("ru", "зернов"), "abkommens": ("de", "abkomm"), "exporting": ("en", "export")}


def export(catalog: Catalog, tmp: Path) -> Path:
    site = tmp / "site"
    for file in export_search(catalog, Config(), tmp / "cache"):
        target = site / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.data)
    return site / "search"


def run_node(search_dir: Path, queries: list[dict], tmp: Path) -> list[dict]:
    spec = tmp / "queries.json"
    spec.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [NODE, str(RUNNER), str(search_dir), str(spec)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def compare(queries: list[dict], cache: Path, browser: list[dict]) -> int:
    """Assert parity for every query; returns how many queries found something."""
    assert len(browser) == len(queries)
    found = 0
    for spec, js in zip(queries, browser, strict=True):
        query = spec["query"]
        py = search(query, cache, limit=10, expand=spec.get("expand", True), sort=spec.get("sort", "relevance"))
        where = f"query {query!r} {spec}"
        assert js["tree"] == to_json(parse(query)), where
        assert js["slugs"] == [h.slug for h in py.hits], where
        assert js["scores"] == [h.score for h in py.hits], where  # the same doubles, not just close
        assert js["total"] == py.total, where
        assert [(k, i, list(n)) for k, i, n in js["also"]] == [
            (a.word, a.entity_id, list(a.names)) for a in py.also_matched
        ], where
        assert js["unknown"] == py.unknown, where
        assert js["guesses"] == [[g.word, g.language, g.term, list(g.forms)] for g in py.searched_for], where
        found += py.total > 0
    return found


def generated_queries(catalog: Catalog) -> list[dict]:
    """Queries made from the corpus itself, so they hit: frequent and rare words, real phrases, names."""
    by_lang: dict[str, Counter[str]] = {}
    phrases: list[str] = []
    for i, item in enumerate(catalog.articles):
        lang = item.language
        stops = stop_words(lang)
        words = [w for w in tokens(item.article.text) if not w.isdigit()]
        by_lang.setdefault(lang, Counter()).update(w for w in words if fold(w) not in stops)
        if i % 40 == 0 and len(words) > 12:
            phrases.append(" ".join(words[5:7]))
            phrases.append(" ".join(words[9:12]))
    queries: list[str] = []
    for lang in sorted(by_lang):
        common = [w for w, _ in by_lang[lang].most_common(400) if len(w) > 3]
        rare = [w for w, c in sorted(by_lang[lang].items()) if c == 2 and len(w) > 4]
        queries += [common[3], common[40], common[150], rare[0], rare[7]]
        queries += [f"{common[10]} {common[25]}", f"{common[5]} OR {rare[3]}", f"{common[8]} -{common[12]}"]
        queries += [f"{common[60][:4]}*", f"title:{common[30]}", f"{common[20]} lang:{lang}"]
        queries += [f"({common[15]} OR {common[16]}) -{common[17]}", f"{common[2].upper()} {common[70]}"]
    queries += [f'"{p}"' for p in phrases[:8]]
    people = [e for e in catalog.entities if e.kind == "person"][:3]
    places = [e for e in catalog.entities if e.kind == "place"][:2]
    orgs = [e for e in catalog.entities if e.kind == "organisation"][:2]
    for entity in people:
        surname = entity.name.split()[-1]
        queries += [surname, f'person:"{entity.name}"', f"person:{entity.aliases[0].split()[-1]}"]
    queries += [f'place:"{places[0].aliases[-1]}"', f'org:"{orgs[0].name}"', places[1].aliases[0].split()[0]]
    source = catalog.articles[0].article.meta.source
    queries += [f'source:"{source}"', 'tag:"topic 7"', "date:2019", "date:2018-03..2019-06", "date:..2016-06",
                f"{by_lang['en'].most_common(50)[45][0]} date:2020..", "lang:ru", "-lang:fr -lang:ru"]
    specs = [{"query": q} for q in queries]
    for entity in people[:2]:
        specs.append({"query": entity.name.split()[-1], "expand": False})
    specs.append({"query": by_lang["fr"].most_common(30)[20][0], "sort": "date"})
    return specs


def unseen_inflections(by_lang: dict[str, Counter[str]]) -> dict[str, str]:
    """Per language, four forms the corpus lacks that Snowball stems like a frequent word of it
    (the corpus's own endings on its stems), and a phrase of two: query -> the stem expected."""
    out: dict[str, str] = {}
    for lang in ("fr", "en", "ru"):
        known = {fold(w) for w in by_lang[lang]}
        # The corpus's endings in its own order (plural and case endings first); a longer, derivational
        # one ("-ations") is beyond guess.ENDING_MAX and would not be guessed.
        endings = [e for group in _CORPUS_ENDINGS[lang] for e in group if e]
        made: list[tuple[str, str]] = []
        for word, _ in by_lang[lang].most_common(400)[40:]:
            term = analysis(lang).term(word)
            if term is None or len(term) < 5:
                continue
            for ending in endings:
                form = term + ending
                if form not in known and analysis(lang).term(form) == term and len(made) < 4:
                    made.append((form, term))
                    break
        out.update(made)
        out[f"{made[0][0]} {made[1][0]}"] = ""
    return out


def test_parity_on_a_generated_corpus(tmp_path):
    catalog = generate_catalog(400, languages=("fr", "en", "ru"), seed=5, lemmas=3000, entities=60)
    search_dir = export(catalog, tmp_path)
    queries = generated_queries(catalog)
    assert len(queries) >= 60
    words = {lang: Counter() for lang in ("fr", "en", "ru")}
    for item in catalog.articles:
        words[item.language].update(tokens(item.article.text))
    unseen = unseen_inflections(words)
    specs = queries + [{"query": q} for q in unseen]
    found = compare(specs, tmp_path / "cache", run_node(search_dir, specs, tmp_path))
    assert found >= len(queries) - 5, "the queries should mostly find something"
    single = {q: term for q, term in unseen.items() if term}
    right = [q for q, term in single.items() if [g.term for g in search(q, tmp_path / "cache").searched_for] == [term]]
    assert len(right) >= len(single) * 3 // 4, f"unseen forms should mostly get Snowball's stem: {right} of {single}"


def test_parity_on_the_sample_archive(tmp_path):
    content = ROOT / "content"
    if not content.is_dir():
        pytest.skip("no sample archive")
    report = BuildReport()
    config = Config()
    catalog = gather(config, content, tmp_path / "build-cache", report)
    assert catalog.articles
    search_dir = export(catalog, tmp_path)
    queries = [{"query": q} for q in SAMPLE_QUERIES] + [{"query": "Tokayev", "expand": False}]
    found = compare(queries, tmp_path / "cache", run_node(search_dir, queries, tmp_path))
    assert found >= 40, "most sample queries should find articles"
    for word, (language, term) in SAMPLE_GUESSES.items():
        guesses = search(word, tmp_path / "cache").searched_for
        assert [(g.language, g.term) for g in guesses] == [(language, term)], word
        assert guesses[0].forms and all(f.startswith(term) for f in guesses[0].forms), word
