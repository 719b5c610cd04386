"""Follow-up questions rewritten as standalone ones, from the whole conversation.

"Còn năm 2024 thì sao?" swaps the year of the earlier question; "Còn Sóc Trăng thì sao?" the
place; "Ông ấy ..." / "tỉnh này ..." put back the person or place named in the earlier
question or, failing that, in the earlier answer; "Thế còn A với B?" compares A and B on the
earlier question. No LLM involved: the rewrite is shown to the user as a notice.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..articles.clean import fold
from ..articles.patterns import YEAR as _YEAR
from .items import last_item, other_item, which_of_count
from .lexicon import replace_folded
from .question import TITLE_WORDS, entity_kind, names_in, ordinal_item
from .cues import MATTER_POINTER
from ..schema import Turn

__all__ = ["is_followup", "resolve_followup", "needs_context", "carry_names"]

_LEAD_CUE = re.compile(r"^\s*(?:(?:the|vay|con)\s+con|con|vay|the|va|nhung|roi)\b[\s,]*")
_TAIL_CUE = re.compile(r"[\s,]*(?:thi\s+sao|the\s+nao|ra\s+sao|nhu\s+the\s+nao|nua)?\s*[?.!]*\s*$")
_PERSON_WORDS = r"ong|ba|nguoi|vi|dong\s+chi|lanh\s+dao"
_PLACE_WORDS = r"tinh|dia\s+phuong|thanh\s+pho|bo|nam|co\s+quan|hoi\s+nghi|phien\s+hop" \
               r"|phien|nuoc|uy\s+ban|to\s+cong\s+tac|nganh|bai\s+viet|bai"  # "đề án đó": a
# thing named before (_THING), not a place
# ("người ta" is "people" in general, "nước ta" is Vietnam: no one spoken of before)
_ANAPHORA = re.compile(rf"\b(?!(?:nguoi|nuoc)\s+ta\b)({_PERSON_WORDS}|{_PLACE_WORDS})"
                       rf"\s+(do|nay|ay|kia|ta|tren(?=\s*(?:[,.?!;:]|$)|\s+(?:thi|da|co|la|duoc"
                       rf"|se|van|con|deu|cung|dang|ra|nhu)\b))\b")  # not "trên hệ thống …"
# "họ" / "nó" standing for what the earlier turn spoke of ("hạn chót để họ ban hành?"); typed
# without diacritics "ho" is "họ" unless a noun of "hộ" follows ("hộ gia đình", "hộ kinh doanh")
_PRONOUN = re.compile(r"\b(?:de|cho|cua|voi|ma|thi|la|ve)\s+(?:ho|no)\b"
                      r"(?!\s+(?:gia|kinh|san|nong|chieu|tro|khau|ngheo|dan|tich|so|ten))")
_ASKS_SO = re.compile(r"\bthi\s+sao\b")
# "Còn phía doanh nghiệp thì có mấy đơn vị?": a topic set against the earlier one's, then "thì"
_CON_THI = re.compile(r"^\s*(?:(?:the|vay)\s+)?con\s+(?:[\w/]+\s+){1,6}?thi\b")
_ASKS_SO_INSIDE = re.compile(r"[\s,]*\bthi\s+sao\b[\s,]+")
_QUESTION_WORD = re.compile(r"\b(bao\s+nhieu|khi\s+nao|ngay\s+nao|nam\s+nao|thang\s+nao"
                            r"|bao\s+gio|bao\s+lau|nguoi\s+nao|ai|la\s+gi|nhu\s+the\s+nao|may)\b")
# First words of names of bodies, programmes and systems: the topic of a question, which a
# follow-up on a new topic replaces (unlike a place or a person, which it keeps).
_TOPIC_HEADS = frozenset("cong bo uy chinh he de luat nghi chuong co so to van hoi ban ngan "
                         "trung dang tong quoc".split())
# A follow-up that narrows the earlier question to a place, sector or area ("Thế còn ở các bộ,
# ngành?", "Còn lĩnh vực y tế thì sao?") keeps what it asked.
_NARROWING = re.compile(r"(?:o|tai|voi|doi\s+voi|trong|cua|ve|con|linh\s+vuc|khu\s+vuc"
                        r"|nganh|doi\s+tuong)\s")
_PAIR = re.compile(r"^(.+?)\s+(?:va|voi)\s+(.+)$")
# "việc đó", "vấn đề này", "nội dung ấy": the matter the earlier question asked about
_MATTER = re.compile(MATTER_POINTER)
# What sets the scene of a question and carries over to the next: the meeting, the year
_SCENE = re.compile(r"\b(?:(?:o|tai|trong)\s+)?(?:phien\s+hop|hoi\s+nghi)\s+(?:lan\s+)?thu\s+\d+"
                    r"|\bnam\s+(?:19|20)\d\d\b")
# A question's own ending: "giúp ích được gì?", "mang lại gì?"
_ASKING_END = re.compile(r"\s+(?:(?:giup\s+ich|mang\s+lai|co\s+tac\s+dung|lam)\s+)?"
                         r"(?:duoc\s+)?(?:gi|nhung\s+gi)\s*[?.!]*\s*$")
# Words that only ask (not what the earlier question was about)
_ASKING_TAIL = re.compile(r"\b(?:noi|ban|de\s+cap|neu|nhan\s+manh|chi\s+dao|yeu\s+cau)\s+"
                          r"(?:nhung\s+)?(?:gi|nhu\s+the\s+nao)\s+ve\s+")


# The words that point back, as typed with diacritics ("Nhà nước đỡ tốn" points at nothing)
_POINTERS = frozenset("đó này ấy kia trên ta".split())


def _anaphor(question: str) -> re.Match | None:
    """An anaphor ("tỉnh đó", "ông ấy"), read on the folded question; after a word typed with
    diacritics its pointing word must be one as typed ("Nhà nước đỡ", "hội nghị do ai chủ
    trì" point at nothing)."""
    folded = fold(question)

    def plain(m: re.Match, group: int) -> bool:
        return question[m.start(group):m.end(group)].lower() == folded[m.start(group):m.end(group)]
    return next((m for m in _ANAPHORA.finditer(folded)
                 if question[m.start(2):m.end(2)].lower() in _POINTERS
                 or plain(m, 1) and plain(m, 2)), None)


def is_followup(question: str) -> bool:
    """A question that leans on an earlier one (a lead "Còn ...", an anaphor, "thì sao?")."""
    folded = fold(question)
    words = re.findall(r"\w+", folded)
    return bool(_LEAD_CUE.match(folded) and (len(words) <= 8 or _ASKS_SO.search(folded))
                or (_CON_THI.match(folded) and not names_in(question))
                or _anaphor(question) or _PRONOUN.search(folded)
                or _MATTER.search(folded) or _THING.search(folded)
                or re.search(r"thi\s+sao\s*\??\s*$", folded))


def needs_context(question: str) -> bool:
    """A follow-up that means nothing on its own ("Còn năm 2024 thì sao?" as a first
    question): the user is asked for context instead of getting a random answer."""
    folded = fold(question)
    core = _TAIL_CUE.sub("", _LEAD_CUE.sub("", folded, count=1)).strip()
    return is_followup(question) and (len(re.findall(r"\w+", core)) <= 4
                                      or bool(_anaphor(question)))


def _referent(word: str, previous: str, answer: str) -> str:
    """The person or place an anaphor stands for: named in the earlier question, else in the
    earlier answer (the last one named, which is usually the subject just talked about)."""
    person = re.fullmatch(_PERSON_WORDS, word) is not None
    names = [n for n in names_in(previous) if (entity_kind(n) == "person") == person]
    if names:
        return names[-1]
    if person:  # the person the answer names with the title asked about, else the first
        return _titled_person(previous, answer)
    folded = fold(answer)  # a place the answer names as one ("tỉnh Hải Dương", "tại Đà Nẵng")
    for name in names_in(answer):
        at = folded.find(fold(name))
        if re.search(r"\b(?:tinh|thanh\s+pho|tai|o)\s+$", folded[max(0, at - 12):at]):
            return name
    return ""


def _title_pairs(text: str) -> set[tuple[str, str]]:
    words = re.findall(r"\w+", fold(text))
    return {(a, b) for a, b in zip(words, words[1:]) if a in TITLE_WORDS and b in TITLE_WORDS}


def _titled_person(previous: str, answer: str) -> str:
    """The person of the answer whose title (the words just after the name) shares most title
    word pairs with the earlier question ("Phó Thủ tướng Thường trực" asked, two leaders
    named); the first one named when the question names no title."""
    asked = _title_pairs(previous)
    text = re.sub(r"\[\d+\]", " ", answer)
    best, shared = "", 0 if asked else -1
    for name in [n for n in names_in(answer) if entity_kind(n) == "person"]:
        if not best:
            best = name
        at = text.find(name)
        title = re.split(r"[.;\n]", text[at + len(name):at + len(name) + 80])[0]
        n = len(asked & _title_pairs(title))
        if n > shared:
            best, shared = name, n
    return best


def _question_form(question: str) -> str:
    m = _QUESTION_WORD.search(fold(question))
    if not m:
        return ""
    years = " ".join(f"năm {y}" for y in _YEAR.findall(question))
    return f"{question[m.start():m.end()].lower()} {years}".strip()


def _item_of(question: str, previous: str) -> bool:
    """"Quan điểm thứ hai là gì?" after a question about those "quan điểm": one item of the
    list the earlier question asked for."""
    item = ordinal_item(question)
    return (item is not None and not names_in(question)
            and re.search(rf"\b{item[0]}\b", fold(previous)) is not None)


def _scenes(previous: str, said: str = "") -> list[str]:
    """The earlier question's scenes (its meeting, its year) not already in `said`, as written
    but not capitalised."""
    found = [previous[m.start():m.end()] for m in _SCENE.finditer(fold(previous))]
    return [x[:1].lower() + x[1:] for x in found if fold(x) not in fold(said)]


def _elliptic(question: str, previous: str) -> str:
    """A question of a few words that names nothing ("Ai chủ trì?") asks about the scene of
    the earlier one (its meeting, its year): "Ai chủ trì phiên họp thứ 8?"; empty when it is
    not such a question or the earlier one sets no scene."""
    folded = fold(question)
    words = re.findall(r"\w+", folded)
    if len(words) > 4 or names_in(question) or re.search(r"\d", folded) or _SCENE.search(folded):
        return ""
    scenes = _scenes(previous)
    return f"{question.strip().rstrip(' ?')} {' '.join(scenes)}?" if scenes else ""


# The meeting an earlier question names, up to what it asks ("Phiên họp chiều 6/2 năm 2025 về
# chuyển đổi số" of "… do ai chủ trì?")
_MEETING_NAMED = re.compile(r"\b(?:phien\s+hop|hoi\s+nghi)\b[^,?]*?(?=\s+(?:do|la|co|duoc|da|thi"
                            r"|ai|nao|gi|bao|khi|nhu|ra|chu\s+tri|dien\s+ra|neu|ban)\b|[,?]|$)")
_YEAR_BEFORE = re.compile(r"\bnam\s+(truoc|sau|ke\s+tiep|tiep\s+theo)(?:\s+(?:do|nua))?\b")


def _year_around(question: str, previous: str) -> str:
    """"năm trước đó" / "năm sau" as the year before or after the earlier question's."""
    m = _YEAR_BEFORE.search(fold(question))
    years = _YEAR.findall(previous)
    if not m or not years:
        return question
    year = int(years[-1]) + (-1 if m.group(1) == "truoc" else 1)
    return f"{question[:m.start()]}năm {year}{question[m.end():]}"


def _resolve_one(question: str, previous: str, answer: str = "",
                 context: Sequence[str] = ()) -> str:
    for rule in (other_item, which_of_count):
        rewritten = rule(question, previous) if previous else ""
        if rewritten:
            return rewritten
    if previous and _item_of(question, previous):
        return f"{question.rstrip(' ?')} ({previous.rstrip(' ?')})?"
    if not previous:
        return question
    if not is_followup(question):
        return _elliptic(question, previous) or question
    core = question
    lead = _LEAD_CUE.match(fold(core))
    core = core[lead.end():] if lead else core
    tail = _TAIL_CUE.search(fold(core))
    core = core[:tail.start()] if tail else core
    core = replace_folded(_ASKS_SO_INSIDE, core, lambda m, o: ", ")  # "X thì sao, Y?"
    then = re.search(r"\bthi\b", fold(core)) if _CON_THI.match(fold(question)) else None
    if then and _QUESTION_WORD.search(fold(core[then.end():])) and not _ANAPHORA.search(
            fold(core)):  # "Còn phía doanh nghiệp thì có mấy đơn vị?": the earlier topic's
        side, asked = core[:then.start()].strip(" ,"), core[then.end():].strip(" ?,")
        return f"{_topic(previous)} {side}: {asked}?"

    def put_back(m: re.Match, original: str) -> str:
        if m.group(1) == "nam":  # "năm đó": the year the earlier question named
            years = _YEAR.findall(previous)
            return f"năm {years[-1]}" if years else original
        if m.group(1) in ("phien", "phien hop", "hoi nghi"):  # "phiên đó": the meeting asked
            meeting = _MEETING_NAMED.search(fold(previous))
            if meeting:
                named = previous[meeting.start():meeting.end()]
                return named[:1].lower() + named[1:]
        entity = _referent(m.group(1), previous, answer)
        head = " ".join(original.split()[:-1])
        if not entity:
            return original
        return entity if fold(entity).startswith(fold(head)) else f"{head} {entity}"

    replaced = replace_folded(_ANAPHORA, core, put_back)
    if replaced != core:  # the person put back (the scene is not added: the meeting's
        return replaced.strip()  # opening sentence would then outscore what they said)
    whole = question[lead.end():] if lead else question
    thing = _THING.search(fold(whole))
    if thing:  # "Đạo luật đó" -> the law the earlier questions named; else the word alone
        # named by the user's own words ("cái chiến dịch ở Bình Phước ấy"): those stay
        named = "" if (thing.group(2) or "").strip() else _named_thing(
            thing.group(1), [*context, previous, answer])
        head, rest = whole[:thing.start()], whole[thing.end():]
        if named:
            return " ".join(f"{head} {named} {rest}".split()).rstrip(" ?") + "?"
        kept = whole[thing.start():thing.start() + len(thing.group(1)) + len(thing.group(2) or "")]
        return " ".join(f"{head} {kept} {rest}".split()).rstrip(" ?") + "?"
    if _PRONOUN.search(fold(core)):  # "họ": whoever the earlier question was about
        return f"{core.strip()} ({previous.rstrip(' ?')})"
    if _ANAPHORA.search(fold(core)) and not _ANAPHORA.search(fold(previous)):
        return f"{core.strip()} ({previous.rstrip(' ?')})"  # "phiên đó": the earlier question
    if _NARROWING.match(fold(core.strip())):
        return f"{previous.rstrip(' ?')} {core.strip()}?"  # "Thế còn ở các bộ, ngành?"
    new_names, old_names = names_in(core), names_in(previous)
    pair = _PAIR.match(fold(core.strip()))
    if pair and old_names and len(new_names) >= 2:  # "Thế còn Sóc Trăng với Nghệ An?"
        return "So sánh " + previous.replace(old_names[-1], " và ".join(new_names[:2])) \
            .rstrip(" ?") + "?"
    if new_names and old_names and len(core.split()) <= len(new_names[0].split()) + 2:
        return previous.replace(old_names[-1], new_names[0])  # "Còn Nghệ An thì sao?"
    matter = _MATTER.search(fold(core))
    if matter:  # "Ai được giao việc đó?" -> "Ai được giao việc an ninh mạng ở phiên họp thứ 9?"
        return _matter_question(core, matter, previous)
    years = _YEAR.findall(core)
    old_years = _YEAR.findall(previous)
    if len(years) == 1 and len(old_years) >= 2:  # after a comparison: the same measure then
        return _single_year(previous, years[0])
    if years:
        if _YEAR.search(previous):
            swapped = _YEAR.sub(years[0], previous)
            rest = _YEAR.sub("", re.sub(r"\bnăm\b", "", core)).strip(" ,")
            only_asks = re.fullmatch(r"(?:thi\s+)?(?:la\s+)?(?:bao\s+nhieu|sao|the\s+nao|nhu\s+the"
                                     r"\s+nao|ra\s+sao)?\s*(?:a|vay|nhi|the|ha)?\W*", fold(rest))
            return f"{rest} {swapped}".strip() if rest and not only_asks else swapped
        return f"{previous.rstrip(' ?')} {core.strip()}?"
    asked = _question_form(previous)
    if asked and not _QUESTION_WORD.search(fold(core)):  # "Còn số tài khoản VNeID thì sao?"
        kept = " ".join(n for n in old_names if fold(n) not in fold(core)
                        and fold(n).split()[0] not in _TOPIC_HEADS)  # places and people stay
        return " ".join(x for x in (core.strip(), kept, asked) if x) + "?"
    return f"{core.strip()} ({previous.rstrip(' ?')})"


# A thing named before, pointed at: "đạo luật đó", "đề án này", "cái chiến dịch ở Bình Phước ấy"
_THING = re.compile(r"\b(dao\s+luat|luat|van\s+ban|de\s+an|chuong\s+trinh|he\s+thong"
                    r"|ung\s+dung|chien\s+dich|nen\s+tang|mo\s+hinh|ke\s+hoach|nghi\s+quyet)"
                    r"((?:\s+(?!do\b|nay\b|ay\b|kia\b)\w+){0,4})\s+(?:do|nay|ay|kia)\b")
_THING_HEADS = {"dao luat": "luat"}


_NAME_STOP = frozenset("co duoc la da khi bao may gi nao the nhu ra sao thi va voi cua tai o "
                       "trong den se dang van con nam thang ngay tinh huyen xa dat".split())


def _named_thing(noun: str, texts: Sequence[str]) -> str:
    """The latest such thing the earlier turns name, as written: the head noun and the words
    that follow it up to a verb or a question word ("Luật Giao dịch điện tử sửa đổi" for
    "đạo luật đó", "Đề án 06" for "đề án này")."""
    head = _THING_HEADS.get(noun, noun)
    for text in reversed(texts):
        text = re.sub(r"\[\d+\]", " ", text)
        folded = fold(text)
        found = list(re.finditer(rf"\b{head}\b", folded))
        for m in reversed(found):
            words = text[m.end():].split()
            kept = []
            for w in words[:6]:
                if (w[:1].islower() and fold(w).strip(",.?!:;") in _NAME_STOP) \
                        or not re.match(r"\w", w):
                    break
                kept.append(w.strip(",.?!:;"))
                if w[-1:] in ",.?!:;":
                    break
            if kept and (kept[0][:1].isupper() or kept[0][:1].isdigit()):
                return text[m.start():m.end()] + " " + " ".join(kept)
    return ""


def _topic(previous: str) -> str:
    """What an earlier question asked about: the words after "nói gì về", else its words
    without the question words and the scene."""
    folded = fold(previous)
    m = _ASKING_TAIL.search(folded)
    if m:
        return previous[m.end():].strip(" ?.!")
    at = _QUESTION_WORD.search(folded) or _ASKING_END.search(folded)
    rest = previous[:at.start()] if at and at.start() > 0 else previous
    for scene in _SCENE.finditer(fold(rest)):
        rest = rest[:scene.start()] + " " * (scene.end() - scene.start()) + rest[scene.end():]
    return " ".join(rest.split()).strip(" ?.!,")


def _matter_question(core: str, matter: re.Match, previous: str) -> str:
    topic = _topic(previous)
    head = core[:matter.start(1)] + core[matter.start(1):matter.end(1)]
    tail = core[matter.end():]
    scenes = _scenes(previous, core)
    if fold(topic).split()[:1] == fold(matter.group(1)).split()[:1]:
        topic = topic.split(" ", 1)[-1] if " " in topic else ""  # "việc Việc khai thác"
    topic_words = topic if fold(topic) not in fold(head) else ""
    return " ".join(" ".join(x.split()) for x in (head, topic_words, tail, *scenes)
                    if x.strip()).rstrip(" ?") + "?"


def _single_year(previous: str, year: str) -> str:
    """"So sánh tỷ trọng ... năm 2023 và 2024" then "Còn năm 2025?": "Tỷ trọng ... năm 2025?"."""
    folded = fold(previous)
    pair = re.search(r"(?:nam\s+)?((?:19|20)\d\d)(?:\s*(?:,|va|voi|so\s+voi)\s*(?:nam\s+)?"
                     r"(?:19|20)\d\d)+", folded)
    if not pair:
        return _YEAR.sub(year, previous, count=1)
    out = previous[:pair.start()] + f"năm {year}" + previous[pair.end():]
    out = re.sub(r"^\s*(?:so sánh|so sanh)\s+", "", out, flags=re.I).strip()
    return (out[:1].upper() + out[1:]).rstrip(" ?") + "?"


def resolve_followup(question: str, history: Sequence[Turn | str]) -> str:
    """Rewrite a follow-up as a standalone question using the earlier turns (oldest first):
    their questions, and their answers for people and places named only there."""
    previous, answer, context = "", "", []
    for turn in history:
        turn = Turn(turn) if isinstance(turn, str) else turn
        context += [previous, answer]
        previous, answer = _resolve_one(turn.question, previous, answer, context), turn.answer
    asked = _year_around(last_item(question, previous, [*context, previous, answer]), previous)
    return _resolve_one(asked, previous, answer, context)


# An English question that leans on an earlier one ("What exactly are those policies?", "How
# does that system work?", "And how many of those accounts …?")
_ENGLISH_ANAPHORA = re.compile(r"\b(?:it(?!\s+(?:true|correct|right|the\s+case)\b)|its|they|them"
                               r"|their|those|these|he|his|she|her)\b"
                               r"|(?<!true )(?<!said )(?<!says )(?<!claim )\b(?:that|this)\s+"
                               r"(?!(?:is|was|are|were|the|a|an)\b)[a-z]"
                               r"|^\s*(?:and|what\s+about|how\s+about)\b", re.I)
# A name or code among an English question's search words ("Luật", "VNeID", "phiên họp …")
_NAMED_PART = re.compile(r"^(?:[A-ZĐÀ-Ỹ]|\S*[A-Z]\S*[A-Z]|phiên họp|hội nghị)")
# The question form that ends them ("… bao nhiêu tài khoản?", "… khi nào?")
_FORM = re.compile(r"\s+(?:bao nhiêu|khi nào|là gì|gì|như thế nào|có phải không|những|vì sao"
                   r"|ai|ở đâu|tóm tắt|bằng cách nào)\b.*$|\?$")


def carry_names(question: str, rewritten: str, earlier: Sequence[str]) -> str:
    """An English follow-up that names nothing (`rewritten`: its Vietnamese search words) with
    the search words of the latest earlier question that names something (`earlier`: theirs,
    oldest first) put before its own; as it is otherwise."""
    if not earlier or not _ENGLISH_ANAPHORA.search(question):
        return rewritten
    own_parts = [p.strip() for p in _FORM.sub("", rewritten).split(",")]
    if any(_NAMED_PART.match(p) for p in own_parts):
        return rewritten  # it names what it asks about ("… in Nghe An?")
    own = {fold(p) for p in own_parts}
    for before in reversed(earlier):
        parts = [p.strip() for p in _FORM.sub("", before).split(",") if p.strip()]
        if any(_NAMED_PART.match(p) for p in parts):
            carried = [p for p in parts if fold(p) not in own and not (  # its own year
                _YEAR.search(rewritten) and re.search(r"\d{4}|\d/\d", p))]  # replaces theirs
            return f"{', '.join(carried)}, {rewritten}" if carried else rewritten
    return rewritten
