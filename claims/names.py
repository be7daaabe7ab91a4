"""People no lexicon knows: their names found next to a title, a role or a verb of saying, and one
id for each of them across sources and scripts.

In Latin and Cyrillic script a name is a run of capitalised words ("Mehdi Tavakoli", "Said bin
Nasser al-Harthy"); in Arabic script, which has no capitals, it is the few words after a role or a
title ("المتحدث باسم الخارجية خالد المنصوري") or before a comma and a role ("هیمن رشید، سخنگوی
...") that are no function word. A title followed by a name that is someone else ("Iranian Foreign
Minister Mehdi Tavakoli") names that someone, not the title's holder.

Across sources, `link_names` gives the spellings of one person one id: their transliteration
skeletons, coarsened so that Latin, Arabic, Persian and Cyrillic spellings meet, are compared with
rapidfuzz.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from typing import Optional

from rapidfuzz import fuzz

from .cues import Cue
from .entities import PLACE_KINDS, match_name, name_skeleton
from .events import COORDINATION_GAP
from .lexicon import Knowledge, section
from .model import Claim, Event, Mention, Speaker
from .normalize import Folded, fold
from .patterns import phrase_regex

WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
MAX_SPAN = 400  # no mention, figure or cue is longer: how far back an overlap is looked for
NAME_GAP = 3  # characters between an anchor and the name it introduces (a space, a comma)
ROLE_BODY = 16  # characters between a role word and the body it serves ("المتحدث باسم ")
ROLE_REACH = 60  # characters from a role word to the name, across the body it serves ("spokesman for X")
MAX_NAME_WORDS = 4
ROLE_WORDS = 3  # modifiers a role phrase may take ("سخنگوی وزارت امور خارجه")
ARABIC_NAME_WORDS = 3
PARTY_OPENERS = ("with", "between", "from", "counterpart")  # cue kinds after which a name may stand
UNKNOWN_PERSON = "unknown-"  # the id prefix of a person no lexicon knows
SIMILAR_NAMES = 85  # rapidfuzz ratio of coarse skeletons above which two spellings are one person
COARSE = str.maketrans({"X": "K", "G": "K", "Q": "K", "C": "K", "V": "F", "W": "F", "Z": "S", "$": "S",
                        "D": "T", "H": None, "'": None, "-": " "})


def find_names(folded: Folded, language: Optional[str], knowledge: Knowledge,
               mentions: list[Mention], cues: list[Cue], taken: list,
               roles: list = ()) -> tuple[list[Mention], set]:
    """Mentions of people no lexicon knows, and the starts of title mentions they overrule.

    `taken` are spans already read as something else (dates, figures, cue words). A name of one
    word is taken only as the surname of a longer name found in the same article ("Demirci said").
    """
    text = folded.original
    words = _name_words(knowledge, language)
    places = sorted((m.start, m.end) for m in mentions if m.kind in PLACE_KINDS and m.via == "alias")
    hard = sorted(taken + [(m.start, m.end) for m in [*mentions, *roles]
                           if not (m.kind in PLACE_KINDS and m.via == "alias")])
    taken = sorted(hard + places)
    anchors = _anchors(text, mentions, cues, words) + [(r.start, r.end, "title") for r in roles]
    anchors.sort()
    found: list[Mention] = []
    verbs = {c.start for c in cues if c.kind in ("say", "deny", "report", "according_to")}
    prefixes = tuple(fold(p) for p in section(knowledge.language(language), "names").get("follower_prefixes", []))
    waiting = []
    for start, end in sorted(_candidates(text, words, taken) + _titled_over_places(text, words, hard, places, anchors)):
        if len(text[start:end].split()) >= 2 and _anchored(start, end, anchors, text) and \
                (not ARABIC_SCRIPT.match(text[start]) or _ends_like_a_subject(text, end, verbs, words, prefixes)):
            found.append(_mention(text, start, end, language, knowledge))
        else:
            waiting.append((start, end))
    found += _coordinated_names(text, found, waiting, _candidates(text, words, hard), language, knowledge)
    over_places = any(_overlaps(m.start, m.end, places) for m in found)
    found += _surnames(text, found, hard if over_places else taken)
    found = sorted({(m.start, m.end): m for m in found}.values(), key=lambda m: m.start)
    by_start: dict = {}
    for n in found:
        by_start.setdefault(n.start, []).append(n.entity)
    names = sorted((n.start, n.end) for n in found)
    overruled = {m.start for m in [*mentions, *roles] if m.via in ("title", "role") and
                 any(e != m.entity for gap in range(NAME_GAP + 1) for e in by_start.get(m.end + gap, ()))}
    overruled |= {m.start for m in mentions if m.kind in PLACE_KINDS and m.via == "alias"
                  and _overlaps(m.start, m.end, names)}
    titles = {m.end: m.start for m in mentions if m.start in overruled and m.via == "title"}
    return [_with_title(text, n, titles) for n in found], overruled


def _with_title(text: str, name: Mention, titles: dict) -> Mention:
    """"Russian President Arkady Volin" is one mention of him, title included: "X and Russian President
    Y" stays two coordinated names."""
    start = next((titles[name.start - gap] for gap in range(NAME_GAP + 1) if name.start - gap in titles), None)
    return name if start is None else replace(name, start=start, text=text[start:name.end])


def _coordinated_names(text: str, found: list, waiting: list, loose: list, language, knowledge: Knowledge) -> list:
    """"Presidents Arkady Volin and Selim Karaman": a capitalised name right after a found one and
    "and" (any short lower-case word) or a comma is a name too, whatever places it holds."""
    ends = {m.end for m in found}
    out = []
    for start, end in sorted(set(waiting) | set(loose)):
        name = text[start:end]
        if ARABIC_SCRIPT.match(name) or not _capitalised(name) or any(start < e <= end for e in ends):
            continue
        if any(0 < start - e <= COORDINATION_GAP and _joins(text[e:start]) for e in ends):
            out.append(_mention(text, start, end, language, knowledge))
            ends.add(end)
    return out


def _joins(gap: str) -> bool:
    word = gap.strip(" ,")
    return gap.strip() in (",", "") or (word.isalpha() and word.islower() and len(word) <= 3)


def _only_places_between(text: str, start: int, end: int, places: list) -> bool:
    """Nothing, or only places and short lower-case words, between a title and a name ("Президенты
    России и Турции Олег Самара")."""
    for w in WORD.finditer(text, start, end):
        if not _overlaps(w.start(), w.end(), places) and not (w.group().islower() and len(w.group()) <= 3):
            return False
    return not any(ch in text[start:end] for ch in ".;:!?")


def _titled_over_places(text: str, words: dict, hard: list, places: list, anchors: list) -> list:
    """Names that hold a word a lexicon knows as a place ("President Selim Karaman", "Defence Minister
    Israel Katz"): only right after a title or role, and with a capitalised word that is no place."""
    out = []
    for start, end in _candidates(text, words, hard):
        if not _overlaps(start, end, places) or ARABIC_SCRIPT.match(text[start]):
            continue
        own = [w for w in WORD.finditer(text, start, end) if w.group()[0].isupper()
               and not _overlaps(w.start(), w.end(), places)]
        near = anchors[bisect_right(anchors, (start - MAX_SPAN,)):bisect_right(anchors, (start, float("inf")))]
        after_title = any(kind in ("title", "role") and 0 <= start - a_end <= ROLE_REACH
                          and _only_places_between(text, a_end, start, places) for _, a_end, kind in near)
        if own and after_title:
            direct = any(kind in ("title", "role") and 0 <= start - a_end <= NAME_GAP for _, a_end, kind in near)
            # "России и Турции Олег Самара": the places before the given name are no part of the name
            out.append((start if direct else own[0].start(), end))
    return out


def _ends_like_a_subject(text: str, end: int, verbs: set, words: dict, prefixes: tuple) -> bool:
    """An Arabic-script name is followed by punctuation, its verb, or a word that may follow a subject
    ("خالد المنصوري إن ...", "اسماعیل بقائی گفت"); "خبر استعفای وزیر ..." is no name."""
    rest = text[end:end + 30]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in ".,،:؛;»”\"(":
        return True
    if any(end + gap in verbs for gap in range(NAME_GAP + 1)):
        return True
    following = WORD.match(stripped)
    if not following:
        return False
    word = fold(following.group())
    return word in words["followers"] or (len(word) > 2 and bool(prefixes) and word.startswith(prefixes))


def _mention(text: str, start: int, end: int, language, knowledge: Knowledge) -> Mention:
    name = text[start:end]
    entity = match_name(name, knowledge, language) or unknown_id(name)
    known = knowledge.entities.get(entity, {})
    return Mention(entity=entity, name=known.get("name", name), kind=known.get("kind", "person"),
                   text=name, start=start, end=end, via="skeleton")


def _surnames(text: str, found: list[Mention], taken: list) -> list[Mention]:
    """Later mentions of a found person by the last word of their name."""
    last = {}
    for m in found:
        parts = m.text.split()
        if len(parts) >= 2 and len(parts[-1]) >= 3:
            last.setdefault(fold(parts[-1]), m)
    if not last:
        return []
    out = []
    names = sorted((f.start, f.end) for f in found)
    for w in WORD.finditer(text):
        m = last.get(fold(w.group()))
        if m is not None and not _overlaps(w.start(), w.end(), taken) and not _overlaps(w.start(), w.end(), names):
            out.append(Mention(entity=m.entity, name=m.name, kind=m.kind, text=w.group(),
                               start=w.start(), end=w.end(), via="skeleton"))
    return out


def _name_words(knowledge: Knowledge, language: Optional[str]) -> dict:
    """Role words, name particles and titles of every language, folded, in one place; the function
    words of the document's own language (Arabic "على" folds to Persian "علی", a first name), or of
    every language when it has no lexicon."""
    own = language in knowledge.languages

    def build():
        out = {"roles": set(), "particles": set(), "function": set(), "followers": set(), "honorifics": set()}
        for code in knowledge.languages:
            names = section(knowledge.language(code), "names")
            out["roles"].update(fold(w) for w in names.get("roles", []))
            out["particles"].update(fold(w) for w in names.get("particles", []))
            out["honorifics"].update(fold(w) for w in names.get("honorifics", []))
            out["function"].update(fold(w) for w in names.get("honorifics", []))
            out["followers"].update(fold(w) for w in names.get("followers", []))
            if not own or code == language:
                out["function"].update(fold(w) for w in names.get("function_words", []))
            out["function"].update(fold(w) for w in names.get("title_words", []))
            out["function"].update(fold(w) for w in section(knowledge.language(code), "numbers", "cardinals"))
        return out
    return knowledge.cached(("name-words", language if own else None), build)


def _anchors(text: str, mentions: list[Mention], cues: list[Cue], words: dict) -> list[tuple]:
    """Spans after which (or before which) a name may stand: roles, titles, "counterpart", verbs."""
    roles = []
    for m in WORD.finditer(text):
        word = fold(m.group())
        if word in words["roles"]:
            roles.append((m.start(), m.end(), "role"))
        elif word.rstrip(".") in words["honorifics"] or word in words["honorifics"]:
            roles.append((m.start(), m.end(), "title"))  # "معالي السيد سعيد الحارثي": as after a whole title
    spans = [(m.start, m.end, "title") for m in mentions if m.via == "title"]
    # a body after a role word ("spokesman for the foreign ministry", "المتحدث باسم الخارجية") ends in a title
    spans += [(m.start, m.end, "title") for m in mentions if m.kind not in ("person", "place") and
              any(0 <= m.start - r_end <= ROLE_BODY for _, r_end, _ in roles)]
    spans += [(c.start, c.end, c.kind) for c in cues if c.kind in ("counterpart", "with", "between", "from", "say",
                                                                      "deny", "according_to")]
    return sorted(spans + roles)


def _candidates(text: str, words: dict, taken: list) -> list[tuple[int, int]]:
    """Spans that look like a name: capitalised runs; in Arabic script, runs of content words."""
    out = []
    run: list = []
    for m in WORD.finditer(text):
        token = m.group()
        folded = fold(token)
        joined = bool(run) and text[run[-1][1]:m.start()].strip() == ""
        if _overlaps(m.start(), m.end(), taken) or folded in words["roles"] or folded in words["function"]:
            out.extend(_pieces(run, text, words))
            run = []
            continue
        particle = folded in words["particles"] or folded.split("-", 1)[0] in words["particles"]  # al-Harthy
        name_like = token[0].isupper() or (run and particle) or ARABIC_SCRIPT.match(token)
        if name_like and (joined or not run):
            run.append((m.start(), m.end()))
        else:
            out.extend(_pieces(run, text, words))
            run = [(m.start(), m.end())] if name_like else []
    out.extend(_pieces(run, text, words))
    return out


def _pieces(run: list, text: str, words: dict) -> list[tuple[int, int]]:
    if not run:
        return []
    arabic = ARABIC_SCRIPT.match(text[run[0][0]])
    if arabic:  # a run of Arabic-script content words: the name is at its edges, anchored later
        return [(run[0][0], run[_reach(run, text, words, range(len(run)))][1]),
                (run[_reach(run, text, words, range(len(run) - 1, -1, -1))][0], run[-1][1])]
    return [(run[0][0], run[-1][1])] if len(run) <= MAX_NAME_WORDS else []


def _reach(run: list, text: str, words: dict, order: range) -> int:
    """The index in `run` where a name of ARABIC_NAME_WORDS words ends, walking in `order`; particles
    ("بن", "آل") do not count ("سعيد بن ناصر الحارثي" is three words and a particle)."""
    count, last = 0, order[0]
    for i in order:
        if fold(text[run[i][0]:run[i][1]]) not in words["particles"]:
            count += 1
        last = i
        if count == ARABIC_NAME_WORDS:
            break
    return last


def _overlaps(start: int, end: int, spans: list) -> bool:
    """Whether [start, end) meets any of `spans` (sorted by start): a bisection, not a scan."""
    i = bisect_right(spans, (end,)) - 1  # the last span that starts before `end`
    while i >= 0:
        if spans[i][1] > start:
            return True
        if i == 0 or spans[i - 1][0] + MAX_SPAN < start:
            return False
        i -= 1
    return False


def _anchored(start: int, end: int, anchors: list, text: str) -> bool:
    """A name right after a title, role, "counterpart" or "with", or just before a comma and a role.

    `anchors` are sorted by start; only those near the name are looked at (a bisection, not a scan).
    """
    low = bisect_right(anchors, (start - ROLE_REACH - MAX_SPAN,))
    high = bisect_right(anchors, (end + NAME_GAP + 2, float("inf")))
    # "با سعید الحارثی، وزیر خارجه عمان": a name between "with" and its role stands where a name opens
    opens = any(kind in PARTY_OPENERS and 0 <= start - a_end <= NAME_GAP and text[a_end:start].strip() == ""
                for a_start, a_end, kind in anchors[low:high]) or _opens_sentence(text, start)
    for a_start, a_end, kind in anchors[low:high]:
        gap_after = start - a_end
        if 0 <= gap_after <= NAME_GAP and text[a_end:start].strip(" ,،") == "":
            if ARABIC_SCRIPT.match(text[start]) and kind != "title":
                continue  # with no capitals, only a whole title ends where an Arabic-script name begins
            return True
        if kind == "role" and 0 <= gap_after <= ROLE_REACH and not ARABIC_SCRIPT.match(text[start]):
            if _capitalised(text[start:end]):
                return True
        if kind in ("role", "title") and 0 <= a_start - end <= NAME_GAP + 1 and \
                text[end:a_start].strip() in (",", "،") and opens:
            return True
        if kind in ("say", "deny") and 0 <= a_start - end <= NAME_GAP and not ARABIC_SCRIPT.match(text[start]):
            return True
    return False


def _opens_sentence(text: str, start: int) -> bool:
    """"Hemin Rashid, the spokesman, said": a name before its role opens the sentence."""
    if not text[text.rfind("\n", 0, start) + 1:start].strip():
        return True  # the first words of a line: after a headline, which has no full stop
    before = text[max(0, start - 12):start].rstrip()
    return not before or before[-1] in ".!?؟:\n«\"“" or before.split()[-1] in ("و", "اما", "ولی", "But", "And")


def _capitalised(name: str) -> bool:
    """Two capitalised words at least ("al-Harthy" counts by its capitalised part)."""
    return sum(1 for w in name.split() if any(p[:1].isupper() for p in w.split("-"))) >= 2


def unknown_id(name: str) -> str:
    """A stable ASCII id for a person in no lexicon, from the spelling in hand."""
    latin = _ascii(name)
    if latin:
        return UNKNOWN_PERSON + latin
    return UNKNOWN_PERSON + "-".join(name_skeleton(name).lower().replace("$", "sh").split())


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    letters = "".join(ch for ch in decomposed if ch.isascii())
    slug = re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-")
    return slug if len(slug) >= 3 and len(slug) * 2 >= len(name) else ""


def coarse_skeleton(name: str) -> str:
    """A skeleton where the consonants transliteration confuses are one (k/g/q, f/v/w, s/z, d/t)."""
    tokens = name_skeleton(name).upper().translate(COARSE).split()
    tokens = [t[1:] if t.startswith("L") and len(t) >= 4 else t for t in tokens if t not in ("L", "")]
    return " ".join(tokens)


def link_names(claims: list[Claim]) -> list[Claim]:
    """One id for every spelling of one unknown person across the corpus, Latin spelling preferred."""
    names: dict[str, str] = {}  # id -> a surface
    for c in claims:
        if c.speaker and c.speaker.id.startswith(UNKNOWN_PERSON):
            names.setdefault(c.speaker.id, c.speaker.name)
        for entity_id, name in c.names:
            if entity_id.startswith(UNKNOWN_PERSON):
                names.setdefault(entity_id, name)
    if not names:
        return claims
    canonical = _cluster(names)
    if all(k == v for k, v in canonical.items()):
        return claims
    return [_relabel(c, canonical) for c in claims]


def _cluster(names: dict) -> dict:
    keys = {i: coarse_skeleton(s) for i, s in names.items()}
    ordered = sorted(names, key=lambda i: (not _ascii(names[i]), i))  # Latin spellings lead
    canonical: dict = {}
    heads: list = []
    for i in ordered:
        head = next((h for h in heads if _same_person(keys[h], keys[i])), None)
        if head is None:
            heads.append(i)
            head = i
        canonical[i] = head
    return canonical


def _same_person(a: str, b: str) -> bool:
    if not a or not b or abs(len(a.split()) - len(b.split())) > 1 or a[:1] != b[:1]:
        return False
    return fuzz.ratio(a, b) >= SIMILAR_NAMES


def _relabel(claim: Claim, canonical: dict) -> Claim:
    speaker = claim.speaker
    if speaker and speaker.id in canonical:
        speaker = Speaker(id=canonical[speaker.id], name=speaker.name, text=speaker.text)
    event = claim.event
    if event and any(p in canonical for p in event.participants):
        ids = tuple(sorted({canonical.get(p, p) for p in event.participants}))
        event = Event(type=event.type, participants=ids, date=event.date)
    names = tuple(sorted({(canonical.get(i, i), n) for i, n in claim.names}))
    return replace(claim, speaker=speaker, event=event, names=names)


def find_roles(folded: Folded, language: Optional[str], knowledge: Knowledge, taken: list,
               markers: list = ()) -> list[Mention]:
    """Speakers named by their role or body alone: "The interior minister", "وزارة الصحة", "Местные СМИ".

    The phrase is the role word with the modifiers the language puts after it (Arabic, Persian,
    Russian: "وزير الداخلية") or before it (English, Turkish: "the interior minister"), up to a
    punctuation mark, a function word or a word already read as something else (`taken`, and the
    `markers` of reports: "وزارت دفاع گزارش‌ها را" stops before the reports).
    """
    lex = knowledge.language(language)
    names = section(lex, "names")
    pattern = knowledge.cached(("roles", language), lambda: _role_pattern(lex))
    if pattern is None:
        return []
    text = folded.original
    taken = sorted(taken)
    tokens = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]
    starts = [t[0] for t in tokens]
    stop = {fold(w) for w in names.get("function_words", [])}
    links = {fold(w) for w in names.get("role_links", [])}
    determiners = {fold(w) for w in names.get("determiners", [])}
    after = names.get("modifiers", "after") == "after"
    articles = [fold(a) for a in section(lex, "morphology").get("article", [])]
    adjectives = tuple(fold(e) for e in names.get("adjective_endings", []))
    out = []
    bounds = sorted([*taken, *markers])
    for m in pattern.finditer(folded.view):
        start, end = folded.to_original(m.start(), m.end())
        if _overlaps(start, end, taken):
            continue
        i = bisect_right(starts, start) - 1
        j = bisect_right(starts, end - 1) - 1
        if i < 0 or j < 0:
            continue
        if after:
            definite = any(tokens[i][2].startswith(a) for a in articles)
            end = _extend_after(text, tokens, j, stop, links, bounds, adjectives if definite else None,
                                tuple(articles))
        else:
            start = _extend_before(text, tokens, i, stop, determiners, bounds)
        phrase = text[start:end]
        out.append(Mention(entity=_role_id(phrase), name=phrase, kind="role", text=phrase, start=start, end=end,
                           via="role"))
    return _longest_first(out)


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """Overlapping role phrases ("A military spokesman" and "military"): the longest stands."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def _role_pattern(lex: dict):
    names = section(lex, "names")
    phrases = [fold(w) for w in names.get("roles", []) + names.get("bodies", [])]
    if not phrases:
        return None
    morph = section(lex, "morphology")
    clitics = [fold(p) for p in morph.get("proclitics", [])]
    prefix = f"(?:{phrase_regex(clitics)})?" if clitics else ""
    return re.compile(rf"(?<!\w){prefix}(?:{phrase_regex(sorted(set(phrases)))})(?!\w)")


def _extend_after(text: str, tokens: list, j: int, stop: set, links: set, taken: list,
                  adjectives: Optional[tuple] = None, articles: tuple = ()) -> int:
    """The role word and the words after it; after a definite head (الرئاسة) only adjectives
    (السورية) or a linked phrase (باسم الجيش) can follow: a definite noun is no genitive's head."""
    end = tokens[j][1]
    linked = False
    definite_seen = bool(articles) and tokens[j][2].startswith(articles)
    for k in range(j + 1, min(len(tokens), j + 1 + ROLE_WORDS)):
        start, stop_at, word = tokens[k]
        if text[end:start].strip() or _overlaps(start, stop_at, taken) or (word in stop and word not in links):
            break
        written = text[start:stop_at]
        if written[:1].isupper() and not written.isupper():
            break  # a capitalised word after a role is the holder's name ("глава ... власти Эльчин Керимов")
        linked = linked or word in links
        if adjectives is not None and not linked and not word.endswith(adjectives):
            break
        if articles and definite_seen and word not in links and not word.startswith(articles):
            break  # an idafa chain that turned definite stays definite: "وزير الدفاع يوآف" stops at the name
        definite_seen = definite_seen or (bool(articles) and word.startswith(articles))
        end = stop_at
    while end > tokens[j][1] and fold(text[max(0, end - 40):end].split()[-1]) in links:  # no dangling "of"
        end = text.rfind(" ", 0, end)
    return end


def _extend_before(text: str, tokens: list, i: int, stop: set, determiners: set, taken: list) -> int:
    start = tokens[i][0]
    for k in range(i - 1, max(-1, i - 1 - ROLE_WORDS), -1):
        t_start, t_end, word = tokens[k]
        if text[t_end:start].strip() or _overlaps(t_start, t_end, taken):
            break
        if word in determiners:
            return t_start
        if word in stop:
            break
        start = t_start
    return start


def _role_id(phrase: str) -> str:
    latin = _ascii(phrase)
    if latin:
        return "role-" + latin
    return "role-" + "-".join(name_skeleton(phrase).lower().replace("$", "sh").split())
