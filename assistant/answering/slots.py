"""What a date or a person is asked of must be what the sentence shown speaks of
(`nearmiss.check`): a numbered document the question names ("Nghị quyết 57 ra đời hôm nào?",
"ai ký quyết định phê duyệt Đề án 06?") must be named by the answer's first sentence, and
the deed asked must be in the cited passages (for a date, by its word pairs the articles
write: `absent.deed_unsaid`; for a person, the act asked: `cues.DEEDS`); otherwise the date
or the person found is another event's. One body asked ("cơ quan nào …") must be named by
that sentence.
Table tests in tests/answering/test_slots.py."""
from __future__ import annotations

import re
from typing import Collection

from .. import messages as msg
from ..articles.clean import fold
from .absent import deed_unsaid
from .cues import AGENCY, DEEDS

__all__ = ["body_unnamed", "deed_unnamed", "document_unnamed", "slot_unsaid"]

# A numbered document: "Nghị quyết (số) 57", "Quyết định 06", "Đề án 06", "Chỉ thị 04/CT-TTg"
_DOCUMENT = re.compile(r"\b(nghi\s+quyet|quyet\s+dinh|de\s+an|chi\s+thi|nghi\s+dinh|thong\s+tu"
                       r"|resolution|decision|project|directive|decree)\s+(?:so\s+|no\.?\s*)?"
                       r"(\d+(?:/[\w-]+)?)\b")
# The kinds whose slot is filled by one event's sentence, and what to say when it is not
_MISSING = {"date": msg.NOT_GIVEN_DATE, "person": msg.NOT_GIVEN_WHO}


def document_unnamed(question: str, sentence: str) -> str:
    """The first numbered document `question` names that `sentence` does not (folded, as
    the question writes it), or ""."""
    said = fold(sentence)
    for m in _DOCUMENT.finditer(fold(question)):
        if not re.search(rf"(?<![\w/])0*{re.escape(m.group(2).lstrip('0') or '0')}(?![\w/])",
                         said):
            return m.group(0)
    return ""


# Who did a deed: "ai (là người / đã) ký …", "người nào phê duyệt …": the deed asked
_WHO_DID = re.compile(rf"\b(?:ai|người\s+nào|vị\s+nào)\s+(?:là\s+người\s+|đã\s+|sẽ\s+)?({DEEDS})\b")


def deed_unnamed(question: str, passages: str) -> str:
    """The deed a who-question asks ("ai là người ký quyết định …": "ký"; one of
    `cues.DEEDS`, acts a person signs for, not roles held) that no cited passage writes (its
    diacritics kept: "ký" is not "kỳ"), or ""."""
    m = _WHO_DID.search(question.lower())
    if not m:
        return ""
    return "" if re.search(rf"\b{re.escape(m.group(1))}\b", passages.lower()) else m.group(1)


# A single body asked: "cơ quan nào phát biểu …", "đơn vị nào đứng ra …" (not "những bộ nào")
_BODY_ASKED = re.compile(r"(?<!nhung\s)(?<!cac\s)\b(?:co\s+quan|don\s+vi|to\s+chuc)\s+nao\b")


def body_unnamed(question: str, sentence: str) -> bool:
    """One body is asked ("Cơ quan nào đứng ra phát biểu về …?") and the `sentence` shown
    names none ("các bộ, ngành Trung ương … đã có các ý kiến" is no body)."""
    return _BODY_ASKED.search(fold(question)) is not None and re.search(AGENCY, sentence) is None


def slot_unsaid(kind: str, question: str, first: str, passages: str,
                written: Collection[str], least: int) -> str:
    """What to say when the date or person asked (`kind`) is another event's: the document
    the question names is not in the answer's `first` sentence, or the deed's word pairs
    (`written`: the articles' folded pairs) are not in the cited `passages`; "" when it fits."""
    if first and body_unnamed(question, first):
        return msg.NOT_GIVEN_WHO
    if kind not in _MISSING or not first:
        return ""
    if document_unnamed(question, first) or kind == "date" and deed_unsaid(
            question, passages, written, least) or kind == "person" and deed_unnamed(
            question, passages):
        return _MISSING[kind]
    return ""
