"""English questions as the articles' Vietnamese search words: the question form gives the
kind ("How many" -> "bao nhiêu"), a glossary the articles' terms, ordinals and months their
Vietnamese form; names typed without diacritics stay (a data module of the lexicon; its
examples are in `lexicon.EXAMPLES`)."""
from __future__ import annotations

import re

from ..articles.clean import fold
from ..articles.patterns import SYLLABLE as _SYLLABLE

__all__ = ["ENGLISH_TERMS", "ENGLISH_FORMS", "is_english", "english"]

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
    "mountainous": "miền núi", "rural": "nông thôn", "urban": "thành thị",
    "district": "huyện", "commune": "xã", "elderly": "người cao tuổi", "students": "học sinh",
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


def english(text: str) -> str:
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
