"""English questions as the articles' Vietnamese search words: the question form gives the
kind ("How many" -> "bao nhiêu"), a glossary the articles' terms, ordinals and months their
Vietnamese form; names typed without diacritics stay (a data module of the lexicon; its
examples are in `lexicon.EXAMPLES`)."""
from __future__ import annotations

import re
from typing import Container

from ..articles.clean import fold
from ..articles.patterns import SYLLABLE as _SYLLABLE
from .glossary import ENGLISH_TERMS

__all__ = ["ENGLISH_TERMS", "ENGLISH_FORMS", "ENGLISH_NUMBER_WORDS", "NAME_RUN", "is_english",
           "english", "ordinal_one"]

# Counts written as words ("twelve ministries" -> "12 bộ")
ENGLISH_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}
_COUNT_WORD = re.compile(r"\b(" + "|".join(ENGLISH_NUMBER_WORDS) + r")\b(?=\s+[a-z])", re.I)


# English question forms -> the Vietnamese words that make the same kind of question
ENGLISH_FORMS = (
    (r"\bhow\s+(?:many|much)\b", "bao nhiêu"),
    (r"\bhow\s+long\b", "bao lâu"),
    (r"^\s*when\b|\b(?:since|until|from)\s+when\b|\bwhen\s+(?:did|was|were|is|are|will|does"
     r"|do|has|have|had|can|exactly)\b|\b(?:what\s+(?:date|day|time|year|month)"
     r"|which\s+(?:date|day|year|month))\b", "khi nào"),  # not "… failed when re-checking"
    (r"\b(?:who|whom)\b", "ai"),
    (r"\b(?:where|in\s+which\s+(?:place|province|city))\b", "ở đâu"),
    (r"\b(?:why|for\s+what\s+reason|what\s+is\s+the\s+reason)\b", "vì sao"),
    (r"\bwhat\s+(?:is|was)\s+the\s+purpose\b", "mục đích là gì"),
    (r"\b(?:compare|comparison|difference\s+between|stack\s+up\s+against|versus|vs\.?"
     r"|compared\s+(?:to|with))\b", "so sánh"),
    (r"\b(?:summari[sz]e|summary|main\s+points|overview|rundown|run\s+down|recap|sum\s+up"
     r"|highlights|key\s+points|in\s+brief|briefly|gist)\b", "tóm tắt"),
    (r"\b(?:in\s+what\s+way|by\s+what\s+means|what\s+(?:measures|steps|methods|ways))\b",
     "bằng cách nào"),
    (r"\b(?:list|name\s+the|(?:what|which)\s+(?:are|were)\s+the)\b", "những gì"),
    (r"^\s*what(?=\s+(?!is\b|was\b|does\b|has\b|this\b)[a-z]+s\b)", "những gì"),
    (r"\bwhich\b", "những nào"),
    (r"\bhow\b", "như thế nào"),
    (r"\bwhat\s+(?:does|do)\s+.+?\s+(?:mean|stand\s+for)\b|\bwhat\s+is\s+(?:a|an)\b"
     r"|^\s*what\s+(?:is|are)\s+(?!the\b)", "là gì"),
    (r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|will)\b(?!\s+you\b)", "có phải không"),
    (r"^\s*what\s+(?:did|does|do|has|have|will)\b", "gì"),
)

# Words only English has (not Vietnamese typed without diacritics, so not "the", "to", "do")
_ENGLISH_WORDS = frozenset(
    "what which when who whom where why how many much is are was were did does has have had "
    "been of for and with about from by will would could should their there this that these "
    "those activated launched many summarize summarise describe explain tell please give show "
    "at during between after before than most into under over did".split())


# Vietnamese kept as typed inside an English question: a quoted name ('Thông báo lưu trú')
# or a run of words with Vietnamese letters and the numbers and short words between them
_QUOTED = re.compile(r"['\"“‘]([^'\"”’]{2,80})['\"”’]")
# ("Nghệ An", "Bùi Đình Long": a capitalised plain syllable after a Vietnamese word is its name's)
_VIETNAMESE_RUN = re.compile(r"\b\w*[^\W\x00-\x7f]\w*(?:\s+(?:\w*[^\W\x00-\x7f]\w*|\d+"
                             r"|[A-Z][a-z]{0,5}(?![\w-]))\b)*")


# A run of two or more capitalised plain words: a name typed in an English question
NAME_RUN = r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b"


def _glossed_quote(m: re.Match) -> bool:
    """A quoted English word the glossary holds ('acceleration'): read as the others are."""
    return m.group(1).lower() in ENGLISH_TERMS


def _vietnamese_parts(text: str) -> list[str]:
    return [m.group(1) for m in _QUOTED.finditer(text) if not _glossed_quote(m)] + [
        m.group() for m in _VIETNAMESE_RUN.finditer(_unquoted(text))]


def _unquoted(text: str) -> str:
    """The text without its quoted Vietnamese (a glossed English quote left, unquoted)."""
    return _QUOTED.sub(lambda m: f" {m.group(1)} " if _glossed_quote(m) else " ", text)


def is_english(text: str) -> bool:
    """An English question: two or more words that only English has (or three English words
    no Vietnamese syllable could be: "Vietnam climbed 9 places in the ranking, right?"), and
    most of its words English (a quoted Vietnamese name or "Đề án 06" inside it is kept as
    typed)."""
    unquoted = _QUOTED.sub(" ", text)
    rest = _VIETNAMESE_RUN.sub(" ", unquoted)
    typed = len(re.findall(r"\w*[^\W\x00-\x7f]\w*", unquoted))
    if len(re.findall(r"[A-Za-z]+", rest)) < 2 * typed:
        return False
    words = set(re.findall(r"[a-z]+", rest.lower()))
    glossary = {w for key in ENGLISH_TERMS for w in key.split()}
    known = words & (_ENGLISH_WORDS | glossary)
    return bool(words & _ENGLISH_WORDS) and len(known) >= 2 or len(  # or three English words
        [w for w in known if not _SYLLABLE.fullmatch(w)]) >= 3  # no Vietnamese syllable could be


_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_ORDINAL_EVENT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(meeting|session|conference)\b", re.I)
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth").split()
_ORDINAL_WORD = re.compile(rf"\b({'|'.join(_ORDINAL_WORDS)})"
                           r"(?=\s+(?:meeting|session|conference)\b)", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?({'|'.join(_MONTHS)})"
                         rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+((?:19|20)\d\d))?\b", re.I)


# Half a year ("mid-2023", "the first half of 2024", "H1 2024"): its year only (the articles'
# "6 tháng đầu năm" matched word for word outweighs what the question asks of that meeting)
_HALF_YEAR = re.compile(r"\b(?:(?:the\s+)?(?:first|second|last)\s+(?:half|six\s+months)\s+of"
                        r"|h[12]|mid-?|middle\s+of)\s*((?:19|20)\d\d)\b", re.I)


def _english_dates(text: str) -> tuple[str, list[str]]:
    """"the 10th session" -> "phiên họp lần thứ 10", "April 2024" -> "tháng 4/2024", "mid-2023"
    -> "2023" (taken out of the text, returned as Vietnamese words)."""
    words: list[str] = []
    text = _HALF_YEAR.sub(lambda m: f" {m.group(1)} ", text)

    def event(m: re.Match) -> str:
        noun = "hội nghị" if m.group(2).lower() == "conference" else "phiên họp"
        words.append(f"{noun} lần thứ {m.group(1)}")
        return " "

    def month(m: re.Match) -> str:
        day_number, name, year_number = m.group(1) or m.group(3), m.group(2), m.group(4)
        if not (day_number or year_number) or (name.lower() == "may" and not year_number):
            return m.group()
        n = _MONTHS.index(name.lower()) + 1
        day = f"ngày {day_number}/{n}" if day_number else f"tháng {n}"
        year = ("/" if not day_number else " năm ") + year_number if year_number else ""
        words.append(day + year)
        return " "
    text = _ORDINAL_WORD.sub(lambda m: f"{_ORDINAL_WORDS.index(m.group(1).lower()) + 1}th", text)
    return _MONTH_YEAR.sub(month, _ORDINAL_EVENT.sub(event, text)), words


def _counted_nouns(lowered: str) -> list[tuple[int, str, tuple[int, int]]]:
    """A count and the noun it counts, in the articles' order ("the 2 decrees" -> "2 nghị
    định"): (where, the Vietnamese, the span taken)."""
    out = []
    for m in re.finditer(r"(?<![\d/.,])\b(\d{1,3})\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", lowered):
        before = lowered[:m.start()].split()[-1:]
        if before and ENGLISH_TERMS.get(before[0], "")[:1].isupper():
            continue  # a name's number ("Project 06 working group"), no count
        words = m.group(2).split()
        for i in range(len(words)):  # the first term after the count, the longest there
            for n in range(len(words) - i, 0, -1):
                key = " ".join(words[i:i + n])
                if key in ENGLISH_TERMS:
                    end = m.start(2) + len(" ".join(words[:i + n]))
                    said = f"{m.group(1)} {ENGLISH_TERMS[key]}"
                    out.append((m.start(), said, (m.start(), end)))
                    break
            else:
                continue
            break
    return out


# "What's the second one?", "And the last one?": an item of the earlier list, by position
_ORDINAL_ONE = re.compile(r"^\W*(and|what\s+about|how\s+about|what\s+is|what's|whats)?\s*"
                          r"(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth"
                          r"|ninth|tenth|last|final)\s+(?:one|item|point)\b\W*$", re.I)
_VI_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def ordinal_one(text: str) -> str:
    """A bare English follow-up asking an item by position, in Vietnamese ("What's the second
    one?" -> "Cái thứ hai là gì?", "And the last one?" -> "Còn cái cuối cùng?"); else ""."""
    m = _ORDINAL_ONE.match(text)
    if not m:
        return ""
    word = m.group(2).lower()
    item = "cái cuối cùng" if word in ("last", "final") else \
        f"cái thứ {_VI_ORDINALS[_ORDINAL_WORDS.index(word)]}"
    lead = (m.group(1) or "").lower()
    return f"Còn {item}?" if lead in ("and", "what about", "how about") else \
        f"{item[:1].upper()}{item[1:]} là gì?"


# A figure asked per unit: "for each province", "per ministry", "by district"
_EACH = re.compile(r"\b(?:for\s+|in\s+|of\s+)?(?:each|per|by)\s+(?=(?:province|ministry|locality"
                   r"|district|commune|sector|city|hospital)\b)", re.I)


# Words of the glossary's phrases ("connection points"): left as typed
_PHRASE_WORDS = frozenset(w for key in ENGLISH_TERMS if " " in key for w in key.split())
_INFLECTED = re.compile(r"\b[a-z]{4,}\b")
_ENDINGS = ("ed", "es", "s", "d")  # added to a stem; "ing" only taken off ("meeting" is
# its own word, not a form of "meet")


def _glossed_form(word: str) -> str:
    """The form of `word` the glossary holds when it holds another form of the same word
    ("urges", "urging" -> "urged"; "discussed" -> "discuss"); else the word."""
    if word in ENGLISH_TERMS or word in _PHRASE_WORDS:
        return word
    stems = [word[:-len(e)] + tail for e in ("ing", *_ENDINGS) if word.endswith(e)
             and len(word) - len(e) >= 3 for tail in ("", "e")]
    forms = [*stems, *(stem + e for stem in stems or [word] for e in _ENDINGS)]
    return next((f for f in forms if f != word and f in ENGLISH_TERMS), word)


def english(text: str, known: Container[str] = frozenset()) -> str:
    """An English question as Vietnamese search words: its terms from ENGLISH_TERMS, names,
    codes and figures kept, and the Vietnamese words of its question form (`known`: the
    articles' folded words and word pairs, "cau_hai", for a name's place in a phrase)."""
    text, dates = _english_dates(re.sub(r"(\w)['’]s\b", r"\1", text))  # "Nghe An's"
    text = _COUNT_WORD.sub(lambda m: str(ENGLISH_NUMBER_WORDS[m.group(1).lower()]), text)
    text = re.sub(r"\bbreak\s+((?:[\w,.-]+\s+){0,6}?)down\b", r"breakdown \1", text, flags=re.I)
    text = _EACH.sub("breakdown ", text)  # "for each province": a breakdown by province
    typed = _vietnamese_parts(text)
    text = _VIETNAMESE_RUN.sub(" ", _unquoted(text))
    lowered = text.lower()
    forms = []
    counted_head = _how_many_head(lowered)  # "how many guiding viewpoints" -> "quan điểm"
    for pattern, words in ENGLISH_FORMS:
        if re.search(pattern, lowered):
            forms.append(words)
            lowered = re.sub(pattern, lambda m: " " * len(m.group()), lowered)
            if words not in ("những gì", "những nào"):
                break
    # codes and figures: VNeID, OCOP, 2024
    kept = re.findall(r"\b(?:[A-Z][\w-]*[A-Z0-9][\w-]*|\d+[A-Z]\b|\d(?:[\d/.,%]*[\d%])?)", text)
    names = re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", text)
    found: list[tuple[int, str, int]] = []  # (where, the Vietnamese, where its English ends)
    lowered = _INFLECTED.sub(lambda m: _glossed_form(m.group()), lowered)  # "urges" -> "urged"
    glossed = lowered
    counted = _counted_nouns(lowered)  # "8 utility services" -> "8 dịch vụ tiện ích"
    found += [(at, said, b) for at, said, (_, b) in counted]
    for _, _, (a, b) in counted:
        lowered = lowered[:a] + " " * (b - a) + lowered[b:]
    rest = lowered
    numbered = set()  # "Project 06" -> "Đề án 06": a name and its number stay together
    for key in sorted(ENGLISH_TERMS, key=len, reverse=True):
        taken = []  # a number said with its name is taken with it ("Resolution 57")
        for m in re.finditer(rf"\b{re.escape(key)}\b(?:\s+(?:no\.?\s*)?(\d{{1,4}})\b)?", rest):
            said = ENGLISH_TERMS[key]
            if m.group(1) and said[:1].isupper():
                said = f"{said} {m.group(1)}"
                numbered.add(m.group(1))
            found.append((m.start(), said, m.end()))
            taken.append((m.start(), m.end() if said[:1].isupper() else m.start() + len(key)))
        for a, b in taken:
            rest = rest[:a] + " " * (b - a) + rest[b:]
    terms = [t for _, t, _ in sorted(found)]
    translated = {fold(t) for t in terms}
    names = [n for n in _syllable_runs(names) if fold(n) not in translated
             and n.lower() not in ENGLISH_TERMS]  # "Nghe An", "Hai Duong" stay; English
    # words that are capitalised ("Permanent Vice Chairman") do not, nor "Minister" before a name
    terms, names = _noun_before_name(found, names, glossed, known)
    kept = [k for k in kept if k not in " ".join(names) and k.lower() not in ENGLISH_TERMS
            and not any(said.startswith(f"{k} ") for _, said, _ in counted)
            and k not in numbered]
    named = forms[:1] == ["là gì"] and terms[:1] and terms[0][:1].isupper()
    if named:  # the name asked about goes last, before "là gì": "phiên họp lần thứ 10,
        terms = terms[1:] + terms[:1]  # Nghị quyết 57 là gì?"
    code = re.match(r"\s*(?i:what(?:'s|\s+(?:does|do|is))\s+(?:the\s+)?)([A-Z][\w-]*[A-Z])\b", text)
    if forms[:1] == ["là gì"] and code:  # "What does EGDI stand for …?": EGDI is asked about
        asked = code.group(1)
        kept, typed, names = ([w for w in ws if w != asked] for ws in (kept, typed, names))
        terms, named = [*[w for w in terms if w != asked], asked], True
    words = [*typed, *dates, *names, *kept, *terms] if named else \
        [*terms, *typed, *dates, *names, *kept]  # apart: "Việt Nam, Liên hợp quốc"
    said = ", ".join(dict.fromkeys(w.strip() for w in words if w.strip()))
    if counted_head and forms and forms[0] == "bao nhiêu":
        forms[0] = f"bao nhiêu {counted_head}"
    return f"{said} {' '.join(forms)}".strip() + "?"


def _syllable_runs(runs: list[str]) -> list[str]:
    """The runs of two or more capitalised Vietnamese syllables in capitalised runs:
    "Minister Nguyen Manh Hung" -> "Nguyen Manh Hung"."""
    return [part for run in runs for part in re.findall(NAME_RUN, " ".join(
            w if _SYLLABLE.fullmatch(w.lower()) else "|" for w in run.split()))]


def _noun_before_name(found: list[tuple[int, str, int]], names: list[str], glossed: str,
                      known: Container[str]) -> tuple[list[str], list[str]]:
    """English puts a name before the noun it qualifies ("the Nghe An connection point"),
    Vietnamese after it ("điểm cầu Nghệ An"): a name (two or more words, each capitalised)
    right before a common noun's term is said after it, in one search phrase, when the
    articles write that pair of words ("cầu Nghệ" in `known`). (terms, names left alone)."""
    spots = sorted([(at, end, said, False) for at, said, end in found] + [
        (m.start(), m.end(), n, True) for n in names
        for m in [re.search(rf"\b{re.escape(n.lower())}\b", glossed)] if m])
    terms, joined, skip = [], set(), False
    for (_, end, said, is_name), after in zip(spots, [*spots[1:], None]):
        if skip:
            skip = False
            continue
        if after and len(said.split()) > 1 and all(w[:1].isupper() for w in said.split()) \
                and after[2][:1].islower() and not after[3] and not glossed[end:after[0]].strip() \
                and f"{fold(after[2]).split()[-1]}_{fold(said).split()[0]}" in known:
            terms.append(f"{after[2]} {said}")
            joined.add(said)
            skip = True
        elif not is_name:
            terms.append(said)
    return terms, [n for n in names if n not in joined]


_NOUN_END = frozenset("did does do were was are is have has had the of in on at for by to were "
                      "will would could can that which who across about from with within among "
                      "and or".split())


def _how_many_head(lowered: str) -> str:
    """The Vietnamese of what "how many" (or "how much") counts: the last glossary term of the
    words after it ("how many guiding viewpoints did…" -> "quan điểm", "how much money" ->
    "tiền"); empty when none."""
    m = re.search(r"\bhow\s+(?:many|much)\s+(?:of\s+(?:those|these|them|the)\s+)?"
                  r"((?:[a-z-]+\s+){0,3})", lowered + " ")  # "how many of those accounts"
    if not m:
        return ""
    words = []
    for w in m.group(1).split():
        if w in _NOUN_END:
            break
        words.append(w)
    for n in range(len(words)):  # the longest term ending the phrase, else one inside it
        key = " ".join(words[n:])
        if key in ENGLISH_TERMS:
            return ENGLISH_TERMS[key]
    return next((ENGLISH_TERMS[w] for w in reversed(words) if w in ENGLISH_TERMS), "")
