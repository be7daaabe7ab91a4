"""Language knowledge: the YAML files under claims/lexicon/, validated at load, merged with --config.

Each language has one file (`ar.yaml`, `fa.yaml`, ...) with the same concept keys, documented in
`lexicon/TEMPLATE.md`. `common.yaml` holds what no language owns (hedge widths, unit factors,
event types, thresholds); `entities.yaml` and `places.yaml` hold people, bodies, outlets and places
with their spellings in every script. Validation is strict: duplicate keys, unknown keys and
non-string leaves fail with the file, the key and the reason.
"""
from __future__ import annotations

import copy
import hashlib
import marshal
import os
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import yaml

from .errors import ConfigError, LexiconError

MAX_CONFIG_BYTES = 5_000_000
CACHE_FORMAT = "1"  # bump when the shape of what is cached changes

# shapes of values; a dict literal is a section with known keys
STR = "str"
FLAG = "flag"  # "true" or "false", quoted
LIST = "list of strings"
MAP_STR = "mapping of strings to strings"
MAP_LIST = "mapping of strings to lists of strings"


class EntryMap:
    """A mapping whose keys are free (ids) and whose values all have one shape."""

    def __init__(self, shape):
        self.shape = shape


# what a partial lexicon holds (figures and what they measure); a user's config adding any other section
# to a partial built-in language (attribution for German) makes it a whole lexicon
PARTIAL_SECTIONS = {"language", "name", "partial", "numbers", "units", "units_before", "hedges", "hedges_after",
                    "measure", "events", "count_nouns", "morphology"}
HEDGES = ("exact", "about", "nearly", "more_than", "less_than", "at_least", "at_most", "range")

LANGUAGE_SCHEMA: dict = {
    "language": STR,
    "name": STR,
    "script": STR,
    "partial": FLAG,  # "true": the file holds only some sections (figures); the language is otherwise CLDR-only
    "numbers": {
        "cardinals": MAP_STR,  # word -> value ("ninety": "90")
        "range": {  # "between 40 and 50", "2 to 3 hours", "от 40 до 50": two numbers that make one interval
            "joiners": LIST,  # between the two ends ("to", "or", "تا", "до")
            "openers": LIST,  # before the first end ("between", "بين", "от")
            "after_opener": LIST,  # joiners only after an opener ("and": "between 40 and 50")
        },
        "ordinals": MAP_STR,  # word -> value ("eighteenth": "18")
        "multipliers": MAP_STR,  # word -> factor ("thousand": "1000")
        "fractions": MAP_STR,  # words after a number or unit -> addend ("and a half": "0.5")
        "half": LIST,  # a half on its own ("half", "نصف", "نیم")
        "connectors": LIST,  # joins parts of one number ("and", "و", "-")
        "articles": LIST,  # an indefinite "one" before a unit ("an", "a", "یک")
        "minus": LIST,  # the number after them is negative ("minus", "سالب", "eksi")
        "one_unit": LIST,  # before a duration unit, one whole of it ("all day", "another hour", "tüm gün", "طوال")
        "one_unit_after": LIST,  # after a duration unit, one whole of it ("عام كامل")
        "vague": MAP_STR,  # a vague quantity -> the value it stands for ("a few": "3", "birkaç": "3"), hedged "about"
        "decimal_words": LIST,  # words for the decimal mark beyond CLDR's ("con": "siete con cincuenta" is 7.50)
        "over": LIST,  # "sobre", "sur": between two numbers before a percent, a fraction ("1 sobre 3 por ciento")
        "partitive_words": LIST,  # after a cardinal, it names a denominator ("vinte e um avos": 21ths)
        "partitive_endings": LIST,  # glued to a cardinal, the same ("veintiunavos", "treintavos")
        "decimal_separator": STR,
        "thousands_separator": STR,
    },
    "units": MAP_LIST,  # unit id (from common.yaml) -> surface forms, singular and plural
    "dual_units": MAP_LIST,  # unit id -> dual forms that mean "two of them" (Arabic: ساعتين)
    "units_before": MAP_LIST,  # unit id -> forms written only before the number ("percent of", "نسبة")
    "money": {
        "not_currency": LIST,  # CLDR currency names that are ordinary words here ("gold", Turkish "yeni" = new)
        "separators": LIST,  # words between an amount and its minor part beyond num2words' ("and")
        "links": LIST,  # words between a multiplier and the currency beyond CLDR's ("millions of dollars")
    },
    "hedges": MAP_LIST,  # hedge -> phrases before a figure
    "hedges_after": MAP_LIST,  # hedge -> phrases after a figure ("or so", "تقريبا", "civarında")
    "measure": {
        "duration_markers": LIST,  # "for", "لمدة", "به مدت": a duration follows
        "lasted": LIST,  # verbs that measure an event: "lasted", "استمرت", "طول کشید"
        "subset_markers": LIST,  # "including", "بينهم", "از جمله": the count that follows is part of a toll
        "subset_after": LIST,  # "of them", "از آنان", "منهم", "из них": the count right before them is part of a toll
        "partitive_markers": LIST,  # "of the", "از", "من": "9 of the wounded", a part of a toll named after them
        "baseline_markers": LIST,  # "up from", "مقارنة بـ", "نسبت به": the figure that follows is an earlier value
        "ago_markers": LIST,  # "ago", "назад", "önce", "پیش", "قبل": a duration beside them dates an event back from publication
        "magnitude_markers": LIST,  # "magnitude", "بقوة", "به بزرگی", "büyüklüğünde", "магнитудой": the number beside them is a quake's magnitude
        "depth_markers": LIST,  # "at a depth of", "على عمق", "در عمق", "derinlikte", "на глубине": the distance beside them is a depth
        "last_year": LIST,  # "last year", "العام الماضي", "geçen yıl": its sentence's event was the year before publication
        "last_month": LIST,  # "last month", "الشهر الماضي", "geçen ay": the month before publication
        "running_total": LIST,  # "since", "منذ", "bu yana": a toll since a point in time is a running total
        "age_markers": LIST,  # "#-year-old", "# yaşında", "البالغ من العمر #": the number is an age, no figure
        "interval_markers": LIST,  # "in #", "за #", "# saatte": with a frequency word beside, an interval, no figure
        "frequency_words": LIST,  # "twice", "дважды", "kez", "مرتين", "بار": how often (ordinals count too)
    },
    "attribution": {
        "say": LIST,  # verbs of saying, every inflection that matters
        "deny": LIST,  # verbs of denial
        "according_to": LIST,  # "according to", "بحسب", "به گفته"
        "report": LIST,  # verbs of reporting by media ("reported")
        "continuation": LIST,  # pronouns and bare verbs that continue the last speaker
        "object_markers": LIST,  # words after an object ("را"): the name before them is not the speaker
        "complementizers": LIST,  # "that", "أن", "که", "что": what follows is what was said, dates included
    },
    "stance": {
        "negation": LIST,
        "possible": LIST,
        "reported": LIST,  # "media reports", "according to reports"
    },
    "events": MAP_LIST,  # event type (from common.yaml) -> nouns
    "scopes": MAP_LIST,  # scope id (from common.yaml) -> words that narrow an event ("energy", "broader")
    "count_nouns": MAP_LIST,  # what is counted -> nouns ("killed", "missiles", "calls")
    "revisions": MAP_LIST,  # rise, so_far, provisional, earlier, final, correction -> words that place a toll in time ("rose to")
    "participants": {
        "counterpart": LIST,  # "his counterpart": the other side's holder of the same office
        "between": LIST,
        "with": LIST,
        "from": LIST,  # "received a call from X": names after it take part, only right after an event noun
        "demonstratives": LIST,  # "this", "هذا", "این": an event noun after them refers back; a place beside it is not its place
        "distal_demonstratives": LIST,  # "that", "ذلك", "آن", "тот": the event the article told last
        "order": STR,  # "after" when "with"/"between" follow the names they take (Turkish "X ile Y arasında")
        "event_position": STR,  # "after" when the event noun follows its "with" group (Persian)
    },
    "dates": {
        "months": MAP_LIST,  # january..december -> forms beyond CLDR's (Levantine Arabic names, ...)
        "weekdays": MAP_LIST,  # monday..sunday -> forms beyond CLDR's
        "relative": MAP_LIST,  # yesterday, today, tomorrow, earlier_today, day_before_yesterday
        "solar_hijri_months": MAP_LIST,  # farvardin..esfand
        "hijri_months": MAP_LIST,  # muharram..dhu_al_hijjah
        "calendar_markers": MAP_LIST,  # solar_hijri, hijri, gregorian -> era marks ("هـ", "ش")
        "future": LIST,  # "will", "سوف", "خواهد", "будет": a bare weekday after them is the next one, not the last
        "offsets": MAP_LIST,  # after, before -> words that move a relative day by a duration ("two days after today")
        "ahead_markers": LIST,  # "from now", "من الآن": the duration before them counts forward from publication
        "night": LIST,  # "night", "overnight", "ليلة", "بامداد", "gece", "ночью": an event told from either side of midnight
        "bounds": LIST,  # "since", "until", "منذ", "حتى", "'den beri": the date bounds a span, it dates no event
        "start_bounds": LIST,  # "from", "از", "с": a bound, unless a verb of starting makes it the event's start
        "start_verbs": LIST,  # "takes effect", "آغاز می‌شود", "вступит в силу": the time after "from" is the start
        "last": LIST,  # "last Tuesday"
        "next": LIST,
        "joiners": LIST,  # words between a day and its month ("the 18th of March", "الثامن عشر من مارس")
        "day_suffixes": LIST,  # endings written on a day's digits ("18th", "18-го")
        "day_markers": LIST,  # words right before a day's bare digits closing a sentence ("on 15.", "يوم 27")
        "not_dates": LIST,  # phrases that hold a date word and name no date ("امام جمعه": a Friday prayer leader)
    },
    "times": {
        "oclock": LIST,  # "at", "الساعة", "ساعت": a time of day follows
        "am": LIST,
        "pm": LIST,
        "zones": MAP_LIST,  # zone id -> phrases ("بتوقيت واشنطن": washington)
    },
    "names": {
        "roles": LIST,  # role words a name follows or precedes ("spokesman", "المتحدث", "سخنگوی", "sözcüsü")
        "particles": LIST,  # lower-case words inside names ("bin", "al", "von", "аль")
        "honorifics": LIST,  # words of address right before a name ("معالي", "السيد", "آقای", "Sayın")
        "function_words": LIST,  # words no name is made of: where an Arabic-script name stops
        "title_words": LIST,  # words of titles that are no names ("Foreign", "Affairs", "İçişleri"): names stop
        "follower_prefixes": LIST,  # a glued conjunction after a name ("ونائب": "and the deputy")
        "followers": LIST,  # words that may follow a subject's name ("إن", "گفت", "در"): where a name ends
        "bodies": LIST,  # bodies that speak with no name ("ministry", "police", "الرئاسة", "کارشناسان", "СМИ")
        "role_links": LIST,  # words inside a role phrase ("باسم", "of", "for"): "المتحدث باسم الجيش"
        "determiners": LIST,  # words that open a role phrase ("the", "a"): "The interior minister"
        "adjective_endings": LIST,  # endings of adjectives that may follow a definite role word ("ي", "ية")
        "modifiers": STR,  # "after" when a role's modifiers follow it (وزير الداخلية), "before" (interior minister)
    },
    "locative": LIST,  # "in", "في", "در", "в": a place follows
    "offset_markers": LIST,  # "after", "بعد", "ago": the duration that follows is an offset, not a length
    "morphology": {
        "proclitics": LIST,  # one-letter prefixes glued to a word (Arabic و ف ب ل ک)
        "article": LIST,  # a definite article glued to a word ("ال")
        "suffixes": LIST,  # endings a noun may carry (plural, possessive, ezafe: "ها", "های", "ه")
        "construct": MAP_STR,  # a final letter that changes before a suffix ("ه": "ت", for ة -> ت)
        "head_endings": LIST,  # endings the first word of a noun phrase takes ("گفتگویی تلفنی", "اتصالا هاتفيا")
        "name_endings": LIST,  # case endings a name takes ("Новороссийска", "Путину"): the name still matches
        "ending_variants": MAP_LIST,  # a name's ending -> the endings of its other cases (Greek "ος": ["ο", "ου"])
        "adjective_endings": LIST,  # endings that make a place's adjective ("السودان" -> "السوداني", "Sudanese")
    },
    "titles": {
        "not_holder": LIST,  # "former #", "# السابق": the title beside these names someone else ("#" = the title)
    },
    "furniture": MAP_LIST,  # reason -> phrases that mark page furniture (reading_time, comments, ...)
    "metadata": {
        "source_label": LIST,  # "Source:", "المصدر:", "منبع:"
        "published_label": LIST,  # "Published:", "نشر في"
    },
}

COMMON_SCHEMA: dict = {
    "hedge_widths": MAP_STR,  # hedge -> relative width ("about": "0.1")
    "units": EntryMap({"kind": STR, "factor": STR}),  # unit id -> kind (duration, money, ...), factor to base
    "event_types": LIST,
    "event_stand_ins": MAP_LIST,  # a type that stands for the first of its list the article names, else the last
    "event_equivalents": MAP_STR,  # event type -> the type it counts as ("strike": "attack")
    "event_classes": MAP_LIST,  # class -> event types of one kind of happening (violent-incident: attack, strike)
    "main_event_measures": MAP_LIST,  # class -> quantities a figure naming no event gives the article's event
    "lasting_events": LIST,
    "toll_events": LIST,  # events that claim victims: the only ones a toll can belong to
    "serial_events": LIST,  # events that come many at a time (aftershocks): never set against each other
    "consequent_events": LIST,  # events that follow from another (fire, explosion): a toll goes to the cause  # events whose dates may be a start and an end: differing days are a tension
    "scopes": LIST,
    "count_kinds": LIST,
    "range_joiners": LIST,  # between two numbers in every language: "2-3 hours", "40–50"
    "zones": MAP_STR,  # zone id -> IANA name or description
    "thresholds": MAP_STR,
}

ENTITY_SHAPE = {"name": STR, "kind": STR, "country": STR, "role": STR, "in": STR,
                "aliases": MAP_LIST, "titles": MAP_LIST}
ENTITIES_SCHEMA: dict = {"entities": EntryMap(ENTITY_SHAPE)}
PLACES_SCHEMA: dict = {"places": EntryMap(ENTITY_SHAPE)}

CONFIG_SCHEMA: dict = {
    "languages": EntryMap(LANGUAGE_SCHEMA),
    "common": COMMON_SCHEMA,
    "entities": EntryMap(ENTITY_SHAPE),
    "places": EntryMap(ENTITY_SHAPE),
}


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a mapping with the same key twice."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, file: str, error=LexiconError) -> Any:
    """Parse YAML safely (no tags, no duplicate keys); errors name the file and the line."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(file, where, f"invalid YAML: {problem}") from None


def validate(data: Any, schema: Any, file: str, key: str = "", error=LexiconError) -> None:
    """Check `data` against a shape; raise naming the file, the dotted key and the reason."""
    if isinstance(schema, dict):
        if not isinstance(data, dict):
            raise error(file, key or "(top)", f"must be a mapping, not {_kind(data)}")
        for k, v in data.items():
            sub = f"{key}.{k}" if key else str(k)
            if k not in schema:
                known = ", ".join(sorted(schema))
                raise error(file, sub, f"unknown key (known: {known})")
            validate(v, schema[k], file, sub, error)
    elif isinstance(schema, EntryMap):
        if not isinstance(data, dict):
            raise error(file, key, f"must be a mapping, not {_kind(data)}")
        for k, v in data.items():
            if not isinstance(k, str):
                raise error(file, f"{key}.{k}", "keys must be strings (quote them)")
            validate(v, schema.shape, file, f"{key}.{k}", error)
    elif schema == STR:
        if not isinstance(data, str):
            raise error(file, key, f"must be a string, not {_kind(data)} (quote it)")
    elif schema == FLAG:
        if data not in ("true", "false"):
            raise error(file, key, f'must be "true" or "false" (quoted), not {data!r}')
    elif schema == LIST:
        if not isinstance(data, list) or not all(isinstance(x, str) for x in data):
            raise error(file, key, "must be a list of strings (quote numbers and yes/no)")
    elif schema == MAP_STR:
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise error(file, key, "must map strings to strings (quote numbers and yes/no)")
    elif schema == MAP_LIST:
        if not isinstance(data, dict):
            raise error(file, key, f"must be a mapping, not {_kind(data)}")
        for k, v in data.items():
            validate(v, LIST, file, f"{key}.{k}", error)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "true/false (quote it)",
            type(None): "empty"}.get(type(value), type(value).__name__)


def merge(base: Any, extra: Any) -> Any:
    """Merge `extra` over `base`: mappings key by key, lists extended without repeats, strings replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = merge(base[k], v) if k in base else copy.deepcopy(v)
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return copy.deepcopy(extra)


def _builtin_text(name: str) -> str:
    return resources.files("claims").joinpath("lexicon").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def builtin_languages() -> tuple:
    """The language codes with a lexicon file of their own."""
    names = [p.name for p in resources.files("claims").joinpath("lexicon").iterdir()]
    return tuple(sorted(n[:-5] for n in names if n.endswith(".yaml") and len(n) in (7, 8) and n[:-5].isalpha()))


@lru_cache(maxsize=None)
def _load_builtin(name: str, schema_key: str) -> Any:
    schema = {"language": LANGUAGE_SCHEMA, "common": COMMON_SCHEMA,
              "entities": ENTITIES_SCHEMA, "places": PLACES_SCHEMA}[schema_key]
    file = f"claims/lexicon/{name}"
    text = _builtin_text(name)
    cache = _cache_file(name, text)
    data = _read_cache(cache)
    if data is None:
        data = parse_yaml(text, file) or {}
        validate(data, schema, file)
        _write_cache(cache, data)
    return data


def cache_dir() -> Path | None:
    """Where parsed built-in lexicons are kept between runs: $NEWSDIFF_CACHE_DIR (empty: no cache), else
    $XDG_CACHE_HOME/newsdiff, else ~/.cache/newsdiff."""
    configured = os.environ.get("NEWSDIFF_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "newsdiff"


def _cache_file(name: str, text: str) -> Path | None:
    """The cache entry of one lexicon file: named by a digest of its text, so an edited YAML is parsed again."""
    folder = cache_dir()
    if folder is None:
        return None
    from . import __version__

    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{__version__}\0{text}".encode("utf-8")).hexdigest()[:24]
    return folder / f"{Path(name).stem}-{digest}.marshal"


def _read_cache(cache: Path | None) -> Any:
    # marshal, not pickle: it builds plain values only and never runs code from the file
    try:
        return marshal.loads(cache.read_bytes()) if cache is not None else None
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write_cache(cache: Path | None, data: Any) -> None:
    """Keep a parsed lexicon for the next run; a cache that cannot be written only costs time."""
    if cache is None:
        return
    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        for stale in cache.parent.glob(f"{cache.name.rsplit('-', 1)[0]}-*.marshal"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".tmp-", suffix=".marshal")
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps(data))
        os.replace(tmp, cache)
    except (OSError, ValueError):
        pass


def load_config(path: str | Path) -> dict:
    """Read and validate a user's --config file."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(str(path), "", "no such file")
    if p.stat().st_size > MAX_CONFIG_BYTES:
        raise ConfigError(str(path), "", "too large for a config file")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError) as exc:
        raise ConfigError(str(path), "", f"cannot be read as UTF-8 text ({exc.__class__.__name__})") from None
    data = parse_yaml(text, str(path), ConfigError)
    if data is None:
        return {}
    validate(data, CONFIG_SCHEMA, str(path), error=ConfigError)
    return data


class Knowledge:
    """The built-in lexicons with a user's config merged over them; one per run, read-only."""

    def __init__(self, config: dict | None = None):
        config = config or {}
        self.config = config
        self.common = merge(_load_builtin("common.yaml", "common"), config.get("common", {}))
        self.entities = merge(_load_builtin("entities.yaml", "entities").get("entities", {}),
                              config.get("entities", {}))
        self.places = merge(_load_builtin("places.yaml", "places").get("places", {}),
                            config.get("places", {}))
        self._extra_languages = config.get("languages", {})
        self._languages: dict = {}
        self._memo: dict = {}

    @classmethod
    def from_config_file(cls, path: str | Path | None) -> "Knowledge":
        return cls(load_config(path) if path else None)

    @property
    def languages(self) -> tuple:
        """Every language with a lexicon of its own, built in or from the config; a partial one (`partial:
        "true"`, figures only) leaves its language read as one with no lexicon (CLDR) everywhere else."""
        codes = lambda: set(builtin_languages()) | set(self._extra_languages)  # noqa: E731
        return self.cached(("languages",), lambda: tuple(sorted(
            c for c in codes() if self.language(c).get("partial") != "true")))

    def language(self, code: str | None) -> dict:
        """The lexicon of one language; an empty one for a language with no file (CLDR still serves it)."""
        code = code or "und"
        if code not in self._languages:
            base = _load_builtin(f"{code}.yaml", "language") if code in builtin_languages() else {}
            extra = self._extra_languages.get(code, {})
            if base.get("partial") == "true" and "partial" not in extra and set(extra) - PARTIAL_SECTIONS:
                base = {k: v for k, v in base.items() if k != "partial"}  # the user's lexicon makes it whole
            self._languages[code] = merge(base, extra)
        return self._languages[code]

    def setting(self, name: str, default: float) -> float:
        """A numeric threshold from common.yaml's thresholds (or the config)."""
        raw = self.common.get("thresholds", {}).get(name)
        return float(raw) if raw is not None else default

    def cached(self, key: tuple, build: Callable[[], Any]) -> Any:
        """Build something from the lexicons once per run (compiled patterns, indexes)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]


def section(lexicon: dict, *path: str) -> Any:
    """A nested section of a lexicon, empty when absent: section(lex, 'attribution', 'say')."""
    node: Any = lexicon
    for p in path:
        node = node.get(p, {}) if isinstance(node, dict) else {}
    return node
