"""Figures in words a person reads at a glance: "about 2.5 h", "more than 90 min", "Tue 2025-03-18"."""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import replace

from .model import Figure

HEDGE_WORDS = {"exact": "", "about": "about ", "nearly": "nearly ", "more_than": "more than ",
               "less_than": "less than ", "at_least": "at least ", "at_most": "at most "}
DURATION_STEPS = ((86400 * 365, "years", "year"), (86400 * 30, "months", "month"),
                  (86400 * 7, "weeks", "week"), (86400, "days", "day"), (3600, "h", "h"), (60, "min", "min"),
                  (1, "s", "s"))


def describe_figure(fig: Figure) -> str:
    """The figure's value in human units, with its hedge; a range as its two ends ("40-50 killed")."""
    if fig.hedge == "range" and isinstance(fig.high, (int, float)) and fig.kind in ("count", "duration", "percent"):
        low, high = replace(fig, hedge="exact"), replace(fig, value=fig.high, hedge="exact")
        return f"{_bare(describe_figure(low), fig)}-{describe_figure(high)}"
    hedge = HEDGE_WORDS.get(fig.hedge, "")
    if fig.kind == "duration" and isinstance(fig.value, (int, float)):
        return hedge + describe_duration(fig.value, fig.unit)
    if fig.kind == "date":
        return hedge + _describe_date(fig)
    if fig.kind == "time":
        return hedge + str(fig.value) + (f" ({fig.zone.replace('_', ' ')} time)" if fig.zone else "")
    if fig.kind == "percent":
        return f"{hedge}{number(fig.value)}%"
    if fig.kind == "money":
        return f"{hedge}{large(fig.value)} {fig.unit.upper()}"
    if fig.kind == "count":
        return f"{hedge}{number(fig.value)}" + (f" {fig.counted}" if fig.counted else "")
    if fig.kind == "place":
        return str(fig.value).replace("-", " ").title()
    return hedge + str(fig.value)


def _bare(text: str, fig: Figure) -> str:
    """The low end of a range without the words its high end repeats: "40" of "40 killed", "2" of "2 h"."""
    if fig.kind == "count" and fig.counted and text.endswith(" " + fig.counted):
        return text[: -len(fig.counted) - 1]
    if fig.kind == "percent":
        return text.rstrip("%")
    return text


def describe_duration(seconds: float, unit: str = "") -> str:
    """Seconds in one unit chosen by size, so that equal durations always read the same."""
    if seconds < 60:
        return f"{number(seconds)} s"
    if seconds < 2 * 3600:
        return f"{number(seconds / 60)} min"
    if seconds < 3 * 86400 and unit in ("hour", "minute", "second", ""):
        return f"{number(seconds / 3600)} h"
    if unit in ("day", "week") and seconds % 86400 == 0:  # as written: "45 days", not "1.5 months"
        days = seconds / 86400
        return f"{number(days / 7)} weeks" if unit == "week" and days % 7 == 0 else f"{number(days)} days"
    for size, plural, single in DURATION_STEPS:
        if seconds >= size and (seconds / size) == round(seconds / size, 1):
            value = seconds / size
            return f"{number(value)} {single if value == 1 else plural}"
    return f"{number(seconds / 86400)} days"


def large(value) -> str:
    """Millions and billions in words: "30 billion", "4.5 million"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"{number(value / size)} {word}"
    return number(value)


def number(value) -> str:
    """A number without a trailing .0, with thin grouping for large ones."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return "∞" if value > 0 else "-∞"
    rounded = round(float(value), 2)
    if rounded == int(rounded):
        whole = int(rounded)
        return f"{whole:,}" if abs(whole) >= 10000 else str(whole)
    return f"{rounded:g}"


def _describe_date(fig: Figure) -> str:
    value = fig.value
    weekday = (fig.weekday or "").capitalize()
    if not value:
        return weekday or fig.text
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            day = _dt.date.fromisoformat(value).strftime("%a")
        except ValueError:
            return value
        return f"{day} {value}"
    return str(value)
