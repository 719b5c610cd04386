"""Lists: the items themselves (tasks, solutions, viewpoints), one line each, cited; the plan
is `gather.plan_list`."""
from __future__ import annotations

from ..gather import plan_list
from ..registry import Kind, register

__all__ = ["KIND"]

KIND = register(Kind(
    name="list", order=60,
    patterns=(r"\bgom\s+(?:nhung\s+)?(?:gi|nao|nhung)\b", r"\bbao\s+gom\b", r"\bliet\s+ke\b",
              r"\bke\s+(?:ten|ra)\b", r"\bnhung\s+(?:gi|nao|ai)\b",
              r"\b(?:nhung|cac|may)\s+\w+(?:\s+\w+){0,2}\s+(?:cu\s+the\s+)?(?:nao|gi)\b",
              r"(?<!thu\s)(?<!lan\s)(?<!an\s)(?<!quyet\s)(?<!thi\s)(?<!so\s)\b\d{1,2}\s+"
              r"(?!bang\b|cach\b|khi\b)[^\W\d]+(?:\s+(?!bang\b|cach\b|khi\b)[^\W\d]+){0,3}"
              r"\s+nao\b",
              r"\b(?:nhung|cac)\s+(?:nhiem\s+vu|giai\s+phap|quan\s+diem|ket\s+qua|han\s+che"
              r"|ton\s+tai|yeu\s+cau|chi\s+tieu|muc\s+tieu|dich\s+vu|tien\s+ich|linh\s+vuc"
              r"|loi\s+ich|diem\s+sang|noi\s+dung|thanh\s+phan|dai\s+bieu|thu\s+tuc)\b",
              # a counted head asked with "là gì": "Bốn quan điểm chỉ đạo … là gì?"
              r"^(?:cac\s+|nhung\s+)?(?:\d{1,2}|hai|ba|bon|sau|bay|tam|chin|muoi)\s+"
              r"(?!thang\b|nam\b|ngay\b)[^\W\d]+\b.*\bla\s+(?:nhung\s+)?(?:gi|cai\s+gi)\b"),
    examples=("Chính phủ ban hành những văn bản gì thế?",  # documents: a list ("bàn những
              "Liệt kê những kết quả nổi bật của Nghệ An",  # gì", discussed: a summary)
              "Các nhiệm vụ trọng tâm Thủ tướng giao cho thời gian tới gồm những gì?",
              "Khai thác dữ liệu dân cư đem lại những ích lợi cụ thể nào?",
              "Thủ tướng nêu 4 quan điểm chỉ đạo nào đối với chuyển đổi số?",
              "Bốn quan điểm chỉ đạo mà Thủ tướng nhấn mạnh tại Phiên họp lần thứ 10 là gì?"),
    plan=plan_list))
