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
from .words import (ABBREVIATIONS, ALWAYS, BARE_AMOUNT, COLLOQUIAL, COUNTS_TYPED, EXAMPLES,
                    IN_CONTEXT, LIST_HEADS, NOT_COUNTED, NUMBER_WORDS, NUMBERS_TYPED, ONLY_AS_TYPED,
                    PROCEDURAL, QUALIFIERS, TIME_WORDS)

__all__ = ["ABBREVIATIONS", "COLLOQUIAL", "ENGLISH_TERMS", "ENGLISH_FORMS", "Rewritten",
           "rewrite", "expand", "phrases", "may_abbreviate", "qualifiers", "QUALIFIERS",
           "derived_abbreviations", "abbreviation_keys", "place_initials", "procedural",
           "PROCEDURAL", "is_english", "NUMBER_WORDS", "IN_CONTEXT", "ENGLISH_NUMBER_WORDS",
           "number_words", "LIST_HEADS", "heads_items", "with_initials", "replace_folded",
           "normalize_dates", "EXAMPLES"]

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
        return Rewritten(expand(_english(text, known), {**derived, **ABBREVIATIONS}, False, known,
                                derived), english=True)
    plain = fold(text) == text.lower().replace("đ", "d")
    for pattern, written in IN_CONTEXT:  # "HN tại …" -> "hội nghị tại …"
        said = fold(written) if plain else written
        text = replace_folded(re.compile(pattern), text, lambda m, typed, said=said: said)
    out = BARE_AMOUNT.sub("bao nhiêu", _replace_words(text, COLLOQUIAL, ONLY_AS_TYPED, plain))
    out = expand(out, {**derived, **ABBREVIATIONS}, plain, known, derived)
    return Rewritten(normalize_dates(out, plain))



def replace_folded(pattern: re.Pattern, text: str, repl) -> str:
    """`text` with each match of `pattern`, read on the folded text (same offsets), replaced
    by `repl(match, the text as written)`."""
    out, last = [], 0
    for m in pattern.finditer(fold(text)):
        out.append(text[last:m.start()])
        out.append(repl(m, text[m.start():m.end()]))
        last = m.end()
    return "".join(out) + text[last:]


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
                                and key not in ALWAYS):
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


_PROCEDURAL = re.compile("|".join(PROCEDURAL))


def procedural(text: str) -> bool:
    """The sentence (or question) is about how a meeting went: chair, attendance, venue."""
    return _PROCEDURAL.search(fold(text)) is not None


def qualifiers(text: str) -> list[str]:
    """The narrowing groups or areas a text names (folded)."""
    folded = fold(text)
    return [q for q in QUALIFIERS if re.search(rf"\b{q}\b", folded)]


def _number_word(table: Mapping[str, int]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(table, key=len, reverse=True))
                      + r")\s+([^\W\d]+)")


_NUMBER_WORD = {False: (_number_word(NUMBER_WORDS), NUMBER_WORDS),
                True: (_number_word(ENGLISH_NUMBER_WORDS), ENGLISH_NUMBER_WORDS)}


def number_words(text: str) -> frozenset[str]:
    """The counts a text writes as words before a noun, as figures ("Năm quyết định" -> "5",
    "eleven ministries" -> "11"); a number word before a word of time is no count, nor a word
    typed with other diacritics ("tạm trú" is no "tám")."""
    english = is_english(text)
    pattern, table = _NUMBER_WORD[english]
    folded = fold(text)
    plain = folded == text.lower().replace("đ", "d")
    out = set()
    for m in pattern.finditer(folded):
        typed = text[m.start(1):m.end(1)].lower()
        if not (plain or english or typed in NUMBERS_TYPED):
            continue
        if m.group(2) not in (NOT_COUNTED if typed not in COUNTS_TYPED else TIME_WORDS) \
                and not re.search(r"\bthu\s+$", folded[:m.start(1)]):  # "thứ chín"
            out.add(str(table[m.group(1)]))
    return frozenset(out)


def heads_items(sentence: str) -> bool:
    """The sentence announces items that the sentences after it name."""
    return LIST_HEADS.search(fold(sentence)) is not None


def ends_on_items(sentence: str) -> bool:
    """The sentence ends by announcing items without naming them ("Bộ TT&TT đề xuất các
    nhiệm vụ trọng tâm cần tập trung trong nửa cuối năm 2023."): at most ten words and one
    comma after the announcing words."""
    folded = fold(sentence)
    m = next(reversed(list(LIST_HEADS.finditer(folded))), None)  # the last
    after = folded[m.end():] if m else ""
    return m is not None and len(after.split()) <= 10 and len(re.findall(r"[,;:]", after)) < 2


def with_initials(text: str, initials: Mapping[str, str]) -> str:
    """A name spelled out in the question followed by the initials the articles write for it
    ("Bộ Thông tin và Truyền thông" -> "… Truyền thông (TT&TT)"); "và" has no letter."""
    words = list(re.finditer(r"[^\W\d_]+", text))
    out, last, i = [], 0, 0
    while i < len(words):
        for n in range(min(7, len(words) - i), 1, -1):
            span = words[i:i + n]
            folded = [fold(w.group()) for w in span]
            key = "".join(w[0] for w in folded if w != "va")
            groups = [len(g.split()) for g in " ".join(folded).split(" va ")]  # "&" is "và"
            if key in initials and span[0].group()[:1].isupper() and folded[-1] != "va" \
                    and groups == [len(p) for p in initials[key].split("&")] \
                    and initials[key] not in text:
                out += [text[last:span[-1].end()], f" ({initials[key]})"]
                last, i = span[-1].end(), i + n
                break
        else:
            i += 1
    return "".join(out) + text[last:]


