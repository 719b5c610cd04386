"""Roles and names in the near-miss check (`nearmiss.check`): the body a role question names,
whether a cited sentence gives the person that role, the holder of a role a who-question asks
when the cited sentences name only a deputy or no holder at all, and companies asked by name
when none is named. Table tests in tests/answering/test_roles.py."""
from __future__ import annotations

import re

from ..articles.clean import fold
from ..schema import Answer

__all__ = ["role_body", "body_key", "role_near", "holder_not_named", "deputy_only",
           "companies_unnamed"]

_BODY = re.compile(r"\b(?:vai\s+tro|chuc(?:\s+vu|\s+danh)?|vi\s+tri|cuong\s+vi)\s+(?:gi|nao)\s+"
                   r"(?:trong|tai|o|cua)\s+(.+?)\s*[?.!]*$")
_BODY_SKIP = frozenset("tinh thanh pho cua ve".split())


def role_body(question: str) -> str:
    """The body a role question names ("vai trò gì trong Ủy ban Quốc gia về …" -> "Ủy ban
    Quốc gia về …"), as written; empty when none."""
    m = _BODY.search(fold(question))
    return question[m.start(1):m.end(1)].strip() if m else ""


def body_key(body: str) -> str:
    words = [w for w in fold(body).split() if w not in _BODY_SKIP]
    return " ".join(words[:3])


def role_near(person: str, body_key: str, answer: Answer) -> bool:
    """A cited sentence names the person with the body asked close by (their title)."""
    for c in answer.citations:
        quote = fold(c.quote)
        for m in re.finditer(rf"\b{re.escape(person)}\b", quote):
            if body_key in quote[max(0, m.start() - 60):m.end() + 110]:
                return True
    return False


# Who holds a role: asked without "Phó", a deputy's name is not the answer
_ROLES = r"chu\s+tich|giam\s+doc|bo\s+truong|truong\s+ban|bi\s+thu|thu\s+tuong|to\s+truong"
_WHO = re.compile(r"\b(?:ai|(?:ong|ba|nguoi|vi)\s+nao)\b")


_BODY_GENERIC = frozenset("bo so tinh ban uy nganh cua ve o tai thanh pho".split())


def holder_not_named(question: str, quotes: str) -> str:
    """The role a who-question asks ("ông giám đốc Sở … tên gì?", "bộ trưởng Bộ Nội vụ là
    ai?") when no cited sentence names that role with a word of its body close after it
    ("lãnh đạo Sở …" names no director): the role, folded; empty otherwise."""
    q, said = fold(question), fold(quotes)
    if not (_WHO.search(q) or re.search(r"\bten\s+(?:la\s+)?gi\b", q)):
        return ""
    m = re.search(rf"(?<!pho\s)\b({_ROLES}|thu\s+truong)\s+((?:[\w&()]+\s+){{1,8}})", q)
    if not m:
        return ""
    words = re.findall(r"[\w&]+", m.group(2))
    body = set(words) - _BODY_GENERIC - set(re.findall(r"\w+", m.group(1)))
    body -= {"la", "ai", "ten", "gi", "vay", "duoc", "nao", "ong", "ba", "nguoi"}
    body |= {"".join(w[0] for w in words[i:i + n]) for n in (2, 3, 4)  # "UBND" written
             for i in range(len(words) - n + 1)} if body else set()
    for r in re.finditer(rf"\b{m.group(1)}\b", said):
        if not body or body & set(re.findall(r"[\w&]+", said[r.end():r.end() + 60])):
            return ""
    return m.group(1)


# Who heads a body, asked in English ("Who heads the steering committee?"): its Vietnamese
_HEAD_EN = re.compile(r"\bwho\s+(?:heads|leads|is\s+(?:the\s+)?(?:head|chief|leader)\s+of)"
                      r"\b.*?\b(steering\s+committee|working\s+group|committee|board)\b")
_HEAD_VI = {"working group": "Tổ trưởng Tổ công tác"}


# "Người đứng đầu" a body, as the role that heads it
_HEAD_OF = ((r"ban\b", "truong "), (r"bo\b", "bo truong "),
            (r"(?:ubnd|uy\s+ban\s+nhan\s+dan)\b", "chu tich "),
            (r"to\s+cong\s+tac\b", "to truong "))


def deputy_only(question: str, quotes: str) -> str:
    """The role a who-question asks ("Chủ tịch UBND tỉnh là ai?", "Who heads the steering
    committee?") when the quotes only name its deputy ("Phó Chủ tịch UBND tỉnh", "Phó
    Trưởng Ban"), folded; empty otherwise."""
    q, said = fold(question), fold(quotes)
    if head := _HEAD_EN.search(q):  # answered in the articles' words
        role = _HEAD_VI.get(" ".join(head.group(1).split()), "Trưởng Ban Chỉ đạo")
        return role if deputy_only(f"{role} là ai?", quotes) else ""
    if not _WHO.search(q):
        return ""
    for body, role in _HEAD_OF:  # "người đứng đầu Ban Chỉ đạo": its "Trưởng Ban"
        q = re.sub(rf"\bnguoi\s+dung\s+dau\s+(?:cua\s+)?(?={body})", role, q)
    for m in re.finditer(rf"(?<!pho\s)\b(?:{_ROLES})\b", q):
        role = m.group()
        if re.search(rf"\bpho\s+{role}\b", said) and not re.search(
                rf"(?<!pho\s)\b{role}\b", said):
            body = re.match(r"[^\W\d]+(?:\s+[^\W\d]+)*?(?=\s+(?:la|ai|ong|ba|nguoi|vi|hien|do"
                            r"|o|tai)\b|\s*[?,.]|$)", q[m.start():])
            return body.group() if body else role
    return ""


# Companies asked by name ("những doanh nghiệp nào", "which companies")
_COMPANIES_ASKED = re.compile(r"\b(?:(?:doanh\s+nghiep|cong\s+ty|tap\s+doan|benh\s+vien)"
                              r"(?:\s+[^\W\d]+){0,3}\s+(?:cu\s+the\s+)?nao"
                              r"|which\s+(?:\w+\s+){0,2}?(?:companies|firms|businesses"
                              r"|enterprises|corporations|hospitals))\b")
_COMPANY = re.compile(r"\b(?:doanh\s+nghiep|cong\s+ty|tap\s+doan|benh\s+vien)\s+(?:\w+\s+){0,2}?"
                      r"(\w+)")
_NOT_NAMES = frozenset("viet nam nha nuoc quoc phong tong cong ty tap doan doanh nghiep".split())


def companies_unnamed(question: str, quotes: str) -> bool:
    """Companies (or hospitals) asked by name ("Những doanh nghiệp công nghệ nào tham dự?",
    "Which companies …", "Which hospitals …") when no cited sentence (`quotes`, as written)
    names one: a company word followed by a capitalised name ("Tập đoàn Viettel")."""
    if not _COMPANIES_ASKED.search(fold(question)):
        return False
    folded = fold(quotes)  # the same offsets as `quotes`
    return not any(quotes[m.start(1)].isupper() and m.group(1) not in _NOT_NAMES
                   for m in _COMPANY.finditer(folded))
