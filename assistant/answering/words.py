"""The lexicon's data: word lists and patterns of people's own words (abbreviations,
colloquial and regional words, counts written as words, narrowing groups, how a meeting
went, list heads), and the examples `tests/answering/test_lexicon.py` asks of every table
through the lexicon's functions. Code that reads them: `lexicon.py`."""
from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "IN_CONTEXT", "ALWAYS", "COLLOQUIAL", "ONLY_AS_TYPED", "BARE_AMOUNT",
           "QUALIFIERS", "PROCEDURAL", "NUMBER_WORDS", "NOT_COUNTED", "LIST_HEADS",
           "EVENT_VERBS", "HELD", "UNITS", "MEANS_ASKED", "MECHANISM_ASKED", "MECHANISM_GIVEN",
           "COUNTED_AS", "EXACT_ASKED", "DAY_ASKED", "ROUGH_FIGURE", "COUNTS_TYPED",
           "NUMBERS_TYPED", "TIME_WORDS", "REQUIRING", "SIZE_WORDS", "EXAMPLES"]

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
    "tk": "tài khoản", "sp": "sản phẩm", "cbccvc": "cán bộ, công chức, viên chức",
    "csdlqg": "cơ sở dữ liệu quốc gia", "vn": "Việt Nam", "tphcm": "Thành phố Hồ Chí Minh",
    "khcn": "khoa học và công nghệ", "dmst": "đổi mới sáng tạo", "ktxh": "kinh tế - xã hội",
    "ttdt": "thông tin điện tử", "ptts": "Phó Thủ tướng", "bttt": "Bộ Thông tin và Truyền thông",
    "kq": "kết quả", "bc": "báo cáo", "nd": "người dân", "attt": "an toàn thông tin",
    "pttg": "Phó Thủ tướng", "dna": "Đông Nam Á", "nsnn": "ngân sách nhà nước",
    "ttkdtm": "thanh toán không dùng tiền mặt", "asxh": "an sinh xã hội",
    "bhxh": "bảo hiểm xã hội", "gddt": "Giáo dục và Đào tạo", "hddt": "hóa đơn điện tử",
    "vbqppl": "văn bản quy phạm pháp luật", "qppl": "quy phạm pháp luật",
    "cchc": "cải cách hành chính", "vpcp": "Văn phòng Chính phủ", "lhq": "Liên hợp quốc",
    "btttt": "Bộ Thông tin và Truyền thông", "tttt": "Thông tin và Truyền thông",
    "bxh": "bảng xếp hạng", "sl": "số lượng", "dv": "dịch vụ",
}
# Initials read by what follows them (folded): "HN tại Đà Nẵng" is a conference, "HN" alone
# may be Hà Nội
IN_CONTEXT = (
    (r"\bhn\b(?=\s+(?:tai|o|lan|thu|so\s+ket|tong\s+ket|truc\s+tuyen|toan\s+quoc|ngay)\b)",
     "hội nghị"),
    (r"\bph\b(?=\s+(?:lan|thu|ngay|thang)\b)", "phiên họp"),
)
# Abbreviations that are also spelled like words: replaced in any case
ALWAYS = frozenset({"online", "app"})

# Colloquial, regional and chat words -> the standard word the articles use (folded keys)
COLLOQUIAL = {
    "ko": "không", "k": "không", "hok": "không", "hem": "không", "dc": "được",
    "dk": "được", "j": "gì", "ji": "gì", "ntn": "như thế nào",
    "bn": "bao nhiêu", "nhg": "những", "nhiu": "nhiêu", "vs": "với", "trc": "trước", "ng": "người",
    "mn": "mọi người", "xai": "sử dụng", "mần": "làm", "tui": "tôi",
    "bả": "bà ấy", "ổng": "ông ấy",
    "tụi nó": "họ", "tui no": "họ", "bọn họ": "họ", "hồi đó": "khi đó", "hoi do": "khi đó",
    "hồi nào": "khi nào", "hoi nao": "khi nào", "bữa đó": "hôm đó", "bua do": "hôm đó",
    "co nhiu": "có bao nhiêu", "có nhiu": "có bao nhiêu", "chừng nào": "khi nào",
    "chung nao": "khi nào", "bi nhieu": "bao nhiêu",
    "dzậy": "vậy", "dzay": "vậy", "zậy": "vậy", "thiệt": "thật", "hổng": "không",
    "lỗ hổng": "lỗ hổng",  # a vulnerability, no "không"
    "hông": "không", "bà con": "người dân", "ba con": "người dân", "bữa nào": "ngày nào",
    "bua nao": "ngày nào", "điểm yếu": "hạn chế", "diem yeu": "hạn chế",
    "điểm còn yếu": "hạn chế", "diem con yeu": "hạn chế", "yếu kém": "hạn chế",
    "thiếu sót": "tồn tại", "thieu sot": "tồn tại", "chợ mạng": "thương mại điện tử",
    # Central speech: "chi" (gì), "rứa" (vậy), "răng" (sao), "mô" (đâu/nào)
    "cái chi": "cái gì", "là chi": "là gì", "làm chi": "làm gì", "chi rứa": "gì vậy",
    "rứa": "vậy", "răng": "sao", "mần răng": "làm sao", "ở mô": "ở đâu", "chỗ mô": "chỗ nào",
    "khi mô": "khi nào", "giùm": "giúp", "dùm": "giúp",
    # a term spelled out where the articles write its short form
    "tổng sản phẩm quốc nội": "GDP", "tong san pham quoc noi": "GDP",
    # the articles' word order of a common pair
    "đảm bảo": "bảo đảm", "dam bao": "bảo đảm",
    "mấy ổng": "họ", "mấy bả": "họ", "kiểu gì": "như thế nào", "kiểu nào": "như thế nào",
    "gỡ vướng": "tháo gỡ vướng mắc", "go vuong": "tháo gỡ vướng mắc",
    # a meeting's other name
    "kỳ họp": "phiên họp", "ky hop": "phiên họp",
}
# "nhiêu" typed alone for "bao nhiêu" ("còn lại nhiêu dịch vụ?"; not "nhiều", "nhiêu khê")
BARE_AMOUNT = re.compile(r"(?<!bao )(?<![\w])nhiêu(?!\w|\s+khê)", re.I)
# Colloquial words that are also standard words with diacritics typed: only replaced as typed
ONLY_AS_TYPED = frozenset({"bả", "ổng", "mần", "tụi nó", "hồi đó", "hồi nào", "bữa đó",
                            "chừng nào", "bữa nào", "chợ mạng", "cái chi", "là chi", "làm chi",
                            "chi rứa", "rứa", "răng", "mần răng", "ở mô", "chỗ mô", "khi mô",
                           "mấy ổng", "mấy bả"})

# Groups and areas narrower than a whole population or country: a question that names one
# asks about it only (folded; "hộ gia đình ở nông thôn", "bệnh viện tuyến huyện"; a district:
# the articles give provinces' figures)
QUALIFIERS = ("nong thon", "thanh thi", "mien nui", "vung sau", "vung xa", "bien gioi",
              "hai dao", "tuyen huyen", "tuyen xa", "tuyen tinh", "cap huyen", "cap xa",
              "nguoi cao tuoi", "hoc sinh", "sinh vien", "phu nu", "tre em", "ho ngheo",
              "dan toc thieu so", "doanh nghiep nho", "vung kho khan", "muc do 2", "muc 2",
              "muc do 1", "muc 1", "3 sao", "4 sao", "5 sao", "khoi xa", "xa, phuong",
              "cap phuong", "huyen", "district", "districts", "dong nam a")


# How a meeting went rather than what it said (folded): who chaired and attended, where it was
# connected to, the pictures; a summary leaves them for what was said and done, unless the
# question asks them
PROCEDURAL = (r"\bchu\s+tri\b", r"\b(?:tham|cung)\s+du\b", r"\bdu\s+(?:hoi\s+nghi|phien\s+hop)\b",
              r"\bdiem\s+cau\b", r"\bdau\s+cau\b", r"\b(?:ket\s+noi|truyen)\s+truc\s+tuyen\b",
              r"\b(?:toan|quang)\s+canh\b", r"\btruc\s+tiep\s+ket\s+hop\s+truc\s+tuyen\b")
# Counts written as words (folded), Vietnamese and English ("năm quyết định", "eleven
# ministries"); English ones in English questions only (folded "tên" is "ten"). Left out:
# "tư" (folded "tu" is "từ"), "một" (no count of items).
NUMBER_WORDS = {
    "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10, "muoi mot": 11, "muoi hai": 12, "muoi ba": 13, "muoi lam": 15, "hai muoi": 20,
}
# Counts typed with diacritics no other word shares ("sáu" is six, "sau" after): only a
# word of time or of grammar after them makes them no count ("sáu tháng", "thứ chín của")
COUNTS_TYPED = frozenset("bốn sáu bảy tám chín mười".split())
# The number words as typed with diacritics: "tạm trú", "bà con" count nothing
NUMBERS_TYPED = frozenset(("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
                           "mười một", "mười hai", "mười ba", "mười lăm", "hai mươi"))
TIME_WORDS = frozenset("thang ngay nam tuan gio hom lan phien va cua".split())
# words after "năm", "sáu", "bảy" … that make them no count ("năm nay", "sau đó")
NOT_COUNTED = frozenset("nay ngoai qua truoc sau toi do khi ay kia roi nua hoc tai chinh "
                         "thang ngay hom gio day lan phien va cua".split())


# A sentence that heads items its paragraph goes on with (folded): "chỉ rõ một số tồn tại,
# hạn chế …. Hạ tầng số … . An ninh mạng …"
LIST_HEADS = re.compile(r"\b(?:mot\s+so|nhieu|cac|nhung)\s+(?:ton\s+tai|han\s+che|ket\s+qua"
                        r"|kho\s+khan|vuong\s+mac|bat\s+cap|diem\s+nghen|nhiem\s+vu"
                        r"|giai\s+phap|loi\s+ich)\b")


# What a question asks of a sentence: the events a date is asked for (a meeting held, "tổ
# chức", "diễn ra", is said by the words of a meeting), the unit a figure must come with, a
# way to act asked
HELD = r"to\s+chuc|dien\s+ra|chu\s+tri|khai\s+mac|hoi\s+nghi|phien\s+hop|hop"
EVENT_VERBS = ("to chuc", "dien ra", "thong qua", "thanh lap", "ban hanh", "phe duyet",
               "cong bo", "khai truong", "co hieu luc", "ky ket")
UNITS = (  # what the question asks for -> what a sentence's figure must come with
    (re.compile(r"\b(?:phan\s+tram|ty\s+le|ty\s+trong)\b"), re.compile(r"\d\s*%")),
    (re.compile(r"\b(?:bao\s+nhieu\s+tien(?!\s+ich)|kinh\s+phi|chi\s+phi|ngan\s+sach\s+chi"
                r"|bao\s+nhieu\s+(?:ngan\s+sach|von))\b|^(?!.*\b(?:ty\s+le|phan\s+tram)\b)"
                r".*\bngan\s+sach\b.*\bbao\s+nhieu\b"),
     re.compile(r"(?:\d\s*|\bhang\s+)(?:nghin\s+|trieu\s+|ty\s+)*(?:dong|usd)\b")),
    (re.compile(r"\bbao\s+nhieu\s+(?:thang|nam|ngay|tuan)\b(?!\s+\d)|\bbao\s+lau\b"),
     re.compile(r"\d+\s+(?:thang|nam|ngay|tuan|gio|phut)\b(?!\s+\d)")),  # not "06 năm 2024"
    (re.compile(r"\b(?:may|bao\s+nhieu)\s+gio\b(?!\s+\d)|\bluc\s+may\b"),  # a time of day
     re.compile(r"\b\d{1,2}\s*(?:gio|h)(?:\s*\d{2})?\b|\b\d{1,2}:\d{2}\b")),
    (re.compile(r"\b(?:thu|hang|vi\s+tri)\s+(?:may|bao\s+nhieu)\b|\bxep\s+hang\b"),
     re.compile(r"\b(?:thu|hang)\s+\d|\d+/\d+\s+(?:quoc\s+gia|tinh|dia\s+phuong)")),
)
# A way to act asked ("làm gì để", "bằng cách nào"), not how something went ("tăng ntn")
MEANS_ASKED = re.compile(r"\b(?:lam\s+(?:gi|sao|the\s+nao)\s+de|bang\s+(?:nhung\s+)?cach\s+nao"
                         r"|cach\s+nao|bien\s+phap|giai\s+phap\s+gi)\b")


# How something works asked ("vận hành theo cách nào", "từng bước", "how does X work"), and
# the words of a sentence that says how (a means, a step, what it lets one do); launching or
# deploying it ("khai trương", "triển khai") says only that it exists
MECHANISM_ASKED = re.compile(r"\b(?:van\s+hanh|hoat\s+dong|quy\s+trinh"
                             r"|(?:tung|cac|nhung|may|bao\s+nhieu)\s+buoc|buoc\s+nao"
                             r"|co\s+che|phuong\s+(?:thuc|phap)|tieu\s+chi|\w+\s+kieu\s+nao"
                             r"|(?:chay|xai|tinh(?:\s+toan|\s+diem)?|duoc\s+tinh|cham\s+diem)"
                             r"(?:\s+no)?\s+(?:ra\s+sao|sao|(?:nhu\s+)?the\s+nao|kieu\s+gi|ntn)"
                             r"|(?:tinh\s+(?:diem|toan)|cham\s+diem)(?:\s+\w+){1,4}?\s+(?:ra\s+sao"
                             r"|(?:nhu\s+)?the\s+nao|kieu\s+gi|ntn)"
                             r"|(?:lam\s+(?:the\s+nao|sao)\s+de|phai\s+lam\s+(?:sao|the\s+nao))"
                             r"|walk\s+(?:me\s+|us\s+)?through|how\s+(?:can|do|does|should)\s+"
                             r".{1,60}?\s+(?:sign\s+up|register|apply|enrol+)"
                             r"|steps?|process|mechanism|procedure"
                             r"|method(?:ology)?|criteria|how\s+(?:does|do|did|is|are)\s+.{1,80}?\s+"
                             r"(?:work|operate|function|run|move|calculat\w*|comput\w*|scor\w*|exchange"
                             r"|connect|link|sync\w*|transfer|share\s+(?:(?!of\b)\w+\s+)?(?:records|data"
                             r"|information)))\b")
MECHANISM_GIVEN = re.compile(r"\b(?:bang\s+cach|thong\s+qua|qua\s+viec|nho|cho\s+phep|giup"
                             r"|tu\s+dong|gom|bao\s+gom|buoc(?!\s+dau)|quy\s+trinh|tren\s+nen"
                             r"|qua\s+tai\s+khoan|khong\s+dung\s+tien\s+mat)\b")


# Words that propose, request or plan a deed rather than report it done (folded)
REQUIRING = r"de\s+xuat|de\s+nghi|yeu\s+cau|kien\s+nghi|du\s+kien|phan\s+dau"

# An exact figure asked ("con số chính xác", "đúng bao nhiêu", "exactly how much"), and the
# words before a figure that make it a rough one ("hàng nghìn", "trên", "ước đạt")
EXACT_ASKED = re.compile(r"\b(?:chinh\s+xac|dung\s+(?:bao\s+)?nhieu|so\s+cu\s+the|cu\s+the\s+la"
                         r"\s+bao\s+nhieu|con\s+so\s+day\s+du|khong\s+lam\s+tron"
                         r"|exact(?:ly)?|precise(?:ly)?|unrounded|not\s+(?:a\s+)?rounded"
                         r"|full\s+(?:number|figure)|lam\s+tron)\b")
# A day asked, not a month or a year ("ngày nào", "hôm nào", "ngày mấy", "on what date")
DAY_ASKED = re.compile(r"\b(?:ngay\s+(?:nao|may|bao\s+nhieu)|hom\s+nao|(?:what|which|exact)\s+"
                       r"(?:day|date)|on\s+what\s+date)\b")
# Words of size ("chục", "triệu", "tỷ"), folded
SIZE_WORDS = r"chuc|tram|nghin|ngan|trieu|ty"
ROUGH_FIGURE = re.compile(rf"\b(?:hang\s+(?:{SIZE_WORDS}|van)|tren|hon|gan"
                          r"|khoang|xap\s+xi|vuot|uoc(?:\s+dat|\s+tinh)?|nhieu|toi\s+da"
                          r"|toi\s+thieu|it\s+nhat)$")


# What a count may be written as in the articles (first syllables): "bao nhiêu tỉnh thành"
# is counted as "51/63 địa phương"
COUNTED_AS = {"tinh": ("dia", "tinh", "thanh"), "dia": ("tinh", "dia"), "thanh": ("tinh", "dia"),
              "bo": ("bo", "nganh"), "nganh": ("bo", "nganh")}


# (function, as typed, expected) — each a case of tests/answering/test_lexicon.py
EXAMPLES = (
    ("rewrite", "CCCD gắn chíp cấp được bao nhiêu rồi?",
     "căn cước công dân gắn chíp cấp được bao nhiêu rồi?"),
    ("rewrite", "tong so dvctt la bn", "tong so dich vu cong truc tuyen la bao nhieu"),
    ("rewrite", "BCĐ do ai làm trưởng ban?", "Ban Chỉ đạo do ai làm trưởng ban?"),
    ("rewrite", "8 DV tiện ích, sl mỗi loại?", "8 dịch vụ tiện ích, số lượng mỗi loại?"),
    ("rewrite", "VN đứng thứ mấy ĐNÁ?", "Việt Nam đứng thứ mấy Đông Nam Á?"),
    # an English word in another form than the glossary's ("urge" for "urged"), "what were the"
    ("rewrite", "Which ministries did the Prime Minister urge to finish their tasks?",
     "bộ, Thủ tướng, yêu cầu, nhiệm vụ những nào?"),
    ("rewrite", "What topics were discussed at the 8th meeting?",
     "nội dung, thảo luận, phiên họp lần thứ 8 những gì?"),
    ("rewrite", "What were the four guiding viewpoints the PM stressed?",
     "4 chỉ đạo, quan điểm, Thủ tướng, nhấn mạnh những gì?"),
    ("rewrite", "Who chaired the Hai Duong connection point?", "chủ trì, Hải Dương, điểm cầu ai?"),
    ("rewrite", "Còn lại nhiêu dịch vụ mà mấy ngành phải làm?",
     "Còn lại bao nhiêu dịch vụ mà mấy ngành phải làm?"),
    # a quoted English word the glossary holds is read; a name's number is no count; a
    # Vietnamese name keeps its plain syllables ("Nghệ An")
    ("rewrite", "Did the PM call for 'acceleration' in 2025?",
     "Thủ tướng, tăng tốc, 2025 có phải không?"),
    ("rewrite", "What is Politburo Resolution 57 about?", "Nghị quyết 57, Bộ Chính trị là gì?"),
    ("rewrite", "What did Project 06 achieve in 2023?", "Đề án 06, đạt, 2023 gì?"),
    ("rewrite", "Who chaired the Nghệ An connection point?", "chủ trì, điểm cầu, Nghệ An ai?"),
    # a vulnerability is no "không"; a meeting's other name
    ("rewrite", "Kể sơ mấy cái lỗ hổng bảo mật", "Kể sơ mấy cái lỗ hổng bảo mật"),
    ("rewrite", "kỳ họp giữa năm 2024 bàn gì", "phiên họp giữa năm 2024 bàn gì"),
    ("rewrite", "Summarize the opening speech at the mid-2023 review conference",
     "phát biểu khai mạc, hội nghị sơ kết, 2023 tóm tắt?"),
    ("rewrite", "KTS chiếm bao nhiêu % GDP", "kinh tế số chiếm bao nhiêu % GDP"),
    ("rewrite", "bả nói j về chuyển đổi số ko", "bà ấy nói gì về chuyển đổi số không"),
    ("rewrite", "tụi nó xài app gì", "họ sử dụng ứng dụng gì"),
    ("rewrite", "6 chỉ thị là nhg chỉ thị nào", "6 chỉ thị là những chỉ thị nào"),
    ("rewrite", "bà con xài dịch vụ công bữa nào", "người dân sử dụng dịch vụ công ngày nào"),
    ("rewrite", "Thủ tướng chỉ ra điểm yếu, thiếu sót gì?",
     "Thủ tướng chỉ ra hạn chế, tồn tại gì?"),
    ("rewrite", "Chiều 10/7/2024 họp gì vậy?", "Chiều 10/7 năm 2024 họp gì vậy?"),
    ("rewrite", "mùng 6 tháng 2 năm 2025 có sự kiện gì?", "ngày 6/2 năm 2025 có sự kiện gì?"),
    ("rewrite", "ngay 06/02/2025 co su kien gi", "ngay 6/2 nam 2025 co su kien gi"),
    ("rewrite", "UBND tỉnh làm gì?", "Ủy ban nhân dân tỉnh làm gì?"),
    ("rewrite", "ban chỉ đạo họp", "ban chỉ đạo họp"),
    ("rewrite", "hình ảnh được dùng trong bài", "hình ảnh được dùng trong bài"),
    ("rewrite", "Hội nghị 6-2-2025 bàn gì?", "Hội nghị ngày 6/2 năm 2025 bàn gì?"),
    ("rewrite", "7/10 chỉ tiêu đạt chưa?", "7/10 chỉ tiêu đạt chưa?"),
    ("rewrite", "How many VNeID accounts were activated?",
     "tài khoản, kích hoạt, VNeID bao nhiêu tài khoản?"),
    ("rewrite", "Give me a quick rundown of the PM directives on social welfare",
     "Thủ tướng, Chỉ thị, an sinh xã hội tóm tắt?"),
    ("rewrite", "In what way do banks help households get fibre?",
     "ngân hàng, hộ gia đình, cáp quang bằng cách nào?"),
    ("is_english", "app VNeID co bao nhieu tai khoan", False),
    ("is_english", "Summarize Nghe An's results at the 10th session", True),
    ("is_english", "tinh nao dung dau ve chuyen doi so", False),
    ("qualifiers", "Tỷ lệ hộ gia đình ở nông thôn dùng cáp quang?", ["nong thon"]),
    ("qualifiers", "Bệnh viện tuyến huyện triển khai ra sao?", ["tuyen huyen", "huyen"]),
    ("qualifiers", "Huyện nào của tỉnh có mức tăng cao nhất?", ["huyen"]),
    ("qualifiers", "Việt Nam đứng thứ mấy Đông Nam Á về Chính phủ điện tử?", ["dong nam a"]),
    ("qualifiers", "Which district has the most farms online?", ["district"]),
    ("qualifiers", "Tỷ lệ hộ gia đình dùng cáp quang?", []),
    ("qualifiers", "Riêng khối xã, phường thì số hóa tăng bao nhiêu?", ["khoi xa", "xa, phuong"]),
    ("may_abbreviate", "Số TK VNeID kích hoạt?", True),
    ("may_abbreviate", "so tai khoan cccd la bao nhieu", True),
    ("may_abbreviate", "Tỷ trọng kinh tế số năm 2024 là bao nhiêu?", False),
    ("rewrite", "Who chaired the meeting?", "chủ trì, phiên họp ai?"),
    # a name after its title ("Minister Nguyen Manh Hung") is kept; "when" inside a clause
    # asks no date
    ("rewrite", "What did Minister Nguyen Manh Hung report?",
     "Bộ trưởng, báo cáo, Nguyen Manh Hung gì?"),
    ("rewrite", "Which ministry had units failed to coordinate with when re-checking their "
     "systems?", "bộ, đơn vị, chưa, phối hợp, kiểm tra, hệ thống những nào?"),
    ("rewrite", "Who is the author of the article?", "tác giả ai?"),
    ("rewrite", "Why is digital transformation important?", "chuyển đổi số, quan trọng vì sao?"),
    ("is_english", "What is the share of the digital economy in GDP?", True),
    ("rewrite", "Who is the Standing Deputy Prime Minister who attended the 10th session?",
     "Thường trực, Phó Thủ tướng, tham dự, phiên họp lần thứ 10 ai?"),
    ("rewrite", "What did Nghe An report in April 2024?", "báo cáo, tháng 4/2024, Nghe An gì?"),
    ("rewrite", "What is his position?", "ông ấy, chức vụ là gì?"),
    ("rewrite", "Cổng DVCQG có bao nhiêu tài khoản",
     "Cổng Dịch vụ công quốc gia có bao nhiêu tài khoản"),
    ("rewrite", "HD giờ có nhiu sản phẩm OCOP dzậy?", "HD giờ có bao nhiêu sản phẩm OCOP vậy?"),
    ("rewrite", "Tới T6/2023 có gì mới?", "Tới tháng 6/2023 có gì mới?"),
    ("is_english", "the nao la chuyen doi so", False),
    ("procedural", "Cùng dự có đồng chí Nguyễn Hòa Bình, Phó Thủ tướng.", True),
    ("procedural", "Hội nghị được kết nối trực tuyến tới điểm cầu các tỉnh.", True),
    ("procedural", "Toàn cảnh hội nghị tại Đà Nẵng.", True),
    ("abbreviation_keys", "UBQG về CĐS họp ĐA06 khi nào?", ["ubqg", "cds", "da"]),
    ("abbreviation_keys", "cccd cấp bao nhiêu", ["cccd"]),
    ("procedural", "Tỷ lệ ước đạt một nửa kế hoạch.", False),
    ("procedural", "Thủ tướng yêu cầu khẩn trương ban hành kế hoạch.", False),
    ("place_initials", {"hai duong": "Hải Dương", "ha noi": "Hà Nội"},
     {"hd": "Hải Dương", "hn": "Hà Nội"}),
    ("place_initials", {"hai duong": "Hải Dương", "ha dong": "Hà Đông"}, {}),
    ("rewrite", "Số TK VNeID đã kích hoạt?", "Số tài khoản VNeID đã kích hoạt?"),
    ("rewrite", "Which leaders attended the conference on 12 July 2023?",
     "lãnh đạo, tham dự, hội nghị, ngày 12/7 năm 2023 những nào?"),
    ("rewrite", "How did the usage rate of 'Thông báo lưu trú' change?",
     "sử dụng, tỷ lệ, Thông báo lưu trú như thế nào?"),
    ("rewrite", "What rank did Vietnam reach in the UN ranking?",
     "xếp hạng, Việt Nam, Liên hợp quốc?"),
    ("is_english", "Give me a summary of what Đề án 06 achieved in 2023.", True),
    ("is_english", "Có bao nhiêu tài khoản VNeID?", False),
    ("is_english", "Chuyển đổi số là gì?", False),
    ("rewrite", "What was the 5G coverage reported at the eighth session?",
     "phủ sóng, báo cáo, phiên họp lần thứ 8, 5G?"),
    ("rewrite", "tóm tắt kq ĐA 06 báo cáo ở HN tại ĐN",
     "tóm tắt kết quả Đề án 06 báo cáo ở hội nghị tại ĐN"),
    ("rewrite", "What is Resolution No. 57 mentioned at the tenth session?",
     "phiên họp lần thứ 10, Nghị quyết 57 là gì?"),
    ("rewrite", "Can you break the savings down by service?",
     "chia theo từng, tiết kiệm, dịch vụ?"),
    ("rewrite", "Có đảm bảo an toàn không?", "Có bảo đảm an toàn không?"),
    ("rewrite", "What does EGDI stand for in the UN ranking?",
     "xếp hạng, Liên hợp quốc, EGDI là gì?"),
    ("rewrite", "Bữa đó mấy ổng làm kiểu gì để gỡ vướng?",
     "hôm đó họ làm như thế nào để tháo gỡ vướng mắc?"),
    ("rewrite", "How many databases across all sectors were reported?",
     "cơ sở dữ liệu, tất cả, ngành, báo cáo bao nhiêu cơ sở dữ liệu?"),
    ("rewrite", "What's the second one?", "Cái thứ hai là gì?"),
    ("rewrite", "And the last one?", "Còn cái cuối cùng?"),
    ("rewrite", "Đề án 06 là cái chi rứa?", "Đề án 06 là cái gì vậy?"),
    ("rewrite", "Hội nghị họp ở mô, răng lại họp ở đó?", "Hội nghị họp ở đâu, sao lại họp ở đó?"),
    ("number_words", "Năm quyết định Thủ tướng ban hành có tên là gì?", frozenset({"5"})),
    ("number_words", "Which eleven ministries had not secured their portals?",
     frozenset({"11"})),
    ("number_words", "Năm nay có mấy sự kiện? Sau đó thì sao?", frozenset()),
    # typed with diacritics, "sáu" is six whatever follows; "thứ chín" is an ordinal
    ("number_words", "Sáu chính sách mới cụ thể là gì?", frozenset({"6"})),
    ("number_words", "sau chinh sach moi co gi", frozenset()),
    ("number_words", "Phiên họp thứ chín của Ủy ban chốt gì?", frozenset()),
    # typed with diacritics, only a number word counts: "tạm trú" is no "tám"
    ("number_words", "Đăng ký tạm trú với thông báo lưu trú, cái nào nhiều hơn?", frozenset()),
    ("rewrite", "Exactly how much money did the database save society?",
     "tiền, cơ sở dữ liệu, tiết kiệm, xã hội bao nhiêu tiền?"),
    ("rewrite", "How much was paid for each province?", "chi trả, chia theo từng, tỉnh bao nhiêu?"),
    ("is_english", "Vietnam climbed 9 places in the UN e-government ranking, right?", True),
    ("is_english", "bà con xài app online nhiều không", False),
    ("rewrite", "Where does Cambodia sit in the UN ranking?",
     "Campuchia, Liên hợp quốc, xếp hạng ở đâu?"),
    ("rewrite", "What share of provincial-level hospitals accept cashless payments?",
     "tỷ trọng, bệnh viện tuyến tỉnh, không dùng tiền mặt, thanh toán?"),
    ("heads_items", "Thủ tướng cũng chỉ rõ một số tồn tại, hạn chế trong việc hoàn thiện thể chế.",
     True),
    ("heads_items", "Hạ tầng số chưa khắc phục được tình trạng manh mún.", False),
    ("ends_on_items", "Trên cơ sở những tồn tại, hạn chế của công tác chuyển đổi số, Bộ TT&TT đề "
     "xuất các nhiệm vụ trọng tâm cần tập trung trong nửa cuối năm 2023.", True),
    ("ends_on_items", "Các bộ, ngành ưu tiên nguồn lực, triển khai đồng bộ các nhiệm vụ, giải pháp "
     "về chuyển đổi số đã đề ra, phấn đấu hoàn thành các chỉ tiêu, nhất là dữ liệu số.", False),
    ("rewrite", "What shortcomings did the PM point out at the ninth session?",
     "hạn chế, Thủ tướng, nêu, phiên họp lần thứ 9 những gì?"),
    ("rewrite", "Why had twelve ministries still not issued their plans?",
     "12 bộ, vẫn chưa, cấp, kế hoạch vì sao?"),
)
