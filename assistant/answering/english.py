"""English questions as the articles' Vietnamese search words: the question form gives the
kind ("How many" -> "bao nhiêu"), a glossary the articles' terms, ordinals and months their
Vietnamese form; names typed without diacritics stay (a data module of the lexicon; its
examples are in `lexicon.EXAMPLES`)."""
from __future__ import annotations

import re

from ..articles.clean import fold
from ..articles.patterns import SYLLABLE as _SYLLABLE

__all__ = ["ENGLISH_TERMS", "ENGLISH_FORMS", "ENGLISH_NUMBER_WORDS", "is_english", "english",
           "ordinal_one"]

# Counts written as words ("twelve ministries" -> "12 bộ")
ENGLISH_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}
_COUNT_WORD = re.compile(r"\b(" + "|".join(ENGLISH_NUMBER_WORDS) + r")\b(?=\s+[a-z])", re.I)

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
    "scheme": "Đề án", "plans": "kế hoạch", "plan": "kế hoạch", "targets": "mục tiêu",
    "target": "mục tiêu",
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
    "passed": "thông qua", "adopted": "thông qua", "national assembly": "Quốc hội",
    "hooked up": "kết nối", "linked up": "kết nối", "linked": "kết nối",
    "ict": "Thông tin và Truyền thông", "briefings": "giao ban", "briefing": "giao ban",
    "break down": "chia theo từng", "broken down": "chia theo từng", "breakdown": "chia theo từng",
    "databases": "cơ sở dữ liệu", "work": "hoạt động", "works": "hoạt động",
    "operate": "vận hành", "operates": "vận hành",
    "step by step": "từng bước", "green light": "phê duyệt", "rising": "gia tăng",
    "increasing": "gia tăng", "growing": "gia tăng", "all of": "tất cả", "all": "tất cả",
    "every": "mọi", "fully": "hoàn toàn", "entirely": "hoàn toàn", "purely": "chỉ",
    "took effect": "có hiệu lực", "in effect": "có hiệu lực", "effective": "có hiệu lực",
    "launched": "phát động", "approved": "phê duyệt", "signed": "ký", "held": "tổ chức",
    "chaired": "chủ trì", "assigned": "giao", "completed": "hoàn thành",
    "still not": "vẫn chưa", "not yet": "chưa", "had not": "chưa", "have not": "chưa",
    "has not": "chưa", "hasn't": "chưa", "haven't": "chưa", "hadn't": "chưa",
    "achieved": "đạt", "increase": "tăng", "increased": "tăng", "decrease": "giảm",
    "year": "năm", "month": "tháng", "national": "quốc gia", "digital": "số",
    "electronic": "điện tử", "services": "dịch vụ", "service": "dịch vụ",
    "vice chairman": "Phó Chủ tịch", "vice chair": "Phó Chủ tịch", "permanent": "Thường trực",
    "standing": "Thường trực", "deputy": "Phó", "state groups": "Tập đoàn",
    "state corporations": "Tập đoàn", "corporations": "Tổng Công ty", "groups": "Tập đoàn",
    "ministry of defence": "Bộ Quốc phòng", "ministry of defense": "Bộ Quốc phòng",
    "ministry of public security": "Bộ Công an", "police": "Công an",
    "ministry of health": "Bộ Y tế", "ministry of information and communications":
    "Bộ Thông tin và Truyền thông", "information and communications":
    "Thông tin và Truyền thông", "cyber attacks": "tấn công mạng",
    "cyberattacks": "tấn công mạng", "united nations": "Liên hợp quốc", "un": "Liên hợp quốc",
    "places": "bậc", "climb": "tăng", "climbed": "tăng", "first time": "lần đầu tiên",
    "very high": "rất cao", "save": "tiết kiệm", "saved": "tiết kiệm", "savings": "tiết kiệm",
    "society": "xã hội", "benefits": "lợi ích", "benefit": "lợi ích", "connected": "kết nối",
    "bridge point": "điểm cầu", "position": "chức vụ", "title": "chức vụ",
    "important": "quan trọng", "programme": "Chương trình", "program": "Chương trình",
    "hospitals": "bệnh viện", "hospital": "bệnh viện", "attended": "tham dự", "bodies": "cơ quan",
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
    "bright spots": "điểm sáng", "good models": "mô hình hay", "models": "mô hình",
    "model": "mô hình", "pillars": "trụ cột", "pillar": "trụ cột", "leaders": "lãnh đạo",
    "leader": "lãnh đạo", "viewpoints": "quan điểm", "viewpoint": "quan điểm",
    "guiding": "chỉ đạo", "usage": "sử dụng", "used": "sử dụng", "use": "sử dụng",
    "role": "chức vụ", "exploiting": "khai thác", "exploit": "khai thác", "bring": "mang lại",
    "point out": "nêu", "pointed out": "nêu", "presented": "báo cáo", "reported": "báo cáo",
    "report": "báo cáo", "attend": "tham dự", "implemented": "triển khai", "implementing":
    "triển khai", "implementation": "triển khai", "cost": "chi phí", "costs": "chi phí",
    "money": "tiền", "connection points": "điểm kết nối", "connection": "kết nối",
    "temporary residence": "tạm trú", "residence": "lưu trú", "licence plates": "biển số",
    "license plates": "biển số", "fiber optic": "cáp quang", "fibre optic": "cáp quang",
    "smartphones": "điện thoại thông minh", "smartphone": "điện thoại thông minh",
    "digital signature": "chữ ký số", "digital signatures": "chữ ký số",
    "artificial intelligence": "trí tuệ nhân tạo", "semiconductor": "bán dẫn",
    "innovation": "đổi mới sáng tạo", "technology": "công nghệ", "technologies": "công nghệ",
    "telecommunications": "viễn thông", "revenue": "doanh thu", "contribution": "đóng góp",
    "highest": "cao nhất", "lowest": "thấp nhất", "leading": "dẫn đầu", "top": "dẫn đầu",
    "deadline": "thời hạn", "verification": "xác minh", "corruption": "tham nhũng",
    "petty corruption": "tham nhũng vặt", "travel": "đi lại", "reduce": "giảm",
    "reduced": "giảm", "staff": "cán bộ", "residents": "người dân", "population": "dân cư",
    "level": "mức độ", "fully online": "trực tuyến toàn trình", "essential": "thiết yếu",
    "integrated": "tích hợp", "portal": "Cổng", "records": "hồ sơ", "dossiers": "hồ sơ",
    "received": "tiếp nhận", "processed": "giải quyết", "handled": "giải quyết",
    "criminal record": "lý lịch tư pháp", "driving licence": "giấy phép lái xe",
    "driving license": "giấy phép lái xe", "health insurance": "bảo hiểm y tế",
    "health records": "sổ sức khỏe điện tử", "health book": "sổ sức khỏe điện tử",
    "medical examination": "khám chữa bệnh", "coordination": "điều phối",
    "system": "hệ thống", "systems": "hệ thống", "inaugurated": "khai trương",
    "pilot": "thí điểm", "piloted": "thí điểm", "movement": "phong trào",
    "emulation": "thi đua", "message": "thông điệp", "strategy": "Chiến lược",
    "directions": "phương hướng", "orientations": "phương hướng", "key tasks":
    "nhiệm vụ trọng tâm", "priorities": "trọng tâm", "difficulties": "khó khăn",
    "obstacles": "vướng mắc", "challenges": "thách thức", "lessons": "bài học",
    "cooperation": "hợp tác", "workers": "lao động", "farmers": "nông dân",
    "community digital technology teams": "tổ công nghệ số cộng đồng", "teams": "tổ",
    "smart city": "đô thị thông minh", "operations center": "Trung tâm điều hành",
    "information security": "an toàn thông tin", "personal data": "dữ liệu cá nhân",
    "fraud": "lừa đảo", "scams": "lừa đảo", "wards": "phường", "percent": "%",
    "steering": "chỉ đạo", "secretary": "Bí thư", "party": "Đảng", "chief": "trưởng",
    "head": "trưởng", "enterprise": "doanh nghiệp", "companies": "công ty",
    "company": "công ty", "trading floor": "sàn", "exchange": "sàn", "sold": "bán",
    "sales": "bán", "vehicles": "xe", "vehicle": "xe", "registration": "đăng ký",
    "notification": "thông báo", "towards": "hướng tới", "vision": "tầm nhìn",
    "launch": "khai trương", "drive": "chiến dịch", "peak": "cao điểm", "days": "ngày",
    "coverage": "phủ sóng", "villages covered": "thôn được phủ sóng", "covered": "phủ sóng",
    "thailand": "Thái Lan", "singapore": "Singapore", "malaysia": "Malaysia",
    "cambodia": "Campuchia", "laos": "Lào", "china": "Trung Quốc", "japan": "Nhật Bản",
    "korea": "Hàn Quốc", "south korea": "Hàn Quốc", "india": "Ấn Độ", "myanmar": "Myanmar",
    "philippines": "Philippines", "united states": "Hoa Kỳ", "brunei": "Brunei",
    "director": "Giám đốc", "directors": "Giám đốc",
    "indonesia": "Indonesia", "southeast asia": "Đông Nam Á",
    "utility services": "dịch vụ tiện ích",
    "utilities": "tiện ích", "asked": "yêu cầu", "ask": "yêu cầu", "requested": "yêu cầu",
    "request": "yêu cầu", "required": "yêu cầu", "urged": "yêu cầu", "directed": "chỉ đạo",
    "said": "nói", "say": "nói", "stressed": "nhấn mạnh", "emphasized": "nhấn mạnh",
    "emphasised": "nhấn mạnh", "policies": "chính sách", "policy": "chính sách",
    "titles": "tên", "names": "tên", "score": "điểm", "index": "chỉ số",
    "pm": "Thủ tướng", "deputy pm": "Phó Thủ tướng", "premier": "Thủ tướng",
    "social welfare": "an sinh xã hội", "pensions": "lương hưu", "pension": "lương hưu",
    "unemployment": "thất nghiệp", "bank": "ngân hàng", "banks": "ngân hàng",
    "household": "hộ gia đình", "fiber": "cáp quang", "fibre": "cáp quang",
    "working group": "Tổ công tác", "directives": "Chỉ thị", "resolutions": "Nghị quyết",
    "healthcare": "y tế", "workforce": "nhân lực", "weaknesses": "hạn chế",
    "defence": "Quốc phòng", "defense": "Quốc phòng",
    "monthly": "hằng tháng",
    # narrower groups and areas (`words.QUALIFIERS`), kept as such
    "provincial-level hospitals": "bệnh viện tuyến tỉnh", "provincial hospitals":
    "bệnh viện tuyến tỉnh", "district-level hospitals": "bệnh viện tuyến huyện",
    "district hospitals": "bệnh viện tuyến huyện", "ethnic minorities": "dân tộc thiểu số",
    "ethnic minority": "dân tộc thiểu số", "women": "phụ nữ", "children": "trẻ em",
    "poor households": "hộ nghèo", "small businesses": "doanh nghiệp nhỏ",
    "border areas": "biên giới", "islands": "hải đảo", "remote areas": "vùng sâu",
    "level 2": "mức độ 2", "level-2": "mức độ 2", "level 1": "mức độ 1", "level-1": "mức độ 1",
    "university students": "sinh viên", "commune-level": "cấp xã", "district-level": "cấp huyện",
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
    (r"\b(?:compare|comparison|difference\s+between|stack\s+up\s+against|versus|vs\.?"
     r"|compared\s+(?:to|with))\b", "so sánh"),
    (r"\b(?:summari[sz]e|summary|main\s+points|overview|rundown|run\s+down|recap|sum\s+up"
     r"|highlights|key\s+points|in\s+brief|briefly)\b", "tóm tắt"),
    (r"\b(?:in\s+what\s+way|by\s+what\s+means|what\s+(?:measures|steps|methods|ways))\b",
     "bằng cách nào"),
    (r"\b(?:list|name\s+the|what\s+are\s+the|which\s+are\s+the)\b", "những gì"),
    (r"^\s*what(?=\s+(?!is\b|was\b|does\b|has\b|this\b)[a-z]+s\b)", "những gì"),
    (r"\bwhich\b", "những nào"),
    (r"\bhow\b", "như thế nào"),
    (r"\bwhat\s+(?:does|do)\s+.+?\s+(?:mean|stand\s+for)\b|\bwhat\s+is\s+(?:a|an)\b"
     r"|^\s*what\s+(?:is|are)\s+(?!the\b)", "là gì"),
    (r"^\s*(?:is|are|was|were|did|does|do|has|have|had|can|will)\b(?!\s+you\b)", "có phải không"),
    (r"^\s*what\s+(?:did|does|do|has|have|will)\b", "gì"),
)

# Words only English has (not Vietnamese typed without diacritics, so not "the", "to", "do")
_ENGLISH_WORDS = frozenset(
    "what which when who whom where why how many much is are was were did does has have had "
    "been of for and with about from by will would could should their there this that these "
    "those activated launched many summarize summarise describe explain tell please give show "
    "at during between after before than most into under over did".split())


# Vietnamese kept as typed inside an English question: a quoted name ('Thông báo lưu trú')
# or a run of words with Vietnamese letters and the numbers and short words between them
_QUOTED = re.compile(r"['\"“‘]([^'\"”’]{2,80})['\"”’]")
_VIETNAMESE_RUN = re.compile(r"\b\w*[^\W\x00-\x7f]\w*(?:\s+(?:\w*[^\W\x00-\x7f]\w*|\d+)\b)*")


def _vietnamese_parts(text: str) -> list[str]:
    return [m.group(1) for m in _QUOTED.finditer(text)] + [
        m.group() for m in _VIETNAMESE_RUN.finditer(_QUOTED.sub(" ", text))]


def is_english(text: str) -> bool:
    """An English question: two or more words that only English has (or three English words
    no Vietnamese syllable could be: "Vietnam climbed 9 places in the ranking, right?"), and
    most of its words English (a quoted Vietnamese name or "Đề án 06" inside it is kept as
    typed)."""
    unquoted = _QUOTED.sub(" ", text)
    rest = _VIETNAMESE_RUN.sub(" ", unquoted)
    typed = len(re.findall(r"\w*[^\W\x00-\x7f]\w*", unquoted))
    if len(re.findall(r"[A-Za-z]+", rest)) < 2 * typed:
        return False
    words = set(re.findall(r"[a-z]+", rest.lower()))
    glossary = {w for key in ENGLISH_TERMS for w in key.split()}
    known = words & (_ENGLISH_WORDS | glossary)
    return bool(words & _ENGLISH_WORDS) and len(known) >= 2 or len(  # or three English words
        [w for w in known if not _SYLLABLE.fullmatch(w)]) >= 3  # no Vietnamese syllable could be


_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_ORDINAL_EVENT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(meeting|session|conference)\b", re.I)
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth").split()
_ORDINAL_WORD = re.compile(rf"\b({'|'.join(_ORDINAL_WORDS)})"
                           r"(?=\s+(?:meeting|session|conference)\b)", re.I)
_MONTH_YEAR = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?({'|'.join(_MONTHS)})"
                         rf"(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+((?:19|20)\d\d))?\b", re.I)


def _english_dates(text: str) -> tuple[str, list[str]]:
    """"the 10th session" -> "phiên họp lần thứ 10", "April 2024" -> "tháng 4/2024" (taken out
    of the text, returned as Vietnamese words)."""
    words: list[str] = []

    def event(m: re.Match) -> str:
        noun = "hội nghị" if m.group(2).lower() == "conference" else "phiên họp"
        words.append(f"{noun} lần thứ {m.group(1)}")
        return " "

    def month(m: re.Match) -> str:
        day_number, name, year_number = m.group(1) or m.group(3), m.group(2), m.group(4)
        if not (day_number or year_number) or (name.lower() == "may" and not year_number):
            return m.group()
        n = _MONTHS.index(name.lower()) + 1
        day = f"ngày {day_number}/{n}" if day_number else f"tháng {n}"
        year = ("/" if not day_number else " năm ") + year_number if year_number else ""
        words.append(day + year)
        return " "
    text = _ORDINAL_WORD.sub(lambda m: f"{_ORDINAL_WORDS.index(m.group(1).lower()) + 1}th", text)
    return _MONTH_YEAR.sub(month, _ORDINAL_EVENT.sub(event, text)), words


def _counted_nouns(lowered: str) -> list[tuple[int, str, tuple[int, int]]]:
    """A count and the noun it counts, in the articles' order ("the 2 decrees" -> "2 nghị
    định"): (where, the Vietnamese, the span taken)."""
    out = []
    for m in re.finditer(r"(?<![\d/.,])\b(\d{1,3})\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", lowered):
        words = m.group(2).split()
        for i in range(len(words)):  # the first term after the count, the longest there
            for n in range(len(words) - i, 0, -1):
                key = " ".join(words[i:i + n])
                if key in ENGLISH_TERMS:
                    end = m.start(2) + len(" ".join(words[:i + n]))
                    said = f"{m.group(1)} {ENGLISH_TERMS[key]}"
                    out.append((m.start(), said, (m.start(), end)))
                    break
            else:
                continue
            break
    return out


# "What's the second one?", "And the last one?": an item of the earlier list, by position
_ORDINAL_ONE = re.compile(r"^\W*(and|what\s+about|how\s+about|what\s+is|what's|whats)?\s*"
                          r"(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth"
                          r"|ninth|tenth|last|final)\s+(?:one|item|point)\b\W*$", re.I)
_VI_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")


def ordinal_one(text: str) -> str:
    """A bare English follow-up asking an item by position, in Vietnamese ("What's the second
    one?" -> "Cái thứ hai là gì?", "And the last one?" -> "Còn cái cuối cùng?"); else ""."""
    m = _ORDINAL_ONE.match(text)
    if not m:
        return ""
    word = m.group(2).lower()
    item = "cái cuối cùng" if word in ("last", "final") else \
        f"cái thứ {_VI_ORDINALS[_ORDINAL_WORDS.index(word)]}"
    lead = (m.group(1) or "").lower()
    return f"Còn {item}?" if lead in ("and", "what about", "how about") else \
        f"{item[:1].upper()}{item[1:]} là gì?"


# A figure asked per unit: "for each province", "per ministry", "by district"
_EACH = re.compile(r"\b(?:for\s+|in\s+|of\s+)?(?:each|per|by)\s+(?=(?:province|ministry|locality"
                   r"|district|commune|sector|city|hospital)\b)", re.I)


def english(text: str) -> str:
    """An English question as Vietnamese search words: its terms from ENGLISH_TERMS, names,
    codes and figures kept, and the Vietnamese words of its question form."""
    text, dates = _english_dates(re.sub(r"(\w)['’]s\b", r"\1", text))  # "Nghe An's"
    text = _COUNT_WORD.sub(lambda m: str(ENGLISH_NUMBER_WORDS[m.group(1).lower()]), text)
    text = re.sub(r"\bbreak\s+((?:[\w,.-]+\s+){0,6}?)down\b", r"breakdown \1", text, flags=re.I)
    text = _EACH.sub("breakdown ", text)  # "for each province": a breakdown by province
    typed = _vietnamese_parts(text)
    text = _VIETNAMESE_RUN.sub(" ", _QUOTED.sub(" ", text))
    lowered = text.lower()
    forms = []
    counted_head = _how_many_head(lowered)  # "how many guiding viewpoints" -> "quan điểm"
    for pattern, words in ENGLISH_FORMS:
        if re.search(pattern, lowered):
            forms.append(words)
            lowered = re.sub(pattern, lambda m: " " * len(m.group()), lowered)
            if words not in ("những gì", "những nào"):
                break
    # codes and figures: VNeID, OCOP, 2024
    kept = re.findall(r"\b(?:[A-Z][\w-]*[A-Z0-9][\w-]*|\d+[A-Z]\b|\d(?:[\d/.,%]*[\d%])?)", text)
    names = re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", text)
    found: list[tuple[int, str]] = []
    counted = _counted_nouns(lowered)  # "8 utility services" -> "8 dịch vụ tiện ích"
    found += [(at, said) for at, said, _ in counted]
    for _, _, (a, b) in counted:
        lowered = lowered[:a] + " " * (b - a) + lowered[b:]
    rest = lowered
    numbered = set()  # "Project 06" -> "Đề án 06": a name and its number stay together
    for key in sorted(ENGLISH_TERMS, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(key)}\b(?:\s+(?:no\.?\s*)?(\d{{1,4}})\b)?", rest):
            said = ENGLISH_TERMS[key]
            if m.group(1) and said[:1].isupper():
                said = f"{said} {m.group(1)}"
                numbered.add(m.group(1))
            found.append((m.start(), said))
        rest = re.sub(rf"\b{re.escape(key)}\b", lambda m: " " * len(m.group()), rest)
    terms = [t for _, t in sorted(found)]
    translated = {fold(t) for t in terms}
    names = [n for n in names if fold(n) not in translated and n.lower() not in ENGLISH_TERMS
             and all(_SYLLABLE.fullmatch(w.lower()) for w in n.split())]  # "Nghe An", "Hai
    # Duong" stay; English words that are capitalised ("Permanent Vice Chairman") do not
    kept = [k for k in kept if k not in " ".join(names) and k.lower() not in ENGLISH_TERMS
            and not any(said.startswith(f"{k} ") for _, said, _ in counted)
            and k not in numbered]
    named = forms[:1] == ["là gì"] and terms[:1] and terms[0][:1].isupper()
    if named:  # the name asked about goes last, before "là gì": "phiên họp lần thứ 10,
        terms = terms[1:] + terms[:1]  # Nghị quyết 57 là gì?"
    code = re.match(r"\s*(?i:what(?:'s|\s+(?:does|do|is))\s+(?:the\s+)?)([A-Z][\w-]*[A-Z])\b", text)
    if forms[:1] == ["là gì"] and code:  # "What does EGDI stand for …?": EGDI is asked about
        asked = code.group(1)
        kept, typed, names = ([w for w in ws if w != asked] for ws in (kept, typed, names))
        terms, named = [*[w for w in terms if w != asked], asked], True
    words = [*typed, *dates, *names, *kept, *terms] if named else \
        [*terms, *typed, *dates, *names, *kept]  # apart: "Việt Nam, Liên hợp quốc"
    said = ", ".join(dict.fromkeys(w.strip() for w in words if w.strip()))
    if counted_head and forms and forms[0] == "bao nhiêu":
        forms[0] = f"bao nhiêu {counted_head}"
    return f"{said} {' '.join(forms)}".strip() + "?"


_NOUN_END = frozenset("did does do were was are is have has had the of in on at for by to were "
                      "will would could can that which who across about from with within among "
                      "and or".split())


def _how_many_head(lowered: str) -> str:
    """The Vietnamese of what "how many" (or "how much") counts: the last glossary term of the
    words after it ("how many guiding viewpoints did…" -> "quan điểm", "how much money" ->
    "tiền"); empty when none."""
    m = re.search(r"\bhow\s+(?:many|much)\s+((?:[a-z-]+\s+){0,3})", lowered + " ")
    if not m:
        return ""
    words = []
    for w in m.group(1).split():
        if w in _NOUN_END:
            break
        words.append(w)
    for n in range(len(words)):  # the longest term ending the phrase, else one inside it
        key = " ".join(words[n:])
        if key in ENGLISH_TERMS:
            return ENGLISH_TERMS[key]
    return next((ENGLISH_TERMS[w] for w in reversed(words) if w in ENGLISH_TERMS), "")
