"""People, bodies, outlets and places named in a text, and names matched across scripts.

`find_mentions` finds the aliases and titles of `entities.yaml` and the names of `places.yaml` in
the folded view of a text (longest first, whole words, an Arabic proclitic allowed before a name)
with one trie-shaped regex per language. `match_name` resolves a spelling no lexicon lists by
comparing consonant skeletons across Arabic, Persian, Cyrillic and Latin script; `slug_for_unknown`
gives a name nobody listed a stable id. `place_contains` answers "is Riyadh in Saudi Arabia?".

Limits of the skeleton: vowels, h-like letters and the Arabic/Persian long vowels are dropped, so
names that differ only in vowels (Mohammed, Mahmoud) share a skeleton; Persian و is read as a
consonant only where the spelling shows it (word start, before alef, between vowel letters, or
after a vowel letter at the word's end), so an unusual spelling may give another skeleton; Latin
"c" is read as k and "j" as the g/j class, whatever the language.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Optional

from rapidfuzz import fuzz

from .lexicon import Knowledge, section
from .model import Mention
from .normalize import Folded, fold
from .patterns import phrase_regex

PLACE_KINDS = {"city", "country", "region", "province", "sea", "place", "town", "village", "area"}
SCRIPT_CODES = {"Arab": "arabic", "Cyrl": "cyrillic", "Latn": "latin"}
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")

NOT_HOLDER_REACH = 60  # how far before a title a "deputy"/"former" phrase is looked for, in characters

BORROWED_MIN_LETTERS = 4  # an alias of another language of the same script must be at least this long

ZWNJ = "\u200c"  # Persian joins a suffix to a name with it: تهران‌ها
OPTIONAL_SPACE = "\x00"  # a trie token: Arabic-script compounds are written with a space, a ZWNJ or nothing
REQUIRED_SPACE = " "


def find_mentions(folded: Folded, language: Optional[str], knowledge: Knowledge) -> list[Mention]:
    """Every entity alias, title and place name in the text, longest first, without overlaps."""
    matcher = knowledge.cached(("entities", "matcher", language or "*"), lambda: _build_matcher(knowledge, language))
    if matcher is None:
        return []
    mentions = []
    endings = knowledge.cached(("entities", "endings", language or "*"), lambda: _name_endings(knowledge, language))
    for m in _name_matches(folded, *matcher[:2], endings):
        target = matcher[2].get(_key(m.group("name")))
        if target is None:
            continue
        entity_id, name, kind, via, upper_only, capital = target
        if via == "title" and not _names_holder(knowledge, folded.view, m.start("name"), m.end("name")):
            continue
        start, end = folded.to_original(m.start("name"), m.end("name"))
        while end > start and folded.original[end - 1] == ZWNJ:
            end -= 1  # the joiner before a suffix belongs to neither
        text = folded.original[start:end]
        if upper_only and text != text.upper():
            continue
        if capital and not text[:1].isupper():
            continue  # "Van" names a city, "a van" does not
        mentions.append(Mention(entity=entity_id, name=name, kind=kind, text=text, start=start, end=end, via=via))
    return mentions


def _name_endings(knowledge: Knowledge, language: Optional[str]):
    """The case endings names take in the document's language (Russian Новороссийска), as a pattern."""
    endings = [fold(e) for e in section(knowledge.language(language), "morphology", "name_endings") or []]
    return re.compile(rf"(?:{phrase_regex(endings)})(?!\w)") if endings else None


def _name_matches(folded: Folded, joined: re.Pattern, whole: re.Pattern, endings=None):
    """Matches that end a word, that a ZWNJ joins to a suffix (Persian تهران‌ها), or that a case ending
    closes (Russian Новороссийска); no overlaps."""
    view, pos = folded.view, 0
    while (found := joined.search(view, pos)) is not None:
        end = found.end("name")
        closed = _ends_word(folded, end) or (endings is not None and endings.match(view, end))
        m = found if closed else whole.match(view, found.start())
        if m is None:  # no name ends a word here; one may still start after a space inside the match
            pos = found.start() + 1
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def _ends_word(folded: Folded, end: int) -> bool:
    view = folded.view
    if end >= len(view) or not (view[end].isalnum() or view[end] == "_"):
        return True
    if folded.index is None or end == 0:
        return False
    return ZWNJ in folded.original[folded.index[end - 1] + 1:folded.index[end]]


def _names_holder(knowledge: Knowledge, view: str, start: int, end: int) -> bool:
    """Whether a title at view[start:end] names its holder: no "deputy"/"former" phrase of any lexicon beside it."""
    before, after = knowledge.cached(("entities", "not_holder"), lambda: _not_holder_patterns(knowledge))
    if before is not None and before.search(view, max(0, start - NOT_HOLDER_REACH), start):
        return False
    return not (after is not None and after.match(view, end))


def _not_holder_patterns(knowledge: Knowledge) -> tuple:
    """The lexicons' titles.not_holder as two patterns: phrases that end before a title, phrases after it."""
    before, after = set(), set()
    for code in knowledge.languages:
        for phrase in section(knowledge.language(code), "titles", "not_holder") or []:
            pre, mark, suf = fold(phrase).partition("#")
            before.add(pre.strip(" -"))
            if mark:
                after.add(suf.strip(" -"))
    before.discard("")
    after.discard("")
    proclitics, _ = _morphology(knowledge, None)
    glued = f"(?:{phrase_regex(proclitics)}){{0,2}}" if proclitics else ""
    pre = re.compile(rf"(?<!\w){glued}(?:{phrase_regex(sorted(before))})(?:\s{{1,3}}|-)$") if before else None
    post = re.compile(rf"(?:\s{{1,3}}|-)(?:{phrase_regex(sorted(after))})(?!\w)") if after else None
    return pre, post


def _morphology(knowledge: Knowledge, language: Optional[str]) -> tuple[list, list]:
    """The folded proclitics and articles of a language (of every lexicon when it is unknown)."""
    codes = [language] if language else list(knowledge.languages)
    found: dict = {"proclitics": set(), "article": set()}
    for code in codes:
        for key, forms in found.items():
            forms.update(f for f in (fold(p) for p in section(knowledge.language(code), "morphology", key) or []) if f)
    return sorted(found["proclitics"]), sorted(found["article"], key=len, reverse=True)


def entity(knowledge: Knowledge, entity_id: str) -> dict:
    """The lexicon entry of an entity or place id, with its id; empty for an id no lexicon has."""
    entry = knowledge.entities.get(entity_id) or knowledge.places.get(entity_id)
    return {"id": entity_id, **entry} if entry else {}


def place_ancestors(knowledge: Knowledge, place_id: str) -> list[str]:
    """The places that contain `place_id`, nearest first (city, country, region, ...)."""
    chain: list[str] = []
    current = knowledge.places.get(place_id, {}).get("in")
    while current and current not in chain and current != place_id:
        chain.append(current)
        current = knowledge.places.get(current, {}).get("in")
    return chain


def country_anchor(entity_id: str, knowledge: Knowledge) -> str:
    """The country an entity or place belongs to (a ministry its country, a city the country it lies
    in), or the entity itself."""
    country = knowledge.entities.get(entity_id, {}).get("country")
    if country:
        return country
    if entity_id in knowledge.places:
        for pid in [entity_id, *place_ancestors(knowledge, entity_id)]:
            if knowledge.places.get(pid, {}).get("kind") == "country":
                return pid
    return entity_id


def place_contains(knowledge: Knowledge, outer: str, inner: str) -> bool:
    """Whether place `inner` lies in place `outer` (a place contains itself)."""
    if inner not in knowledge.places or outer not in knowledge.places:
        return False
    return outer == inner or outer in place_ancestors(knowledge, inner)


def places_meet(knowledge: Knowledge, a: str, b: str) -> bool:
    """Whether two places may name where one event was: one holds the other, or a city and the province
    named after it ("Moscow" and "Moscow Oblast", "Tehran" and "Tehran Province")."""
    if place_contains(knowledge, a, b) or place_contains(knowledge, b, a):
        return True
    names = [str(knowledge.places.get(x, {}).get("name", "")) for x in (a, b)]
    short, long_ = sorted(names, key=len)
    return bool(short) and long_.startswith(short + " ")


# ---- the matcher: one trie regex per language over the aliases of every language of its script


def _build_matcher(knowledge: Knowledge, language: Optional[str]):
    scripts = _scripts_for(knowledge, language)
    proclitics, articles = _morphology(knowledge, language)
    table: dict[str, tuple] = {}
    tokens: list[list[str]] = []
    seen: set = set()
    own_script = language_script(knowledge, language)
    places_here = _place_words(knowledge, language)
    for alias_language, surface, target in [*_lexicon_entries(knowledge), *_cldr_country_names(knowledge, language)]:
        folded = fold(surface)
        script = _script_of(folded)
        if not folded or (scripts is not None and script not in scripts):
            continue
        if _too_short_to_borrow(folded, alias_language, language, script, own_script) \
                or _borrowed_word(folded, alias_language, language, script, own_script, places_here):
            continue
        variants = [folded]
        for article in articles:
            # a proclitic equal to the article's second letter swallows its first: ل + ال is written لل
            if len(article) > 1 and article[1:] in proclitics and folded.startswith(article) \
                    and len(folded) > len(article) + 1:
                variants.append(article[1:] + folded[1:])
        for variant in variants:
            key = _key(variant)
            if key not in table:
                table[key] = (*target, _is_acronym(surface), target[3] == "alias" and _is_proper(surface))
            spelled = tuple(_tokens(variant, script))  # the same key may be written with and without a space
            if table[key][0] == target[0] and spelled not in seen:
                seen.add(spelled)
                tokens.append(list(spelled))
    if not tokens:
        return None
    prefix = f"(?:{phrase_regex(proclitics)}){{0,2}}?" if proclitics else ""  # و, ف, ب, ل, ك glued on
    body = _trie_regex(tokens)
    joined = re.compile(rf"(?<!\w){prefix}(?P<name>{body})")
    whole = re.compile(rf"(?<!\w){prefix}(?P<name>{body})(?!\w)")
    return joined, whole, table


def _lexicon_entries(knowledge: Knowledge):
    """(language, surface, (id, name, kind, via)) for every alias, every place name, every title."""
    for entity_id in sorted(knowledge.entities):
        entry = knowledge.entities[entity_id]
        for lang, surface in _strings(entry.get("aliases")):
            yield lang, surface, (entity_id, entry.get("name", entity_id), entry.get("kind", "organization"), "alias")
    for place_id in sorted(knowledge.places):
        entry = knowledge.places[place_id]
        for lang, surface in _strings(entry.get("aliases")):
            yield lang, surface, (place_id, entry.get("name", place_id), "place", "alias")
    for entity_id in sorted(knowledge.entities):
        entry = knowledge.entities[entity_id]
        for lang, surface in _strings(entry.get("titles")):
            yield lang, surface, (entity_id, entry.get("name", entity_id), entry.get("kind", "organization"), "title")


def _cldr_country_names(knowledge: Knowledge, language: Optional[str]) -> list:
    """(language, name, target) for the countries places.yaml names in no alias of `language`: CLDR's
    name of the territory in that language ("Maroc", "Marruecos", "Marokko")."""
    if not language:
        return []
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError, TypeError):
        return []
    variants = section(knowledge.language(language), "morphology", "ending_variants") or {}
    out = []
    for place_id in sorted(knowledge.places):
        entry = knowledge.places[place_id]
        code = territory_code(knowledge, place_id)
        own = (entry.get("aliases") or {}).get(language) if isinstance(entry.get("aliases"), dict) else None
        if code and code in names and not own:
            target = (place_id, entry.get("name", place_id), "place", "alias")
            out.extend((language, form, target) for form in _declined(names[code], variants))
    return out


def _declined(name: str, variants: dict) -> list:
    """A name and its case forms by the language's ending rules (Greek Κύπρος: Κύπρο, Κύπρου)."""
    forms = [name]
    for ending, others in sorted(variants.items()):
        if name.endswith(ending) and len(name) > len(ending) + 2:
            forms += [name[:-len(ending)] + other for other in others]
    return forms


def territory_code(knowledge: Knowledge, place_id: str) -> Optional[str]:
    """The ISO 3166 code of a country of places.yaml, through CLDR's English names ("Turkey", "Türkiye")."""
    codes = knowledge.cached(("territory codes",), _english_territory_codes)
    entry = knowledge.places.get(place_id, {})
    if entry.get("kind") != "country":
        return None
    names = [entry.get("name", ""), *((entry.get("aliases") or {}).get("en") or [])]
    return next((codes[n] for n in names if n in codes), None)


def _english_territory_codes() -> dict:
    from babel import Locale

    return {name: code for code, name in Locale("en").territories.items() if code.isalpha()}


def _strings(by_language: Any) -> list[tuple[str, str]]:
    if not isinstance(by_language, dict):
        return []
    return [(lang, s) for lang in sorted(by_language) for s in by_language[lang] if isinstance(s, str)]


def _too_short_to_borrow(folded: str, alias_language: str, language: Optional[str], script: str,
                         own_script: Optional[str]) -> bool:
    """A short word of a sister language (Persian قم in Arabic, where it means "stand up") is too risky."""
    if language is None or alias_language == language or script != own_script or script == "latin":
        return False
    return sum(c.isalpha() for c in folded) < BORROWED_MIN_LETTERS


def _borrowed_word(folded: str, alias_language: str, language: Optional[str], script: str,
                   own_script: Optional[str], places_here: tuple) -> bool:
    """One word of a sister language that is, in the document's language, a place's adjective: Persian
    السودانی is al-Sudani, Arabic السوداني is "Sudanese" (the place السودان and the nisba ending)."""
    if language is None or alias_language == language or script != own_script or script == "latin" \
            or " " in folded.strip():
        return False
    words, endings = places_here
    return any(folded.endswith(e) and folded[:-len(e)] in words for e in endings)


def _place_words(knowledge: Knowledge, language: Optional[str]) -> tuple[frozenset, tuple]:
    """The folded one-word names of places in `language`, and the endings that make them adjectives."""
    endings = tuple(fold(e) for e in section(knowledge.language(language), "morphology", "adjective_endings") or [])
    if not language or not endings:
        return frozenset(), ()
    return frozenset(fold(w) for entry in knowledge.places.values() if isinstance(entry.get("aliases"), dict)
                     for w in entry["aliases"].get(language) or [] if isinstance(w, str) and " " not in w.strip()), \
        endings


def _scripts_for(knowledge: Knowledge, language: Optional[str]) -> Optional[set]:
    """The scripts whose aliases a document of `language` may use; None means all of them."""
    script = language_script(knowledge, language)
    if script is None:
        return None
    return {script, "latin"}  # names in Latin letters turn up in articles in any script


def language_script(knowledge: Knowledge, language: Optional[str]) -> Optional[str]:
    """The script a language is written in: from its lexicon, else from CLDR's likely subtags."""
    if not language:
        return None
    script = knowledge.language(language).get("script")
    if script:
        return script
    return _cldr_script(language)


@lru_cache(maxsize=256)
def _cldr_script(language: str) -> Optional[str]:
    from babel.core import get_global

    likely = get_global("likely_subtags").get(language, "")
    parts = likely.split("_")
    return SCRIPT_CODES.get(parts[1]) if len(parts) > 1 else None


def _script_of(text: str) -> str:
    """arabic, cyrillic or latin: the script of the first letter (other scripts count as latin's peers)."""
    for ch in text:
        if not ch.isalpha():
            continue
        if _ARABIC_LETTER.match(ch):
            return "arabic"
        if _CYRILLIC_LETTER.match(ch):
            return "cyrillic"
        name = unicodedata.name(ch, "")
        return "latin" if name.startswith("LATIN") else "other"
    return "other"


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


def _is_proper(surface: str) -> bool:
    """Whether an alias is spelled as a proper name (a capital first letter), so a lower-case word is not it."""
    first = next((c for c in surface if c.isalpha()), "")
    return first.isupper()


def _key(text: str) -> str:
    return "".join(text.split())


def _tokens(folded: str, script: str) -> list[str]:
    space = OPTIONAL_SPACE if script == "arabic" else REQUIRED_SPACE
    return [space if ch == " " else ch for ch in folded]


def _trie_regex(entries: list[list[str]]) -> str:
    """One alternation shaped as a trie: shared prefixes once, longer continuations tried first."""
    root: dict = {}
    for tokens in entries:
        node = root
        for tok in tokens:
            node = node.setdefault(tok, {})
        node[""] = {}
    return _render(root)


def _render(node: dict) -> str:
    ends = "" in node
    branches = []
    for tok in sorted(k for k in node if k):
        child = node[tok]
        run = [tok]
        while len(child) == 1 and "" not in child:  # follow a chain with no branching as one literal run
            (nxt, child), = child.items()
            run.append(nxt)
        branches.append("".join(_render_token(t) for t in run) + _render(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _render_token(tok: str) -> str:
    if tok == OPTIONAL_SPACE:
        return r"\s{0,3}"
    if tok == REQUIRED_SPACE:
        return r"\s{1,3}"
    return re.escape(tok)


# ---- cross-script names: consonant skeletons

# Latin digraphs first (longest first), then single letters; "V" marks a vowel or silent letter.
_LATIN_DIGRAPHS = (("dzh", "G"), ("sch", "$"), ("tch", "C"), ("sh", "$"), ("ch", "C"), ("kh", "X"), ("zh", "G"),
                   ("dj", "G"), ("gh", "G"), ("ph", "F"), ("th", "T"), ("ck", "K"), ("qu", "K"))
_LATIN = {"b": "B", "p": "B", "t": "T", "d": "D", "c": "K", "k": "K", "q": "K", "g": "G", "j": "G",
          "x": "KS", "s": "S", "z": "Z", "f": "F", "v": "F", "w": "F", "l": "L", "m": "M", "n": "N", "r": "R",
          "ç": "C", "ş": "$", "ž": "G", "š": "$", "č": "C", "ğ": "V", "h": "V", "y": "V"}
_ARABIC = {"ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D", "ذ": "Z", "ج": "G", "غ": "G",
           "گ": "G", "ژ": "G", "چ": "C", "ق": "K", "ک": "K", "خ": "X", "س": "S", "ص": "S", "ش": "$", "ز": "Z",
           "ظ": "Z", "ف": "F", "ڤ": "F", "ل": "L", "م": "M", "ن": "N", "ر": "R"}
_ARABIC_VOWELS = set("اآأإیيىئهحعءؤة")
_CYRILLIC = {"б": "B", "п": "B", "т": "T", "д": "D", "к": "K", "г": "G", "ж": "G", "х": "X", "с": "S",
             "ш": "$", "щ": "$", "ч": "C", "ц": "TS", "з": "Z", "в": "F", "ф": "F", "л": "L", "м": "M", "н": "N",
             "р": "R", "ґ": "G", "і": "V", "ї": "V", "є": "V"}
SHORT_SKELETON = 3
_ROMAN = {"B": "b", "T": "t", "D": "d", "G": "g", "K": "k", "X": "kh", "S": "s", "$": "sh", "C": "ch",
          "Z": "z", "F": "f", "L": "l", "M": "m", "N": "n", "R": "r"}
_WORD_SPLIT = re.compile(r"[\s\-‐_.'’]+")


@lru_cache(maxsize=65536)
def name_skeleton(name: str) -> str:
    """The consonant skeleton of a name in any of the Arabic, Persian, Cyrillic or Latin scripts."""
    words = [_word_skeleton(w) for w in _WORD_SPLIT.split(fold(name)) if w]
    return " ".join(w for w in words if w)


def _word_skeleton(word: str) -> str:
    classes: list[str] = []
    i = 0
    while i < len(word):
        step, out = _letter_class(word, i)
        classes.extend(out)
        i += step
    collapsed: list[str] = []
    for c in classes:  # one consonant written twice (tt, ll, ff) is one sound; a vowel between keeps both
        if not (collapsed and collapsed[-1] == c and c != "V"):
            collapsed.append(c)
    return "".join(c for c in collapsed if c != "V")


def _letter_class(word: str, i: int) -> tuple[int, list[str]]:
    ch = word[i]
    if ch == "و":
        return 1, ["F" if _consonantal_waw(word, i) else "V"]
    if ch in _ARABIC:
        return 1, [_ARABIC[ch]]
    if ch in _ARABIC_VOWELS:
        return 1, ["V"]
    if ch in _CYRILLIC:
        return 1, list(_CYRILLIC[ch])
    for digraph, cls in _LATIN_DIGRAPHS:
        if word.startswith(digraph, i):
            return len(digraph), [cls]
    base = unicodedata.normalize("NFKD", ch)[0] if ch not in _LATIN else ch
    if base in _LATIN:
        return 1, list(_LATIN[base])
    return 1, ["V"]  # vowels of every script, signs and anything unknown


def _consonantal_waw(word: str, i: int) -> bool:
    """Whether Arabic-script و stands for v/w rather than the vowel o/u, as far as the spelling shows."""
    vowels = "اآیيو"
    before = word[i - 1] if i > 0 else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    if i == 0:
        return True
    if after == "ا":
        return True
    if before in vowels and (after in vowels or not after):
        return True
    return False


def match_name(surface: str, knowledge: Knowledge, language: Optional[str] = None) -> Optional[str]:
    """The id of the entity whose alias skeleton is closest to `surface`'s, or None when none is close."""
    skeleton = name_skeleton(surface)
    if len(skeleton.replace(" ", "")) < 3:
        return None
    known = knowledge.cached(("entities", "skeleton_matches"), dict)  # a name recurs across a corpus
    if skeleton not in known:
        known[skeleton] = _closest_entity(skeleton, knowledge)
    return known[skeleton]


def _closest_entity(skeleton: str, knowledge: Knowledge) -> Optional[str]:
    index = knowledge.cached(("entities", "skeletons"), lambda: _skeleton_index(knowledge))
    threshold = knowledge.setting("skeleton_similarity", 84)
    best: dict[str, float] = {}
    for alias_skeleton, entity_id in _candidates(index, skeleton):
        if min(len(skeleton), len(alias_skeleton)) <= SHORT_SKELETON and skeleton != alias_skeleton:
            continue  # three consonants or fewer say too little for a fuzzy match
        score = fuzz.ratio(skeleton, alias_skeleton, score_cutoff=threshold)
        if score and score > best.get(entity_id, 0):
            best[entity_id] = score
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None  # two people fit equally well: no guess
    return ranked[0][0]


def _candidates(index: dict, skeleton: str):
    seen = set()
    for head in _heads(skeleton):
        for item in index.get(head, ()):
            if item not in seen:
                seen.add(item)
                yield item


def _heads(skeleton: str) -> list[str]:
    """The buckets of a skeleton: its first and its second consonant (a dropped first letter still meets)."""
    letters = skeleton.replace(" ", "")
    return list(dict.fromkeys(letters[:2]))


def _skeleton_index(knowledge: Knowledge) -> dict:
    index: dict[str, list] = {}
    seen: set = set()
    for entity_id in sorted(knowledge.entities):
        for _, surface in _strings(knowledge.entities[entity_id].get("aliases")):
            skeleton = name_skeleton(surface)
            if len(skeleton.replace(" ", "")) < 2 or (skeleton, entity_id) in seen:
                continue
            seen.add((skeleton, entity_id))
            for head in _heads(skeleton):
                index.setdefault(head, []).append((skeleton, entity_id))
    return index


def slug_for_unknown(surface: str) -> str:
    """A stable ASCII id for a name no lexicon lists: its romanized skeleton, the same in every script."""
    skeleton = name_skeleton(surface)
    words = ["".join(_ROMAN.get(c, "") for c in word) for word in skeleton.split()]
    words = [w for w in words if w]
    return "unknown-" + ("-".join(words) if words else "name")
