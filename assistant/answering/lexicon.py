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

__all__ = ["ABBREVIATIONS", "COLLOQUIAL", "ENGLISH_TERMS", "ENGLISH_FORMS", "Rewritten",
           "rewrite", "expand", "phrases", "derived_abbreviations", "is_english", "normalize_dates",
           "EXAMPLES"]

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
}
# Abbreviations that are also spelled like words: replaced in any case
_ALWAYS = frozenset({"online", "app"})

# Colloquial, regional and chat words -> the standard word the articles use (folded keys)
COLLOQUIAL = {
    "ko": "không", "k": "không", "hok": "không", "hem": "không", "dc": "được",
    "dk": "được", "j": "gì", "ji": "gì", "ntn": "như thế nào",
    "bn": "bao nhiêu", "nhiu": "nhiêu", "vs": "với", "trc": "trước", "ng": "người",
    "mn": "mọi người", "xai": "sử dụng", "mần": "làm", "tui": "tôi",
    "bả": "bà ấy", "ổng": "ông ấy",
    "tụi nó": "họ", "tui no": "họ", "bọn họ": "họ", "hồi đó": "khi đó", "hoi do": "khi đó",
    "hồi nào": "khi nào", "hoi nao": "khi nào", "bữa đó": "hôm đó", "bua do": "hôm đó",
    "co nhiu": "có bao nhiêu", "có nhiu": "có bao nhiêu", "chừng nào": "khi nào",
    "chung nao": "khi nào", "bi nhieu": "bao nhiêu",
    "dzậy": "vậy", "dzay": "vậy", "zậy": "vậy", "thiệt": "thật", "hổng": "không",
    "hông": "không",
}
# Colloquial words that are also standard words with diacritics typed: only replaced as typed
_ONLY_AS_TYPED = frozenset({"bả", "ổng", "mần", "tụi nó", "hồi đó", "hồi nào", "bữa đó",
                            "chừng nào"})

# English words and phrases -> the articles' Vietnamese (longest first when applied)
ENGLISH_TERMS = {
    "digital transformation": "chuyển đổi số", "digital economy": "kinh tế số",
    "digital society": "xã hội số", "digital government": "Chính phủ số",
    "e-government": "Chính phủ điện tử", "electronic government": "Chính phủ điện tử",
    "electronic identification": "định danh điện tử", "electronic identity": "định danh điện tử",
    "digital identity": "định danh điện tử", "identification": "định danh",
    "authentication": "xác thực", "population data": "dữ liệu dân cư",
    "population database": "cơ sở dữ liệu quốc gia về dân cư", "database": "cơ sở dữ liệu",
    "data": "dữ liệu", "accounts": "tài khoản", "account": "tài khoản",
    "activated": "kích hoạt", "activation": "kích hoạt", "issued": "cấp",
    "id cards": "căn cước công dân", "id card": "căn cước công dân",
    "citizen identity": "căn cước công dân", "chip": "gắn chíp",
    "online public services": "dịch vụ công trực tuyến", "public services": "dịch vụ công",
    "public service": "dịch vụ công", "online": "trực tuyến",
    "administrative procedures": "thủ tục hành chính", "e-commerce": "thương mại điện tử",
    "ecommerce": "thương mại điện tử", "deputy prime minister": "Phó Thủ tướng",
    "prime minister": "Thủ tướng", "minister": "Bộ trưởng", "chairman": "Chủ tịch",
    "chair": "Chủ tịch", "provinces": "tỉnh", "province": "tỉnh", "provincial": "tỉnh",
    "city": "thành phố", "ministries": "bộ", "ministry": "bộ", "sectors": "ngành",
    "localities": "địa phương", "locality": "địa phương", "meeting": "phiên họp",
    "session": "phiên họp", "conference": "hội nghị", "steering committee": "Ban Chỉ đạo",
    "national committee": "Ủy ban Quốc gia", "committee": "Ủy ban", "project": "Đề án",
    "scheme": "Đề án", "plan": "kế hoạch", "targets": "mục tiêu", "target": "mục tiêu",
    "goals": "mục tiêu", "goal": "mục tiêu", "tasks": "nhiệm vụ", "task": "nhiệm vụ",
    "solutions": "giải pháp", "solution": "giải pháp", "results": "kết quả",
    "result": "kết quả", "achievements": "kết quả", "limitations": "hạn chế",
    "shortcomings": "hạn chế", "cybersecurity": "an ninh mạng", "cyber security": "an ninh mạng",
    "security": "an ninh", "infrastructure": "hạ tầng", "broadband": "băng rộng",
    "mobile": "di động", "citizens": "người dân", "people": "người dân",
    "businesses": "doanh nghiệp", "enterprises": "doanh nghiệp", "growth": "tăng trưởng",
    "share": "tỷ trọng", "proportion": "tỷ lệ", "percentage": "tỷ lệ", "rate": "tỷ lệ",
    "ranked": "xếp hạng", "ranking": "xếp hạng", "rank": "xếp hạng", "nationwide": "toàn quốc",
    "country": "cả nước", "vietnam": "Việt Nam", "viet nam": "Việt Nam", "hanoi": "Hà Nội",
    "da nang": "Đà Nẵng", "danang": "Đà Nẵng", "hai duong": "Hải Dương",
    "ho chi minh city": "Thành phố Hồ Chí Minh", "human resources": "nguồn nhân lực",
    "training": "đào tạo", "digital skills": "kỹ năng số", "skills": "kỹ năng",
    "awareness": "nhận thức", "platforms": "nền tảng", "platform": "nền tảng",
    "application": "ứng dụng", "app": "ứng dụng", "cashless": "không dùng tiền mặt",
    "payments": "thanh toán", "payment": "thanh toán", "health": "y tế",
    "education": "giáo dục", "agriculture": "nông nghiệp", "products": "sản phẩm",
    "tourism": "du lịch", "budget": "ngân sách", "investment": "đầu tư", "law": "Luật",
    "decision": "Quyết định", "resolution": "Nghị quyết", "directive": "Chỉ thị",
    "launched": "phát động", "approved": "phê duyệt", "signed": "ký", "held": "tổ chức",
    "chaired": "chủ trì", "assigned": "giao", "completed": "hoàn thành",
    "achieved": "đạt", "increase": "tăng", "increased": "tăng", "decrease": "giảm",
    "year": "năm", "month": "tháng", "national": "quốc gia", "digital": "số",
    "electronic": "điện tử", "services": "dịch vụ", "service": "dịch vụ",
    "vice chairman": "Phó Chủ tịch", "vice chair": "Phó Chủ tịch", "permanent": "Thường trực",
    "standing": "Thường trực", "deputy": "Phó", "state groups": "Tập đoàn",
    "state corporations": "Tập đoàn", "corporations": "Tổng Công ty", "groups": "Tập đoàn",
    "ministry of defence": "Bộ Quốc phòng", "ministry of defense": "Bộ Quốc phòng",
    "ministry of public security": "Bộ Công an", "police": "Công an",
    "ministry of health": "Bộ Y tế", "ministry of information and communications":
    "Bộ Thông tin và Truyền thông", "cyber attacks": "tấn công mạng",
    "cyberattacks": "tấn công mạng", "united nations": "Liên hợp quốc", "un": "Liên hợp quốc",
    "places": "bậc", "climb": "tăng", "climbed": "tăng", "first time": "lần đầu tiên",
    "very high": "rất cao", "save": "tiết kiệm", "saved": "tiết kiệm", "savings": "tiết kiệm",
    "society": "xã hội", "benefits": "lợi ích", "benefit": "lợi ích", "connected": "kết nối",
    "bridge point": "điểm cầu", "position": "chức vụ", "title": "chức vụ",
    "important": "quan trọng", "programme": "Chương trình", "program": "Chương trình",
    "hospitals": "bệnh viện", "hospital": "bệnh viện", "attended": "dự", "bodies": "cơ quan",
    "agencies": "cơ quan", "slogan": "khẩu hiệu", "campaign": "chiến dịch",
    "decrees": "nghị định", "decree": "nghị định", "documents": "văn bản",
    "awarded": "khen thưởng", "award": "khen thưởng", "theme": "chủ đề",
    "virtual assistant": "trợ lý ảo", "court": "tòa án", "courts": "tòa án",
    "social insurance": "bảo hiểm xã hội", "social security": "an sinh xã hội",
    "bank accounts": "tài khoản ngân hàng", "non-cash": "không dùng tiền mặt",
    "he": "ông ấy", "his": "ông ấy", "him": "ông ấy", "she": "bà ấy", "her": "bà ấy",
    "credit scoring": "chấm điểm tín dụng", "credit": "tín dụng", "loans": "vay",
    "loan": "vay", "black credit": "tín dụng đen", "unsecured": "tín chấp",
    "transactions": "giao dịch", "households": "hộ gia đình", "villages": "thôn",
    "communes": "xã", "districts": "huyện", "officials": "cán bộ", "civil servants": "công chức",
}

# English question forms -> the Vietnamese words that make the same kind of question
ENGLISH_FORMS = (
    (r"\bhow\s+(?:many|much)\b", "bao nhiêu"),
    (r"\bhow\s+long\b", "bao lâu"),
    (r"\b(?:when|what\s+(?:date|day|time|year|month)|which\s+(?:date|day|year|month))\b",
     "khi nào"),
    (r"\b(?:who|whom)\b", "ai"),
    (r"\b(?:where|in\s+which\s+(?:place|province|city))\b", "ở đâu"),
    (r"\b(?:why|for\s+what\s+reason|what\s+is\s+the\s+reason)\b", "vì sao"),
    (r"\bwhat\s+(?:is|was)\s+the\s+purpose\b", "mục đích là gì"),
    (r"\b(?:compare|comparison|difference\s+between)\b", "so sánh"),
    (r"\b(?:summari[sz]e|summary|main\s+points|overview)\b", "tóm tắt"),
    (r"\b(?:list|name\s+the|what\s+are\s+the|which\s+are\s+the)\b", "những gì"),
    (r"^\s*which\b", "những nào"),
    (r"\bhow\b", "như thế nào"),
    (r"\bwhat\s+(?:does|do)\s+.+?\s+(?:mean|stand\s+for)\b|\bwhat\s+is\s+(?:a|an)\b"
     r"|^\s*what\s+(?:is|are)\s+(?!the\b)", "là gì"),
    (r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|will)\b", "có phải không"),
)

# Words only English has (not Vietnamese typed without diacritics, so not "the", "to", "do")
_ENGLISH_WORDS = frozenset(
    "what which when who whom where why how many much is are was were did does has have had "
    "been of for and with about from by will would could should their there this that these "
    "those activated launched many summarize summarise describe explain tell please give show "
    "at during between after before than most into under over did".split())


def is_english(text: str) -> bool:
    """An English question: two or more words that only English has, no Vietnamese letter."""
    if fold(text) != text.lower().replace("đ", "d"):
        return False
    words = set(re.findall(r"[a-z]+", text.lower()))
    glossary = {w for key in ENGLISH_TERMS for w in key.split()}
    return bool(words & _ENGLISH_WORDS) and len(words & (_ENGLISH_WORDS | glossary)) >= 2


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


_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_ORDINAL_EVENT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(meeting|session|conference)\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({'|'.join(_MONTHS)})(?:\s+(\d{{1,2}}))?(?:,?\s+((?:19|20)\d\d))?\b",
                         re.I)


def _english_dates(text: str) -> tuple[str, list[str]]:
    """"the 10th session" -> "phiên họp lần thứ 10", "April 2024" -> "tháng 4/2024" (taken out
    of the text, returned as Vietnamese words)."""
    words: list[str] = []

    def event(m: re.Match) -> str:
        noun = "hội nghị" if m.group(2).lower() == "conference" else "phiên họp"
        words.append(f"{noun} lần thứ {m.group(1)}")
        return " "

    def month(m: re.Match) -> str:
        if not (m.group(2) or m.group(3)) or (m.group(1).lower() == "may" and not m.group(3)):
            return m.group()
        n = _MONTHS.index(m.group(1).lower()) + 1
        day = f"ngày {m.group(2)}/{n}" if m.group(2) else f"tháng {n}"
        year = ("/" if not m.group(2) else " năm ") + m.group(3) if m.group(3) else ""
        words.append(day + year)
        return " "
    return _MONTH_YEAR.sub(month, _ORDINAL_EVENT.sub(event, text)), words


def _english(text: str) -> str:
    """An English question as Vietnamese search words: its terms from ENGLISH_TERMS, names,
    codes and figures kept, and the Vietnamese words of its question form."""
    text, dates = _english_dates(re.sub(r"(\w)['’]s\b", r"\1", text))  # "Nghe An's"
    lowered = text.lower()
    forms = []
    for pattern, words in ENGLISH_FORMS:
        if re.search(pattern, lowered):
            forms.append(words)
            lowered = re.sub(pattern, lambda m: " " * len(m.group()), lowered)
            if words not in ("những gì", "những nào"):
                break
    kept = re.findall(r"\b(?:[A-Z][\w-]*[A-Z0-9][\w-]*|\d[\d/.,%]*)", text)  # VNeID, OCOP, 2024
    names = re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", text)
    found: list[tuple[int, str]] = []
    rest = lowered
    for key in sorted(ENGLISH_TERMS, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(key)}\b", rest):
            found.append((m.start(), ENGLISH_TERMS[key]))
        rest = re.sub(rf"\b{re.escape(key)}\b", lambda m: " " * len(m.group()), rest)
    terms = [t for _, t in sorted(found)]
    translated = {fold(t) for t in terms}
    names = [n for n in names if fold(n) not in translated and n.lower() not in ENGLISH_TERMS
             and all(_SYLLABLE.fullmatch(w.lower()) for w in n.split())]  # "Nghe An", "Hai
    # Duong" stay; English words that are capitalised ("Permanent Vice Chairman") do not
    words = [*terms, *dates, *names, *[k for k in kept if k not in " ".join(names)], *forms]
    return " ".join(dict.fromkeys(w for w in words if w)).strip() + "?"


def rewrite(text: str, derived: Mapping[str, str] = {}, known: Container[str] = frozenset()
            ) -> Rewritten:
    """The question in the articles' words (see the module's docstring); words the articles
    themselves use (`known`, folded: "GDP", "OCOP") are never spelled out."""
    if is_english(text):
        return Rewritten(_english(text), english=True)
    plain = fold(text) == text.lower().replace("đ", "d")
    out = _replace_words(text, COLLOQUIAL, _ONLY_AS_TYPED, plain)
    out = expand(out, {**derived, **ABBREVIATIONS}, plain, known)
    return Rewritten(normalize_dates(out, plain))


_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
                       r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def expand(text: str, table: Mapping[str, str] = ABBREVIATIONS, plain: bool | None = None,
           known: Container[str] = frozenset()) -> str:
    """Abbreviations spelled out: a word typed in capitals, or one no Vietnamese syllable
    could be (no vowel: "cccd", "dvctt"); a number attached stays ("ĐA06" -> "Đề án 06")."""
    if plain is None:
        plain = fold(text) == text.lower().replace("đ", "d")

    def one(m: re.Match) -> str:
        word, letters, number = m.group(), m.group(1), m.group(2) or ""
        key = fold(letters)
        if key not in table or key in known or (not letters.isupper() and _SYLLABLE.fullmatch(key)
                                and key not in _ALWAYS):
            return word  # "ban", "tin": words; "UBND", "ubnd", "cccd" no syllable could be
        full = fold(table[key]) if plain else table[key]
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


# (function, as typed, expected) — each a case of tests/answering/test_lexicon.py
EXAMPLES = (
    ("rewrite", "CCCD gắn chíp cấp được bao nhiêu rồi?",
     "căn cước công dân gắn chíp cấp được bao nhiêu rồi?"),
    ("rewrite", "tong so dvctt la bn", "tong so dich vu cong truc tuyen la bao nhieu"),
    ("rewrite", "BCĐ do ai làm trưởng ban?", "Ban Chỉ đạo do ai làm trưởng ban?"),
    ("rewrite", "KTS chiếm bao nhiêu % GDP", "kinh tế số chiếm bao nhiêu % GDP"),
    ("rewrite", "bả nói j về chuyển đổi số ko", "bà ấy nói gì về chuyển đổi số không"),
    ("rewrite", "tụi nó xài app gì", "họ sử dụng ứng dụng gì"),
    ("rewrite", "Chiều 10/7/2024 họp gì vậy?", "Chiều 10/7 năm 2024 họp gì vậy?"),
    ("rewrite", "mùng 6 tháng 2 năm 2025 có sự kiện gì?", "ngày 6/2 năm 2025 có sự kiện gì?"),
    ("rewrite", "ngay 06/02/2025 co su kien gi", "ngay 6/2 nam 2025 co su kien gi"),
    ("rewrite", "UBND tỉnh làm gì?", "Ủy ban nhân dân tỉnh làm gì?"),
    ("rewrite", "ban chỉ đạo họp", "ban chỉ đạo họp"),
    ("rewrite", "hình ảnh được dùng trong bài", "hình ảnh được dùng trong bài"),
    ("rewrite", "Hội nghị 6-2-2025 bàn gì?", "Hội nghị ngày 6/2 năm 2025 bàn gì?"),
    ("rewrite", "7/10 chỉ tiêu đạt chưa?", "7/10 chỉ tiêu đạt chưa?"),
    ("rewrite", "How many VNeID accounts were activated?", "tài khoản kích hoạt VNeID bao nhiêu?"),
    ("is_english", "app VNeID co bao nhieu tai khoan", False),
    ("is_english", "Summarize Nghe An's results at the 10th session", True),
    ("is_english", "tinh nao dung dau ve chuyen doi so", False),
    ("rewrite", "Who chaired the meeting?", "chủ trì phiên họp ai?"),
    ("rewrite", "Why is digital transformation important?", "chuyển đổi số quan trọng vì sao?"),
    ("is_english", "What is the share of the digital economy in GDP?", True),
    ("rewrite", "Who is the Standing Deputy Prime Minister who attended the 10th session?",
     "Thường trực Phó Thủ tướng dự phiên họp lần thứ 10 ai?"),
    ("rewrite", "What did Nghe An report in April 2024?", "tháng 4/2024 Nghe An?"),
    ("rewrite", "What is his position?", "ông ấy chức vụ là gì?"),
    ("rewrite", "Cổng DVCQG có bao nhiêu tài khoản",
     "Cổng Dịch vụ công quốc gia có bao nhiêu tài khoản"),
    ("rewrite", "HD giờ có nhiu sản phẩm OCOP dzậy?", "HD giờ có bao nhiêu sản phẩm OCOP vậy?"),
    ("rewrite", "Tới T6/2023 có gì mới?", "Tới tháng 6/2023 có gì mới?"),
    ("is_english", "the nao la chuyen doi so", False),
    ("is_english", "Chuyển đổi số là gì?", False),
)
