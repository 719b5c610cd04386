"""Bylines: who wrote an article, where it was published; read from the article's metadata
(`byline.plan_byline`). Decides before other kinds ("Tác giả bài … là ai?" is no person
search)."""
from __future__ import annotations

from ..byline import plan_byline
from ..registry import Kind, register

__all__ = ["KIND"]

_PATTERNS = (r"\b(?:tac\s+gia|(?<!bai\s)(?<!duoc\s)viet\s+boi|(?:do\s+)?ai\s+viet|but\s+danh"
             r"|phong\s+vien\s+nao)\b",
             r"\bbai\b(?:\s+\w+){0,12}?\s+(?:dang|dang\s+tai|dua\s+tin)\s+(?:tren|o|boi)"
             r"\s+(?:bao\s+nao|dau|trang\s+nao)\b",
             r"\b(?:cua|tren|o|tu)\s+(?:bao|trang)\s+nao\b|\bnguon\s+(?:bai|tin)\b",
             r"(?<!bai\s)\bviet,.*\bai\s*\??\s*$")  # "Who wrote …?" as search words

KIND = register(Kind(
    name="byline", order=5, patterns=_PATTERNS, opening=_PATTERNS,
    examples=("Ai là tác giả bài 'Thủ tướng: Mục đích cuối cùng của chuyển đổi số là phục vụ "
              "con người' vậy ạ?",
              "Bài về phiên họp thứ 8 đăng trên báo nào, ai viết thế?",
              "Bài tường thuật hội nghị chuyển đổi số hôm 12-7-2023 do ai viết?",
              "viết, báo cáo, phiên họp, Sóc Trăng ai?",  # "Who wrote …?" rewritten
              "Theo bài báo về hội nghị ở Đà Nẵng, nguồn tin được dẫn lại từ trang nào?"),
    plan=plan_byline))
