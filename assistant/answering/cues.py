"""Cues: the patterns that tell what a question asks of the articles and what a sentence says
(a data module beside `words`, read by the plans and checks; each with examples in the tests
of the module that reads it and in tests/answering/test_lexicon.py)."""
from __future__ import annotations

import re

__all__ = ["SUMMARY_ASPECTS", "ASSIGNEE_ASKED", "AGENCY", "ASSIGNING", "MATTER_POINTER",
           "MEETING_NAMED", "NAMED_ASKED", "PEOPLE_ASKED", "DEEDS"]

# The meeting a question names ("phiên họp lần thứ 9", "hội nghị ngày 12/7", folded): it says
# which article, not which of its passages (its opening one names it too)
MEETING_NAMED = (r"\b(?:phien\s+hop|hoi\s+nghi)\s+(?:lan\s+)?thu\s+\d+\b"
                 r"|\b(?:ngay|chieu|sang|toi|hom)\s+\d{1,2}/\d{1,2}(?:/\d{4})?\b"
                 r"|\b\d{1,2}/\d{1,2}/\d{4}\b")

# "công ty nào", "đơn vị nào": a named body is asked for
NAMED_ASKED = re.compile(r"\b(?:cong\s+ty|doanh\s+nghiep|tap\s+doan|don\s+vi|to\s+chuc"
                         r"|nha\s+mang|ngan\s+hang)\s+nao\b")

# People asked for as a list ("Những lãnh đạo nào dự …", "which leaders attended"): each
# sentence must name one
PEOPLE_ASKED = re.compile(r"\b(?:lanh\s+dao|dong\s+chi|dai\s+bieu|quan\s+chuc)(?:\s+\w+){0,2}"
                          r"\s+nao\b|\bnhung\s+ai\b|\bnhung\s+nguoi\s+nao\b"
                          r"|\b(?:lanh\s+dao|quan\s+chuc|dai\s+bieu)\b.*\bnhung\s+nao\W*$")

# A matter pointed at in the earlier turn ("việc đó", "vấn đề này", folded)
MATTER_POINTER = r"\b(viec|van\s+de|noi\s+dung|chuyen|linh\s+vuc)\s+(?:do|nay|ay|kia|tren)\b"

# "Who was given the task": an agency answers it as well as a person, in a sentence that
# assigns ("Thủ tướng yêu cầu Bộ Công an chủ trì, phối hợp …") - asked (folded), the agency
# (as written), the assigning (folded)
ASSIGNEE_ASKED = (r"\b(?:duoc\s+giao|giao\s+cho|phu\s+trach|chiu\s+trach\s+nhiem|dau\s+moi"
                  r"|chu\s+tri\s+(?:viec|thuc\s+hien|trien\s+khai)|assigned|in\s+charge)\b")
AGENCY = (r"\b(?:Bộ|Sở|Cục|Tổng cục|Ủy ban|UBND|Văn phòng|Tổ công tác|Ngân hàng|Tập đoàn"
          r"|Ban)\s+[A-ZĐÂĂÊÔƠƯ]")
ASSIGNING = (r"\b(?:chu\s+tri(?!\s+(?:phien\s+hop|hoi\s+nghi|cuoc\s+hop|buoi))"
             r"|giao\s+(?:cho\s+)?(?:bo|so|cac)|phu\s+trach|chiu\s+trach\s+nhiem"
             r"|lam\s+dau\s+moi)\b")

# The parts of an article a summary may be asked about: name -> (the words that ask for it in a
# folded question, the words that name it in a folded sentence, whether it opens a part that
# runs on: "phần kết luận" is the sentences after "Phát biểu kết luận", while the shortcomings
# or security asked are the sentences that name them). "Tóm tắt phần kết luận …", "mấy cái
# tồn tại về bảo mật", "Summarize the opening speech".
SUMMARY_ASPECTS = {
    "conclusion": (r"ket\s+luan|conclu\w*", r"ket\s+luan", True),
    "opening": (r"khai\s+mac|mo\s+dau|opening", r"khai\s+mac|mo\s+dau", True),
    "directions": (r"phuong\s+huong|nhiem\s+vu\s+trong\s+tam|next\s+steps?",
                   r"phuong\s+huong|nhiem\s+vu\s+trong\s+tam", True),
    "proposals": (r"kien\s+nghi|de\s+xuat|recommend\w*|propos\w*", r"kien\s+nghi|de\s+xuat",
                  True),
    "report": (r"bao\s+cao|reports?|reported", r"bao\s+cao", True),
    "shortcomings": (r"ton\s+tai|han\s+che|lo\s+hong|diem\s+yeu|yeu\s+kem|thieu\s+sot|bat\s+cap"
                     r"|weak\w*|shortcomings?|limitations?",
                     r"ton\s+tai|han\s+che|tuy\s+nhien|chua|bat\s+cap|yeu\s+kem|lo\s+hong"
                     r"|diem\s+yeu", False),
    "security": (r"an\s+ninh|bao\s+mat|security|cyber\w*",
                 r"an\s+ninh|bao\s+mat|an\s+toan\s+thong\s+tin|tan\s+cong\s+mang", False),
}

# Acts a person is asked to have done ("ai là người ký …?"), as typed with diacritics: the
# sentence found must write the act, or the person found did something else (not roles held:
# "ai đảm nhận", "ai ngồi chủ trì")
DEEDS = (r"ký|phê\s+duyệt|ban\s+hành|công\s+bố|ra\s+mắt|bấm\s+nút|khai\s+trương|phát\s+động"
         r"|thành\s+lập|trao|khen\s+thưởng|ký\s+kết|soạn\s+thảo|sáng\s+lập|khởi\s+xướng")
