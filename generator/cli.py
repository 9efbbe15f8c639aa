"""Command line: parses arguments and calls the pipeline stages; no logic of its own."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.build import OutputError, annotate_paths, build_site, gather, read_and_annotate
from generator.catalog.entities import resolve_entities, suggest_aliases
from generator.config import Config, ConfigError, load_config
from generator.model import ENTITY_KINDS, BuildReport
from generator.scaffold import ScaffoldError, create_archive
from generator.search.cli_support import SEARCH_DESCRIPTION, SEARCH_HELP, add_search_arguments, search_command
from generator.sources import CURATED_FILE


@dataclass(frozen=True, slots=True)
class Paths:
    config: Config
    content: Path
    out: Path
    cache: Path


def resolve_paths(args: argparse.Namespace) -> Paths:
    """Settings from the config file, overridden by flags; relative paths are relative to that file."""
    config_file = Path(args.config)
    config = load_config(config_file, base_url=getattr(args, "base_url", None))
    root = config_file.parent
    content = Path(args.content) if getattr(args, "content", None) else root / config.content_dir
    out = Path(args.out) if getattr(args, "out", None) else root / config.output_dir
    return Paths(config, content, out, root / config.cache_dir)


class ProgressBar:
    """A one-line bar on stderr for long builds; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or (total and total < 50):
            return
        if total:
            filled = int(30 * done / total)
            sys.stderr.write(f"\r{stage:<9} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        else:
            sys.stderr.write(f"\r{stage:<9} {done} files")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


def print_problems(report: BuildReport) -> None:
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)


def print_report(report: BuildReport, out: Path) -> None:
    print_problems(report)
    print(
        f"Built {report.articles} articles into {out} ({report.pages_written} files) "
        f"in {report.seconds:.1f} s; "
        f"annotation cache {report.cache_hits} hits, {report.cache_misses} misses; "
        f"{len(report.warnings)} warnings, {len(report.errors)} errors."
    )
    if report.errors:
        print(
            f"{len(report.errors)} input file(s) could not be built: see the errors above.", file=sys.stderr
        )


def cmd_build(args: argparse.Namespace) -> int:
    paths = resolve_paths(args)
    bar = ProgressBar(not args.quiet)
    try:
        report = build_site(paths.config, paths.content, paths.out, paths.cache, progress=bar)
    finally:
        bar.finish()
    print_report(report, paths.out)
    return 0 if report.ok else 1


def cmd_check(args: argparse.Namespace) -> int:
    paths = resolve_paths(args)
    report = BuildReport()
    started = time.perf_counter()
    catalog = gather(paths.config, paths.content, paths.cache, report)
    report.seconds = time.perf_counter() - started
    print_problems(report)
    print(
        f"Checked {len(catalog.articles)} articles in {report.seconds:.1f} s: "
        f"{len(report.warnings)} warnings, {len(report.errors)} errors."
    )
    return 0 if report.ok else 1


def cmd_annotate(args: argparse.Namespace) -> int:
    paths = resolve_paths(args)
    annotated, errors = annotate_paths(
        paths.config, [Path(p) for p in args.paths], paths.content, paths.cache
    )
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    records = [
        {
            "path": a.article.source_path,
            "slug": a.slug,
            "title": a.article.title,
            **asdict(a.annotations),
            "provenance": {key: f"{p.annotator}@{p.version}" for key, p in a.annotations.provenance},
        }
        for a in annotated
    ]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2, default=str)
        print()
    else:
        for record in records:
            print(f"{record['path']}: {record['language']}, {record['word_count']} words")
            for key in ("entities", "quotes", "dates", "keywords"):
                for item in record.get(key, ()):
                    print(f"  {key[:-1]}: {item}")
    return 0 if not errors else 1


def cmd_entities(args: argparse.Namespace) -> int:
    paths = resolve_paths(args)
    report = BuildReport()
    corpus = read_and_annotate(paths.config, paths.content, paths.cache, report)
    print_problems(report)
    if args.suggest:
        suggestions = suggest_aliases(corpus.annotated, corpus.curated, paths.config.language)
        for suggestion in suggestions:
            print(suggestion.describe())
            print("  to confirm, add to content/entities.yml:")
            print("\n".join("    " + line for line in suggestion.as_yaml().rstrip().split("\n")))
            print()
        print(f"{len(suggestions)} probable aliases, none merged: confirm them in {CURATED_FILE}.")
        return 0 if report.ok else 1
    _, entities = resolve_entities(corpus.annotated, corpus.curated, paths.config.language)
    for entity in entities:
        if args.kind in (None, entity.kind):
            aliases = f"  (also: {', '.join(entity.aliases)})" if entity.aliases else ""
            print(f"{entity.id}\t{len(entity.article_slugs)} articles\t{entity.name}{aliases}")
    return 0 if report.ok else 1


def cmd_search(args: argparse.Namespace) -> int:
    return search_command(args, resolve_paths(args).cache)


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    paths = resolve_paths(args)
    return serve(paths.config, paths.content, paths.out, paths.cache, args.port, watch=not args.no_watch)


def cmd_new(args: argparse.Namespace) -> int:
    target = Path(args.directory)
    created = create_archive(target)
    print(f"Created a new archive in {target} ({len(created)} files). Next: cd {target} && archive build")
    return 0


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", default="archive.yml", help="settings file (default: %(default)s)")
    parser.add_argument("--content", metavar="DIR", help="folder of articles (default: content_dir setting)")
    parser.add_argument("--out", metavar="DIR", help="output folder (default: output_dir setting)")
    parser.add_argument(
        "--base-url", metavar="URL", help="where the site is published, e.g. https://user.github.io/repo/"
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archive",
        description="Build an annotated, searchable static website from a folder of press articles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the site from content/ into site/")
    _add_build_options(build)
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    build.set_defaults(func=cmd_build)

    serve = commands.add_parser("serve", help="serve the site on 127.0.0.1 and rebuild on changes")
    _add_build_options(serve)
    serve.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    serve.add_argument("--no-watch", action="store_true", help="do not rebuild when files change")
    serve.set_defaults(func=cmd_serve)

    check = commands.add_parser("check", help="read and annotate everything, report problems, write nothing")
    _add_build_options(check)
    check.set_defaults(func=cmd_check)

    annotate = commands.add_parser("annotate", help="print the annotations of the given articles")
    annotate.add_argument("paths", nargs="+", metavar="PATH", help="article files (.md or .txt)")
    annotate.add_argument("--format", choices=("json", "text"), default="text", help="output format")
    _add_build_options(annotate)
    annotate.set_defaults(func=cmd_annotate)

    entities = commands.add_parser("entities", help="list the people, places and organisations found")
    entities.add_argument("--suggest", action="store_true", help="list probable aliases to confirm in entities.yml")
    entities.add_argument("--kind", choices=ENTITY_KINDS, help="only this kind")
    _add_build_options(entities)
    entities.set_defaults(func=cmd_entities)

    search = commands.add_parser(
        "search",
        help=SEARCH_HELP,
        description=SEARCH_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_search_arguments(search)
    search.add_argument("--config", default="archive.yml", help="settings file (default: %(default)s)")
    search.set_defaults(func=cmd_search)

    new = commands.add_parser("new", help="create a new archive repository")
    new.add_argument("directory", help="folder to create (must be empty or missing)")
    new.set_defaults(func=cmd_new)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (ConfigError, OutputError, ScaffoldError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted; the previous site was left as it was", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
