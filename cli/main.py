"""The newsdiff command line: parse options, call one claims function, render."""
from __future__ import annotations

import functools
import sys
from enum import IntEnum

import click

import claims
from claims.errors import NewsdiffError
from claims.lexicon import Knowledge
from claims.pipeline import compare, extract, read_sources

from . import render

FORMATS = ("table", "json", "jsonl", "markdown")


class ExitStatus(IntEnum):
    """Like diff and grep: 0 no contradiction, 1 contradictions found, 2 trouble."""

    OK = 0
    CONTRADICTIONS = 1
    ERROR = 2
    INTERRUPTED = 130


EPILOG = """\b
Examples:
  newsdiff compare examples/                      contradictions across the sample articles
  newsdiff compare articles/ --all                agreements and tensions too
  newsdiff compare articles/ --json | jq '.alignments[] | select(.verdict=="contradiction")'
  newsdiff claims article.html --format markdown  every claim of one saved page
  newsdiff sources articles/                      what was read: language, outlet, date, body
  cat article.txt | newsdiff claims - --lang ar   one article from standard input

Exit status: 0 no contradiction, 1 at least one contradiction, 2 trouble.
"""


def common_options(func):
    """The options every command takes."""
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str)),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                     help="Output format (default: table)."),
        click.option("--json", "as_json", is_flag=True, help="Short for --format json."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                     help="Write the report to FILE (atomically) instead of standard output."),
        click.option("--config", type=click.Path(dir_okay=False),
                     help="YAML with extra lexicon entries, entities and thresholds, merged over the built-in ones."),
        click.option("--lang", "language", metavar="CODE", help="Language of every input (ISO 639-1); skips detection."),
        click.option("--jobs", type=click.IntRange(0, 64), default=1, show_default=True,
                     help="Processes that read and extract documents in parallel (0: one per core)."),
        click.option("--dask", metavar="ADDRESS",
                     help="Read and extract on a dask.distributed cluster (scheduler address, or 'local')."),
        click.option("--strict", is_flag=True, help="Fail (exit 2) if any input has to be skipped."),
        click.option("--no-color", is_flag=True, help="No colors (NO_COLOR is respected too)."),
        click.option("--quiet", "-q", is_flag=True, help="No warnings on standard error."),
        click.option("--traceback", is_flag=True, hidden=True, help="Show the Python traceback of an error."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(claims.__version__, "--version", prog_name="newsdiff", message="%(prog)s %(version)s")
def main():
    """Find where news articles about one story contradict each other, across languages, with receipts."""


def guarded(func):
    """The one place where errors become messages and exit codes."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except NewsdiffError as exc:
            if kwargs.get("traceback"):
                raise
            render.error(str(exc))
            sys.exit(ExitStatus.ERROR)
        except KeyboardInterrupt:
            render.error("interrupted")
            sys.exit(ExitStatus.INTERRUPTED)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(ExitStatus.ERROR)
        except OSError as exc:
            if kwargs.get("traceback"):
                raise
            render.error(f"{getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}".lstrip(": "))
            sys.exit(ExitStatus.ERROR)
        except Exception as exc:  # noqa: BLE001 - a bug must still end in one line and exit 2
            if kwargs.get("traceback"):
                raise
            render.error(f"internal error ({exc.__class__.__name__}: {exc}); run again with --traceback and "
                         "report it")
            sys.exit(ExitStatus.ERROR)
    return wrapper


def _knowledge(config):
    return Knowledge.from_config_file(config)


def _settle(report, strict: bool, quiet: bool) -> None:
    """Warn about skipped inputs; stop when nothing could be read or --strict forbids skipping."""
    for skipped in report.skipped:
        if not quiet:
            render.warning(f"{skipped.path}: {skipped.message}")
    if strict and report.skipped:
        raise NewsdiffError(f"{len(report.skipped)} input(s) skipped and --strict is set")
    if not report.documents:
        raise NewsdiffError("no article could be read from the given paths")


def _fmt(fmt, as_json):
    return "json" if as_json else (fmt or "table")


def _stdin():
    return sys.stdin.buffer if sys.stdin is not None else None


@main.command("compare", epilog=EPILOG)
@common_options
@click.option("--all", "show_all", is_flag=True, help="Show agreements too, not only contradictions and tensions.")
@guarded
def compare_command(paths, fmt, as_json, output, config, language, jobs, dask, strict, no_color, quiet, traceback,
                    show_all):
    """Read articles, extract claims, align them across sources and flag contradictions."""
    knowledge = _knowledge(config)
    report = compare(list(paths), knowledge, language=language, stdin=_stdin(), jobs=jobs, dask=dask)
    _settle(report, strict, quiet)
    render.emit(render.compare_report(report, knowledge, _fmt(fmt, as_json), show_all=show_all),
                output, color=render.use_color(no_color, output))
    sys.exit(ExitStatus.CONTRADICTIONS if report.contradictions else ExitStatus.OK)


@main.command("claims", epilog=EPILOG)
@common_options
@guarded
def claims_command(paths, fmt, as_json, output, config, language, jobs, dask, strict, no_color, quiet, traceback):
    """Extraction only: every claim with its speaker, stance, figures and event."""
    knowledge = _knowledge(config)
    report = extract(list(paths), knowledge, language=language, stdin=_stdin(), jobs=jobs, dask=dask)
    _settle(report, strict, quiet)
    render.emit(render.claims_report(report, knowledge, _fmt(fmt, as_json)), output,
                color=render.use_color(no_color, output))


@main.command("sources", epilog=EPILOG)
@common_options
@guarded
def sources_command(paths, fmt, as_json, output, config, language, jobs, dask, strict, no_color, quiet, traceback):
    """What was read: language, outlet, publication date, body kept, furniture dropped."""
    knowledge = _knowledge(config)
    report = read_sources(list(paths), knowledge, language=language, stdin=_stdin(), jobs=jobs, dask=dask)
    _settle(report, strict, quiet)
    render.emit(render.sources_report(report, _fmt(fmt, as_json)), output,
                color=render.use_color(no_color, output))


if __name__ == "__main__":  # pragma: no cover
    main()
