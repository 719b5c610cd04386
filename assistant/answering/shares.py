"""Parts of a whole asked each with its own figure ("bao nhiêu là doanh nghiệp, bao nhiêu là
hộ kinh doanh", "cấp độ 3, cấp độ 4 mỗi loại có bao nhiêu"): the near-miss check
(`nearmiss.check`) says the articles do not split the figure when a part asked has no figure
of its own in the cited sentences, or a place asked alone ("Riêng Sóc Trăng được cấp nhiêu
cái?") has none in the sentences that name it; the whole country asked ("cả nước") and a
province's figure found. Table tests in tests/answering/test_shares.py."""
from __future__ import annotations

import re

from ..articles.clean import fold
from .absent import gives_amount
from .english import ENGLISH_TERMS

__all__ = ["part_unfigured", "place_unfigured", "province_for_nation"]

# "bao nhiêu là X", "bao nhiêu thuộc X" (each part asked after its own "bao nhiêu")
_EACH = re.compile(r"\b(?:bao\s+)?nhieu\s+(?:la|thuoc)\s+((?:[^\W\d]+\s+){0,2}?[^\W\d]+)"
                   r"(?=\s*(?:[,?.!;]|\bva\b|\bcon\b|\bvay\b|\bthe\b|\ba\b|\blen\b|\bduoc\b|$))")
# "X, Y mỗi loại có bao nhiêu", "X và Y mỗi bên bao nhiêu": the parts before "mỗi loại"
_EACH_KIND = re.compile(r"((?:[\w]+\s+){0,3}?[\w]+)(?:\s*,\s*|\s+(?:va|voi)\s+)"
                        r"((?:[\w]+\s+){0,3}?[\w]+)\s*,?\s+moi\s+(?:loai|ben|cai|nhom)\s+"
                        r"(?:co\s+|duoc\s+|la\s+|dat\s+)?(?:bao\s+nhieu|may|nhieu)\b")
# "cấp độ 3 bao nhiêu, cấp độ 4 bao nhiêu": each part before its own "bao nhiêu"
_EACH_AFTER = re.compile(r"((?:\w+\s+){0,3}?\w+)\s+bao\s+nhieu\s*,\s*((?:\w+\s+){0,3}?\w+)\s+"
                         r"bao\s+nhieu\b")
_LEAD = re.compile(r"^(?:thi|trong\s+do|trong\s+so|so|cua|cac|nhung|the|con)\s+")
# A figure: "1.200", "12,5", "100%"
_FIGURE = r"\d+(?:[.,]\d+)*\s*%?"


# In English: "how many are farm goods and how many are handicrafts", "how many of those
# are level-2 accounts" (each part in the articles' words when the glossary has it)
_EACH_EN = re.compile(r"\bhow\s+many\s+(?:of\s+(?:them|those|these)\s+)?(?:are|were|is|was)\s+"
                      r"([a-z][a-z0-9 -]*?)(?=\s*(?:[,?.!;]|\band\b|$))")


def _english_part(part: str) -> str:
    """An English part in the articles' words (folded), the longest glossary term in it."""
    words = [w for w in re.split(r"[\s-]+", part) if w not in ("the", "a", "an")]
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            if (key := " ".join(words[i:i + n])) in ENGLISH_TERMS:
                return fold(ENGLISH_TERMS[key])
    return " ".join(words)


def _parts(q: str) -> list[str]:
    english = [_english_part(m.group(1)) for m in _EACH_EN.finditer(q)]
    if english:
        return english if len(english) >= 2 or re.search(r"\bof\s+(?:them|those|these)", q) \
            else []
    each = [m.group(1) for m in _EACH.finditer(q)]
    if len(each) >= 2:
        return each
    m = _EACH_KIND.search(q) or _EACH_AFTER.search(q)
    if not m or m.re is _EACH_AFTER and m.group(1).split()[0] != m.group(2).split()[0]:
        return []  # ("cấp độ 3 bao nhiêu, cấp độ 4 bao nhiêu": the same noun, two parts)
    first = m.group(1).split(" thi ")[-1]
    return [_LEAD.sub("", first.split(", ")[-1]).strip(), _LEAD.sub("", m.group(2)).strip()]


def _figured(part: str, said: str) -> bool:
    """A figure of its own stands within four words before the part, or right after it
    ("3.418 hệ thống", "cấp độ 3 có 120", "cấp độ 3: 120")."""
    own = set(re.findall(r"\d+", part))
    for m in re.finditer(rf"\b{re.escape(part)}\b", said):
        before = said[max(0, m.start() - 45):m.start()].split()[-4:]
        after = said[m.end():m.end() + 30]
        if any(re.fullmatch(_FIGURE, w.strip(",;:()")) and w.strip(",;:()%") not in own
               for w in before) or re.match(rf"\s*(?::|la|co|dat|chiem|voi)?\s*{_FIGURE}",
                                            after):
            return True
    return False


def part_unfigured(question: str, quotes: str) -> list[str]:
    """Two parts of a whole asked each with its figure when one of them has none of its own
    in the cited sentences (`quotes`, as written): the parts, folded; empty otherwise."""
    parts = [p for p in _parts(fold(question)) if p]
    said = fold(quotes)
    if len(parts) < 2 and not (parts and re.search(r"\bof\s+(?:them|those|these)\b",
                                                   fold(question))) \
            or all(_figured(p, said) for p in parts):
        return []
    return parts


# A sentence on the place of its article, unnamed ("Toàn tỉnh hiện có … sản phẩm …")
_LOCAL = re.compile(r"\b(?:toan\s+tinh|tinh|dia\s+ban|thanh\s+pho|dia\s+phuong)\b")


def place_unfigured(asked: str, places: list[str], quotes: list[str]) -> str:
    """The one place a question asks an amount of (`asked`, folded; `places`, folded) when
    the cited sentences (`quotes`) name it and none of those gives an amount while another
    does, on no place of its own ("toàn tỉnh"): that figure is another subject's; the place,
    folded, or empty."""
    if len(places) != 1:
        return ""
    said = [fold(q) for q in quotes]
    naming = [q for q in said if re.search(rf"\b{re.escape(places[0])}\b", q)]
    if naming and not any(gives_amount(q, asked) for q in naming) and any(
            gives_amount(q, asked) for q in said if q not in naming
            and not _LOCAL.search(q)):
        return places[0]
    return ""


# The whole country asked ("cả nước", "toàn quốc"), not a province
_NATION_ASKED = re.compile(r"\b(?:ca\s+nuoc|toan\s+quoc)\b")
_NATION_SAID = re.compile(r"\b(?:ca\s+nuoc|toan\s+quoc|viet\s+nam|nuoc\s+ta|quoc\s+gia)\b")


def province_for_nation(question: str, quote: str, places) -> str:
    """The words for the country `question` asks (folded) when the first cited sentence
    (`quote`) opens on a province (one of `places`, folded) without a word for the country:
    that province's figure, not the country's; else ""."""
    asked = _NATION_ASKED.search(fold(question))
    quote = fold(quote)
    if not asked or _NATION_SAID.search(quote):
        return ""
    return asked.group() if any(re.search(rf"\b{re.escape(p)}\b", quote[:90])
                                for p in places) else ""
