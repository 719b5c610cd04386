"""The follow-up as the user is shown it. When a follow-up cannot be made a standalone
question, its search keeps the earlier question in brackets ("Tổ phó là ai (Ông Tô Lâm có dự
hội nghị sơ kết 6 tháng đầu năm 2023 không)"); the user is shown the follow-up itself and what
it continues: the names and the meeting or year of the earlier question ("Tổ phó là ai?",
about "Tô Lâm, năm 2023")."""
from __future__ import annotations

import re

from .. import messages as msg
from ..articles.clean import fold
from .question import names_in

__all__ = ["shown_followup"]

_BRACKETED = re.compile(r"^(?P<core>[^()]+?)\s*\((?P<before>.+)\)\s*\??\s*$")
# What sets an earlier question's scene: its meeting, its month or year (folded)
_SCENE = re.compile(r"\b(?:phien\s+hop|hoi\s+nghi)\s+(?:lan\s+)?thu\s+\d+"
                    r"|\bthang\s+\d{1,2}/(?:19|20)\d\d\b|\bnam\s+(?:19|20)\d\d\b")


def _about(before: str, core: str) -> list[str]:
    folded, said = fold(before), fold(core)
    scenes = [before[m.start():m.end()] for m in _SCENE.finditer(folded)]
    return [x for x in dict.fromkeys([*names_in(before), *scenes]) if fold(x) not in said]


def shown_followup(resolved: str) -> str:
    """The notice shown for a resolved follow-up: the question as rewritten, or, when it only
    carries the earlier question in brackets, the follow-up and what it continues."""
    m = _BRACKETED.match(resolved)
    if not m:
        return msg.FOLLOWUP_RESOLVED.format(question=resolved)
    core, before = m.group("core").strip(" ?,"), m.group("before")
    while (inner := _BRACKETED.match(before)) is not None:  # earlier ones, bracketed in turn
        before = f"{inner.group('core')} {inner.group('before')}"
    question = f"{core[:1].upper()}{core[1:]}?"
    about = _about(before, core)
    if not about:
        return msg.FOLLOWUP_CONTINUES_BARE.format(question=question)
    return msg.FOLLOWUP_CONTINUES.format(question=question, about=", ".join(about))
