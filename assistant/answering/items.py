"""Follow-ups that ask an item of what the conversation listed or counted: "Cái thứ tư là
gì?" after "Quan điểm thứ hai nói gì?", "Đó là những doanh nghiệp nào?" after "… bao nhiêu
doanh nghiệp?", "cái cuối cùng" as the position the conversation counted. Read by
`followup.resolve_followup`; table tests in tests/answering/test_followup.py."""
from __future__ import annotations

import re
from typing import Sequence

from ..articles.clean import fold
from .question import LIST_NOUNS, names_in, ordinal_item

__all__ = ["other_item", "which_of_count", "last_item"]

# "Cái thứ tư là gì?", "Còn ý thứ ba?": an item by its position, its noun left to the
# earlier question ("Quan điểm thứ hai nói gì?", "… nêu mấy quan điểm?")
_BARE_ORDINAL = re.compile(r"^\W*(?:(?:the|vay)\s+)?(?:con\s+)?(?:cai|y|dieu|muc|diem|phan)?\s*"
                           r"thu\s+(nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi|\d{1,2})\b")
_PREVIOUS_ORDINAL = re.compile(r"\bthu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi|\d{1,2})\b"
                               r"|\bdau\s+tien\b")


def other_item(question: str, previous: str) -> str:
    """"Cái thứ tư là gì?" after "Quan điểm thứ hai nói gì?": the earlier question with the
    new position; after "… nêu mấy quan điểm …?": "… nêu quan điểm thứ tư … là gì?"; empty
    otherwise."""
    folded = fold(question)
    m = _BARE_ORDINAL.match(folded)
    if not m or len(re.findall(r"\w+", folded)) > 7 or names_in(question):
        return ""
    asked = question[m.start(1) - len("thu "):m.end(1)]
    before = ordinal_item(previous)
    if before is not None:
        at = _PREVIOUS_ORDINAL.search(fold(previous))
        return previous[:at.start()] + asked + previous[at.end():]
    counted = re.search(r"\b(?:bao\s+nhieu|may)\s+(\w+(?:\s+\w+)?)", fold(previous))
    if not counted:  # "quan điểm, … bao nhiêu?" (an English question's words)
        noun = re.search(LIST_NOUNS, fold(previous))
        return f"{previous[noun.start():noun.end()]} {asked} là gì ({previous.rstrip(' ?')})?" \
            if noun else ""
    noun = previous[counted.start(1):counted.end(1)]
    return f"{previous[:counted.start()]}{noun} {asked}{previous[counted.end():]}".rstrip(
        " ?") + " là gì?"


# "Đó là những doanh nghiệp nào?" after "… bao nhiêu doanh nghiệp?": which ones, of the count
_WHICH = re.compile(r"\b(?:nhung|cac)\s+(\w+(?:\s+\w+)?)\s+(?:nao|gi|do)\b")


def which_of_count(question: str, previous: str) -> str:
    """The earlier count question asked for the items instead ("… với bao nhiêu doanh
    nghiệp?" -> "… với những doanh nghiệp nào?"); empty when it is not such a pair."""
    folded = fold(question)
    m = _WHICH.search(folded)
    if not m or len(re.findall(r"\w+", folded)) > 8 or names_in(question):
        return ""
    for noun in dict.fromkeys((m.group(1), m.group(1).split()[0])):
        at = re.search(rf"\b(?:bao\s+nhieu|may)\s+({re.escape(noun)})\b", fold(previous))
        if at:
            said = previous[at.start(1):at.end(1)]
            return f"{previous[:at.start()]}những {said} nào{previous[at.end():]}"
    return ""


_LAST = re.compile(r"\b(?:cuoi\s+cung|sau\s+cung)\b")


def last_item(question: str, previous: str, said: Sequence[str]) -> str:
    """"… cái cuối cùng" as its position, from the count the conversation gave ("4 quan
    điểm" -> "thứ 4"); the question as asked when no count of the items asked was given."""
    m = _LAST.search(fold(question))
    if not m:
        return question
    before = fold(question[:m.start()]).split()
    noun = [w for w in before[-2:] if w not in ("cai", "con", "y")]
    listed = re.search(LIST_NOUNS, fold(previous))  # "cái cuối cùng": of the list asked
    noun = noun or (listed.group().split() if listed else [])
    for text in reversed(said):
        for count in reversed(re.findall(r"\b(\d{1,2})\s+((?:[^\W\d]+\s+)?[^\W\d]+)",
                                         fold(re.sub(r"\[\d+\]", " ", text)))):
            if not noun or count[1].startswith(" ".join(noun)):
                return f"{question[:m.start()]}thứ {count[0]}{question[m.end():]}"
    return question
