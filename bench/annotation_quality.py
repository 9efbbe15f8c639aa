"""Annotation quality against the hand-made gold files: precision, recall and F1 per annotator, kind, language.

Gold files: tests/gold/<lang>__<name>.gold.yaml for content/<lang>/<name>.(md|txt), and
<seeds>/<name>.gold.yaml for <seeds>/<name>.txt (the shared seed). Articles are read with the project's
readers and annotated by the default registry pipeline, without cache, with content/entities.yml as the
curated list (`--no-curated` measures the rules alone, as on articles nobody curated).

One scoring function per annotator, registered in SCORERS; each returns `Score` rows that the report
sums per (annotator, level, language, kind). Add a scorer for a new annotator the same way.

    .venv/bin/python bench/annotation_quality.py [--no-curated] [--details] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.annotate import entity_model, quotes  # noqa: E402
from generator.annotate.curated import CuratedEntity, load_curated  # noqa: E402
from generator.annotate.entity_resources import data_languages  # noqa: E402
from generator.annotate.pipeline import make_pipeline, run_annotators  # noqa: E402
from generator.annotate.registry import DEFAULT_ANNOTATORS  # noqa: E402
from generator.model import Annotations, Article, EntityMention, Quote, Span  # noqa: E402
from generator.sources import read_file  # noqa: E402
from generator.text import fold  # noqa: E402

GOLD_KINDS = {"persons": "person", "places": "place", "organisations": "organisation"}


@dataclass(frozen=True, slots=True)
class Case:
    """One article with its gold annotations and what the pipeline produced."""

    name: str
    language: str
    gold: dict[str, Any]
    article: Article
    annotations: Annotations
    canon: Callable[[str], str]  # a name -> its comparison key (curated aliases folded together)


@dataclass(slots=True)
class Score:
    annotator: str
    level: str  # what is counted: "entity" (distinct names per article), "mention" (spans), …
    language: str
    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# -- entities ---------------------------------------------------------------------------------------------


def score_entities(case: Case) -> list[Score]:
    """Entity level: the distinct (kind, name) pairs of the article, names compared folded and through
    curated aliases. Mention level: exact spans and kinds of every surface form in the text; descriptions
    listed under also_referred_to_as are neither required nor counted against."""
    scores: list[Score] = []
    gold_pairs: set[tuple[str, str]] = set()
    gold_names: dict[tuple[str, str], str] = {}
    for section, kind in GOLD_KINDS.items():
        for item in case.gold.get(section) or []:
            name = case.canon(str(item["name"]))
            key = (kind, _person_key(name) if kind == "person" else name)
            gold_pairs.add(key)
            gold_names[key] = str(item["name"])
    predicted: dict[tuple[str, str], str] = {}
    for mention in case.annotations.entities:
        if not mention.surface[:1].isupper() and mention.kind == "person":
            continue  # a description resolved to a person ("le dirigeant kazakh"): optional
        name = case.canon(mention.name)
        predicted.setdefault((mention.kind, _person_key(name) if mention.kind == "person" else name), mention.name)
    for kind in GOLD_KINDS.values():
        score = Score("entities", "entity", case.language, kind)
        gold_k = {p for p in gold_pairs if p[0] == kind}
        pred_k = {p for p in predicted if p[0] == kind}
        score.tp = len(gold_k & pred_k)
        score.fp = len(pred_k - gold_k)
        score.fn = len(gold_k - pred_k)
        score.errors += [f"{case.name}: extra {kind} {predicted[p]!r}" for p in sorted(pred_k - gold_k)]
        score.errors += [f"{case.name}: missed {kind} {gold_names[p]!r}" for p in sorted(gold_k - pred_k)]
        scores.append(score)
    scores += _score_mentions(case)
    return scores


_PATRONYMIC = re.compile(r"(ович|евич|вич|овна|евна|ична|ovich|evich|ovitch|evitch|ovna|evna)$")


def _person_key(name: str) -> str:
    """"Анна Сергеевна Воронцова" and "Анна Воронцова" are one person (the project's convention, issue 3,
    resolves a name with a patronymic to first name and surname): middle patronymics are left out."""
    words = name.split()
    if len(words) < 3:
        return name
    return " ".join([words[0], *(w for w in words[1:-1] if not _PATRONYMIC.search(w)), words[-1]])


def _score_mentions(case: Case) -> list[Score]:
    text = case.article.text
    gold_spans: dict[tuple[int, int], str] = {}
    for section, kind in GOLD_KINDS.items():
        for item in case.gold.get(section) or []:
            for surface in item.get("surface_forms") or [item["name"]]:
                for start, end in _occurrences(text, str(surface)):
                    gold_spans[(start, end)] = kind
    # An occurrence inside a longer gold occurrence ("Kazakhstan" in "Kazakhstan Grain Union") is not one.
    spans = sorted(gold_spans, key=lambda s: (s[0], s[0] - s[1]))
    kept: dict[tuple[int, int], str] = {}
    for span in spans:
        if not any(o[0] <= span[0] and span[1] <= o[1] and o != span for o in kept):
            kept[span] = gold_spans[span]
    neutral = [
        occurrence
        for section in GOLD_KINDS
        for item in case.gold.get(section) or []
        for phrase in item.get("also_referred_to_as") or []
        for variant in _without_determiner(str(phrase))
        for occurrence in _occurrences(text, variant)
    ]
    predicted = {
        (m.span.start, m.span.end): m.kind
        for m in case.annotations.entities
        if (m.span.start, m.span.end) in kept or not any(s <= m.span.start and m.span.end <= e for s, e in neutral)
    }
    scores = []
    for kind in GOLD_KINDS.values():
        score = Score("entities", "mention", case.language, kind)
        gold_k = {s for s, k in kept.items() if k == kind}
        pred_k = {s for s, k in predicted.items() if k == kind}
        score.tp = len(gold_k & pred_k)
        score.fp = len(pred_k - gold_k)
        score.fn = len(gold_k - pred_k)
        score.errors += [f"{case.name}: extra {kind} mention {text[s:e]!r}@{s}" for s, e in sorted(pred_k - gold_k)]
        score.errors += [f"{case.name}: missed {kind} mention {text[s:e]!r}@{s}" for s, e in sorted(gold_k - pred_k)]
        scores.append(score)
    return scores


def _without_determiner(phrase: str) -> list[str]:
    """"le dirigeant kazakh" also stands as "dirigeant kazakh" (in "du dirigeant kazakh")."""
    words = phrase.split()
    return [phrase, " ".join(words[1:])] if len(words) > 2 else [phrase]


def _occurrences(text: str, surface: str) -> Iterable[tuple[int, int]]:
    if not surface:
        return []
    pattern = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


# -- quotes -----------------------------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(fold(text).replace("’", "'").split())


def _same_speaker(case: Case, predicted: str | None, gold: str) -> bool:
    """Same person or source: folded or curated-alias equality, a gold surface form of that entity, or
    the gold name ending the prediction ("le Kremlin" for "Kremlin")."""
    if not predicted:
        return False
    p, g = _words(predicted), _words(gold)
    if p == g or case.canon(predicted) == case.canon(gold):
        return True
    names = {g}
    for section in GOLD_KINDS:
        for item in case.gold.get(section) or []:
            if _words(str(item["name"])) == g:
                names.update(_words(str(s)) for s in item.get("surface_forms") or [])
    if any(_without_middle(n) == p for n in names):
        return True
    return p in names or any(len(n) > 3 and (p.endswith(" " + n) or n.endswith(" " + p)) for n in names)


def _without_middle(name: str) -> str:
    """"anna sergeevna vorontsova" -> "anna vorontsova": the entity annotator's canonical form drops a
    patronymic or middle name (issue 3: "Vladimir Vladimirovitch Poutine" -> "Vladimir Poutine")."""
    words = name.split()
    return f"{words[0]} {words[-1]}" if len(words) == 3 else name


def _quote_scores(case: Case, predicted: Sequence[Quote], annotator: str) -> list[Score]:
    """Level "found": a predicted quotation whose text starts with the gold first words (kinds: full,
    partial). Level "speaker": found with the right speaker; a wrong or missing speaker is a miss, and a
    wrong speaker or an extra quotation a false positive. Gold titles (title_quotes_are_not_quotes) that
    come out as quotations are false positives of both levels."""
    gold = list(case.gold.get("quotes") or [])
    used: set[int] = set()
    found: dict[str, Score] = {k: Score(annotator, "found", case.language, k) for k in ("full", "partial")}
    speaker = Score(annotator, "speaker", case.language, "quote")
    for item in gold:
        kind = "partial" if item.get("partial") else "full"
        words = _words(str(item["first_words"]))
        hit = next((i for i, q in enumerate(predicted) if i not in used and _words(q.text).startswith(words)), None)
        if hit is None:
            found[kind].fn += 1
            speaker.fn += 1
            found[kind].errors.append(f"{case.name}: missed {item['first_words']!r} ({item['speaker']})")
            continue
        used.add(hit)
        found[kind].tp += 1
        quote = predicted[hit]
        if _same_speaker(case, quote.speaker, str(item["speaker"])):
            speaker.tp += 1
        else:
            speaker.fn += 1
            speaker.fp += quote.speaker is not None
            speaker.errors.append(
                f"{case.name}: {item['first_words']!r} spoken by {quote.speaker!r} (cue {quote.cue!r}), "
                f"gold {item['speaker']!r}"
            )
    for i, quote in enumerate(predicted):
        if i not in used:
            found["partial" if quote.partial else "full"].fp += 1
            speaker.fp += 1
            found["partial" if quote.partial else "full"].errors.append(
                f"{case.name}: extra quotation {quote.text[:60]!r} ({quote.speaker})"
            )
    return [*found.values(), speaker]


def score_quotes(case: Case) -> list[Score]:
    return _quote_scores(case, case.annotations.quotes, "quotes")


def gold_mentions(case: Case) -> tuple[EntityMention, ...]:
    """Entity mentions at every occurrence of the gold surface forms (longest first, never overlapping)."""
    text = case.article.text
    forms = [
        (str(surface), kind, str(item["name"]))
        for section, kind in GOLD_KINDS.items()
        for item in case.gold.get(section) or []
        for surface in item.get("surface_forms") or [item["name"]]
    ]
    taken: list[tuple[int, int]] = []
    mentions: list[EntityMention] = []
    for surface, kind, name in sorted(forms, key=lambda f: -len(f[0])):
        for start, end in _occurrences(text, surface):
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                mentions.append(EntityMention(kind, surface, name, Span(start, end)))  # type: ignore[arg-type]
    return tuple(sorted(mentions, key=lambda m: m.span.start))


def score_quotes_oracle(case: Case) -> list[Score]:
    """The quote rules alone: entity mentions taken from the gold file instead of the entity annotator."""
    mentions = gold_mentions(case)
    return _quote_scores(case, quotes.find_quotes(case.article.text, case.language, mentions), "quotes*")


# -- dates ------------------------------------------------------------------------------------------------


def score_dates(case: Case) -> list[Score]:
    """Level "value": a gold date is found when a prediction overlaps one of its occurrences with the same
    ISO value; a prediction that overlaps no gold date, or has another value, is a false positive. Gold
    items without a value (relatives the text cannot resolve) are neither required nor counted against.
    Level "span": the same, whatever the value."""
    text = case.article.text
    gold = list(case.gold.get("dates") or [])
    places = [list(_occurrences(text, str(item["surface"]))) for item in gold]
    value = Score("dates", "value", case.language, "date")
    span = Score("dates", "span", case.language, "date")
    hit_value: set[int] = set()
    hit_span: set[int] = set()
    for mention in case.annotations.dates:
        start, end = mention.span.start, mention.span.end
        over = [g for g, occ in enumerate(places) if any(a < end and start < b for a, b in occ)]
        if any(gold[g].get("value") is None for g in over):
            continue
        right = [g for g in over if str(gold[g]["value"]) == mention.value]
        hit_span.update(over)
        hit_value.update(right)
        if not right:
            value.fp += 1
            value.errors.append(f"{case.name}: {mention.surface!r} read as {mention.value}")
        if not over:
            span.fp += 1
            span.errors.append(f"{case.name}: extra date {mention.surface!r} ({mention.value})")
    for g, item in enumerate(gold):
        if item.get("value") is None:
            continue
        for score, hits in ((value, hit_value), (span, hit_span)):
            if g in hits:
                score.tp += 1
            else:
                score.fn += 1
                score.errors.append(f"{case.name}: missed {item['surface']!r} = {item['value']}")
    return [value, span]


# -- dateline ---------------------------------------------------------------------------------------------


def score_dateline(case: Case) -> list[Score]:
    """Place and source of the dateline, each right, wrong/invented (fp) or missed (fn)."""
    gold = case.gold.get("dateline") or {}
    scores = []
    for kind, got in (("place", case.annotations.dateline_place), ("source", case.annotations.dateline_source)):
        score = Score("dateline", "field", case.language, kind)
        expected = gold.get(kind)
        if expected and got and _words(str(expected)) == _words(got):
            score.tp += 1
        else:
            score.fp += bool(got)
            score.fn += bool(expected)
            if got or expected:
                score.errors.append(f"{case.name}: {kind} {got!r}, gold {expected!r}")
        scores.append(score)
    return scores


SCORERS: dict[str, Callable[[Case], list[Score]]] = {
    "entities": score_entities,
    "quotes": score_quotes,
    "quotes_oracle": score_quotes_oracle,
    "dates": score_dates,
    "dateline": score_dateline,
}


# -- cases ------------------------------------------------------------------------------------------------


def _canon_for(curated: tuple[CuratedEntity, ...]) -> Callable[[str], str]:
    table: dict[str, str] = {}
    for entity in curated:
        for name in entity.names:
            table[fold(name.replace("'", "’"))] = fold(entity.name.replace("'", "’"))

    def canon(name: str) -> str:
        key = fold(name.replace("'", "’"))
        return table.get(key, key)

    return canon


def load_cases(
    gold_dir: Path, content_dir: Path, seeds_dir: Path | None, curated: tuple[CuratedEntity, ...], model: str = ""
) -> list[Case]:
    pipeline = make_pipeline(DEFAULT_ANNOTATORS, {"entities_curated": curated, "statistical_model": model})
    canon = _canon_for(curated)
    cases: list[Case] = []
    names = {PurePosixPath(p.relative_to(content_dir).as_posix()) for p in content_dir.rglob("*") if p.is_file()}
    pairs: list[tuple[Path, Path, Path]] = []  # gold, content root, article
    for gold_path in sorted(gold_dir.glob("*.gold.yaml")):
        stem = gold_path.name[: -len(".gold.yaml")]
        language, _, base = stem.partition("__")
        found = [p for p in sorted((content_dir / language).glob(base + ".*")) if p.suffix in (".md", ".txt")]
        if found:
            pairs.append((gold_path, content_dir, found[0]))
    if seeds_dir is not None and seeds_dir.is_dir():
        for gold_path in sorted(seeds_dir.glob("*.gold.yaml")):
            article_path = gold_path.with_name(gold_path.name[: -len(".gold.yaml")] + ".txt")
            if article_path.is_file():
                pairs.append((gold_path, seeds_dir, article_path))
    for gold_path, root, article_path in pairs:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        rel = PurePosixPath(article_path.relative_to(root).as_posix())
        files = names if root == content_dir else {rel}
        article = read_file(root, rel, files)
        if not isinstance(article, Article):
            continue
        annotations, _ = run_annotators(pipeline, article, {})
        language = str(gold.get("language") or annotations.language)
        cases.append(Case(gold_path.name, language, gold, article, annotations, canon))
    return cases


def summarise(scores: list[Score]) -> list[Score]:
    """Sum rows per (annotator, level, language, kind), plus 'all' languages and 'all' kinds."""
    table: dict[tuple[str, str, str, str], Score] = {}
    for score in scores:
        for language in (score.language, "all"):
            for kind in (score.kind, "all"):
                key = (score.annotator, score.level, language, kind)
                total = table.setdefault(key, Score(*key))
                total.tp += score.tp
                total.fp += score.fp
                total.fn += score.fn
                if language != "all" and kind != "all":
                    total.errors += score.errors
    return [table[k] for k in sorted(table)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--no-curated", action="store_true", help="ignore content/entities.yml")
    parser.add_argument("--statistical-model", action="store_true",
                        help="add the installed spaCy model's organisations (pip install research-archive[spacy])")
    parser.add_argument("--annotator", action="append", help="score only these annotators")
    parser.add_argument("--details", action="store_true", help="list every error")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    curated = () if args.no_curated else load_curated(args.content / "entities.yml")
    model = entity_model.installed(data_languages()) if args.statistical_model else ""
    if args.statistical_model and not model:
        parser.error("no statistical model is installed: pip install research-archive[spacy]")
    cases = load_cases(args.gold, args.content, args.seeds, curated, model)
    chosen = args.annotator or list(SCORERS)
    rows = summarise([s for case in cases for name in chosen for s in SCORERS[name](case)])
    if args.json:
        print(json.dumps([
            {"annotator": r.annotator, "level": r.level, "language": r.language, "kind": r.kind, "tp": r.tp,
             "fp": r.fp, "fn": r.fn, "precision": round(r.precision, 3), "recall": round(r.recall, 3),
             "f1": round(r.f1, 3)} for r in rows
        ], indent=1))
        return 0
    layers = "rules only" if args.no_curated else "with content/entities.yml"
    print(f"{len(cases)} articles ({layers}{', with ' + model if model else ''})")
    print(f"{'annotator':<10} {'level':<8} {'lang':<4} {'kind':<13} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for r in rows:
        print(f"{r.annotator:<10} {r.level:<8} {r.language:<4} {r.kind:<13} {r.precision:6.3f} {r.recall:6.3f} "
              f"{r.f1:6.3f} {r.tp:4} {r.fp:3} {r.fn:3}")
    if args.details:
        for r in rows:
            if r.language != "all" and r.kind != "all":
                for error in r.errors:
                    print(f"  [{r.annotator} {r.level}] {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
