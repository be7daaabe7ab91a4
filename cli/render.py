"""Rendering reports: rich tables, JSON (schema newsdiff/1), JSON Lines and Markdown.

Article text is data, never markup: table cells are rich Text objects (no markup is parsed),
and terminal control characters are stripped from everything shown in a table or Markdown. The
JSON path bypasses rich entirely; json.dumps escapes control characters.
"""
from __future__ import annotations

from collections import Counter

import io
import json
import math
import os
import re
import sys
import tempfile
from dataclasses import asdict
from typing import Any, Union

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

import claims
from claims.humanize import describe_figure
from claims.lexicon import Knowledge

SCHEMA = "newsdiff/1"
CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
VERDICT_STYLE = {"contradiction": "bold red", "update": "bold cyan", "tension": "bold yellow",
                 "agreement": "bold green"}
VERDICT_MARK = {"contradiction": "✗ CONTRADICTION", "update": "↗ UPDATE", "tension": "~ TENSION",
                "agreement": "✓ AGREEMENT"}
Rendered = Union[str, list]


def safe(text: Any) -> str:
    """Text with terminal control sequences and characters removed."""
    return CONTROL.sub("", str(text)) if text is not None else ""


def error(message: str) -> None:
    print(f"newsdiff: error: {safe(message)}", file=sys.stderr)


def warning(message: str) -> None:
    print(f"newsdiff: warning: {safe(message)}", file=sys.stderr)


def use_color(no_color: bool, output) -> bool:
    if no_color or output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def emit(rendered: Rendered, output, *, color: bool) -> None:
    """Write a report to standard output, or atomically to the --output file."""
    text = rendered if isinstance(rendered, str) else _to_text(rendered, color)
    if output:
        _write_atomically(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _to_text(renderables: list, color: bool) -> str:
    buffer = io.StringIO()
    width = os.get_terminal_size().columns if color and sys.stdout.isatty() else 120
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, markup=False, color_system="standard" if color else None)
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


def _write_atomically(path: str, text: str) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".newsdiff-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ---- JSON (newsdiff/1) ----

def _number(value):
    if isinstance(value, float):
        if math.isinf(value) or math.isnan(value):
            return None
        if value == int(value) and abs(value) < 2 ** 53:
            return int(value)
        return float(f"{value:.12g}")  # twelve significant digits: float noise goes, "9,2321312%" stays whole
    return value


def source_json(doc, claim_count) -> dict:
    out = {"id": doc.id, "path": doc.path, "language": doc.language, "outlet": doc.outlet,
           "published": doc.published, "published_time": doc.published_time, "title": doc.title, "url": doc.url, "format": doc.format,
           "encoding": doc.encoding, "body_chars": doc.body_chars, "dropped_chars": doc.dropped_chars,
           "dropped": _dropped_summary(doc)}
    if claim_count is not None:
        out["claims"] = claim_count
    return out


def _dropped_summary(doc) -> dict:
    summary: dict = {}
    for d in doc.dropped:
        summary[d.reason] = summary.get(d.reason, 0) + (d.end - d.start)
    return dict(sorted(summary.items()))


def figure_json(fig) -> dict:
    out = {"kind": fig.kind, "value": _number(fig.value), "low": _number(fig.low), "high": _number(fig.high),
           "hedge": fig.hedge, "unit": fig.unit, "text": fig.text, "start": fig.start, "end": fig.end}
    for extra in ("precision", "counted", "zone", "weekday"):
        if getattr(fig, extra) is not None:
            out[extra] = getattr(fig, extra)
    return out


def event_json(event) -> Any:
    if event is None:
        return None
    out = {"type": event.type, "participants": list(event.participants), "date": event.date}
    if event.id is not None:
        out.update({"id": event.id, "class": event.klass or event.type})
    return out


def claim_json(claim) -> dict:
    return {"id": claim.id, "source": claim.source, "language": claim.language, "text": claim.text,
            "quote": claim.quote, "start": claim.start, "end": claim.end,
            "speaker": asdict(claim.speaker) if claim.speaker else None, "stance": claim.stance,
            "figures": [figure_json(f) for f in claim.figures], "event": event_json(claim.event),
            "slot": str(claim.slot) if claim.slot else None, "loose": claim.loose, "revision": claim.revision}


def alignment_json(a) -> dict:
    return {"id": a.id, "slot": str(a.slot), "event": event_json(a.event), "claims": list(a.claims),
            "verdict": a.verdict, "reason": a.reason, "score": a.score,
            "conflicts": [list(pair) for pair in a.conflicts]}


def _document(report, *, with_claims: bool, with_alignments: bool) -> dict:
    counts = Counter(c.source for c in report.claims) if with_claims else {}
    out = {"schema": SCHEMA, "tool": {"name": "newsdiff", "version": claims.__version__},
           "sources": [source_json(d, counts.get(d.id) if with_claims else None) for d in report.documents]}
    if with_claims:
        out["claims"] = [claim_json(c) for c in report.claims]
    if with_alignments:
        out["alignments"] = [alignment_json(a) for a in report.alignments]
    summary = {"sources": len(report.documents), "skipped": len(report.skipped)}
    if with_claims:
        summary["claims"] = len(report.claims)
    if with_alignments:
        summary.update({"alignments": len(report.alignments), "contradictions": report.contradictions,
                        "updates": sum(1 for a in report.alignments if a.verdict == "update"),
                        "tensions": sum(1 for a in report.alignments if a.verdict == "tension"),
                        "agreements": sum(1 for a in report.alignments if a.verdict == "agreement")})
    out["summary"] = summary
    return out


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _jsonl(rows) -> str:
    return "".join(json.dumps({"schema": SCHEMA, **row}, ensure_ascii=False) + "\n" for row in rows)


# ---- the three reports ----

def sources_report(report, fmt: str) -> Rendered:
    if fmt == "json":
        return _dumps(_document(report, with_claims=False, with_alignments=False))
    if fmt == "jsonl":
        return _jsonl(source_json(d, None) for d in report.documents)
    rows = [[d.id, d.language or "?", d.outlet or "", d.published or "", str(d.body_chars),
             str(d.dropped_chars), d.path] for d in report.documents]
    headers = ["source", "lang", "outlet", "published", "body", "dropped", "path"]
    return _rows_report(headers, rows, f"{len(report.documents)} sources read, {len(report.skipped)} skipped", fmt)


def claims_report(report, knowledge: Knowledge, fmt: str) -> Rendered:
    if fmt == "json":
        return _dumps(_document(report, with_claims=True, with_alignments=False))
    if fmt == "jsonl":
        return _jsonl(claim_json(c) for c in report.claims)
    outlets = {d.id: d.outlet or d.id for d in report.documents}
    written = _written_names(report.claims)
    headers = ["source", "speaker", "stance", "figures", "event", "quote"]
    rows = [[outlets.get(c.source, c.source), _speaker(c), c.stance, _figures(c),
             _event(c.event, knowledge, written), c.quote] for c in report.claims]
    return _rows_report(headers, rows, f"{len(report.claims)} claims from {len(report.documents)} sources", fmt)


def _rows_report(headers: list, rows: list, summary: str, fmt: str) -> Rendered:
    """One table of rows and a summary line, as Markdown or for the terminal."""
    if fmt == "markdown":
        return _markdown_table(headers, rows) + f"\n{summary}\n"
    table = _table(headers)
    for row in rows:
        table.add_row(*[Text(safe(x)) for x in row])
    return [table, Text(summary)]


def compare_report(report, knowledge: Knowledge, fmt: str, *, show_all: bool = False) -> Rendered:
    if fmt == "json":
        return _dumps(_document(report, with_claims=True, with_alignments=True))
    if fmt == "jsonl":
        return _jsonl(alignment_json(a) for a in report.alignments)
    claims_by_id = {c.id: c for c in report.claims}
    outlets = {d.id: d.outlet or d.id for d in report.documents}
    written = _written_names(report.claims)
    shown = [a for a in report.alignments if show_all or a.verdict != "agreement"]
    summary = _summary_line(report)
    if fmt == "markdown":
        return _compare_markdown(shown, claims_by_id, outlets, knowledge, summary, written)
    out: list = []
    for a in shown:
        out.append(_alignment_heading(a, knowledge, written))
        table = _table(["source", "speaker", "value", "quote"])
        for cid in a.claims:
            c = claims_by_id[cid]
            table.add_row(*[Text(safe(x)) for x in (outlets.get(c.source, c.source), _speaker(c),
                                                      _values(c, a.slot), c.quote)])
        out.append(table)
    if not shown:
        out.append(Text("No contradiction or tension found." if not show_all else "Nothing aligned."))
    out.append(Text(summary, style="bold"))
    return out


def _summary_line(report) -> str:
    count = Counter(a.verdict for a in report.alignments)
    updates = f"{count['update']} updates, " if count["update"] else ""
    return (f"{len(report.documents)} sources, {len(report.claims)} claims, {len(report.alignments)} alignments: "
            f"{report.contradictions} contradictions, {updates}{count['tension']} tensions, "
            f"{count['agreement']} agreements")


def _written_names(claims) -> dict:
    """Names of people in no lexicon as the articles wrote them, Latin spellings first."""
    names: dict = {}
    for c in claims:
        for entity_id, name in c.names:
            if entity_id not in names or (not names[entity_id].isascii() and name.isascii()):
                names[entity_id] = name
    return names


def _alignment_heading(a, knowledge, written=None) -> Text:
    heading = Text()
    heading.append(VERDICT_MARK[a.verdict], style=VERDICT_STYLE[a.verdict])
    heading.append(f"  {a.slot}  ", style="bold")
    heading.append(safe(_event(a.event, knowledge, written)))
    heading.append("\n  " + safe(a.reason), style="italic")
    return heading


def _compare_markdown(shown, claims_by_id, outlets, knowledge, summary, written=None) -> str:
    parts = []
    for a in shown:
        parts.append(f"### {VERDICT_MARK[a.verdict]}: {a.slot} ({_md(_event(a.event, knowledge, written))})\n\n"
                     f"{_md(a.reason)}\n")
        rows = []
        for cid in a.claims:
            c = claims_by_id[cid]
            rows.append([outlets.get(c.source, c.source), _speaker(c), _values(c, a.slot), c.quote])
        parts.append(_markdown_table(["source", "speaker", "value", "quote"], rows))
    parts.append(f"\n**{summary}**\n")
    return "\n".join(parts)


def _table(headers) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=False, header_style="bold")
    for h in headers:
        table.add_column(h, overflow="fold")
    return table


def _md(text: Any) -> str:
    return safe(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _markdown_table(headers, rows) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_md(x) for x in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _speaker(claim) -> str:
    return claim.speaker.name if claim.speaker else "(the outlet)"


def _figures(claim) -> str:
    return "; ".join(describe_figure(f) for f in claim.figures)


def _values(claim, slot) -> str:
    figs = [f for f in claim.figures if f.kind == slot.kind]
    text = "; ".join(describe_figure(f) for f in figs) if figs else claim.stance
    return text if claim.stance in ("asserted",) or not figs else f"{text} ({claim.stance})"


def _entity_name(entity_id: str, knowledge: Knowledge, names: dict = None) -> str:
    """The canonical name; for a person in no lexicon, the name as an article wrote it."""
    known = knowledge.entities.get(entity_id, {}).get("name") or knowledge.places.get(entity_id, {}).get("name")
    if known:
        return known
    if names and entity_id in names:
        return names[entity_id]
    for prefix in ("unknown-", "role-"):
        if entity_id.startswith(prefix):
            return entity_id[len(prefix):].replace("-", " ").title()
    return entity_id


def _event(event, knowledge: Knowledge, written: dict = None) -> str:
    if event is None:
        return ""
    names = [_entity_name(p, knowledge, written) for p in event.participants]
    text = event.type.replace("_", " ")
    if names:
        text += ": " + ", ".join(names)
    if event.date:
        text += f" ({event.date})"
    return text
