"""The seed article through the whole default pipeline gives the issue's expected annotations."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator.annotate.pipeline import make_pipeline, run_annotators
from generator.annotate.registry import DEFAULT_ANNOTATORS
from generator.model import Annotations
from generator.sources import read_file


def annotate_seed(seed_path: Path) -> Annotations:
    rel = PurePosixPath(seed_path.name)
    article = read_file(seed_path.parent, rel, {rel})
    annotations, _ = run_annotators(make_pipeline(DEFAULT_ANNOTATORS, {}), article, {})
    return annotations


def test_seed_entities_quotes_and_dates(seed_path):
    notes = annotate_seed(seed_path)
    assert notes.language == "fr"
    assert {(m.kind, m.name) for m in notes.entities} == {
        ("person", "Kassym-Jomart Tokaïev"),
        ("person", "Vladimir Poutine"),
        ("person", "Xi Jinping"),
        ("person", "Donald Trump"),
        *{("place", p) for p in ("Russie", "Kazakhstan", "Astana", "Moscou", "Europe", "Asie", "Afrique")},
        ("organisation", "Rossiïskaïa Gazeta"),
        ("organisation", "Kremlin"),
    }
    speakers = [(q.text.split()[0], q.speaker, q.partial) for q in notes.quotes]
    assert len(speakers) == 10
    assert all(speaker == "Kassym-Jomart Tokaïev" for _, speaker, _ in speakers[:9])
    assert speakers[9][:2] == ("Les", "Kremlin")
    assert [partial for *_, partial in speakers] == [True, True, False, True, False, True, False, True, True, False]
    assert not any(q.truncated for q in notes.quotes)
    assert [(d.surface, d.value) for d in notes.dates] == [("novembre 2024", "2024-11"), ("11 novembre", "--11-11")]
