"""`archive search QUERY [--limit N] [--json] [--no-expand] [--sort date]`: the body of the command.

The CLI module only wires argparse to `search_command` (search may not import the CLI):

    p = sub.add_parser("search", help=SEARCH_HELP, description=SEARCH_DESCRIPTION,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_search_arguments(p)
    ... search_command(args, paths.cache)
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from generator.search import SORTS, SearchResult, index_directory, search
from generator.search.analysis import fold, tokens
from generator.search.engine import SearchIndex

SEARCH_HELP = "search the built archive (the same query language and ranking as the search page)"
SEARCH_DESCRIPTION = """Search the archive's index (built by `archive build`).

  grain corridor          all the words (any form: corridor, corridors)
  "grain corridor"        the exact phrase
  wheat OR barley         either;   -wheat / NOT wheat: without it
  export*                 words starting with "export"
  title:…  person:…  place:…  org:…  source:…  lang:fr  tag:…
  date:2024-11..2025-01   published in that period (also date:2024, date:..2025-03-01)

A word that names a person, place or organisation also finds that entity's articles in other
languages and scripts (Tokayev finds Tokaïev and Токаев); --no-expand turns that off."""


def add_search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help="the query (several words are joined with spaces)")
    parser.add_argument("--limit", type=int, default=10, help="number of results to show (default 10)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--no-expand", action="store_true",
                        help="match only the names typed, not other names of the same entity")
    parser.add_argument("--sort", choices=SORTS, default="relevance", help="relevance (default) or date")


def search_command(args: argparse.Namespace, cache_dir: Path, out: TextIO | None = None) -> int:
    """Run the search; print a table or JSON. Returns the exit code (1 if there is no index)."""
    out = out or sys.stdout
    query = " ".join(args.query) if isinstance(args.query, list) else str(args.query)
    limit = getattr(args, "limit", 10)
    if limit < 1:
        print("error: --limit must be at least 1", file=sys.stderr)
        return 2
    if not SearchIndex(index_directory(cache_dir)).exists():
        print(f"error: no search index in {index_directory(cache_dir)}: run `archive build` first", file=sys.stderr)
        return 1
    result = search(
        query, cache_dir, limit=limit, expand=not getattr(args, "no_expand", False),
        sort=getattr(args, "sort", "relevance"),
    )
    if getattr(args, "json", False):
        json.dump(as_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(as_table(result))
    return 0


def as_json(result: SearchResult) -> dict[str, object]:
    return {
        "query": result.query,
        "total": result.total,
        "also_matched": [asdict(a) for a in result.also_matched],
        "unknown": result.unknown,
        "searched_for": [asdict(g) for g in result.searched_for],
        "hits": [asdict(h) for h in result.hits],
    }


def as_table(result: SearchResult) -> str:
    lines = []
    names = list(dict.fromkeys(n for a in result.also_matched for n in a.names))
    count = f"{result.total} result{'s' if result.total != 1 else ''}"
    shown = f" (showing {len(result.hits)})" if len(result.hits) < result.total else ""
    lines.append(f"{count}{shown} for {result.query!r} in {result.seconds:.2f} s")
    if names:
        lines.append(f"also matched: {', '.join(names)}")
    if result.searched_for:
        lines.append(f"searched for: {searched_for_text(result)}")
    if result.unknown:
        typed = {fold(t): t for t in reversed(tokens(result.query))}  # show words as typed
        hints = ", ".join(f"{typed.get(w, w)} (try {prefix_hint(typed.get(w, w))})" for w in result.unknown)
        lines.append(f"not in the archive: {hints}")
    if result.hits:
        lines.append("")
        rows = [("#", "score", "date", "lang", "source", "title", "url")]
        for rank, hit in enumerate(result.hits, 1):
            rows.append((
                str(rank), f"{hit.score:.3f}", hit.date or "undated", hit.language,
                _clip(hit.source, 24), _clip(hit.title, 60), hit.url,
            ))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for row in rows:
            lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return "\n".join(lines) + "\n"


def searched_for_text(result: SearchResult) -> str:
    """The stems searched for words the archive lacks: "зернов… (зернового, зерновом)" (as the page)."""
    parts: list[str] = []
    for guess in result.searched_for:
        forms = f" ({', '.join(guess.forms)})" if guess.forms else ""
        part = f"{guess.term}…{forms}"
        if part not in parts:
            parts.append(part)
    return "; ".join(parts)


def prefix_hint(word: str) -> str:
    """A shorter form to try: the dictionary knows only the forms that occur (зерновой -> зерно*)."""
    return word[: max(3, -(-len(word) * 3 // 5))] + "*"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
