"""The one Jinja Environment of a build: autoescaping, strict undefined, `url_for`, filters, strings."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.config import Config
from generator.render.urls import UrlFor, article_path, entity_path, kind_path

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DAY_MONTH = re.compile(r"^--\d{2}-\d{2}$")
# Characters XML 1.0 forbids even escaped: dropped from feed text so the feed stays well-formed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Strings:
    """The site's own words in `config.language`: `t("Archive")`, `tn("{n} word", "{n} words", n)`.

    Templates are written in English; `templates/i18n/<language>.yml` maps an English string to its
    translation, or (for `tn`, keyed by the English plural) to a mapping of CLDR plural categories
    (one, few, many, other) to translations. A missing file or key falls back to English, so a new
    language can be added a string at a time. `{name}` placeholders are filled from keyword arguments.
    """

    def __init__(self, table: Mapping[str, str | Mapping[str, str]], locale: Locale) -> None:
        self.table = dict(table)
        self.locale = locale

    @classmethod
    def load(cls, templates_dir: Path, locale: Locale) -> Strings:
        path = templates_dir / "i18n" / f"{locale.language}.yml"
        if not path.is_file():
            return cls({}, locale)
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of English strings to translations")
        table: dict[str, str | Mapping[str, str]] = {}
        for key, value in data.items():
            table[str(key)] = {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else str(value)
        return cls(table, locale)

    def __call__(self, text: str, **values: Any) -> str:
        translated = self.table.get(text, text)
        if not isinstance(translated, str):
            translated = translated.get("other", text)
        return translated.format(**values) if values else translated

    def plural(self, one: str, other: str, n: int, **values: Any) -> str:
        category = self.locale.plural_form(n)
        entry = self.table.get(other)
        if isinstance(entry, str):
            text = entry
        elif entry is not None:
            text = entry.get(category) or entry.get("other") or other
        else:
            text = one if category == "one" else other
        return text.format(n=format_decimal(n, locale=self.locale), **values)


def site_locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


class Formats:
    """Dates, numbers and language names in the site's language, from CLDR via Babel."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    def date(self, value: dt.date) -> str:
        return format_date(value, "long", locale=self.locale)

    def month(self, value: dt.date) -> str:
        # "LLLL" is the stand-alone month name (nominative in Russian: "ноябрь 2025").
        label = format_date(value, "LLLL y", locale=self.locale)
        return label[:1].upper() + label[1:]

    def partial_date(self, value: str) -> str:
        """A resolved ISO value, possibly partial ("2024-11", "--11-11"), in words; else as given."""
        try:
            if _FULL_DATE.match(value):
                return self.date(dt.date.fromisoformat(value))
            if _MONTH.match(value):
                year, month = value.split("-")
                return format_skeleton("yMMMM", dt.date(int(year), int(month), 1), locale=self.locale)
            if _DAY_MONTH.match(value):
                # A leap year, so that "--02-29" is a valid day.
                day = dt.date(2000, int(value[2:4]), int(value[5:7]))
                return format_skeleton("MMMMd", day, locale=self.locale)
        except ValueError:
            pass  # an impossible date such as 2025-02-30: show it as the annotator wrote it
        return value

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def language_name(self, code: str) -> str:
        name = self.locale.languages.get(code) or code
        return name[:1].upper() + name[1:]


def make_environment(config: Config, templates_dir: Path, assets: Mapping[str, bytes]) -> Environment:
    """Build the Environment; `assets` (path under static/ -> bytes) gives cache-busting versions."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    url_for = UrlFor(config)
    versions = {path: hashlib.sha256(data).hexdigest()[:10] for path, data in assets.items()}
    locale = site_locale(config.language)
    formats = Formats(locale)
    strings = Strings.load(templates_dir, locale)

    def asset(path: str) -> str:
        # The content hash in the query makes browsers fetch a changed file despite long caching.
        version = versions.get(path)
        url = url_for("static/" + path)
        return f"{url}?v={version}" if version else url

    def atom_id(path: str) -> str:
        # An Atom id must be an absolute IRI; without a known host, a name-based UUID stays stable.
        if url_for.origin:
            return url_for(path, absolute=True)
        return uuid.uuid5(uuid.NAMESPACE_URL, url_for(path)).urn

    env.globals.update(
        url_for=url_for,
        asset=asset,
        atom_id=atom_id,
        article_path=article_path,
        entity_path=entity_path,
        kind_path=kind_path,
        t=strings,
        tn=strings.plural,
        site=config,
    )
    env.filters.update(
        date=formats.date,
        month=formats.month,
        language_name=formats.language_name,
        number=formats.number,
        partial_date=formats.partial_date,
        isodate=lambda value: value.isoformat(),
        xml=lambda value: _NOT_XML.sub("", str(value)),
    )
    return env
