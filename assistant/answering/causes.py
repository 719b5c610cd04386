"""Cues that a sentence gives a cause or a means: read by the why and how plans and by the
near-miss check of a why-question (a cause the articles never give). Table tests in
tests/answering/test_causes.py."""
from __future__ import annotations

import re

from ..articles.clean import fold
from ..schema import Answer

__all__ = ["CAUSE_CUES", "MEANS_CUES", "gives_cause", "names_cause"]

# A cause or a purpose, folded
CAUSE_CUES = re.compile(r"\b(?:do\s+do|vi\s+vay|dan\s+den|nguyen\s+nhan|do\s+|vi\s+|boi\s+"
                        r"|nham|de\s+|muc\s+dich|gop\s+phan|tu\s+do|giup|truoc\s+tinh\s+hinh"
                        r"|truoc\s+thuc\s+trang|xuat\s+phat\s+tu|tren\s+co\s+so|can\s+cu"
                        r"|(?:la|co\s+duoc)\s+ket\s+qua(?:\s+nay)?\s+(?:cua|the\s+hien|nho))\b")
# The same cues read with diacritics ("do" is not "độ", "để" is not "Đề")
_CUE_TYPED = re.compile(r"(?<!\w)(?:do\s+đó|vì\s+vậy|dẫn\s+đến|nguyên\s+nhân|do|vì|bởi|nhằm|để"
                        r"|mục\s+đích|góp\s+phần|từ\s+đó|giúp|nhờ|trước\s+tình\s+hình"
                        r"|trước\s+thực\s+trạng|xuất\s+phát\s+từ|trên\s+cơ\s+sở|căn\s+cứ"
                        r"|(?:là|có\s+được)\s+kết\s+quả"
                        r"(?:\s+này)?\s+(?:của|thể\s+hiện|nhờ))(?!\w)")
# A why-question about a state ("lại thấp hơn", "vẫn chưa ban hành", "nhanh nhất")
_STATE_ASKED = re.compile(r"\b(?:thap|cao|chua|khong|cham|nhanh|tang|giam|hon|nhat|kem"
                          r"|tut|vuot|nhieu|it|manh|yeu|som|muon|dan\s+dau|dung\s+dau|nhay"
                          r"|leo|bac|xep\s+thu|dung\s+thu|hang)\b")
# (read with diacritics: folded, "do" would also be "đó" and "độ")
_TRUE_CAUSE = re.compile(r"(?<!\w)(?:do|vì|bởi|nguyên\s+nhân|dẫn\s+đến|nhờ|lý\s+do|khiến"
                         r"|trước\s+tình\s+hình|trước\s+thực\s+trạng|xuất\s+phát\s+từ"
                         r"|là\s+kết\s+quả\s+(?:của|thể\s+hiện))(?!\w)")
# "Vì sao Thủ tướng cho rằng ...": the reasons of a view are the words that state it
_VIEW_ASKED = re.compile(r"\b(?:cho\s+rang|khang\s+dinh|nhan\s+dinh|danh\s+gia|nhan\s+manh)\b")


def _restates(cue: re.Match, text: str, asked: set[str]) -> bool:
    """The cue is the situation an action faces ("trước tình hình …") and what follows it (four
    words) is the question's own state, not its cause
    ("Trước tình hình tấn công mạng … gia tăng mạnh" for "why are cyberattacks rising?")."""
    if not fold(cue.group()).startswith("truoc"):  # only the situation an action faces
        return False
    after = re.findall(r"[^\W\d_]+", fold(text[cue.end():]))[:4]
    return len(after) >= 3 and sum(w in asked for w in after) >= 0.75 * len(after)


def gives_cause(question: str, sentence: str) -> bool:
    """The sentence gives a cause: for a question about a state ("sao ... thấp hơn"), a word
    that names a cause, read with diacritics; else any cause or purpose cue. "Trước tình
    hình" followed by the question's own words restates the state asked: no cause."""
    folded = fold(question)
    words = set(re.findall(r"\w+", folded))
    lowered = sentence.lower()
    if _STATE_ASKED.search(folded) and not _VIEW_ASKED.search(folded):
        cues, text = _TRUE_CAUSE.finditer(lowered), lowered
    elif fold(lowered) != lowered:  # written with diacritics: "cấp độ", "Đề án" give no cause
        cues, text = _CUE_TYPED.finditer(lowered), lowered
    else:
        cues, text = CAUSE_CUES.finditer(fold(sentence)), fold(sentence)
    return any(not _restates(cue, text, words) for cue in cues)


# How something is done: a means, folded
MEANS_CUES = re.compile(r"\b(?:bang|thong\s+qua|nho|qua\s+viec|trien\s+khai|day\s+manh|tap\s+trung"
                        r"|tang\s+cuong|thuc\s+hien|ung\s+dung|ket\s+noi|xay\s+dung|de\s+)\b")


# A why-question about a state ("lại thấp hơn", "vẫn chưa ban hành", "nhanh nhất") needs a
# cause, not a purpose ("để", "nhằm")
def names_cause(question: str, answer: Answer, about: frozenset[str] = frozenset()) -> bool:
    """The plan's own sentences (the first cited and those of its article among the next two
    that speak of `about`, the question's names and figures, when it has any) give a cause: a
    cause word, or for a question about a state, a word that names a cause and not a
    purpose."""
    first = answer.citations[0]
    own = [c for c in answer.citations[:3] if c.article_id == first.article_id and (
        c is first or not about or any(a in fold(c.quote) for a in about))]
    return any(gives_cause(question, c.quote) for c in own)
