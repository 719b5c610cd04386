"""Summaries: what a meeting, an article or a programme said, in a few cited sentences from
its own article; the plan is `gather.plan_summary`."""
from __future__ import annotations

from ..gather import plan_summary
from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="summary", order=30,
    patterns=(r"\b(?:noi|(?<!van\s)ban|thao\s+luan|de\s+cap)\s+(?:ve\s+)?(?:nhung\s+)?gi\b",
              r"\btom\s+(?:tat|luoc|lai|le|gium|giup|y)\b",
              r"\b(?:so\s+luoc|khai\s+quat|tong\s+quan|diem\s+qua|noi\s+so\s+qua)\b",
              r"\bnoi\s+dung\s+(?:chinh|gi)\b",
              r"\bdiem\s+(?:chinh|noi\s+bat)\b",
              r"\bco\s+gi\s+(?:dang\s+chu\s+y|moi|noi\s+bat)\b",
              r"\bdien\s+ra\s+(?:nhu\s+the\s+nao|ra\s+sao)\b",
              r"\bbai\s+(?:viet|bao)\b.*\b(?:gi|sao)\b",
              r"\bcho\s+biet\s+(?:nhung\s+)?gi\b", r"\bket\s+qua\s+(?:ra\s+sao|the\s+nao)\b",
              r"\b(?:noi|tom)\s+gon\b", r"\b(?:nhung\s+|cac\s+)?y\s+chinh\b", r"\bdiem\s+lai\b",
              r"\bke\s+so(?:\s+so|\s+qua)?\b",
              r"^(?!.*\bliet\s+ke\b).*\bket\s+qua\s+(?:nao\s+)?noi\s+bat\b"),
    examples=("Bạn tóm tắt giúp mình phiên họp lần thứ 10 được không?",
              "Phiên họp lần thứ 9 bàn những gì?",
              "Bài viết về hội nghị Đề án 06 ở Đà Nẵng nói gì?",
              "tom tat phien hop lan thu 9", "Noi gon lai phien hop thu 9 giup minh",
              "Hội nghị ấy có những kết quả nào nổi bật?", "Những ý chính Thủ tướng nêu là gì?",
              "Ý chính trong bài phát biểu của Thủ tướng là gì?",
              "tóm lẹ giùm phiên họp lần thứ 9", "Kể sơ sơ coi phiên họp thứ 9 bàn gì",
              "Điểm qua kết quả chuyển đổi số năm 2024"),
    plan=plan_summary))
