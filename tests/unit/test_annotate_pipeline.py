import dataclasses

import pytest

from generator.annotate import language, stats, summary
from generator.annotate.base import Annotator
from generator.annotate.pipeline import (
    AnnotationCache,
    PipelineError,
    annotate_all,
    cache_keys,
    make_pipeline,
    run_annotators,
)
from generator.annotate.registry import DEFAULT_ANNOTATORS
from generator.model import Article, Metadata


def article(text: str, slug: str = "a", **meta) -> Article:
    return Article(
        slug=slug,
        source_path=f"{slug}.txt",
        body_format="text",
        body=text,
        text=text,
        body_html=None,
        meta=Metadata(**meta),
        derived_title=text[:20],
        content_hash=f"hash-{slug}-{hash(text)}-{sorted(meta.items())}",
    )


FR = (
    "Le président du Kazakhstan est arrivé à Moscou pour une visite d’État de deux jours, "
    "a indiqué le Kremlin."
)
EN = "The president of Kazakhstan arrived in Moscow on Tuesday for a two-day state visit, the Kremlin said."


def test_default_pipeline_is_valid_and_annotates():
    pipeline = make_pipeline(DEFAULT_ANNOTATORS, {})
    annotations, computed = run_annotators(pipeline, article(FR), {})
    assert annotations.language == "fr" and annotations.word_count > 15
    assert annotations.reading_minutes == 1 and annotations.summary.startswith("Le président")
    assert set(computed) == {a.name for a in DEFAULT_ANNOTATORS}
    assert annotations.produced_by("language").annotator == "language"


def test_user_metadata_wins_and_is_credited():
    pipeline = make_pipeline(DEFAULT_ANNOTATORS, {})
    annotations, _ = run_annotators(pipeline, article(FR, language="de", summary="Mine."), {})
    assert (annotations.language, annotations.summary) == ("de", "Mine.")
    assert annotations.produced_by("language").annotator == "user"


def test_short_text_language_is_undetermined():
    assert language.detect("Astana") == ("und", 0.0)


def test_reading_time_follows_setting():
    text = " ".join(["word"] * 450)
    assert stats.run(article(text), {}, {"reading_speed_wpm": 200})["reading_minutes"] == 3
    assert stats.run(article(""), {}, {"reading_speed_wpm": 200}) == {"word_count": 0, "reading_minutes": 0}


def test_summary_is_lead_sentences_within_limit():
    text = "First sentence here. Second one follows. Third is left out."
    assert summary.lead(text, 2, 300) == "First sentence here. Second one follows."
    assert len(summary.lead("word " * 200, 2, 100)) <= 100


def test_order_is_checked_before_anything_runs():
    needs = Annotator(
        name="needs", version="1", assigns=("keywords",), requires=("entities",), run=lambda a, d, s: {}
    )
    with pytest.raises(PipelineError, match="requires entities"):
        make_pipeline((language.ANNOTATOR, stats.ANNOTATOR, summary.ANNOTATOR, needs), {})
    with pytest.raises(PipelineError, match="assigns summary again"):
        make_pipeline((*DEFAULT_ANNOTATORS, dataclasses.replace(summary.ANNOTATOR, name="again")), {})
    with pytest.raises(PipelineError, match="no annotator assigns"):
        make_pipeline((stats.ANNOTATOR,), {})


def test_annotator_returning_undeclared_fields_fails_the_article_only():
    broken = dataclasses.replace(summary.ANNOTATOR, run=lambda a, d, s: {"summary": "x", "keywords": ()})
    pipeline = make_pipeline((language.ANNOTATOR, stats.ANNOTATOR, broken), {})
    run = annotate_all(pipeline, [article(FR)], AnnotationCache(None))
    assert not run.annotated and "returned" in run.errors[0].message and run.errors[0].path == "a.txt"


def test_cache_keys_chain_versions_and_settings():
    chosen = (language.ANNOTATOR, stats.ANNOTATOR, summary.ANNOTATOR)
    keys = cache_keys(make_pipeline(chosen, {}), article(FR))
    bumped = (dataclasses.replace(language.ANNOTATOR, version="next"), stats.ANNOTATOR, summary.ANNOTATOR)
    changed = cache_keys(make_pipeline(bumped, {}), article(FR))
    assert all(a != b for a, b in zip(keys, changed, strict=True)), "upstream change invalidates downstream"
    slower = cache_keys(make_pipeline(chosen, {"reading_speed_wpm": 100}), article(FR))
    assert slower[0] == keys[0] and slower[1] != keys[1]


def test_cache_hits_skip_annotators(tmp_path):
    calls: list[str] = []

    def counting(a, d, s):
        calls.append(a.slug)
        return stats.run(a, d, s)

    pipeline = make_pipeline(
        (language.ANNOTATOR, dataclasses.replace(stats.ANNOTATOR, run=counting), summary.ANNOTATOR), {}
    )
    cache = AnnotationCache(tmp_path / "c.sqlite")
    first = annotate_all(pipeline, [article(FR, "a"), article(EN, "b")], cache)
    assert (first.hits, first.misses, calls) == (0, 2, ["a", "b"])
    cache.close()
    cache = AnnotationCache(tmp_path / "c.sqlite")
    second = annotate_all(pipeline, [article(FR, "a"), article(EN + " More.", "b")], cache)
    assert (second.hits, second.misses, calls) == (1, 1, ["a", "b", "b"])
    assert second.annotated[0].annotations == first.annotated[0].annotations


def test_parallel_run_matches_serial():
    pipeline = make_pipeline(DEFAULT_ANNOTATORS, {})
    articles = [article(FR if i % 2 else EN, f"s{i}") for i in range(8)]
    serial = annotate_all(pipeline, articles, AnnotationCache(None), workers=1)
    parallel = annotate_all(pipeline, articles, AnnotationCache(None), workers=2, parallel_threshold=1)
    assert [a.annotations for a in serial.annotated] == [a.annotations for a in parallel.annotated]
