"""The figures an answer gives for one measure across years, places or meetings, as data for a
chart: a pure function of the answer's text and citations (no model, no index).

A figure is a number with its unit ("12,5%", "3,4 triệu tài khoản", "120 sản phẩm") in a
sentence of the answer that carries a source marker [n] of one of its citations, labelled by
the period ("năm 2020", "tháng 4/2020"), the meeting ("phiên họp thứ 2") or the place ("tỉnh
X") that comes nearest before it in the same sentence (or else first after it); the date
of an answer's "Theo bài … (01/02/2020):" counts, so figures reported at two dates compare.
The figures are returned only when two or more of them share one unit and have different
labels of one kind; when several charts qualify, the one with the most figures (first in the
text on a tie); periods in time order. A target ("mục tiêu 10 triệu") is not a measure; a
bare scale ("5,5 triệu,") takes the noun the sentence named before it ("tài khoản").
"""
from __future__ import annotations

import re
from typing import Iterable

from ..schema import Citation, Figure

__all__ = ["extract_figures", "parse_number"]

_MARKER = re.compile(r"\[(\d+)\]")
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?…](?=\s|$)(?:\s*\[\d+\])*|(?:\[\d+\])+|$)")
_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_WORD = r"[^\W\d_]+"
_NAME = rf"[{_UPPER}]{_WORD[:-1]}*"  # a capitalised syllable
_PERIOD = re.compile(
    r"(?:(?:ngày\s+)?(\d{1,2})/(\d{1,2})/((?:19|20)\d\d))"
    r"|(?:tháng\s+(\d{1,2})(?:/|\s+năm\s+)((?:19|20)\d\d))"
    r"|(?:(?:quý\s+([IV]+|\d)\s*(?:/|năm\s+))?(?:năm\s+)?\b((?:19|20)\d\d)\b(?![,.]\d))", re.I)
_MEETING = re.compile(r"(phiên\s+họp|hội\s+nghị|kỳ\s+họp)\s+(?:lần\s+)?(?:thứ\s+)?(\d+)", re.I)
_PLACE = re.compile(
    rf"\b(?i:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã|xã|phường)\s+"
    rf"({_NAME}(?:\s+{_NAME}){{0,3}})")
_SCALE = r"(?:nghìn\s+tỷ|triệu|nghìn|ngàn|tỷ|vạn)"
_NUMBER = re.compile(
    rf"(?<![\w/.,])(\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)"
    rf"(?:\s*(%)(\s*GDP|/năm)?|\s+({_SCALE}(?:\s+{_WORD}){{0,2}}|{_WORD}(?:\s+{_WORD})?))?",
    re.I)
_NOT_UNITS = {"năm", "tháng", "ngày", "và", "là", "so", "với", "trong", "của", "đến", "tới",
              "lần", "giờ", "phút", "người"}


def parse_number(text: str) -> float:
    """A number as Vietnamese writes it: "1.250" -> 1250, "12,5" -> 12.5."""
    return float(text.replace(".", "").replace(",", "."))


_TARGET = re.compile(r"(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|phấn\s+đấu)\s+(?:\w+\s+)?$", re.I)
_GDP_BEFORE = re.compile(r"GDP\b[^,;]{0,25}$")


def _unit(m: re.Match, sentence: str) -> str:
    """The unit of a number: "%" ("% GDP" when GDP is named next to it), a scale word and the
    noun after it ("triệu tài khoản"), or the noun after it ("sản phẩm"); "" for none."""
    if m.group(2):
        after = (m.group(3) or "").strip()
        if after == "GDP" or _GDP_BEFORE.search(sentence[:m.start()]):
            return "% GDP"
        return "%" + after
    words = (m.group(4) or "").split()
    while words and words[-1].lower() in _NOT_UNITS:
        words.pop()
    if not words or words[0].lower() in _NOT_UNITS or not words[0].islower():
        return ""
    return " ".join(words).lower()


_KINDS = ("period", "meeting", "place")  # preferred in this order on a tie


def _labels(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) of the periods, meetings and places named in a sentence."""
    found = []
    for m in _PERIOD.finditer(sentence):
        if m.group(3):
            label = f"{int(m.group(1))}/{int(m.group(2))}/{m.group(3)}"
        elif m.group(5):
            label = f"tháng {int(m.group(4))}/{m.group(5)}"
        elif m.group(6):
            label = f"quý {m.group(6)}/{m.group(7)}"
        else:
            label = f"năm {m.group(7)}"
        found.append((m.start(), m.end(), "period", label))
    for m in _MEETING.finditer(sentence):
        found.append((m.start(), m.end(), "meeting", f"{m.group(1).lower()} thứ {m.group(2)}"))
    for m in _PLACE.finditer(sentence):
        found.append((m.start(), m.end(), "place", m.group(1)))
    return sorted(found)


def _sentences(text: str) -> Iterable[str]:
    for line in text.split("\n"):
        yield from (m.group(0) for m in _SENTENCE.finditer(line) if m.group(0).strip())


def _figures_of(sentence: str, known: set[int]) -> list[tuple[float, str, int, dict]]:
    """(value, unit, n, {kind: label}) of each figure of a sentence: per kind of label, the
    nearest one before the figure, or else the first after it."""
    markers = [int(n) for n in _MARKER.findall(sentence) if int(n) in known]
    if not markers:
        return []
    labels = _labels(sentence)
    found = []
    for m in _NUMBER.finditer(sentence):
        unit = _unit(m, sentence)
        if not unit or any(s <= m.start(1) < e for s, e, _, _ in labels) \
                or _TARGET.search(sentence[:m.start()]):
            continue  # no unit, a year or a date, or a target rather than a measure
        if re.fullmatch(_SCALE, unit, re.I):  # "55,25 triệu," takes the noun named before it
            named = re.findall(rf"{_SCALE}\s+({_WORD}(?:\s+{_WORD})?)", sentence, re.I)
            nouns = [n.lower() for n in named if n.lower() in sentence[:m.start()].lower()]
            unit = f"{unit} {nouns[0]}" if nouns else unit
        names = {}
        for kind in _KINDS:
            before = [lab for s, e, k, lab in labels if k == kind and e <= m.start()]
            after = [lab for s, e, k, lab in labels if k == kind and s >= m.end()]
            if before or after:
                names[kind] = before[-1] if before else after[0]
        following = [int(n) for n in _MARKER.findall(sentence[m.end():]) if int(n) in known]
        if names:
            found.append((parse_number(m.group(1)), unit,
                          following[0] if following else markers[0], names))
    return found


def extract_figures(text: str, citations: Iterable[Citation]) -> tuple[Figure, ...]:
    """The figures of one measure (one unit) the answer gives for two or more different
    labels of one kind (periods, meetings or places), in the order of the text; () when it
    gives fewer."""
    known = {c.n for c in citations}
    found = [f for sentence in _sentences(text or "") for f in _figures_of(sentence, known)]
    best: list[Figure] = []
    for unit in dict.fromkeys(f[1] for f in found):
        for kind in _KINDS:
            chart: list[Figure] = []
            for value, _, n, names in (f for f in found if f[1] == unit):
                label = names.get(kind)
                if label and all(f.label != label for f in chart):
                    chart.append(Figure(label, value, unit, n))
            if kind == "period":
                chart.sort(key=lambda f: _when(f.label))
            if len(chart) > len(best):
                best = chart
    return tuple(best) if len(best) >= 2 else ()


def _when(label: str) -> tuple[int, int, int]:
    """A period label as (year, month, day) for the order of a chart: "năm 2023" before
    "tháng 4/2024" before "24/4/2024"."""
    numbers = [int(x) for x in re.findall(r"\d+", label)]
    if label.startswith("quý"):
        return numbers[-1], 0, 0
    return (numbers[-1], *(numbers[-2::-1] + [0, 0])[:2])
