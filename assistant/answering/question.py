"""Read a question once: its kind, entities, dates, numbers and focus, as one frozen value.

Every later step (retrieval planning, evidence selection, composition, abstention) reads this
`Analysis` instead of re-parsing the text. Rules are tables of folded (diacritic-free)
patterns, so a question typed without diacritics is read the same way; each table has its own
fast test in tests/answering/test_question.py.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Collection, Sequence

from ..articles.clean import fold, normalize
from ..articles.patterns import NAME, NUMBER as _NUMBER, YEAR as _YEAR
from .lexicon import expand
from .registry import classify

__all__ = ["Analysis", "analyze", "is_title", "question_kind", "strip_filler",
           "expand_abbreviations", "question_names", "entity_kind", "ordinal_item", "extremes",
           "LIST_NOUNS", "TITLE_WORDS", "HIGHEST", "LOWEST"]

# What lists are made of (folded): counted ("7 quan điểm") or asked by position ("quan điểm
# thứ hai")
LIST_NOUNS = (r"quan\s+diem|nhiem\s+vu|giai\s+phap|nhom|tru\s+cot|muc\s+tieu|chinh\s+sach"
              r"|yeu\s+cau|noi\s+dung|dinh\s+huong")
# A meeting named by its number ("phiên họp thứ 8", "Hội nghị lần thứ 2"): two of them asked
# together are compared
_MEETING = re.compile(r"\b(?:phien\s+hop|hoi\s+nghi)\s+(?:lan\s+)?thu\s+(\d{1,2})\b")
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
             "chin": 9, "muoi": 10}
_ORDINAL = re.compile(rf"\b({LIST_NOUNS}|y|diem|buoc|linh\s+vuc)(?:\s+\w+){{0,3}}?\s+(?:thu\s+"
                      rf"({'|'.join(_ORDINALS)}|\d{{1,2}})|(dau\s+tien))\b")
# An acronym the question names ("VNeID", "GDP", "OCOP") is what the answer must speak of
_ACRONYM = re.compile(r"(?<![\w&])[A-Z][a-zA-Z]*[A-Z][a-zA-Z]*(?![\w&])")
_NOT_TOPICS = frozenset({"TT", "UBND", "TP"})
_CODE = re.compile(r"(?<!\w)\d+[A-Z]\w*(?!\w)")

# Chatty filler that asks nothing: removed (on the folded text, same offsets) before scoring.
_FILLER = re.compile(
    r"\b(?:cho\s+(?:minh|em|toi|to|tui|anh|chi)\s+hoi(?:\s+(?:chut|ti|xiu|voi))?"
    r"|(?:minh|em|toi|tui)\s+(?:muon|can)\s+(?:biet|hoi)(?:\s+la)?"
    r"|(?:ban|ad|admin)\s+(?:oi|cho\s+hoi)|xin\s+hoi|xin\s+cho\s+biet|hoi\s+chut"
    r"|(?:ban\s+)?(?:co\s+the\s+)?(?:giup|giai\s+thich\s+giup)\s+(?:minh|em|toi|tui)(?:\s+voi)?"
    r"|(?:ban\s+)?(?:hay\s+)?(?:cho|noi\s+cho|ke\s+cho)\s+(?:minh|em|toi|tui)\s+biet"
    r"|(?:khong\s+biet|ko\s+biet)(?=\s+\w+\s+\w+)|vay\s+nhi|the\s+nhi"
    r"|(?<=\s)(?:a|nhe|nha|nhi|vay|ha|voi|ban|giup\s+minh|the\s+a|ta|ne|coi|hen|di)"
    r"(?=\s*[?.!]*\s*$)"
    r"|^\s*(?:oi|da|ua)\b(?=\s*[,!]))")

# The highest or the lowest of something ("cao nhất", "nhiều sản phẩm OCOP nhất")
HIGHEST = re.compile(r"\b(?:cao|nhieu|lon)(?:\s+\w+){0,4}?\s+nhat\b")
LOWEST = re.compile(r"\b(?:thap|it|nho)(?:\s+\w+){0,4}?\s+nhat\b")

# Words that ask rather than say: not part of the focus.
_ASKING = frozenset(
    "bao nhieu gi nao ai dau sao the khong ko co phai dung la nhung cac cua va duoc thi may hoi "
    "vay a nhi khi nhu ra tai vi cho biet hay ke liet gom so sanh tom tat noi ve chua lieu "
    "voi hon minh em toi ban".split())
_PLACE_WORDS = ("tinh", "thanh pho", "tp", "huyen", "xa", "quan", "tai", "o")
_SURNAMES = frozenset(fold(s) for s in (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Triệu Đinh "
    "Lương Trương Đoàn Lâm Mai Cao Hà Tạ Chu Quách Thái Văn Lưu").split())
_SENTENCE_OPENERS = frozenset("theo tỉnh thành năm còn ai tại ở trong khi người có vậy thế và "
                              "hãy cho liệu những các đã số tổng tỷ bao so sánh bài phải đề "
                              "vì tại sao làm như thế ngoài sau trước riêng với từ đến giữa về "
                              "cùng bên nhờ qua".split())
TITLE_WORDS = frozenset("pho chu thu tong bi uy vien thuong truc bo truong giam doc".split())
_HONORIFICS = frozenset("ong ba anh chi co chu bac".split())
_HONORIFICS_TYPED = frozenset("ông bà anh chị cô chú bác".split())
_LOOSE_MONTH = re.compile(r"\bthang\s+(\d{1,2})(?:\s*(?:/|nam)\s*((?:19|20)\d\d))?\b"
                          r"|\b(\d{1,2})/((?:19|20)\d\d)\b"
                          r"|\b\d{1,2}/(\d{1,2})\s+nam\s+((?:19|20)\d\d)\b")  # "6/2 năm 2025"


@dataclass(frozen=True)
class Analysis:
    """What a question asks, read once."""

    text: str  # the question as it will be searched (filler removed, NFC, single spaces)
    original: str  # the question as the user typed it (cleaned)
    kind: str  # a registered kind's name (registry.kinds()), or "open"
    names: tuple[str, ...] = ()  # proper names as written in the question
    entities: tuple[str, ...] = ()  # folded names and places the answer must be about
    years: frozenset[str] = frozenset()
    months: frozenset[tuple[int, int]] = frozenset()  # (month, year) asked, e.g. "tháng 7/2024"
    numbers: frozenset[str] = frozenset()  # figures the question gives itself, years apart
    counted: frozenset[str] = frozenset()  # first syllables of what "bao nhiêu ..." counts
    focus: tuple[str, ...] = ()  # folded content words: what is asked about
    sides: tuple[str, ...] = ()  # the compared items of a comparison (as written)
    term: str = ""  # the term a definition question asks about (as written)
    local: frozenset[str] = frozenset()  # entities (people, places) a sentence must be about
    ordinal: int = 0  # the item a list question asks for by its position ("quan điểm thứ hai")
    scene: frozenset[str] = frozenset()  # places that only say where the meeting asked was


def expand_abbreviations(text: str) -> str:
    """Common Vietnamese abbreviations spelled out ("CSDL" -> "cơ sở dữ liệu"), since the
    articles write the words in full (the table: lexicon.ABBREVIATIONS)."""
    return expand(text)


def strip_filler(text: str) -> str:
    """The question without chatty filler ("cho mình hỏi", "giúp mình với", "ạ")."""
    folded = fold(text)
    if len(folded) != len(text):
        return text
    out = text
    while True:  # "vậy ạ", "với nhé": trailing fillers come in runs
        kept, last, folded = [], 0, fold(out)
        for m in _FILLER.finditer(folded):
            kept.append(out[last:m.start()])
            last = m.end()
        shorter = re.sub(r"\s+([?.!])", r"\1",
                         " ".join(("".join(kept) + out[last:]).split())).strip(" ,:;")
        if shorter == out or not re.search(r"\w", shorter):
            break
        out = shorter
    return out if re.search(r"\w", out) else text


_REQUEST = re.compile(r"\b(?:tom\s+tat|tom\s+lai|liet\s+ke|ke|cho\s+biet|giai\s+thich|noi|giup)\b")
_MAY_I = re.compile(r"\s+(?:duoc|dc)\s+(?:khong|ko|k)\s*[?.!]*\s*$")


def question_kind(text: str) -> str:
    """The kind of a (filler-free) question: the registered kinds' patterns on its folded
    form (`registry.classify`, one module per kind in `kinds`); "open" when none matches.
    "Tóm tắt giúp mình … được không?" is a request, not a yes/no question."""
    folded = fold(text)
    if _REQUEST.search(folded):
        folded = _MAY_I.sub("", folded)
    return classify(folded)


def _honorific(word: str) -> bool:
    """"Ông", "bà", "bác"… before a name; typed with diacritics only as such ("Bắc Ninh" is a
    place, "Bác" an honorific)."""
    lowered = word.lower()
    return lowered in _HONORIFICS_TYPED or (fold(word) == lowered and lowered in _HONORIFICS)


def question_names(question: str) -> list[str]:
    """Proper names of a question; a capital that only opens the sentence is not a name."""
    names = []
    for m in NAME.finditer(question):
        words = m.group().split()
        if m.start() == 0 and words[0].lower() in _SENTENCE_OPENERS:
            words = words[1:]
        while words and len(words) > 1 and (words[0].lower() in _SENTENCE_OPENERS
                                            or _honorific(words[0])):
            words = words[1:]
        if is_title(" ".join(words)):
            continue  # "Phó Chủ tịch": a title, capitalised, is no name
        if len(words) >= 2 or (words and not words[0].istitle()):
            names.append(" ".join(words))
    return names + _CODE.findall(question)  # "5G", "4G": a technology named by its code


def is_title(name: str) -> bool:
    """A capitalised run of title words ("Phó Chủ", "Bộ Trưởng"), not a name."""
    return all(w in TITLE_WORDS for w in fold(name).split())


def entity_kind(name: str) -> str:
    """"person" for a Vietnamese full name (a known surname then one to three syllables),
    else "other" (a place, a body, a programme)."""
    words = fold(name).split()
    return "person" if 2 <= len(words) <= 4 and words[0] in _SURNAMES else "other"


def _known_start(name: str, text: str, gazetteer: Sequence[str]) -> str:
    """A name that opens the question and is unknown to the corpus loses its first word when
    that word is only capitalised as the sentence's first ("App VNeID" -> "VNeID")."""
    words = name.split()
    if (not gazetteer or not text.startswith(name) or len(words) < 2
            or fold(name) in gazetteer):
        return name
    rest = " ".join(words[1:])
    known = fold(rest) in gazetteer or (len(words) == 2 and not words[1].istitle())
    return rest if known else name


def _gazetteer_hits(folded: str, gazetteer: Sequence[str]) -> list[str]:
    """Folded corpus names found (as whole words) in the folded question, longest first."""
    found: list[str] = []
    for name in sorted(gazetteer, key=len, reverse=True):
        if re.search(rf"\b{re.escape(name)}\b", folded) and not any(name in f for f in found):
            found.append(name)
    return found


def _places(text: str) -> list[str]:
    """Places named after "tỉnh", "thành phố", ...: "tinh binh duong" -> "binh duong" (where
    the user wrote "tỉnh", not "tinh thần", or typed no diacritics at all)."""
    folded = fold(text)
    plain = folded == text.lower()
    out = []
    for m in re.finditer(r"\b(?:tinh|thanh\s+pho|tp)\s+"
                         r"((?!nay\b|do\b|ay\b|nao\b|kia\b|thanh\b|uy\b|nhu\b|minh\b|khac\b"
                         r"|co\b|da\b|la\b|va\b|thi\b|cua\b|se\b|dang\b|van\b|cung\b)\w+"
                         r"\s+(?!co\b|da\b|la\b|dat\b|nam\b|va\b|thi\b|duoc\b|bao\b|trong\b)\w+)",
                         folded):
        keyword = text[m.start():m.start(1)].strip().lower() if len(folded) == len(text) else ""
        if plain or keyword in ("tỉnh", "thành phố", "tp"):
            out.append(m.group(1))
    return out


def _sides(text: str, entities: Sequence[str], years: Sequence[str], who: Sequence[str]
           ) -> tuple[str, ...]:
    """What a comparison compares: two or more places or people it names (not the topic,
    "OCOP" in "số sản phẩm OCOP của Hải Dương và Nghệ An"), else its names, years, or the
    two phrases around "và" after "so sánh"/"giữa"."""
    folded = fold(text)
    meetings = []
    for m in _MEETING.finditer(folded):  # "ở phiên họp thứ 8 và ở phiên họp thứ 10"
        if m.group(1) not in [fold(x).split()[-1] for x in meetings]:
            meetings.append(text[m.start():m.end()])
    for group in (who, meetings, entities):
        if len(group) >= 2:
            return tuple(group[:4])
    if len(years) >= 2:
        return tuple(years[:4])
    m = re.search(r"(?:so\s+sanh|giua)\s+(.+?)\s+(?:va|voi)\s+(.+?)(?:\s+(?:ve|thi|cai\s+nao|"
                  r"ben\s+nao|hon)\b|[?.!]|$)", folded)
    if m:
        one, two = text[m.start(1):m.end(1)].strip(), text[m.start(2):m.end(2)].strip()
        prep = re.match(r"(o|tai|cua|trong|giua)\s", fold(two))  # "X ở A với ở B": A and B
        at = fold(one).rfind(f" {prep.group(1)} ") if prep else -1
        return (one[at + 1:], two) if at >= 0 else (one, two)
    return ()


def _term(text: str) -> str:
    folded = fold(text)
    m = re.search(r"^(.*?)\s+(?:thuc\s+chat\s+)?(?:la\s+(?:gi|cai\s+gi|sao)|nghia\s+la\s+gi"
                  r"|la\s+(?:de\s+an|chuong\s+trinh|he\s+thong|nghi\s+quyet|luat|van\s+ban)\s+gi"
                  r"|duoc\s+hieu|(?:la\s+)?viet\s+tat|la\s+(?:\w+\s+){0,2}?ve\s+(?:cai\s+|viec\s+|chuyen\s+)?gi)",
                  folded)
    if not m:
        m = re.search(r"(?:dinh\s+nghia|ten\s+day\s+du\s+cua)\s+(.+?)\s*[?.!]*$", folded)
    if not m:
        return ""
    term = text[m.start(1):m.end(1)].strip(" ,?\"'“”‘’")
    term = term.rsplit(",", 1)[-1].strip()  # "Theo tư duy của tỉnh, chuyển đổi số là gì?"
    term = re.split(r"\s+(?:mà|được|trong|ở|của bài|trong bài|mà bài)\s+", term)[0]
    said = re.search(r"\s(?:định nghĩa|coi|xem|gọi|hiểu)\s+", term)  # "Thủ tướng định nghĩa X"
    term = term[said.end():] if said else term
    lead = re.match(r"(?:the|vay|con|roi|vậy|thế|còn|rồi)\s+", term, flags=re.I)  # "vậy EMC"
    return (term[lead.end():] if lead else term).strip(" \"'“”‘’")


# A place that names where a meeting was held or which article ("hội nghị tại Đà Nẵng", the
# English "Da Nang conference" read as "Đà Nẵng, hội nghị"): the scene, not the subject
_SCENE_WORDS = r"(?:hoi\s+nghi|phien\s+hop|cuoc\s+hop|bai\s+viet|bai\s+bao)"


def _scene_place(place: str, folded: str) -> bool:
    """The place only says where the meeting asked about was held (or which article)."""
    p = re.escape(place)
    return re.search(rf"\b{_SCENE_WORDS}(?:\s+(?:tai|o))?\s+{p}\b|\b{p},?\s+{_SCENE_WORDS}\b",
                     folded) is not None


def analyze(question: str, gazetteer: Sequence[str] = (), places: Sequence[str] = ()
            ) -> Analysis:
    """The analysis of one (already NFC-cleaned, diacritic-restored) question.

    `gazetteer`: folded multi-word names of the corpus ("hai duong", "pham minh chinh"), so
    that names typed in lower case or without diacritics are still recognised; `places`: those
    of them the corpus uses as places. People and places must be what a sentence is about
    (`local`); other names (a programme, a body) only need to be in its article.
    """
    original = " ".join(normalize(question).split())
    text = expand_abbreviations(strip_filler(original))
    folded = fold(text)
    item = ordinal_item(text)
    kind = "list" if item else question_kind(text)
    if kind not in ("comparison", "yesno", "summary", "list") and re.search(
            r"\b(?:va|voi)\b", folded) and len({m.group(1) for m in _MEETING.finditer(folded)}) > 1:
        kind = "comparison"  # "... ở phiên họp thứ 8 và ở phiên họp thứ 10 là ai?"
    names = tuple(_known_start(n, text, gazetteer) for n in question_names(text))
    entities: list[str] = []
    new_places = _places(text)
    acronyms = [fold(a) for a in _ACRONYM.findall(text) if a not in _NOT_TOPICS]
    for name in ([fold(n) for n in names] + _gazetteer_hits(folded, gazetteer) + new_places
                 + acronyms):
        if name and not _YEAR.search(name) and not any(name in e or e in name for e in entities):
            entities.append(name)
    years = _YEAR.findall(text)
    months = set()
    for m in _LOOSE_MONTH.finditer(folded):
        month, year = ((m.group(1), m.group(2)) if m.group(1) else
                       (m.group(3), m.group(4)) if m.group(3) else (m.group(5), m.group(6)))
        if year and 1 <= int(month) <= 12:
            months.add((int(month), int(year)))
    numbers = frozenset(n for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n)
                        and not re.fullmatch(r"\d{1,2}/(?:19|20)\d\d", n)) - {
        n for m in _LOOSE_MONTH.finditer(folded) for n in m.groups() if n}
    words = re.findall(r"\w+", folded)
    focus = tuple(w for w in words if w not in _ASKING and not _YEAR.fullmatch(w))
    who = [e for e in entities if (e in places or e in new_places or entity_kind(e) == "person")
           and not _scene_place(e, folded)]
    if kind in ("person", "definition") and re.search(r"\bla\s+ai\s*[?.!]*\s*$", folded) and \
            any(entity_kind(e) == "person" for e in entities):
        kind = "role"  # "Ông Phạm Minh Chính là ai?": the posts he holds
    return Analysis(text=text, original=original, kind=kind, names=names,
                    entities=tuple(entities), years=frozenset(years), months=frozenset(months),
                    numbers=numbers, counted=frozenset(_counted(folded)), focus=focus,
                    sides=_sides(text, entities, years, who) if kind == "comparison" else (),
                    term=_term(text) if kind == "definition" else "",
                    local=frozenset(who) | {e for e in entities if e not in gazetteer
                                            and not _scene_place(e, folded)},
                    ordinal=item[1] if item else 0,
                    scene=frozenset(e for e in entities if _scene_place(e, folded)))


def without_unread_initials(analysis: Analysis, known: Collection[str]) -> Analysis:
    """The analysis without the subjects that are only two unexpanded capitals the articles
    never use ("PM", "NH"): an abbreviation not read, not a subject the articles lack (a
    longer unknown code, "ASEAN", stays one)."""
    unread = {fold(a) for a in _ACRONYM.findall(analysis.text)
              if len(a) <= 2 and fold(a) not in known}
    if not unread & set(analysis.entities):
        return analysis
    return dataclasses.replace(analysis,
                               entities=tuple(e for e in analysis.entities if e not in unread),
                               local=analysis.local - unread)


def extremes(text: str) -> tuple[bool, bool]:
    """Whether a question asks for the highest and for the lowest of something."""
    folded = fold(text)
    return HIGHEST.search(folded) is not None, LOWEST.search(folded) is not None


def names_in(text: str) -> list[str]:
    """The proper names of a question or an answer (citation markers and years apart)."""
    return [n for n in question_names(re.sub(r"\[\d+\]", " ", text)) if not _YEAR.search(n)]


def ordinal_item(text: str) -> tuple[str, int] | None:
    """The kind of list item a question asks for by its position and that position
    ("Quan điểm thứ hai là gì?" -> ("quan diem", 2)); None for other ordinals ("phiên họp
    thứ 8")."""
    m = _ORDINAL.search(fold(text))
    if not m:
        return None
    word = m.group(2) or "nhat"  # "quan điểm đầu tiên"
    return m.group(1), _ORDINALS.get(word) or int(word)


_COUNTED = re.compile(r"(?<!thu\s)(?<!hang\s)\b(?:bao\s+nhieu|may)\s+([^?.!]+)")  # not "thứ mấy"
_NOT_COUNTED = frozenset("phan la ty trieu nghin ngan tram nam thang ngay gio lan tien dong "
                         "thi % cai chiec ve la cua tren trong o tai theo voi cho noi "
                         "roi vay nhi a ha day nha nhe chua khong ko don".split())  # "đơn vị": any


def _counted(folded_question: str) -> set[str]:
    """First syllables of what "bao nhiêu ..." counts ("bao nhieu dich vu, thu tuc" ->
    {dich, thu}); empty for amounts with no noun of their own (percent, money, time)."""
    m = _COUNTED.search(folded_question)
    if not m:
        return set()
    items = re.split(r",|\bva\b|\bhay\b", m.group(1))
    heads = {item.split()[0] for item in items if item.split()}
    return set() if heads & _NOT_COUNTED else heads
