"""People's own words, as data: abbreviations, colloquial words, dates written any way and
English questions, each table with examples (tests/answering/test_lexicon.py asks every one).

`rewrite` turns a question as typed into the articles' Vietnamese before it is read: the
articles write names and terms in full, in standard words, dates as "6/2" and in Vietnamese.
Abbreviations are also derived from the articles themselves (`derived_abbreviations`: the
initials of every multi-word name they spell out, "Căn cước công dân" -> "cccd").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Container, Iterable, Mapping

from ..articles.clean import fold
from ..articles.patterns import SYLLABLE as _SYLLABLE
from .english import (ENGLISH_FORMS, ENGLISH_NUMBER_WORDS, ENGLISH_TERMS, english as _english,
                      is_english, ordinal_one)

__all__ = ["ABBREVIATIONS", "COLLOQUIAL", "ENGLISH_TERMS", "ENGLISH_FORMS", "Rewritten",
           "rewrite", "expand", "phrases", "may_abbreviate", "qualifiers", "QUALIFIERS",
           "derived_abbreviations", "abbreviation_keys", "place_initials", "procedural",
           "PROCEDURAL", "is_english", "NUMBER_WORDS", "IN_CONTEXT", "ENGLISH_NUMBER_WORDS",
           "number_words", "LIST_HEADS", "heads_items", "with_initials",
           "normalize_dates", "EXAMPLES"]

# Common abbreviations the articles never spell out next to them (folded key -> in full)
ABBREVIATIONS = {
    "csdl": "cơ sở dữ liệu", "cntt": "công nghệ thông tin", "cds": "chuyển đổi số",
    "dvc": "dịch vụ công", "dvctt": "dịch vụ công trực tuyến", "tthc": "thủ tục hành chính",
    "kts": "kinh tế số", "xhs": "xã hội số", "cps": "Chính phủ số",
    "cpdt": "Chính phủ điện tử", "tmdt": "thương mại điện tử", "httt": "hệ thống thông tin",
    "cccd": "căn cước công dân", "bcd": "Ban Chỉ đạo", "ubnd": "Ủy ban nhân dân",
    "ttg": "Thủ tướng", "ptt": "Phó Thủ tướng", "hdnd": "Hội đồng nhân dân",
    "dn": "doanh nghiệp", "dndn": "định danh điện tử", "ddnd": "định danh điện tử",
    "tp": "thành phố", "ttdl": "trung tâm dữ liệu", "atttm": "an toàn thông tin mạng",
    "anm": "an ninh mạng", "nq": "Nghị quyết", "qd": "Quyết định",
    "online": "trực tuyến", "app": "ứng dụng", "bv": "bệnh viện", "qg": "quốc gia",
    "ht": "hệ thống", "cty": "công ty", "bca": "Bộ Công an", "byt": "Bộ Y tế",
    "da": "Đề án", "cp": "Chính phủ", "ub": "Ủy ban", "ubqg": "Ủy ban Quốc gia",
    "dvcqg": "Dịch vụ công quốc gia", "tt&tt": "Thông tin và Truyền thông",
    "tk": "tài khoản", "sp": "sản phẩm", "cbccvc": "cán bộ, công chức, viên chức",
    "csdlqg": "cơ sở dữ liệu quốc gia", "vn": "Việt Nam", "tphcm": "Thành phố Hồ Chí Minh",
    "khcn": "khoa học và công nghệ", "dmst": "đổi mới sáng tạo", "ktxh": "kinh tế - xã hội",
    "ttdt": "thông tin điện tử", "ptts": "Phó Thủ tướng", "bttt": "Bộ Thông tin và Truyền thông",
    "kq": "kết quả", "bc": "báo cáo", "nd": "người dân",
}
# Initials read by what follows them (folded): "HN tại Đà Nẵng" is a conference, "HN" alone
# may be Hà Nội
IN_CONTEXT = (
    (r"\bhn\b(?=\s+(?:tai|o|lan|thu|so\s+ket|tong\s+ket|truc\s+tuyen|toan\s+quoc|ngay)\b)",
     "hội nghị"),
    (r"\bph\b(?=\s+(?:lan|thu|ngay|thang)\b)", "phiên họp"),
)
# Abbreviations that are also spelled like words: replaced in any case
_ALWAYS = frozenset({"online", "app"})

# Colloquial, regional and chat words -> the standard word the articles use (folded keys)
COLLOQUIAL = {
    "ko": "không", "k": "không", "hok": "không", "hem": "không", "dc": "được",
    "dk": "được", "j": "gì", "ji": "gì", "ntn": "như thế nào",
    "bn": "bao nhiêu", "nhg": "những", "nhiu": "nhiêu", "vs": "với", "trc": "trước", "ng": "người",
    "mn": "mọi người", "xai": "sử dụng", "mần": "làm", "tui": "tôi",
    "bả": "bà ấy", "ổng": "ông ấy",
    "tụi nó": "họ", "tui no": "họ", "bọn họ": "họ", "hồi đó": "khi đó", "hoi do": "khi đó",
    "hồi nào": "khi nào", "hoi nao": "khi nào", "bữa đó": "hôm đó", "bua do": "hôm đó",
    "co nhiu": "có bao nhiêu", "có nhiu": "có bao nhiêu", "chừng nào": "khi nào",
    "chung nao": "khi nào", "bi nhieu": "bao nhiêu",
    "dzậy": "vậy", "dzay": "vậy", "zậy": "vậy", "thiệt": "thật", "hổng": "không",
    "hông": "không", "bà con": "người dân", "ba con": "người dân", "bữa nào": "ngày nào",
    "bua nao": "ngày nào", "điểm yếu": "hạn chế", "diem yeu": "hạn chế", "yếu kém": "hạn chế",
    "thiếu sót": "tồn tại", "thieu sot": "tồn tại", "chợ mạng": "thương mại điện tử",
    # Central speech: "chi" (gì), "rứa" (vậy), "răng" (sao), "mô" (đâu/nào)
    "cái chi": "cái gì", "là chi": "là gì", "làm chi": "làm gì", "chi rứa": "gì vậy",
    "rứa": "vậy", "răng": "sao", "mần răng": "làm sao", "ở mô": "ở đâu", "chỗ mô": "chỗ nào",
    "khi mô": "khi nào", "giùm": "giúp", "dùm": "giúp",
}
# Colloquial words that are also standard words with diacritics typed: only replaced as typed
_ONLY_AS_TYPED = frozenset({"bả", "ổng", "mần", "tụi nó", "hồi đó", "hồi nào", "bữa đó",
                            "chừng nào", "bữa nào", "chợ mạng", "cái chi", "là chi", "làm chi",
                            "chi rứa", "rứa", "răng", "mần răng", "ở mô", "chỗ mô", "khi mô"})

_DAY_MONTH_YEAR = re.compile(
    r"\b(?:(?:mung|mong|ngay)\s+)?(\d{1,2})\s*(?:[-/.]|\s+thang\s+)\s*(\d{1,2})"
    r"(?:\s*(?:[-/.]|\s+nam\s+)\s*((?:19|20)\d\d))?\b")


def normalize_dates(text: str, plain: bool = False) -> str:
    """Dates as the articles write them: "mùng 6 tháng 2 năm 2025", "06/02/2025", "6-2-2025"
    -> "ngày 6/2 năm 2025"; "chiều 10/7/2024" -> "chiều 10/7 năm 2024"; "T6/2023" -> "tháng
    6/2023"."""
    text = re.sub(r"\bT(\d{1,2})/((?:19|20)\d\d)\b",
                  lambda m: f"{'thang' if plain else 'tháng'} {m.group(1)}/{m.group(2)}", text)
    folded = fold(text)
    if len(folded) != len(text):
        return text
    out, last = [], 0
    for m in _DAY_MONTH_YEAR.finditer(folded):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        as_written = re.fullmatch(r"\d{1,2}/\d{1,2}", m.group()) is not None
        if not (1 <= day <= 31 and 1 <= month <= 12) or as_written:
            continue  # "7/10" stays: a fraction or already the articles' form
        lead = re.match(r"(?:mung|mong|ngay)\s+", m.group()) is not None
        before = folded[max(0, m.start() - 6):m.start()]
        word = "" if re.search(r"\b(?:sang|chieu|toi|trua|ngay)\s+$", before) else "ngày "
        if not lead and not year and "thang" not in m.group() and "-" not in m.group():
            continue
        shown = f"{word}{day}/{month}" + (f" năm {year}" if year else "")
        out += [text[last:m.start()], fold(shown) if plain else shown]
        last = m.end()
    return "".join(out) + text[last:]


@dataclass(frozen=True)
class Rewritten:
    """A question in the articles' words; `english` when it was asked in English."""

    text: str
    english: bool = False


def _replace_words(text: str, table: Mapping[str, str], typed_only: frozenset[str] = frozenset(),
                   plain: bool = False) -> str:
    """Whole-word replacements from `table` (longest keys first); keys match the folded text
    unless in `typed_only` (matched as typed, with diacritics). `plain`: the question has no
    diacritics, so replacements are folded too (diacritics are restored later, together)."""
    lowered, folded = text.lower(), fold(text)
    if len(folded) != len(text):
        return text
    spans: list[tuple[int, int, str]] = []
    for key in sorted(table, key=len, reverse=True):
        hay = lowered if key in typed_only or fold(key) != key else folded
        for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", hay):
            if any(a < m.end() and m.start() < b for a, b, _ in spans):
                continue
            value = fold(table[key]) if plain else table[key]
            spans.append((m.start(), m.end(), value))
    out, last = [], 0
    for a, b, value in sorted(spans):
        out += [text[last:a], value]
        last = b
    return "".join(out) + text[last:]


def rewrite(text: str, derived: Mapping[str, str] = {}, known: Container[str] = frozenset()
            ) -> Rewritten:
    """The question in the articles' words (see the module's docstring); words the articles
    themselves use (`known`, folded: "GDP", "OCOP") are never spelled out."""
    if ordinal_one(text):  # "And the last one?"
        return Rewritten(ordinal_one(text), english=True)
    if is_english(text):
        return Rewritten(expand(_english(text), {**derived, **ABBREVIATIONS}, False, known,
                                derived), english=True)
    plain = fold(text) == text.lower().replace("đ", "d")
    for pattern, written in IN_CONTEXT:  # same offsets: fold keeps the length
        text = "".join(part if i % 2 == 0 else (fold(written) if plain else written)
                       for i, part in enumerate(_split_at(pattern, text)))
    out = _replace_words(text, COLLOQUIAL, _ONLY_AS_TYPED, plain)
    out = expand(out, {**derived, **ABBREVIATIONS}, plain, known, derived)
    return Rewritten(normalize_dates(out, plain))



def _split_at(pattern: str, text: str) -> list[str]:
    """`text` cut around the matches of `pattern` (read on the folded text): text, match,
    text, …"""
    out, last = [], 0
    for m in re.finditer(pattern, fold(text)):
        out += [text[last:m.start()], text[m.start():m.end()]]
        last = m.end()
    return out + [text[last:]]


def _same_d(letters: str, full: str) -> bool:
    """An "Đ" typed is the initial of a word opening with "Đ" ("ĐN" is no "doanh nghiệp")."""
    words = full.split()
    return len(words) != len(letters) or all(
        w[:1].lower() == "đ" for c, w in zip(letters, words) if c in "Đđ")


def expand(text: str, table: Mapping[str, str] = ABBREVIATIONS, plain: bool | None = None,
           known: Container[str] = frozenset(), fallback: Mapping[str, str] = {}) -> str:
    """Abbreviations spelled out: a word typed in capitals, or one no Vietnamese syllable
    could be (no vowel: "cccd", "dvctt"); a number attached stays ("ĐA06" -> "Đề án 06"); an
    "Đ" typed takes a name opening with "Đ" (from `fallback` when the table's has none)."""
    if plain is None:
        plain = fold(text) == text.lower().replace("đ", "d")

    def one(m: re.Match) -> str:
        word, letters, number = m.group(), m.group(1), m.group(2) or ""
        key = fold(letters)
        if key not in table or key in known or (not letters.isupper() and _SYLLABLE.fullmatch(key)
                                and key not in _ALWAYS):
            return word  # "ban", "tin": words; "UBND", "ubnd", "cccd" no syllable could be
        full = table[key] if _same_d(letters, table[key]) else fallback.get(key, "")
        if not full or not _same_d(letters, full):
            return word
        full = fold(full) if plain else full
        return f"{full} {number}".strip() if number else full
    return re.sub(r"\b([^\W\d_]{2,})(\d+)?\b", one, text)


def phrases(text: str) -> dict[str, int]:
    """Runs of 2–6 words that open with a capital ("Bộ Y tế", "Ủy ban Quốc gia về chuyển đổi
    số"), within a sentence, with how often each occurs: what abbreviations stand for."""
    counts: dict[str, int] = {}
    for line in re.split(r"[\n.;:,()“”\"!?]", text):
        words = re.findall(r"[^\W\d_]+", line)
        for i, word in enumerate(words):
            if not word[:1].isupper():
                continue
            for n in range(2, min(6, len(words) - i) + 1):
                phrase = " ".join(words[i:i + n])
                counts[phrase] = counts.get(phrase, 0) + 1
    return counts


def abbreviation_keys(text: str) -> list[str]:
    """The words of a text that may be abbreviations (see `may_abbreviate`), folded, without
    an attached number ("ĐA06" -> "da")."""
    out = []
    for m in re.finditer(r"\b([^\W\d_]{2,})\d*\b", text):
        word = m.group(1)
        if sum(c.isupper() for c in word) >= 2 or not _SYLLABLE.fullmatch(fold(word)):
            out.append(fold(word))
    return list(dict.fromkeys(out))


def may_abbreviate(text: str) -> bool:
    """The text has a word that may be an abbreviation (two capitals, or no Vietnamese
    syllable: "UBQG", "cccd"): only then are the articles' phrases read for their initials."""
    for word in re.findall(r"\b[^\W\d_]{2,}", text):
        if sum(c.isupper() for c in word) >= 2 or not _SYLLABLE.fullmatch(fold(word)):
            return True
    return False


def derived_abbreviations(counts: Mapping[str, int] | Iterable[str]) -> dict[str, str]:
    """Initials (3 letters or more) of the articles' phrases that open with a capital -> the
    phrase written most often with those initials ("Căn cước công dân" -> "cccd", "Ban Chỉ
    đạo" -> "bcd"); initials two phrases share equally often are left out."""
    if not isinstance(counts, Mapping):
        counts = {name: 1 for name in counts}
    best: dict[str, tuple[int, str, bool]] = {}
    for phrase, n in counts.items():
        words = re.findall(r"\w+", phrase)
        if not 2 <= len(words) <= 6 or any(w.isdigit() for w in words):
            continue
        key = fold("".join(w[0] for w in words))
        if len(key) < 3:
            continue
        if key not in best or n > best[key][0]:
            best[key] = (n, phrase, False)
        elif n == best[key][0] and phrase != best[key][1]:
            best[key] = (n, best[key][1], True)
    return {k: phrase for k, (_, phrase, tied) in best.items() if not tied}


def place_initials(places: Mapping[str, str]) -> dict[str, str]:
    """The initials of the corpus's places of two words or more (folded -> as written), two
    letters allowed ("HD" -> "Hải Dương"); initials two places share are left out."""
    out: dict[str, str] = {}
    shared = set()
    for folded, written in places.items():
        words = folded.split()
        if not 2 <= len(words) <= 4:
            continue
        key = "".join(w[0] for w in words)
        if key in out and out[key] != written:
            shared.add(key)
        out[key] = written
    return {k: v for k, v in out.items() if k not in shared}


# Groups and areas narrower than a whole population or country: a question that names one
# asks about it only (folded; "hộ gia đình ở nông thôn", "bệnh viện tuyến huyện")
QUALIFIERS = ("nong thon", "thanh thi", "mien nui", "vung sau", "vung xa", "bien gioi",
              "hai dao", "tuyen huyen", "tuyen xa", "tuyen tinh", "cap huyen", "cap xa",
              "nguoi cao tuoi", "hoc sinh", "sinh vien", "phu nu", "tre em", "ho ngheo",
              "dan toc thieu so", "doanh nghiep nho", "vung kho khan")


# How a meeting went rather than what it said (folded): who chaired and attended, where it was
# connected to, the pictures; a summary leaves them for what was said and done, unless the
# question asks them
PROCEDURAL = (r"\bchu\s+tri\b", r"\b(?:tham|cung)\s+du\b", r"\bdu\s+(?:hoi\s+nghi|phien\s+hop)\b",
              r"\bdiem\s+cau\b", r"\bdau\s+cau\b", r"\b(?:ket\s+noi|truyen)\s+truc\s+tuyen\b",
              r"\b(?:toan|quang)\s+canh\b", r"\btruc\s+tiep\s+ket\s+hop\s+truc\s+tuyen\b")
_PROCEDURAL = re.compile("|".join(PROCEDURAL))


def procedural(text: str) -> bool:
    """The sentence (or question) is about how a meeting went: chair, attendance, venue."""
    return _PROCEDURAL.search(fold(text)) is not None


def qualifiers(text: str) -> list[str]:
    """The narrowing groups or areas a text names (folded)."""
    folded = fold(text)
    return [q for q in QUALIFIERS if re.search(rf"\b{q}\b", folded)]


# Counts written as words (folded), Vietnamese and English ("năm quyết định", "eleven
# ministries"); English ones in English questions only (folded "tên" is "ten"). Left out:
# "tư" (folded "tu" is "từ"), "một" (no count of items).
NUMBER_WORDS = {
    "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10, "muoi mot": 11, "muoi hai": 12, "muoi ba": 13, "muoi lam": 15, "hai muoi": 20,
}
# words after "năm", "sáu", "bảy" … that make them no count ("năm nay", "sau đó")
_NOT_COUNTED = frozenset("nay ngoai qua truoc sau toi do khi ay kia roi nua hoc tai chinh "
                         "thang ngay hom gio day lan phien va cua".split())


def _number_word(table: Mapping[str, int]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(table, key=len, reverse=True))
                      + r")\s+([^\W\d]+)")


_NUMBER_WORD = {False: (_number_word(NUMBER_WORDS), NUMBER_WORDS),
                True: (_number_word(ENGLISH_NUMBER_WORDS), ENGLISH_NUMBER_WORDS)}


def number_words(text: str) -> frozenset[str]:
    """The counts a text writes as words before a noun, as figures ("Năm quyết định" -> "5",
    "eleven ministries" -> "11"); a number word before a word of time is no count."""
    pattern, table = _NUMBER_WORD[is_english(text)]
    return frozenset(str(table[m.group(1)]) for m in pattern.finditer(fold(text))
                     if m.group(2) not in _NOT_COUNTED)


# A sentence that heads items its paragraph goes on with (folded): "chỉ rõ một số tồn tại,
# hạn chế …. Hạ tầng số … . An ninh mạng …"
LIST_HEADS = re.compile(r"\b(?:mot\s+so|nhieu|cac|nhung)\s+(?:ton\s+tai|han\s+che|ket\s+qua"
                        r"|kho\s+khan|vuong\s+mac|bat\s+cap|diem\s+nghen|nhiem\s+vu"
                        r"|giai\s+phap|loi\s+ich)\b")


def heads_items(sentence: str) -> bool:
    """The sentence announces items that the sentences after it name."""
    return LIST_HEADS.search(fold(sentence)) is not None


def with_initials(text: str, initials: Mapping[str, str]) -> str:
    """A name spelled out in the question followed by the initials the articles write for it
    ("Bộ Thông tin và Truyền thông" -> "… Truyền thông (TT&TT)"); "và" has no letter."""
    words = list(re.finditer(r"[^\W\d_]+", text))
    out, last, i = [], 0, 0
    while i < len(words):
        for n in range(min(7, len(words) - i), 1, -1):
            span = words[i:i + n]
            key = "".join(fold(w.group())[0] for w in span if fold(w.group()) != "va")
            if key in initials and span[0].group()[:1].isupper() \
                    and fold(span[-1].group()) != "va" and initials[key] not in text:
                out += [text[last:span[-1].end()], f" ({initials[key]})"]
                last, i = span[-1].end(), i + n
                break
        else:
            i += 1
    return "".join(out) + text[last:]


# (function, as typed, expected) — each a case of tests/answering/test_lexicon.py
EXAMPLES = (
    ("rewrite", "CCCD gắn chíp cấp được bao nhiêu rồi?",
     "căn cước công dân gắn chíp cấp được bao nhiêu rồi?"),
    ("rewrite", "tong so dvctt la bn", "tong so dich vu cong truc tuyen la bao nhieu"),
    ("rewrite", "BCĐ do ai làm trưởng ban?", "Ban Chỉ đạo do ai làm trưởng ban?"),
    ("rewrite", "KTS chiếm bao nhiêu % GDP", "kinh tế số chiếm bao nhiêu % GDP"),
    ("rewrite", "bả nói j về chuyển đổi số ko", "bà ấy nói gì về chuyển đổi số không"),
    ("rewrite", "tụi nó xài app gì", "họ sử dụng ứng dụng gì"),
    ("rewrite", "6 chỉ thị là nhg chỉ thị nào", "6 chỉ thị là những chỉ thị nào"),
    ("rewrite", "bà con xài dịch vụ công bữa nào", "người dân sử dụng dịch vụ công ngày nào"),
    ("rewrite", "Thủ tướng chỉ ra điểm yếu, thiếu sót gì?",
     "Thủ tướng chỉ ra hạn chế, tồn tại gì?"),
    ("rewrite", "Chiều 10/7/2024 họp gì vậy?", "Chiều 10/7 năm 2024 họp gì vậy?"),
    ("rewrite", "mùng 6 tháng 2 năm 2025 có sự kiện gì?", "ngày 6/2 năm 2025 có sự kiện gì?"),
    ("rewrite", "ngay 06/02/2025 co su kien gi", "ngay 6/2 nam 2025 co su kien gi"),
    ("rewrite", "UBND tỉnh làm gì?", "Ủy ban nhân dân tỉnh làm gì?"),
    ("rewrite", "ban chỉ đạo họp", "ban chỉ đạo họp"),
    ("rewrite", "hình ảnh được dùng trong bài", "hình ảnh được dùng trong bài"),
    ("rewrite", "Hội nghị 6-2-2025 bàn gì?", "Hội nghị ngày 6/2 năm 2025 bàn gì?"),
    ("rewrite", "7/10 chỉ tiêu đạt chưa?", "7/10 chỉ tiêu đạt chưa?"),
    ("rewrite", "How many VNeID accounts were activated?",
     "tài khoản, kích hoạt, VNeID bao nhiêu tài khoản?"),
    ("rewrite", "Give me a quick rundown of the PM directives on social welfare",
     "Thủ tướng, Chỉ thị, an sinh xã hội tóm tắt?"),
    ("rewrite", "In what way do banks help households get fibre?",
     "ngân hàng, hộ gia đình, cáp quang bằng cách nào?"),
    ("is_english", "app VNeID co bao nhieu tai khoan", False),
    ("is_english", "Summarize Nghe An's results at the 10th session", True),
    ("is_english", "tinh nao dung dau ve chuyen doi so", False),
    ("qualifiers", "Tỷ lệ hộ gia đình ở nông thôn dùng cáp quang?", ["nong thon"]),
    ("qualifiers", "Bệnh viện tuyến huyện triển khai ra sao?", ["tuyen huyen"]),
    ("qualifiers", "Tỷ lệ hộ gia đình dùng cáp quang?", []),
    ("may_abbreviate", "Số TK VNeID kích hoạt?", True),
    ("may_abbreviate", "so tai khoan cccd la bao nhieu", True),
    ("may_abbreviate", "Tỷ trọng kinh tế số năm 2024 là bao nhiêu?", False),
    ("rewrite", "Who chaired the meeting?", "chủ trì, phiên họp ai?"),
    ("rewrite", "Why is digital transformation important?", "chuyển đổi số, quan trọng vì sao?"),
    ("is_english", "What is the share of the digital economy in GDP?", True),
    ("rewrite", "Who is the Standing Deputy Prime Minister who attended the 10th session?",
     "Thường trực, Phó Thủ tướng, tham dự, phiên họp lần thứ 10 ai?"),
    ("rewrite", "What did Nghe An report in April 2024?", "báo cáo, tháng 4/2024, Nghe An gì?"),
    ("rewrite", "What is his position?", "ông ấy, chức vụ là gì?"),
    ("rewrite", "Cổng DVCQG có bao nhiêu tài khoản",
     "Cổng Dịch vụ công quốc gia có bao nhiêu tài khoản"),
    ("rewrite", "HD giờ có nhiu sản phẩm OCOP dzậy?", "HD giờ có bao nhiêu sản phẩm OCOP vậy?"),
    ("rewrite", "Tới T6/2023 có gì mới?", "Tới tháng 6/2023 có gì mới?"),
    ("is_english", "the nao la chuyen doi so", False),
    ("procedural", "Cùng dự có đồng chí Nguyễn Hòa Bình, Phó Thủ tướng.", True),
    ("procedural", "Hội nghị được kết nối trực tuyến tới điểm cầu các tỉnh.", True),
    ("procedural", "Toàn cảnh hội nghị tại Đà Nẵng.", True),
    ("abbreviation_keys", "UBQG về CĐS họp ĐA06 khi nào?", ["ubqg", "cds", "da"]),
    ("abbreviation_keys", "cccd cấp bao nhiêu", ["cccd"]),
    ("procedural", "Tỷ lệ ước đạt một nửa kế hoạch.", False),
    ("procedural", "Thủ tướng yêu cầu khẩn trương ban hành kế hoạch.", False),
    ("place_initials", {"hai duong": "Hải Dương", "ha noi": "Hà Nội"},
     {"hd": "Hải Dương", "hn": "Hà Nội"}),
    ("place_initials", {"hai duong": "Hải Dương", "ha dong": "Hà Đông"}, {}),
    ("rewrite", "Số TK VNeID đã kích hoạt?", "Số tài khoản VNeID đã kích hoạt?"),
    ("rewrite", "Which leaders attended the conference on 12 July 2023?",
     "lãnh đạo, tham dự, hội nghị, ngày 12/7 năm 2023 những nào?"),
    ("rewrite", "How did the usage rate of 'Thông báo lưu trú' change?",
     "sử dụng, tỷ lệ, Thông báo lưu trú như thế nào?"),
    ("rewrite", "What rank did Vietnam reach in the UN ranking?",
     "xếp hạng, Việt Nam, Liên hợp quốc?"),
    ("is_english", "Give me a summary of what Đề án 06 achieved in 2023.", True),
    ("is_english", "Có bao nhiêu tài khoản VNeID?", False),
    ("is_english", "Chuyển đổi số là gì?", False),
    ("rewrite", "What was the 5G coverage reported at the eighth session?",
     "phủ sóng, báo cáo, phiên họp lần thứ 8, 5G?"),
    ("rewrite", "tóm tắt kq ĐA 06 báo cáo ở HN tại ĐN",
     "tóm tắt kết quả Đề án 06 báo cáo ở hội nghị tại ĐN"),
    ("rewrite", "What's the second one?", "Cái thứ hai là gì?"),
    ("rewrite", "And the last one?", "Còn cái cuối cùng?"),
    ("rewrite", "Đề án 06 là cái chi rứa?", "Đề án 06 là cái gì vậy?"),
    ("rewrite", "Hội nghị họp ở mô, răng lại họp ở đó?", "Hội nghị họp ở đâu, sao lại họp ở đó?"),
    ("number_words", "Năm quyết định Thủ tướng ban hành có tên là gì?", frozenset({"5"})),
    ("number_words", "Which eleven ministries had not secured their portals?",
     frozenset({"11"})),
    ("number_words", "Năm nay có mấy sự kiện? Sau đó thì sao?", frozenset()),
    ("heads_items", "Thủ tướng cũng chỉ rõ một số tồn tại, hạn chế trong việc hoàn thiện thể chế.",
     True),
    ("heads_items", "Hạ tầng số chưa khắc phục được tình trạng manh mún.", False),
    ("rewrite", "What shortcomings did the PM point out at the ninth session?",
     "hạn chế, Thủ tướng, nêu, phiên họp lần thứ 9 những gì?"),
    ("rewrite", "Why had twelve ministries still not issued their plans?",
     "12 bộ, vẫn chưa, cấp, kế hoạch vì sao?"),
)
